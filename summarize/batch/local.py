"""The "local" engine: the jobs in a pool of worker processes on this machine.

No process outlives the batch: closing the outcomes (the end, Ctrl-C, SIGTERM) ends the workers,
and a worker whose batch process died (SIGKILL, out of memory) ends itself. The forkserver and
the resource tracker end on their own once the batch process and its workers are gone.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from summarize.batch.jobs import (
    IN_FLIGHT_PER_WORKER,
    Job,
    Outcome,
    error_outcome,
    summarize_job,
)
from summarize.collector import collect_rarely

ORPHAN_EXIT_CODE = 70  # a worker that ended itself because its batch process died


def _start_worker() -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    collect_rarely()
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent,), daemon=True).start()


def _end_with(parent: multiprocessing.process.BaseProcess) -> None:
    """Wait for the batch process to die (its end of a pipe closes), then end this worker."""
    parent.join()
    os._exit(ORPHAN_EXIT_CODE)


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    # forkserver: workers are not forked from the parent, whose progress bar runs a thread. The
    # fork server loads the pipeline and its word lists once (summarize.batch.preload), before
    # forking any worker.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["summarize.batch.preload"])
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker)


WORKER_DIED = (
    "a worker process died while this cluster was in flight (killed, or out of memory); "
    "delete this line and resume to retry"
)


def local_outcomes(
    items: Iterable[Job | Outcome], jobs: int, max_words: int | None
) -> Generator[Outcome, None, None]:
    """Outcomes in order of completion, from a pool of `jobs` processes.

    A worker that dies fails the clusters in flight at that moment, with that reason, and a
    fresh pool takes over the rest. Closing the generator early (Ctrl-C) kills the workers.
    """
    earlier_children = set(multiprocessing.active_children())
    pool = _new_pool(jobs)
    pending: dict[Future[Outcome], Job] = {}

    def outcome(future: Future[Outcome]) -> Outcome:
        job = pending.pop(future)
        error = future.exception()
        if error is None:
            return future.result()
        # The job never ran: its worker died, or it could not be sent.
        broken = isinstance(error, BrokenProcessPool)
        return error_outcome(job.id, WORKER_DIED if broken else f"{type(error).__name__}: {error}")

    def renew_pool() -> Iterator[Outcome]:
        """A broken pool has failed every pending future: their outcomes, and a fresh pool."""
        nonlocal pool
        pool.shutdown(wait=True)
        pool = _new_pool(jobs)
        yield from map(outcome, list(pending))

    def finished() -> Iterator[Outcome]:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        if any(isinstance(future.exception(), BrokenProcessPool) for future in done):
            yield from renew_pool()
        else:
            yield from map(outcome, done)

    def submit(job: Job) -> Iterator[Outcome]:
        try:
            future = pool.submit(summarize_job, job, max_words)
        except BrokenProcessPool:  # a worker died since the last wait
            yield from renew_pool()
            future = pool.submit(summarize_job, job, max_words)
        pending[future] = job

    completed = False
    try:
        for item in items:
            if isinstance(item, Outcome):
                yield item
                continue
            yield from submit(item)
            if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                yield from finished()
        while pending:
            yield from finished()
        completed = True
    finally:
        if not completed:
            # Workers first: the pool then takes its broken path, which unblocks a queue still
            # feeding them. One waiting shutdown after: shutdown(wait=False) would forget the
            # pool's manager thread, which then races the interpreter's exit (EBADF, or a hang).
            for worker in set(multiprocessing.active_children()) - earlier_children:
                worker.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
