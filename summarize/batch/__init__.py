"""Batch runs: a JSONL file of clusters in, a JSONL file of reports out, resumable.

Each input line is one cluster ({"id", "sources": [...]}); each output line is that cluster's
report (the JSON contract, with its "id") or an error record {"id": ..., "error": "reason"}.
An input line that is not JSON gets the id "line-N" (N counting from 1), as does a record
without an id. Lines are written whole, with one write each, as clusters finish (in order of
completion), so a killed run leaves at most one partial line at the end of the output; a run
with `resume=True` cuts that partial line off and skips every id already written (error records
too: delete their lines to retry them). Without `resume` the output is started afresh.

The input is streamed: at most a few clusters per worker are in flight at once, so a file of
10^5 clusters never sits in memory. Workers are processes (engine "local") or Ray tasks (engine
"ray", see summarize.batch.ray_engine). Ctrl-C stops at once and keeps every line already written.
"""

from __future__ import annotations

import os
import time
from contextlib import closing
from pathlib import Path
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

from summarize.batch.files import InputReader, LineWriter, count_lines, read_written_ids
from summarize.batch.local import local_outcomes

Engine = Literal["local", "ray"]


class BatchResult(BaseModel):
    done: int = Field(description="clusters whose report was written in this run")
    failed: int = Field(description="error records written in this run (bad lines included)")
    skipped: int = Field(description="clusters already in the output, or repeated in the input")
    seconds: float
    interrupted: bool = Field(default=False, description="stopped by Ctrl-C before the end")


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
    counted in `failed` (FileNotFoundError for a missing input, ValueError for an output that is
    the input or, on resume, has a corrupt line). Ctrl-C returns with `interrupted=True`.
    """
    if not input_path.is_file():
        raise FileNotFoundError(f"no such input file: {input_path}")
    if output_path.exists() and output_path.samefile(input_path):
        raise ValueError("the output must not be the input file")
    started = time.perf_counter()
    written = read_written_ids(output_path) if resume else set()
    reader = InputReader(input_path, set(written))
    if engine == "ray":
        from summarize.batch.ray_engine import ray_outcomes

        outcomes = ray_outcomes(reader, jobs, max_words)
    else:
        outcomes = local_outcomes(reader, jobs or os.cpu_count() or 1, max_words)

    done = failed = 0
    interrupted = False
    writer = LineWriter(output_path, append=resume)
    with _progress(progress) as bar, closing(outcomes):
        # The total, for the ETA, costs a pass over the input: only with a bar to show.
        total = max(count_lines(input_path) - len(written), 0) if progress else None
        task = bar.add_task(_describe(0), total=total)
        try:
            for outcome in outcomes:
                writer.write(outcome.line)
                failed += outcome.failed
                done += not outcome.failed
                bar.update(task, advance=1, description=_describe(failed))
        except KeyboardInterrupt:
            interrupted = True
        finally:
            writer.close()
    return BatchResult(
        done=done,
        failed=failed,
        skipped=reader.skipped,
        seconds=round(time.perf_counter() - started, 3),
        interrupted=interrupted,
    )
