"""One way to write each name in a summary: the form most reports use, among forms that differ
only in case, full stops or apostrophes."""

from __future__ import annotations

from summarize.analyze import analyze
from summarize.compose.name_styles import one_style_per_name
from summarize.models import SummarySentence
from summarize.pipeline import merge
from tests.stories import cluster_of

REPORTS = {
    "a": "Officials of the U.S. signed the NAFTA successor on Friday. The team left Mexico City.",
    "b": "Leaders of the U.S. and Mexico signed the Nafta successor on Friday.",
    "c": "Officials of the US said the Uighur delegation left after NAFTA was signed.",
}


def _styled(*texts: str) -> list[str]:
    sentences = [SummarySentence(text=text, citations=["a"]) for text in texts]
    one_style_per_name(sentences, analyze(cluster_of(REPORTS).documents))
    return [sentence.text for sentence in sentences]


def test_each_name_is_written_as_most_reports_write_it() -> None:
    assert _styled("US officials signed the Nafta successor.", "It came after the U.S. vote.") == [
        "U.S. officials signed the NAFTA successor.",
        "It came after the U.S. vote.",
    ]


def test_a_full_stop_closing_the_sentence_stays_one() -> None:
    assert _styled("The delegation left the US.") == ["The delegation left the U.S."]


def test_quotations_and_other_letters_are_left_alone() -> None:
    assert _styled("He said “the US will sign it” on Friday.", "The Uyghur delegation left.") == [
        "He said “the US will sign it” on Friday.",
        "The Uyghur delegation left.",
    ]


def test_the_extractive_summary_writes_names_in_one_style() -> None:
    report = merge(cluster_of(REPORTS), max_words=60)
    assert report.summary is not None
    text = " ".join(sentence.text for sentence in report.summary)
    assert "U.S." in text and "the US" not in text
