"""The words of a quantity finding: each report's name, date and wording, the frame that makes the
figures comparable (`describe_frame`), and the finding built from them.
"""

from __future__ import annotations

import datetime as dt
import re

from summarize.analyze.frames.measure import outcome_name
from summarize.check.evidence import quote_span, report_name
from summarize.check.quantities.figures import Figure
from summarize.models import (
    Analysis,
    Finding,
    FindingKind,
    Quantity,
    QuantityFrame,
    ReportedValue,
    Severity,
)
from summarize.text.calendar import MONTH_NAMES
from summarize.text.inflection import looks_plural, plural, singular
from summarize.text.units import format_value, is_currency

# ------------------------------------------------------------------------ findings


def published_on(analysis: Analysis, document: str) -> dt.date | None:
    return analysis.document(document).published


def of_other_days(analysis: Analysis, document_a: str, document_b: str) -> bool:
    """Both reports are dated, to different days."""
    day_a, day_b = published_on(analysis, document_a), published_on(analysis, document_b)
    return day_a is not None and day_b is not None and day_a != day_b


# What a conflict between reports of different dates adds: a fact of a moment or a thing (how
# many were aboard, what a contract is worth) does not change from one day's report to the next.
OTHER_DATES = (
    " The reports are of different dates, but nothing says this figure changes over time;"
    " check which is right."
)


def known_dates(analysis: Analysis, cluster: list[Figure]) -> set[dt.date]:
    return {d for d in (published_on(analysis, f.document) for f in cluster) if d is not None}


def wording(quantity: Quantity) -> str:
    """How the number is written, without the noun it counts: "two countries" and "two
    nations" word the number alike (a synonym is no other wording of the figure)."""
    words = quantity.text.lower().replace("-", " ").split()
    while (
        quantity.counted
        and len(words) > 1
        and (singular(words[-1]) == quantity.counted or words[-1] == "of")
    ):
        words.pop()
    if quantity.counted and len(words) > 1 and words[-1].isalpha() and looks_plural(words[-1]):
        words.pop()  # a synonym of the counted noun
    return " ".join(words)


def distinct(found: list[Figure]) -> list[Figure]:
    """One entry per report and wording, in order."""
    seen: set[tuple[str, str]] = set()
    result = []
    for figure in found:
        key = (figure.document, wording(figure.quantity))
        if key not in seen:
            seen.add(key)
            result.append(figure)
    return result


# How a value's bound is shown beside it: what the wording allows, not a number it never gives
# ("between 50 and 100" is no 75, "more than 100" no 100).
_BOUND_MARKS = {"at_least": "≥ ", "at_most": "≤ ", "approximate": "≈ "}
# A bound its wording makes strict: "more than 100" is "> 100", "at least 100" "≥ 100".
_STRICT_BOUND = re.compile(
    r"(?:(?:just|well)\s+)?(?:(?:more|less|fewer|greater)\s+than|over|under|above|below|exceeding)\b",
    re.I,
)
_STRICT_MARKS = {"at_least": "> ", "at_most": "< "}
_FLIPPED: dict[str, str] = {"at_least": "at_most", "at_most": "at_least"}
# The numbers and words of a shown value ("≈ 1.5 trillion USD", "50 to 100 people").
_SHOWN_PARTS = re.compile(r"\d+(?:\.\d+)?|[^\W\d]+")
_FILLERS = {"to"}


def shown_value(quantity: Quantity) -> str:
    """The value in base units, as the wording bounds it: "≈ 3,100,000", "> 100" for "more
    than 100", "50 to 100 people", "1,861.81 points" (a number written with decimals keeps
    them); a change as the way it went: "down ≈ 1,861.81 points", "up 5.9%"."""
    counted = f" {plural(quantity.counted)}" if quantity.counted else ""
    unit = quantity.base_unit
    if quantity.bound == "range":
        ends = quantity.ends or (quantity.low, quantity.high)  # "tens of thousands": none
        return f"{format_value(ends[0], unit)} to {format_value(ends[1], unit)}{counted}"
    change = quantity.frame is not None and quantity.frame.form == "change"
    value = abs(quantity.normalized) if change else quantity.normalized
    way = ("down " if quantity.normalized < 0 else "up ") if change else ""
    strict = quantity.bound in _STRICT_MARKS and _STRICT_BOUND.match(quantity.text)
    bound: str = quantity.bound
    if change and quantity.normalized < 0:
        # a fall's bound is on the signed value: "fell more than 4%" is at most -4%, down > 4%
        bound = _FLIPPED.get(bound, bound)
    mark = _STRICT_MARKS[bound] if strict else _BOUND_MARKS.get(bound, "")
    return f"{way}{mark}{format_value(value, unit)}{counted}"


def _time_words(key: str) -> str:
    kind, _, value = key.partition(":")
    if kind == "month":
        month, _, year = value.partition("-")
        return f"{MONTH_NAMES[int(month) - 1].capitalize()} {year}".strip()
    if kind == "day":
        return value.capitalize()
    if kind == "date":  # "may-30", "30-may-2024": as written, with its month named
        return " ".join(w.capitalize() if w in MONTH_NAMES else w for w in value.split("-"))
    if kind in ("quarter", "half"):
        return f"{kind} {value}"
    if kind == "since":
        return f"since {value}"
    if kind == "session":
        return f"{value} trade"  # "after-hours trade"
    if kind == "earlier":
        return "the earlier value"
    return value or kind


