"""Tests for summarize.analyze.quantities: finding, normalising and comparing quantities."""

from __future__ import annotations

import pytest

from summarize.analyze.quantities import (
    UNBOUNDED,
    agrees,
    comparable,
    find_quantities,
    overlaps,
    same_figure,
)
from summarize.models import Quantity
from summarize.text.inflection import singular


def one(text: str) -> Quantity:
    quantities = find_quantities(text)
    assert len(quantities) == 1, [quantity.text for quantity in quantities]
    return quantities[0]


def interval(quantity: Quantity) -> tuple[float, float]:
    return quantity.low, quantity.high


# ---------------------------------------------------------------- the seed story (Syria, Hama)


def test_distance_and_its_conversion_are_two_equivalent_quantities() -> None:
    text = "Insurgents retreated some 20 kilometers (12 miles) from government-held Hama."
    kilometers, miles = find_quantities(text, offset=100)
    assert (kilometers.text, miles.text) == ("some 20 kilometers", "12 miles")
    assert text[kilometers.start - 100 : kilometers.end - 100] == kilometers.text
    assert (kilometers.base_unit, kilometers.normalized) == ("m", 20_000)
    assert (kilometers.unit, kilometers.bound) == ("kilometer", "approximate")
    assert miles.normalized == pytest.approx(19_312.128)
    assert comparable(kilometers, miles) and overlaps(kilometers, miles)


def test_exact_distance_and_its_conversion_overlap_by_rounding_alone() -> None:
    twenty = one("The convoy drove 20 kilometers.")
    twelve = one("The convoy drove 12 miles.")
    assert interval(twenty) == (19_500, 20_500)
    assert twelve.low == pytest.approx(11.5 * 1609.344)
    assert overlaps(twenty, twelve)


def test_distances_that_truly_differ_do_not_overlap() -> None:
    about_ten, six_miles = find_quantities(
        "Insurgents now are about 10 kilometres (six miles) from Hama."
    )
    twenty = one("Insurgents retreated 20 km from the city.")
    assert six_miles.value == 6 and overlaps(about_ten, six_miles)
    assert comparable(about_ten, twenty) and not overlaps(about_ten, twenty)
    assert not overlaps(six_miles, twenty)


def test_two_bounds_that_overlap_are_one_figure_only_when_they_name_about_one_number() -> None:
    three_quarters = one("More than three-quarters of voters backed the plan.")
    sixty = one("More than 60 percent of voters backed the plan.")
    assert overlaps(three_quarters, sixty) and not same_figure(three_quarters, sixty)
    assert same_figure(sixty, one("At least 60 percent of voters backed the plan."))
    assert same_figure(sixty, one("Some 61 percent of voters backed the plan."))
    assert same_figure(one("The convoy drove 20 kilometers."), one("The convoy drove 12 miles."))
    # each bound names its number exactly: "more than 70" is another figure than "more than 60"
    assert not same_figure(sixty, one("More than 70 percent of voters backed the plan."))
    assert same_figure(sixty, one("Some 68 percent of voters backed the plan."))


def test_digits_and_words_give_identical_quantities() -> None:
    digits = one("It hosts 3 million Syrian refugees.")
    words = one("It hosts three million Syrian refugees.")
    fields = ("value", "normalized", "low", "high", "bound", "counted", "base_unit")
    assert [getattr(digits, name) for name in fields] == [getattr(words, name) for name in fields]
    assert interval(digits) == (2_500_000, 3_500_000)
    assert digits.counted == "refugee"


def test_more_than_and_over_are_open_above() -> None:
    more = one("to help ensure the safe return of more than 3 million Syrian refugees.")
    over = one("the return of over three million Syrian refugees.")
    assert (more.text, over.text) == ("more than 3 million", "over three million")
    assert more.bound == over.bound == "at_least"
    assert more.low == 3_000_000 and more.high == UNBOUNDED
    assert overlaps(more, over) and comparable(more, over)
    assert not overlaps(more, one("the return of 2.8 million refugees."))


