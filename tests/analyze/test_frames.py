"""What each figure measures (its frame), and the numbers that are not figures at all."""

from __future__ import annotations

import pytest

from summarize.analyze.quantities import find_quantities
from summarize.models import Quantity, QuantityFrame


def figures(text: str) -> list[Quantity]:
    return find_quantities(text)


def one_figure(text: str) -> Quantity:
    (found,) = figures(text)
    return found


def frame_of(text: str, wording: str) -> QuantityFrame:
    found = [q for q in figures(text) if q.text == wording]
    assert len(found) == 1, [q.text for q in figures(text)]
    assert found[0].frame is not None
    return found[0].frame


# ---------------------------------------------------------------- misreadings


@pytest.mark.parametrize(
    "text",
    [
        "Leaders of the Group of 7 met in Cornwall.",
        "The Group of Seven summit ended on Sunday.",
        "Finance chiefs of the Group of 20 major economies met.",
        "Sales rose in the second quarter of 2021.",
        "The company did well in the first half of 2020.",
        "The server at 127.0.0.1 stopped answering.",
        "Version 3.8.0 fixed the bug.",
        "The page ran alert(3) when loaded.",
        "It read items[2] twice.",
    ],
)
def test_names_periods_addresses_and_code_are_no_figures(text: str) -> None:
    assert figures(text) == []


def test_a_quarter_of_something_is_still_a_share() -> None:
    (share,) = figures("A quarter of voters backed the plan.")
    assert share.normalized == 25 and share.frame is not None and share.frame.form == "share"


def test_a_change_then_a_level_is_not_a_range() -> None:
    change, level = figures("Jobless claims dropped 29,000 to 348,000 last week.")
    assert (change.normalized, level.normalized) == (-29_000, 348_000)
    assert change.frame and level.frame
    assert (change.frame.form, level.frame.form) == ("change", "level")
    assert change.frame.subject == level.frame.subject == "Jobless claims"
    assert level.frame.time == "last week"
    (rain,) = figures("The storm dropped 10 to 12 inches of rain.")
    assert rain.bound == "range"  # a range of an amount, not a change


def test_signs_are_read() -> None:
    (depth,) = figures("The probe sat at -5 km below the surface.")
    assert depth.normalized == -5_000 and depth.low < depth.high
    (fall,) = figures("Prices fell 5% in May.")
    (drop,) = figures("Prices saw a 5% drop in May.")
    (rise,) = figures("Prices rose 5% in May.")
    assert fall.normalized == drop.normalized == -5 and rise.normalized == 5
    (bounded,) = figures("Shares fell more than 5%.")
    assert bounded.bound == "at_most" and bounded.high == -5


# ---------------------------------------------------------------- frames


def test_expected_and_actual_figures_are_told_apart() -> None:
    text = "Economists had expected the economy to add 75,000 jobs, but it added 128,000 jobs."
    assert frame_of(text, "75,000 jobs").statement == "expected"
    assert frame_of(text, "128,000 jobs").statement == "actual"
    assert frame_of("The deficit is expected to top $1 trillion.", "$1 trillion").statement == (
        "expected"
    )
    # an expectation about an action leaves the size of what it acts on a fact
    bill = "Senators are expected to introduce a $908 billion relief bill on Monday."
    assert frame_of(bill, "$908 billion").statement == "actual"
    assert frame_of("the estimate of 75,000 from economists", "75,000").statement == "estimate"
    assert frame_of("An estimated 500 people died.", "An estimated 500 people").statement == (
        "actual"
    )


def test_rates_levels_changes_and_shares() -> None:
    assert frame_of("Benefits of $300 a month ended.", "$300").period == "month"
    assert frame_of("Benefits of $300 a month ended.", "$300").form == "rate"
    assert frame_of("He paid $3,600 in total.", "$3,600").form == "level"
    assert frame_of("Wages rose 3.1% from a year earlier.", "3.1%").period == "year"
    assert frame_of("38% of voters approved.", "38%").form == "share"
    assert frame_of("38% of voters approved.", "38%").subject == "voters"
    grew = "The deficit grew $205 billion, or 26 percent, last year."
    assert frame_of(grew, "26 percent").form == "change"  # restates the change


