"""The eval suites: each runs the project on one dataset and scores it (data, solver, scorer)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from evals.scorecard import SuiteResult
    from summarize.llm.settings import LLMSettings
    from summarize.models import Backend


class Progress(Protocol):
    """Where a suite reports how far it is (a progress bar, or nothing)."""

    def start(self, total: int) -> None: ...

    def advance(self) -> None: ...


class Suite(Protocol):
    def __call__(
        self, backend: Backend, llm_settings: LLMSettings | None, progress: Progress
    ) -> SuiteResult: ...
