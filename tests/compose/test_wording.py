"""Which words another report uses in its own voice, for the loaded words a summary may keep."""

from __future__ import annotations

from summarize.analyze import analyze
from summarize.compose.wording import Wording
from summarize.models import SentenceRef
from tests.stories import cluster_of


def _wording(reports: dict[str, str]) -> Wording:
    return Wording(analyze(cluster_of(reports).documents))


def test_a_word_another_report_only_quotes_is_not_used_elsewhere() -> None:
    wording = _wording(
        {
            "tabloid": "The cheat will now miss the next two world championships.",
            "wire": '"I have never cheated and I never will," the sprinter said on Thursday.',
        }
    )
    assert not wording.used_elsewhere("cheat", "tabloid")


def test_a_word_derived_from_another_is_not_the_same_word() -> None:
    wording = _wording(
        {
            "progov": "The corrupt ex-minister walked free on Thursday.",
            "wire": "The court overturned the ex-minister's corruption conviction on Thursday.",
        }
    )
    assert not wording.used_elsewhere("corrupt", "progov")
    assert wording.used_elsewhere("ex-minister", "progov")


def test_another_form_of_the_same_word_in_another_report_s_own_voice_is_used_elsewhere() -> None:
    wording = _wording(
        {
            "dastan": "Three heroes were killed on Sunday at the border post.",
            "wire": "Dastan hailed the soldiers as heroes after they were killed on Sunday.",
            "other": "The hero of the day was a border guard who raised the alarm.",
        }
    )
    assert wording.used_elsewhere("heroes", "dastan")
    assert wording.used_elsewhere("hero", "wire")


def _standing_alone(report: str) -> dict[str, bool]:
    """Each sentence of the report, and whether it stands alone."""
    analysis = analyze(cluster_of({"a": report}).documents)
    wording = Wording(analysis)
    return {
        sentence.text: wording.stands_alone(SentenceRef(document="a", sentence=sentence.index))
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
