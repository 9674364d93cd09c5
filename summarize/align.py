"""Align: group sentences from different reports that state the same fact.

Each sentence becomes a sparse TF-IDF vector over its content stems, canonical entity names and
the kinds of quantity it mentions. Candidate pairs come from an inverted index over the rarer
features only (blocking), so the cost grows with the number of sentences times the posting-list
cap, not with the square of the number of sentences. Pairs are then merged greedily, best first,
into groups holding at most one sentence per report, as long as the merged groups are similar
on average (not only through the pair that joined them).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from summarize.analyze.terms import content_terms
from summarize.models import Analysis, ClaimGroup, SentenceAnalysis, SentenceRef

MIN_SIMILARITY = 0.3
# A feature shared by more sentences than this is too common to propose candidates (it still
# counts in the similarity of the candidates the rarer features propose).
MAX_POSTING = 40

Pair = tuple[float, int, int]  # (similarity, sentence index, other sentence index)


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


class _Vectors:
    """Unit-length TF-IDF vectors of the sentences, with an inverted index of the rare features."""

    def __init__(self, features: list[set[str]]) -> None:
        frequency = Counter(feature for sentence in features for feature in sentence)
        total = len(features)
        self.weights: list[dict[str, float]] = []
        for sentence in features:
            vector = {f: math.log(1 + total / frequency[f]) for f in sentence}
            norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
            self.weights.append({f: w / norm for f, w in vector.items()})
        self.postings: dict[str, list[int]] = defaultdict(list)
        for index, sentence in enumerate(features):
            for feature in sentence:
                if frequency[feature] <= MAX_POSTING:
                    self.postings[feature].append(index)

    @classmethod
    def of(cls, analysis: Analysis) -> _Vectors:
        return cls([sentence_features(sentence) for sentence in analysis.sentences])

    def similarity(self, a: int, b: int) -> float:
        small, large = sorted((self.weights[a], self.weights[b]), key=len)
        return sum(w * large[f] for f, w in small.items() if f in large)


def similar_pairs(analysis: Analysis, threshold: float = MIN_SIMILARITY) -> list[Pair]:
    """(similarity, i, j) for sentences of different reports at or above `threshold`, best first."""
    return _similar_pairs(analysis, _Vectors.of(analysis), threshold)


def _similar_pairs(analysis: Analysis, vectors: _Vectors, threshold: float) -> list[Pair]:
    sentences = analysis.sentences
    pairs: list[Pair] = []
    for i, sentence in enumerate(sentences):
        candidates = {
            j
            for feature in vectors.weights[i]
            for j in vectors.postings.get(feature, ())
            if j > i and sentences[j].document != sentence.document
        }
        for j in candidates:
            score = vectors.similarity(i, j)
            if score >= threshold:
                pairs.append((score, i, j))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    return pairs


def align(analysis: Analysis, threshold: float = MIN_SIMILARITY) -> list[ClaimGroup]:
    """Every sentence lands in exactly one group; a sentence no other report matches is alone."""
    sentences = analysis.sentences
    vectors = _Vectors.of(analysis)
    group_of = list(range(len(sentences)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
    scores: dict[int, list[float]] = {i: [] for i in range(len(sentences))}

    for score, i, j in _similar_pairs(analysis, vectors, threshold):
        a, b = group_of[i], group_of[j]
        if a == b:
            continue
        documents_a = {sentences[k].document for k in members[a]}
        if any(sentences[k].document in documents_a for k in members[b]):
            continue
        # Average linkage: a chain of pairwise matches must not join different facts.
        cross = [vectors.similarity(x, y) for x in members[a] for y in members[b]]
        if sum(cross) / len(cross) < threshold:
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for k in members[b]:
            group_of[k] = a
        members[a].extend(members.pop(b))
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
