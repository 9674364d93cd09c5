from summarize.pipeline import merge
from tests.stories import cluster_of


def test_a_disputed_figure_in_the_summary_is_named_in_its_notes() -> None:
    reports = {
        "a": "The House delayed a vote on the $1 trillion infrastructure bill on Thursday.",
        "b": "The House delayed a vote on the $1.5 trillion infrastructure bill on Thursday.",
    }
    report = merge(cluster_of(reports), max_words=20)
    assert any(f.kind == "quantity_conflict" for f in report.findings)
    told = [s.text for s in report.summary if "trillion" in s.text]
    assert told, report.summary
    disputed = [note for note in report.notes if "dispute" in note]
    assert len(disputed) == 1, report.notes
    assert "“$1 trillion”" in disputed[0] and "“$1.5 trillion”" in disputed[0]


def test_no_note_when_the_summary_leaves_the_figure_out() -> None:
    reports = {
        "a": "The House delayed a vote on the infrastructure bill on Thursday. The bill costs "
        "$1 trillion.",
        "b": "The House delayed a vote on the infrastructure bill on Thursday. The bill costs "
        "$1.5 trillion.",
    }
    report = merge(cluster_of(reports), max_words=12)
    assert not any("trillion" in s.text for s in report.summary), report.summary
    assert not any("dispute" in note for note in report.notes)
