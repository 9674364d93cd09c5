"""Numbers: the same measure reported by several reports, after unit conversion and rounding.

Quantities are compared only between sentences about the same thing (aligned, or similar enough
to share context), and only when comparable (same dimension; for counts, the same counted noun).
Each quantity is matched with its closest comparable partner, so a sentence giving two different
distances does not produce a false conflict. Matched quantities form connected components; each
component becomes at most one finding:

- every value agrees once converted and rounding is allowed for, but the wording differs
  (20 kilometers / 12 miles, 3 million / three million): `quantity_equivalent`, low;
- values disagree between reports of different dates only: `temporal_update`, medium;
- values disagree between reports of the same date (or undated): `quantity_conflict`, high.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from itertools import combinations

from summarize.analyze.quantities import comparable, overlaps
from summarize.check.evidence import quote_span
from summarize.models import Analysis, Finding, Quantity, ReportedValue

_Key = tuple[int, int]  # (sentence index in analysis.sentences, quantity index in that sentence)


def _closest(quantity: Quantity, others: list[tuple[int, Quantity]]) -> tuple[int, Quantity, bool]:
    """The partner a quantity is compared with: one it agrees with if any, else the nearest."""
    agreeing = [(index, other) for index, other in others if overlaps(quantity, other)]
    pool = agreeing or others
    index, other = min(pool, key=lambda item: abs(item[1].normalized - quantity.normalized))
    return index, other, bool(agreeing)


def _components(analysis: Analysis, pairs: Iterable[tuple[float, int, int]]) -> list[list[_Key]]:
    parent: dict[_Key, _Key] = {}

    def find(key: _Key) -> _Key:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    sentences = analysis.sentences
    for _, i, j in pairs:
        for a, b in ((i, j), (j, i)):
            for qa_index, qa in enumerate(sentences[a].quantities):
                others = [
                    (qb_index, qb)
                    for qb_index, qb in enumerate(sentences[b].quantities)
                    if comparable(qa, qb)
                ]
                if others:
                    qb_index, _, _ = _closest(qa, others)
                    parent[find((a, qa_index))] = find((b, qb_index))

    components: dict[_Key, list[_Key]] = {}
    for key in parent:
        components.setdefault(find(key), []).append(key)
    return [sorted(keys) for keys in components.values()]


def _wording(quantity: Quantity) -> str:
    return re.sub(r"\s+", " ", quantity.text.lower())


def _date(analysis: Analysis, document: str) -> dt.date | None:
    return analysis.document(document).published


def _describe(analysis: Analysis, document: str, quantity: Quantity) -> str:
    published = _date(analysis, document)
    when = f" ({published.isoformat()})" if published else ""
    return f"{document}{when} says “{quantity.text}”"


def _finding_for(analysis: Analysis, keys: list[_Key]) -> Finding | None:
    found = [(analysis.sentences[i].document, analysis.sentences[i].quantities[q]) for i, q in keys]
    documents = list(dict.fromkeys(document for document, _ in found))
    if len(documents) < 2:
        return None

    disagreeing = [
        (a, b) for a, b in combinations(found, 2) if a[0] != b[0] and not overlaps(a[1], b[1])
    ]
    if not disagreeing:
        if len({_wording(quantity) for _, quantity in found}) == 1:
            return None
        kind, severity = "quantity_equivalent", "low"
        shown = found
        explanation = (
            "Same figure in other words or units: "
            + "; ".join(f"{_describe(analysis, d, q)} = {_format(q)}" for d, q in _distinct(found))
            + "."
        )
    else:
        same_day = [
            (a, b)
            for a, b in disagreeing
            if _date(analysis, a[0]) is None or _date(analysis, a[0]) == _date(analysis, b[0])
        ]
        shown = list(dict.fromkeys(item for pair in (same_day or disagreeing) for item in pair))
        a, b = (same_day or disagreeing)[0]
        if same_day:
            kind, severity = "quantity_conflict", "high"
            explanation = (
                f"The reports disagree: {_describe(analysis, *a)} ({_format(a[1])}) but "
                f"{_describe(analysis, *b)} ({_format(b[1])})."
            )
        else:
            kind, severity = "temporal_update", "medium"
            earlier, later = sorted((a, b), key=lambda item: _date(analysis, item[0]))
            explanation = (
                f"The figure changed over time: {_describe(analysis, *earlier)} "
                f"({_format(earlier[1])}); later {_describe(analysis, *later)} "
                f"({_format(later[1])})."
            )
    shown = _distinct(shown)
    return Finding(
        kind=kind,
        severity=severity,
        documents=list(dict.fromkeys(document for document, _ in shown)),
        evidence=[quote_span(analysis, document, quantity) for document, quantity in shown],
        explanation=explanation,
        values=[
            ReportedValue(
                document=document,
                text=quantity.text,
                normalized=quantity.normalized,
                unit=quantity.base_unit,
            )
            for document, quantity in shown
        ],
    )


def _distinct(found: list[tuple[str, Quantity]]) -> list[tuple[str, Quantity]]:
    """One entry per report and wording, in order."""
    seen: set[tuple[str, str]] = set()
    result = []
    for document, quantity in found:
        key = (document, _wording(quantity))
        if key not in seen:
            seen.add(key)
            result.append((document, quantity))
    return result


def _format(quantity: Quantity) -> str:
    unit = "" if quantity.base_unit == "count" else f" {quantity.base_unit}"
    counted = f" {quantity.counted}" if quantity.counted else ""
    value = quantity.normalized
    number = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    return f"{number}{unit}{counted}"


def check_quantities(analysis: Analysis, pairs: Iterable[tuple[float, int, int]]) -> list[Finding]:
    findings = (_finding_for(analysis, keys) for keys in _components(analysis, pairs))
    return [finding for finding in findings if finding is not None]
