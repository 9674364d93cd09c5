"""One cluster's work in a batch: a parsed input line in, one output line out (never raises)."""

from __future__ import annotations

import gc
import json
from dataclasses import dataclass

from summarize.ingest import cluster_from_record
from summarize.pipeline import merge
from summarize.render.json import render_json

# Clusters queued per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 4
# A small cluster whose summary loads what the pipeline loads on first use (`warm_up`).
WARM_UP_RECORD = {
    "id": "warm-up",
    "sources": [
        "Rebels seized the city of Hama on Thursday, officials said. About 2,000 people fled, "
        'according to the U.N. "We will not leave," a resident told Reuters.',
        "Insurgents took Hama on Thursday in a surprise attack, the Syrian army said. It could "
        "not confirm that 3,000 people had fled the city.",
    ],
}


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
    reason: str | None = None  # why it failed


def error_outcome(cluster_id: str, reason: str) -> Outcome:
    return Outcome(
        cluster_id,
        json.dumps({"id": cluster_id, "error": reason}, ensure_ascii=False),
        failed=True,
        reason=reason,
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


def warm_up() -> None:
    """Load what the pipeline loads on first use (about 0.07 s), then keep it out of the
    collector's scans: run where workers are forked from, every worker starts with it."""
    summarize_job(Job("warm-up", WARM_UP_RECORD), None)
    gc.freeze()


def record_id(record: object, line_id: str) -> str:
    """The id cluster_from_record gives this record when its source is named `line_id`."""
    if isinstance(record, dict) and record.get("id") not in (None, ""):
        return str(record["id"])
    return line_id
