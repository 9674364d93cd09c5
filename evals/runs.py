"""A run: one column of the eval matrix, saying who writes the summaries and with what.

The extractive backend needs nothing more. An LLM run names the model, the OpenAI-compatible
endpoint (the key is read from OPENAI_API_KEY, never from a file), a directory of edited prompt
templates and a summary length; `--record` / `--replay` add a cassette to every LLM run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from summarize.llm.prompts import PROMPTS_DIR_ENV
from summarize.models import Backend

if TYPE_CHECKING:
    from summarize.llm.settings import LLMSettings

Bound = Literal["minimum", "maximum"]
Thresholds = dict[Bound, dict[str, float]]
"""{"minimum": {"dataset.metric": bound}, "maximum": {...}}; names as in scorecard.json."""


class Run(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="", description="the column's header; default: the backend")
    backend: Backend = "extractive"
    model: str | None = Field(default=None, description="default: SUMMARIZE_MODEL or gpt-4o-mini")
    base_url: str | None = Field(default=None, description="default: OPENAI_BASE_URL or OpenAI")
    prompts: Path | None = Field(default=None, description="a directory of prompt templates")
    max_words: int | None = Field(
        default=None, gt=0, description="summary length; default: the line's, then the suite's"
    )
    thresholds: Thresholds = Field(
        default_factory=dict, description="bounds for this run only, on top of the shared ones"
    )

    @model_validator(mode="after")
    def _named(self) -> Run:
        if not self.name:
            self.name = self.backend if self.model is None else f"{self.backend} {self.model}"
        return self

    def llm_settings(self, cassette: CassetteUse | None = None) -> LLMSettings | None:
        """How an LLM run reaches its model (None for the extractive backend)."""
        if self.backend != "llm":
            return None
        from summarize.llm.settings import LLMSettings

        return LLMSettings.from_env(
            model=self.model,
            base_url=self.base_url,
            replay=cassette.path if cassette and cassette.mode == "replay" else None,
            record=cassette.path if cassette and cassette.mode == "record" else None,
        )


class CassetteUse(BaseModel):
    """What every LLM run does with a cassette file (`--record FILE` / `--replay FILE`)."""

    mode: Literal["record", "replay"]
    path: Path


@contextmanager
def prompts_from(directory: Path | None) -> Iterator[None]:
    """Prompt templates read from `directory` (the run's) while inside, as SUMMARIZE_PROMPTS_DIR
    does for `summarize merge`."""
    if directory is None:
        yield
        return
    before = os.environ.get(PROMPTS_DIR_ENV)
    os.environ[PROMPTS_DIR_ENV] = str(directory)
    try:
        yield
    finally:
        if before is None:
            del os.environ[PROMPTS_DIR_ENV]
        else:
            os.environ[PROMPTS_DIR_ENV] = before