def test_half_million_spellings_are_identical() -> None:
    hyphen = one("The war has killed an estimated half-million people over the past years.")
    spelled = one("The war has killed an estimated half-a-million people over the past years.")
    spaced = one("The war has killed an estimated half a million people over the past years.")
    assert hyphen.text == "an estimated half-million people"
    assert hyphen.counted == "people" and hyphen.bound == "approximate"
    assert interval(hyphen) == interval(spelled) == interval(spaced)
    assert hyphen.low < 500_000 < hyphen.high


@pytest.mark.parametrize(
    ("text", "span", "counted"),
    [
        ("they captured five Iran-backed militants, of whom", "five", "militant"),
        ("as well as three Syrian troops from its division", "three", "troop"),
        ("gunmen killed 50 government forces as they advanced", "50", "force"),
        ("insurgents captured four new towns early Tuesday", "four", "town"),
        ("Tens of thousands of civilians have been displaced", "Tens of thousands of civilians",
         "civilian"),
        ("has resulted in an estimated half-million casualties", "an estimated half-million "
         "casualties", "casualty"),
        ("has claimed an estimated half-a-million lives", "an estimated half-a-million lives",
         "life"),
        ("they captured seven villages from pro-government fighters", "seven villages", "village"),
        ("the two Russian nationals' ties to the Kremlin", "two", "national"),
    ],
)  # fmt: skip
def test_counts_name_their_head_noun(text: str, span: str, counted: str) -> None:
    quantity = one(text)
    assert (quantity.text, quantity.counted, quantity.base_unit, quantity.unit) == (
        span, counted, "count", ""
    )  # fmt: skip


def test_vague_amount_without_a_noun_is_a_range() -> None:
    quantity = one(
        "Tens of thousands have been displaced by the fighting, which started last week."
    )
    assert quantity.text == "Tens of thousands" and quantity.counted is None
    assert (quantity.bound, interval(quantity), quantity.value) == (
        "range",
        (10_000, 99_999),
        10_000,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hama, Syria's fourth largest city, and its 25th Special Mission Forces Division.",
        "Khanaser sits on one of the roads that lead to Aleppo.",
        "No one was hurt, and the one who fled was caught.",
        "It was the first time since the 2016 election that turnout fell, in 2024 too.",
        "Opposition fighters on the outskirts of Hama, Syria, December 3, 2024, and Dec. 5.",
        "The strike began at 10:30 a.m. and ended at 3 p.m., or 1500 GMT.",
        "For tickets call 555-1234 or (202) 555-0100.",
        "An F-16 crashed near Route 66 after the COVID-19 wave of the 1990s-style 5G rollout.",
        "Chelsea beat Arsenal 3-1 and the Lakers won 110-102; he lost 1-3.",
        "The 2011-2024 war and the twenty-fifth anniversary.",
    ],
)
def test_numbers_that_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


# ---------------------------------------------------------------- rounding and bounds


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("It grew 3.5 percent.", 3.45, 3.55),
        ("They hired 1,200 workers.", 1_150, 1_250),
        ("They hired 3,000 workers.", 2_500, 3_500),
        ("They hired 1 million workers.", 950_000, 1_050_000),
        ("They hired 20 workers.", 19.5, 20.5),
        ("Hundreds of workers joined.", 100, 999),
        ("Thousands of workers joined.", 1_000, 9_999),
        ("Between 500 and 600 workers joined.", 500, 600),
        ("A few hundred workers joined.", 200, 500),
    ],
)
def test_interval_follows_how_the_number_is_written(text: str, low: float, high: float) -> None:
    quantity = one(text)
    assert interval(quantity) == (pytest.approx(low), pytest.approx(high))


def test_one_and_a_half_kilometres_overlaps_one_mile_by_the_rounding_rule() -> None:
    kilometres = one("The road runs 1.5 km.")
    mile = one("The road runs 1 mile.")
    assert interval(kilometres) == (pytest.approx(1_450), pytest.approx(1_550))
    assert mile.low == pytest.approx(0.5 * 1609.344) and overlaps(kilometres, mile)


