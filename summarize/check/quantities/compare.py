"""Whether two figures of different reports are the same figure: their frames compared part by
part (measure, time, subject), then how sure the match is (`compare`). See the package
docstring for the rules.
"""

from __future__ import annotations

import re
from typing import Literal

from summarize.analyze.frames.measure import TALLIES, outcome_name, picks_out
from summarize.analyze.nouns import is_a_kind_of_person, kind_of_either, synonyms
from summarize.analyze.quantities import overlaps
from summarize.check.quantities.explain import of_other_days
from summarize.check.quantities.figures import (
    Edge,
    Figure,
    Sentences,
    is_vague,
    name_words,
)
from summarize.models import (
    Quantity,
)
from summarize.text.calendar import YEAR
from summarize.text.tokens import content_terms

# Values of a likely match (a frame part unknown) further apart than this are no one figure.
MAX_LIKELY_RATIO = 10
# Nor are values of any match this far apart: reports disputing a figure do not differ by two
# orders of magnitude ("4.1 kilograms" a fish / "617,000 pounds" of fish).
MAX_SAME_RATIO = 100


def _from_place(subject: str | None) -> bool:
    """A distance from somewhere ("from Pyongyang"): it is measured from that place only."""
    return (subject or "").startswith("from ")


def measures(a: Quantity, b: Quantity) -> Literal["same", "unknown"] | None:
    frame_a, frame_b = a.frame, b.frame
    if frame_a is None or frame_b is None:
        return "unknown"
    if a.base_unit != "count":
        kind_a, _, role_a = frame_a.measure.partition(" (")
        kind_b, _, role_b = frame_b.measure.partition(" (")
        if kind_a != kind_b or (role_a and role_b and role_a != role_b):
            if kind_a == kind_b == "percent" and _one_population(role_a, role_b):
                return "unknown"  # "of respondents" / "of Americans": a poll's people
            return None  # "in two weeks" (when) is no "for 30 days" (how long)
        return "same" if role_a == role_b else "unknown"
    outcome_a, outcome_b = outcome_name(frame_a.measure), outcome_name(frame_b.measure)
    if outcome_a and outcome_b and outcome_a != outcome_b:
        return None
    if frame_a.measure == frame_b.measure != "count":
        return "same"  # "19 arrests" and "27 people" arrested: people arrested
    if a.counted and b.counted:
        if a.counted != b.counted and not synonyms(a.counted, b.counted):
            return (
                "unknown"
                if _one_tally_of_kinds(a.counted, b.counted, outcome_a, outcome_b)
                else None
            )
    elif a.counted or b.counted:
        # "killing 37" and "37 people were killed": what happened must say they are one count
        return "unknown" if outcome_a and outcome_a == outcome_b else None
    elif _unnamed(frame_a.measure) != _unnamed(frame_b.measure):
        # a bare number of something: only with the same outcome ("60 are confirmed dead" / "the
        # number of confirmed dead jumped to 60", whose name says it counts people)
        return None
    if (outcome_a is None) != (outcome_b is None):
        # A participle picks out part of what is counted ("two members dissenting"), which a
        # count of them all ("the seven board members") is not.
        return None if picks_out(outcome_a or outcome_b or "") else "unknown"
    # Two bare numbers that name nothing they count, nor whose they are or when ("31 were
    # children", "78 were rescued") say too little for a reader to confirm they are one figure:
    # never high.
    bare = frame_a.measure == "count" and not (
        frame_a.subject or frame_b.subject or frame_a.time or frame_b.time
    )
    return "unknown" if bare else "same"


def _unnamed(measure: str) -> str:
    """The measure of a figure naming nothing it counts, whether or not its count's name says
    it counts people ("people killed" for "the toll rose to 57", "count killed" for "57 died")."""
    noun, _, outcome = measure.partition(" ")
    return f"count {outcome}" if noun == "people" and outcome else measure


def _one_population(role_a: str, role_b: str) -> bool:
    """Two shares' wholes may be one group of people told in two words ("respondents",
    "Americans", "voters"), or one word and a kind of it; shares of cases and of deaths are of
    two things."""
    a, b = role_a.rstrip(")"), role_b.rstrip(")")
    people = is_a_kind_of_person(a) and is_a_kind_of_person(b)
    return people or synonyms(a, b) or kind_of_either(a, b)


def _one_tally_of_kinds(
    counted_a: str, counted_b: str, outcome_a: str | None, outcome_b: str | None
) -> bool:
    """The same tally of what happened to people (killed, rescued, trapped ...), counted by one
    report with a noun for a kind of what the other's noun names ("17 workers had been rescued"
    / "19 miners have been rescued"): reports of one event name the same people more or less
    specifically. Not with a noun that names only persons in general ("12 people were killed" /
    "three soldiers were killed" may be the whole and a part)."""
    if outcome_a is None or outcome_a != outcome_b or outcome_a not in TALLIES:
        return False
    if _GENERIC_COUNTS & {counted_a, counted_b}:
        return False
    return kind_of_either(counted_a, counted_b)