@pytest.mark.parametrize(
    ("text", "wording", "subject"),
    [
        # a phrase that only says when is no owner: "in 2019", "on the last day of May"
        (
            "The budget deficit ballooned to nearly $1 trillion in 2019.",
            "nearly $1 trillion",
            "budget deficit",
        ),
        (
            "The number of open jobs on the last day of May rose to 9.2 million.",
            "9.2 million",
            "number of open jobs",
        ),
        (
            "Initial claims during the week ending May 30 fell to 20,929,000.",
            "20,929,000",
            "Initial claims",
        ),
        (
            "Both the Dow and the S&P 500 closed the day down nearly 10%.",
            "nearly 10%",
            "Dow and the S&P 500",
        ),
        # a level's rank wraps the figure; an initialism in parentheses follows its name
        ("The jobless rate fell to a low of 3.5%.", "3.5%", "jobless rate"),
        (
            "The Dow Jones Industrial Average (DJIA) dropped by 10%.",
            "10%",
            "Dow Jones Industrial Average",
        ),
        (
            "Prior to March, initial claims had never risen as high as 700,000.",
            "700,000",
            "initial claims",
        ),
        (
            "Congress weighs a package potentially worth more than $1 trillion.",
            "more than $1 trillion",
            "package",
        ),
        # a verb of change or setting brings its object to the level
        (
            "He plans to raise annual refugee admissions to 125,000.",
            "125,000",
            "annual refugee admissions",
        ),
        ("The bank cut its key rate to 0.25%.", "0.25%", "key rate"),
        ("Job openings rose slightly to 9.2 million.", "9.2 million", "Job openings"),
        (
            "It adds his name to the checks to 80 million Americans.",
            "80 million Americans",
            "checks",
        ),
        # a weekday before "and" joins no names
        ("The S&P 500 slid 5.9% Thursday and the Nasdaq fell 5.3%.", "5.3%", "Nasdaq"),
        # a verb of reporting is no part of its subject
        ("The researchers found 32 cases among the pupils.", "32 cases", "researchers"),
        ("The memo cites 50 cases of fraud.", "50 cases", "memo"),
    ],
)
def test_whose_figure_it_is(text: str, wording: str, subject: str) -> None:
    assert frame_of(text, wording).subject == subject


@pytest.mark.parametrize(
    ("text", "wording", "subject"),
    [
        # "the N of": N is something of the people counted (their status, their families)
        ("It threatens the legal status of some 700,000 young immigrants.", "some 700,000", None),
        ("The families of 12 victims sued the city.", "12 victims", None),
        # "a N of": N holds the count (a town's population)
        (
            "White Settlement, a town of about 17,000 people, mourned.",
            "about 17,000 people",
            "town",
        ),
    ],
)
def test_a_noun_before_of_owns_a_count_only_as_what_holds_it(
    text: str, wording: str, subject: str | None
) -> None:
    assert frame_of(text, wording).subject == subject


def test_a_pronoun_and_its_verb_are_no_subject() -> None:
    assert frame_of("They're up about 30% from February.", "about 30%").subject is None
    assert frame_of("It looks like we'll be at about 60,000.", "about 60,000").subject is None
    # "remain" and "still" are part of the verb, not what is measured
    text = "Two miners died and 15 are still trapped 1.2km underground."
    assert frame_of(text, "1.2km").subject is None
    text = "Rescuers freed 17 men, but 15 remain trapped nearly 3,900 feet below ground."
    assert frame_of(text, "nearly 3,900 feet").subject is None


def test_subjects_times_and_measures() -> None:
    text = "The Dow fell 6.9% on Thursday while the Nasdaq fell 5.3%."
    assert frame_of(text, "6.9%").subject == "Dow"
    assert frame_of(text, "5.3%").subject == "Nasdaq"
    jobs = "In October, the U.S. economy added 128,000 jobs."
    assert frame_of(jobs, "128,000 jobs").time == "month:10"
    assert frame_of(jobs, "128,000 jobs").measure == "job"
    killed = "Two explosions left at least 40 people dead."
    assert frame_of(killed, "at least 40 people").measure == "people killed"
    age = "Ossoff, a 33-year-old media executive, beat Perdue."
    assert frame_of(age, "33-year").measure == "age"
    assert frame_of(age, "33-year").subject == "Ossoff"
    part = "Of the doses, 70 million of the 100 million doses will arrive by June 30."
    assert frame_of(part, "70 million").form == "share"
    assert frame_of(part, "100 million doses").time is None
    assert frame_of("the peak is likely to hit in two weeks", "two weeks").measure == (
        "duration (in)"
    )


