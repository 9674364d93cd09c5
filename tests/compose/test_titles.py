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


def _plain_titles(bodies: dict[str, str], titles: dict[str, str]) -> dict[str, bool]:
    """For each report, whether its title states the core event plainly."""
    cluster = Cluster(
        id="titled",
        documents=[document_from_text(body, id, title=titles[id]) for id, body in bodies.items()],
    )
    analysis = analyze(cluster.documents)
    reader = TitleReader(analysis, Wording(analysis), Judge(analysis))
    return {
        document.id: reader.plain_title(document) is not None for document in analysis.documents
    }


def test_a_headline_whose_body_attributes_its_claim_is_no_plain_fact() -> None:
    # Headlines drop attribution as a matter of style: the body tells the claim as said.
    told = (
        "The attackers got into the network through a contractor's account, two people "
        "familiar with the investigation told the paper. The company declined to comment on "
        "how the attackers got into the network."
    )
    said = (
        "Border troops repelled an attack on a post in the valley on Sunday, the defence "
        "ministry said. Two soldiers were lightly wounded in the fighting."
    )
    titles = {
        "told": "Attackers got in through a contractor's account",
        "said": "Border troops repel attack on valley post",
    }
    assert _plain_titles({"told": told, "said": said}, titles) == {"told": False, "said": False}


def test_a_headline_its_body_states_flatly_is_a_plain_fact() -> None:
    flat = (
        "Border troops repelled an attack on a post in the valley on Sunday. Two soldiers were "
        "lightly wounded in the fighting, the defence ministry said."
    )
    other = "The fighting in the valley was the worst in years. Talks are due next week."
    titles = {"flat": "Border troops repel attack on valley post", "other": "Talks due next week"}
    assert _plain_titles({"flat": flat, "other": other}, titles)["flat"]


def test_a_headline_its_body_reports_with_a_factive_verb_or_names_its_speaker_is_plain() -> None:
    # "announced that", "confirmed that" present what they report as true; a headline whose
    # label or verb names who says it attributes its claim itself.
    announced = (
        "Rep. Justin Amash announced on Tuesday that he has launched an exploratory committee "
        "for a Libertarian presidential run. He left the Republican Party last year."
    )
    vowed = (
        "Attorney General Jeff Sessions said on Friday that he would eliminate political bias "
        "at the Justice Department. He spoke to reporters in Washington."
    )
    labelled = (
        "Former Secretary of State Colin Powell said on Sunday that it is now me the president "
        "instead of we the people. He spoke on CNN."
    )
    titles = {
        "announced": "Amash launches exploratory committee for Libertarian presidential run",
        "vowed": "Jeff Sessions vows to eliminate political bias at Justice Department",
        "labelled": "Colin Powell: It is now me the president instead of we the people",
    }
    bodies = {"announced": announced, "vowed": vowed, "labelled": labelled}
    assert _plain_titles(bodies, titles) == dict.fromkeys(titles, True)
