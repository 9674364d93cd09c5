"""The eval suites, in inspect_ai's terms a dataset, a solver and scorers.

The normal suite is a `DatasetSuite`: a dataset of clusters (`evals.dataset`), each merged (or
only checked) under the run and scored by `evals.scoring`, exactly as a user's `--dataset` file
is. A `finish` hook may add what only that suite has (the NeuS peers' table). A suite that is not
a dataset of clusters (SummEdits: document/summary pairs for the judge) is a `CustomSuite` that
returns its `SuiteResult` itself. To add a suite: a module here defining one of them, and its
name in SUITES.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from evals.dataset import Dataset
    from evals.runs import Run
    from evals.scorecard import SuiteResult

Solve = Literal["merge", "check"]


class Progress(Protocol):
    """Where a suite reports how far it is (a progress bar, or nothing)."""

    def start(self, total: int) -> None: ...

    def advance(self) -> None: ...


@dataclass(frozen=True)
class DatasetSuite:
    name: str
    load: Callable[[], Dataset]
    max_words: int | None = None  # the summary length when neither the run nor the line sets one
    solve: Solve = "merge"  # "check": findings only, no summary
    finish: Callable[[SuiteResult, Dataset, Run], None] | None = None


@dataclass(frozen=True)
class CustomSuite:
    name: str
    run: Callable[[Run, int | None, Progress], SuiteResult]  # (run, limit, progress)


Suite = DatasetSuite | CustomSuite

# name -> "module:attribute", imported on demand (a suite's imports can be slow).
SUITES = {
    "seeds": "evals.suites.seeds:SEEDS",
    "seeds_short": "evals.suites.seeds:SEEDS_SHORT",
    "neus50": "evals.suites.neus:NEUS_50",
    "neus75": "evals.suites.neus:NEUS_75",
    "summedits": "evals.suites.summedits:SUMMEDITS",
    "checker_dev": "evals.suites.checker_dev:CHECKER_DEV",
    "checker_test": "evals.suites.checker_dev:CHECKER_TEST",
    "checker_heldout": "evals.suites.checker_judged:CHECKER_HELDOUT",
    "checker_review": "evals.suites.checker_judged:CHECKER_REVIEW",
    "checker_fresh": "evals.suites.checker_judged:CHECKER_FRESH",
    "checker_blind": "evals.suites.checker_judged:CHECKER_BLIND",
    "conflicts": "evals.suites.conflicts:CONFLICTS",
    "checker_sealed": "evals.suites.checker_dev:CHECKER_SEALED",
}
# Run only when named: a labelled set made to be scored once, unread, when a round of checker
# work ends (see data/checker_sealed/README.md); a default run would show its misses to all.
SEALED = ("checker_sealed",)
DEFAULT_SUITES = tuple(name for name in SUITES if name not in SEALED)


def builtin_suite(name: str) -> Suite:
    if name not in SUITES:
        raise ValueError(f"unknown eval suite {name!r}; choose from {', '.join(SUITES)}")
    module, _, attribute = SUITES[name].partition(":")
    suite: Suite = getattr(importlib.import_module(module), attribute)
    return suite