# ---------------------------------------------------------------- what a frame leaves out


def test_since_after_a_record_word_is_no_time_of_the_figure() -> None:
    text = "Hiring jumped to its highest level since January as employers added 399,000 jobs."
    assert frame_of(text, "399,000 jobs").time is None
    assert frame_of("Unemployment has fallen 2 points since January.", "2 points").time == (
        "since:january"
    )


def test_a_time_after_the_from_value_is_the_from_values() -> None:
    frame = frame_of("The jobless rate declined to 3.5% from 3.6% in October.", "3.5%")
    assert frame.time is None
    assert (
        frame_of("The jobless rate rose to 3.7% in October from 3.6%.", "3.7%").time == "month:10"
    )
    text = "The deficit stands at $984 billion, up 26 percent from the $779 billion deficit "
    text += "recorded at the end of 2018."
    assert frame_of(text, "26 percent").time is None  # 2018 is the deficit's, after "from the"


@pytest.mark.parametrize(
    "text",
    [
        "It now expects $5.5 billion, down from about $6 billion previously.",
        "It now expects $5.5 billion, down from a previous forecast of $6 billion.",
        "It expects $5.5 billion, compared with an earlier estimate of about $6 billion.",
        "Sales reached $5.5 billion, up from $6 billion.",
    ],
)
def test_the_value_before_the_news_is_the_earlier_one(text: str) -> None:
    """Up or down from a value, a value "previously", or a previous or earlier forecast's: the
    figure the news replaced, not a figure of the same time as the new one."""
    (earlier,) = [q for q in figures(text) if q.text.endswith("$6 billion")]
    assert earlier.frame is not None and earlier.frame.time == "earlier"
    assert earlier.frame.subject != "previously"  # a word of time, no owner
    assert frame_of(text, "$5.5 billion").time is None


def test_previous_elsewhere_makes_no_figure_earlier() -> None:
    assert frame_of("The fund raised $6 billion from previous donors.", "$6 billion").time is None


def test_a_warning_of_a_figure_is_a_forecast() -> None:
    text = "The weather agency warned of up to 300 millimetres of rain."
    assert frame_of(text, "up to 300 millimetres").statement == "forecast"


def test_a_forecast_of_earnings_is_expected() -> None:
    text = "The company said it now expects to earn between $5 billion and $5.5 billion."
    assert frame_of(text, "between $5 billion and $5.5 billion").statement == "expected"


@pytest.mark.parametrize(
    ("text", "wording", "time"),
    [
        (
            "Seventeen workers had been rescued by Wednesday afternoon.",
            "Seventeen workers",
            "day:wednesday",
        ),
        ("Crews had restored power to 40,000 homes by Monday.", "40,000 homes", "day:monday"),
        ("The company will cut 2,000 jobs by March.", "2,000 jobs", "by month:3"),
        ("The firm will have hired 300 workers by Friday.", "300 workers", "by day:friday"),
        (
            "The state aims to vaccinate 70 million people by June 30.",
            "70 million people",
            "by date:june-30",
        ),
    ],
)
def test_by_a_time_in_the_perfect_is_when_a_count_stood_else_a_deadline(
    text: str, wording: str, time: str
) -> None:
    assert frame_of(text, wording).time == time


def test_a_modal_of_possibility_after_the_figure_makes_it_expected() -> None:
    text = "The institute said aftershocks of up to magnitude 5.5 could occur."
    assert frame_of(text, "5.5").statement == "expected"
    assert frame_of("Officials said 300 more could be evacuated.", "300").statement == "expected"
    text = "Five people were killed and two could not be found."
    assert frame_of(text, "two").statement == "actual"
    assert frame_of("The company said 5,000 jobs would go.", "5,000 jobs").statement == "actual"


def test_ones_stands_for_a_noun_said_before_and_counts_nothing_itself() -> None:
    found = one_figure("Organizers needed roughly 3,100 valid ones to force a vote.")
    assert (found.text, found.counted) == ("roughly 3,100", None)


def test_since_a_clause_about_the_event_dates_nothing() -> None:
    text = "The blaze has scorched about 4,000 acres since it broke out this afternoon."
    assert frame_of(text, "about 4,000 acres").time is None
    assert frame_of("Prices have risen 5% since January.", "5%").time == "since:january"


