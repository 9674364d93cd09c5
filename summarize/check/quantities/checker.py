"""The quantity findings of a cluster: equivalent wordings, disagreements and updates over time,
one finding for each kind and severity among a component's values (see the package docstring).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from itertools import combinations

from summarize.align import Pair, group_of_sentence
from summarize.analyze.frames.measure import TALLIES, outcome_name
from summarize.analyze.frames.subject import joined_to_its_unit
from summarize.analyze.frames.times import tells_a_running_state
from summarize.analyze.quantities import agrees, is_bound, same_figure
from summarize.analyze.quantities.intervals import SAME_VALUE
from summarize.check.quantities.compare import measures, tally_across_dates
from summarize.check.quantities.explain import (
    OTHER_DATES,
    describe_frame,
    distinct,
    known_dates,
    make_finding,
    of_other_days,
    published_on,
    says,
    unsure,
    wording,
)
from summarize.check.quantities.figures import (
    Edge,
    Figure,
    Key,
    Sentences,
    hedged_repeats,
    is_vague,
    restated_frames,
)
from summarize.check.quantities.grouping import connected, match_figures, value_clusters
from summarize.models import (
    Analysis,
    ClaimGroup,
    Finding,
    FindingKind,
    Quantity,
    Severity,
)

# Figures matched into one component are one figure told by several reports: a handful (at most
# 6 in the 307 NeuS clusters, the seeds and the checker sets). Hundreds are a chain of many
# figures (a table, a list, or input built to be compared pair by pair, whose cost grows with
# the cube of their number): no one figure to report on.
MAX_CONNECTED_FIGURES = 40


def _explained_by_time(analysis: Analysis, a: list[Figure], b: list[Figure]) -> bool:
    """Each value is only given by reports of other dates than the other value's reports.

    Undated reports go with the value they give: a paraphrase of a wire story carries its date.
    """
    dates_a, dates_b = known_dates(analysis, a), known_dates(analysis, b)
    return bool(dates_a) and bool(dates_b) and not dates_a & dates_b


def _can_change(
    analysis: Analysis, earlier: list[Figure], later: list[Figure], tellings: list[Figure]
) -> bool:
    """The figure is one that moves as news comes in: a running tally (the killed, the rescued,
    the evacuated ...), a forecast or estimate, a figure a report tells as it stands so far
    (`tells_a_running_state`: "have now died", "has burned", "rose to"), or a count first given
    as a lower bound that the later values pass ("at least 14 homes", then "37 homes": not yet
    complete; "at least 18 houses", then "about a dozen", is no count that grew). Any other
    figure is a fact of a moment or a thing (how many were aboard, how fast the train was
    going, what a contract is worth): reports of other dates that give it differently
    disagree. Any of its `tellings` may say it moves: "have now been dragged from the water"
    on one day makes "after about 70 tonnes were recovered" on another a value of the same
    running total."""
    if any(
        outcome_name(f.frame.measure) in TALLIES
        or f.frame.statement != "actual"
        or _told_so_far(analysis, f)
        for f in [*earlier, *later, *tellings]
    ):
        return True
    bounds = [
        f.quantity.low
        for f in earlier
        if f.quantity.bound == "at_least" and f.quantity.base_unit == "count"
    ]
    return bool(bounds) and all(f.quantity.high > max(bounds) for f in later)


def _told_so_far(analysis: Analysis, figure: Figure) -> bool:
    """The figure is told as it stands so far, in its own part of the sentence: "Seven county
    assemblies have now passed motions rejecting the 30-year deal" tells so the count of
    assemblies, not the deal's length: a figure joined to its unit before a noun ("a 30-year
    deal", "the nine-round tournament") is a property of the thing it describes."""
    if joined_to_its_unit(figure.quantity.text):
        return False
    sentence = analysis.sentence(analysis.sentences[figure.key[0]])
    start = figure.quantity.start - sentence.start
    return tells_a_running_state(sentence.text, start, start + len(figure.quantity.text))


