"""Align: group sentences from different reports that state the same fact.

Each sentence becomes a unit-length TF-IDF vector over its content stems, canonical entity names
and the kinds of quantity it mentions. Candidate pairs are never all pairs (blocking):

- a feature shared by at most MAX_POSTING sentences proposes every pair in its posting list;
- a commoner feature (a story reprinted by hundreds of outlets shares all its words) proposes
  only neighbours: its sentences are sorted by a MinHash signature, so near-copies sit next to
  each other, and each is paired with the next NEIGHBOURS ones (sorted-neighbourhood blocking).

So the cost grows linearly with the number of sentences. Pairs are then merged greedily, best
first, into groups holding at most one sentence per report, as long as the merged groups are
similar on average (not only through the pair that joined them).
"""

from __future__ import annotations

import math
import zlib
from collections import Counter, defaultdict
from functools import cached_property

from summarize.models import Analysis, ClaimGroup, SentenceAnalysis, SentenceRef
from summarize.text.tokens import content_terms

MIN_SIMILARITY = 0.3
# Sentences this similar are about the same thing, even if not close enough to be one fact;
# the checker compares their numbers and wording.
CONTEXT_SIMILARITY = 0.2
# Sentences this similar are neighbours: the checker still compares their figures, figure by
# figure, when the figures' own frames (what, whose, when) say they are the same figure, and
# looks there for another report's wording of the same claim. Reports of one event word a
# sentence differently more often than its figures and names.
NEAR_SIMILARITY = 0.05
MAX_POSTING = 40
NEIGHBOURS = 8
MINHASH_SEEDS = 4

Pair = tuple[float, int, int]  # (similarity, sentence index, other sentence index), i < j


def sentence_features(sentence: SentenceAnalysis) -> set[str]:
    """Content stems, canonical names and quantity kinds; a name counts once, by its entity."""
    name_words = {term for mention in sentence.entities for term in content_terms(mention.text)}
    features = set(sentence.terms) - name_words
    features.update(f"entity:{mention.canonical.lower()}" for mention in sentence.entities)
    features.update(
        f"quantity:{quantity.base_unit}:{quantity.counted or ''}"
        for quantity in sentence.quantities
    )
    return features


def _minhash(features: set[str]) -> tuple[int, ...]:
    return tuple(
        min((zlib.crc32(f"{seed}:{feature}".encode()) for feature in features), default=0)
        for seed in range(MINHASH_SEEDS)
    )


def _add(total: dict[str, float], vector: dict[str, float]) -> None:
    for feature, weight in vector.items():
        total[feature] = total.get(feature, 0.0) + weight


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    small, large = sorted((a, b), key=len)
    return sum(weight * large.get(feature, 0.0) for feature, weight in small.items())


