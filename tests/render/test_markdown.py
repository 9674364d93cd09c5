"""The Markdown report: what a reader new to it is told about its findings."""

from __future__ import annotations

from summarize.ingest import load_inputs
from summarize.models import KIND_LABELS
from summarize.pipeline import check
from summarize.render.markdown import render_markdown
from tests.stories import SEEDS


def test_the_tally_sets_apart_what_is_no_disagreement_and_a_key_follows_the_findings() -> None:
    (cluster,) = load_inputs([str(path) for path in SEEDS])
    report = check(cluster)
    text = render_markdown(report)
    kinds = {finding.kind for finding in report.findings}
    assert {"quantity_equivalent", "framing"} <= kinds
    tally = next(line for line in text.splitlines() if "no disagreement (" in line)
    assert "Same number 2" in tally.split("no disagreement (")[1]
    assert "Framing " in tally.split("no disagreement (")[0]
    # the key comes after the findings, in plain type: no line of it reads as a finding;
    # it names each kind by its label, and by its JSON name where that is another
    key = text[text.index("### Key") :]
    labels = {kind: KIND_LABELS[kind][0] for kind in kinds}
    assert text.index("### Key") > max(text.index(f"- **{label}**: ") for label in labels.values())
    assert "\n- Framing: " in key and "\n- Same number (quantity_equivalent): " in key
    for severity in {finding.severity for finding in report.findings}:
        assert f"\n- {severity}: " in key, severity


def test_a_figure_is_quoted_in_its_sentence_and_reports_are_named_by_their_numbers() -> None:
    (cluster,) = load_inputs([str(path) for path in SEEDS])
    report = check(cluster)
    numbers = {document.id: n for n, document in enumerate(report.documents, start=1)}
    finding = next(f for f in report.findings if f.kind == "temporal_update")
    text = render_markdown(report)
    block = text[text.index("- **Updated number**: The") :].split("\n- ")[0]
    for document, number in numbers.items():
        assert document not in block  # named as in the list of reports: "[1]"
        if document in finding.documents:
            assert f"[{number}]" in block
    # two figures of one sentence ("10 kilometres (six miles)") share one line, in the sentence
    sentence_lines = [line for line in block.splitlines() if line.startswith("  - [")]
    assert len(sentence_lines) == len({(e.document, e.sentence) for e in finding.evidence})
    assert len(sentence_lines) < len(finding.evidence)
    for evidence in finding.evidence:
        line = next(line for line in sentence_lines if f"“{evidence.quote}”" in line)
        assert line.endswith(f" in “{evidence.sentence}”")


def test_a_quote_of_a_whole_sentence_is_not_repeated() -> None:
    (cluster,) = load_inputs([str(path) for path in SEEDS])
    report = check(cluster)
    whole = [e for f in report.findings if f.kind == "unique_claim" for e in f.evidence]
    assert whole and all(e.sentence is None for e in whole)
    assert " in “" not in "\n".join(
        line for line in render_markdown(report).splitlines() if "“" + whole[0].quote in line
    )


def test_what_is_no_disagreement_has_a_section_of_its_own_after_the_severities() -> None:
    (cluster,) = load_inputs([str(path) for path in SEEDS])
    text = render_markdown(check(cluster))
    headings = [line for line in text.splitlines() if line.startswith("### ")]
    assert headings[-2].startswith("### No disagreement (") and headings[-1] == "### Key"
    alike = text[text.index("### No disagreement") : text.index("### Key")]
    assert "- **Same number**: " in alike and "- **Name variants**: " in alike
    severities = text[: text.index("### No disagreement")]
    assert "- **Same number**: " not in severities
    assert "- **Framing**: " in severities
    assert "\n- no disagreement: compared and found to agree" in text[text.index("### Key") :]


def test_several_reports_open_on_an_overview_with_the_most_severe_first() -> None:
    from summarize.models import Cluster, Finding, Report
    from summarize.render import render_reports

    def report(name: str, *severities: str) -> Report:
        findings = [
            Finding(kind="framing", severity=s, documents=["a"], evidence=[], explanation="x")
            for s in severities
        ]
        return Report(id=name, documents=[], findings=findings)

    reports = [report("calm"), report("mild", "low"), report("tense", "medium", "low")]
    text = render_reports([(Cluster(id=r.id, documents=[]), r) for r in reports], "markdown")
    lines = text.splitlines()
    assert lines[0] == "# 3 stories"
    assert lines[2].startswith("2 with disagreements found, 1 without")
    rows = [line.split(" | ")[0] for line in lines if line.startswith("| ") and "---" not in line]
    assert rows == ["| story", "| tense", "| mild", "| calm"]
    # each story's report follows in the order given
    assert text.index("# calm") < text.index("# mild") < text.index("# tense")