def _equivalence(analysis: Analysis, cluster: list[Figure]) -> Finding | None:
    """Only values that all agree with each other, none of them vague: "dozens" fits "more
    than 100" without being the same figure."""
    if any(is_vague(figure.quantity) for figure in cluster):
        return None
    best: list[Figure] = []
    for anchor in cluster:
        kept = [anchor]
        for figure in cluster:
            if figure is not anchor and all(same_figure(figure.quantity, o.quantity) for o in kept):
                kept.append(figure)
        if len({f.document for f in kept}) > len({f.document for f in best}):
            best = sorted(kept, key=cluster.index)
    shown = distinct(best)
    if len({f.document for f in shown}) < 2 or len({wording(f.quantity) for f in shown}) < 2:
        return None
    # "more than $1 trillion" and "$1 trillion", "nearly $1 trillion" and "$984 billion" agree
    # without being the same figure: one is bounded or rounded where the other is exact.
    same = len({(f.quantity.normalized, f.quantity.bound) for f in shown}) == 1
    what = "Same figure" if same else "Figures that agree"
    how = "in other words or units" if same else "with different rounding or hedges"
    return make_finding(
        analysis,
        "quantity_equivalent",
        "low",
        shown,
        f"{what} ({describe_frame(shown[0].frame, shown[0].quantity.base_unit)}), {how}; "
        "not a disagreement: " + "; ".join(says(analysis, f) for f in shown) + ".",
    )


def _disagreement(
    analysis: Analysis, a: list[Figure], b: list[Figure], edge: Edge, tellings: list[Figure]
) -> Finding:
    """`a` and `b` start with the two figures whose frames were matched; `tellings` are all the
    values of the figure."""
    side_a, side_b = distinct(a), distinct(b)
    shown = [*side_a, *side_b]
    frame = describe_frame(a[0].frame, a[0].quantity.base_unit)
    says_a = "; ".join(says(analysis, f) for f in side_a)
    says_b = "; ".join(says(analysis, f) for f in side_b)
    other_dates = _explained_by_time(analysis, a, b)
    if other_dates and _can_change(analysis, a, b, tellings):
        return make_finding(
            analysis,
            "temporal_update",
            "medium",
            shown,
            f"The figure ({frame}) changed over time: {says_a}; later {says_b}.",
        )
    sure = edge.match == "same" and not other_dates
    return make_finding(
        analysis,
        "quantity_conflict",
        "high" if sure else "medium",
        shown,
        f"The reports disagree on the same figure ({frame}): {says_a}, but {says_b}."
        + (OTHER_DATES if other_dates else "" if sure else unsure(analysis, a[0], b[0])),
    )


# A disagreement between two value clusters (their indices) and its finding.
_Pairwise = tuple[int, int, Finding]


def _grouped(analysis: Analysis, clusters: list[list[Figure]], pairs: list[_Pairwise]) -> Finding:
    """Pairwise disagreements of one kind and severity as one finding over every value cluster
    they involve, in date order; a single pair keeps its own finding."""
    if len(pairs) == 1:
        return pairs[0][2]
    sides = [distinct(clusters[k]) for k in sorted({k for i, j, _ in pairs for k in (i, j)})]
    said = ["; ".join(says(analysis, f) for f in side) for side in sides]
    frame = describe_frame(sides[0][0].frame, sides[0][0].quantity.base_unit)
    first = pairs[0][2]
    if first.kind == "temporal_update":
        text = f"The figure ({frame}) changed over time: {'; later '.join(said)}."
    else:
        text = (
            f"The reports give {len(sides)} different values of the same figure ({frame}): "
            + "; but ".join(said)
            + "."
            + (
                OTHER_DATES
                if _explained_by_time(analysis, clusters[pairs[0][0]], clusters[pairs[0][1]])
                else ""
                if first.severity == "high"
                else unsure(analysis, sides[0][0], sides[1][0])
            )
        )
    return make_finding(analysis, first.kind, first.severity, [f for s in sides for f in s], text)


