"""Controlled edits of real NeuS clusters, made by code, for the `conflicts` suite.

A *case* is a figure two reports of one cluster state alike: the same value in the same unit
(for counts the same counted noun), not a vague amount, with at least one content word in common
within WINDOW words on either side (so that it is the same figure, not the same number of two
things). Each case is edited three ways, in the second report only, in its raw text:

- `changed`: the number is scaled (x1.5, else x0.5, x2, x3: the first that puts the new value
  outside what the first report's wording allows, hedges and rounding included) and written in
  the same style (digits, separators, decimals, number words, scale words). The checker must
  report a `quantity_conflict` quoting both figures. (A figure its report states twice is not a
  case: changing one occurrence would make the report disagree with itself.)
- `equivalent`: the number is rewritten in each equivalent form that applies (one edit each):
  percent sign <-> "percent", thousands separators removed or added, digits <-> number words, a
  scale word one step down ("$1.2 trillion" -> "$1,200 billion", "3 million" -> "3,000,000"),
  or another unit (kilometers <-> miles, kilograms <-> pounds, meters <-> feet, to one decimal
  more than the original). No `quantity_conflict` may quote it.
- `temporal`: the `changed` edit, with the edited report dated a day before the others. The
  checker must report a `temporal_update` quoting both figures, and no conflict.

Deterministic: clusters in file order, cases sorted, a sample of at most MAX_CASES drawn with
`random.Random(seed)`.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from summarize.analyze.quantities import find_quantities
from summarize.ingest import cluster_from_record
from summarize.models import Cluster, Document, Quantity
from summarize.text.numbers import NUMBER_WORDS, SCALE_WORDS
from summarize.text.tokens import content_terms

WINDOW = 4
MAX_CASES = 120
SEED = 2026
FACTORS = (1.5, 0.5, 2.0, 3.0)
EditKind = Literal["changed", "equivalent", "temporal"]
EARLIER = dt.date(2021, 3, 1)
LATER = dt.date(2021, 3, 2)

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_WORD_OF = {value: word for word, value in NUMBER_WORDS.items()}
_WORD = re.compile(r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.I)
_SCALE = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s+(?P<scale>million|billion|trillion)\b")
_UNITS = {
    "kilometers": ("miles", 1 / 1.609344), "kilometres": ("miles", 1 / 1.609344),
    "km": ("miles", 1 / 1.609344), "miles": ("kilometers", 1.609344),
    "kilograms": ("pounds", 2.20462262), "kg": ("pounds", 2.20462262),
    "pounds": ("kilograms", 0.45359237), "meters": ("feet", 3.2808399),
    "metres": ("feet", 3.2808399), "feet": ("meters", 0.3048),
}  # fmt: skip
_UNIT = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s+(?P<unit>" + "|".join(_UNITS) + r")\b")


@dataclass(frozen=True)
class Case:
    """A figure that reports `kept` and `edited` of one cluster state alike."""

    cluster: str
    kept: str  # document id
    edited: str
    kept_span: tuple[int, int]  # the figure in the kept document's text
    edited_span: tuple[int, int]  # the figure in the edited document's text
    kept_spans: tuple[tuple[int, int], ...]  # every place the kept report states it
    kept_text: str
    edited_text: str


@dataclass
class Edit:
    case: Case
    kind: EditKind
    cluster: Cluster
    span: tuple[int, int]  # the new wording in the edited document's text
    before: str
    after: str
    how: str


def _neighbours(text: str, start: int, end: int) -> set[str]:
    left = text[:start].split()[-WINDOW:]
    right = text[end:].split()[:WINDOW]
    return {t for t in content_terms(" ".join(left + right)) if not t[0].isdigit()}


def _figures(document: Document) -> list[Quantity]:
    return [
        q
        for sentence in document.sentences
        for q in find_quantities(sentence.text, sentence.start)
        if not (q.bound == "range" and not any(c.isdigit() for c in q.text))
    ]


def _alike(a: Quantity, b: Quantity) -> bool:
    same_value = abs(a.normalized - b.normalized) <= 1e-9 * max(1.0, abs(a.normalized))
    return a.base_unit == b.base_unit and a.counted == b.counted and same_value


def find_cases(record: dict[str, Any]) -> list[Case]:
    """Every figure two reports of the cluster state alike (see the module docstring)."""
    cluster = cluster_from_record(record)
    found = []
    documents = cluster.documents
    figures = {document.id: _figures(document) for document in documents}
    taken: set[tuple[str, int]] = set()  # one case per edited figure
    for kept in documents:
        for edited in documents:
            if kept.id == edited.id:
                continue
            for b in figures[edited.id]:
                if sum(_alike(b, other) for other in figures[edited.id]) > 1:
                    continue  # the report states it twice: changing one makes it inconsistent
                for a in figures[kept.id]:
                    if (edited.id, b.start) in taken or not _alike(a, b):
                        continue
                    near_a = _neighbours(kept.text, a.start, a.end)
                    if near_a & _neighbours(edited.text, b.start, b.end):
                        taken.add((edited.id, b.start))
                        spans = tuple((q.start, q.end) for q in figures[kept.id] if _alike(q, a))
                        found.append(
                            Case(
                                cluster.id,
                                kept.id,
                                edited.id,
                                (a.start, a.end),
                                (b.start, b.end),
                                spans,
                                a.text,
                                b.text,
                            )
                        )
    return found


def sample_cases(
    records: Sequence[dict[str, Any]], seed: int = SEED, limit: int = MAX_CASES
) -> list[Case]:
    """At most `limit` cases, one per figure pair, drawn with `random.Random(seed)`."""
    cases = [case for record in records for case in find_cases(record)]
    cases.sort(key=lambda c: (c.cluster, c.kept, c.edited, c.kept_span, c.edited_span))
    rng = random.Random(seed)
    return sorted(rng.sample(cases, min(limit, len(cases))), key=cases.index)


# ------------------------------------------------------------------------ writing numbers


def _write(value: float, like: str) -> str:
    """`value` written like the number `like`: words, separators, decimals."""
    if _WORD.fullmatch(like):
        if value == int(value) and int(value) in _WORD_OF:
            word = _WORD_OF[int(value)]
            return word.capitalize() if like[0].isupper() else word
        return f"{value:,.0f}" if value == int(value) else f"{value:g}"
    decimals = len(like.partition(".")[2])
    if decimals == 0 and value != int(value):
        decimals = 1
    text = f"{value:,.{decimals}f}" if "," in like or value >= 10000 else f"{value:.{decimals}f}"
    return text


def _number_in(text: str) -> re.Match[str] | None:
    return _DIGITS.search(text) or _WORD.search(text)


def _value_of(number: str) -> float:
    if number[0].isdigit():
        return float(number.replace(",", ""))
    return float(NUMBER_WORDS[number.lower()])


def changed_wordings(wording: str) -> Iterator[tuple[str, str]]:
    """The wording with its number scaled by each of FACTORS, and how."""
    match = _number_in(wording)
    if match is None:
        return
    value = _value_of(match.group())
    whole = "." not in match.group()
    for factor in FACTORS:
        scaled = round(value * factor) if whole else value * factor
        if scaled == 0:
            continue
        new = _write(scaled, match.group())
        if new != match.group():
            yield wording[: match.start()] + new + wording[match.end() :], f"x{factor:g}"


def equivalent_wordings(wording: str) -> list[tuple[str, str]]:
    """Every equivalent rewrite of the wording that applies, and its name."""
    found: list[tuple[str, str]] = []
    if "%" in wording:
        found.append((re.sub(r"\s*%", " percent", wording, count=1), "percent sign -> word"))
    elif re.search(r"\bper\s?cent\b", wording, re.I):
        found.append((re.sub(r"\s*\bper\s?cent\b", "%", wording, count=1, flags=re.I), "word -> %"))
    digits = _DIGITS.search(wording)
    if digits and "," in digits.group():
        found.append(
            (wording.replace(digits.group(), digits.group().replace(",", "")), "no separators")
        )
    elif digits and "." not in digits.group() and int(digits.group()) >= 10000:
        number = f"{int(digits.group()):,}"
        found.append((wording.replace(digits.group(), number), "separators"))
    glued = digits and re.match(r"\s?[%$€£]|-", wording[digits.end() :])
    if digits and "." not in digits.group() and not glued and not re.search(r"[$€£]", wording):
        value = int(digits.group().replace(",", ""))
        if value in _WORD_OF and value > 1 and not _SCALE.search(wording):
            found.append((wording.replace(digits.group(), _WORD_OF[value], 1), "digits -> words"))
    word = _WORD.search(wording)
    if word and not digits and NUMBER_WORDS[word.group().lower()] > 1:
        value = NUMBER_WORDS[word.group().lower()]
        found.append(
            (wording[: word.start()] + str(value) + wording[word.end() :], "words -> digits")
        )
    scale = _SCALE.search(wording)
    if scale:
        mantissa, name = float(scale["number"]), scale["scale"]
        lower = {"trillion": "billion", "billion": "million", "million": ""}[name]
        thousands = mantissa * 1000
        if lower and thousands == int(thousands):
            new = f"{int(thousands):,} {lower}"
        elif not lower and mantissa * 1e6 == int(mantissa * 1e6):
            new = f"{int(mantissa * SCALE_WORDS['million']):,}"
        else:
            new = ""
        if new:
            found.append((wording[: scale.start()] + new + wording[scale.end() :], "scale word"))
    unit = _UNIT.search(wording)
    if unit:
        name, factor = _UNITS[unit["unit"]]
        decimals = len(unit["number"].partition(".")[2]) + 1
        converted = float(unit["number"]) * factor
        new = f"{converted:.{decimals}f} {name}"
        found.append((wording[: unit.start()] + new + wording[unit.end() :], "other unit"))
    return found


# ------------------------------------------------------------------------ edited clusters


def _edited_record(
    record: dict[str, Any], case: Case, before: str, after: str
) -> tuple[dict[str, Any], int] | None:
    """The record with `before` replaced by `after` in the edited report, and where; None when
    the figure cannot be found in its raw text at the place the analysis saw it."""
    cluster = cluster_from_record(record)
    document = next(d for d in cluster.documents if d.id == case.edited)
    sentence = next(s for s in document.sentences if s.start <= case.edited_span[0] < s.end)
    index = int(case.edited.rsplit("-", 1)[1]) - 1
    raw = record["sources"][index]
    if not isinstance(raw, str) or raw.count(sentence.text) != 1:
        return None
    local = case.edited_span[0] - sentence.start
    new_sentence = sentence.text[:local] + after + sentence.text[local + len(before) :]
    edited = copy.deepcopy(record)
    edited["sources"][index] = raw.replace(sentence.text, new_sentence)
    return edited, case.edited_span[0]


def make_edits(record: dict[str, Any], case: Case) -> list[Edit]:
    """The edits of one case: changed, temporal, and each equivalent form that applies."""
    edits: list[Edit] = []
    kept_figure = next(
        q
        for q in _figures(
            next(d for d in cluster_from_record(record).documents if d.id == case.kept)
        )
        if (q.start, q.end) == case.kept_span
    )
    for wording, how in changed_wordings(case.edited_text):
        made = _edit(record, case, wording, how, "changed")
        if made is None:
            continue
        new = _figure_at(made)
        if new is not None and not (new.low < kept_figure.high and kept_figure.low < new.high):
            edits.append(made)
            temporal = _edit(record, case, wording, how, "temporal")
            if temporal is not None:
                for document in temporal.cluster.documents:
                    document.published = EARLIER if document.id == case.edited else LATER
                edits.append(temporal)
            break
    for wording, how in equivalent_wordings(case.edited_text):
        made = _edit(record, case, wording, how, "equivalent")
        if made is not None and _figure_at(made) is not None:
            edits.append(made)
    return edits


def _edit(
    record: dict[str, Any], case: Case, wording: str, how: str, kind: EditKind
) -> Edit | None:
    edited = _edited_record(record, case, case.edited_text, wording)
    if edited is None:
        return None
    new_record, start = edited
    cluster = cluster_from_record(new_record)
    document = next((d for d in cluster.documents if d.id == case.edited), None)
    if document is None or document.text[start : start + len(wording)] != wording:
        return None
    return Edit(case, kind, cluster, (start, start + len(wording)), case.edited_text, wording, how)


def _figure_at(edit: Edit) -> Quantity | None:
    """The figure the edited wording reads as (None: not read as one figure)."""
    document = next(d for d in edit.cluster.documents if d.id == edit.case.edited)
    start, end = edit.span
    found = [q for q in _figures(document) if q.start < end and start < q.end]
    return found[0] if len(found) == 1 else None


def generate(
    records: Sequence[dict[str, Any]], seed: int = SEED, limit: int = MAX_CASES
) -> list[Edit]:
    """Every edit of the sampled cases, in a fixed order."""
    by_id = {record["id"]: record for record in records}
    return [
        edit
        for case in sample_cases(records, seed, limit)
        for edit in make_edits(by_id[case.cluster], case)
    ]
