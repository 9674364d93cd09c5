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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"Why now?" Haskell asked. The answer was the calendar.',
            ['"Why now?" Haskell asked.', "The answer was the calendar."],
        ),
        (
            '"We did it!" Alvarez said. Her staff applauded.',
            ['"We did it!" Alvarez said.', "Her staff applauded."],
        ),
        (
            "“Are you serious?” Rep. Nancy Pelosi asked reporters.",
            ["“Are you serious?” Rep. Nancy Pelosi asked reporters."],
        ),
        (
            "“Enough!” President Trump tweeted on Friday.",
            ["“Enough!” President Trump tweeted on Friday."],
        ),
    ],
)
def test_a_named_speakers_attribution_after_a_question_or_exclamation_is_its_sentence(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Why now?” he asked.", ["“Why now?” he asked."]),
        ("“Why now?” asked Sen. Tom Hall.", ["“Why now?” asked Sen. Tom Hall."]),
        ('"Is it over?" The question hung there.', ['"Is it over?"', "The question hung there."]),
        ('"Enough!" He added: "We are done."', ['"Enough!"', 'He added: "We are done."']),
        ('"Get out!" Protesters blocked the road.', ['"Get out!"', "Protesters blocked the road."]),
        ("Why now? Haskell asked nobody.", ["Why now?", "Haskell asked nobody."]),
    ],
)
def test_a_question_or_exclamation_before_a_new_sentence_still_ends_there(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The vote came shortly after 1 a.m. Alvarez called it historic.",
            ["The vote came shortly after 1 a.m.", "Alvarez called it historic."],
        ),
        (
            "The vote came after 1 a.m. Alvarez, who chairs the panel, called it historic.",
            ["The vote came after 1 a.m.", "Alvarez, who chairs the panel, called it historic."],
        ),
        (
            "The curfew starts at 8 p.m. Residents must stay home.",
            ["The curfew starts at 8 p.m.", "Residents must stay home."],
        ),
        (
            "Polls closed at 8 P.M. Voters lined up for hours.",
            ["Polls closed at 8 P.M.", "Voters lined up for hours."],
        ),
        (
            "Results are due by 11 p.m. Seven candidates are running.",
            ["Results are due by 11 p.m.", "Seven candidates are running."],
        ),
    ],
)
def test_a_time_of_day_ends_a_sentence_before_a_clause(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Polls close at 1 a.m. Eastern time in most states.",
        "Polls close at 1 a.m. ET in most states.",
        "The vote is at 10 a.m. Monday in the Senate.",
        "Markets open at 9:30 a.m. New York time on Friday.",
        "The 9 a.m. Senate vote was delayed.",
        "Sunday's 7 p.m. Lakers game drew fans.",
        "The deadline is 5 p.m. Friday, officials said.",
    ],
)
def test_a_time_zone_a_day_or_the_noun_a_time_modifies_goes_on_with_the_sentence(
    sentence: str,
) -> None:
    assert split_sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The House will take it up in Washington, D.C. Lawmakers return Monday.",
            ["The House will take it up in Washington, D.C.", "Lawmakers return Monday."],
        ),
        (
            "The rally was in Manchester, N.H. Sanders spoke first.",
            ["The rally was in Manchester, N.H.", "Sanders spoke first."],
        ),
    ],
)
def test_a_state_after_its_city_ends_a_sentence_before_a_clause(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. Army said it would comply.",
        "They met in Washington, D.C., on Monday.",
        "The D.C. Council voted on Tuesday.",
        "The Newark, N.J. Police Department said so.",
        "For President Trump, H.R. McMaster proved loyal.",
    ],
)
def test_a_place_or_initials_before_a_name_go_on_with_the_sentence(sentence: str) -> None:
    assert split_sentences(sentence) == [sentence]


def test_a_month_abbreviation_without_a_day_ends_a_sentence_before_a_capital() -> None:
    assert split_sentences(
        "Farm income fell sharply in Nov. and again in Dec. Economists blamed lower corn prices."
    ) == [
        "Farm income fell sharply in Nov. and again in Dec.",
        "Economists blamed lower corn prices.",
    ]
    assert split_sentences("The report is due Dec. 5 in Washington.") == [
        "The report is due Dec. 5 in Washington."
    ]


def test_a_rank_before_another_title_does_not_end_a_sentence() -> None:
    assert split_sentences("Brig. Gen. Tom Hall, a Guard commander, testified. Others left.") == [
        "Brig. Gen. Tom Hall, a Guard commander, testified.",
        "Others left.",
    ]
    assert not is_finished("The unit was led by Brig.")
    assert split_sentences("He was sent to the brig. He stayed a week.") == [
        "He was sent to the brig.",
        "He stayed a week.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. economy grew. Officials cheered.",
            ["The U.S. economy grew.", "Officials cheered."],
        ),
        (
            "Gov. Ana Diaz spoke. Lt. Gov. Kathy Hochul listened.",
            ["Gov. Ana Diaz spoke.", "Lt. Gov. Kathy Hochul listened."],
        ),
        (
            "Sen. A.J. Smith spoke. Deere & Co. reported earnings.",
            ["Sen. A.J. Smith spoke.", "Deere & Co. reported earnings."],
        ),
        (
            "J.P. Morgan rose. Sen. John Thune (R-S.D.) said H.R. 1 passed.",
            ["J.P. Morgan rose.", "Sen. John Thune (R-S.D.) said H.R. 1 passed."],
        ),
        (
            "George W. Bush and A. J. Smith left. No. 10 said so.",
            ["George W. Bush and A. J. Smith left.", "No. 10 said so."],
        ),
        ("It closed Wednesday.It reopened today.", ["It closed Wednesday.", "It reopened today."]),
    ],
)
def test_abbreviations_initials_and_a_missing_space_split_as_before(
    text: str, expected: list[str]
) -> None:
    assert split_sentences(text) == expected


def test_since_closing_a_sentence_stands_for_a_time_the_sentence_before_gives() -> None:
    assert ends_on_ellipsis("Most of the port's terminals have been idle since.")
    assert ends_on_ellipsis("Prices have risen ever since.")
    assert not ends_on_ellipsis("The port has been idle since Monday.")