def _findings_for(
    analysis: Analysis,
    keys: list[Key],
    edges: dict[tuple[Key, Key], Edge],
    given: dict[str, list[Quantity]],
    sentences: Sentences,
) -> list[Finding]:
    figures = [sentences.figure(key) for key in keys]
    if len({f.document for f in figures}) < 2:
        return []

    def order(figure: Figure) -> tuple[dt.date, str, int]:
        return (
            published_on(analysis, figure.document) or dt.date.max,
            figure.document,
            figure.key[1],
        )

    def agree(a: Figure, b: Figure) -> bool:
        if tally_across_dates(sentences, a, b) and tally_across_dates(sentences, b, a):
            # a running count given as a bound on one day and another on the next rose: "More
            # than 48,000" hospitalised on Monday, "more than 49,100" on Tuesday
            return same_figure(a.quantity, b.quantity, SAME_VALUE)
        return _agreement(analysis, a.document, b.document)(a.quantity, b.quantity)

    clusters = [sorted(c, key=order) for c in value_clusters(sorted(figures, key=order), agree)]
    clusters.sort(key=lambda c: min(known_dates(analysis, c), default=dt.date.max))
    findings = [f for f in (_equivalence(analysis, c) for c in clusters) if f is not None]
    pairs: dict[tuple[FindingKind, Severity], list[_Pairwise]] = {}
    for (i, a), (j, b) in combinations(enumerate(clusters), 2):
        if {f.document for f in a} & {f.document for f in b}:
            continue  # a report giving both values does not disagree with itself
        if any(agree(f, g) for f in a for g in b):
            continue  # a bound standing apart fits values on both sides
        if any(
            _also_gives(analysis, given, f.document, g)
            or _also_gives(analysis, given, g.document, f)
            for f in a
            for g in b
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
        finding = _disagreement(analysis, [fa, *rest_a], [fb, *rest_b], edge, figures)
        pairs.setdefault((finding.kind, finding.severity), []).append((i, j, finding))
    return findings + [_grouped(analysis, clusters, group) for group in pairs.values()]


Agreement = Callable[[Quantity, Quantity], bool]


def _agreement(analysis: Analysis, document_a: str, document_b: str) -> Agreement:
    """How two reports' values agree. Across days a bound is the number it names, what was
    known that day: "at least 3 dead" on Tuesday and "7 dead" on Wednesday are a toll that
    rose, not one figure."""
    return same_figure if of_other_days(analysis, document_a, document_b) else agrees


def _also_gives(
    analysis: Analysis, given: dict[str, list[Quantity]], document: str, figure: Figure
) -> bool:
    """The report gives, somewhere, a value agreeing with `figure` in the same kind of frame:
    then it does not disagree with it ("unchanged at 4.1% ... dropped to 3.9%")."""
    frame = figure.frame
    # A bound fits every value beyond it and a range every value within: a report giving "30
    # km" elsewhere does not give "at least 7 km", nor "17 of whom" "aged 10 to 17"; only a value
    # about the number the bound names, or a range with the same ends, does.
    agree = (
        same_figure
        if is_bound(figure.quantity)
        else _agreement(analysis, document, figure.document)
    )
    spans = figure.quantity.ends is not None
    return any(
        other.base_unit == figure.quantity.base_unit
        and not is_bound(other)
        and (other.ends is not None or not spans)
        and not is_vague(other)  # "kill dozens of people every monsoon season" is no figure
        and agree(other, figure.quantity)
        and other.frame is not None
        and (other.frame.form, other.frame.statement) == (frame.form, frame.statement)
        and measures(other, figure.quantity) is not None
        # "about 100,000 people" (who marched) is no count of "more than 40 people arrested"
        and outcome_name(other.frame.measure) == outcome_name(frame.measure)
        for other in given.get(document, [])
    )


def check_quantities(
    analysis: Analysis, groups: list[ClaimGroup], pairs: Iterable[Pair]
) -> list[Finding]:
    """`pairs`: the candidate sentence pairs that both state figures (Similarities.figure_pairs)."""
    group_of = group_of_sentence(analysis, groups)
    sentences = Sentences(
        analysis, group_of, restated=restated_frames(analysis), hedged=hedged_repeats(analysis)
    )
    edges = match_figures(analysis, pairs, sentences)
    given: dict[str, list[Quantity]] = {}
    for sentence in analysis.sentences:
        given.setdefault(sentence.document, []).extend(sentence.quantities)
    return [
        finding
        for keys in connected(edges)
        if len(keys) <= MAX_CONNECTED_FIGURES
        for finding in _findings_for(analysis, keys, edges, given, sentences)
    ]
