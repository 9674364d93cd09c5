"""Numbers: the same figure given by several reports, compared by its frame, after unit
conversion and rounding.

Two figures of different reports are compared only when their frames match
(`summarize/analyze/frames.py`): the same measure (unit kind; for counts the same counted noun or
a synonym, and the same outcome: killed, injured...), the same kind of statement (actual,
expected, forecast, estimate, target), the same form (level, change, rate, share) and period,
no different time (another month, year, quarter, day; the "from" value of a change), and no
different subject (a name the other figure's sentence does not give: the Dow vs the Nasdaq,
Alexandria vs the whole country). Raw numbers are never compared: "expected 75,000" and "added
128,000" measure different things. A part one sentence leaves unsaid is unknown, not a match; but a weekday one report gives and
the other leaves out is no other time when the sentences tell the same fact (reports of one event
name its day or not). A distance from a place is compared only with a distance from the same
place. A report that repeats a figure bare ("the $5 trillion total") means what its fuller
mention says ("$5 trillion in new spending over the next decade").

Which sentences: those of claim groups and of candidate pairs of similar sentences; sentences
less alike (down to FIGURE_SIMILARITY) only for figures whose frames match in every stated part
and name the same subject or time. Each figure is compared with its best partner in each other
sentence (one it agrees with if any, else the surest match, else the nearest value).

A report never disagrees with itself: two values are reported as a disagreement only between
reports none of which gives both. A bound ("above $1.3 trillion") fits every value beyond it: it
never makes two values that disagree agree, and giving it is not giving the value it fits. Findings:

- `quantity_equivalent`, low: one value in several wordings (20 kilometers / 12 miles);
- `temporal_update`, medium: the values differ and the reports giving each are of other dates;
- `quantity_conflict`: the values differ beyond rounding and hedges. **high** only when a
  careful reader would confirm it: every part of both frames matches, and the sentences are
  about the same fact (aligned, similar, or the same subject named); **medium** when a part of a
  frame is unknown on one side (say less when unsure).

The disagreements of one kind and severity among a component's values are one finding over all
of them (`_grouped`): twenty reports saying 5 against one saying 7 is one conflict about the odd
one out, and k different values are one conflict, not one for each of their k(k-1)/2 pairs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

from summarize.align import CONTEXT_SIMILARITY, Pair
from summarize.analyze.frames import OUTCOME_WORDS
from summarize.analyze.nouns import synonyms
from summarize.analyze.quantities import overlaps
from summarize.check.evidence import quote_span, report_name
from summarize.models import (
    Analysis,
    ClaimGroup,
    Finding,
    FindingKind,
    Quantity,
    QuantityFrame,
    ReportedValue,
    Severity,
)
from summarize.text.calendar import MONTH_NAMES, WEEKDAYS
from summarize.text.figures import OUTCOMES
from summarize.text.inflection import looks_plural, singular
from summarize.text.lexicons import word_set
from summarize.text.tokens import content_terms, word_tokens
from summarize.text.units import format_value

_Key = tuple[int, int]  # (sentence index in analysis.sentences, quantity index in that sentence)
Match = Literal["same", "likely"]
_OUTCOMES = frozenset(OUTCOME_WORDS.values())
# Capitalised words that name nothing: determiners opening a sentence, months and weekdays.
_NOT_NAMES = word_set(
    "the a an this that these those its their his her our some many most all both"
) | frozenset((*MONTH_NAMES, *WEEKDAYS))


@dataclass(frozen=True)
class _Figure:
    key: _Key
    document: str
    quantity: Quantity
    restated: QuantityFrame | None = None  # the frame of the report's fuller mention

    @property
    def frame(self) -> QuantityFrame:
        if self.restated is not None:
            return self.restated
        return self.quantity.frame or QuantityFrame(measure=self.quantity.base_unit)


def _bare(frame: QuantityFrame | None) -> bool:
    """A frame that says nothing but the measure: "the $5 trillion total"."""
    return frame is not None and (
        (frame.subject, frame.time, frame.period, frame.form, frame.statement)
        == (None, None, None, "level", "actual")
    )


def _restated_frames(analysis: Analysis) -> dict[_Key, QuantityFrame]:
    """A report that repeats a figure says what it is once: "$5 trillion in new federal spending
    over the next decade ... the $5 trillion total". A bare mention takes the frame of the
    report's first fuller mention of the same value and measure."""
    fuller: dict[tuple[str, str, str, float], QuantityFrame] = {}
    bare: list[tuple[_Key, tuple[str, str, str, float]]] = []
    for index, sentence in enumerate(analysis.sentences):
        for position, quantity in enumerate(sentence.quantities):
            if quantity.frame is None:
                continue
            value = (sentence.document, quantity.base_unit, quantity.frame.measure)
            key = (*value, round(quantity.normalized, 6))
            if _bare(quantity.frame):
                bare.append(((index, position), key))
            else:
                fuller.setdefault(key, quantity.frame)
    return {figure: fuller[key] for figure, key in bare if key in fuller}