def test_until_dates_another_action() -> None:
    text = "The panel debated two articles of impeachment before delaying the votes until Friday."
    assert frame_of(text, "two articles").time is None


def test_a_compound_figure_is_of_the_noun_it_describes() -> None:
    memo = frame_of(
        "In a two-page unclassified memo to lawmakers, the White House said.", "two-page"
    )
    assert memo.subject == "unclassified memo"
    halt = frame_of("Trading resumed after the 15-minute halt.", "15-minute")
    assert (halt.measure, halt.subject) == ("duration (for)", "halt")


def test_the_level_a_plan_aims_at_is_a_target_and_a_planned_cut_is_not() -> None:
    text = "Biden plans to raise refugee admissions to 125,000 next year."
    assert frame_of(text, "125,000").statement == "target"
    assert frame_of("The company plans to cut 5,000 jobs.", "5,000 jobs").statement == "actual"


def test_more_after_a_verb_of_harm_counts_other_people_not_an_increase() -> None:
    text = "A gunman opened fire, killing 50 people and wounding at least 53 more."
    assert frame_of(text, "at least 53").form == "level"
    assert frame_of("Pfizer will supply 100 million more doses.", "100 million").form == "change"


def test_unaccounted_for_is_missing() -> None:
    frame = frame_of("At least 60 are confirmed dead and 80 unaccounted for.", "80")
    assert frame.measure == "count missing"


def test_a_distance_restated_in_brackets_keeps_its_reference() -> None:
    text = "Insurgents retreated some 20 kilometers (12 miles) from government-held Hama."
    assert frame_of(text, "some 20 kilometers").subject == "from government-held Hama"


@pytest.mark.parametrize(
    "text",
    ["He said so in an interview aired Sunday on CBS' 60 Minutes.", "as NBC's 48 Hours found"],
)
def test_a_capitalised_unit_inside_a_sentence_is_a_title(text: str) -> None:
    assert figures(text) == []
    assert [q.text for q in figures("The interview ran 60 minutes.")] == ["60 minutes"]


def test_a_verb_of_intent_reaches_across_a_long_object() -> None:
    text = (
        "Biden is planning to increase the maximum number of refugees allowed into the "
        "United States next fiscal year to 125,000."
    )
    frame = frame_of(text, "125,000")
    assert (frame.statement, frame.subject) == ("target", "maximum number of refugees")


def test_a_span_of_time_is_no_subject_and_year_over_year_is_a_period() -> None:
    frame = frame_of(
        "The gap is expected to top $1 trillion in the current budget year.", "$1 trillion"
    )
    assert frame.subject == "gap"
    frame = frame_of(
        "Hourly earnings rose 0.2 percent, with a year-over-year gain of 3.1 percent.",
        "3.1 percent",
    )
    assert frame.period == "year" and frame.subject != "year-over-year"
    text = "Hourly earnings rose 0.2 percent, with a year-over-year gain of 3.1 percent."
    assert frame_of(text, "0.2 percent").period is None


def test_a_temperature_is_no_sum_of_money() -> None:
    # "K" is an upper-case base unit like a currency's code, but no currency
    frame = frame_of("Temperatures rose to 40 degrees Celsius on Monday.", "40 degrees Celsius")
    assert frame.measure == "temperature"


def test_a_named_day_is_no_owner_and_what_a_storm_left_is_its_own() -> None:
    # "Palm Sunday", "Super Tuesday" say when; "left 3 people dead" is a verb of result
    assert frame_of("The storm on Super Tuesday left 3 people dead.", "3 people").subject == "storm"


def test_a_period_shorter_than_a_year_in_the_figures_noun_phrase() -> None:
    assert frame_of("It declared a quarterly dividend of 42 cents.", "42 cents").period == (
        "quarter"
    )
    assert frame_of("Customers pay $40 in monthly fees.", "$40").period == "month"
    # a year's is no period of its own, and a share of a monthly bill has none
    assert frame_of("He plans to raise annual admissions to 125,000.", "125,000").period is None
    assert frame_of("Credits equal 10% of their monthly bill.", "10%").period is None
    assert frame_of(
        "Revenue was $2.1 billion in the most recent quarter.", "$2.1 billion"
    ).time == ("last quarter")


