"""Merge news reports of one event into a neutral cited summary and a consistency report.

    >>> from summarize import load_inputs, merge
    >>> [cluster] = load_inputs(["a.txt", "b.txt"])
    >>> report = merge(cluster)          # or check(cluster) for the findings alone
    >>> report.summary, report.findings

`load_inputs` reads files, directories, JSON/JSONL clusters and stdin; `cluster_from_record`
builds a cluster from one JSON object. Every model passed between the stages is exported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarize.ingest import cluster_from_record, load_inputs
    from summarize.models import (
        Analysis,
        ClaimGroup,
        Cluster,
        Document,
        Evidence,
        Finding,
        InputProblem,
        Quantity,
        Report,
        ReportedValue,
        Sentence,
        SentenceRef,
        Summary,
        SummarySentence,
        SupportVerdict,
    )
    from summarize.pipeline import check, merge

__version__ = "0.1.0"
__all__ = [
    "Analysis",
    "ClaimGroup",
    "Cluster",
    "Document",
    "Evidence",
    "Finding",
    "InputProblem",
    "Quantity",
    "Report",
    "ReportedValue",
    "Sentence",
    "SentenceRef",
    "Summary",
    "SummarySentence",
    "SupportVerdict",
    "check",
    "cluster_from_record",
    "load_inputs",
    "merge",
]

# Where each public name lives; imported on first use, so `import summarize.cli` stays light.
_HOMES = {
    "check": "summarize.pipeline",
    "merge": "summarize.pipeline",
    "cluster_from_record": "summarize.ingest",
    "load_inputs": "summarize.ingest",
}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'summarize' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES.get(name, "summarize.models")), name)
