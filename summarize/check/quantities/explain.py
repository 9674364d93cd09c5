"""The words of a quantity finding: each report's name, date and wording, the frame that makes the
figures comparable (`describe_frame`), and the finding built from them.
"""

from __future__ import annotations

import datetime as dt
import re

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
from summarize.text.inflection import looks_plural, singular
from summarize.text.units import format_value

# ------------------------------------------------------------------------ findings


def published_on(analysis: Analysis, document: str) -> dt.date | None:
    return analysis.document(document).published


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


def shown_value(quantity: Quantity) -> str:
    """The value in base units, as the wording bounds it: "≈ 3,100,000", "> 100" for "more
    than 100", "50 to 100 people", "1,861.81 points" (a number written with decimals keeps
    them)."""
    counted = f" {quantity.counted}" if quantity.counted else ""
    unit = quantity.base_unit
    if quantity.bound == "range":
        low, high = format_value(quantity.low, unit), format_value(quantity.high, unit)
        return f"{low} to {high}{counted}"
    shown = format_value(quantity.normalized, unit)
    strict = quantity.bound in _STRICT_MARKS and _STRICT_BOUND.match(quantity.text)
    mark = _STRICT_MARKS[quantity.bound] if strict else _BOUND_MARKS.get(quantity.bound, "")
    return f"{mark}{shown}{counted}"


def _time_words(key: str) -> str:
    kind, _, value = key.partition(":")
    if kind == "month":
        month, _, year = value.partition("-")
        return f"{MONTH_NAMES[int(month) - 1].capitalize()} {year}".strip()
    if kind == "day":
        return value.capitalize()
    if kind in ("quarter", "half"):
        return f"{kind} {value}"
    if kind == "since":
        return f"since {value}"
    if kind == "earlier":
        return "the earlier value"
    return value or kind


def describe_frame(frame: QuantityFrame) -> str:
    """The frame in words: "people killed, of Two explosions at Coptic churches, actual level"."""
    parts = [frame.measure]
    if frame.subject:  # a distance's is where from: "from Hama"
        parts.append(frame.subject if frame.subject.startswith("from ") else f"of {frame.subject}")
    if frame.time:
        parts.append(_time_words(frame.time))
    kind = frame.form if frame.form != "rate" else f"rate per {frame.period}"
    if frame.form == "change" and frame.period:
        kind = f"change over a {frame.period}"
    parts.append(kind if frame.statement == "actual" else f"{frame.statement} {kind}")
    return ", ".join(parts)


def says(analysis: Analysis, figure: Figure) -> str:
    published = published_on(analysis, figure.document)
    when = f" ({published.isoformat()})" if published else ""
    name = report_name(analysis, figure.document)
    return f"{name}{when} says “{figure.quantity.text}” ({shown_value(figure.quantity)})"


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


UNSURE = " Part of what the figures measure is not stated in both; check."