class Similarities:
    """The sentences' vectors and every candidate pair at or above CONTEXT_SIMILARITY.

    Computed once per analysis and shared: align groups the pairs above MIN_SIMILARITY, the
    checker compares the numbers and wording of all of them.
    """

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        features = [sentence_features(sentence) for sentence in analysis.sentences]
        frequency = Counter(feature for sentence in features for feature in sentence)
        self.vectors: list[dict[str, float]] = []
        for sentence in features:
            vector = {f: math.log(1 + len(features) / frequency[f]) for f in sentence}
            norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
            self.vectors.append({f: w / norm for f, w in vector.items()})
        self._features = features
        self._frequency = frequency

    def similarity(self, a: int, b: int) -> float:
        return _dot(self.vectors[a], self.vectors[b])

    @cached_property
    def _candidates(self) -> dict[int, set[int]]:
        """i -> the j > i worth scoring."""
        rare: dict[str, list[int]] = defaultdict(list)
        common: dict[str, list[int]] = defaultdict(list)
        for index, sentence in enumerate(self._features):
            for feature in sentence:
                postings = rare if self._frequency[feature] <= MAX_POSTING else common
                postings[feature].append(index)
        candidates: dict[int, set[int]] = defaultdict(set)
        for members in rare.values():
            for position, i in enumerate(members):
                candidates[i].update(members[position + 1 :])
        if common:
            signature = [_minhash(sentence) for sentence in self._features]
            for members in common.values():
                members.sort(key=lambda index: (signature[index], index))
                for position, i in enumerate(members):
                    for j in members[position + 1 : position + 1 + NEIGHBOURS]:
                        candidates[min(i, j)].add(max(i, j))
        return candidates

    @cached_property
    def pairs(self) -> list[Pair]:
        """Pairs of sentences of different reports, most similar first."""
        sentences = self.analysis.sentences
        pairs: list[Pair] = []
        for i, others in self._candidates.items():
            for j in others:
                if sentences[i].document == sentences[j].document:
                    continue
                score = self.similarity(i, j)
                if score >= CONTEXT_SIMILARITY:
                    pairs.append((score, i, j))
        pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
        return pairs

    @cached_property
    def _near(self) -> dict[int, list[tuple[float, int]]]:
        near: dict[int, list[tuple[float, int]]] = defaultdict(list)
        sentences = self.analysis.sentences
        for i, others in self._candidates.items():
            for j in others:
                if sentences[i].document != sentences[j].document:
                    score = self.similarity(i, j)
                    if score >= NEAR_SIMILARITY:
                        near[i].append((score, j))
                        near[j].append((score, i))
        for found in near.values():
            found.sort(key=lambda item: (-item[0], item[1]))
        return near

    def near(self, index: int) -> list[tuple[float, int]]:
        """(similarity, sentence) of the other reports' sentences at or above NEAR_SIMILARITY,
        most similar first (only the candidates: never all pairs)."""
        return self._near.get(index, [])

    @cached_property
    def figure_pairs(self) -> list[Pair]:
        """Neighbouring sentences that both state figures, most similar first."""
        sentences = self.analysis.sentences
        pairs = [
            (score, i, j)
            for i, found in self._near.items()
            if sentences[i].quantities
            for score, j in found
            if i < j and sentences[j].quantities
        ]
        pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
        return pairs

    def above(self, threshold: float) -> list[Pair]:
        return [pair for pair in self.pairs if pair[0] >= threshold]


def group_of_sentence(analysis: Analysis, groups: list[ClaimGroup]) -> dict[int, int]:
    """Sentence index (in analysis.sentences) -> the id of its claim group, for the sentences
    another report's sentence joined."""
    position = {(s.document, s.sentence): i for i, s in enumerate(analysis.sentences)}
    return {
        position[(member.document, member.sentence)]: group.id
        for group in groups
        if len(group.members) > 1
        for member in group.members
    }


def align(analysis: Analysis, similarities: Similarities | None = None) -> list[ClaimGroup]:
    """Every sentence lands in exactly one group; a sentence no other report matches is alone."""
    similarities = similarities or Similarities(analysis)
    sentences = analysis.sentences
    group_of = list(range(len(sentences)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
    documents: dict[int, set[str]] = {i: {s.document} for i, s in enumerate(sentences)}
    # The mean similarity of two groups of unit vectors is the dot product of their sums
    # divided by the number of pairs: one dot product per merge, whatever the group sizes.
    sums: dict[int, dict[str, float]] = {i: dict(v) for i, v in enumerate(similarities.vectors)}
    scores: dict[int, list[float]] = {i: [] for i in range(len(sentences))}

    for score, i, j in similarities.above(MIN_SIMILARITY):
        a, b = group_of[i], group_of[j]
        if a == b or documents[a] & documents[b]:
            continue
        if _dot(sums[a], sums[b]) / (len(members[a]) * len(members[b])) < MIN_SIMILARITY:
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for k in members[b]:
            group_of[k] = a
        members[a].extend(members.pop(b))
        documents[a] |= documents.pop(b)
        _add(sums[a], sums.pop(b))
        scores[a].extend([*scores.pop(b), score])

    groups = sorted(members.items(), key=lambda item: min(item[1]))
    return [
        ClaimGroup(
            id=number,
            members=[
                SentenceRef(document=sentences[k].document, sentence=sentences[k].sentence)
                for k in sorted(indexes)
            ],
            similarity=round(sum(scores[key]) / len(scores[key]), 3) if scores[key] else 1.0,
        )
        for number, (key, indexes) in enumerate(groups)
    ]
