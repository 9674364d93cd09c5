"""Sentences: where they end, and whether one ends as a sentence does."""

from __future__ import annotations

import pytest

from summarize.text.sentences import is_finished, split_sentences


@pytest.mark.parametrize(
    "sentence",
    ["The vote passed.", "Was it fair?", 'He called it "a disgrace."', "It rose (by 5%).", "Wait…"],
)
def test_a_sentence_that_ends_with_a_stop_is_finished(sentence: str) -> None:
    assert is_finished(sentence)


@pytest.mark.parametrize(
    "sentence",
    ["In a move led by New York Gov.", "The bill was signed by Sen.", "The bill was signed by", ""],
)
def test_a_sentence_cut_off_before_a_name_is_not_finished(sentence: str) -> None:
    assert not is_finished(sentence)


def test_a_title_before_a_name_does_not_end_a_sentence() -> None:
    assert split_sentences("It was led by Gov. Andrew Cuomo. Others followed.") == [
        "It was led by Gov. Andrew Cuomo.",
        "Others followed.",
    ]
