"""The checker compares figures by frame: like with like, never a report with itself."""

from __future__ import annotations

import datetime as dt
import json
from itertools import islice

import pytest

from summarize.check.quantities.explain import describe_frame
from summarize.models import Finding, QuantityFrame
from summarize.pipeline import check
from tests.stories import NEUS, cluster_of


def findings(reports: dict[str, str], kind: str, **dates: dt.date) -> list[Finding]:
    return [f for f in check(cluster_of(reports, dates or None)).findings if f.kind == kind]


def conflicts(reports: dict[str, str], **dates: dt.date) -> list[Finding]:
    return findings(reports, "quantity_conflict", **dates)


def test_the_same_figure_given_differently_is_a_high_conflict_with_its_frame() -> None:
    reports = {
        "wire": "A bomb at a market in the capital killed 25 people on Monday, police said.",
        "paper": "A bomb at a market in the capital killed 40 people on Monday, police said.",
    }
    (found,) = conflicts(reports)
    assert found.severity == "high"
    assert {v.text for v in found.values} == {"25 people", "40 people"}
    assert all(v.frame is not None and v.frame.measure == "people killed" for v in found.values)
    assert "wire" in found.explanation and "paper" in found.explanation
    assert "people killed" in found.explanation


def test_expected_and_actual_are_not_compared() -> None:
    reports = {
        "a": "Consumer prices rose 4.2% in April, the Labor Department said.",
        "b": "Economists had expected consumer prices to rise 3.6% in April.",
    }
    assert conflicts(reports) == []


def test_a_change_and_a_level_are_not_compared() -> None:
    reports = {
        "a": "Initial jobless claims rose by 2,000 to 373,000 last week.",
        "b": "Initial jobless claims rose to 373,000 last week, up 2,000 from the week before.",
        "c": "Initial jobless claims stood at 375,000 last week.",
    }
    found = conflicts(reports)
    assert all("2,000" not in v.text for f in found for v in f.values)


def test_per_month_and_per_year_are_not_compared() -> None:
    reports = {
        "a": "The program pays families $300 per month in child benefits.",
        "b": "The program pays families $3,600 in child benefits.",
    }
    assert conflicts(reports) == []


def test_the_members_a_participle_picks_out_are_not_compared_with_all_of_them() -> None:
    reports = {
        "a": "Governor Ilse Marow said the decision to cut the rate to 4.5% was taken by a "
        "majority of the board, with two members dissenting.",
        "b": "Five of the seven board members backed the cut to 4.5%; two voted to hold rates, "
        "Governor Ilse Marow said.",
    }
    assert conflicts(reports) == []


def test_the_same_participle_still_compares_its_counts() -> None:
    reports = {
        "a": "The board cut its rate to 4.5% on Wednesday, with two members dissenting.",
        "b": "The board cut its rate to 4.5% on Wednesday, with three members dissenting.",
    }
    (found,) = conflicts(reports)
    assert "members dissenting" in found.explanation


def test_two_indexes_and_two_months_are_not_compared() -> None:
    reports = {
        "a": "The Dow fell 6.9% on Thursday in its worst day since March.",
        "b": "The Nasdaq fell 5.3% on Thursday in its worst day since March.",
    }
    assert conflicts(reports) == []
    months = {
        "a": "The unemployment rate was 3.5% in November, the Labor Department said.",
        "b": "The unemployment rate was 3.6% in October, the Labor Department said.",
    }
    assert conflicts(months) == []


def test_a_report_never_disagrees_with_itself() -> None:
    reports = {
        "a": "About 17,000 people live in the town. Two people were killed in the church.",
        "b": "Two people were killed in the church in the town on Sunday.",
    }
    for finding in conflicts(reports):
        sides = {v.document for v in finding.values}
        assert len(sides) == 2


def test_equivalent_wordings_are_no_conflict() -> None:
    pairs = [
        ("5.2%", "5.2 percent"),
        ("$1.2 trillion", "$1,200 billion"),
        ("235,000", "235000"),
        ("six", "6"),
        ("3 million", "3,000,000"),
        ("20 kilometers", "12.4 miles"),
    ]
    for first, second in pairs:
        reports = {
            "a": f"Officials said the figure for the new program was {first} on Tuesday.",
            "b": f"Officials said the figure for the new program was {second} on Tuesday.",
        }
        assert conflicts(reports) == [], (first, second)


