"""The Markdown report: what a reader new to it is told about its findings."""

from __future__ import annotations

from summarize.ingest import load_inputs
from summarize.pipeline import check
from summarize.render.markdown import render_markdown
from tests.stories import SEEDS


def test_the_tally_sets_apart_what_is_no_disagreement_and_a_legend_names_each_kind() -> None:
    (cluster,) = load_inputs([str(path) for path in SEEDS])
    report = check(cluster)
    text = render_markdown(report)
    kinds = {finding.kind for finding in report.findings}
    assert {"quantity_equivalent", "framing"} <= kinds
    tally = next(line for line in text.splitlines() if "no disagreement:" in line)
    assert "quantity equivalent" in tally.split("no disagreement:")[1]
    assert "framing" in tally.split("no disagreement:")[0]
    for kind in kinds:
        assert f"- **{kind}**: " in text, kind
    for severity in {finding.severity for finding in report.findings}:
        assert f"- *{severity}*: " in text, severity
