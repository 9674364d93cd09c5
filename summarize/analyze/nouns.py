"""WordNet's nouns: which senses a noun has, and which senses are kinds of which.

Read from summarize/lexicons/wordnet_nouns.txt (extracted from WordNet 3.0; its licence is in
the file). The judge uses it to tell a swapped noun from a paraphrase, the checker to tell two
words for one thing ("countries" / "nations") from a change of what is counted.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Two nouns are related when one is a kind of the other within this many levels of WordNet
# ("member" -> "associate" -> "peer" -> "person"). Any of 2 to 5 scores the same on the dev half
# of SummEdits; 4 spares more paraphrases.
HYPERNYM_LEVELS = 4
# Deeper than any chain of hypernyms in WordNet's nouns: every ancestor of a sense.
WORDNET_DEPTH = 20
# English's suppletive plural: WordNet lists "people" only as a lemma of its own (a nation, a
# group), but "300 people" counts persons.
_SUPPLETIVE_PLURALS = {"people": "person"}


def _key(line: str) -> str:
    """The lemma or plural a line is about: its first word, without the "+" mark."""
    return line[: line.find(" ")].rstrip("+")


def _synset(line: str) -> int:
    return int(line[1 : line.find(" ")])


@dataclass(frozen=True)
class NounSenses:
    """The noun senses of WordNet lemmas and the hypernyms of those senses.

    The file's three sections (lemmas, irregular plurals, hypernyms) are each sorted, so an entry
    is found by bisection in the file's lines as they are: a judgement looks up a handful of the
    116,000 entries, and parsing them all would cost more than the rest of a run.
    """

    lemma_lines: list[str]  # "lemma[+] ids", sorted by lemma; "+": also a verb or adjective
    plural_lines: list[str]  # "form =lemma", sorted by form
    hypernym_lines: list[str]  # "@id ids", sorted by id

    def _lemma_line(self, word: str) -> str | None:
        at = bisect.bisect_left(self.lemma_lines, word, key=_key)
        found = at < len(self.lemma_lines) and _key(self.lemma_lines[at]) == word
        return self.lemma_lines[at] if found else None

    def _plural_of(self, word: str) -> str:
        at = bisect.bisect_left(self.plural_lines, word, key=_key)
        if at < len(self.plural_lines) and _key(self.plural_lines[at]) == word:
            return self.plural_lines[at].partition("=")[2].strip()
        return ""

    def lemmas(self, word: str) -> list[str]:
        """The lemmas `word` may be a form of: itself, an irregular plural's lemma, or the word
        without a plural ending ("people" is a lemma and the plural of "person")."""
        found = [word, self._plural_of(word), _SUPPLETIVE_PLURALS.get(word, "")]
        for ending, replacement in (("ies", "y"), ("es", ""), ("s", "")):
            if word.endswith(ending):
                found.append(word[: -len(ending)] + replacement)
        return [lemma for lemma in dict.fromkeys(found) if lemma and self._lemma_line(lemma)]

    def is_also_other(self, lemma: str) -> bool:
        """The lemma is a verb, adjective or adverb too."""
        line = self._lemma_line(lemma)
        return line is not None and line[: line.find(" ")].endswith("+")

    def is_only_noun(self, word: str) -> bool:
        """Every lemma `word` may be a form of is a noun and nothing else ("fallout", not "air")."""
        lemmas = self.lemmas(word)
        return bool(lemmas) and not any(self.is_also_other(lemma) for lemma in lemmas)

    def senses(self, word: str) -> set[str]:
        """The noun senses of a word as written, in any case and number."""
        return self.senses_of(self.lemmas(word.lower()))

    def senses_of(self, lemmas: Iterable[str]) -> set[str]:
        return {
            sense
            for lemma in lemmas
            if (line := self._lemma_line(lemma))
            for sense in line.split()[1:]
        }

    def _hypernyms(self, sense: str) -> list[str]:
        number = int(sense)
        at = bisect.bisect_left(self.hypernym_lines, number, key=_synset)
        if at < len(self.hypernym_lines) and _synset(self.hypernym_lines[at]) == number:
            return self.hypernym_lines[at].split()[1:]
        return []

    def near(self, senses: set[str], levels: int = HYPERNYM_LEVELS) -> set[str]:
        """The senses and their hypernyms up to `levels` up."""
        found = set(senses)
        frontier = list(found)
        for _ in range(levels):
            frontier = [h for sense in frontier for h in self._hypernyms(sense)]
            found.update(frontier)
        return found


@cache
def noun_senses() -> NounSenses:
    text = (
        resources.files("summarize")
        .joinpath("lexicons", "wordnet_nouns.txt")
        .read_text(encoding="utf-8")
    )
    # The licence heads the file in comment lines; then come lemmas, plurals and hypernyms.
    header = _HEADER.match(text)
    start = header.end() if header else 0
    hypernyms = text.index("\n@", start) + 1
    lines = text[start:hypernyms].splitlines()
    plurals = len(lines)
    while plurals and " =" in lines[plurals - 1]:
        plurals -= 1
    return NounSenses(lines[:plurals], lines[plurals:], text[hypernyms:].splitlines())


_HEADER = re.compile(r"(?:#[^\n]*\n|\n)*")


def kind_of_either(a: str, b: str) -> bool:
    """One noun (any number) names the other's thing or a kind of it, up to HYPERNYM_LEVELS:
    "recipients" / "people", "insurgents" / "rebels"."""
    nouns = noun_senses()
    senses_a, senses_b = nouns.senses(a), nouns.senses(b)
    return bool(senses_a & nouns.near(senses_b) or senses_b & nouns.near(senses_a))


def names_inhabitants(noun: str) -> bool:
    """The noun (any number) names people by where they live: "Americans", "residents"."""
    nouns = noun_senses()
    return bool(nouns.senses_of(["inhabitant"]) & nouns.near(nouns.senses(noun)))


@cache
def names_a_person(noun: str) -> bool:
    """The noun (any number) names a person in one of its senses, however specific ("mayor",
    "voters", "head"): a referent for "he" or "her"."""
    nouns = noun_senses()
    return bool(nouns.senses_of(["person"]) & nouns.near(nouns.senses(noun), WORDNET_DEPTH))


def synonyms(a: str, b: str) -> bool:
    """The two nouns (any number) share a WordNet sense: two words for one thing."""
    nouns = noun_senses()
    return bool(nouns.senses(a) & nouns.senses(b))
