"""Run suites under runs (the matrix): each dataset's clusters in parallel, progress on stderr,
every run's scores checked against its thresholds; write the scorecard."""

from __future__ import annotations

import functools
import multiprocessing
import signal
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TypeVar

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

from evals.dataset import Dataset, EvalCase
from evals.runs import CassetteUse, Run, Thresholds
from evals.scorecard import (
    CaseResult,
    RunResult,
    Scorecard,
    SuiteResult,
    combine,
    load_thresholds,
    render_markdown,
    threshold_checks,
)
from evals.scoring import aggregate_all
from evals.solver import evaluate_case
from evals.suites import DEFAULT_SUITES, CustomSuite, DatasetSuite, Suite, builtin_suite

T = TypeVar("T")


class _Bar:
    """One suite's row of the progress bar."""

    def __init__(self, progress: Progress, task: TaskID) -> None:
        self._progress, self._task = progress, task

    def start(self, total: int) -> None:
        self._progress.update(self._task, total=total)

    def advance(self) -> None:
        self._progress.advance(self._task)


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Workers:
    """Clusters scored in this process (one job) or in a pool of worker processes."""

    def __init__(self, jobs: int) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._earlier = set(multiprocessing.active_children())
        if jobs > 1:
            # forkserver: workers are not forked from the parent, whose progress bar runs a thread.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["evals.solver"])
            self._pool = ProcessPoolExecutor(
                jobs, mp_context=context, initializer=_ignore_interrupts
            )

    def map(
        self, work: Callable[[EvalCase], T], cases: Sequence[EvalCase], done: Callable[[], None]
    ) -> list[T]:
        """`work` on every case, results in the cases' order; `done` after each."""
        if self._pool is None:
            results = []
            for case in cases:
                results.append(work(case))
                done()
            return results
        futures: list[Future[T]] = [self._pool.submit(work, case) for case in cases]
        for _ in as_completed(futures):
            done()
        return [future.result() for future in futures]

    def close(self, cancel: bool) -> None:
        """Stop the workers; `cancel` (Ctrl-C, an error): at once, killing clusters in flight."""
        if self._pool is None:
            return
        if cancel:
            self._pool.shutdown(wait=False, cancel_futures=True)
            for worker in set(multiprocessing.active_children()) - self._earlier:
                worker.terminate()
        self._pool.shutdown(wait=True)


def _dataset_result(
    suite: DatasetSuite,
    dataset: Dataset,
    run: Run,
    workers: _Workers,
    cassette: CassetteUse | None,
    bar: _Bar,
) -> SuiteResult:
    bar.start(len(dataset.cases))
    work = functools.partial(
        evaluate_case, run=run, solve=suite.solve, max_words=suite.max_words, cassette=cassette
    )
    cases: list[CaseResult] = workers.map(work, dataset.cases, bar.advance)
    result = SuiteResult(
        name=suite.name,
        metrics=aggregate_all(cases),
        cases=cases,
        problems=[problem.describe(dataset.source) for problem in dataset.problems],
    )
    if suite.finish is not None:
        suite.finish(result, dataset, run)
    return result


def run_evals(
    suites: Sequence[str | Suite] = DEFAULT_SUITES,
    runs: Sequence[Run] = (Run(),),
    *,
    thresholds: Thresholds | None = None,
    jobs: int = 1,
    limit: int | None = None,
    cassette: CassetteUse | None = None,
    progress: bool = True,
) -> Scorecard:
    """Every suite under every run, in order. Each run's thresholds: the reviewed ones of the
    built-in suites for its backend (thresholds.toml), then `thresholds`, then the run's own.
    With a cassette to record, it holds exactly the answers of this matrix afterwards."""
    chosen = [builtin_suite(suite) if isinstance(suite, str) else suite for suite in suites]
    chosen = list({suite.name: suite for suite in chosen}.values())
    datasets: dict[str, Dataset] = {}
    console = Console(stderr=True)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description:<24}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    recording = None
    if cassette is not None and cassette.mode == "record":
        from summarize.llm.cache import Cassette

        recording = Cassette(cassette.path)
        recording.start_recording()
    started = time.perf_counter()
    results: list[RunResult] = []
    workers = _Workers(jobs)
    completed = False
    try:
        with Progress(*columns, console=console, disable=not progress) as bars:
            for run in runs:
                run_started = time.perf_counter()
                suite_results = []
                for suite in chosen:
                    label = suite.name if len(runs) == 1 else f"{run.name}: {suite.name}"
                    bar = _Bar(bars, bars.add_task(label, total=None))
                    suite_started = time.perf_counter()
                    if isinstance(suite, CustomSuite):
                        result = suite.run(run, limit, bar)
                    else:
                        if suite.name not in datasets:
                            datasets[suite.name] = suite.load().limited(limit)
                        result = _dataset_result(
                            suite, datasets[suite.name], run, workers, cassette, bar
                        )
                    result.seconds = round(time.perf_counter() - suite_started, 2)
                    suite_results.append(result)
                bounds = combine(load_thresholds(run.backend), thresholds or {}, run.thresholds)
                results.append(
                    RunResult(
                        run=run,
                        suites=suite_results,
                        checks=threshold_checks(suite_results, bounds),
                        seconds=round(time.perf_counter() - run_started, 2),
                    )
                )
        completed = True
    finally:
        workers.close(cancel=not completed)
    if recording is not None:
        count = recording.finish_recording()
        console.print(f"summarize: eval: {count} answer(s) recorded to {recording.path}")
    return Scorecard(runs=results, seconds=round(time.perf_counter() - started, 2))


def write_scorecard(scorecard: Scorecard, output_dir: Path) -> None:
    """scorecard.json (every score, per cluster too: a baseline for the next run) and
    scorecard.md (for people, and for a pull-request comment)."""
    output_dir.mkdir(parents=True, exist_ok=True)
    (output_dir / "scorecard.json").write_text(
        scorecard.model_dump_json(indent=1) + "\n", encoding="utf-8"
    )
    (output_dir / "scorecard.md").write_text(render_markdown(scorecard), encoding="utf-8")