def test_a_dated_earlier_figure_is_an_update() -> None:
    reports = {
        "early": "Rescuers said 12 people had died in the flooding in the valley.",
        "late": "Rescuers said 30 people had died in the flooding in the valley.",
    }
    dates = {"early": dt.date(2024, 5, 1), "late": dt.date(2024, 5, 2)}
    assert findings(reports, "temporal_update", **dates)
    assert not conflicts(reports, **dates)


@pytest.mark.parametrize(
    ("early", "late"),
    [
        (
            "The ferry was carrying 143 passengers, according to its manifest.",
            "The ferry was carrying 134 passengers, according to its manifest.",
        ),
        (
            "The train was travelling at about 47 mph when it left the tracks.",
            "The train was travelling at 52 mph when it left the tracks.",
        ),
        (
            "Lakeshore Health, which operates seven hospitals in Ohio, said it was attacked.",
            "Lakeshore Health, which runs eight hospitals in Ohio, has declined to say more.",
        ),
    ],
)
def test_a_fact_of_a_moment_given_differently_on_other_dates_is_a_conflict(
    early: str, late: str
) -> None:
    reports = {"early": early, "late": late}
    dates = {"early": dt.date(2026, 8, 3), "late": dt.date(2026, 8, 5)}
    assert not findings(reports, "temporal_update", **dates)
    (found,) = conflicts(reports, **dates)
    assert found.severity == "medium" and "different dates" in found.explanation


def test_an_age_of_someone_the_other_sentence_does_not_mention_is_another_person_s() -> None:
    reports = {
        "a": "The 27-year-old won the Frankfurt race in record time on Sunday.",
        "b": "His coach, 54-year-old Daniel Rotich, said the Frankfurt race win was clean.",
    }
    assert conflicts(reports) == []


def test_a_done_act_in_the_perfect_is_no_running_count() -> None:
    reports = {
        "early": "A court has sentenced the former minister to 10 years in prison for graft.",
        "late": "The former minister was sentenced to seven years in prison for graft.",
    }
    dates = {"early": dt.date(2026, 4, 13), "late": dt.date(2026, 4, 15)}
    assert not findings(reports, "temporal_update", **dates)


def test_a_figure_told_as_it_stands_so_far_changes_over_time() -> None:
    reports = {
        "early": "The wildfire had burned about 4,000 acres by Tuesday night, officials said.",
        "late": "The wildfire has now burned more than 11,500 acres, officials said.",
    }
    dates = {"early": dt.date(2026, 7, 14), "late": dt.date(2026, 7, 15)}
    assert findings(reports, "temporal_update", **dates)
    assert not conflicts(reports, **dates)


def test_a_later_value_below_an_earlier_bound_is_no_count_that_grew() -> None:
    reports = {
        "early": "A landslide buried at least 18 houses in the village before dawn on Monday.",
        "late": "The landslide buried about a dozen houses in the village before dawn on Monday.",
    }
    dates = {"early": dt.date(2026, 7, 6), "late": dt.date(2026, 7, 7)}
    assert not findings(reports, "temporal_update", **dates)
    assert conflicts(reports, **dates)


def test_a_running_state_is_read_in_the_figure_s_own_clause() -> None:
    reports = {
        "early": "A landslide swept away at least 18 homes in the village, officials said.",
        "late": "Seventeen people have now died after a landslide swept away about a dozen homes "
        "in the village, officials said.",
    }
    dates = {"early": dt.date(2026, 7, 6), "late": dt.date(2026, 7, 7)}
    (found,) = conflicts(reports, **dates)
    assert {v.text for v in found.values} == {"at least 18 homes", "about a dozen homes"}


def test_a_tally_of_other_dates_is_one_running_count_however_worded() -> None:
    reports = {
        "early": "A landslide buried a mountain village before dawn on Monday, killing at least "
        "seven people. Landslides kill dozens of people in Nepal every monsoon season.",
        "late": "Seventeen people have now died after the landslide in Myagdi district.",
    }
    dates = {"early": dt.date(2026, 7, 6), "late": dt.date(2026, 7, 7)}
    (update,) = findings(reports, "temporal_update", **dates)
    assert {v.text for v in update.values} == {"at least seven people", "Seventeen people"}


