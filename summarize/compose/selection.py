"""Content selection: which facts, in which of their versions, fill the word budget best, by
their worth (`worth`: shared words, titles, lead position, loaded words and length).

- a version that brings less than MIN_NEW of new specific content is not taken: no fact told
  twice;
- at most MAX_TITLES of the reports' titles (facts numbered below zero) are taken: headlines
  retell one event, and more of them read as a stack of headlines;
- without `fill` (a length the tool chose), each fact is told once, in prose: no title is taken
  while a report's sentence can be (a headline tells its lead's fact in headline grammar), no
  second report's wording of a fact told (its claim group), no version retelling a chosen one
  (TOLD_SHARE of either's words, LEADS_TOLD between two reports' leads, which tell one core
  event in their own words), each fact in its richest telling that fits (`_richer`); with it (a
  length the reader asked for, as the evals compare), the budget is filled, as the references
  do (NeuS at 50 words loses 0.9 R-Lsum without retelling, and ROUGE rises with titles): room no
  version bringing MIN_NEW fits goes to one bringing anything new (`_top_up`).

Each fact comes in several versions (its sentence and the sentence's compressions). Selection is
greedy by value per word (the budgeted maximum-coverage greedy of Khuller, Moss & Naor 1999),
started from nothing and from each of the most valuable versions, then improved by local moves
(another version of a chosen fact, a shorter one to make room for a new fact, a new fact, a
swap) while the value grows within the budget. Room still left goes to longer tellings: where
retelling is not allowed, a chosen version gives way to a longer one that retells it (a lead for
its headline); where it is, to the most valuable version that fits and brings anything new (a
lead beside the headline it tells in full); then to longer versions of the chosen wordings (what
a compression left out, put back while it fits); these two never add a loaded word. A version is
taken only when `accept` says so (the faithfulness judge, for edited sentences).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence

from summarize.compose.worth import Objective, Option
from summarize.text.tokens import term_overlap

# Greedy selection starts from each of this many most valuable versions, and from nothing.
STARTS = 8
# Local search moves to one of this many most valuable versions per word (measured on the
# seeds: the same summary as with every version at 11 of 12 budgets from 80 to 300 words, in
# half the time).
MOVE_POOL = 60
# Selection weighs only this many of the most valuable versions per word.
MAX_OPTIONS = 300
# A version must bring at least this share of specific content that the summary lacks.
MIN_NEW = 0.5
# A version tells what another does when it holds this share of the other's content words, or
# the other this share of its words (measured: 0.65 to 0.75 give about the same NeuS ROUGE; from
# 0.6 down, sentences that only share a topic count, and the seeds' 120-word brief loses a fact).
TOLD_SHARE = 0.7
# Two reports' leads (first sentences) each tell the story's core event: one retells the other
# from this share of shared words (editors flagged the later of two default-summary leads sharing
# half their words as retelling it in 53 of 69 cases; read blind, summaries telling the event
# once were preferred 28 to 10, evals/data/summary_ab/stop47). Any sentence against a lead, or
# 0.4 between leads, were measured and left out (stop47/one_lead, stop47/leads_04): a long
# sentence holds half a short lead's words without telling its claim.
LEADS_TOLD = 0.5
# A summary holds at most this many of the reports' titles: outlets' headlines of one event each
# retell it, and a third reads as a stack of headlines (NeuS at 50 and 75 words: ROUGE rose
# with it at both, and fell at 50 words with one).
MAX_TITLES = 2


class _Chosen:
    """What a choice of versions already holds, for `usable`: asked about every version of the
    pool for each choice the search weighs."""

    __slots__ = ("blocked", "covered", "groups", "options", "titles", "wordings", "words")

    def __init__(self, options: Sequence[Option], objective: Objective) -> None:
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
    fill: bool = True,
) -> list[Option]:
    """The versions to print, at most `budget` words together. `weights` from `term_weights`,
    `specific` from `specificity`; `fill` False: each fact once, in prose (module docstring)."""
    if not fill:
        # Read blind, summaries without the reports' headlines were preferred 25 to 13, more
        # readable 30 to 4 and less redundant 26 to 2 (evals/data/summary_ab/stop46).
        options = [option for option in options if option.group >= 0] or options
    if not options:
        return []
    objective = Objective(weights, specific)
    # A story of hundreds of reports gives thousands of versions; the summary's few facts are
    # among the most valuable per word, and every step below grows with their number.
    options = sorted(options, key=lambda o: -objective.gain(o, 0) / o.words)[:MAX_OPTIONS]
    verdicts: dict[int, bool] = {}
    retold = _Retellings()

    def usable(option: Option, chosen: _Chosen, room: int) -> bool:
        if option.words > room or not verdicts.get(id(option), True):
            return False
        if option.wording in chosen.wordings or not _can_join(option, chosen):
            return False
        if not fill and option.group in chosen.groups:
            return False  # each fact once: another report's wording of it retells it
        if objective.new_share(option, chosen.covered) < MIN_NEW:
            return False
        return fill or not retold.any_of(option, chosen.options)

    def accepted(option: Option) -> bool:
        if id(option) not in verdicts:
            verdicts[id(option)] = accept(option)
        return verdicts[id(option)]

    def greedy(start: list[Option], candidates: list[Option]) -> list[Option]:
        """`candidates`: the versions usable by a part of `start` (see `opening`). Lazy
        (Minoux 1978): a version's gain per word only falls as the summary grows (no weight is
        negative), so the one it had when last measured bounds it; only the head of the queue
        is measured again, and only the best is asked whether it may be taken. The same choice
        as measuring all each time: the best, the first in `candidates` of equals."""
        chosen = _Chosen(start, objective)
        taken = 0  # versions added: a queued measure is current when made after as many

        def per_word(option: Option) -> float:
            return objective.gain(option, chosen.covered) / option.words

        queue = [(-per_word(option), index, taken) for index, option in enumerate(candidates)]
        heapq.heapify(queue)
        while queue:
            _, index, measured = queue[0]
            best = candidates[index]
            if measured != taken:
                heapq.heapreplace(queue, (-per_word(best), index, taken))
                continue
            heapq.heappop(queue)
            if not usable(best, chosen, budget - chosen.words):
                continue  # nor later (see `opening`)
            if objective.gain(best, chosen.covered) <= 0:
                break
            if accepted(best):
                chosen = _Chosen([*chosen.options, best], objective)
                taken += 1
        return chosen.options

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
    # Starts often lead greedy to the same choice, and the search from it ends the same.
    improved: dict[tuple[int, ...], list[Option]] = {}
    for start in starts:
        found = greedy(start, opening)
        key = tuple(id(option) for option in found)
        if key not in improved:
            improved[key] = _improve(found, pool, versions, objective, budget, usable, accepted)
    best = max(improved.values(), key=objective.value)
    if not fill:
        # the room a richer telling leaves (it told two headlines in one) goes to new facts
        best = greedy(_richer(best, options, budget, usable, accepted, objective, retold), opening)
    if fill:
        best = _top_up(best, options, budget, accepted, objective)
    return _fill(best, options, budget, accepted)


class _Retellings:
    """Which versions retell which (TOLD_SHARE; LEADS_TOLD for two leads), each pair measured
    once: the search asks about every version of the pool against each choice it weighs."""

    def __init__(self) -> None:
        self._pairs: dict[tuple[int, int], bool] = {}

    def of(self, option: Option, chosen: Sequence[Option]) -> list[Option]:
        """The chosen versions `option` retells, or that retell it."""
        return [other for other in chosen if self._retell(option, other)]

    def any_of(self, option: Option, chosen: Sequence[Option]) -> bool:
        """Whether `option` retells a chosen version or one retells it, asking up to the first:
        `usable` asks this of every version of the pool."""
        return any(self._retell(option, other) for other in chosen)

    def _retell(self, a: Option, b: Option) -> bool:
        key = (id(a), id(b))
        if key not in self._pairs:
            told = LEADS_TOLD if a.lead and b.lead else TOLD_SHARE
            self._pairs[key] = term_overlap(a.said, b.said) >= told
        return self._pairs[key]


def _richer(
    chosen: list[Option],
    options: Sequence[Option],
    budget: int,
    usable: Callable[[Option, _Chosen, int], bool],
    accept: Callable[[Option], bool],
    objective: Objective,
    retold: _Retellings,
) -> list[Option]:
    """Each fact in its richest telling that fits: a chosen version gives way, with every other
    chosen one it retells, to a longer version that retells them (a lead for the headline it
    tells in full: selection per word takes the short headline first, and the lead then only
    retells it), the longest first, while it fits, may be taken with the rest and is worth as
    much (not a superseded report's lead for the one that moved its figure)."""
    chosen = list(chosen)
    for candidate in sorted(options, key=lambda o: -o.words):
        told = retold.of(candidate, chosen)
        if not told or candidate.words <= max(option.words for option in told):
            continue
        rest = [option for option in chosen if all(option is not t for t in told)]
        kept = _Chosen(rest, objective)
        if (
            usable(candidate, kept, budget - kept.words)
            # rounded: a sum over a set of words differs in its last digits with the set's order
            and round(objective.value([*rest, candidate]), 6) >= round(objective.value(chosen), 6)
            and accept(candidate)
        ):
            chosen = [*rest, candidate]
    return chosen


def _can_join(option: Option, chosen: _Chosen) -> bool:
    """The chosen versions leave room for this one in kind: it tells no fact they block, none of
    theirs again (in its other facts), and no title past MAX_TITLES."""
    return (
        option.group not in chosen.blocked
        and option.blocks.isdisjoint(chosen.groups)
        and not (option.group < 0 and chosen.titles >= MAX_TITLES)
    )


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


def _top_up(
    chosen: list[Option],
    options: Sequence[Option],
    budget: int,
    accept: Callable[[Option], bool],
    objective: Objective,
) -> list[Option]:
    """The room no version bringing MIN_NEW of new content fits, given to the most valuable
    version of another fact that fits, tells anything the summary does not and adds no loaded
    word (a lead next to the headline it tells in full, a headline next to its lead): the
    reader asked for this length, and the human references retell their headline too. MIN_NEW
    keeps the search from spending words on a retelling while a new fact fits; once none fits,
    the room is only lost (NeuS: 3 summaries take one at 50 words, budget used 89.8% -> 90.1%,
    R-1/R-2/R-Lsum +0.05/+0.03/+0.05; 7 at 75 words, 90.3% -> 90.7%, +0.05/+0.04/+0.07)."""
    chosen = list(chosen)
    while True:
        state = _Chosen(chosen, objective)
        room = budget - state.words
        fitting = [
            option
            for option in options
            if option.words <= room
            and option.group not in state.groups
            and _can_join(option, state)
            and objective.new_share(option, state.covered) > 0
            and option.loaded == 0
        ]
        fitting.sort(key=lambda option: -objective.gain(option, state.covered))
        taken = next((option for option in fitting if accept(option)), None)
        if taken is None:
            return chosen
        chosen.append(taken)


def _improve(
    chosen: list[Option],
    pool: Sequence[Option],
    versions: dict[int, list[Option]],
    objective: Objective,
    budget: int,
    usable: Callable[[Option, _Chosen, int], bool],
    accepted: Callable[[Option], bool],
) -> list[Option]:
    """Local search from a greedy choice while the summary gains value within the budget:
    another version of a chosen wording (longer, or shorter to make room for a new fact), a new
    fact (from `pool`), or a chosen fact swapped for another.

    Each move's value is the value of what it keeps plus the gain of what it adds (the sum
    `Objective.value` makes, without adding up the kept versions again for every move)."""
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
