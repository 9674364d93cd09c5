"""Content selection: which facts, in which of their versions, fill the word budget best.

What a summary of news should carry is what the reports agree is the story:

- words many reports use, and the words of their titles (a title states the core event), weigh
  most: a content word weighs the square of the number of reports using it (a title counting
  TITLE_WEIGHT more);
- a fact several reports carry, and a fact the reports put first, is worth more than its words
  (`Option.prior`): news puts the core fact in the lead, which is why the reports' leads alone
  make a strong summary;
- a word already in the summary is worth nothing the second time, and a version that brings
  less than MIN_NEW of new specific content is not taken: no fact told twice. A fact (a claim
  group) is a word of its own (`fact_term`): another fact is worth more than another telling
  of one already told, however many of the story's common words that telling repeats;
- every loaded word left in a version costs a share of its value (LOADED_FACTOR), and every
  word a little (LENGTH_POWER): the same content in fewer words leaves room for another fact;
- at most MAX_TITLES of the reports' titles (facts numbered below zero) are taken: headlines
  retell one event, and more of them read as a stack of headlines;
- without `retell` (a length the tool chose), no version retelling a chosen one is taken
  (TOLD_SHARE of either's words: a headline and its lead), each fact told once in its richest
  telling that fits (`_richer`); with it (a length the reader asked for, as the evals compare),
  the budget is filled, as the references do (NeuS at 50 words loses 0.9 R-Lsum without it).

Each fact comes in several versions (its sentence and the sentence's compressions). Selection is
greedy by value per word (the budgeted maximum-coverage greedy of Khuller, Moss & Naor 1999),
started from nothing and from each of the most valuable versions, then improved by local moves
(another version of a chosen fact, a shorter one to make room for a new fact, a new fact, a
swap) while the value grows within the budget. Room still left goes to longer tellings: where
retelling is not allowed, a chosen version gives way to a longer one that retells it (a lead for
its headline); then to longer versions of the chosen wordings (what a compression left out, put
back while it fits, never adding a loaded word). A version is taken only when `accept` says so
(the faithfulness judge, for edited sentences).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarize.text.tokens import term_overlap

# Greedy selection starts from each of this many most valuable versions, and from nothing.
STARTS = 8
# Local search moves to one of this many most valuable versions per word (measured on the
# seeds: the same summary as with every version at 11 of 12 budgets from 80 to 300 words, in
# half the time).
MOVE_POOL = 60
# Selection weighs only this many of the most valuable versions per word.
MAX_OPTIONS = 300
# A title's word counts this much more than a report's word.
TITLE_WEIGHT = 0.5
# How much a fact's support and lead position multiply the value of its words.
PRIOR_WEIGHT = 1.0
# Each loaded word left in a version multiplies its value by this.
LOADED_FACTOR = 0.5
# A version must bring at least this share of specific content that the summary lacks.
MIN_NEW = 0.5
# A version's value is divided by its length to this power: of two versions telling as much,
# the shorter is worth more, which leaves room for another fact.
LENGTH_POWER = 0.15
# A version tells what another does when it holds this share of the other's content words, or
# the other this share of its words (measured: 0.65 to 0.75 give about the same NeuS ROUGE; from
# 0.6 down, sentences that only share a topic count, and the seeds' 120-word brief loses a fact).
TOLD_SHARE = 0.7
# A summary holds at most this many of the reports' titles: outlets' headlines of one event each
# retell it, and a third reads as a stack of headlines (NeuS at 50 and 75 words: ROUGE rose
# with it at both, and fell at 50 words with one).
MAX_TITLES = 2


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


class _Objective:
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


class _Chosen:
    """What a choice of versions already holds, for `usable`: asked about every version of the
    pool for each choice the search weighs."""

    __slots__ = ("blocked", "covered", "groups", "options", "titles", "wordings", "words")

    def __init__(self, options: Sequence[Option], objective: _Objective) -> None:
        self.options = list(options)
        self.wordings = {option.wording for option in options}
        self.groups = {option.group for option in options}
        self.titles = sum(1 for group in self.groups if group < 0)  # titles are facts < 0
        self.blocked = {group for option in options for group in option.blocks}
        self.covered = objective.covered_by(options)
        self.words = sum(option.words for option in options)


def select(
    options: Sequence[Option],
    weights: dict[str, float],
    specific: dict[str, float],
    budget: int,
    accept: Callable[[Option], bool],
    retell: bool = True,
) -> list[Option]:
    """The versions to print, at most `budget` words together. `weights` from `term_weights`,
    `specific` from `specificity`; `retell` False: none retelling another (module docstring)."""
    if not options:
        return []
    objective = _Objective(weights, specific)
    # A story of hundreds of reports gives thousands of versions; the summary's few facts are
    # among the most valuable per word, and every step below grows with their number.
    options = sorted(options, key=lambda o: -objective.gain(o, 0) / o.words)[:MAX_OPTIONS]
    verdicts: dict[int, bool] = {}
    retold = _Retellings()

    def usable(option: Option, chosen: _Chosen, room: int) -> bool:
        if option.words > room or not verdicts.get(id(option), True):
            return False
        if option.wording in chosen.wordings or option.group in chosen.blocked:
            return False
        if not option.blocks.isdisjoint(chosen.groups):
            return False
        if option.group < 0 and chosen.titles >= MAX_TITLES:
            return False
        if not retell and retold.of(option, chosen.options):
            return False
        return objective.new_share(option, chosen.covered) >= MIN_NEW

    def accepted(option: Option) -> bool:
        if id(option) not in verdicts:
            verdicts[id(option)] = accept(option)
        return verdicts[id(option)]

    def greedy(start: list[Option], candidates: list[Option]) -> list[Option]:
        """`candidates`: the versions usable by a part of `start` (see `opening`)."""
        chosen = _Chosen(start, objective)
        while True:
            room = budget - chosen.words
            candidates = [o for o in candidates if usable(o, chosen, room)]
            if not candidates:
                return chosen.options
            covered = chosen.covered
            best = max(candidates, key=lambda o: objective.gain(o, covered) / o.words)
            if objective.gain(best, covered) <= 0:
                return chosen.options
            if accepted(best):
                chosen = _Chosen([*chosen.options, best], objective)

    # A version a choice cannot take, a larger choice cannot take either (less room, more
    # wordings, facts and titles taken, more terms covered: specificities are never negative,
    # so its new share only falls; a verdict once refused stays so). The search filters the
    # versions the smaller choice could take, not every version, and keeps their order.
    opening = [o for o in options if usable(o, _Chosen([], objective), budget)]
    firsts = sorted(opening, key=lambda o: -objective.gain(o, 0))[:STARTS]
    starts = [[], *([o] for o in firsts if accepted(o))]
    versions: dict[int, list[Option]] = {}
    for option in options:
        versions.setdefault(option.wording, []).append(option)
    # New facts come from the most valuable versions per word only (`options` is sorted so):
    # a long story has hundreds, and a move to one of the weakest never pays.
    pool = options[:MOVE_POOL]
    results = [
        _improve(greedy(start, opening), pool, versions, objective, budget, usable, accepted)
        for start in starts
    ]
    best = max(results, key=objective.value)
    if not retell:
        # the room a richer telling leaves (it told two headlines in one) goes to new facts
        best = greedy(_richer(best, options, budget, usable, accepted, objective, retold), opening)
    return _fill(best, options, budget, accepted)


class _Retellings:
    """Which versions retell which (TOLD_SHARE), each pair measured once: the search asks about
    every version of the pool against each choice it weighs."""

    def __init__(self) -> None:
        self._pairs: dict[tuple[int, int], bool] = {}

    def of(self, option: Option, chosen: Sequence[Option]) -> list[Option]:
        """The chosen versions `option` retells, or that retell it."""
        return [other for other in chosen if self._retell(option, other)]

    def _retell(self, a: Option, b: Option) -> bool:
        key = (id(a), id(b))
        if key not in self._pairs:
            self._pairs[key] = term_overlap(a.said, b.said) >= TOLD_SHARE
        return self._pairs[key]


def _richer(
    chosen: list[Option],
    options: Sequence[Option],
    budget: int,
    usable: Callable[[Option, _Chosen, int], bool],
    accept: Callable[[Option], bool],
    objective: _Objective,
    retold: _Retellings,
) -> list[Option]:
    """Each fact in its richest telling that fits: a chosen version gives way, with every other
    chosen one it retells, to a longer version that retells them (a lead for the headline it
    tells in full: selection per word takes the short headline first, and the lead then only
    retells it), the longest first, while it fits and may be taken with the rest."""
    chosen = list(chosen)
    for candidate in sorted(options, key=lambda o: -o.words):
        told = retold.of(candidate, chosen)
        if not told or candidate.words <= max(option.words for option in told):
            continue
        rest = [option for option in chosen if all(option is not t for t in told)]
        kept = _Chosen(rest, objective)
        if usable(candidate, kept, budget - kept.words) and accept(candidate):
            chosen = [*rest, candidate]
    return chosen


def _fill(
    chosen: list[Option], options: Sequence[Option], budget: int, accept: Callable[[Option], bool]
) -> list[Option]:
    """The room left, given to the longer versions of the chosen wordings: what a shortened
    version left out, put back while it fits."""
    chosen = list(chosen)
    for index, option in sorted(enumerate(chosen), key=lambda item: -item[1].words):
        room = budget - sum(o.words for o in chosen)
        longer = [
            o
            for o in options
            if o.wording == option.wording
            and option.words < o.words <= option.words + room
            and o.loaded <= option.loaded
        ]
        for candidate in sorted(longer, key=lambda o: -o.words):
            if accept(candidate):
                chosen[index] = candidate
                break
    return chosen


def _improve(
    chosen: list[Option],
    pool: Sequence[Option],
    versions: dict[int, list[Option]],
    objective: _Objective,
    budget: int,
    usable: Callable[[Option, _Chosen, int], bool],
    accepted: Callable[[Option], bool],
) -> list[Option]:
    """Local search from a greedy choice while the summary gains value within the budget:
    another version of a chosen wording (longer, or shorter to make room for a new fact), a new
    fact (from `pool`), or a chosen fact swapped for another.

    Each move's value is the value of what it keeps plus the gain of what it adds (the sum
    `_Objective.value` makes, without adding up the kept versions again for every move)."""
    while True:
        state = _Chosen(chosen, objective)
        current = objective.value(chosen)
        room = budget - state.words
        # Each move: (its value, what it keeps, what it adds). Its change is `value - current`,
        # not the gain alone: the same float operations as `objective.value(keep + add) - current`,
        # so near-ties break as they always did.
        moves: list[tuple[float, list[Option], tuple[Option, ...]]] = []
        for option in pool:
            if usable(option, state, room):
                moves.append((current + objective.gain(option, state.covered), chosen, (option,)))
        for index, option in enumerate(chosen):
            others = chosen[:index] + chosen[index + 1 :]
            rest = _Chosen(others, objective)
            kept_value = objective.value(others)
            room = budget - state.words + option.words
            same = [
                o for o in versions[option.wording] if o is not option and usable(o, rest, room)
            ]
            facts = [o for o in pool if o.wording != option.wording and usable(o, rest, room)]
            for replacement in same:
                swapped = kept_value + objective.gain(replacement, rest.covered)
                moves.append((swapped, others, (replacement,)))
                # A shorter version of this wording, to make room for the best new fact: one of
                # `facts`, as what a larger choice can take the smaller one can (`select`).
                kept = _Chosen([*others, replacement], objective)
                fits = [o for o in facts if usable(o, kept, room - replacement.words)]
                if fits:
                    new = max(fits, key=lambda o: objective.gain(o, 0))
                    value = swapped + objective.gain(new, kept.covered)
                    moves.append((value, others, (replacement, new)))
            for replacement in facts:
                swapped = kept_value + objective.gain(replacement, rest.covered)
                moves.append((swapped, others, (replacement,)))
        improving = [(v - current, keep, add) for v, keep, add in moves if v - current > 1e-9]
        if not improving:
            return chosen
        _, keep, add = max(improving, key=lambda move: move[0])
        added = [option for option in add if all(option is not c for c in chosen)]
        if all(accepted(option) for option in added):
            chosen = [*keep, *add]
