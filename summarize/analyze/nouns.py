"""WordNet's nouns: which senses a noun has, and which senses are kinds of which.

Read from summarize/lexicons/wordnet_nouns.txt (extracted from WordNet 3.0; its licence is in
the file). The judge uses it to tell a swapped noun from a paraphrase, the checker to tell two
words for one thing ("countries" / "nations") from a change of what is counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from summarize.text.lexicons import lexicon

# Two nouns are related when one is a kind of the other within this many levels of WordNet
# ("member" -> "associate" -> "peer" -> "person"). Any of 2 to 5 scores the same on the dev half
# of SummEdits; 4 spares more paraphrases.
HYPERNYM_LEVELS = 4


@dataclass(frozen=True)
class NounSenses:
    """The noun senses of WordNet lemmas and the hypernyms of those senses.

    Kept as the file's text per entry and read as numbers only when asked: a judgement looks up
    a handful of the 116,000 entries, so parsing them all would be most of its cost.
    """

    senses: dict[str, str]  # lemma -> its synset numbers
    also_other: frozenset[str]  # lemmas that are verbs, adjectives or adverbs too
    plurals: dict[str, str]  # irregular plural -> lemma
    hypernyms: dict[str, str]  # synset number -> its hypernyms' numbers

    def lemmas(self, word: str) -> list[str]:
        """The lemmas `word` may be a form of: itself, an irregular plural's lemma, or the word
        without a plural ending ("people" is a lemma and the plural of "person")."""
        found = [word, self.plurals.get(word, "")]
        for ending, replacement in (("ies", "y"), ("es", ""), ("s", "")):
            if word.endswith(ending):
                found.append(word[: -len(ending)] + replacement)
        return [lemma for lemma in dict.fromkeys(found) if lemma in self.senses]

    def senses_of(self, lemmas: Iterable[str]) -> set[str]:
        return {sense for lemma in lemmas for sense in self.senses[lemma].split()}

    def near(self, senses: set[str]) -> set[str]:
        """The senses and their hypernyms up to HYPERNYM_LEVELS up."""
        found = set(senses)
        frontier = list(found)
        for _ in range(HYPERNYM_LEVELS):
            frontier = [h for sense in frontier for h in self.hypernyms.get(sense, "").split()]
            found.update(frontier)
        return found


@cache
def noun_senses() -> NounSenses:
    senses: dict[str, str] = {}
    plurals: dict[str, str] = {}
    hypernyms: dict[str, str] = {}
    also_other = set()
    for line in lexicon("wordnet_nouns.txt"):
        head, _, rest = line.partition(" ")
        rest = rest.strip()
        if head.startswith("@"):
            hypernyms[head[1:]] = rest
        elif rest.startswith("="):
            plurals[head] = rest[1:]
        else:
            lemma = head.rstrip("+")
            senses[lemma] = rest
            if head.endswith("+"):
                also_other.add(lemma)
    return NounSenses(senses, frozenset(also_other), plurals, hypernyms)


def synonyms(a: str, b: str) -> bool:
    """The two nouns (any number) share a WordNet sense: two words for one thing."""
    nouns = noun_senses()
    senses_a = nouns.senses_of(nouns.lemmas(a.lower()))
    return bool(senses_a & nouns.senses_of(nouns.lemmas(b.lower())))