@pytest.mark.parametrize(
    ("text", "wording", "measure"),
    [
        ("The death toll rose to 57 on Tuesday.", "57", "people killed"),
        ("The injury toll climbed to 300.", "300", "people injured"),
        ("It brought the number of arrests to three.", "three", "people arrested"),
        ("The toll road carried 500 cars on Monday.", "500 cars", "car"),  # it names its count
        ("The number of applicants rose to 500.", "500", "count"),
        ("The number of people killed in the fire has risen to 26.", "26", "people killed"),
        (
            "The number of confirmed dead at the site of the collapsed Florida condo building "
            "jumped to 60 overnight.",
            "60",
            "people killed",
        ),
        ("Rescuers freed 17, but two have been confirmed dead.", "two", "count killed"),
        ("Four are feared trapped.", "Four", "count trapped"),
        (
            "Seventeen people have now died after the landslide.",
            "Seventeen people",
            "people killed",
        ),
    ],
)
def test_a_count_given_by_its_name(text: str, wording: str, measure: str) -> None:
    assert frame_of(text, wording).measure == measure


@pytest.mark.parametrize(
    ("text", "wording", "measure"),
    [
        ("The vote passed, with two members dissenting.", "two members", "member dissenting"),
        (
            "About 300 workers striking at the plant blocked the gate.",
            "About 300 workers",
            "worker striking",
        ),
        ("The storm left 40 people, including 10 children, without power.", "40 people", "people"),
        ("A fire gutted a 12-story building downtown.", "12-story", "story"),
        ("Five of the seven board members backed the move.", "seven", "member"),
        (
            "Two of the freed workers remained in hospital on Wednesday.",
            "Two of the freed workers",
            "worker remaining",
        ),
        (
            "Twenty-three cars derailed, five of them carrying hazardous materials.",
            "five",
            "count carrying",
        ),
    ],
)
def test_a_participle_after_the_counted_noun_picks_out_part_of_them(
    text: str, wording: str, measure: str
) -> None:
    assert frame_of(text, wording).measure == measure


@pytest.mark.parametrize(
    ("text", "wording"),
    [
        ("Chief executive Katarzyna Wolski, 49, will join the board.", "49"),
        ("The deal was signed by Grant Whitfield, who is 57.", "57"),
        ("Jack Welch died at the age of 84.", "84"),
        ("He was 84.", "84"),
    ],
)
def test_a_bare_number_said_of_a_person_is_an_age(text: str, wording: str) -> None:
    assert frame_of(text, wording).measure == "age"


def test_a_target_named_after_its_figure() -> None:
    text = "Inflation stayed well above the bank's 2% target."
    assert frame_of(text, "2%").statement == "target"


def test_close_to_after_a_modal_is_a_verb_and_no_hedge() -> None:
    (shortfall,) = figures("They revised the shortfall the budget must close to $165 million.")
    assert shortfall.text == "$165 million" and shortfall.bound == "exact"
    assert figures("The shortfall is close to $165 million.")[0].bound == "approximate"


# ---------------------------------------------------------------- audit 3 (invented stories)


def test_a_partitive_counts_the_noun_of_its_whole() -> None:
    nine = one_figure("Police commander Jan Nowak said nine of his officers were injured.")
    assert (nine.text, nine.counted) == ("nine of his officers", "officer")
    assert nine.frame is not None and nine.frame.measure == "officer injured"
    assert one_figure("Two of the victims were children.").counted == "victim"


def test_a_verb_of_sizing_gives_the_size_of_its_object_not_of_its_source() -> None:
    text = "Police put the crowd at around 28,000, while organisers claimed 100,000."
    assert frame_of(text, "around 28,000").subject == "crowd"
    assert frame_of("Officials pegged the damage at $5 million.", "$5 million").subject == (
        "damage"
    )


def test_the_whole_of_a_part_is_a_total() -> None:
    text = "The avalanche danger was rated at level 4 of 5 on Wednesday."
    assert (frame_of(text, "4").form, frame_of(text, "5").form) == ("share", "total")
    text = "The cut had been expected by 28 of 31 economists polled."
    assert frame_of(text, "31 economists").form == "total"