def _a_recent_period(time: str) -> bool:
    """A week or month just gone or under way: "last week", "this month"."""
    return time.startswith(("last ", "past ")) or time in ("this week", "this month")


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
    if any(t.startswith("since:") for t in (a, b)) and any(map(_a_recent_period, (a, b))):
        return None  # "in the past week" counts a week's; "since January", all the year's
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
    two places, and so is one the other figure's sentence does not mention."""
    if a is None and b is None:
        return "none"
    if a is None or b is None:
        known, other = (a, terms_b) if b is None else (b, terms_a)
        names = name_words(known or "")
        words = frozenset(content_terms(known or "")) | names
        if names and not names & other:
            return None  # "In Alexandria, ... 13" against a sentence that never names it
        if words and words <= other:
            return "same"
        return None if strict else "unknown"  # "His coach, 54-year-old ..." / "The 27-year-old"
    names_a, names_b = name_words(a), name_words(b)
    if names_a and names_b and not names_a & names_b:
        return None
    if (frozenset(content_terms(a)) | names_a) & (frozenset(content_terms(b)) | names_b):
        return "same"
    return None if strict else "unknown"


# Sentences this similar, sharing a name, may compare a specific figure ("doses", "jobs").
LOOSE_SIMILARITY = 0.1
_SPECIFIC_TIMES = frozenset({"month", "year", "date", "quarter", "half", "since"})
# Counted nouns that say little about what is counted: figures of them need more to match.
_GENERIC_COUNTS = frozenset({"people", "persons", "count", "number", "time", "thing", "one"})


def _specific(quantity: Quantity) -> bool:
    """What the figure counts is named, and is not just people ("people", "Americans"):
    "doses", "jobs", "protesters"."""
    counted = quantity.counted or "count"
    if quantity.base_unit != "count" or counted in _GENERIC_COUNTS:
        return False
    return not any(w[:1].isupper() and w.lower().startswith(counted) for w in quantity.text.split())


_YEAR = re.compile(YEAR)


def _of_an_earlier_year(sentences: Sentences, figure: Figure) -> bool:
    """The figure is dated to a year before its report's: background, not the event the report
    tells, so a figure no time restricts is about something else."""
    published = sentences.analysis.document(figure.document).published
    year = _YEAR.search(figure.frame.time or "")
    return published is not None and year is not None and int(year.group()) < published.year


def tally_across_dates(sentences: Sentences, a: Figure, b: Figure) -> bool:
    """`a` is a running tally (the killed, injured, arrested ...) and `b` comes from a report of
    another date."""
    return (
        a.frame.form == "level"
        and outcome_name(a.frame.measure) in TALLIES
        and of_other_days(sentences.analysis, a.document, b.document)
    )


def _tally_told_on_other_days(sentences: Sentences, a: Figure, b: Figure) -> bool:
    """A running tally that reports of other dates give on other weekdays: "17 people were
    killed ... late on Wednesday" in Thursday's report and "the death toll rose to 26 on Friday"
    in Friday's are one count told as it rose, not two figures (as two days' moves of a market
    are)."""
    weekdays = [a.frame.time or "", b.frame.time or ""]
    return all(weekday.startswith("day:") for weekday in weekdays) and tally_across_dates(
        sentences, a, b
    )


def _one_running_tally(sentences: Sentences, a: Figure, b: Figure) -> bool:
    """Reports of other dates each give a tally of what happened to the same people, no time of
    its own beyond a weekday ("killing at least seven people" on Monday's report, "Seventeen
    people have now died" on Tuesday's): one event's running count, however differently the
    sentences are worded ("killing" / "have died")."""
    same_outcome = outcome_name(a.frame.measure) == outcome_name(b.frame.measure)
    return same_outcome and tally_across_dates(sentences, a, b)


def _own_sources(sentences: Sentences, a: Figure, b: Figure) -> bool:
    """Each figure comes from its own named source ("according to Nielsen" / "a Hill report"):
    they may have measured differently, so a careful reader would check before calling it a
    conflict."""
    sources_a, sources_b = sentences.sources(a.key[0]), sentences.sources(b.key[0])
    return bool(sources_a and sources_b and not sources_a & sources_b)


