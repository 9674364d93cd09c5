"""The words news uses around figures: verbs and nouns of change, what kind of statement a figure
is (expected, forecast, estimate, target), the periods of rates, and what happened to the people
a count counts (killed, injured, arrested).

General facts of English and of news writing, shared by the quantity reader (a change is not a
range: "dropped 29,000 to 348,000") and the frame reader (what two figures must share to be
compared).
"""

from __future__ import annotations

from functools import cache

from summarize.text.inflection import word_forms
from summarize.text.lexicons import word_set

# Verbs whose object or complement is the size of a change, and its direction.
_RISE_LEMMAS = word_set(
    """
    rise increase climb jump gain add grow surge soar advance rebound spike rally expand widen
    swell balloon hike boost accelerate
    """
)
_FALL_LEMMAS = word_set(
    """
    fall drop decrease decline lose shed cut shrink slip plunge tumble sink slide dip retreat
    slump reduce narrow contract plummet crash ease sag slow
    """
)
# Verbs of movement whose direction comes from a particle: "ticked up 0.1%", "edged down".
_MOVE_LEMMAS = word_set("tick edge move go inch creep")
# Verbs that set a level, besides the verbs of change: "plans to raise the cap to 125,000".
SETTING_VERBS = word_set("raise raises raised raising lower lowers lowered lowering set bring")
UP_WORDS = word_set("up higher")
DOWN_WORDS = word_set("down lower")
# Nouns naming a change: "a 5% drop", "an increase of 2,000".
RISE_NOUNS = word_set(
    "increase increases rise rises gain gains jump jumps hike hikes surge boost growth uptick"
)
FALL_NOUNS = word_set(
    """
    decrease decreases drop drops decline declines fall falls cut cuts loss losses reduction
    reductions plunge slump dip downturn contraction
    """
)


@cache
def change_verbs() -> dict[str, int]:
    """Every form of a verb of change -> +1 (a rise), -1 (a fall) or 0 (a particle says)."""
    forms: dict[str, int] = {}
    for lemmas, direction in ((_RISE_LEMMAS, 1), (_FALL_LEMMAS, -1), (_MOVE_LEMMAS, 0)):
        for lemma in lemmas:
            for form in word_forms(lemma):
                if not form.endswith("ly"):
                    forms.setdefault(form, direction)
    forms["rose"] = 1  # left out of the irregular verbs as ambiguous; after a figure's owner
    return forms


# Words saying a figure is not (yet) a fact: what was expected, forecast, estimated, aimed at.
STATEMENT_CUES: dict[str, str] = {
    **dict.fromkeys(
        word_set("expect expected expects expecting expectation expectations consensus likely"),
        "expected",
    ),
    **dict.fromkeys(
        word_set(
            "forecast forecasts forecasted forecasting predict predicted predicts prediction "
            "predictions projected projection projections warned warns warning"
        ),
        "forecast",
    ),
    **dict.fromkeys(word_set("estimate estimates estimating"), "estimate"),
    # Only words that set a figure apart from what happened: a plan, proposal or promise
    # describes its own content ("proposes a $6 trillion budget" is the budget's size).
    **dict.fromkeys(
        word_set("target targets goal goals objective limit limits cap caps threshold ceiling"),
        "target",
    ),
}

# Periods of a rate: "$300 a month", "per year", "annual", "weekly".
PERIODS = {
    "hour": "hour", "hourly": "hour", "day": "day", "daily": "day", "week": "week",
    "weekly": "week", "month": "month", "monthly": "month", "year": "year", "yearly": "year",
    "annual": "year", "annually": "year", "annualized": "year", "quarter": "quarter",
    "quarterly": "quarter", "decade": "decade",
}  # fmt: skip

# What happened to the people a count counts: "37 killed" and "40 dead" count the same thing.
_OUTCOMES = {
    "death": "kill killed killing kills dead die died dies dying death deaths fatal fatalities "
    "fatally lives slain perished",
    "injury": "injure injured injuring injuries injury wound wounded wounding hurt",
    "arrest": "arrest arrested arrests detain detained detention",
    "displacement": "displace displaced displacing fled flee evacuate evacuated homeless",
    "missing": "missing unaccounted",
    "infection": "infect infected infections cases case positive",
    "hospitalisation": "hospitalized hospitalised hospital hospitals",
    # a part of those in hospital, counted on its own: "Five patients are in intensive care"
    "critical condition": "critically intensive icu",
    "rescue": "rescue rescued rescuing freed",
    "entrapment": "trapped stranded",
    # what happened to buildings: "destroyed two houses" is no count of "Eleven houses were
    # damaged, two of them destroyed"
    "destruction": "destroyed destroying razed flattened",
    "damage": "damaged damaging",
    # what happened to flights, trains and sailings: "46 departures were cancelled" is no count
    # of "212 delayed departures"
    "cancellation": "cancelled canceled cancelling canceling cancellations scrapped",
    "delay": "delayed delays",
}
OUTCOMES: dict[str, str] = {
    word: outcome for outcome, words in _OUTCOMES.items() for word in words.split()
}