# One part of a frame each: (sentence, figure, how it reads), by the rule that reads it.
_MULTIPLIERS = [
    ("The planet has roughly 8.6 times Earth's mass.", "roughly 8.6 times", "multiple (mass)"),
    ("It is about 2.6 times the size of Earth.", "about 2.6 times", "multiple (size)"),
    ("It is 2.5 times bigger than Earth.", "2.5 times", "multiple (size)"),
    ("Rents are three times the national average.", "three times", "multiple (average)"),
    ("He was arrested three times in 2019.", "three times", "time arrested"),  # a count
]
_AGES = [
    ("Many were women, and the youngest confirmed victim was 16, police said.", "16", "age"),
    ("The suspect is 16.", "16", "age"),
    ("The death toll was 16.", "16", "people killed"),  # a count's name, no age
    ("The final figure was 16.", "16", "count"),  # a notable person only in a rare sense
]
_POSSIBILITIES = [
    ("Forecasters warned the coast could see up to 15 inches of rain.", "up to 15 inches",
     "expected"),
    ("The storm may have killed 300 people.", "300 people", "expected"),
    ("The deficit is likely to stay near $1 trillion.", "$1 trillion", "expected"),
    ("The result would be a deficit of $1.4 trillion.", "$1.4 trillion", "expected"),
    ("The storm dumped 18.2 inches of rain.", "18.2 inches", "actual"),
    # "will" in reported speech, a relative clause's content, the size of a thing named
    ("The company said it would cut 5,000 jobs.", "5,000 jobs", "actual"),
    ("The House passed a bill that would ban abortions after 20 weeks.", "20 weeks", "actual"),
    ("Democrats could introduce a $908 billion bill.", "$908 billion", "actual"),
    # the modal governs another clause's verb
    ("A deal could move forward after two Democrats said they backed it.", "two Democrats",
     "actual"),
]  # fmt: skip
_SESSIONS = [
    ("Shares rose 3.1% in after-hours trading.", "3.1%", "session:after-hours"),
    ("Shares rose 3.1% in extended trading on Wednesday.", "3.1%", "session:after-hours"),
    ("The stock climbed 3.1% in early trading.", "3.1%", "session:opening"),
    ("The Dow fell 3.1% at the open.", "3.1%", "session:opening"),
    ("The Dow fell 3.1% at the close.", "3.1%", "session:closing"),
    ("After hours of talks, they agreed a 3.1% raise.", "3.1%", None),  # a span of hours
]


@pytest.mark.parametrize(
    ("text", "wording", "reading", "part"),
    [
        *(pytest.param(*case, "measure", id="multiplier") for case in _MULTIPLIERS),
        *(pytest.param(*case, "measure", id="age of a person") for case in _AGES),
        *(pytest.param(*case, "statement", id="modal of possibility") for case in _POSSIBILITIES),
        *(pytest.param(*case, "time", id="trading session") for case in _SESSIONS),
    ],
)
def test_a_part_of_a_frame_reads_as_news_language_means_it(
    text: str, wording: str, reading: str | None, part: str
) -> None:
    assert getattr(frame_of(text, wording), part) == reading


def test_the_span_a_change_is_taken_over_is_its_period_and_no_figure() -> None:
    (change,) = figures("The stock has fallen 18% over the past 12 months.")
    assert change.frame is not None and change.frame.period == "12 months"
    assert [q.text for q in figures("He has been in jail for the past 12 months.")] == [
        "12 months"
    ]  # how long: a duration


@pytest.mark.parametrize(
    ("text", "wording"),
    [
        ("Neighbours searched the ruins of the two houses closest to the blast.", "two houses"),
        ("The three hardest-hit districts lost power for a week.", "three"),
    ],
)
def test_a_count_a_superlative_picks_out_is_a_part(text: str, wording: str) -> None:
    assert frame_of(text, wording).form == "share"


def test_a_noun_in_est_after_a_count_picks_out_nothing() -> None:
    assert frame_of("The two forest fires burned for a week.", "two").form == "level"


def test_down_after_a_verb_it_completes_is_no_fall() -> None:
    text = "Pakistan chased down 341 to beat New Zealand on Saturday."
    assert frame_of(text, "341").form == "level"
    assert frame_of("Shares closed down 3% on Monday.", "3%").form == "change"


def test_some_of_a_group_the_report_names_is_a_part_unless_something_happened_to_it() -> None:
    text = "Three of the fires broke out while the cars were charging overnight."
    assert frame_of(text, "Three of the fires").form == "share"
    hurt = frame_of("Two of the freed workers remained in hospital.", "Two of the freed workers")
    assert hurt.form == "level" and hurt.measure == "worker remaining"


