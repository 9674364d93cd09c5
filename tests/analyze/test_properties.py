"""Property-based tests of analyze: any text, any number, any date of the calendar (year 1 to
9999), and the whole analysis of random reports never raises, and its spans are exact."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.align import Similarities, align
from summarize.analyze import analyze
from summarize.analyze.dates import find_dates
from summarize.analyze.quantities import find_quantities
from summarize.check import Aligned, run_checkers
from summarize.ingest import document_from_text

UNITS = st.sampled_from(["kilometers", "miles", "km", "people", "percent", "tonnes", "mph", ""])
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**450).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(min_value=1, max_value=500).map(lambda n: "9" * n),
    st.integers(min_value=1, max_value=320).map(lambda n: "1" + "0" * n),
    st.sampled_from(["1,000,000,000,000", "$5m", "3.5 billion", "tens of thousands", "1e308"]),
)
PHRASES = st.builds(
    lambda qualifier, number, scale, unit: f"{qualifier}{number}{scale} {unit}",
    st.sampled_from(["", "some ", "more than ", "about ", "$", "up to "]),
    NUMBERS,
    st.sampled_from(["", " million", " billion", " trillion"]),
    UNITS,
)
DAYS = st.dates(min_value=dt.date.min, max_value=dt.date.max)
DATE_WORDS = st.sampled_from(
    ["yesterday", "tomorrow", "today", "last Tuesday", "next Monday", "on Sunday", "Dec. 31",
     "Jan. 1", "January 1, 0001", "9999-12-31", "0001-01-01", "Feb. 29", "late Friday night"]
)  # fmt: skip
SENTENCE = st.lists(st.one_of(PHRASES, DATE_WORDS, st.text(max_size=15)), max_size=8).map(" ".join)


@given(st.lists(PHRASES, min_size=1, max_size=4).map(", and ".join))
@settings(max_examples=300, deadline=None)
def test_quantities_of_any_size_are_finite_and_exact(text: str) -> None:
    for quantity in find_quantities(text, 7):
        assert text[quantity.start - 7 : quantity.end - 7] == quantity.text
        assert all(map(math.isfinite, (quantity.value, quantity.normalized, quantity.low)))
        assert math.isfinite(quantity.high)


@given(SENTENCE, st.one_of(st.none(), DAYS))
@settings(max_examples=300, deadline=None)
def test_dates_resolve_anywhere_in_the_calendar(text: str, published: dt.date | None) -> None:
    for mention in find_dates(text, 0, published):
        assert text[mention.start : mention.end] == mention.text


@given(
    st.lists(st.tuples(st.lists(SENTENCE, min_size=1, max_size=5), DAYS), min_size=1, max_size=4)
)
@settings(max_examples=60, deadline=None)
def test_the_whole_check_runs_on_random_reports_of_any_date(
    reports: list[tuple[list[str], dt.date]],
) -> None:
    documents = [
        document_from_text(". ".join(sentences) + ".", f"r{n}", published=published)
        for n, (sentences, published) in enumerate(reports)
    ]
    analysis = analyze(documents)
    similarities = Similarities(analysis)
    checked = run_checkers(
        ("rules",), Aligned(analysis, align(analysis, similarities), similarities), None
    )
    for finding in checked.findings:
        for evidence in finding.evidence:
            text = analysis.document(evidence.document).text
            assert text[evidence.start : evidence.end] == evidence.quote