@pytest.mark.parametrize(
    ("text", "bound", "low", "high"),
    [
        ("Up to 20 people were rescued.", "at_most", 0, 20),
        ("Less than 5 km separated them.", "at_most", 0, 5_000),
        ("As many as 3.1 million recipients could lose benefits.", "at_most", 0, 3_100_000),
        ("At least 40 people were killed.", "at_least", 40, UNBOUNDED),
        ("More than 3,000+ troops deployed.", "at_least", 3_000, UNBOUNDED),
        # a hedge reaches one step of the last non-zero digit (100,000), under 15%
        ("Nearly 800,000 young immigrants are protected.", "approximate", 650_000, 850_000),
        # a hedge widens what the rounding allows, never both at once
        ("About 2,000 workers joined.", "approximate", 1_500, 2_500),
    ],
)
def test_qualifiers_shape_the_interval(text: str, bound: str, low: float, high: float) -> None:
    quantity = one(text)
    assert quantity.bound == bound
    assert interval(quantity) == (pytest.approx(low), pytest.approx(high))


def test_explicit_ranges_in_words_and_digits() -> None:
    inches = one("The storm dropped 10 to 12 inches of rain.")
    kilometres = one("The queue stretched 10-12 km.")
    days = one("They returned two or three days later.")
    millions = one("Officials expect 2 to 3 million visitors.")
    assert (inches.text, inches.bound, inches.value) == ("10 to 12 inches", "range", 11)
    assert interval(kilometres) == (9_500, 12_500)
    assert days.base_unit == "s" and days.low == 1.5 * 86_400
    assert millions.low == 1_500_000 and millions.counted == "visitor"


def test_a_range_of_things_counted_ends_at_its_limits() -> None:
    # Whole things: "between 50 and 100" allows no 101st, so "more than 100" is another figure;
    # the large rounded ends of "2 to 3 million" keep their rounding.
    range_ = one("Trump will issue between 50 and 100 pardons this week.")
    assert interval(range_) == (50, 100)
    assert not overlaps(range_, one("He will issue more than 100 pardons on Tuesday."))
    assert overlaps(range_, one("He will issue about 100 pardons."))
    assert one("Officials expect 2 to 3 million visitors.").high == 3_500_000


def test_two_plural_nouns_joined_are_counted_together_in_either_order() -> None:
    first = one("He issued 100 commutations and pardons.")
    second = one("He issued 100 pardons and commutations.")
    assert first.counted == second.counted == "commutation and pardon"
    assert comparable(first, second) and not comparable(first, one("He issued 100 pardons."))
    militants, soldiers = find_quantities("They captured five militants and three soldiers.")
    assert (militants.counted, soldiers.counted) == ("militant", "soldier")
    assert one("The firm has 500 workers and plans to hire more.").counted == "worker"
    announced = one("He issued 100 pardons and commutations announced on Tuesday.")
    assert (announced.text, announced.counted) == (
        "100 pardons and commutations",
        "commutation and pardon",
    )


def test_unbounded_survives_json() -> None:
    quantity = one("More than 50,000 people died.")
    assert Quantity.model_validate_json(quantity.model_dump_json()) == quantity


# ---------------------------------------------------------------- other stories


def test_earthquake_death_tolls() -> None:
    at_least, epicentre, miles = find_quantities(
        "The quake killed at least 40 people; the epicentre was about 30 kilometers (19 miles) "
        "north of the capital."
    )
    more_than = one("It killed more than 40 people, according to officials.")
    tabloid = one("A deadly earthquake struck on Monday, killing 75 people.")
    assert at_least.counted == more_than.counted == tabloid.counted == "people"
    assert overlaps(at_least, more_than) and overlaps(at_least, tabloid)
    assert not overlaps(tabloid, one("The earthquake killed 40 people."))
    assert overlaps(epicentre, miles)


