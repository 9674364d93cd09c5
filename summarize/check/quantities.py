"""Numbers: the same measure reported by several reports, after unit conversion and rounding.

Quantities are compared only between sentences about the same thing (aligned, or similar enough
to share context), and only when comparable (same dimension; for counts, the same counted noun).
Each quantity is matched with its closest comparable partner, so a sentence giving two different
distances does not produce a false conflict. Matched quantities form connected components, and
within a component the values that agree (once converted, rounding allowed for) form clusters:

- a cluster whose reports word the value differently (20 kilometers / 12 miles, 3 million /
  three million): `quantity_equivalent`, low;
- two clusters whose dated reports are all of different dates: `temporal_update`, medium
  (an undated report goes with the value it gives: a rewrite carries its source's date);
- two clusters that time does not explain: `quantity_conflict`, high.

A component gives at most one finding of each kind of disagreement, whatever the number of
values: the pairs of clusters of one kind are grouped into one finding over all their values, so
twenty reports saying 5 against one saying 7 is one conflict, and k different values are one
conflict, not k(k-1)/2 (the cost stays proportional to the reports).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from itertools import combinations

from summarize.align import Pair
from summarize.analyze.quantities import comparable, overlaps
from summarize.check.evidence import quote_span
from summarize.models import (
    Analysis,
    Finding,
    FindingKind,
    Quantity,
    ReportedValue,
    Severity,
)
from summarize.text.units import format_value

_Key = tuple[int, int]  # (sentence index in analysis.sentences, quantity index in that sentence)
_Found = tuple[str, Quantity]  # (document id, quantity)


def _closest(quantity: Quantity, others: list[tuple[int, Quantity]]) -> int:
    """The index of the partner a quantity is compared with: one it agrees with if any, else
    the nearest in value."""
    agreeing = [(index, other) for index, other in others if overlaps(quantity, other)]
    index, _ = min(
        agreeing or others, key=lambda item: abs(item[1].normalized - quantity.normalized)
    )
    return index


def _components(analysis: Analysis, pairs: Iterable[Pair]) -> list[list[_Key]]:
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
                    parent[find((a, qa_index))] = find((b, _closest(qa, others)))

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


def _value_clusters(found: list[_Found]) -> list[list[_Found]]:
    """Values that agree with each other (directly or through another value) go together."""
    clusters: list[list[_Found]] = []
    for item in found:
        joined = [c for c in clusters if any(overlaps(item[1], other[1]) for other in c)]
        merged = [item, *(other for c in joined for other in c)]
        clusters = [c for c in clusters if c not in joined] + [merged]
    return clusters


def _known_dates(analysis: Analysis, cluster: list[_Found]) -> set[dt.date]:
    return {d for d in (_date(analysis, document) for document, _ in cluster) if d is not None}


def _explained_by_time(analysis: Analysis, a: list[_Found], b: list[_Found]) -> bool:
    """Each value is only given by reports of other dates than the other value's reports.

    Undated reports go with the value they give: a paraphrase of a wire story carries its date.
    """
    dates_a, dates_b = _known_dates(analysis, a), _known_dates(analysis, b)
    return bool(dates_a) and bool(dates_b) and not dates_a & dates_b


def _values(shown: list[_Found]) -> list[ReportedValue]:
    return [
        ReportedValue(
            document=document,
            text=quantity.text,
            normalized=quantity.normalized,
            unit=quantity.base_unit,
        )
        for document, quantity in shown
    ]


def _finding(
    analysis: Analysis, kind: FindingKind, severity: Severity, shown: list[_Found], explanation: str
) -> Finding:
    return Finding(
        kind=kind,
        severity=severity,
        documents=list(dict.fromkeys(document for document, _ in shown)),
        evidence=[quote_span(analysis, document, quantity) for document, quantity in shown],
        explanation=explanation,
        values=_values(shown),
    )


def _equivalence(analysis: Analysis, cluster: list[_Found]) -> Finding | None:
    shown = _distinct(cluster)
    if len({document for document, _ in shown}) < 2 or len({_wording(q) for _, q in shown}) < 2:
        return None
    return _finding(
        analysis,
        "quantity_equivalent",
        "low",
        shown,
        "Same figure in other words or units, not a disagreement: "
        + "; ".join(f"{_describe(analysis, d, q)} ({_format(q)})" for d, q in shown)
        + ".",
    )


def _disagreements(analysis: Analysis, clusters: list[list[_Found]]) -> list[Finding]:
    """One finding per kind of disagreement between the value clusters (ordered by date), each
    over every cluster that takes part in a disagreement of that kind."""
    involved: dict[FindingKind, dict[int, list[_Found]]] = {}
    for (i, a), (j, b) in combinations(enumerate(clusters), 2):
        kind: FindingKind = (
            "temporal_update" if _explained_by_time(analysis, a, b) else "quantity_conflict"
        )
        involved.setdefault(kind, {}).update({i: a, j: b})
    return [
        _disagreement(analysis, kind, [values[index] for index in sorted(values)])
        for kind, values in involved.items()
    ]


def _disagreement(analysis: Analysis, kind: FindingKind, clusters: list[list[_Found]]) -> Finding:
    shown = _distinct([item for cluster in clusters for item in cluster])
    said = [f"{_describe(analysis, *c[0])} ({_format(c[0][1])})" for c in clusters]
    if kind == "temporal_update":
        return _finding(
            analysis,
            kind,
            "medium",
            shown,
            f"The figure changed over time: {'; later '.join(said)}.",
        )
    return _finding(
        analysis,
        kind,
        "high",
        shown,
        f"The reports disagree: {' but '.join(said)}."
        if len(said) == 2
        else f"The reports disagree: {'; '.join(said)}.",
    )


def _findings_for(analysis: Analysis, keys: list[_Key]) -> list[Finding]:
    found = [(analysis.sentences[i].document, analysis.sentences[i].quantities[q]) for i, q in keys]
    if len({document for document, _ in found}) < 2:
        return []

    def order(item: _Found) -> tuple[dt.date, str, int]:
        return (_date(analysis, item[0]) or dt.date.max, item[0], item[1].start)

    clusters = [sorted(c, key=order) for c in _value_clusters(sorted(found, key=order))]
    clusters.sort(key=lambda c: min(_known_dates(analysis, c), default=dt.date.max))
    findings = [f for f in (_equivalence(analysis, c) for c in clusters) if f is not None]
    findings += _disagreements(analysis, clusters)
    return findings


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
    counted = f" {quantity.counted}" if quantity.counted else ""
    return f"{format_value(quantity.normalized, quantity.base_unit)}{counted}"


def check_quantities(analysis: Analysis, pairs: Iterable[Pair]) -> list[Finding]:
    return [
        finding
        for keys in _components(analysis, pairs)
        for finding in _findings_for(analysis, keys)
    ]
