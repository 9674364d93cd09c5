"""The report sentences a fact's wording brings with it, lest it mislead alone: the next
sentence when it remarks that the claim could not be verified (`unverified_follow_up`), and an
earlier report's sentence giving a figure the wording no longer gives (`earlier_figure`), dated,
as written and shortened (`earlier_texts`); and which sentences give a figure a later report
moved (`MovedFigures`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from summarize.analyze.attribution import is_unverified, unverified_remark
from summarize.analyze.quantities import comparable, overlaps
from summarize.compose.compression import optional_cuts
from summarize.compose.cuts import variants
from summarize.compose.standalone import leans_back
from summarize.compose.wording import Wording
from summarize.models import Analysis, ClaimGroup, Quantity, SentenceRef


@dataclass(frozen=True)
class MovedFigures:
    """The report sentences giving a figure the checker found changed over time (its temporal
    updates): the earliest report's, and the later ones'."""

    earlier: frozenset[tuple[str, int]] = frozenset()
    later: frozenset[tuple[str, int]] = frozenset()


def unverified_follow_up(analysis: Analysis, ref: SentenceRef) -> SentenceRef | None:
    """The next sentence when it remarks that this claim could not be verified."""
    if is_unverified(analysis.sentence(ref).text):
        return None
    remark = unverified_remark(analysis.document(ref.document), ref.sentence)
    return SentenceRef(document=ref.document, sentence=remark.index) if remark else None


def earlier_figure(
    analysis: Analysis, group: ClaimGroup, chosen: SentenceRef, latest: dt.date | None
) -> SentenceRef | None:
    """A member from an earlier day giving a figure the chosen wording no longer gives."""
    date = analysis.document(chosen.document).published or latest
    figures = analysis.analysis_of(chosen).quantities
    for member in group.members:
        published = analysis.document(member.document).published
        if date is None or published is None or published >= date:
            continue
        if any(
            comparable(old, new) and not overlaps(old, new)
            for old in analysis.analysis_of(member).quantities
            for new in figures
        ):
            return member
    return None


def earlier_texts(wording: Wording, figure: SentenceRef, chosen: SentenceRef) -> list[str]:
    """The earlier report's sentence giving the other figure, dated: as written, and its
    shortest version that still gives every figure that differs (in one of the units
    it gave it in)."""
    analysis = wording.analysis
    sentence = analysis.sentence(figure)
    published = analysis.document(figure.document).published
    text = sentence.text
    new = analysis.analysis_of(chosen).quantities
    differing = [
        old
        for old in analysis.analysis_of(figure).quantities
        if any(comparable(old, other) and not overlaps(old, other) for other in new)
    ]
    attributions = analysis.analysis_of(figure).attributions
    protected = [a.within(sentence) for a in attributions]
    texts = [wording.finish(text, published, dated=True)]
    shorter = [
        variant
        for variant in variants(text, [], optional_cuts(text, protected))[1:]
        if _tells_figures(variant, differing) and not leans_back(variant)
    ]
    if shorter:
        texts.append(wording.finish(shorter[-1], published, dated=True))
    return texts


def _tells_figures(text: str, figures: list[Quantity]) -> bool:
    """Each figure is in `text`, as written or in another unit the sentence gave it in ("10
    kilometres (six miles)" tells both in "10 kilometres")."""
    return all(
        any(other.text in text for other in figures if overlaps(figure, other))
        for figure in figures
    )