def test_strike_turnout_that_grew_does_not_overlap() -> None:
    day1 = one("About 2,000 workers joined the strike.")
    day2 = one("About 3,500 workers have now joined the strike.")
    assert comparable(day1, day2) and not overlaps(day1, day2)


def test_money_keeps_its_currency() -> None:
    budget, deficit = find_quantities(
        "Biden will propose a $6 trillion budget, running deficits above $1.3 trillion."
    )
    pounds, euros = find_quantities("The council will spend £2.5bn and €3m on roads.")
    assert (budget.base_unit, budget.normalized, budget.bound) == ("USD", 6e12, "exact")
    assert (deficit.text, deficit.bound, deficit.low) == ("above $1.3 trillion", "at_least", 1.3e12)
    assert (pounds.base_unit, pounds.normalized) == ("GBP", 2.5e9)
    assert (euros.base_unit, euros.normalized) == ("EUR", 3e6)
    contract = one("Pentagon watchdog investigating $400M border wall contract.")
    assert contract.normalized == 4e8 and not comparable(contract, pounds)
    assert one("He cancelled 150 million dollars of debt.").base_unit == "USD"


@pytest.mark.parametrize(
    ("text", "wording", "currency", "value"),
    [
        ("The government announced Tk 2 lakh for each family.", "Tk 2 lakh", "BDT", 2e5),
        ("Each family will get 200,000 taka.", "200,000 taka", "BDT", 2e5),
        ("The injured will receive Tk. 50,000 each.", "Tk. 50,000", "BDT", 5e4),
        ("The company was fined Rs 5 crore.", "Rs 5 crore", "INR", 5e7),
        ("He paid 3 lakh rupees.", "3 lakh rupees", "INR", 3e5),
        ("The ticket cost ₹1.5 crore.", "₹1.5 crore", "INR", 1.5e7),
    ],
)
def test_south_asian_currencies_and_scales(
    text: str, wording: str, currency: str, value: float
) -> None:
    money = one(text)
    assert (money.text, money.base_unit, money.normalized) == (wording, currency, value)


def test_a_currency_abbreviation_written_in_other_capitals_is_no_money() -> None:
    assert [q.base_unit for q in find_quantities("He drove the Audi RS 5 to work.")] == []


def test_from_to_gives_two_amounts_not_a_range() -> None:
    before, after = find_quantities("Payments rose from $600 to $2,000 per person.")
    assert (before.text, after.text) == ("$600", "$2,000")


def test_economy_percentages_and_jobs() -> None:
    rate, jobs = find_quantities(
        "Unemployment fell to 3.9 percent as employers added 266,000 jobs in November."
    )
    assert (rate.base_unit, rate.normalized, rate.unit) == ("percent", 3.9, "percent")
    assert (jobs.counted, jobs.low, jobs.high) == ("job", 265_500, 266_500)
    index, level = find_quantities("The blue-chip index climbed 0.4% to 27462.11.")
    assert (index.text, index.normalized) == ("0.4%", 0.4)
    assert level.counted is None


def test_election_percent_and_percentage_points_are_not_comparable() -> None:
    share, margin = find_quantities(
        "Biden won 51.3% of the vote and led by more than 5 percentage points."
    )
    assert share.base_unit == "percent" and margin.base_unit == "percentage point"
    assert not comparable(share, margin)
    assert one("He won 20 per cent of the vote.").normalized == 20


def test_fractions_are_percentages() -> None:
    quarter = one("A quarter of the residents fled.")
    assert (quarter.base_unit, quarter.normalized, quarter.value) == ("percent", 25, 0.25)
    assert overlaps(quarter, one("Some 25% of the residents fled."))
    assert one("The motion fell short of the two-thirds majority needed.").normalized == (
        pytest.approx(200 / 3)
    )