def compare(a: Figure, b: Figure, sentences: Sentences, similarity: float) -> Edge | None:
    """How surely two figures of different reports are the same figure (`_match`); None: not
    comparable. A likely match whose values are more than MAX_LIKELY_RATIO times apart is none:
    reports disputing one figure differ by a part of it, while values an order of magnitude
    apart under a loosely matched frame are two things counted with one noun (a town's 17,000
    people and a church's 250, a stream's 440,000 viewers and television's 17 million)."""
    edge = _match(a, b, sentences, similarity)
    if edge is not None and edge.match == "likely" and _orders_apart(a.quantity, b.quantity):
        return None
    if edge is not None and _orders_apart(a.quantity, b.quantity, MAX_SAME_RATIO):
        return None  # "two hours" after touchdown / "more than eight months" in orbit
    if edge is not None and (_sums_to(sentences, a, b) or _sums_to(sentences, b, a)):
        return None
    if edge is not None and _complements(a.quantity, b.quantity):
        return None
    return edge


def _complements(a: Quantity, b: Quantity) -> bool:
    """Two shares of one whole that make it up together are its two parts: "roughly 60% of
    cases this year have been in Dhaka" / "About 40 percent of all cases this year have been
    recorded outside the capital"."""
    return (
        a.base_unit == b.base_unit == "percent"
        and a.frame is not None
        and b.frame is not None
        and a.frame.form == b.frame.form == "share"
        and a.low + b.low <= 100 <= a.high + b.high
        and not overlaps(a, b)  # "50%" / "half" are one share
    )


def _sums_to(sentences: Sentences, part: Figure, whole: Figure) -> bool:
    """`part` is one of counts its sentence lists, and together they are `whole`: "Two foreign
    aid workers and their two Yemeni colleagues" / "the four charity workers"."""
    total = sentences.listed_total(part.key)
    return total is not None and whole.quantity.low <= total <= whole.quantity.high


def _orders_apart(a: Quantity, b: Quantity, ratio: float = MAX_LIKELY_RATIO) -> bool:
    low, high = sorted((abs(a.normalized), abs(b.normalized)))
    return low > 0 and high > ratio * low


def _match(a: Figure, b: Figure, sentences: Sentences, similarity: float) -> Edge | None:
    """How surely two figures are the same figure, by their frames and sentences.

    - the same figure (high when they disagree): every part of both frames matches, and the
      sentences are about the same fact (one claim group, or similar), or both figures name
      the same subject or the same month, year, quarter or date;
    - likely (medium): a part is unknown on one side (one names the subject, the other does
      not) while the sentences are about the same fact, or each figure comes from its own named
      source; or the two are described with the same words next to them ("seeking $2.7
      billion in damages"); or the figure counts something specific ("jobs", "doses") and the
      two share its month, date or weekday, or sentences that share a name, and, when one
      figure is dated and the other not, the words next to them ("added 128,000 jobs for the
      month" / "added 128,000 jobs in October"; not "interviewed nine of the top candidates
      last month" / "endorse two candidates": two facts of one story); or reports of other
      dates each give a tally of the same outcome (`_one_running_tally`).
    """
    qa, qb = a.quantity, b.quantity
    if qa.base_unit != qb.base_unit:
        return None
    fa, fb = a.frame, b.frame
    if fa.statement != fb.statement or fa.form != fb.form:
        return None
    if fa.period != fb.period:
        return None  # "$300 a month" is no "$3,600" (a year, or in all)
    if is_vague(qa) or is_vague(qb):
        return None  # "millions of doses" gestures at a size; it is no figure to dispute
    from_a, from_b = (qa.base_unit == "m" and _from_place(f.subject) for f in (fa, fb))
    if from_a != from_b:
        return None  # "50 miles from Pyongyang" is a distance; "270 kilometers" a range
    measure = measures(qa, qb)
    # how far a place lies from another is no figure of a time: "discovered in 2021 ... about 90
    # kilometres southwest of Neuquen"
    time = "none" if from_a else _times(fa.time, fb.time)
    if time is None and _tally_told_on_other_days(sentences, a, b):
        time = "unknown"
    if time == "unknown" and (
        _of_an_earlier_year(sentences, a) or _of_an_earlier_year(sentences, b)
    ):
        return None  # "since December 2017, when ... killing three people" is no toll of now
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
        return Edge("likely" if _own_sources(sentences, a, b) else "same", True)
    if aligned:
        return Edge("likely", True)
    near = sentences.near(a) & sentences.near(b)
    if measure == "same" and time != "unknown" and near and similarity >= LOOSE_SIMILARITY:
        return Edge("likely", False)  # described with the same words: "in damages", "add"
    if measure == "same" and time in ("none", "day") and _one_running_tally(sentences, a, b):
        return Edge("likely", False)
    if measure == "same" and _specific(qa) and _specific(qb):
        shared_names = name_words(sentences.text(a.key[0])) & name_words(sentences.text(b.key[0]))
        # the same weekday on both dates the same event's count ("18,000 nurses walked off the
        # job on Monday" / "Some 25,000 nurses walked off their wards on Monday")
        same_day = time == "same" and (fa.time or "").startswith("day:")
        if specific_time or same_day or (shared_names and (time != "unknown" or near)):
            return Edge("likely", False)
    return None
