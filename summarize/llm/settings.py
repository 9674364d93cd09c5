"""How to reach the model: endpoint, key, limits, cache. Read from the environment or options."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator

from summarize.llm import catalog

DEFAULT_MODEL = "gpt-4o-mini"


def _env(name: str) -> str | None:
    return os.environ.get(name) or None


def _default_cache_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("summarize")) / "llm.sqlite"


class LLMSettings(BaseModel):
    """Everything the LLM backend needs. `api_key` is a SecretStr: it never shows in repr or logs.

    Any OpenAI-compatible server works: leave `base_url` unset for OpenAI itself, or point it at
    Azure OpenAI (`https://RESOURCE.openai.azure.com/openai/v1/`), vLLM, Ollama or llama.cpp.
    """

    model: str = Field(default_factory=lambda: _env("SUMMARIZE_MODEL") or DEFAULT_MODEL)
    base_url: str | None = Field(default_factory=lambda: _env("OPENAI_BASE_URL"))
    api_key: SecretStr | None = Field(
        default_factory=lambda: SecretStr(key) if (key := _env("OPENAI_API_KEY")) else None
    )
    timeout: float = Field(default=60, gt=0, description="seconds per HTTP request")
    max_retries: int = Field(default=4, ge=0, description="retries on 429, 5xx, timeouts")
    backoff_base: float = Field(default=0.5, ge=0, description="first back-off delay, seconds")
    backoff_max: float = Field(default=30, ge=0, description="longest back-off or Retry-After")
    max_repairs: int = Field(default=2, ge=0, description="re-asks after invalid JSON answers")
    max_input_tokens: int | None = Field(
        default=None, gt=0, description="prompt budget; None: the model's context window"
    )
    concurrency: int = Field(default=4, ge=1, description="parallel requests in map steps")
    cache_path: Path = Field(
        default_factory=_default_cache_path, description="SQLite log and cache; None: default"
    )
    use_cache: bool = Field(default=True, description="False: always ask, but still log")
    temperature: float = Field(default=0, ge=0, le=2)
    replay: Path | None = Field(
        default=None,
        description="a cassette (cache.Cassette) to answer from; a request it lacks is an "
        "error, never sent",
    )
    record: Path | None = Field(
        default=None, description="a cassette to keep every answer used on (see cache.Cassette)"
    )

    @field_validator("cache_path", mode="before")
    @classmethod
    def _default_when_none(cls, path: object) -> object:
        return path if path is not None else _default_cache_path()

    @model_validator(mode="after")
    def _one_cassette_mode(self) -> LLMSettings:
        if self.replay is not None and self.record is not None:
            raise ValueError("replay and record a cassette at once: choose one")
        if self.replay is not None:
            self.use_cache = True  # a replay answers from the cassette and nowhere else
        return self

    @classmethod
    def from_env(cls, **overrides: Any) -> LLMSettings:
        """Settings from the environment, with every override that is not None on top.

        The CLI can pass all its options through: an option left unset (None) keeps the
        environment's or the default value.
        """
        return cls(**{name: value for name, value in overrides.items() if value is not None})

    def input_budget(self, reserved_output_tokens: int) -> int:
        """Tokens a prompt may use: the explicit limit, or the context minus the answer's room."""
        if self.max_input_tokens is not None:
            return self.max_input_tokens
        return max(1_024, catalog.context_tokens(self.model) - reserved_output_tokens)

    @property
    def endpoint(self) -> str:
        """Where requests go, for messages: the base URL or OpenAI's."""
        return self.base_url or "https://api.openai.com/v1"
