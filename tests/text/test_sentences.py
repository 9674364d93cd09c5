"""Sentences: where they end, and whether one ends as a sentence does."""

from __future__ import annotations

import pytest

from summarize.text.sentences import (
    ends_on_ellipsis,
    is_finished,
    opens_on_sentence_before,
    split_sentences,
)


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


def test_the_v_of_a_case_name_does_not_end_a_sentence() -> None:
    assert split_sentences("The case, Sanchez v. Mayorkas, was argued. It may affect many.") == [
        "The case, Sanchez v. Mayorkas, was argued.",
        "It may affect many.",
    ]
    assert split_sentences("He named former United Nations Amb. John Bolton. Others left.") == [
        "He named former United Nations Amb. John Bolton.",
        "Others left.",
    ]


@pytest.mark.parametrize(
    ("sentence", "points_back"),
    [
        ("That is the highest since records began in December 2000.", True),
        ("That's how a shop owner described the news.", True),
        ("“That sounds like a political move,” Trump said.", True),
        ("These forces captured the town on Monday.", True),
        ("This week, the council voted to close the bridge.", False),
        ("That morning the council met again.", True),
        ("Thatcher's government fell in 1990.", False),
        ("The council said that the bridge would close.", False),
        ("Or after two councillors resigned over the vote.", True),
        ("Nor did the mayor attend the meeting.", True),
        ("Oregon's governor signed the bill.", False),
    ],
)
def test_a_demonstrative_or_an_alternative_opening_goes_on_with_the_sentence_before(
    sentence: str, points_back: bool
) -> None:
    assert opens_on_sentence_before(sentence) is points_back


@pytest.mark.parametrize(
    ("sentence", "elliptical"),
    [
        ("Health experts ‘extremely concerned’ they could be.", True),
        ("Officials said they would not.", True),
        ("Nobody knows whether it will.", True),
        ("The president tried to bend the department to his will.", False),
        ("Prices rose 0.6% after easing 0.1% in May.", False),
        ("Officials said they could be in place by Friday.", False),
    ],
)
def test_a_modal_whose_verb_is_left_out_ends_an_elliptical_sentence(
    sentence: str, elliptical: bool
) -> None:
    assert ends_on_ellipsis(sentence) is elliptical
