"""The report sentences one judgement may use, indexed for alignment with a claim."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from summarize.judge.lexicon import content_sequence, folded
from summarize.judge.names import Names
from summarize.judge.wording import read_wording
from summarize.models import Analysis, Quantity, SentenceRef
from summarize.text.calendar import CALENDAR_NAMES
from summarize.text.tokens import word_tokens

MAX_EVIDENCE = 3
# A further source sentence joins the evidence only when it adds this share of the claim's weight.
MIN_GAIN = 0.15
CANDIDATES = 10
YEAR = re.compile(r"(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![\d.,]|\w)")


@dataclass
class Sources:
    """The source sentences one judgement may use, indexed for alignment. What only some checks
    read (names, years, calendar names, negations) is worked out on first use."""

    refs: list[SentenceRef]
    texts: list[str]
    terms: list[frozenset[str]]
    quantities: list[list[Quantity]]
    postings: dict[str, list[int]]
    frequency: Counter[str]
    published: list[dt.date]  # the reports' dates
    mentions: list[str]  # the entity mentions of the sentences, as written
    titles: list[str]  # the reports' headlines

    @classmethod
    def of(cls, analysis: Analysis, documents: Sequence[str] | None) -> Sources:
        wanted = set(documents) if documents is not None else None
        items = [s for s in analysis.sentences if wanted is None or s.document in wanted]
        terms = [frozenset(folded(term) for term in item.terms) for item in items]
        postings: dict[str, list[int]] = defaultdict(list)
        for index, found in enumerate(terms):
            for term in found:
                postings[term].append(index)
        return cls(
            refs=[SentenceRef(document=s.document, sentence=s.sentence) for s in items],
            texts=[analysis.sentence(item).text for item in items],
            terms=terms,
            quantities=[item.quantities for item in items],
            postings=postings,
            frequency=Counter(term for found in terms for term in found),
            published=[
                d.published
                for d in analysis.documents
                if d.published and (wanted is None or d.id in wanted)
            ],
            mentions=[m.text for item in items for m in item.entities],
            titles=[
                d.title
                for d in analysis.documents
                if d.title and (wanted is None or d.id in wanted)
            ],
        )

    @cached_property
    def names(self) -> Names:
        return Names.of(self.texts, self.mentions)

    @cached_property
    def years(self) -> frozenset[str]:
        # A report's date backs "in 2019" as much as its text does.
        return frozenset(year for text in self.texts for year in YEAR.findall(text)) | {
            str(day.year) for day in self.published
        }

    @cached_property
    def calendar_names(self) -> frozenset[str]:
        # A report's date backs "On December 3" as much as its text does.
        return (
            frozenset().union(*(calendar_names(text) for text in self.texts))
            | {f"{day:%B}" for day in self.published}
            | {f"{day:%A}" for day in self.published}
        )

    @cached_property
    def _sequences(self) -> list[str]:
        """Each source sentence's content stems in order, then each headline's."""
        return [f" {content_sequence(text)} " for text in [*self.texts, *self.titles]]

    def giving(self, parts: list[str]) -> int | None:
        """Where the sources give every part of a quotation (each a `content_sequence`), all in
        one sentence or headline (a headline quotes its report's speaker as its text does): the
        sentence's index, or the headline's after them; None when none does."""
        return next(
            (
                index
                for index, sequence in enumerate(self._sequences)
                if all(f" {part} " in sequence for part in parts)
            ),
            None,
        )

    @cached_property
    def negations(self) -> frozenset[frozenset[str]]:
        """The words each negation in the sources applies to."""
        return frozenset(n.words for text in self.texts for n in read_wording(text).negated)

    def weight(self, term: str, without: str | None = None) -> float:
        """IDF over the source sentences (those of the report `without` left out); an unseen
        term weighs as much as the rarest."""
        texts, frequency = len(self.texts), self.frequency.get(term, 0)
        if without is not None:
            texts -= self.sentences_of[without]
            frequency -= self.frequency_of[without].get(term, 0)
        return math.log((texts + 1) / (max(frequency, 1) + 0.5))

    @cached_property
    def sentences_of(self) -> Counter[str]:
        """report -> how many of the source sentences are its."""
        return Counter(ref.document for ref in self.refs)

    @cached_property
    def frequency_of(self) -> dict[str, Counter[str]]:
        """report -> in how many of its sentences each term is."""
        found: dict[str, Counter[str]] = defaultdict(Counter)
        for ref, terms in zip(self.refs, self.terms, strict=True):
            found[ref.document].update(terms)
        return found

    def align(self, terms: frozenset[str], without: str | None = None) -> tuple[list[int], float]:
        """Up to MAX_EVIDENCE sentences covering the claim's weight best, and the share covered;
        with `without`, as if that report's sentences were not among the sources (the same
        result as an index of the others, which for each of a thousand reports would cost a
        thousand indexes)."""
        ordered = sorted(terms)  # a fixed order: float sums, and so ties, do not vary by run
        weights = {term: self.weight(term, without) for term in ordered}
        total = sum(weights.values())
        if not total:
            return [], 0.0
        shared: dict[int, float] = defaultdict(float)
        for term in ordered:
            for index in self.postings.get(term, ()):
                if without is None or self.refs[index].document != without:
                    shared[index] += weights[term]
        candidates = sorted(shared, key=lambda index: (-shared[index], index))[:CANDIDATES]
        chosen: list[int] = []
        covered: set[str] = set()
        while len(chosen) < MAX_EVIDENCE:
            gains = [
                (sum(weights[t] for t in ordered if t in self.terms[i] and t not in covered), -i)
                for i in candidates
                if i not in chosen
            ]
            gain, best = max(gains, default=(0.0, 0))
            if gain <= 0 or (chosen and gain < MIN_GAIN * total):
                break
            chosen.append(-best)
            covered |= terms & self.terms[-best]
        return chosen, sum(weights[t] for t in ordered if t in covered) / total


@lru_cache(maxsize=50_000)
def calendar_names(text: str) -> frozenset[str]:
    """Weekdays and months named in `text`, capitalised as names are ("may" is a verb), each as
    a name is written in running text ("THURSDAY" as "Thursday")."""
    return frozenset(
        token.text.capitalize()
        for token in word_tokens(text)
        if token.text[0].isupper() and token.text.lower() in CALENDAR_NAMES
    )