def test_an_earlier_bound_and_a_later_value_past_it_are_an_update() -> None:
    reports = {
        "early": "Firefighters said the blaze had destroyed at least 60 homes in the county.",
        "late": "Firefighters said the blaze had destroyed 143 homes in the county.",
    }
    dates = {"early": dt.date(2024, 5, 1), "late": dt.date(2024, 5, 2)}
    assert findings(reports, "temporal_update", **dates)
    # on one day, the bound fits the value: no disagreement
    same_day = {"early": dt.date(2024, 5, 2), "late": dt.date(2024, 5, 2)}
    assert not findings(reports, "temporal_update", **same_day)
    assert not conflicts(reports, **same_day)


def test_a_count_of_other_people_in_the_report_does_not_cancel_a_conflict() -> None:
    reports = {
        "wire": "About 100,000 people marched through the capital on Saturday. Police arrested "
        "14 people after scuffles near parliament, the police commander said.",
        "paper": "More than 40 people were arrested after scuffles near parliament on Saturday.",
    }
    (found,) = conflicts(reports)
    assert {v.text for v in found.values} == {"14 people", "More than 40 people"}


def test_a_tally_given_on_other_weekdays_by_reports_of_other_dates_is_an_update() -> None:
    reports = {
        "early": "At least 17 people were killed when a fire swept through a garment factory "
        "near the capital late on Wednesday, officials said.",
        "late": "The death toll from the garment factory fire near the capital rose to 26 on "
        "Friday, officials said.",
    }
    dates = {"early": dt.date(2024, 5, 2), "late": dt.date(2024, 5, 3)}
    (update,) = findings(reports, "temporal_update", **dates)
    assert {v.text for v in update.values} == {"At least 17 people", "26"}
    # two days' moves of a market are two figures, whatever the reports' dates
    markets = {
        "early": "The index fell 2% on Wednesday as investors sold banks.",
        "late": "The index rose 3% on Friday as investors bought banks.",
    }
    assert not findings(markets, "temporal_update", **dates)


def test_a_figure_of_an_earlier_year_is_background_not_the_event_s() -> None:
    reports = {
        "a": "The derailment is the deadliest in the state since December 2017, when a train "
        "plunged off an overpass, killing three people.",
        "b": "Five people were killed when the train derailed near the river on Tuesday.",
    }
    dates = {"a": dt.date(2026, 6, 10), "b": dt.date(2026, 6, 10)}
    assert not conflicts(reports, **dates)


def test_people_in_hospital_are_no_count_of_the_dead() -> None:
    reports = {
        "early": "At least three people were killed when the train derailed near the river on "
        "Tuesday, officials said.",
        "late": "Five people have died after the train derailed near the river, and 14 people "
        "remain in hospital, officials said.",
    }
    dates = {"early": dt.date(2026, 6, 9), "late": dt.date(2026, 6, 10)}
    (update,) = findings(reports, "temporal_update", **dates)
    assert {v.text for v in update.values} == {"At least three people", "Five people"}


def test_buildings_destroyed_and_buildings_damaged_are_two_counts() -> None:
    reports = {
        "a": "The explosion early on Tuesday destroyed two houses and shattered windows.",
        "b": "Eleven houses were damaged in the blast early on Tuesday, police said.",
    }
    assert conflicts(reports) == []


def test_the_rescued_the_trapped_and_the_dead_are_three_counts() -> None:
    reports = {
        "a": "Two miners have died and 15 are still trapped underground, the company said.",
        "b": "Nineteen miners have been rescued from the collapsed mine, the company said.",
    }
    assert conflicts(reports) == []


