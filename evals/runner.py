"""Run the eval suites, check the scores against `thresholds.toml`, write the scorecard."""

from __future__ import annotations

import importlib
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from evals.scorecard import (
    Scorecard,
    SuiteResult,
    failed_thresholds,
    load_thresholds,
    render_markdown,
    threshold_checks,
)

if TYPE_CHECKING:
    from evals.suites import Suite
    from summarize.llm.settings import LLMSettings
    from summarize.models import Backend

# Imported on demand: a suite's imports (rouge-score, the pipeline) are slow.
SUITES = {
    "seeds": "evals.suites.seeds:run_seeds",
    "neus": "evals.suites.neus:run_neus",
    "summedits": "evals.suites.summedits:run_summedits",
    "checker_dev": "evals.suites.checker_dev:run_checker_dev",
    "conflicts": "evals.suites.conflicts:run_conflicts",
}
SUITE_NAMES = tuple(SUITES)


def _suite(name: str) -> Suite:
    if name not in SUITES:
        raise ValueError(f"unknown eval suite {name!r}; choose from {', '.join(SUITES)}")
    module, _, function = SUITES[name].partition(":")
    return getattr(importlib.import_module(module), function)


class _Bar:
    """One suite's row of the progress bar."""

    def __init__(self, progress: Progress, task: TaskID) -> None:
        self._progress, self._task = progress, task

    def start(self, total: int) -> None:
        self._progress.update(self._task, total=total)

    def advance(self) -> None:
        self._progress.advance(self._task)


def run_evals(
    suites: Sequence[str] = SUITE_NAMES,
    backend: Backend = "extractive",
    output_dir: Path | None = None,
    progress: bool = True,
    llm_settings: LLMSettings | None = None,
) -> Scorecard:
    """Run the suites in order, compare with the thresholds, and write scorecard.json and
    scorecard.md to `output_dir` when given. `scorecard.failed` lists the scores past a bound."""
    runs = [(name, _suite(name)) for name in dict.fromkeys(suites)]
    started = time.perf_counter()
    results: list[SuiteResult] = []
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    console = Console(stderr=True)
    with Progress(*columns, console=console, disable=not progress) as bar:
        for name, suite in runs:
            task = bar.add_task(name, total=None)
            suite_started = time.perf_counter()
            result = suite(backend, llm_settings, _Bar(bar, task))
            result.seconds = round(time.perf_counter() - suite_started, 2)
            results.append(result)
    scorecard = Scorecard(
        backend=backend, suites=results, seconds=round(time.perf_counter() - started, 2)
    )
    thresholds = load_thresholds(backend)
    scorecard.checks = threshold_checks(scorecard, thresholds)
    scorecard.failed = failed_thresholds(scorecard, thresholds)
    if output_dir is not None:
        write_scorecard(scorecard, output_dir)
    return scorecard


def write_scorecard(scorecard: Scorecard, output_dir: Path) -> None:
    output_dir.mkdir(parents=True, exist_ok=True)
    (output_dir / "scorecard.json").write_text(
        scorecard.model_dump_json(indent=2) + "\n", encoding="utf-8"
    )
    (output_dir / "scorecard.md").write_text(render_markdown(scorecard), encoding="utf-8")