@dataclass
class _Edge:
    match: Match
    aligned: bool  # the sentences are one claim group, or similar enough to be about one fact


@dataclass
class _Sentences:
    """What the comparison needs about the sentences: their stems, their groups."""

    analysis: Analysis
    group_of: dict[int, int]
    stems: dict[int, frozenset[str]] = field(default_factory=dict)
    nearby: dict[_Key, frozenset[str]] = field(default_factory=dict)
    restated: dict[_Key, QuantityFrame] = field(default_factory=dict)

    def terms(self, index: int) -> frozenset[str]:
        if index not in self.stems:
            sentence = self.analysis.sentence(self.analysis.sentences[index])
            self.stems[index] = frozenset(content_terms(sentence.text)) | _names(sentence.text)
        return self.stems[index]

    def text(self, index: int) -> str:
        return self.analysis.sentence(self.analysis.sentences[index]).text

    def near(self, figure: _Figure) -> frozenset[str]:
        """The content words next to a figure (NEAR_WORDS either side), without numbers and
        without the words of the figure itself ("jobs", "percent")."""
        if figure.key not in self.nearby:
            sentence = self.analysis.sentence(self.analysis.sentences[figure.key[0]])
            start = figure.quantity.start - sentence.start
            end = figure.quantity.end - sentence.start
            left = sentence.text[:start].split()[-NEAR_WORDS:]
            right = sentence.text[end:].split()[:NEAR_WORDS]
            words = frozenset(content_terms(" ".join(left + right)))
            own = frozenset(content_terms(figure.quantity.text))
            self.nearby[figure.key] = frozenset(
                w for w in words - own if not w[0].isdigit() and w not in _MEASURE_WORDS
            )
        return self.nearby[figure.key]

    def aligned(self, a: int, b: int, similarity: float) -> bool:
        grouped = self.group_of.get(a, -1) == self.group_of.get(b, -2)
        return grouped or similarity >= CONTEXT_SIMILARITY


# ------------------------------------------------------------------------ comparing frames


def _names(text: str) -> frozenset[str]:
    """Capitalised words and acronyms, lowercased without dots: "U.S." and "US" are one."""
    return frozenset(
        re.sub(r"[.'’]", "", token.text.lower())
        for token in word_tokens(text)
        if token.text[:1].isupper() and token.text.lower() not in _NOT_NAMES
    )


def _from_place(subject: str | None) -> bool:
    """A distance from somewhere ("from Pyongyang"): it is measured from that place only."""
    return (subject or "").startswith("from ")


def _outcome(frame: QuantityFrame) -> str | None:
    last = frame.measure.rsplit(" ", 1)[-1]
    return last if last in _OUTCOMES else None