def test_weather_speeds_and_temperatures() -> None:
    mph, kmh = find_quantities("The storm packed winds of 120 mph (195 km/h).")
    assert mph.base_unit == kmh.base_unit == "m/s" and overlaps(mph, kmh)
    assert (mph.low, mph.high) == (pytest.approx(115 * 0.44704), pytest.approx(125 * 0.44704))
    assert not overlaps(kmh, one("Gusts reached 175 km/h."))
    celsius, fahrenheit = find_quantities("Temperatures reached 45°C (113°F) on Sunday.")
    assert celsius.base_unit == "K" and celsius.normalized == pytest.approx(318.15)
    assert overlaps(celsius, fahrenheit)
    frost = one("Overnight it fell to minus 5 degrees Celsius.")
    assert (frost.text, frost.value) == ("minus 5 degrees Celsius", -5)
    assert frost.low < frost.high < 273.15
    assert one("Overnight it fell to -5C.").normalized == pytest.approx(268.15)


def test_tons_span_short_and_metric() -> None:
    tons = one("The ship carried 500 tons of grain.")
    assert tons.low == pytest.approx(450 * 907.18474) and tons.high == pytest.approx(550_000)
    assert overlaps(tons, one("The ship carried 500 tonnes of grain."))


def test_sports_counts_and_hyphenated_units() -> None:
    points, rebounds = find_quantities("He scored 25 points and grabbed 10 rebounds.")
    assert (points.counted, rebounds.counted) == ("point", "rebound")
    lead = one("Buttigieg surged to a 10-point lead.")
    assert (lead.text, lead.counted) == ("10-point", "point")
    stretch = one("They closed a 12-mile stretch of the highway.")
    assert (stretch.text, stretch.unit) == ("12-mile", "mile")
    sprint = find_quantities("He ran the 100 metres in 9.58 seconds.")
    assert [quantity.base_unit for quantity in sprint] == ["m", "s"]


def test_comparable_needs_the_same_counted_noun() -> None:
    militants = one("They captured five Iran-backed militants.")
    fighters = one("They captured five enemy fighters.")
    distance = one("They advanced five miles.")
    assert not comparable(militants, fighters)
    assert not comparable(militants, distance)
    assert comparable(militants, one("They captured 5 militants."))


@pytest.mark.parametrize(
    ("plural", "expected"),
    [("militants", "militant"), ("casualties", "casualty"), ("lives", "life"),
     ("people", "people"), ("persons", "people"), ("churches", "church"),
     ("asylum-seekers", "asylum-seeker"), ("Forces", "force"), ("status", "status"),
     ("campuses", "campus"), ("houses", "house")],
)  # fmt: skip
def test_singular(plural: str, expected: str) -> None:
    assert singular(plural) == expected


def test_an_upper_bound_below_zero_has_no_floor() -> None:
    (below,) = find_quantities("Temperatures will reach up to -5 degrees overnight.")
    assert below.bound == "at_most" and below.low < below.high == -5.0
    (distance,) = find_quantities("The quake struck up to 5 km from the coast.")
    assert (distance.low, distance.high) == (0.0, 5000.0)


def test_a_bound_at_the_end_of_a_range_is_the_same_figure() -> None:
    span = one("Symptoms usually appear two to 10 days after exposure.")
    assert same_figure(span, one("The bacteria can take up to ten days to cause symptoms."))
    assert same_figure(one("It takes at least two days to show."), span)
    assert not same_figure(span, one("It takes up to three days to show."))
    assert not same_figure(span, one("It takes up to 14 days to show."))


def test_the_base_of_a_ratio_is_no_count() -> None:
    assert find_quantities("The disease kills one in ten of those it infects.") == []
    assert [q.text for q in find_quantities("Seven in ten of those infected were children.")] == [
        "Seven"
    ]
    nine_in_ten = "Up to nine in ten unvaccinated people exposed will catch it."
    assert [q.text for q in find_quantities(nine_in_ten)] == ["Up to nine"]
    assert find_quantities("One in 200 people carry the gene.") == []
    assert [q.text for q in find_quantities("He scored 10 in 12 games.")] == ["10", "12 games"]


