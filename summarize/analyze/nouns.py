"""WordNet's nouns: which senses a noun has, and which senses are kinds of which.

Read from summarize/lexicons/wordnet_nouns.txt (extracted from WordNet 3.0; its licence is in
the file). The judge uses it to tell a swapped noun from a paraphrase, the checker to tell two
words for one thing ("countries" / "nations") from a change of what is counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from summarize.text.sorted_lines import SortedLines

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
    is found by bisection in the file's text as it is: a judgement looks up a handful of the
    116,000 entries, and parsing them all would cost more than the rest of a run.
    """

    lemma_lines: SortedLines[str]  # "lemma[+] ids", by lemma; "+": also a verb or adjective
    plural_lines: SortedLines[str]  # "form =lemma", by form
    hypernym_lines: SortedLines[int]  # "@id ids", by id
    # A run asks about the same few hundred words again and again: word -> its lemmas, and
    # lemma -> its line.
    _lemmas: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)
    _lines: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    _parents: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def _lemma_line(self, word: str) -> str | None:
        if word not in self._lines:
            self._lines[word] = next(iter(self.lemma_lines.matching(word)), None)
        return self._lines[word]

    def _plural_of(self, word: str) -> str:
        found = self.plural_lines.matching(word)
        return found[0].partition("=")[2].strip() if found else ""

    def lemmas(self, word: str) -> tuple[str, ...]:
        """The lemmas `word` may be a form of: itself, an irregular plural's lemma, or the word
        without a plural ending ("people" is a lemma and the plural of "person")."""
        if word not in self._lemmas:
            found = [word, self._plural_of(word), _SUPPLETIVE_PLURALS.get(word, "")]
            for ending, replacement in (("ies", "y"), ("es", ""), ("s", "")):
                if word.endswith(ending):
                    found.append(word[: -len(ending)] + replacement)
            self._lemmas[word] = tuple(
                lemma for lemma in dict.fromkeys(found) if lemma and self._lemma_line(lemma)
            )
        return self._lemmas[word]

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
        if sense not in self._parents:
            found = self.hypernym_lines.matching(int(sense))
            self._parents[sense] = found[0].split()[1:] if found else []
        return self._parents[sense]

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
    # The licence heads the file in comment lines; then come lemmas, plurals ("form =lemma", the
    # only lines with " =") and hypernyms ("@id ids").
    header = _HEADER.match(text)
    start = header.end() if header else 0
    hypernyms = text.index("\n@", start) + 1
    plurals = text.rfind("\n", start, text.find(" =", start, hypernyms)) + 1
    return NounSenses(
        SortedLines(text, _key, start, plurals - 1),
        SortedLines(text, _key, plurals, hypernyms - 1),
        SortedLines(text, _synset, hypernyms),
    )


_HEADER = re.compile(r"(?:#[^\n]*\n|\n)*")


def kind_of_either(a: str, b: str) -> bool:
    """One noun (any number) names the other's thing or a kind of it, up to HYPERNYM_LEVELS:
    "recipients" / "people", "insurgents" / "rebels"."""
    nouns = noun_senses()
    senses_a, senses_b = nouns.senses(a), nouns.senses(b)
    return bool(senses_a & nouns.near(senses_b) or senses_b & nouns.near(senses_a))


def names_inhabitants(noun: str) -> bool:
    """The noun (any number) names people by where they live: "Americans", "residents"."""
    return _a_kind_of(noun, "inhabitant")


def names_victims(noun: str) -> bool:
    """The noun (any number) names people by a harm done to them: "victims", "casualties"."""
    return _a_kind_of(noun, "victim")


def _a_kind_of(noun: str, kind: str) -> bool:
    """One of the noun's senses is `kind` or a kind of it, up to HYPERNYM_LEVELS."""
    nouns = noun_senses()
    return bool(nouns.senses_of([kind]) & nouns.near(nouns.senses(noun)))


@cache
def names_a_person(noun: str) -> bool:
    """The noun (any number) names a person in one of its senses, however specific ("mayor",
    "voters", "head"): a referent for "he" or "her"."""
    nouns = noun_senses()
    return bool(nouns.senses_of(["person"]) & nouns.near(nouns.senses(noun), WORDNET_DEPTH))


@cache
def is_a_kind_of_person(noun: str) -> bool:
    """Most of the noun's senses are kinds of person, so it is a word for one ("victim", "son",
    "leader"); not "figure", "count" or "price", which name one only in a rare sense (a notable
    person, a nobleman, a surname), nor "driver" (also a golf club and a program)."""
    nouns = noun_senses()
    person = nouns.senses_of(["person"])
    senses = nouns.senses(noun)
    persons = [sense for sense in senses if person & nouns.near({sense}, WORDNET_DEPTH)]
    return bool(senses) and 2 * len(persons) >= len(senses)


def synonyms(a: str, b: str) -> bool:
    """The two nouns (any number) share a WordNet sense: two words for one thing."""
    nouns = noun_senses()
    return bool(nouns.senses(a) & nouns.senses(b))
