"""Loaded modifiers that can go without changing what a phrase names: an adverb that only grades
("successfully") or an evaluative adjective before a noun ("a crucial vote" is a vote); an
adjective that says what a thing is ("abusive behavior") stays. The caller chooses which loaded
words to drop (the outlet's own, which no other report uses).
"""

from __future__ import annotations

import re

from summarize.analyze.doubt import doubt_spans
from summarize.analyze.nouns import noun_senses
from summarize.compose.cuts import Cut, disjoint
from summarize.text.lexicons import word_set
from summarize.text.negation import NEGATIONS
from summarize.text.tokens import STOPWORDS

# Adjectives that only grade or judge what they modify, so the phrase names the same thing
# without them ("a crucial vote" is a vote); adjectives that say what a thing is ("abusive
# behavior", "illegal entry") change the claim when dropped and are kept.
_EVALUATIVE = word_set(
    """
    amazing brutal controversial crucial devastating disastrous dramatic egregious
    embattled excellent extraordinary fiery great historic horrific horrifying huge impressive
    incredible landmark massive notorious infamous outrageous powerful ridiculous scathing
    shameful shocking so-called staggering stunning sweeping terrifying tiny unprecedented vast
    vicious disgraced bombshell explosive heroic absurd alarming blatant reckless ruthless
    """
)
# Nouns that say little without their adjective: "headed toward a disastrous result", "in
# unprecedented terms", "to a huge extent" lose their claim, or their sense, with it. So do the
# nouns of a level or a pace, whose adjective ranks it: "slashed levels to historic lows", "at a
# staggering rate", "by a huge margin". (A superlative, "its best day", picks which one: it is
# not listed as evaluative at all.)
_LIGHT_NOUNS = word_set(
    """
    result results terms way fashion manner extent degree scale turn sense
    high highs low lows level levels rate pace margin numbers amounts proportions
    """
)
# Adverbs ending in -ly that do not only grade ("only", "likely" change the claim).
_NOT_GRADING = word_set("only early family likely unlikely daily weekly monthly yearly reportedly")


# The word after a modifier, with the space or comma before it.
_FOLLOWING = re.compile(r"(,?\s+)([A-Za-z][\w’'-]*)")
# The word before an adjective, with the space after it.
_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
# Words that compare with the adjective ("the industry's most powerful figures", "more vast than"):
# a comparison picks which ones, so the adjective stays. Words that only raise it ("already
# unprecedented delays", "very controversial") go with it, or they would dangle.
_COMPARING = word_set("most more least less as")
_INTENSIFYING = word_set("very so too quite already truly really extremely highly increasingly")
# A negation this many words or fewer before a grading word, in the same clause, has it in its
# scope.
NEGATION_REACH = 4


def modifier_cuts(text: str, spans: list[tuple[int, int]]) -> list[Cut]:
    """Cuts for the loaded words among `spans` that are modifiers; others are left in place, and
    so is a word that disputes the claim ("falsely claiming"): the doubt a report casts goes
    with the claim."""
    doubts = doubt_spans(text)
    cuts = []
    for start, end in spans:
        if any(low < end and start < high for low, high in doubts) or _negated(text[:start]):
            continue
        word = text[start:end]
        lower = word.lower()
        after = text[end:]
        following = _FOLLOWING.match(after)
        if lower.endswith("ly") and lower not in _NOT_GRADING:
            gap = re.match(r",?\s+", after)
            cuts.append(Cut(start, end + (gap.end() if gap else 0), "loaded modifier"))
        elif (
            following
            and lower in _EVALUATIVE
            and _modifies(after, following)
            and following.group(2).lower() not in _LIGHT_NOUNS
        ):
            degree = _BEFORE.search(text[:start])
            word_before = degree.group(1).lower() if degree else ""
            if word_before in _COMPARING:
                continue
            article = re.search(r"\b[Tt]he\s+$", text[:start])
            begin = article.start() if article and _title_and_name(after) else start
            if degree and word_before in _INTENSIFYING:
                begin = degree.start()
            cuts.append(Cut(begin, end + len(following.group(1)), "loaded modifier"))
    return disjoint(cuts)


def _negated(before: str) -> bool:
    """A negation stands shortly before, in the same clause: what it denies is the graded claim,
    so the grading word goes with it ("not in great shape" is not "not in shape", "did not
    successfully pass" is not "did not pass")."""
    clause = re.split(r"[,;:()—–]", before)[-1]
    words = [w.replace("’", "").replace("'", "").lower() for w in clause.split()]
    return any(word in NEGATIONS for word in words[-NEGATION_REACH:])


def _title_and_name(after: str) -> bool:
    """What follows is a run of capitalised words that ends its noun phrase ("Governor Walker
    signed", "President Trump,"): a title and a name, which take no article once the adjective
    between them is gone ("the embattled Governor Walker" -> "Governor Walker"). A run that
    modifies a common noun ("the embattled Republican candidate") keeps it."""
    words = re.findall(r"[A-Za-z][\w.’'-]*|[^\sA-Za-z]", after)
    run = 0
    while run < len(words) and words[run][0].isupper():
        run += 1
    if run < 2:
        return False
    following = words[run].lower() if run < len(words) else ""
    return not (following.isalpha() and noun_senses().lemmas(following))


def modifies_next(text: str, end: int) -> bool:
    """The word ending at `end` modifies the noun phrase after it ("undocumented immigrants",
    "a crucial, unanimous vote")."""
    after = text[end:]
    following = _FOLLOWING.match(after)
    return following is not None and _modifies(after, following)


def _modifies(after: str, following: re.Match[str]) -> bool:
    """The word before `after` modifies what follows: a noun phrase ("crucial vote"), or one
    through an adjective coordinated with a comma ("a huge, unanimous blow")."""
    if not following.group(1).startswith(","):
        return _is_nominal(following.group(2))
    head = re.match(r"\s+([A-Za-z][\w’'-]*)", after[following.end() :])
    return head is not None and _is_nominal(head.group(1))


def _is_nominal(word: str) -> bool:
    """A word that can head or modify a noun phrase: a noun, a name, an adjective."""
    lower = word.lower()
    if lower in STOPWORDS:
        return False
    return word[0].isupper() or bool(noun_senses().lemmas(lower)) or lower in _EVALUATIVE
