"""Batch runs: a JSONL file of clusters in, a JSONL file of reports out, resumable.

Each input line is one cluster ({"id", "sources": [...]}); each output line is that cluster's
report (the JSON contract, with its "id") or an error record {"id": ..., "error": "reason"}.
An input line that is not JSON gets the id "line-N" (N counting from 1), as does a record
without an id. Lines are written whole, with one write each, as clusters finish (in order of
completion), so a killed run leaves at most one partial line at the end of the output; a run
with `resume=True` cuts that partial line off and skips every id already written (error records
too: delete their lines to retry them). Without `resume` the output is started afresh.

The input is streamed: at most a few clusters per worker are in flight at once, so a file of
10^5 clusters never sits in memory, and a line over 10 MB gets an error record unread. Workers
are processes (engine "local") or Ray tasks (engine "ray", see summarize.batch.ray_engine).
Ctrl-C, SIGTERM and SIGHUP stop at once, end every worker and keep every line already written;
workers also end when the batch process dies. The output is locked while the batch runs: a second
batch on the same output gets a BatchError, as do an input that is no regular file, an output that
is a directory, the input or in no directory, and an engine that is not installed.
"""

from __future__ import annotations

import functools
import os
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from types import FrameType
from typing import Literal

from pydantic import BaseModel, Field
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from summarize.batch.files import (
    BatchError,
    InputReader,
    OutputFile,
    check_files,
    count_lines,
    read_written_ids,
)
from summarize.batch.jobs import Job, Outcome
from summarize.batch.local import local_outcomes

__all__ = ["BatchError", "BatchResult", "read_written_ids", "run_batch"]

Engine = Literal["local", "ray"]
Outcomes = Callable[[Iterable[Job | Outcome]], Generator[Outcome, None, None]]
# Signals that stop a batch the way Ctrl-C does: a polite kill, the terminal closing.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


class BatchResult(BaseModel):
    done: int = Field(description="clusters whose report was written in this run")
    failed: int = Field(description="error records written in this run (bad lines included)")
    skipped: int = Field(description="clusters already in the output, or repeated in the input")
    seconds: float
    interrupted: bool = Field(default=False, description="stopped by Ctrl-C before the end")
    first_failure: str | None = Field(
        default=None, description="the first cluster or line that failed, and why"
    )


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(
            f"{speed:.1f} clusters/s" if speed else "- clusters/s", style="progress.data.speed"
        )


def _describe(failed: int) -> str:
    return f"clusters, {failed} failed"


def _progress(enabled: bool) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not enabled,
    )


# ---------------------------------------------------------------- the batch


def run_batch(
    input_path: Path,
    output_path: Path,
    jobs: int | None = None,
    resume: bool = False,
    engine: Engine = "local",
    max_words: int | None = None,
    progress: bool = True,
) -> BatchResult:
    """Summarise every cluster of `input_path` into `output_path` (see the module docstring).

    `jobs` defaults to the number of cores; with engine "ray" it only bounds the tasks in flight
    and defaults to the CPUs of the Ray cluster. Never raises for a bad cluster or line: they are
    counted in `failed`. Raises BatchError, before any work, when the files or the engine cannot
    be used (see the module docstring). Ctrl-C or SIGTERM returns with `interrupted=True`.
    """
    check_files(input_path, output_path)
    outcomes_of = _engine(engine, jobs, max_words)
    started = time.perf_counter()
    output = OutputFile(output_path, resume)
    done = failed = 0
    first_failure: str | None = None
    interrupted = False
    try:
        reader = InputReader(input_path, set(output.written))
        with _stopped_by_signals(), _progress(progress) as bar:
            # The total, for the ETA, costs a pass over the input: only with a bar to show.
            total = max(count_lines(input_path) - len(output.written), 0) if progress else None
            task = bar.add_task(_describe(0), total=total)
            try:
                with closing(outcomes_of(reader)) as outcomes:
                    for outcome in outcomes:
                        output.write(outcome.line)
                        failed += outcome.failed
                        done += not outcome.failed
                        if outcome.failed and first_failure is None:
                            first_failure = f"{outcome.id}: {outcome.reason}"
                        bar.update(task, advance=1, description=_describe(failed))
            except KeyboardInterrupt:
                interrupted = True
    finally:
        output.close()
    return BatchResult(
        done=done,
        failed=failed,
        skipped=reader.skipped,
        seconds=round(time.perf_counter() - started, 3),
        interrupted=interrupted,
        first_failure=first_failure,
    )


def _engine(engine: Engine, jobs: int | None, max_words: int | None) -> Outcomes:
    if engine == "local":
        return functools.partial(
            local_outcomes, jobs=jobs or os.cpu_count() or 1, max_words=max_words
        )
    try:
        from summarize.batch.ray_engine import ray_outcomes
    except ImportError:
        raise BatchError(
            "--engine ray needs Ray, which is not installed: pip install 'summarize[ray]'"
        ) from None
    return functools.partial(ray_outcomes, jobs=jobs, max_words=max_words)


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """While the batch runs, STOP_SIGNALS stop it as Ctrl-C does (the workers are ended and the
    lines written are kept). Signal handlers belong to the main thread: elsewhere, nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = {stop_signal: signal.signal(stop_signal, stop) for stop_signal in STOP_SIGNALS}
    try:
        yield
    finally:
        for stop_signal, handler in previous.items():
            signal.signal(stop_signal, handler)
