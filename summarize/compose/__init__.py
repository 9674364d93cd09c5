"""Compose: the merged summary, each sentence citing the reports that support it.

Composers are strategies: `extractive` (offline, deterministic: sentences chosen from the
reports) and `llm` (a model writes it, the faithfulness guard vets every sentence). A new
composer is one module with a class that has `compose(...) -> Summary`, named in COMPOSERS.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from summarize.models import Analysis, ClaimGroup, Finding, Summary
from summarize.strategies import load_strategy

if TYPE_CHECKING:
    from summarize.llm.settings import LLMSettings


class Composer(Protocol):
    def compose(
        self,
        analysis: Analysis,
        groups: list[ClaimGroup],
        findings: list[Finding],
        max_words: int,
        fill: bool = True,
    ) -> Summary:
        """At most `max_words`, filled when `fill` (the reader asked for that length); else (the
        tool's length) each fact told once, in prose: no sentence telling again what another
        tells, and no headline."""
        ...


COMPOSERS = {
    "extractive": "summarize.compose.extractive:ExtractiveComposer",
    "llm": "summarize.compose.llm:LLMComposer",
}


def composer(name: str, llm_settings: LLMSettings | None = None) -> Composer:
    """The composer registered under `name`, built with the LLM settings (used only by `llm`)."""
    composer_: Composer = load_strategy(COMPOSERS, name)(llm_settings)
    return composer_
