"""Which words another report uses in its own voice, for the loaded words a summary may keep."""

from __future__ import annotations

from summarize.analyze import analyze
from summarize.compose.wording import Wording
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