def _measures(a: Quantity, b: Quantity) -> Literal["same", "unknown"] | None:
    frame_a, frame_b = a.frame, b.frame
    if frame_a is None or frame_b is None:
        return "unknown"
    if a.base_unit != "count":
        kind_a, _, role_a = frame_a.measure.partition(" (")
        kind_b, _, role_b = frame_b.measure.partition(" (")
        if kind_a != kind_b or (role_a and role_b and role_a != role_b):
            return None  # "in two weeks" (when) is no "for 30 days" (how long)
        return "same" if role_a == role_b else "unknown"
    outcome_a, outcome_b = _outcome(frame_a), _outcome(frame_b)
    if outcome_a and outcome_b and outcome_a != outcome_b:
        return None
    if a.counted and b.counted:
        if a.counted != b.counted and not synonyms(a.counted, b.counted):
            return None
    elif a.counted or b.counted:
        # "killing 37" and "37 people were killed": what happened must say they are one count
        return "unknown" if outcome_a and outcome_a == outcome_b else None
    elif frame_a.measure != frame_b.measure:
        return None  # a bare number of something: only with the same outcome
    return "unknown" if (outcome_a is None) != (outcome_b is None) else "same"


def _times(a: str | None, b: str | None) -> Literal["same", "none", "day", "unknown"] | None:
    """Another month, year, quarter or day: another figure. A deadline ("70 million by June
    30") or the value before a change is not compared with a figure no time restricts.

    "day": one figure is dated by a weekday, the other by nothing. Reports of one event name
    the day it happened or leave it out ("slid 5.9% Thursday", "slid 5.9%"); months, years
    and quarters, by contrast, set apart the periods that figures are counted over."""
    if a == b:
        return "none" if a is None else "same"
    if a is None or b is None:
        known = a or b or ""
        if known.startswith(("by ", "earlier")):
            return None
        return "day" if known.startswith("day:") else "unknown"
    if "earlier" in (a, b):
        return None
    base_a, base_b = a.removeprefix("by "), b.removeprefix("by ")
    if base_a.partition(":")[0] == base_b.partition(":")[0] and ":" in base_a:
        return "unknown" if base_a == base_b else None
    return "unknown"


def _subjects(
    a: str | None,
    b: str | None,
    terms_a: frozenset[str],
    terms_b: frozenset[str],
    strict: bool = False,
) -> Literal["same", "none", "unknown"] | None:
    """Whether two figures are about the same subject: "same" when they share words; None when
    both name someone or something and the names differ (the Dow vs the Nasdaq), or one names
    what the other's sentence never mentions (Alexandria vs the whole country); otherwise
    unknown (reports word the same subject differently). `strict` (ages: each belongs to a
    person; distances: each is from a place): two subjects sharing no word are two people or
    two places."""
    if a is None and b is None:
        return "none"
    if a is None or b is None:
        known, other = (a, terms_b) if b is None else (b, terms_a)
        names = _names(known or "")
        words = frozenset(content_terms(known or "")) | names
        if names and not names & other:
            return None  # "In Alexandria, ... 13" against a sentence that never names it
        return "same" if words and words <= other else "unknown"
    names_a, names_b = _names(a), _names(b)
    if names_a and names_b and not names_a & names_b:
        return None
    if (frozenset(content_terms(a)) | names_a) & (frozenset(content_terms(b)) | names_b):
        return "same"
    return None if strict else "unknown"


# Sentences this similar, sharing a name, may compare a specific figure ("doses", "jobs").
LOOSE_SIMILARITY = 0.1
# Words either side of a figure that describe it ("seeking $2.7 billion in damages").
NEAR_WORDS = 4
_MEASURE_WORDS = frozenset(content_terms("percent per cent points point year years")) | frozenset(
    content_terms(" ".join(OUTCOMES))
)  # what the measure says already ("killed": people killed) describes nothing more
_SPECIFIC_TIMES = frozenset({"month", "year", "date", "quarter", "half", "since"})
# Counted nouns that say little about what is counted: figures of them need more to match.
_GENERIC_COUNTS = frozenset({"people", "count", "number", "time", "thing", "one"})


