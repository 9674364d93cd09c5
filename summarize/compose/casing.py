"""How the summary writes a word a report prints in capitals: a headline's words in title case
as running text writes them, a lead-in in capitals ("THURSDAY ENDED AS THE Dow"), and an opening
word put in lower case. Each word is written as the reports' own text writes it; a word they do
not use is written by what kind of word it is (a name, a people of a place the reports name, a
common word). Which part of a title is a statement is `headlines.py`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from summarize.analyze.framing import loaded_lemma
from summarize.analyze.nouns import noun_senses
from summarize.analyze.speakers import ADJUNCT_PREPOSITIONS
from summarize.models import Analysis
from summarize.text.calendar import CALENDAR_NAMES
from summarize.text.inflection import in_dictionary
from summarize.text.numbers import NUMBER_WORDS
from summarize.text.party_labels import PARTY_MEMBERS
from summarize.text.quotes import QUOTE_MARKS, QUOTED
from summarize.text.tokens import (
    POSSESSIVE_RE,
    STOPWORDS,
    WORD_RUN,
    is_acronym,
    is_title_case,
    lowercase_words,
    stem,
)

# Print-style lead-in capitals: a sentence's first words in capitals, running on in lower case
# or a name ("THURSDAY ENDED AS THE Dow Jones ...", "RESEARCHERS AROUND THE world are ...").
_LEAD_IN = re.compile(r"^(?:[A-Z][A-Z'’-]*[A-Z]\s+){2,}(?=[a-z]|[A-Z][a-z])")
# Endings that make a place's name a word for its people ("Mexico" -> "Mexican", "China" ->
# "Chinese"): such a word is a name too.
_DEMONYM_ENDINGS = ("ian", "an", "ese", "ish", "i")
_WORD_EDGES = "'’\"“”‘,:;()"
_INFLECTED = re.compile(r"[a-z]{4,}(?:ing|ed)")


_INSIDE = re.compile(r"[a-z,;] ")


@dataclass
class Casing:
    """What casing needs to know about the reports' text, and the words of that text a
    headline's label is looked up in (`story_terms`), computed once per summary."""

    analysis: Analysis

    @cached_property
    def all_text(self) -> str:
        return "\n".join(document.text for document in self.analysis.documents)

    def lower_first_word(self, text: str) -> str:
        """Lower-case the opening word unless it is a name (never written in lower case); a
        word of a closed class ("Among", "Five") is none, nor a word of the dictionary the
        reports never capitalise inside a sentence ("Industry groups estimate"), however few
        reports write it in lower case."""
        word = text.split(maxsplit=1)[0] if text else ""
        common = word.lower()
        plain = (
            word[1:].islower()
            and common not in CALENDAR_NAMES
            and (
                common in STOPWORDS
                or common in NUMBER_WORDS
                or (in_dictionary(common) and not self.capitalised_inside(word))
            )
        )
        if word == common or not (self._has_word(common) or plain):
            return text
        return common + text[len(word) :]

    def title_as_running_text(self, title: str) -> str:
        """A headline's words as running text writes them: in title case, each word as the
        reports write it ("Trump Orders Providers To Reveal Prices" -> "Trump orders providers
        to reveal prices") and a quotation as they quote it; a word in capitals for emphasis in
        lower case, when they never write it so."""
        words = title.split()
        if is_title_case(words):
            title = self._quotations_as_quoted(title)
            words = title.split()
            quoted = [(m.start(), m.end()) for m in QUOTED.finditer(title)]
            first, *rest = words[0].split("-")
            # The first word keeps its capital; the rest of a compound the reports do not write
            # is cased like any word ("Voting-Machine Company" -> "Voting-machine company").
            opening = words[0]
            if rest and not self._has_word(bare_word(words[0])):
                opening = "-".join([first, *(self._sentence_case(part) for part in rest)])
            cased, position = [opening], len(words[0])
            for index, word in enumerate(words[1:], start=1):
                start = title.index(word, position)
                position = start + len(word)
                inside = any(a <= start < b for a, b in quoted)
                after = words[index + 1] if index + 1 < len(words) else ""
                cased.append(word if inside else self._sentence_case(word, words[index - 1], after))
            words = cased
        return " ".join(self._unemphasised(word) for word in words)

    def _quotations_as_quoted(self, title: str) -> str:
        """A title-case headline's quotation as the reports write the same words ("border
        'Crisis'" -> "border 'crisis'"); one they do not quote is left as the headline has it (a
        program's name may be in capitals: 'Remain in Mexico')."""
        for match in reversed(list(QUOTED.finditer(title))):
            inner = match.group().strip(QUOTE_MARKS + "'’‘")
            found = re.search(rf"\b{re.escape(inner)}\b", self.all_text, re.I) if inner else None
            if found and found.group() != inner:
                start = title.index(inner, match.start())
                title = title[:start] + found.group() + title[start + len(inner) :]
        return title

    @cached_property
    def story_terms(self) -> frozenset[str]:
        """The content words of the reports' text (their titles left out)."""
        return frozenset(term for item in self.analysis.sentences for term in item.terms)

    def _unemphasised(self, word: str) -> str:
        """A word a headline writes in capitals for emphasis ("vow to END war") as the reports
        write it: in lower case, when they never write it in capitals."""
        bare = bare_word(word)
        shouted = bare.isupper() and len(bare) > 2
        if shouted and self._has_word(bare.lower()) and not self._has_word(bare):
            return word.lower()
        return word

    def _demonym(self, word: str) -> bool:
        """A word naming the people or things of a place the reports name: "mexican" of
        "Mexico", "chinese" of "China", "iranian" of "Iran", "russians" of "Russia"."""
        singular = word.removesuffix("s") if word.endswith(("ans", "ians")) else word
        for ending in _DEMONYM_ENDINGS:
            base = singular.removesuffix(ending)
            if base != singular and len(base) >= 4:
                return any(
                    part.lower().startswith(base)
                    for name in self.name_words
                    for part in name.split("-")
                )
        return False

    def capitalised_inside(self, word: str) -> bool:
        """The reports write `word` capitalised inside a sentence, after a lower-case word or a
        comma: a name ("said Trump"), where a headline's or a sentence's first word tells
        nothing."""
        if WORD_RUN.fullmatch(word):
            return word in self._words_inside
        return word in self.all_text and bool(
            re.search(rf"(?<=[a-z,;] ){re.escape(word)}\b", self.all_text)
        )

    def _has_word(self, word: str) -> bool:
        """The reports write `word` as a whole word."""
        if WORD_RUN.fullmatch(word):
            return word in self._words
        return word in self.all_text and bool(re.search(rf"\b{re.escape(word)}\b", self.all_text))

    # A word of word characters only is whole where it is a whole run of them: looked up in
    # these sets, built once, where a pattern searched through every report for every word of
    # every title cost most of the summary of a story of 900 reports.
    @cached_property
    def _words(self) -> frozenset[str]:
        return frozenset(WORD_RUN.findall(self.all_text))

    @cached_property
    def _words_inside(self) -> frozenset[str]:
        """The words written after a lower-case word, a comma or a semicolon and a space."""
        text = self.all_text
        return frozenset(
            match.group()
            for match in WORD_RUN.finditer(text)
            if _INSIDE.fullmatch(text, match.start() - 2, match.start())
        )

    @cached_property
    def name_words(self) -> frozenset[str]:
        """The words of the names the reports mention ("White", "House", "Hicks")."""
        return frozenset(
            word.strip(_WORD_EDGES)
            for entity in self.analysis.entities
            for variant in entity.variants
            for word in variant.split()
        )

    def _sentence_case(self, word: str, before: str = "", after: str = "") -> str:
        """A headline's capitalised word as running text writes it: kept when the reports write
        it with the headline's neighbour as a name (`_in_a_name`), give it as a name and never
        in lower case, capitalise it inside a sentence, or when it is a given name before a
        surname of theirs (`_first_name`); else in lower case when the reports write it so or
        it is known as a common word."""
        lower = word.lower()
        bare = bare_word(word)
        key = bare.lower()
        if word[:1].isdigit() and "-" in word:  # "8-Year-Old" -> "8-year-old"
            return "-".join(self._sentence_case(part) if part else part for part in word.split("-"))
        if word == lower or is_acronym(bare) or not word[:1].isalpha():
            return word
        if self._demonym(key):
            return word  # "Mexican" of "Mexico", which the reports write as a name
        if key in PARTY_MEMBERS:
            return word
        if key in STOPWORDS:
            return lower
        if self._in_a_name(bare, bare_word(before), bare_word(after)):
            return word
        if bare in self.name_words and not self._has_word(key):
            return word
        if self._has_word(key):
            return lower
        if self.capitalised_inside(bare):
            return word
        if self._first_name(word, bare_word(after)):
            return word
        if "-" in word:  # each part as its own word: "Trump-Appointed" -> "Trump-appointed"
            return "-".join(self._sentence_case(part) if part else part for part in word.split("-"))
        # A word the reports do not use: lower case when it is known as a common word (a noun,
        # a form of a word the reports write in lower case, a loaded word, a preposition, a
        # verb's -ing or -ed form, which names do not take, a word of the dictionary: "Mourns",
        # "Pretty", "Increasingly"); else as written, for the title may be the only place a name
        # is spelled out.
        common = (
            noun_senses().lemmas(key)
            or in_dictionary(key)
            or stem(key) in self.lowercase_stems
            or loaded_lemma(key) is not None
            or _INFLECTED.fullmatch(key) is not None
            or key in ADJUNCT_PREPOSITIONS
        )
        return lower if common else word

    def _in_a_name(self, bare: str, before: str, after: str) -> bool:
        """The reports write the word with the headline's capitalised word before or after it
        ("the White House said", "Senate Republicans"): part of a name, however they write
        each word alone ("house")."""
        pairs = [f"{before} {bare}" if before[:1].isupper() else "", f"{bare} {after}"]
        return any(
            re.search(rf"\b{re.escape(pair)}\b", self.all_text) is not None
            for pair in pairs
            if " " in pair.strip() and pair in self.all_text and pair.split()[-1][:1].isupper()
        )

    def _first_name(self, word: str, after: str) -> bool:
        """A word the reports never write, before the last word of a name they mention, that a
        dictionary knows as a noun only, as it knows given names and titles ("Protect Robert
        Mueller", "blocks Ambassador Sondland"; not "Slams Trump", where "slam" is a verb too,
        nor "Making Fauci's", "Shakeup: Moonves", "czar Mike Pence")."""
        bare = bare_word(word)
        key = bare.lower()
        if word != bare or after not in self.surnames or self._has_word(bare):
            return False
        if key.endswith(("ing", "ed")) or key in ADJUNCT_PREPOSITIONS:
            return False
        return noun_senses().is_only_noun(key)

    @cached_property
    def surnames(self) -> frozenset[str]:
        """The last words of the names the reports mention ("Mueller", "Sondland"): what a
        given name or a title may stand before ("Mike" of "Mike Pence" is none)."""
        return frozenset(
            variant.split()[-1].strip(_WORD_EDGES)
            for entity in self.analysis.entities
            for variant in entity.variants
            if variant.split()
        )

    @cached_property
    def lowercase_stems(self) -> frozenset[str]:
        """The stems of the words the reports write in lower case ("threatened": "threaten")."""
        return frozenset(
            stem(word)
            for item in self.analysis.sentences
            for word in lowercase_words(self.analysis.sentence(item).text)
        )

    def shouted_only_here(self, word: str) -> bool:
        """The reports' text writes `word` in lower or title case, never in capitals: a word in
        capitals for display (a label), not an acronym."""
        if self._has_word(word):
            return False
        return self._has_word(word.lower()) or self._has_word(word[:1] + word[1:].lower())

    def running_text(self, text: str) -> str:
        """A sentence's lead-in in capitals as running text writes it."""
        lead_in = _LEAD_IN.match(text)
        if not lead_in:
            return text
        words = " ".join(map(self._as_written, lead_in.group().split()))
        return f"{words} {text[lead_in.end() :]}"

    def _as_written(self, shouted: str) -> str:
        """A word of a lead-in in capitals as running text writes it: kept in capitals when the
        reports write it so elsewhere too ("NATO", "US"); capitalised when it is a name
        ("THURSDAY", or a word the reports capitalise inside a sentence); else in lower case, as
        most of a lead-in is (a name in it is spelled again in the story), a function word
        ("THE", "OF") always: it is capitalised inside a sentence only as part of a name."""
        if len(re.findall(rf"\b{re.escape(shouted)}\b", self.all_text)) > 1:
            return shouted
        lower, capitalised = shouted.lower(), shouted[:1] + shouted[1:].lower()
        if lower in STOPWORDS:
            return lower
        bare = bare_word(capitalised)
        if (
            bare.lower() in CALENDAR_NAMES
            or bare in self.name_words
            or self.capitalised_inside(bare)
        ):
            return capitalised
        return lower


def bare_word(word: str) -> str:
    """A headline word without its edge punctuation and possessive: "Mueller’s," -> "Mueller"."""
    return POSSESSIVE_RE.sub("", word.strip(_WORD_EDGES))
