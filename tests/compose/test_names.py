"""A person the summary first names by surname alone is named in full there."""

from __future__ import annotations

from summarize.analyze import analyze
from summarize.compose.names import full_names, named_in_full
from summarize.judge import Judge
from summarize.models import SummarySentence
from tests.stories import cluster_of

REPORTS = {
    "a": (
        "House Speaker Nancy Pelosi said on Tuesday that the harbour bill would pass this week. "
        "Pelosi said the vote would come on Thursday."
    ),
    "b": (
        "Nancy Pelosi told reporters the harbour bill would pass. The White House said it "
        "welcomed the bill. The House will vote on Thursday, Pelosi said."
    ),
}


def _named(text: str, room: int = 5) -> str:
    analysis = analyze(cluster_of(REPORTS).documents)
    sentences = [SummarySentence(text=text, citations=["a", "b"])]
    named_in_full(sentences, analysis, Judge(analysis), room)
    return sentences[0].text


def test_a_surname_the_summary_first_uses_is_the_full_name() -> None:
    assert _named("Pelosi said the vote would come on Thursday.") == (
        "Nancy Pelosi said the vote would come on Thursday."
    )


def test_no_room_no_full_name() -> None:
    assert _named("Pelosi said the vote would come on Thursday.", room=0) == (
        "Pelosi said the vote would come on Thursday."
    )


def test_a_body_is_no_person() -> None:
    """ "the House" and "the White House": a name written after "the" names no person."""
    names = full_names(analyze(cluster_of(REPORTS).documents))
    assert names == {"Pelosi": "Nancy Pelosi"}


def test_a_surname_in_another_name_or_a_compound_stays() -> None:
    assert _named("The pro-Pelosi faction said the vote would come on Thursday.") == (
        "The pro-Pelosi faction said the vote would come on Thursday."
    )


def test_a_courtesy_title_at_the_first_mention_gives_way_to_the_full_name() -> None:
    """ "Ms. Pelosi" is a later mention's form; in as many words, the full name introduces her."""
    assert _named("Ms. Pelosi said the vote would come on Thursday.", room=1) == (
        "Nancy Pelosi said the vote would come on Thursday."
    )
    analysis = analyze(cluster_of(REPORTS).documents)
    sentences = [
        SummarySentence(text="Nancy Pelosi said the harbour bill would pass.", citations=["b"]),
        SummarySentence(text="Ms. Pelosi said the vote would come on Thursday.", citations=["a"]),
    ]
    named_in_full(sentences, analysis, Judge(analysis), 5)
    assert sentences[1].text == "Ms. Pelosi said the vote would come on Thursday."