def _specific(quantity: Quantity) -> bool:
    """What the figure counts is named, and is not just people ("people", "Americans"):
    "doses", "jobs", "protesters"."""
    counted = quantity.counted or "count"
    if quantity.base_unit != "count" or counted in _GENERIC_COUNTS:
        return False
    return not any(w[:1].isupper() and w.lower().startswith(counted) for w in quantity.text.split())


def _compare(a: _Figure, b: _Figure, sentences: _Sentences, similarity: float) -> _Edge | None:
    """How surely two figures of different reports are the same figure; None: not comparable.

    - the same figure (high when they disagree): every part of both frames matches, and the
      sentences are about the same fact (one claim group, or similar), or both figures name
      the same subject or the same month, year, quarter or date;
    - likely (medium): a part is unknown on one side (one names the subject, the other does
      not) while the sentences are about the same fact; or the two are described with the same
      words next to them ("seeking $2.7 billion in damages"); or the figure counts something
      specific ("jobs", "doses") and the two share its month or date, or sentences that share a
      name and some wording.
    """
    qa, qb = a.quantity, b.quantity
    if qa.base_unit != qb.base_unit:
        return None
    fa, fb = a.frame, b.frame
    if fa.statement != fb.statement or fa.form != fb.form:
        return None
    if fa.period != fb.period:
        return None  # "$300 a month" is no "$3,600" (a year, or in all)
    if _vague(qa) or _vague(qb):
        return None  # "millions of doses" gestures at a size; it is no figure to dispute
    from_a, from_b = (qa.base_unit == "m" and _from_place(f.subject) for f in (fa, fb))
    if from_a != from_b:
        return None  # "50 miles from Pyongyang" is a distance; "270 kilometers" a range
    measure = _measures(qa, qb)
    time = _times(fa.time, fb.time)
    subject = _subjects(
        fa.subject,
        fb.subject,
        sentences.terms(a.key[0]),
        sentences.terms(b.key[0]),
        strict=fa.measure == "age" or from_a,
    )
    if measure is None or time is None or subject is None:
        return None
    aligned = sentences.aligned(a.key[0], b.key[0], similarity)
    unknown = measure == "unknown" or time == "unknown" or subject == "unknown"
    specific_time = time == "same" and (fa.time or "").partition(":")[0] in _SPECIFIC_TIMES
    one_day = time == "day"  # only with sentences about the same fact
    if not unknown and (aligned or (not one_day and (subject == "same" or specific_time))):
        return _Edge("same", True)
    if aligned:
        return _Edge("likely", True)
    near = sentences.near(a) & sentences.near(b)
    if measure == "same" and time != "unknown" and near and similarity >= LOOSE_SIMILARITY:
        return _Edge("likely", False)  # described with the same words: "in damages", "add"
    if measure == "same" and _specific(qa) and _specific(qb):
        shared_names = _names(sentences.text(a.key[0])) & _names(sentences.text(b.key[0]))
        if specific_time or shared_names:
            return _Edge("likely", False)
    return None


# ------------------------------------------------------------------------ grouping


def _edges(
    analysis: Analysis, pairs: Iterable[Pair], sentences: _Sentences
) -> dict[tuple[_Key, _Key], _Edge]:
    """The best partner of each figure in each compared sentence, and how sure the match is."""
    found: dict[tuple[_Key, _Key], _Edge] = {}
    items = analysis.sentences
    restated = sentences.restated
    for similarity, i, j in pairs:
        for a, b in ((i, j), (j, i)):
            for qa_index, qa in enumerate(items[a].quantities):
                figure_a = _Figure(
                    (a, qa_index), items[a].document, qa, restated.get((a, qa_index))
                )
                options = []
                for qb_index, qb in enumerate(items[b].quantities):
                    figure_b = _Figure(
                        (b, qb_index), items[b].document, qb, restated.get((b, qb_index))
                    )
                    edge = _compare(figure_a, figure_b, sentences, similarity)
                    if edge is not None:
                        options.append((figure_b, edge))
                if not options:
                    continue
                best, edge = min(
                    options,
                    key=lambda option: (
                        not overlaps(qa, option[0].quantity),
                        option[1].match != "same",
                        abs(option[0].quantity.normalized - qa.normalized),
                    ),
                )
                pair = (min(figure_a.key, best.key), max(figure_a.key, best.key))
                if pair not in found or found[pair].match == "likely":
                    found[pair] = edge
    return found


