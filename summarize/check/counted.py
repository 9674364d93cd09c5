"""Framing findings: the same figure counting different things in two reports of one claim
("five militants" / "five fighters", people killed / casualties), medium. Two words for one
thing are none ("two countries" / "two nations"), nor "people" / "Americans" (where people live
is no other thing), nor "people" / "workers" ("people" is the general word for any kind of
person), nor two figures that only overlap (one may count a part of the other).
"""

from __future__ import annotations

import re

from summarize.analyze.nouns import (
    is_a_kind_of_person,
    kind_of_either,
    names_inhabitants,
    names_victims,
    synonyms,
)
from summarize.analyze.quantities import overlaps
from summarize.check.evidence import quote_span
from summarize.models import Analysis, ClaimGroup, Finding, Quantity, Span
from summarize.text.inflection import plural


def _through_noun(analysis: Analysis, document: str, quantity: Quantity) -> Span:
    """The quantity's span stretched to the noun it counts: "five" -> "five enemy fighters"."""
    text = analysis.document(document).text
    stem = re.escape((quantity.counted or "")[:4])
    match = re.compile(rf"[^.;]{{0,40}}?\b{stem}\w*", re.I).match(text, quantity.end)
    end = match.end() if stem and match else quantity.end
    return Span(start=quantity.start, end=end, text=text[quantity.start : end])


def _one_measure(a: Quantity, b: Quantity) -> bool:
    """ "two deaths" and "Two people died" both count the people killed."""
    return a.frame is not None and b.frame is not None and a.frame.measure == b.frame.measure


def counted_finding(analysis: Analysis, group: ClaimGroup) -> Finding | None:
    """The same number describing different things ("five militants" / "five fighters"): a
    choice of framing. Two words for one thing ("two countries" / "two nations") are not, nor
    are two figures that only overlap ("nearly 250 patients" / "hundreds of residents"): one may
    count a part of the other."""
    seen: list[tuple[str, Quantity]] = []
    for member in group.members:
        seen.extend(
            (member.document, q)
            for q in analysis.analysis_of(member).quantities
            if q.base_unit == "count" and q.counted
        )
    for index, (doc_a, qa) in enumerate(seen):
        for doc_b, qb in seen[index + 1 :]:
            if (
                doc_a != doc_b
                and qa.counted != qb.counted
                and qa.normalized == qb.normalized
                and overlaps(qa, qb)
                and not synonyms(qa.counted or "", qb.counted or "")
                and not _where_they_live(qa.counted or "", qb.counted or "")
                and not _people_of_a_kind(qa.counted or "", qb.counted or "")
                and not _one_measure(qa, qb)
            ):
                return Finding(
                    kind="framing",
                    severity="medium",
                    documents=[doc_a, doc_b],
                    evidence=[
                        quote_span(analysis, doc_a, _through_noun(analysis, doc_a, qa)),
                        quote_span(analysis, doc_b, _through_noun(analysis, doc_b, qb)),
                    ],
                    explanation=(
                        f"The same figure counts different things: {doc_a} “{qa.text}” "
                        f"({plural(qa.counted or '')}) vs "
                        f"{doc_b} “{qb.text}” ({plural(qb.counted or '')})."
                    ),
                )
    return None


def _where_they_live(a: str, b: str) -> bool:
    """One noun is the other told by where its people live ("people" / "Americans", "residents"):
    that is where they are, not how they are framed. Other kinds of a noun may be ("individuals"
    / "civilians", "people" / "casualties")."""
    return kind_of_either(a, b) and (names_inhabitants(a) or names_inhabitants(b))


def _people_of_a_kind(a: str, b: str) -> bool:
    """One noun is "people", the general word for any kind of person, and the other names a kind
    of person ("about 1,200 workers" / "some 1,200 people"): the general word says less, not
    another thing. A word for people harmed ("casualties", "victims") says what happened to
    them, which "people" does not."""
    other = b if a == "people" else a if b == "people" else ""
    return bool(other) and is_a_kind_of_person(other) and not names_victims(other)
