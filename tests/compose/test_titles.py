"""A headline is a sentence of the summary only when it has a verb."""

from __future__ import annotations

import pytest

from summarize.analyze import analyze
from summarize.compose.titles import TitleReader, has_a_verb
from summarize.compose.wording import Wording
from summarize.ingest.cleaning import document_from_text
from summarize.judge import Judge
from summarize.models import Cluster


@pytest.mark.parametrize(
    "headline",
    [
        "Trump's frightening claim of 'total' authority.",
        "America's election HQ - midterms 2018.",
        "The seeming inevitability of Trump’s backtrack on his convention events.",
        "Read Jared Kushner’s statement on his meetings with Russians.",
    ],
)
def test_a_noun_phrase_or_an_instruction_has_no_verb(headline: str) -> None:
    assert not has_a_verb(headline)


@pytest.mark.parametrize(
    "headline",
    [
        "House to vote Thursday on citizenship path.",
        "Berlin police launch manhunt for Tunisian suspect.",
        "Keystone pipeline canceled after Biden revokes key permit.",
        "Syrian government's counteroffensive pushes insurgents back from Hama",
        "Colin Powell: It’s now ‘me the president’ instead of ‘we the people’.",
        "Kellyanne Conway leaving White House.",
    ],
)
def test_a_headline_that_drops_only_an_auxiliary_keeps_its_verb(headline: str) -> None:
    assert has_a_verb(headline)


def test_a_headline_without_a_verb_is_no_fact_of_the_summary() -> None:
    body = (
        "President Trump claimed total authority over the states on Monday. Governors of ten "
        "states said they would decide when to reopen."
    )
    titles = {
        "a": "Trump's claim of total authority over the states",
        "b": "Trump claims total authority over the states",
    }
    cluster = Cluster(
        id="titled",
        documents=[document_from_text(body, id, title=title) for id, title in titles.items()],
    )
    analysis = analyze(cluster.documents)
    reader = TitleReader(analysis, Wording(analysis), Judge(analysis))
    noun_phrase, sentence = analysis.documents
    assert reader.plain_title(noun_phrase) is None
    assert reader.plain_title(sentence) is not None