def test_an_age_said_of_a_noun_after_was_is_the_nouns() -> None:
    text = "Among the dead was a 67-year-old woman whose house collapsed."
    assert frame_of(text, "67-year").subject == "woman"
    assert frame_of("Ossoff, a 33-year-old Democrat, won.", "33-year").subject == "Ossoff"
    assert frame_of("The youngest victim was 16.", "16").subject == "youngest victim"


def test_how_long_something_is_expected_to_take_is_expected() -> None:
    frame = frame_of("The excavation is expected to take five years.", "five years")
    assert frame.statement == "expected"


def test_a_manner_adverb_does_not_hide_what_happened() -> None:
    frame = frame_of("About 1,100 houses were completely destroyed.", "About 1,100 houses")
    assert frame.measure == "house destroyed"


@pytest.mark.parametrize(
    ("text", "wording", "measure"),
    [
        ("Children account for 38 percent of this year's deaths.", "38 percent", "percent (death)"),
        (
            "About 40 percent of all cases this year were outside the capital.",
            "About 40 percent",
            "percent (case)",
        ),
        ("Biden said 90% of all American adults will be eligible.", "90%", "percent (adult)"),
        ("A quarter of voters backed the plan.", "A quarter", "percent (voter)"),
        ("Unemployment rose to 5.2 percent in May.", "5.2 percent", "percent"),
    ],
)
def test_a_percentage_measures_a_share_of_the_noun_after_of(
    text: str, wording: str, measure: str
) -> None:
    assert frame_of(text, wording).measure == measure


def test_an_extra_amount_is_a_change_written_before_or_after_the_figure() -> None:
    after = frame_of("It said 12,000 extra doses were on their way.", "12,000")
    before = frame_of("It was dispatching 20,000 additional doses.", "20,000")
    assert after.form == before.form == "change"


def test_an_age_told_after_a_relative_clause_or_of_the_oldest() -> None:
    died = frame_of("The man who died was 84 and had health problems.", "84")
    assert (died.measure, died.subject) == ("age", "man")
    assert frame_of("The oldest of the released men is 61.", "61").measure == "age"
    assert frame_of("The number of people who died was 84.", "84").measure != "age"


def test_a_margin_from_a_mark_is_no_level() -> None:
    record = "The price beat the artist's previous auction record by HK$102.5 million."
    assert frame_of(record, "HK$102.5 million").form == "change"
    alert = "The rain sent the river up by 3 metres above its flood alert level."
    assert frame_of(alert, "3 metres").form == "change"
    assert frame_of("The town lies 300 metres above sea level.", "300 metres").form == "level"
    assert frame_of("The alert level is 3.2 metres.", "3.2 metres").form == "level"


def test_those_still_in_hospital_are_no_count_of_all_taken_there() -> None:
    still = frame_of("Six children remain in hospital, all stable.", "Six children")
    taken = frame_of("Twenty-three children were taken to hospital.", "Twenty-three children")
    assert (still.measure, taken.measure) == ("child remaining", "child hospitalised")


def test_a_rate_told_after_the_verb_of_its_figure() -> None:
    text = "About 1,900 patients are being admitted a day, officials said."
    assert frame_of(text, "About 1,900 patients").period == "day"


def test_a_small_depth_in_a_sentence_about_rain_or_snow_is_what_fell() -> None:
    text = (
        "The rain, 150 millimetres in a day, sent the river up by 3 metres above its alert level."
    )
    assert frame_of(text, "150 millimetres").measure == "rainfall"
    assert frame_of(text, "3 metres").measure == "length"
    assert frame_of("Up to 30 cm of snow fell.", "Up to 30 cm").measure == "snowfall"
    assert frame_of("The hailstones were 3 cm wide.", "3 cm").measure == "length"


def test_an_auction_price_hammered_down_is_no_fall_and_one_expected_to_fetch_is_expected() -> None:
    sold = "The painting was hammered down at HK$168 million on Wednesday."
    assert frame_of(sold, "HK$168 million").form == "level"
    guide = "It had been expected to fetch no more than HK$160 million."
    assert frame_of(guide, "no more than HK$160 million").statement == "expected"


def test_a_participle_saying_what_the_counted_cover_picks_none_out() -> None:
    text = "It was approved subject to 52 conditions covering whales and seabirds."
    assert frame_of(text, "52 conditions").measure == "condition"