def test_money_written_with_a_letter_symbol_or_a_word_that_is_also_a_verb() -> None:
    (reais,) = find_quantities("The ministry announced a R$1.2 billion credit line.")
    assert (reais.base_unit, reais.normalized) == ("BRL", 1.2e9)
    won, carriers = find_quantities("Losses reached 610 billion won and three carriers waited.")
    assert (won.base_unit, won.text) == ("KRW", "610 billion won")
    assert carriers.counted == "carrier"
    (verb,) = find_quantities("In the end 2 won the race.")
    assert verb.base_unit == "count"  # "won" is money only after a scale
    (koruna,) = find_quantities("The state pledged 250 million koruna.")
    assert koruna.base_unit == "CZK"


def test_a_partitive_counts_the_noun_of_its_whole_past_an_owner_or_a_size() -> None:
    (pens,) = find_quantities("Two of the farm's pens were damaged in the storm.")
    assert pens.counted == "pen"
    joined, workforce = find_quantities("Fewer than 400 of the yard's 11,000 workers joined.")
    assert (joined.text, joined.counted) == ("Fewer than 400", "worker")
    assert (workforce.normalized, workforce.counted) == (11000.0, "worker")
    home, total = find_quantities("Twenty-five of the 32 fishermen have returned.")
    assert (home.text, home.counted, total.text) == ("Twenty-five", "fisherman", "32 fishermen")


@pytest.mark.parametrize(
    ("text", "counted"),
    [("About 68,000 farmed salmon escaped.", "salmon"), ("It carried seven crew.", "crew"),
     ("Three gunmen opened fire.", "gunman"), ("The 40 sheep died.", "sheep")],
)  # fmt: skip
def test_nouns_whose_plural_is_the_word_or_a_compound_of_men(text: str, counted: str) -> None:
    (count,) = find_quantities(text)
    assert count.counted == counted


@pytest.mark.parametrize("word", ["specimen", "abdomen", "regimen", "stamen", "omen"])
def test_words_ending_in_men_that_are_no_plural(word: str) -> None:
    assert singular(word) == word


def test_the_other_side_of_a_tally_counts_the_same_noun() -> None:
    votes, against = find_quantities("The bill passed by 118 votes to 41.")
    assert (votes.counted, against.counted) == ("vote", "vote")


def test_hedged_round_figures_a_step_apart_are_two_figures() -> None:
    assert not agrees(
        one("The chamber is about 300 metres down."), one("It is about 400 metres down.")
    )
    assert agrees(one("The chamber is about 400 metres down."), one("It is some 1,300 feet down."))


def test_ranges_with_other_ends_are_two_figures() -> None:
    assert not agrees(one("The children, aged 6 to 14, fell ill."), one("Those aged 10 to 17 did."))
    assert agrees(one("Between 2 and 3 million people"), one("2 to 3 million people"))
    assert agrees(one("Between 50 and 60 people came."), one("55 people came."))


def test_a_number_and_a_half_is_written_to_the_half() -> None:
    half = one("The planet is about two and a half times bigger than Earth.")
    assert (half.low, half.high) == (2.25, 2.75)


def test_a_number_inside_a_compound_noun_is_no_figure() -> None:
    assert [q.text for q in find_quantities("Mum-of-three Kara Lind said it began.")] == []


def test_a_lower_case_t_after_a_number_is_tonnes() -> None:
    (cargo,) = [q for q in find_quantities("a deadweight of 58,000 t, grounded on Monday")]
    assert (cargo.unit, cargo.value) == ("metric_ton", 58000.0)
    (shirts,) = find_quantities("He gave away 2 T-shirts.")
    assert shirts.unit != "metric_ton"


def test_just_over_a_number_is_close_to_it_not_any_value_above() -> None:
    (just_over,) = find_quantities("The largest fragment weighs just over 900 grams.")
    (more_than,) = find_quantities("The largest fragment weighs more than 900 grams.")
    (kilos,) = find_quantities("The largest piece weighs 1.4 kilograms.")
    assert just_over.bound == "approximate" and not agrees(just_over, kilos)
    assert more_than.bound == "at_least" and agrees(more_than, kilos)
