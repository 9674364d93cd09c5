"""The judge's checks of one claim against its evidence: numbers, names, negation, opposites
and swapped nouns. Each returns the problems it finds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from summarize.analyze.doubt import cause_undetermined
from summarize.analyze.links import cause_told
from summarize.analyze.nouns import kind_of_either, noun_senses
from summarize.analyze.quantities import (
    comparable,
    find_quantities,
    is_bound,
    overlaps,
    same_figure,
)
from summarize.judge.lexicon import NEGATING_PREFIXES, classes, content_sequence, opposites
from summarize.judge.names import claim_names, derived
from summarize.judge.sources import YEAR, Sources, calendar_names
from summarize.judge.wording import Wording
from summarize.models import Quantity
from summarize.text.quotes import QUOTED
from summarize.text.spans import in_spans
from summarize.text.tokens import STOPWORDS

Label = Literal["supported", "unsupported", "contradicted"]
# A number standing alone; one joined to a word by a hyphen names something ("COVID-19").
_NUMBER = re.compile(r"(?<![\w.,-])\d+(?:[.,]\d+)*(?![\w.,-]?\w)")


@dataclass(frozen=True)
class Problem:
    label: Label
    reason: str


def check_quantities(claim: str, sources: Sources, aligned: list[int]) -> list[Problem]:
    """Values must match; what is counted may be worded differently ("seven people" is backed
    by "killed seven"), so matching looks at the value and its dimension only."""
    problems = []
    nearby = [q for i in aligned for q in sources.quantities[i]]
    everywhere = [q for found in sources.quantities for q in found]
    claimed = _quantities(claim)
    for quantity in claimed:
        if any(_backs(q, quantity) for q in nearby):
            continue
        rivals = [
            q
            for q in nearby
            if comparable(quantity, q) and not any(overlaps(q, other) for other in claimed)
        ]
        if rivals:
            problems.append(
                Problem("contradicted", f'"{quantity.text}" but the source says "{rivals[0].text}"')
            )
        elif not any(_backs(q, quantity) for q in everywhere):
            problems.append(Problem("unsupported", f'"{quantity.text}" is not in the sources'))
    spans = [(q.start, q.end) for q in claimed]
    for number in _NUMBER.finditer(claim):
        inside = in_spans(number.start(), spans)
        written = number.group().replace(",", "")
        if not inside and not YEAR.fullmatch(written) and written not in sources.frequency:
            problems.append(Problem("unsupported", f'"{number.group()}" is not in the sources'))
    for year in YEAR.findall(claim):
        if year not in sources.years:
            problems.append(Problem("unsupported", f"the year {year} is not in the sources"))
    for day in calendar_names(claim) - sources.calendar_names:
        problems.append(Problem("unsupported", f'"{day}" is not in the sources'))
    return problems


def _backs(source: Quantity, claimed: Quantity) -> bool:
    """The source's wording gives the claimed value: some value fits both, and where either is
    a bound it names about the other's number: "killing at least nine" fits "26" without saying
    it, and "about 300 workers" is no "at least 26 workers". A bound backs a weaker one of its
    own ("at least nine" gives "at least five")."""
    if not overlaps(source, claimed):
        return False
    if not is_bound(source) and not is_bound(claimed):
        return True
    weaker = claimed.low <= source.low and claimed.high >= source.high
    return (is_bound(source) and weaker) or same_figure(source, claimed)


@lru_cache(maxsize=50_000)
def _quantities(claim: str) -> tuple[Quantity, ...]:
    """The claim's quantities (read only: the composer judges one version of a sentence against
    several sets of reports)."""
    return tuple(find_quantities(claim))


# Where a quotation leaves words out ("...") or puts its own in ("[the president]").
_ELIDED = re.compile(r"\.\.\.|…|\[[^\]]*\]")


def check_causes(claim: str, best: str) -> list[Problem]:
    """A claim that the cause of something is not yet known ("too early to say why the tower
    fell") against the best evidence stating one ("collapsed because restoration work removed
    its buttresses"), or the other way round: one of them is wrong."""
    claim_tells = _cause_is_known(claim)
    if claim_tells is None:
        return []
    source_tells = _cause_is_known(best)
    if source_tells is None or claim_tells == source_tells:
        return []
    said = "states a cause" if source_tells else "says the cause is not yet known"
    return [Problem("contradicted", f"the source {said} where the claim does not")]


def _cause_is_known(text: str) -> bool | None:
    """False: the text says a cause is not yet known; True: it tells one; None: neither."""
    if cause_undetermined(text):
        return False
    return True if cause_told(text) else None


def check_quotations(claim: str, sources: Sources) -> tuple[list[Problem], list[int]]:
    """Words in quotation marks are someone's own: a report backs them only when it gives their
    content words, in their order and with none between, in a sentence or its headline (in any
    inflection: "passports" backs "passport"; a part left out, "...", may be anything). A report
    that tells the claim in other words ("she was ready for a fight") does not back "“We will win
    this fight,” she said". Also returns the source sentences that give the quotations: evidence
    the alignment by shared words may have passed over for a paraphrase."""
    problems, giving = [], []
    for quotation in QUOTED.finditer(claim):
        parts = [content_sequence(part) for part in _ELIDED.split(quotation.group()[1:-1])]
        parts = [part for part in parts if part]
        if not parts:
            continue  # only function words ("“it”"): nothing to look for
        found = sources.giving(parts)
        if found is None:
            problems.append(
                Problem("unsupported", f"the quotation {quotation.group()} is not in the sources")
            )
        elif found < len(sources.refs):
            giving.append(found)
    return problems, giving


def check_names(claim: str, sources: Sources) -> list[Problem]:
    return [
        Problem("unsupported", f'"{name}" is not named in the sources')
        for name in dict.fromkeys(claim_names(claim))
        if not sources.names.knows(name)
    ]


def check_negation(claim: Wording, evidence: Wording, sources: Sources) -> list[Problem]:
    """A negation of the claim the evidence does not share, or one of the evidence the claim
    drops. Negations are matched by the words around them, so an unrelated "not" elsewhere in
    either sentence changes nothing."""
    for negation in claim.negated:
        if not negation.words or any(negation.scope & n.scope for n in evidence.negated):
            continue
        if negation.words in sources.negations:  # another source sentence says the same "not"
            continue
        if negation.words & evidence.stems:
            return [Problem("contradicted", "the claim negates what the sources state")]
        if not evidence.negated:
            return [Problem("unsupported", "the claim negates what the sources state")]
    for negation in evidence.negated:
        words = negation.words
        # Two negated words, so that "not yet approved" elsewhere does not clash with "approval".
        if (
            len(words) == 2
            and words <= claim.stems
            and not any(negation.scope & n.scope for n in claim.negated)
        ):
            written = " ".join(evidence.surfaces.get(word, word) for word in sorted(words))
            return [Problem("contradicted", f'the sources negate "{written}"')]
    return []


def check_opposites(claim: Wording, source: Wording) -> list[Problem]:
    """Claim words the sources lack where the sources have an opposite in the same place."""
    problems = []
    closed_classes = classes()
    opposite_words = opposites()
    others = sorted(source.stems - claim.stems)
    for word in sorted(claim.stems - source.stems):
        around = claim.neighbours.get(word, frozenset())
        if not around or _agent_noun(claim.surfaces[word], word):
            continue
        for other in others:
            theirs = source.neighbours[other]
            if around.isdisjoint(theirs):
                continue
            same_place = (around & theirs) - {word, other}
            if not same_place:
                continue
            said, written = claim.surfaces[word], source.surfaces[other]
            if (
                other in opposite_words.get(word, ())
                or _negating_twins(word, other)
                or _unfolded_twins(said.lower(), written.lower())
                or closed_classes.get(word, frozenset()) & closed_classes.get(other, frozenset())
                or _swapped_names(word, claim, other, source)
            ):
                problems.append(
                    Problem("contradicted", f'"{said}" where the sources say "{written}"')
                )
    return problems


def _swapped_names(word: str, claim: Wording, other: str, source: Wording) -> bool:
    """Two different names between the same two words: "Bank of China said" where the source
    says "Bank of Japan said"."""
    if word not in claim.names or other not in source.names:
        return False
    if derived(word, other) or _abbreviates(word, other) or _abbreviates(other, word):
        return False
    return bool(claim.names[word] & source.names[other])


def _abbreviates(short: str, long: str) -> bool:
    """ "fla" for "florida", "calif" for "california": same first letter, the rest in order."""
    if len(short) >= len(long) or short[:1] != long[:1]:
        return False
    rest = iter(long[1:])
    return all(letter in rest for letter in short[1:])


def _agent_noun(written: str, word_stem: str) -> bool:
    """ "publisher" is no "publish" to oppose "hide"; "lower" and "higher" keep their stems."""
    return written.lower().removesuffix("s") in {word_stem + "er", word_stem + "or"}


def check_swapped_nouns(claim: Wording, source: Wording, sources: Sources) -> list[Problem]:
    """A noun the sources never use, between the same two words as a different noun of the
    evidence that it neither means nor names a kind of: "a loss of navigation" where the source
    says "a loss of propulsion". Paraphrases swap nouns too, but for ones WordNet relates
    ("street" for "road") or for verbs and adjectives, which are left alone."""
    problems: list[Problem] = []
    if claim.title_case:
        return problems
    for word in sorted(claim.stems - source.stems):
        said = claim.surfaces[word].lower()
        if word in sources.frequency or said in STOPWORDS:
            continue
        for other in sorted(source.stems - claim.stems):
            places = claim.slots[word] & source.slots[other]
            if not any(place[0] and place[-1] for place in places):
                continue
            written = source.surfaces[other].lower()
            if _unrelated_nouns(said, written):
                problems.append(
                    Problem("contradicted", f'"{said}" where the sources say "{written}"')
                )
    return problems


def _unfolded_twins(a: str, b: str) -> bool:
    """ "unknown"/"known" as written, since "known" is folded into "know"."""
    return a == "un" + b or b == "un" + a


def _negating_twins(a: str, b: str) -> bool:
    """ "unknown"/"known", "illegal"/"legal", "disagree"/"agree"."""
    short, long = sorted((a, b), key=len)
    return any(long == prefix + short for prefix in NEGATING_PREFIXES)


def _unrelated_nouns(said: str, written: str) -> bool:
    """`written` is only ever a noun (a verb or adjective may be paraphrased more freely),
    `said` is a noun too, and neither is the other or a kind of it (up to HYPERNYM_LEVELS), nor
    a compound of it ("smartphones" / "phones")."""
    nouns = noun_senses()
    source_lemmas, claim_lemmas = nouns.lemmas(written), nouns.lemmas(said)
    if (
        not claim_lemmas
        or written.endswith(("ing", "ed"))
        or not nouns.is_only_noun(written)
        or any(c.endswith(s) or s.endswith(c) for c in claim_lemmas for s in source_lemmas)
    ):
        return False
    return not kind_of_either(said, written)