def test_an_age_set_off_without_an_article_is_of_the_noun_after_it() -> None:
    text = "The worker, 43-year-old loader Vinod Shinde, was arrested at a staff exit."
    assert frame_of(text, "43-year").subject == "loader Vinod Shinde"
    assert frame_of("Ossoff, a 33-year-old Democrat, won.", "33-year").subject == "Ossoff"


def test_ages_listed_one_after_another_are_each_of_their_own_noun() -> None:
    text = "The dead were a 34-year-old Spanish woman, a 36-year-old Spanish man and a 58-year-old."
    assert frame_of(text, "36-year").subject == "Spanish man"
    assert frame_of(text, "34-year").subject == "Spanish woman"


def test_a_rate_named_after_what_it_measures_or_later_in_its_clause() -> None:
    per_day = "It may discharge up to 1,800 tonnes of salt per day into the river."
    assert frame_of(per_day, "up to 1,800 tonnes").period == "day"
    weekly = "The mine is allowed to pump 12,600 tonnes of salt into the river every week."
    assert frame_of(weekly, "12,600 tonnes").period == "week"


def test_a_figure_someone_puts_something_at_is_an_estimate() -> None:
    text = "By the evening, city officials put the damage at about 1.2 million euros."
    assert frame_of(text, "about 1.2 million euros").statement == "estimate"
    service = "The plant was put into service at 300 megawatts."
    assert frame_of(service, "300 megawatts").statement == "actual"


def test_a_percentage_share_of_something_is_a_share_of_it() -> None:
    text = "It reinforces the country's roughly 7 percent share of world exports."
    frame = frame_of(text, "roughly 7 percent")
    assert frame.form == "share" and frame.measure.startswith("percent (")


def test_what_one_place_alone_gave_is_a_part_and_one_day_alone_is_not() -> None:
    place = "Wards were full, with 900 people treated in the province alone since Saturday."
    assert frame_of(place, "900 people").form == "share"
    day = "About 620 volunteers turned out on Tuesday alone."
    assert frame_of(day, "About 620 volunteers").form == "level"


def test_the_means_told_before_what_it_did_leaves_the_outcome() -> None:
    assert frame_of("One wolf was shot dead by police.", "One wolf").measure == "wolf killed"
    assert frame_of("Three men were stabbed to death.", "Three men").measure == "man killed"
    assert frame_of("Two people were shot in the leg.", "Two people").measure == "people"


@pytest.mark.parametrize(
    "text",
    [
        "The number of people killed by tainted alcohol has risen to 19.",
        "By Thursday morning the toll stood at 23.",
        "The number of confirmed dead at the site jumped to 60.",
    ],
)
def test_a_count_given_by_its_name_counts_people(text: str) -> None:
    (figure,) = find_quantities(text)
    assert figure.frame is not None and figure.frame.measure == "people killed"


def test_a_count_naming_what_it_counts_keeps_its_noun() -> None:
    (figure,) = find_quantities("The number of cattle killed rose to 40.")
    assert figure.frame is not None and not figure.frame.measure.startswith("people")


def test_flights_cancelled_and_flights_delayed_are_two_counts() -> None:
    (cancelled,) = find_quantities("At least 46 departures were cancelled on Friday.")
    (delayed,) = find_quantities("ADL's figures showed 212 delayed departures on Friday.")
    assert cancelled.frame is not None and cancelled.frame.measure == "departure cancelled"
    assert delayed.frame is not None and delayed.frame.measure == "departure delayed"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Airport officials said 31 departures had been cancelled by Friday evening.", None),
        ("Officials say that 300 people were evacuated.", None),
        ("The company reported 500 layoffs.", "company"),  # its object: the company's
    ],
)
def test_a_figure_opening_a_reported_clause_is_no_speaker_s(text: str, subject: str | None) -> None:
    (figure,) = find_quantities(text)
    assert figure.frame is not None and figure.frame.subject == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The plant employs 1,200 workers.", "plant"),  # the verb is no part of the owner
        ("The bridge spans 300 metres.", "bridge"),
        ("The largest piece found so far weighs 1.4 kilograms.", None),  # "so far" says when
    ],
)
def test_a_verb_in_the_present_before_a_figure_ends_its_owner(
    text: str, subject: str | None
) -> None:
    (figure,) = find_quantities(text)
    assert figure.frame is not None and figure.frame.subject == subject
