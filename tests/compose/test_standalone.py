"""Whether a report's sentence stands alone: pronouns and speakers leaning on what the report
told before it."""

from __future__ import annotations

from summarize.analyze import analyze
from summarize.compose.standalone import Standalone
from summarize.models import SentenceRef
from tests.stories import cluster_of


def _standing_alone(report: str) -> dict[str, bool]:
    """Each sentence of the report, and whether it stands alone."""
    analysis = analyze(cluster_of({"a": report}).documents)
    standalone = Standalone(analysis)
    return {
        sentence.text: standalone.stands_alone(SentenceRef(document="a", sentence=sentence.index))
        for sentence in analysis.documents[0].sentences
    }


def test_a_name_inside_the_quotation_is_no_referent_of_its_speaker_s_pronoun() -> None:
    alone = _standing_alone(
        "Army spokesman Colonel Ivo Brandt said the units had not crossed the line of control. "
        '"Our soldiers defended Meridian territory," he said. '
        '"Our soldiers defended the valley all night," Brandt told reporters.'
    )
    assert not alone['"Our soldiers defended Meridian territory," he said.']
    assert alone['"Our soldiers defended the valley all night," Brandt told reporters.']


def test_the_rest_of_a_count_leans_on_the_sentence_that_counted() -> None:
    alone = _standing_alone(
        "Two of the dead were found in a car swept off a flooded road, police said. "
        "The other two were an elderly couple found in their ground-floor flat."
    )
    assert not alone["The other two were an elderly couple found in their ground-floor flat."]


def test_a_speaker_who_is_one_of_a_group_told_before_leans_on_it() -> None:
    alone = _standing_alone(
        "Attackers got in through a contractor's account, two people familiar with the "
        "investigation said. The company declined to comment on the investigation on Tuesday. "
        "The account did not use multi-factor authentication, one of the people said. "
        "The account had no second password, one of the people familiar with the inquiry said."
    )
    assert not alone["The account did not use multi-factor authentication, one of the people said."]
    assert alone[
        "The account had no second password, one of the people familiar with the inquiry said."
    ]