def test_one_tally_counted_with_a_noun_for_a_kind_of_the_other_s_is_compared() -> None:
    reports = {
        "a": "Seventeen workers had been rescued from the Kuruman Deep mine by Wednesday "
        "afternoon, the company said.",
        "b": "Nineteen miners have been rescued from the Kuruman Deep mine, union officials said "
        "on Wednesday.",
    }
    (found,) = conflicts(reports)
    assert {v.text for v in found.values} == {"Seventeen workers", "Nineteen miners"}
    assert found.severity == "medium"  # a reader must check that the two nouns are one group
    # persons in general may be the whole of which the others are a part
    reports = {
        "a": "Twelve people were killed in the attack on the base, officials said on Wednesday.",
        "b": "Three soldiers were killed in the attack on the base, officials said on Wednesday.",
    }
    assert conflicts(reports) == []


def test_a_specific_count_on_the_same_weekday_is_a_likely_figure() -> None:
    reports = {
        "wire": "About 18,000 nurses in Kenya's public hospitals walked off the job on Monday, "
        "demanding a 25 percent pay rise and allowances they say are two years overdue.",
        "daily": "Some 25,000 nurses walked off their wards on Monday, leaving mothers to give "
        "birth without help and the elderly to lie unattended in their beds.",
    }
    (found,) = conflicts(reports)
    assert {v.text for v in found.values} == {"About 18,000 nurses", "Some 25,000 nurses"}
    assert found.severity == "medium"


def test_a_name_and_its_initials_are_one_name_the_sentences_share() -> None:
    reports = {
        "company": "The new agreement means that Pfizer will supply 200 million doses to the "
        "United States, according to the company's statement.",
        "paper": "The $1.95 billion agreement doubles the overall U.S. order for the vaccine to "
        "300 million doses.",
    }
    (found,) = conflicts(reports)
    assert {v.text for v in found.values} == {"200 million doses", "300 million doses"}


def test_a_weekday_one_report_leaves_out_is_no_other_time() -> None:
    reports = {
        "a": "The S&P 500 slid 5.9% Thursday and the Nasdaq fell 5.3%.",
        "b": "The Dow plunged 1,861 points, while the S&P 500 slid 8.9%, to 3,002.",
    }
    (found,) = conflicts(reports)
    assert found.severity == "high"
    assert {v.text for v in found.values} == {"5.9%", "8.9%"}


def test_a_bound_does_not_make_two_values_agree() -> None:
    reports = {
        "a": "President Biden will propose a $9 trillion budget on Friday, while running "
        "deficits above $1.3 trillion throughout the next decade.",
        "b": "President Biden will unveil a $6 trillion budget proposal on Friday.",
    }
    (found,) = conflicts(reports)
    assert {v.text for v in found.values} == {"$9 trillion", "$6 trillion"}


def test_a_bare_repetition_takes_the_reports_fuller_frame() -> None:
    reports = {
        "a": "Biden will propose $5 trillion in new spending over the next decade. He will "
        "include $300 billion of the $5 trillion total in his budget request for 2022.",
        "b": "Biden will propose a $6 trillion budget for 2022 on Friday.",
    }
    assert conflicts(reports) == []


def test_distances_from_two_places_or_none_are_not_compared() -> None:
    reports = {
        "a": "The missiles were fired from a base about 50 miles from Pyongyang.",
        "b": "The base lies around 130 miles north of the border. One missile flew 270 kilometers.",
    }
    assert conflicts(reports) == []


def test_the_same_compound_figure_of_one_thing_is_compared() -> None:
    reports = {
        "a": "Echoing officials, the two-page memo cites the president's authority to act.",
        "b": "In a legally mandated, three-page unclassified memo to lawmakers, the White House "
        "defended the strike.",
    }
    (found,) = conflicts(reports)
    assert {v.text for v in found.values} == {"two-page", "three-page"}


def test_figures_each_from_its_own_named_source_conflict_at_medium() -> None:
    reports = {
        "a": "Approximately 9 million people watched the convention's first night on Monday, "
        "according to a Hill report.",
        "b": "A total of 17 million people watched the convention's first night on Monday, "
        "according to Nielsen.",
    }
    (finding,) = conflicts(reports)
    assert finding.severity == "medium"  # two sources may have measured differently
    same_source = {name: text.replace("a Hill report", "Nielsen") for name, text in reports.items()}
    assert [f.severity for f in conflicts(same_source)] == ["high"]