# What a duration measures, by the preposition that gives it its role.
_DURATION_ROLES = {
    "in": "time until", "within": "time until", "after": "time after", "later": "time after",
    "ago": "time before", "before": "time before", "earlier": "time before",
    "since": "time since",
}  # fmt: skip
_KIND_WORDS = {"percent": "percentage", "length": "distance"}
_STATEMENT_WORDS = {"estimate": "estimated"}


def _measure_words(measure: str, unit: str) -> str:
    """What the figure measures, as a reader would say it: "number of people killed", "amount
    in USD", "time until" (a duration "in two weeks"), "multiple of size", "percentage"."""
    kind, _, role = measure.partition(" (")
    role = role.rstrip(")")
    if is_currency(unit):
        return f"amount in {unit}"
    if kind == "duration":
        return _DURATION_ROLES.get(role, "duration")
    if kind == "multiple" and role:
        return f"multiple of {role}"  # "2.6 times the size of Earth"
    if kind == "percent" and role:
        return f"percentage of {plural(role)}"  # "38 percent of this year's deaths"
    if unit != "count" or kind == "age":
        return _KIND_WORDS.get(kind, kind)
    outcome = outcome_name(kind) or ""
    noun = kind.removesuffix(f" {outcome}") if outcome else kind
    if noun == "count":
        return f"number {outcome}".strip()  # "number injured"
    if noun == "point":
        return "points"  # an index's unit ("lost 1,861 points"), not things counted
    return f"number of {plural(noun)} {outcome}".strip()


def describe_frame(frame: QuantityFrame, unit: str) -> str:
    """The frame in words, for a reader: "number of people killed, Sunday", "expected percentage
    change of consumer prices, May" (a level, the actual figure, says neither)."""
    what = _measure_words(frame.measure, unit)
    if frame.form == "change":
        what = "percentage change" if what == "percentage" else f"change in {what}"
    elif frame.form == "share" and not what.startswith("percentage"):
        what = f"share: {what}"
    elif frame.form == "total":
        what = f"total {what}"  # "total number of members": the whole a part is of
    if frame.statement != "actual":
        what = f"{_STATEMENT_WORDS.get(frame.statement, frame.statement)} {what}"
    subject = frame.subject or ""
    if what.endswith(f" of {plural(subject.lower())}") or what.endswith(f" of {subject.lower()}"):
        subject = ""  # "percentage of deaths", not "percentage of deaths of deaths"
    if subject.lower().startswith(f"{what} of "):
        what = subject  # "number of available positions", not "number of number of ..."
    elif subject:  # a distance's is where from: "from Hama"
        what += f" {subject}" if subject.startswith("from ") else f" of {subject}"
    if frame.period:
        what += f" over a {frame.period}" if frame.form == "change" else f" per {frame.period}"
    return f"{what}, {_time_words(frame.time)}" if frame.time else what


def says(analysis: Analysis, figure: Figure) -> str:
    published = published_on(analysis, figure.document)
    when = f" ({published.isoformat()})" if published else ""
    name = report_name(analysis, figure.document)
    shown = shown_value(figure.quantity)
    value = "" if _repeats(figure.quantity.text, shown) else f" ({shown})"
    return f"{name}{when} says “{figure.quantity.text}”{value}"


def _repeats(text: str, shown: str) -> bool:
    """The shown value tells nothing its wording does not: each of its numbers and words is in
    the wording, its bound mark and a currency's code aside ("nearly $1 trillion": "≈ 1
    trillion USD"); a way ("down"), another unit or scale ("19.3 km") is something more."""
    said = set(_SHOWN_PARTS.findall(text.lower().replace(",", "").replace("%", " percent ")))
    parts = _SHOWN_PARTS.findall(shown.replace(",", "").replace("%", " percent "))
    return all(part.lower() in said or part in _FILLERS or is_currency(part) for part in parts)


def _values(shown: list[Figure]) -> list[ReportedValue]:
    return [
        ReportedValue(
            document=figure.document,
            text=figure.quantity.text,
            normalized=figure.quantity.normalized,
            unit=figure.quantity.base_unit,
            frame=figure.quantity.frame,
        )
        for figure in shown
    ]


def make_finding(
    analysis: Analysis, kind: FindingKind, severity: Severity, shown: list[Figure], text: str
) -> Finding:
    return Finding(
        kind=kind,
        severity=severity,
        documents=list(dict.fromkeys(figure.document for figure in shown)),
        evidence=[quote_span(analysis, f.document, f.quantity) for f in shown],
        explanation=text,
        values=_values(shown),
    )


def unsure(analysis: Analysis, a: Figure, b: Figure) -> str:
    """Why a disagreement is less sure, for a reader to check: the parts of the two figures'
    frames that differ or one leaves unstated ("when: [1] this week, [2] Tuesday"), or, when
    none does, that each figure comes from a source of its own."""
    name_a, name_b = report_name(analysis, a.document), report_name(analysis, b.document)
    frame_a, frame_b = a.frame, b.frame
    sides = [
        (
            "what is counted",
            _measure_words(frame_a.measure, a.quantity.base_unit),
            _measure_words(frame_b.measure, b.quantity.base_unit),
        ),
        ("whose", frame_a.subject, frame_b.subject),
        (
            "when",
            _time_words(frame_a.time) if frame_a.time else None,
            _time_words(frame_b.time) if frame_b.time else None,
        ),
    ]
    differ = [
        f"{part}: {name_a} {mine or 'does not say'}, {name_b} {theirs or 'does not say'}"
        for part, mine, theirs in sides
        if mine != theirs
    ]
    if not differ:
        return " Each figure comes from a source of its own; check."
    return f" Not stated alike in both ({'; '.join(differ)}); check."
