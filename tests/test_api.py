"""The public API is a contract: what `summarize` exports, and that it works from Python."""

from __future__ import annotations

import summarize
from tests.stories import SEEDS

PUBLIC = {
    "Analysis", "ClaimGroup", "Cluster", "Document", "Evidence", "Finding", "InputProblem",
    "Quantity", "Report", "ReportedValue", "Sentence", "SentenceRef", "Summary",
    "SummarySentence", "SupportVerdict", "check", "cluster_from_record", "load_inputs", "merge",
}  # fmt: skip


def test_public_names_are_pinned() -> None:
    assert set(summarize.__all__) == PUBLIC
    for name in summarize.__all__:
        assert getattr(summarize, name) is not None


def test_merge_and_check_from_python() -> None:
    [cluster] = summarize.load_inputs([str(path) for path in SEEDS])
    report = summarize.merge(cluster, max_words=80)
    assert isinstance(report, summarize.Report) and report.summary
    assert summarize.check(cluster).findings == report.findings
