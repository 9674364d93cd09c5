"""The offline checker: every family of findings, from the analysis alone (no model)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.check import Aligned, Checked
from summarize.check.coverage import check_coverage
from summarize.check.moments import check_moments
from summarize.check.names import check_names
from summarize.check.quantities import check_quantities
from summarize.check.wording import check_wording

if TYPE_CHECKING:
    from summarize.llm.settings import LLMSettings


class RulesChecker:
    def __init__(self, llm_settings: LLMSettings | None = None) -> None:
        """The rules need no model; the settings are taken as every checker takes them."""

    def check(self, aligned: Aligned) -> Checked:
        analysis, groups = aligned.analysis, aligned.groups
        pairs = aligned.similarities.pairs
        return Checked(
            findings=[
                *check_quantities(analysis, groups, aligned.similarities.figure_pairs),
                *check_moments(analysis, groups, aligned.similarities),
                *check_wording(analysis, groups, aligned.similarities),
                *check_names(analysis),
                *check_coverage(analysis, groups, pairs),
            ]
        )
