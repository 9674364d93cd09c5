"""Tests for summarize.analyze.dates: the days a sentence mentions, resolved to dates."""

from __future__ import annotations

import datetime as dt

import pytest

from summarize.analyze.dates import calendar_spans, find_dates

WEDNESDAY = dt.date(2024, 12, 4)
TUESDAY = dt.date(2024, 12, 3)


def resolved(text: str, published: dt.date | None) -> list[tuple[str, dt.date]]:
    return [(mention.text, mention.value) for mention in find_dates(text, 0, published)]


# ---------------------------------------------------------------- the seed story (Syria, Hama)


def test_weekday_in_a_wednesday_story_is_the_day_before() -> None:
    text = "Tens of thousands have been displaced, Geir Pedersen said on Tuesday."
    assert resolved(text, WEDNESDAY) == [("Tuesday", TUESDAY)]


def test_weekday_of_the_published_day_is_that_day() -> None:
    text = "Syrian insurgents captured four new towns early Tuesday, activists said."
    assert resolved(text, TUESDAY) == [("early Tuesday", TUESDAY)]
    assert resolved("Syria said Wednesday its counteroffensive worked.", WEDNESDAY) == [
        ("Wednesday", WEDNESDAY)
    ]


def test_today_is_the_published_date() -> None:
    text = "SYRIA'S government said today its counteroffensive had pushed back insurgents."
    assert resolved(text, WEDNESDAY) == [("today", WEDNESDAY)]


def test_absolute_date_with_and_without_published() -> None:
    text = "Opposition fighters on the outskirts of Hama, Syria, December 3, 2024"
    assert resolved(text, None) == [("December 3, 2024", TUESDAY)]
    assert resolved(text, WEDNESDAY) == [("December 3, 2024", TUESDAY)]


def test_offsets_point_into_the_document() -> None:
    document = "Intro sentence. The talks collapsed yesterday morning."
    sentence_start = document.index("The talks")
    (mention,) = find_dates(document[sentence_start:], sentence_start, WEDNESDAY)
    assert document[mention.start : mention.end] == mention.text == "yesterday morning"
    assert mention.value == TUESDAY


# ---------------------------------------------------------------- other stories


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The hurricane made landfall late Tuesday night.", [("late Tuesday night", TUESDAY)]),
        ("The fire started yesterday.", [("yesterday", TUESDAY)]),
        ("Crews worked through last night.", [("last night", TUESDAY)]),
        ("Forecasters expect snow this morning.", [("this morning", WEDNESDAY)]),
        ("Markets will reopen tomorrow.", [("tomorrow", dt.date(2024, 12, 5))]),
        ("The minister resigned last Wednesday.", [("last Wednesday", dt.date(2024, 11, 27))]),
        ("The court will rule next Monday.", [("next Monday", dt.date(2024, 12, 9))]),
        ("The match on Sunday ended 2-1.", [("Sunday", dt.date(2024, 12, 1))]),
        ("The vote on Nov. 5, 2024 drew record turnout.", [("Nov. 5, 2024", dt.date(2024, 11, 5))]),
        ("Results were certified on 3 December 2024.", [("3 December 2024", TUESDAY)]),
        ("The filing, dated 2024-11-29, was public.", [("2024-11-29", dt.date(2024, 11, 29))]),
        ("They met on the 3rd of December.", [("3rd of December", TUESDAY)]),
        ("The trial opened on 5 June.", [("5 June", dt.date(2024, 6, 5))]),
        ("Polls open on Friday, Dec. 6.", [("Friday, Dec. 6", dt.date(2024, 12, 6))]),
    ],
)
def test_days_in_other_stories(text: str, expected: list[tuple[str, dt.date]]) -> None:
    assert resolved(text, WEDNESDAY) == expected


def test_year_less_date_takes_the_nearest_year_preferring_the_past() -> None:
    new_year = dt.date(2025, 1, 2)
    assert resolved("Shoppers crowded stores on Dec. 30.", new_year) == [
        ("Dec. 30", dt.date(2024, 12, 30))
    ]
    assert resolved("The summit opens Jan. 20.", dt.date(2024, 12, 28)) == [
        ("Jan. 20", dt.date(2025, 1, 20))
    ]
    assert resolved("The flood began on May 5.", WEDNESDAY) == [("May 5", dt.date(2024, 5, 5))]


def test_last_weekday_on_that_weekday_is_a_week_back() -> None:
    assert resolved("The talks failed last Tuesday.", TUESDAY) == [
        ("last Tuesday", dt.date(2024, 11, 26))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The fighting started last week.",
        "Prices rose in March and again in December 2024.",
        "Retailers braced for Black Friday and Easter Sunday crowds.",
        "Rates may rise; the march went on.",
        "The deadline was February 30, 2024.",
    ],
)
def test_vague_or_named_times_are_skipped(text: str) -> None:
    assert find_dates(text, 0, WEDNESDAY) == []


def test_without_published_only_absolute_dates() -> None:
    text = "On Tuesday, after talks yesterday and on Dec. 3, the deal of 5 December 2024 held."
    assert resolved(text, None) == [("5 December 2024", dt.date(2024, 12, 5))]


def test_calendar_spans_include_dates_without_a_year() -> None:
    text = "Talks on Dec. 3 and 5 December 2024 followed 20 km of advances."
    assert [text[start:end] for start, end in calendar_spans(text)] == [
        "Dec. 3",
        "5 December 2024",
    ]
