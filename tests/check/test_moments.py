"""Reports telling one event at another time of day or on another day (check/moments.py)."""

from __future__ import annotations

import datetime as dt

from summarize.models import Finding
from summarize.pipeline import check
from tests.stories import cluster_of


def moments(reports: dict[str, str], **dates: dt.date) -> list[Finding]:
    return [
        f
        for f in check(cluster_of(reports, dates or None)).findings
        if f.explanation.startswith("The reports disagree on when")
    ]


def test_one_event_told_at_another_time_of_day_is_a_medium_conflict() -> None:
    reports = {
        "a": "The nationwide outage began at 2:40 a.m. on Wednesday after a faulty update.",
        "b": "Across Hokkaido, the outage, which began at 3:40 a.m. on Wednesday, hit trains.",
    }
    (found,) = moments(reports)
    assert (found.kind, found.severity) == ("quantity_conflict", "medium")
    assert [e.quote for e in found.evidence] == ["2:40 a.m.", "3:40 a.m."]
    assert [v.unit for v in found.values] == ["time of day", "time of day"]


def test_times_in_another_zone_or_within_a_hedge_agree() -> None:
    zones = {
        "a": "The nationwide outage began at 2:40 a.m. on Wednesday after a faulty update.",
        "b": "The nationwide outage began shortly after 17:40 GMT on Tuesday, the company said.",
    }
    assert moments(zones) == []
    hedged = {
        "a": "The nationwide outage began at about 2:40 a.m. after a faulty update.",
        "b": "The nationwide outage began shortly after 3 a.m. after a faulty update.",
    }
    assert moments(hedged) == []


def test_two_moments_of_one_story_are_not_compared() -> None:
    reports = {
        "a": "The bus left Nepalgunj at 6 a.m. with 46 people on board, police said.",
        "b": "The bus plunged into the gorge at 10 p.m., police in Kalikot said.",
    }
    assert moments(reports) == []


def test_a_past_day_told_differently_is_a_conflict_and_a_day_to_come_is_not() -> None:
    past = {
        "a": "Health minister Juan Gimenez said the first case was detected on June 28.",
        "b": "Health minister Juan Gimenez said the first case was detected on June 24.",
    }
    (found,) = moments(past, a=dt.date(2026, 7, 6), b=dt.date(2026, 7, 7))
    assert sorted(e.quote for e in found.evidence) == ["June 24", "June 28"]
    planned = {
        "a": "Justice Wambugu said the full hearing of the case is set for April 14.",
        "b": "Justice Wambugu said the full hearing of the case is set for April 21.",
    }
    assert moments(planned, a=dt.date(2026, 3, 10), b=dt.date(2026, 3, 10)) == []


def test_neighbouring_sentences_telling_the_same_happening_at_other_times() -> None:
    reports = {
        "a": "Guards discovered the escape during the 6 a.m. headcount, the minister said.",
        "b": "The prisoners fled through a tunnel that guards discovered at the 8 a.m. count.",
    }
    (found,) = moments(reports)
    assert [e.quote for e in found.evidence] == ["6 a.m.", "8 a.m."]
