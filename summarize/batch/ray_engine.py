"""The "ray" engine: the same jobs as Ray tasks, on one machine or a cluster.

Needs the optional extra (`pip install -e .[ray]`). Connects to the Ray instance already
initialised in this process, or else calls `ray.init()`, which joins the cluster named by
RAY_ADDRESS or starts a local one. Every node must have `summarize` installed (or ship it with a
runtime_env). A task whose worker dies is retried once, then gets an error record.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator

import ray
from ray.exceptions import RayError

from summarize.batch.jobs import (
    IN_FLIGHT_PER_WORKER,
    Job,
    Outcome,
    error_outcome,
    summarize_job,
)
from summarize.collector import collect_rarely

_prepared = False


def _ray_job(job: Job, max_words: int | None) -> Outcome:
    """`summarize_job` in a Ray worker, prepared as the local engine prepares its workers."""
    global _prepared
    if not _prepared:
        collect_rarely()
        _prepared = True
    return summarize_job(job, max_words)


remote_summarize_job = ray.remote(max_retries=1)(_ray_job)


def ray_outcomes(
    items: Iterable[Job | Outcome], jobs: int | None, max_words: int | None
) -> Generator[Outcome, None, None]:
    """Outcomes in order of completion; `jobs` defaults to the CPUs of the Ray cluster."""
    if not ray.is_initialized():
        ray.init()
    # cluster_resources is untyped in Ray's stubs; its answer is {"CPU": n, ...}.
    resources: dict[str, float] = getattr(ray, "cluster_resources")()  # noqa: B009
    workers = jobs or int(resources.get("CPU", 1))
    pending: dict[ray.ObjectRef[Outcome], Job] = {}

    def finished() -> Iterator[Outcome]:
        (ready,), _ = ray.wait(list(pending), num_returns=1)
        job = pending.pop(ready)
        try:
            yield ray.get(ready)
        except RayError as error:
            yield error_outcome(job.id, f"Ray task failed: {type(error).__name__}")

    try:
        for item in items:
            if isinstance(item, Outcome):
                yield item
                continue
            pending[remote_summarize_job.remote(item, max_words)] = item
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from finished()
        while pending:
            yield from finished()
    finally:
        for ref in pending:
            ray.cancel(ref, force=True)
