"""Merge news reports of one event into a neutral cited summary and a consistency report.

    >>> from summarize import load_inputs, merge
    >>> [cluster] = load_inputs(["a.txt", "b.txt"])
    >>> report = merge(cluster)          # or check(cluster) for the findings alone
    >>> report.summary, report.findings

`load_inputs` reads files, directories, JSON/JSONL clusters and stdin; `cluster_from_record`
builds a cluster from one JSON object. Every model passed between the stages is exported.
"""

# `check` is also the name of the summarize.check package: importing the function here, after
# the package, keeps `summarize.check` the function.
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