def test_a_likely_match_an_order_of_magnitude_apart_is_no_conflict() -> None:
    # Each from its own source, so a likely match: 440,000 streamed and 17 million on television
    # are two audiences counted as "people", not one figure disputed.
    reports = {
        "a": "Approximately 440,000 people watched the convention's first night on Monday, "
        "according to a Hill report.",
        "b": "A total of 17 million people watched the convention's first night on Monday, "
        "according to Nielsen.",
    }
    assert conflicts(reports) == []
    same_source = {name: text.replace("a Hill report", "Nielsen") for name, text in reports.items()}
    assert [f.severity for f in conflicts(same_source)] == ["high"]  # one figure: a slip to check


def test_a_less_sure_disagreement_says_which_part_of_the_frames_is_not_alike() -> None:
    reports = {
        "wire": "The president will issue 80 pardons this week, officials said.",
        "paper": "The president will issue more than 100 pardons on Tuesday, officials said.",
    }
    (found,) = conflicts(reports)
    assert found.severity == "medium"
    assert found.explanation.endswith(
        "Not stated alike in both (when: wire this week, paper Tuesday); check."
    )


@pytest.mark.parametrize(
    ("frame", "unit", "words"),
    [
        (QuantityFrame(measure="length", subject="from Hama"), "m", "distance from Hama"),
        (
            QuantityFrame(measure="percent", subject="voters", statement="forecast"),
            "percent",
            "forecast percentage of voters",
        ),
        (
            QuantityFrame(measure="commutation and pardon", subject="Trump", time="this week"),
            "count",
            "number of commutations and pardons of Trump, this week",
        ),
        (QuantityFrame(measure="count injured"), "count", "number injured"),
        (
            QuantityFrame(measure="people killed", time="day:sunday"),
            "count",
            "number of people killed, Sunday",
        ),
        (
            QuantityFrame(measure="money (USD)", subject="bill", form="rate", period="month"),
            "USD",
            "amount in USD of bill per month",
        ),
        (
            QuantityFrame(measure="percent", subject="S&P 500", form="change", time="date:may-30"),
            "percent",
            "percentage change of S&P 500, May 30",
        ),
        (QuantityFrame(measure="duration (in)"), "s", "time until"),
        (
            QuantityFrame(measure="count", subject="number of open jobs"),
            "count",
            "number of open jobs",
        ),
        (
            QuantityFrame(measure="point", subject="Dow", form="change"),
            "count",
            "change in points of Dow",
        ),
        (QuantityFrame(measure="temperature"), "K", "temperature"),
        (QuantityFrame(measure="member", form="total"), "count", "total number of members"),
        (QuantityFrame(measure="multiple (mass)"), "times", "multiple of mass"),
        (
            QuantityFrame(measure="percent", form="change", time="session:after-hours"),
            "percent",
            "percentage change, after-hours trade",
        ),
    ],
)
def test_a_frame_in_words_reads_as_a_reader_would_say_it(
    frame: QuantityFrame, unit: str, words: str
) -> None:
    assert describe_frame(frame, unit) == words


def test_a_hedge_a_report_gives_once_holds_where_it_repeats_the_figure() -> None:
    # NeuS test cluster 14 as three plain-text files: report 3's headline "60 Percent Say Trump,
    # Congress Not Doing Enough" drops the hedge of its lead's "More than 60 percent", which fits
    # report 2's "More than three-quarters".
    with NEUS.open(encoding="utf-8") as lines:
        record = json.loads(next(islice(lines, 14, None)))
    reports = {str(number): text for number, text in enumerate(record["sources"], start=1)}
    assert conflicts(reports) == []
    unhedged = {**reports, "3": reports["3"].replace("More than 60 percent", "60 percent")}
    assert conflicts(unhedged)


# ---------------------------------------------------------------- audit 3 (invented stories)


def test_a_crowd_the_police_estimate_is_no_count_of_their_injured_officers() -> None:
    reports = {
        "radio": "Police put the crowd at around 28,000, while the OPZZ trade union, which "
        "organised the march, claimed some 100,000 took part.",
        "tabloid": "Police commander Krzysztof Wroblevski said nine of his officers were injured.",
    }
    assert conflicts(reports) == []


