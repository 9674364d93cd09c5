"""When: reports that tell one event at another time of day ("began at 2:40 a.m." / "began at
3:40 a.m.") or on another day ("the first case was detected on June 28" / "on June 24")
disagree (`quantity_conflict`, medium).

Only a sentence giving one time of day, or one calendar date, is read: with two, which event
each belongs to is not said. Two such sentences tell one event when they are one claim group,
or similar and the words before the time share one, or neighbours (alignment's NEAR_SIMILARITY)
whose words before it share a verb telling what happened, no verb of saying ("began",
"discovered"): a bus that "left Nepalgunj at 6 a.m." and "plunged into the gorge at 10 p.m."
is two moments. Times in other zones ("17:40 GMT" / "2:40 a.m." local) are not compared, nor
dates still to come, which change as plans do. A hedge ("about", "shortly after") allows half an
hour, an exact time five minutes; a report that gives both values does not disagree with itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from summarize.align import CONTEXT_SIMILARITY, Similarities, group_of_sentence
from summarize.check.evidence import report_name
from summarize.check.quantities.grouping import connected
from summarize.models import Analysis, ClaimGroup, Evidence, Finding, ReportedValue
from summarize.text.calendar import CALENDAR_NAMES, calendar_dates, clock_times, date_of
from summarize.text.inflection import verb_form
from summarize.text.report_verbs import is_speech_verb
from summarize.text.tokens import content_terms

EXACT_MINUTES = 5
HEDGED_MINUTES = 30
_DAY_MINUTES = 24 * 60
# How many words before a moment say what happened then ("the outage, which began at").
_CONTEXT_WORDS = 6


@dataclass(frozen=True)
class Moment:
    sentence: int  # index in analysis.sentences
    document: str
    start: int  # in the document
    end: int
    text: str
    kind: str  # "time of day" or "date"
    value: int  # minutes after midnight, or the day's ordinal
    zone: str | None
    hedged: bool
    context: frozenset[str]  # the content words just before it
    event: frozenset[str]  # the verbs among them that tell what happened


def check_moments(
    analysis: Analysis, groups: list[ClaimGroup], similarities: Similarities
) -> list[Finding]:
    moments = {kind: _moments(analysis, kind) for kind in ("time of day", "date")}
    told = sorted({index for found in moments.values() for index in found})
    group_of = group_of_sentence(analysis, groups)
    near = {(i, j): similarity for i in told for similarity, j in similarities.near(i) if i < j}
    # a claim group's members that give a moment (one sentence per report: a few each)
    members: dict[int, list[int]] = {}
    for index in told:
        if index in group_of:
            members.setdefault(group_of[index], []).append(index)
    grouped = {(i, j) for same in members.values() for i in same for j in same if i < j}
    candidates = sorted(near.keys() | grouped)
    findings = []
    for found in moments.values():
        edges = []
        for i, j in candidates:
            a, b = found.get(i), found.get(j)
            if a is None or b is None or a.document == b.document or a.zone != b.zone:
                continue
            # similar sentences may share a verb of saying ("first reported on August 9" / "were
            # reported to the inspectorate on August 7"); neighbours must share the event
            shared = (
                a.context & b.context
                if near.get((i, j), 0.0) >= CONTEXT_SIMILARITY
                else (a.event & b.event)
            )
            if (i, j) in grouped or shared:
                edges.append((i, j))
        for component in connected(edges):
            finding = _disagreement(analysis, [found[index] for index in component], found)
            if finding is not None:
                findings.append(finding)
    return findings


def _moments(analysis: Analysis, kind: str) -> dict[int, Moment]:
    """Sentence index -> the one moment of `kind` it gives."""
    found = {}
    for index, analysed in enumerate(analysis.sentences):
        sentence = analysis.sentence(analysed)
        document = analysis.document(analysed.document)
        read = (
            _times(sentence.text)
            if kind == "time of day"
            else _dates(sentence.text, document.published)
        )
        if len(read) != 1:
            continue
        start, end, value, zone, hedged = read[0]
        before = sentence.text[:start].replace(",", " , ").split()[-_CONTEXT_WORDS:]
        context = frozenset(content_terms(" ".join(before))) - CALENDAR_NAMES
        # what happened then, a verb told in the past or as going on ("began", "discovered",
        # "surfing"), not who told it ("police said") nor who or what it happened to ("the bus
        # left" / "the bus plunged")
        happened = [
            word
            for word in (w.lower().strip(",.") for w in before)
            if verb_form(word) in ("ed", "ing") and not is_speech_verb(word)
        ]
        event = frozenset(content_terms(" ".join(happened)))
        found[index] = Moment(
            index, analysed.document, sentence.start + start, sentence.start + end,
            sentence.text[start:end], kind, value, zone, hedged, context, event,
        )  # fmt: skip
    return found


_Read = tuple[int, int, int, str | None, bool]  # start, end, value, zone, hedged


def _times(text: str) -> list[_Read]:
    return [(t.start, t.end, t.minutes, t.zone, t.hedged) for t in clock_times(text)]


def _dates(text: str, published: dt.date | None) -> list[_Read]:
    """Calendar dates of days past when the report was written: a date to come (a hearing, an
    election) may move."""
    read: list[_Read] = []
    for match in calendar_dates(text):
        day = date_of(match, published)
        if day is None or published is None or day > published:
            return []
        read.append((match.start(), match.end(), day.toordinal(), None, False))
    return read


def _agree(a: Moment, b: Moment) -> bool:
    if a.kind == "date":
        return a.value == b.value
    apart = abs(a.value - b.value)
    apart = min(apart, _DAY_MINUTES - apart)  # "11:50 p.m." / "12:05 a.m."
    return apart <= (HEDGED_MINUTES if a.hedged or b.hedged else EXACT_MINUTES)


def _disagreement(
    analysis: Analysis, moments: list[Moment], every: dict[int, Moment]
) -> Finding | None:
    clusters: list[list[Moment]] = []
    for moment in sorted(moments, key=lambda m: (m.value, m.document)):
        joined = next((c for c in clusters if any(_agree(moment, o) for o in c)), None)
        if joined is None:
            clusters.append([moment])
        else:
            joined.append(moment)
    if len(clusters) < 2:
        return None
    documents = [{m.document for m in cluster} for cluster in clusters]
    if any(a & b for k, a in enumerate(documents) for b in documents[k + 1 :]):
        return None
    for cluster, others in ((c, [m for o in clusters if o is not c for m in o]) for c in clusters):
        given = [m for m in every.values() if m.document in {x.document for x in cluster}]
        if any(_agree(g, o) for g in given for o in others):
            return None  # a report giving both values elsewhere
    shown = [m for cluster in clusters for m in cluster]
    said = "; but ".join(
        "; ".join(f"{report_name(analysis, m.document)} says “{m.text}”" for m in cluster)
        for cluster in clusters
    )
    return Finding(
        kind="quantity_conflict",
        severity="medium",
        documents=list(dict.fromkeys(m.document for m in shown)),
        evidence=[_quote(analysis, m) for m in shown],
        explanation=f"The reports disagree on when it happened ({moments[0].kind}): {said}.",
        values=[
            ReportedValue(document=m.document, text=m.text, normalized=m.value, unit=m.kind)
            for m in shown
        ],
    )


def _quote(analysis: Analysis, moment: Moment) -> Evidence:
    sentence = analysis.sentence(analysis.sentences[moment.sentence])
    return Evidence(
        document=moment.document, quote=moment.text, start=moment.start, end=moment.end,
        sentence=sentence.text,
    )  # fmt: skip
