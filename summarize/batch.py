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
"ray", see summarize.batch_ray). Ctrl-C stops at once and keeps every line already written.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass
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

from summarize.ingest import cluster_from_record
from summarize.pipeline import merge
from summarize.render.json import render_json

Engine = Literal["local", "ray"]
# Clusters queued per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 4


class BatchResult(BaseModel):
    done: int = Field(description="clusters whose report was written in this run")
    failed: int = Field(description="error records written in this run (bad lines included)")
    skipped: int = Field(description="clusters already in the output, or repeated in the input")
    seconds: float
    interrupted: bool = Field(default=False, description="stopped by Ctrl-C before the end")


@dataclass(frozen=True)
class Job:
    """One parsed input line, to be summarised by a worker."""

    id: str
    record: object


@dataclass(frozen=True)
class Outcome:
    """One finished output line (without its newline)."""

    id: str
    line: str
    failed: bool


def error_outcome(cluster_id: str, reason: str) -> Outcome:
    return Outcome(
        cluster_id, json.dumps({"id": cluster_id, "error": reason}, ensure_ascii=False), failed=True
    )


def summarize_job(job: Job, max_words: int | None) -> Outcome:
    """The report line of one cluster; any failure becomes its error record (never raises)."""
    try:
        cluster = cluster_from_record(job.record, source=job.id)
        if not cluster.documents:
            reasons = "; ".join(f"{p.source}: {p.message}" for p in cluster.problems)
            return error_outcome(job.id, reasons or "no usable report in the cluster")
        line = render_json(merge(cluster, max_words=max_words), indent=None)
    except Exception as error:
        return error_outcome(job.id, f"{type(error).__name__}: {error}")
    return Outcome(job.id, line, failed=False)


def record_id(record: object, line_id: str) -> str:
    """The id cluster_from_record gives this record when its source is named `line_id`."""
    if isinstance(record, dict) and record.get("id") not in (None, ""):
        return str(record["id"])
    return line_id


# ---------------------------------------------------------------- reading and writing


def read_written_ids(output_path: Path) -> set[str]:
    """Ids already in the output; a partial last line (a killed write) is cut off the file."""
    ids: set[str] = set()
    if not output_path.exists():
        return ids
    complete = 0
    with output_path.open("rb") as output:
        for number, line in enumerate(output, 1):
            if not line.endswith(b"\n"):
                break
            complete += len(line)
            if not line.strip():
                continue
            try:
                ids.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(
                    f"{output_path}:{number} is not a report line ({error}); "
                    "remove it before resuming"
                ) from None
    if complete < output_path.stat().st_size:
        os.truncate(output_path, complete)
    return ids


def count_lines(path: Path) -> int:
    with path.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


class InputReader:
    """Streams the input's lines as Jobs, or as error Outcomes for lines that are not JSON."""

    def __init__(self, input_path: Path, seen: set[str]) -> None:
        self.input_path = input_path
        self.seen = seen
        self.skipped = 0

    def __iter__(self) -> Iterator[Job | Outcome]:
        with self.input_path.open(encoding="utf-8", errors="replace") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                line_id = f"line-{number}"
                try:
                    record = json.loads(line)
                except ValueError as error:
                    item: Job | Outcome = error_outcome(line_id, f"not JSON: {error}")
                else:
                    item = Job(record_id(record, line_id), record)
                if item.id in self.seen:
                    self.skipped += 1
                    continue
                self.seen.add(item.id)
                yield item


class LineWriter:
    """Appends whole lines with one unbuffered write each, so a kill cannot split a line."""

    def __init__(self, path: Path, append: bool) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC))

    def write(self, line: str) -> None:
        data = memoryview((line + "\n").encode("utf-8"))
        while data:
            data = data[os.write(self.fd, data) :]

    def close(self) -> None:
        os.close(self.fd)


# ---------------------------------------------------------------- the local engine


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    # forkserver: workers are not forked from the parent, whose progress bar runs a thread.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["summarize.batch"])
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_ignore_interrupts)


WORKER_DIED = (
    "a worker process died while this cluster was in flight (killed, or out of memory); "
    "delete this line and resume to retry"
)


def local_outcomes(
    items: Iterable[Job | Outcome], jobs: int, max_words: int | None
) -> Iterator[Outcome]:
    """Outcomes in order of completion, from a pool of `jobs` processes.

    A worker that dies fails the clusters in flight at that moment, with that reason, and a
    fresh pool takes over the rest. Closing the generator early (Ctrl-C) kills the workers.
    """
    earlier_children = set(multiprocessing.active_children())
    pool = _new_pool(jobs)
    pending: dict[Future[Outcome], Job] = {}

    def finished() -> Iterator[Outcome]:
        nonlocal pool
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        if any(isinstance(future.exception(), BrokenProcessPool) for future in done):
            pool.shutdown(wait=True)  # a broken pool has failed every pending future
            pool = _new_pool(jobs)
            done = set(pending)
        for future in done:
            job = pending.pop(future)
            broken = isinstance(future.exception(), BrokenProcessPool)
            yield error_outcome(job.id, WORKER_DIED) if broken else future.result()

    completed = False
    try:
        for item in items:
            if isinstance(item, Outcome):
                yield item
                continue
            pending[pool.submit(summarize_job, item, max_words)] = item
            if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                yield from finished()
        while pending:
            yield from finished()
        completed = True
    finally:
        if not completed:
            pool.shutdown(wait=False, cancel_futures=True)
            for worker in set(multiprocessing.active_children()) - earlier_children:
                worker.terminate()
        pool.shutdown(wait=True)


# ---------------------------------------------------------------- progress


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
        from summarize.batch_ray import ray_outcomes

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
