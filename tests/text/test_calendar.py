from __future__ import annotations

import datetime as dt

import pytest

from summarize.text.calendar import calendar_dates, clock_times, date_of, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-12-04", dt.date(2024, 12, 4)),
        ("2024-12-04T10:00:00Z", dt.date(2024, 12, 4)),
        ("2024/12/4", dt.date(2024, 12, 4)),
        ("December 4, 2024", dt.date(2024, 12, 4)),
        ("Dec. 4, 2024 at 10:05 a.m.", dt.date(2024, 12, 4)),
        ("DEC 4, 2024", dt.date(2024, 12, 4)),
        ("Wednesday, December 4, 2024", dt.date(2024, 12, 4)),
        ("Wed, 4 Dec 2024 10:00:00 GMT", dt.date(2024, 12, 4)),
        ("4th of December 2024", dt.date(2024, 12, 4)),
        ("December 4, 20249:15 AM UTC", dt.date(2024, 12, 4)),  # the time run into the year
        ("4 Dec 202409:15", dt.date(2024, 12, 4)),
        ("December 4", None),  # no year: a metadata date needs one
        ("2024-02-30", None),  # no such day
        ("0001-01-01", None),  # outside the years of news
        ("9999-12-31", None),
        ("may 4, 2024", None),  # "may" is a verb; month names are capitalised
        ("", None),
    ],
)
def test_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_year_less_dates_take_the_nearest_year_looking_back() -> None:
    published = dt.date(2025, 1, 2)
    (december,) = calendar_dates("on Dec. 30 the talks resumed")
    assert date_of(december, published) == dt.date(2024, 12, 30)
    (january,) = calendar_dates("due on January 5")
    assert date_of(january, published) == dt.date(2025, 1, 5)
    assert date_of(january) is None  # no published date to place it


def test_times_of_day_in_running_text() -> None:
    def read(text: str) -> list[tuple[str, int, str | None, bool]]:
        return [(text[t.start : t.end], t.minutes, t.zone, t.hedged) for t in clock_times(text)]

    assert read("The quake struck at 2:40 a.m. on Wednesday.") == [("2:40 a.m.", 160, None, False)]
    assert read("It began shortly after 17:40 GMT.") == [("17:40 GMT", 1060, "GMT", True)]
    assert read("The strike began at midnight on Sunday.") == [("midnight", 0, None, False)]
    assert read("They landed at 11:42 local time.") == [("11:42", 702, None, False)]
    assert read("He ran 2:07:09 to win.") == []  # a race time
    assert read("Shares rose 9.15 percent.") == []
    assert read("Polls are open between 7 a.m. and 8 p.m.") == []  # a range