def _components(edges: Iterable[tuple[_Key, _Key]]) -> list[list[_Key]]:
    parent: dict[_Key, _Key] = {}

    def find(key: _Key) -> _Key:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in edges:
        parent[find(a)] = find(b)
    components: dict[_Key, list[_Key]] = {}
    for key in parent:
        components.setdefault(find(key), []).append(key)
    return [sorted(keys) for keys in components.values()]


def _open(quantity: Quantity) -> bool:
    """A bound ("more than $1.3 trillion", "as many as 1.8 million"): it fits every value beyond
    it, so agreeing with it shows no report gives that value."""
    return quantity.bound in ("at_least", "at_most")


def _value_clusters(figures: list[_Figure]) -> list[list[_Figure]]:
    """Values that agree with each other (directly or through another value) go together. A
    bound comes last and joins values only when it fits a single group of them: "above $1.3
    trillion" fits both $6 trillion and $9 trillion, which still disagree."""
    clusters: list[list[_Figure]] = []
    for item in sorted(figures, key=lambda figure: _open(figure.quantity)):
        joined = [c for c in clusters if any(overlaps(item.quantity, o.quantity) for o in c)]
        if _open(item.quantity) and len(joined) > 1:
            clusters.append([item])
            continue
        merged = [item, *(other for c in joined for other in c)]
        clusters = [c for c in clusters if c not in joined] + [merged]
    return clusters


# ------------------------------------------------------------------------ findings


def _date(analysis: Analysis, document: str) -> dt.date | None:
    return analysis.document(document).published


def _known_dates(analysis: Analysis, cluster: list[_Figure]) -> set[dt.date]:
    return {d for d in (_date(analysis, f.document) for f in cluster) if d is not None}


def _explained_by_time(analysis: Analysis, a: list[_Figure], b: list[_Figure]) -> bool:
    """Each value is only given by reports of other dates than the other value's reports.

    Undated reports go with the value they give: a paraphrase of a wire story carries its date.
    """
    dates_a, dates_b = _known_dates(analysis, a), _known_dates(analysis, b)
    return bool(dates_a) and bool(dates_b) and not dates_a & dates_b


def _wording(quantity: Quantity) -> str:
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


def _distinct(found: list[_Figure]) -> list[_Figure]:
    """One entry per report and wording, in order."""
    seen: set[tuple[str, str]] = set()
    result = []
    for figure in found:
        key = (figure.document, _wording(figure.quantity))
        if key not in seen:
            seen.add(key)
            result.append(figure)
    return result


def _format(quantity: Quantity) -> str:
    counted = f" {quantity.counted}" if quantity.counted else ""
    return f"{format_value(quantity.normalized, quantity.base_unit)}{counted}"


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
    if frame.subject:
        parts.append(f"of {frame.subject}")
    if frame.time:
        parts.append(_time_words(frame.time))
    kind = frame.form if frame.form != "rate" else f"rate per {frame.period}"
    if frame.form == "change" and frame.period:
        kind = f"change over a {frame.period}"
    parts.append(kind if frame.statement == "actual" else f"{frame.statement} {kind}")
    return ", ".join(parts)


def _says(analysis: Analysis, figure: _Figure) -> str:
    published = _date(analysis, figure.document)
    when = f" ({published.isoformat()})" if published else ""
    name = report_name(analysis, figure.document)
    return f"{name}{when} says “{figure.quantity.text}” ({_format(figure.quantity)})"


