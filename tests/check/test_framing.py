"""Framing findings: loaded words a report adds to someone's statement."""

from __future__ import annotations

from summarize.align import Similarities
from summarize.analyze import analyze
from summarize.check.framing import added_to_speech
from summarize.check.tellings import Tellings
from summarize.models import Finding
from summarize.pipeline import check
from tests.stories import cluster_of, cluster_with_titles

ADDED = (
    "The army announced that its counteroffensive has successfully pushed back the rebels from "
    "the northern town of Kessab."
)
RESIDENTS = (
    "Residents said new curfews began in the northern province on Monday as the rebels "
    "retreated from Kessab."
)


def _added(reports: dict[str, str]) -> list[Finding]:
    analysis = analyze(cluster_of(reports).documents)
    return added_to_speech(analysis, Tellings(analysis, Similarities(analysis)))


def test_a_loaded_word_added_to_the_same_statement_is_framing() -> None:
    plain = ADDED.replace("successfully ", "")
    (finding,) = _added({"a": ADDED, "b": plain, "c": RESIDENTS})
    assert finding.documents == ["a", "b"]
    assert finding.evidence[0].quote == "successfully"


def test_another_statement_of_the_same_speaker_is_no_plain_version() -> None:
    other = (
        "The army announced that its engineers would rebuild the hospital in Latakia by June "
        "after shelling during a week of heavy fighting near the coast."
    )
    assert _added({"a": ADDED, "b": other, "c": RESIDENTS}) == []


def _headline_framing(reports: dict[str, tuple[str, str]]) -> list[Finding]:
    found = check(cluster_with_titles(reports)).findings
    return [f for f in found if f.kind == "framing" and f.evidence[0].field == "title"]


BODY = "Twenty-three cars of a freight train derailed late Wednesday near Harlan Junction."


def test_a_loaded_word_in_a_headline_the_others_never_use_is_framing() -> None:
    reports = {
        "wire": ("Freight train derails in Indiana, forcing evacuations", BODY),
        "daily": ("Another Reckless Railroad, Another Poisoned Town", BODY),
    }
    (finding,) = _headline_framing(reports)
    assert finding.documents == ["daily", "wire"] and finding.severity == "low"
    assert [e.quote for e in finding.evidence] == [reports["daily"][0], reports["wire"][0]]
    assert "“Reckless” in its headline" in finding.explanation


def test_a_headline_giving_someone_s_words_or_a_word_the_others_use_is_no_framing() -> None:
    speaker = {
        "wire": ("Haley defends flag comments", BODY),
        "daily": ("Nikki Haley: Roof hijacked meaning of Confederate flag", BODY),
    }
    assert _headline_framing(speaker) == []
    shared = {
        "wire": (
            "Freight train derails in Indiana",
            BODY + " Critics called the railroad reckless.",
        ),
        "daily": ("Another Reckless Railroad, Another Poisoned Town", BODY),
    }
    assert _headline_framing(shared) == []
