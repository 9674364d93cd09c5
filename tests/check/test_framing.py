"""Framing findings: loaded words a report adds to someone's statement."""

from __future__ import annotations

from summarize.align import Similarities
from summarize.analyze import analyze
from summarize.check.framing import added_to_speech
from summarize.check.tellings import Tellings
from summarize.models import Finding
from summarize.pipeline import check
from tests.stories import cluster_of

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


def test_a_loaded_word_most_reports_use_themselves_is_the_storys_word() -> None:
    reports = {
        "a": "Parliament on Tuesday approved Dashzegviin Oyunbileg as prime minister, ending weeks "
        "of deadlock after his predecessor resigned amid a corruption scandal.",
        "b": "Oyunbileg becomes the fourth head of government in two years, following the "
        "resignation of Tsedevsuren Altangerel over a scandal involving coal exports.",
        "c": "Prime Minister Dashzegviin Oyunbileg began his first full day in office on "
        "Wednesday, a day after parliament confirmed him at the end of a nine-hour debate.",
        "d": "The scandal over unrecorded coal exports brought down his predecessor.",
    }
    assert [f for f in check(cluster_of(reports)).findings if f.kind == "framing"] == []