def test_a_partitive_of_another_fact_loosely_matched_is_no_conflict() -> None:
    # NeuS test cluster 107: "interviewed nine of the top candidates last month" and "endorse
    # two separate Democratic candidates", in sentences the reports do not align, share only a
    # name: one dated where the other is not, they are no one figure.
    with NEUS.open(encoding="utf-8") as lines:
        record = json.loads(next(islice(lines, 107, None)))
    reports = {str(number): text for number, text in enumerate(record["sources"], start=1)}
    assert "nine of the top candidates" in reports["2"]
    assert conflicts(reports) == []


def test_multipliers_of_different_measures_are_not_compared() -> None:
    reports = {
        "wire": "The planet, TOI-5891 b, is about 2.6 times the size of Earth.",
        "radio": "The planet TOI-5891 b has roughly 8.6 times Earth's mass.",
        "tabloid": "The planet TOI-5891 b is about two and a half times bigger than Earth.",
    }
    assert conflicts(reports) == []
    (same,) = findings(reports, "quantity_equivalent")
    assert {v.document for v in same.values} == {"wire", "tabloid"}
    assert "multiple of size" in same.explanation


def disagreements_a_day_apart(early: str, late: str) -> list[Finding]:
    """The updates and conflicts between two reports, the first a day older than the second."""
    reports = {"early": early, "late": late}
    dates = {"early": dt.date(2026, 12, 3), "late": dt.date(2026, 12, 4)}
    return findings(reports, "temporal_update", **dates) + conflicts(reports, **dates)


def test_the_whole_of_a_part_is_compared_only_with_totals() -> None:
    assert not disagreements_a_day_apart(
        "The avalanche danger was rated at level 4 of 5 in the area on Wednesday.",
        "The institute had rated the avalanche danger at level 4 in the area.",
    )


def test_the_age_of_a_victim_is_no_count_of_victims() -> None:
    found = disagreements_a_day_apart(
        "At least 17 victims were found, and the youngest confirmed victim was 16.",
        "The number of victims found has risen to 26, officials said.",
    )
    assert all(value.text != "16" for finding in found for value in finding.values)


def test_a_forecast_is_no_earlier_value_of_what_was_measured() -> None:
    assert not disagreements_a_day_apart(
        "Forecasters warned parts of the coast could see up to 15 inches of rain from the storm.",
        "Parts of the coast saw 18.2 inches of rain from the storm, forecasters said.",
    )


def test_price_moves_of_other_trading_sessions_are_not_compared() -> None:
    reports = {
        "trade": "Vantora shares rose 3.1% in after-hours trading following the announcement.",
        "wire": "Vantora shares rose 4.6% in extended trading following the announcement.",
        "labor": "Vantora shares climbed 2.4% in early trading following the announcement.",
        "year": "Vantora shares have fallen 18% over the past 12 months.",
    }
    (found,) = conflicts(reports)
    assert {v.text for v in found.values} == {"3.1%", "4.6%"}
    assert found.severity == "high"


def test_a_sum_in_lakh_taka_is_the_same_sum_in_taka() -> None:
    reports = {
        "wire": "The government announced compensation of 200,000 taka for each victim's family.",
        "daily": "The government has announced Tk 2 lakh in compensation for each victim's family.",
    }
    assert conflicts(reports) == []
    (same,) = findings(reports, "quantity_equivalent")
    assert "amount in BDT" in same.explanation


def test_counts_a_sentence_lists_as_parts_are_no_conflict_with_their_sum() -> None:
    reports = {
        "a": "Two foreign aid workers and their two Yemeni colleagues were freed on Tuesday.",
        "b": "The four aid workers were freed on Tuesday after months in captivity.",
    }
    assert conflicts(reports) == []


def test_a_listed_count_still_disagrees_with_another_than_its_sum() -> None:
    reports = {
        "a": "The strike killed three soldiers and two civilians on Monday, the army said.",
        "b": "The strike killed four soldiers on Monday, the army said.",
    }
    (found,) = conflicts(reports)
    assert {v.text for v in found.values} == {"three soldiers", "four soldiers"}


def test_a_toll_and_an_injury_count_joined_by_and_are_no_list_of_parts() -> None:
    reports = {
        "a": "The blast left 12 dead and 40 injured on Monday, police said.",
        "b": "The blast left 52 dead on Monday, police said.",
    }
    assert len(conflicts(reports)) == 1


