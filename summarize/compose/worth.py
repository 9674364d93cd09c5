"""What the versions of a summary's facts are worth, given what the summary already tells.

What a summary of news should carry is what the reports agree is the story:

- words many reports use, and the words of their titles (a title states the core event), weigh
  most: a content word weighs the square of the number of reports using it (a title counting
  TITLE_WEIGHT more);
- a fact several reports carry, and a fact the reports put first, is worth more than its words
  (`Option.prior`): news puts the core fact in the lead, which is why the reports' leads alone
  make a strong summary;
- a word already in the summary is worth nothing the second time. A fact (a claim group) is a
  word of its own (`fact_term`): another fact is worth more than another telling of one already
  told, however many of the story's common words that telling repeats;
- every loaded word left in a version costs a share of its value (LOADED_FACTOR), and every
  word a little (LENGTH_POWER): the same content in fewer words leaves room for another fact.

`selection` searches for the versions worth most within the budget.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# A title's word counts this much more than a report's word.
TITLE_WEIGHT = 0.5
# How much a fact's support and lead position multiply the value of its words.
PRIOR_WEIGHT = 1.0
# Each loaded word left in a version multiplies its value by this.
LOADED_FACTOR = 0.5
# A version's value is divided by its length to this power: of two versions telling as much,
# the shorter is worth more, which leaves room for another fact.
LENGTH_POWER = 0.15


@dataclass
class Option:
    """One version of one wording of a fact: its length, content words and worth."""

    wording: int  # one version of each wording at most
    group: int  # the fact (claim group) it tells
    blocks: frozenset[int]  # other facts it tells too (`candidates`: never told again)
    words: int
    terms: frozenset[str]
    prior: float  # 0..~4: support, lead position, dates
    said: frozenset[str] = frozenset()  # its content words (stems), without the facts' terms
    loaded: int = 0  # loaded words left in it
    lead: bool = False  # a report's first sentence
    payload: object = None


def fact_term(group: int) -> str:
    """A pseudo-term standing for a fact (claim group): told once, worth nothing the second
    time, like a word."""
    return f"\0fact{group}"


def term_weights(reports: Sequence[tuple[set[str], set[str]]]) -> dict[str, float]:
    """Weight of each content word from each report's (title terms, body terms)."""
    counts: dict[str, float] = {}
    for title, body in reports:
        for term in title | body:
            counts[term] = counts.get(term, 0.0) + 1.0
        for term in title:
            counts[term] += TITLE_WEIGHT
    return {term: count**2 for term, count in counts.items()}


def specificity(sentences: Sequence[set[str]]) -> dict[str, float]:
    """How much a word tells one sentence from the others (its inverse sentence frequency):
    the story's own words ("Hama", "insurgents"), in nearly every sentence, tell little."""
    frequency: dict[str, int] = {}
    for terms in sentences:
        for term in terms:
            frequency[term] = frequency.get(term, 0) + 1
    total = len(sentences) + 1
    return {term: math.log(total / count) for term, count in frequency.items()}


class Objective:
    """The value of versions given what the summary already covers. Each version's terms are
    weighed once (selection asks about the same versions tens of thousands of times), and what
    is covered is a bit mask of terms: a version's gain and new share depend only on which of
    its own terms are covered, so each is summed once for each such set."""

    def __init__(self, weights: dict[str, float], specific: dict[str, float]) -> None:
        self.weights, self.specific = weights, specific
        self._bits: dict[str, int] = {}  # term -> its bit in the masks of covered terms
        # id(option) -> ((bit, weight, specificity) of each term, value factor, specificity
        # of all its terms, value when nothing is covered, mask of its terms)
        self._weighed: dict[
            int, tuple[tuple[tuple[int, float, float], ...], float, float, float, int]
        ] = {}
        # (id(option), mask of its covered terms) -> its gain, its new share
        self._gains: dict[tuple[int, int], float] = {}
        self._shares: dict[tuple[int, int], float] = {}

    def covered_by(self, options: Sequence[Option]) -> int:
        """The mask of the terms of `options`."""
        covered = 0
        for option in options:
            covered |= self._terms(option)[4]
        return covered

    def _mask(self, terms: frozenset[str]) -> int:
        mask = 0
        for term in terms:
            bit = self._bits.get(term)
            if bit is None:
                bit = self._bits[term] = 1 << len(self._bits)
            mask |= bit
        return mask

    def _terms(
        self, option: Option
    ) -> tuple[tuple[tuple[int, float, float], ...], float, float, float, int]:
        key = id(option)
        weighed = self._weighed.get(key)
        if weighed is None:
            mask = self._mask(option.terms)
            # Sorted: float sums in a set's order would change with PYTHONHASHSEED, and with
            # them which of two near-equal choices wins.
            terms = tuple(
                (self._bits[term], self.weights.get(term, 0.0), self.specific.get(term, 1.0))
                for term in sorted(option.terms)
            )
            discount = math.pow(LOADED_FACTOR, option.loaded) / math.pow(option.words, LENGTH_POWER)
            factor = (1.0 + PRIOR_WEIGHT * option.prior) * discount
            every = sum(specific for _, _, specific in terms)
            alone = sum(weight for _, weight, _ in terms) * factor
            weighed = self._weighed[key] = (terms, factor, every, alone, mask)
        return weighed

    def gain(self, option: Option, covered: int) -> float:
        terms, factor, _, alone, mask = self._terms(option)
        if not mask & covered:
            return alone
        key = (id(option), mask & covered)
        gain = self._gains.get(key)
        if gain is None:
            gain = sum(weight for bit, weight, _ in terms if not bit & covered) * factor
            self._gains[key] = gain
        return gain

    def value(self, chosen: Sequence[Option]) -> float:
        covered = 0
        total = 0.0
        for option in chosen:
            total += self.gain(option, covered)
            covered |= self._terms(option)[4]
        return total

    def new_share(self, option: Option, covered: int) -> float:
        terms, _, every, _, mask = self._terms(option)
        if every <= 0:
            return 0.0
        if not mask & covered:
            return 1.0  # the same sum, divided by itself
        key = (id(option), mask & covered)
        share = self._shares.get(key)
        if share is None:
            fresh = sum(specific for bit, _, specific in terms if not bit & covered)
            share = self._shares[key] = fresh / every
        return share
