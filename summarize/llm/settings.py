"""How to reach the model: endpoint, key, limits, cache. Read from the environment or options."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator

from summarize.llm.errors import LLMError, shown_url

DEFAULT_MODEL = "gpt-4o-mini"
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


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
    timeout: float = Field(
        default=60,
        gt=0,
        description="seconds of silence from the server before an attempt is given up "
        "(plus the time it needs to read the prompt, see prompt_tokens_per_second)",
    )
    prompt_tokens_per_second: float = Field(
        default=20,
        gt=0,
        description="the slowest prompt reading to wait for: SmolLM2-135M on 2 shared CPU cores "
        "read 80 to 200 tokens/s (17 while ggml's threads spun), a 7B model on a CPU reads tens",
    )
    max_retries: int = Field(default=4, ge=0, description="retries on 429, 5xx, timeouts")
    backoff_base: float = Field(default=0.5, ge=0, description="first back-off delay, seconds")
    backoff_max: float = Field(default=30, ge=0, description="longest back-off or Retry-After")
    max_repairs: int = Field(default=2, ge=0, description="re-asks after invalid JSON answers")
    max_input_tokens: int | None = Field(
        default=None, gt=0, description="prompt budget; None: the model's context window"
    )
    concurrency: int | None = Field(
        default=None,
        ge=1,
        description="requests in flight at once; None: llama.cpp's slot count, else 1 for a "
        "server on this machine (its requests share one context), else 4",
    )
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

    @property
    def endpoint(self) -> str:
        """Where requests go, for messages: the base URL or OpenAI's."""
        return self.base_url or "https://api.openai.com/v1"


# Longer URLs are refused by HTTP clients and servers alike.
MAX_URL_CHARS = 2000


def check_settings(settings: LLMSettings) -> None:
    """Fail early, with a message saying what to set, when the endpoint or key is missing or
    cannot be sent."""
    key = settings.api_key.get_secret_value() if settings.api_key is not None else ""
    if not (key.isascii() and key.isprintable()):
        raise LLMError(
            "the API key (OPENAI_API_KEY) holds characters an HTTP header cannot carry: "
            "copy it again"
        )
    if settings.base_url is not None:
        if len(settings.base_url) > MAX_URL_CHARS:
            raise LLMError(f"the LLM base URL is longer than {MAX_URL_CHARS} characters")
        try:
            parsed = urlparse(settings.base_url)
            parsed.port  # noqa: B018 - raises ValueError for a port that is no number
        except ValueError:  # "http://[::1": an IPv6 host left open; "host:p4ss"
            parsed = urlparse("")
        printable = settings.base_url.isprintable() and " " not in settings.base_url
        if parsed.scheme not in ("http", "https") or not parsed.netloc or not printable:
            raise LLMError(
                "the LLM base URL must look like http(s)://host[:port]/v1 (a user's password "
                "in it percent-encoded: %2F for '/', %40 for '@'), "
                f"got '{shown_url(settings.base_url)}'"
            )
        if "@" in settings.base_url.partition("://")[2] and "@" not in parsed.netloc:
            raise LLMError(
                "the LLM base URL holds an '@' after its host: percent-encode a '/', '?' or "
                f"'#' in its password (%2F, %3F, %23), got '{shown_url(settings.base_url)}'"
            )
    elif settings.api_key is None and settings.replay is None:
        raise LLMError(
            "no API key for the LLM backend: set OPENAI_API_KEY, or point --base-url "
            "(OPENAI_BASE_URL) at a server that needs none"
        )


def is_loopback(base_url: str | None) -> bool:
    """Whether `base_url` is a server on this machine."""
    host = (urlparse(base_url).hostname or "") if base_url else ""
    return host in LOOPBACK_HOSTS or host.startswith("127.")