def test_of_two_figures_near_one_only_the_one_it_would_choose_is_compared() -> None:
    reports = {
        "a": "Qureshi finished with match figures of 11 for 143, including six for 58 in the "
        "second innings.",
        "b": "Qureshi took 11 wickets in the match, including six for 68 in the second innings.",
    }
    values = {v.text for f in conflicts(reports) for v in f.values}
    assert "143" not in values


def test_those_in_intensive_care_are_no_later_count_of_all_in_hospital() -> None:
    reports = {
        "a": "Eighteen of the patients were in hospital on Monday, the health department said.",
        "b": "Five patients are in intensive care, according to the health department.",
    }
    dates = {"a": dt.date(2026, 7, 6), "b": dt.date(2026, 7, 7)}
    found = [f for f in check(cluster_of(reports, dates)).findings if f.values]
    assert found == []


def test_how_far_a_place_lies_from_another_is_no_figure_of_a_year() -> None:
    reports = {
        "a": "The fossils were discovered in 2021 by a rancher on a remote hillside about 90 "
        "kilometres southwest of the city of Neuquen. Excavation was slow and difficult.",
        "b": "The dig site lies some 150 kilometres from Neuquen city, in dry hills that can only "
        "be reached by four-wheel drive.",
    }
    (found,) = conflicts(reports)
    assert {v.text for v in found.values} == {"about 90 kilometres", "some 150 kilometres"}


def test_shares_of_different_wholes_are_not_compared() -> None:
    reports = {
        "a": "About 40 percent of all cases this year have been in children, officials said.",
        "b": "Children account for 22 percent of this year's deaths, officials said.",
    }
    assert conflicts(reports) == []


def test_two_shares_of_one_whole_that_make_it_up_are_its_parts() -> None:
    reports = {
        "a": "About 40 percent of all cases this year have been recorded outside the capital.",
        "b": "Roughly 60% of cases this year have been in the capital.",
    }
    assert [f for f in check(cluster_of(reports)).findings if f.values] == []


def test_a_share_of_a_whole_is_described_with_it_once() -> None:
    reports = {
        "a": "Children under 15 account for 38 percent of this year's deaths, officials said.",
        "b": "Children under 15 account for 22% of this year's deaths, officials said.",
    }
    (found,) = conflicts(reports)
    assert "percentage of deaths" in found.explanation
    assert "of deaths of deaths" not in found.explanation


def test_a_running_count_given_as_bounds_on_other_days_rose() -> None:
    reports = {
        "monday": "More than 48,000 people have been hospitalised with dengue since January.",
        "tuesday": "More than 49,100 people have been hospitalised with dengue since January.",
    }
    dates = {"monday": dt.date(2026, 8, 3), "tuesday": dt.date(2026, 8, 4)}
    kinds = [f.kind for f in check(cluster_of(reports, dates)).findings if f.values]
    assert kinds == ["temporal_update"]


def test_a_weeks_count_is_no_running_total_since_january() -> None:
    reports = {
        "a": "More than 48,000 people have been hospitalised with dengue since January.",
        "b": "More than 13,000 people were hospitalised with dengue in the past week alone.",
    }
    dates = {"a": dt.date(2026, 8, 3), "b": dt.date(2026, 8, 6)}
    assert [f for f in check(cluster_of(reports, dates)).findings if f.values] == []


def test_values_two_orders_of_magnitude_apart_are_no_one_figure() -> None:
    reports = {
        "a": "Rescuers reached the capsule two hours after touchdown, Roscosmos said.",
        "b": "Whitfield, who had spent more than eight months in orbit, was carried from the "
        "capsule after touchdown, Roscosmos said.",
    }
    assert conflicts(reports) == []


def test_an_amount_in_kroner_or_shillings_is_money_not_a_count() -> None:
    reports = {
        "a": "The escaped fish were worth about 24 million kroner, the company said.",
        "b": "The escaped fish were valued at about 31 million kroner, the company said.",
    }
    (found,) = conflicts(reports)
    assert [v.frame.measure for v in found.values if v.frame] == ["money (NOK)", "money (NOK)"]


