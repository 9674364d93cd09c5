"""Negation: one list of the words that negate what follows them (summarize/lexicons/
negations.txt, apostrophes dropped: "didn't" is "didnt"), and the narrower negation of a verb
("not", "never", "cannot", the clitic "n't"), which is what denies a statement was made ("he
never said", "did not say") or that someone spoke ("I didn't threaten")."""

from __future__ import annotations

from summarize.text.lexicons import lexicon

NEGATIONS = frozenset(lexicon("negations.txt"))
_VERB_NEGATORS = frozenset({"not", "never", "cannot"})
_CLITIC = ("n't", "n’t")
# A regular-expression fragment: a negation standing before a verb ("not", "never", "cannot",
# or "n't" at the end of an auxiliary, "didn't", where no word boundary precedes it).
VERB_NEGATION = r"(?:\b(?:not|never|cannot)|n[’']t)"


def negates_verb(word: str) -> bool:
    """`word` negates the verb after it: "not", "never", "cannot", "didn't"."""
    lowered = word.lower()
    return lowered in _VERB_NEGATORS or lowered.endswith(_CLITIC)