def _values(shown: list[_Figure]) -> list[ReportedValue]:
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


def _finding(
    analysis: Analysis, kind: FindingKind, severity: Severity, shown: list[_Figure], text: str
) -> Finding:
    return Finding(
        kind=kind,
        severity=severity,
        documents=list(dict.fromkeys(figure.document for figure in shown)),
        evidence=[quote_span(analysis, f.document, f.quantity) for f in shown],
        explanation=text,
        values=_values(shown),
    )


_VAGUE = re.compile(r"(?:tens|hundreds|dozens|thousands|millions|billions|scores)\b", re.I)


def _vague(quantity: Quantity) -> bool:
    """ "dozens", "thousands", "tens of thousands": a size, no figure ("several thousand" is
    one)."""
    return quantity.bound == "range" and bool(_VAGUE.match(quantity.text))


def _equivalence(analysis: Analysis, cluster: list[_Figure]) -> Finding | None:
    """Only values that all agree with each other, none of them vague: "dozens" fits "more
    than 100" without being the same figure."""
    if any(_vague(figure.quantity) for figure in cluster):
        return None
    best: list[_Figure] = []
    for anchor in cluster:
        kept = [anchor]
        for figure in cluster:
            if figure is not anchor and all(overlaps(figure.quantity, o.quantity) for o in kept):
                kept.append(figure)
        if len({f.document for f in kept}) > len({f.document for f in best}):
            best = sorted(kept, key=cluster.index)
    shown = _distinct(best)
    if len({f.document for f in shown}) < 2 or len({_wording(f.quantity) for f in shown}) < 2:
        return None
    return _finding(
        analysis,
        "quantity_equivalent",
        "low",
        shown,
        f"Same figure ({describe_frame(shown[0].frame)}) in other words or units, not a "
        "disagreement: " + "; ".join(_says(analysis, f) for f in shown) + ".",
    )


def _disagreement(analysis: Analysis, a: list[_Figure], b: list[_Figure], edge: _Edge) -> Finding:
    """`a` and `b` start with the two figures whose frames were matched."""
    side_a, side_b = _distinct(a), _distinct(b)
    shown = [*side_a, *side_b]
    frame = describe_frame(a[0].frame)
    says_a = "; ".join(_says(analysis, f) for f in side_a)
    says_b = "; ".join(_says(analysis, f) for f in side_b)
    if _explained_by_time(analysis, a, b):
        return _finding(
            analysis,
            "temporal_update",
            "medium",
            shown,
            f"The figure ({frame}) changed over time: {says_a}; later {says_b}.",
        )
    sure = edge.match == "same"
    return _finding(
        analysis,
        "quantity_conflict",
        "high" if sure else "medium",
        shown,
        f"The reports disagree on the same figure ({frame}): {says_a}, but {says_b}."
        + ("" if sure else _UNSURE),
    )


_UNSURE = " Part of what the figures measure is not stated in both; check."
# A disagreement between two value clusters (their indices) and its finding.
_Pairwise = tuple[int, int, Finding]


def _grouped(analysis: Analysis, clusters: list[list[_Figure]], pairs: list[_Pairwise]) -> Finding:
    """Pairwise disagreements of one kind and severity as one finding over every value cluster
    they involve, in date order; a single pair keeps its own finding."""
    if len(pairs) == 1:
        return pairs[0][2]
    sides = [_distinct(clusters[k]) for k in sorted({k for i, j, _ in pairs for k in (i, j)})]
    said = ["; ".join(_says(analysis, f) for f in side) for side in sides]
    frame = describe_frame(sides[0][0].frame)
    first = pairs[0][2]
    if first.kind == "temporal_update":
        text = f"The figure ({frame}) changed over time: {'; later '.join(said)}."
    else:
        text = (
            f"The reports give {len(sides)} different values of the same figure ({frame}): "
            + "; but ".join(said)
            + "."
            + ("" if first.severity == "high" else _UNSURE)
        )
    return _finding(analysis, first.kind, first.severity, [f for s in sides for f in s], text)


