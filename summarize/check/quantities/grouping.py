"""Which figures are compared with which: the best partner of each figure in each compared
sentence (`match_figures`), the connected figures (`components`), and the values among them that
agree (`value_clusters`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from summarize.align import Pair
from summarize.analyze.quantities import agrees, is_bound
from summarize.check.quantities.compare import compare
from summarize.check.quantities.figures import Edge, Figure, Key, Sentences
from summarize.models import (
    Analysis,
)

# ------------------------------------------------------------------------ grouping


def match_figures(
    analysis: Analysis, pairs: Iterable[Pair], sentences: Sentences
) -> dict[tuple[Key, Key], Edge]:
    """The best partner of each figure in each compared sentence, and how sure the match is. Of
    two figures of one sentence whose best partner is one figure of the other, when that figure
    would choose one of them and does not agree with it either, only that one is compared ("11
    for 143 ... six for 58" / "six for 68": 58, not 143 too)."""
    found: dict[tuple[Key, Key], Edge] = {}
    for similarity, i, j in pairs:
        chosen = {
            key: best
            for a, b in ((i, j), (j, i))
            for key, best in _best_partners(analysis, sentences, similarity, a, b).items()
        }
        for key, (partner, edge) in chosen.items():
            rivals = [k for k, (p, _) in chosen.items() if p.key == partner.key and k != key]
            preferred = chosen.get(partner.key)
            if (
                rivals
                and preferred is not None
                and preferred[0].key in rivals
                and not agrees(partner.quantity, preferred[0].quantity)
            ):
                continue
            pair = (min(key, partner.key), max(key, partner.key))
            if pair not in found or found[pair].match == "likely":
                found[pair] = edge
    return _surest_per_report(analysis, found)


def _surest_per_report(
    analysis: Analysis, edges: dict[tuple[Key, Key], Edge]
) -> dict[tuple[Key, Key], Edge]:
    """A figure matched surely with a figure of another report is not also compared with that
    report's loosely matched ones: "lasted 14 minutes" is the other report's "more than 20
    minutes", not "held its breath for the last five minutes"."""
    sure = {
        (key, analysis.sentences[other[0]].document)
        for (a, b), edge in edges.items()
        if edge.match == "same"
        for key, other in ((a, b), (b, a))
    }
    return {
        (a, b): edge
        for (a, b), edge in edges.items()
        if edge.match == "same"
        or not (
            (a, analysis.sentences[b[0]].document) in sure
            or (b, analysis.sentences[a[0]].document) in sure
        )
    }


def _best_partners(
    analysis: Analysis, sentences: Sentences, similarity: float, a: int, b: int
) -> dict[Key, tuple[Figure, Edge]]:
    """Each figure of sentence `a` -> its best partner in sentence `b`: one it agrees with, the
    surest match, the nearest value."""
    items = analysis.sentences
    partners = {}
    for qa_index in range(len(items[a].quantities)):
        figure_a = sentences.figure((a, qa_index))
        qa = figure_a.quantity
        options = []
        for qb_index in range(len(items[b].quantities)):
            figure_b = sentences.figure((b, qb_index))
            edge = compare(figure_a, figure_b, sentences, similarity)
            if edge is not None:
                options.append((figure_b, edge))
        if options:
            partners[figure_a.key] = min(
                options,
                key=lambda option: (
                    not agrees(qa, option[0].quantity),
                    option[1].match != "same",
                    # "a 34-year-old Spanish woman, a 36-year-old Spanish man" / "a 43-year-old
                    # Spanish woman": the woman's age
                    (option[0].frame.subject or "").lower()
                    != (figure_a.frame.subject or "").lower(),
                    abs(option[0].quantity.normalized - qa.normalized),
                ),
            )
    return partners


_Node = TypeVar("_Node", int, Key)


def connected(edges: Iterable[tuple[_Node, _Node]]) -> list[list[_Node]]:
    """The connected components of a graph given by its edges, each sorted."""
    parent: dict[_Node, _Node] = {}

    def find(key: _Node) -> _Node:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in edges:
        parent[find(a)] = find(b)
    components: dict[_Node, list[_Node]] = {}
    for key in parent:
        components.setdefault(find(key), []).append(key)
    return [sorted(keys) for keys in components.values()]


def value_clusters(
    figures: list[Figure], agree: Callable[[Figure, Figure], bool]
) -> list[list[Figure]]:
    """Values that agree with each other (directly or through another value) go together. A
    bound comes last and joins values only when it fits a single group of them: "above $1.3
    trillion" fits both $6 trillion and $9 trillion, which still disagree."""
    clusters: list[list[Figure]] = []
    for item in sorted(figures, key=lambda figure: is_bound(figure.quantity)):
        joined = [c for c in clusters if any(agree(item, o) for o in c)]
        if is_bound(item.quantity) and len(joined) > 1:
            clusters.append([item])
            continue
        merged = [item, *(other for c in joined for other in c)]
        clusters = [c for c in clusters if c not in joined] + [merged]
    return clusters