def test_a_running_word_of_another_count_does_not_make_a_things_length_change() -> None:
    reports = {
        "a": "The High Court on Tuesday suspended a 30-year concession for the grid.",
        "b": "Seven county assemblies have now passed motions rejecting the 30-year concession.",
        "c": "The 35-year concession would have placed the grid in private hands.",
    }
    dates = {"a": dt.date(2026, 3, 10), "b": dt.date(2026, 3, 11), "c": dt.date(2026, 3, 12)}
    kinds = {f.kind for f in check(cluster_of(reports, dates)).findings if f.values}
    assert "temporal_update" not in kinds


def test_deaths_and_the_people_who_died_are_one_count() -> None:
    reports = {
        "a": "Local media reported two deaths linked to the blackout, including a patient in a "
        "private clinic whose backup generator failed.",
        "b": "Two people died during the blackout, including a patient at a private clinic in "
        "Lima whose backup generator did not start.",
    }
    assert findings(reports, "framing") == []


def test_a_bound_is_given_only_by_a_value_about_its_number() -> None:
    # "lasted two hours" elsewhere in the first report does not give "more than 20 minutes"
    reports = {
        "a": "Bidding on the painting lasted 14 minutes. The whole sale lasted two hours.",
        "b": "Bidding on the painting lasted more than 20 minutes.",
    }
    (found,) = conflicts(reports)
    assert sorted(v.text for v in found.values) == ["14 minutes", "more than 20 minutes"]


def test_a_figure_matched_surely_is_not_also_compared_loosely_in_that_report() -> None:
    reports = {
        "a": "Bidding on the painting lasted 14 minutes among five bidders. "
        '"The room held its breath for the last five minutes," the auctioneer said.',
        "b": "Bidding on the painting lasted more than 20 minutes as collectors raised paddles.",
    }
    (found,) = conflicts(reports)
    assert "five minutes" not in [v.text for v in found.values]


def test_a_range_is_given_only_by_a_range_with_the_same_ends() -> None:
    reports = {
        "a": "The children, aged 6 to 14, fell ill after lunch. Of 23 children, 17 went home.",
        "b": "The children, aged 10 to 17, fell ill after lunch at the school.",
    }
    (found,) = conflicts(reports)
    assert sorted(v.text for v in found.values) == ["10 to 17", "6 to 14"]


def test_of_ages_listed_in_one_sentence_the_one_of_the_same_subject_is_compared() -> None:
    reports = {
        "a": "The dead were a 34-year-old Spanish woman, a 36-year-old Spanish man and a "
        "58-year-old Chinese man, the governor's office said.",
        "b": "Among the dead was a 43-year-old Spanish woman who was travelling with her husband.",
    }
    (found,) = conflicts(reports)
    assert sorted(v.text for v in found.values) == ["34-year", "43-year"]


def test_a_count_of_arrests_is_a_count_of_people_arrested() -> None:
    reports = {
        "a": "Police arrested 27 people during the protest, spokeswoman Sarah Peeters said.",
        "b": "Police made 19 arrests during the protest, most of them for throwing objects.",
    }
    (found,) = conflicts(reports)
    assert sorted(v.text for v in found.values) == ["19 arrests", "27 people"]


def test_a_running_toll_given_by_its_name_is_an_update_of_the_people_killed() -> None:
    reports = {
        "a": "Bootleg liquor poisoning\nJune 9, 2026\n\nAt least 14 people have died after "
        "drinking bootleg liquor at a wedding party, police said.",
        "b": "Bootleg liquor poisoning\nJune 10, 2026\n\nThe number of people killed by the "
        "tainted alcohol has risen to 19, police said.",
    }
    found = check(cluster_of(reports)).findings
    assert [f.kind for f in found if f.values] == ["temporal_update"]


def test_a_bare_count_and_a_named_count_of_the_same_outcome_compare() -> None:
    reports = {
        "a": "Rescuers searched the rubble on Friday. At least 60 are confirmed dead.",
        "b": "Rescuers searched the rubble on Friday. The number of confirmed dead jumped to 60.",
    }
    found = check(cluster_of(reports)).findings
    assert [f.kind for f in found if f.values] == ["quantity_equivalent"]