def _findings_for(
    analysis: Analysis,
    keys: list[_Key],
    edges: dict[tuple[_Key, _Key], _Edge],
    given: dict[str, list[Quantity]],
    restated: dict[_Key, QuantityFrame],
) -> list[Finding]:
    items = analysis.sentences
    figures = [
        _Figure((i, q), items[i].document, items[i].quantities[q], restated.get((i, q)))
        for i, q in keys
    ]
    if len({f.document for f in figures}) < 2:
        return []

    def order(figure: _Figure) -> tuple[dt.date, str, int]:
        return (_date(analysis, figure.document) or dt.date.max, figure.document, figure.key[1])

    clusters = [sorted(c, key=order) for c in _value_clusters(sorted(figures, key=order))]
    clusters.sort(key=lambda c: min(_known_dates(analysis, c), default=dt.date.max))
    findings = [f for f in (_equivalence(analysis, c) for c in clusters) if f is not None]
    pairs: dict[tuple[FindingKind, Severity], list[_Pairwise]] = {}
    for (i, a), (j, b) in combinations(enumerate(clusters), 2):
        if {f.document for f in a} & {f.document for f in b}:
            continue  # a report giving both values does not disagree with itself
        if any(overlaps(f.quantity, g.quantity) for f in a for g in b):
            continue  # a bound standing apart fits values on both sides
        if any(_also_gives(given, f.document, g) for f in a for g in b) or any(
            _also_gives(given, g.document, f) for f in a for g in b
        ):
            continue
        links = [
            (fa, fb, edges[pair])
            for fa in a
            for fb in b
            if (pair := (min(fa.key, fb.key), max(fa.key, fb.key))) in edges
        ]
        if not links:
            continue
        fa, fb, edge = min(links, key=lambda link: link[2].match != "same")
        rest_a = [f for f in a if f is not fa]
        rest_b = [f for f in b if f is not fb]
        finding = _disagreement(analysis, [fa, *rest_a], [fb, *rest_b], edge)
        pairs.setdefault((finding.kind, finding.severity), []).append((i, j, finding))
    return findings + [_grouped(analysis, clusters, group) for group in pairs.values()]


def _also_gives(given: dict[str, list[Quantity]], document: str, figure: _Figure) -> bool:
    """The report gives, somewhere, a value agreeing with `figure` in the same kind of frame:
    then it does not disagree with it ("unchanged at 4.1% ... dropped to 3.9%")."""
    frame = figure.frame
    return any(
        other.base_unit == figure.quantity.base_unit
        and not _open(other)
        and overlaps(other, figure.quantity)
        and other.frame is not None
        and (other.frame.form, other.frame.statement) == (frame.form, frame.statement)
        and _measures(other, figure.quantity) is not None
        for other in given.get(document, [])
    )


def check_quantities(
    analysis: Analysis, groups: list[ClaimGroup], pairs: Iterable[Pair]
) -> list[Finding]:
    """`pairs`: the candidate sentence pairs that both state figures (Similarities.figure_pairs)."""
    position = {(s.document, s.sentence): i for i, s in enumerate(analysis.sentences)}
    group_of = {
        position[(member.document, member.sentence)]: group.id
        for group in groups
        if len(group.members) > 1
        for member in group.members
    }
    sentences = _Sentences(analysis, group_of, restated=_restated_frames(analysis))
    edges = _edges(analysis, pairs, sentences)
    given: dict[str, list[Quantity]] = {}
    for sentence in analysis.sentences:
        given.setdefault(sentence.document, []).extend(sentence.quantities)
    return [
        finding
        for keys in _components(edges)
        for finding in _findings_for(analysis, keys, edges, given, sentences.restated)
    ]
