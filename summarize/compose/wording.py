"""Which report's wording states a fact most plainly, and the light edits that make a report's
sentence read as a summary's.

The plainest wording of a fact is the member of its claim group with the fewest loaded words,
its attribution kept when the claim is contested, standing alone (no opening pronoun, not cut
off, not a teaser), and not asserting a cause or motive the other reports do not make. Edits:
a leading connective is dropped, the outlet's own loaded modifiers that no other report uses
are dropped, and a fact only earlier reports carry is dated and put in the past tense.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from summarize.analyze.attribution import ADJUNCT_PREPOSITIONS, REMARK_WORDS, is_unverified
from summarize.analyze.framing import added_links, loaded_lemma
from summarize.analyze.nouns import noun_senses
from summarize.analyze.reporting import is_reporting, names_a_speaker, takes_a_stance
from summarize.models import Analysis, ClaimGroup, SentenceRef
from summarize.text.calendar import CALENDAR_NAMES, PERIOD_OF_NOW
from summarize.text.quotes import QUOTED, closed, crosses_sentences, still_open, unquoted
from summarize.text.sentences import ends_on_ellipsis, is_finished, opens_on_demonstrative
from summarize.text.tokens import (
    POSSESSIVE_RE,
    STOPWORDS,
    content_terms,
    is_acronym,
    is_title_case,
    lowercase_words,
    stem,
    tokenize,
)

MIN_WORDS = 6
LONG_SENTENCE = 45

# "All of it", "Some of them": a share of what the sentence before told.
_PRONOUN_OPENING = re.compile(
    r"^(?:he|she|they|it|his|her|their|its|"
    r"(?:all|some|most|none|many|much|each|both|one|either|neither) of "
    r"(?:it|them|this|that|these|those)\b)\b",
    re.I,
)
# "these forces", "this development": the sentence leans on one the reader has not seen.
_POINTING_BACK = re.compile(
    rf"\b(these|those|such)\s+(?!as\b)[a-z]|\bthis\s+(?!{PERIOD_OF_NOW})", re.I
)
# "The answer is simple: ...", "The short answer": the answer to a question the sentence before
# asks.
_ANSWER = re.compile(r"^the\s+(?:[a-z]+\s+)?answer\b", re.I)
# An editor's word in brackets stands in a quotation ("And [he] had just hijacked it"): outside
# quotation marks, the sentence is a quotation's next sentence, without them or its speaker.
_EDITED_QUOTATION = re.compile(r"\[[a-z][^\]]*\]")
# Connectives may stack ("And then he went on", "But now"): all of them go.
_CONNECTIVE = re.compile(
    r"^(?:(?:however|meanwhile|additionally|also|moreover|furthermore|but|and|still|yet|instead|"
    r"in addition|at the same time|finally|now|then)\b,?\s+)+",
    re.I,
)
_NOW = re.compile(r"\s+now\b")
# A dated sentence reads in the past: "On December 3, insurgents were about 10 km from Hama".
_PRESENT_TO_PAST = {"is": "was", "are": "were"}
_PRESENT = re.compile(r"\b(is|are)\b")
# Print-style capitals ("SYRIA’S government said"): a plainer copy reads better.
_SHOUTED = re.compile(r"\b[A-Z]{5,}\b")
# Print-style lead-in capitals: a sentence's first words in capitals, running on in lower case
# or a name ("THURSDAY ENDED AS THE Dow Jones ...", "RESEARCHERS AROUND THE world are ...").
_LEAD_IN = re.compile(r"^(?:[A-Z][A-Z'’-]*[A-Z]\s+){2,}(?=[a-z]|[A-Z][a-z])")
# A word in capitals opening a title before a capitalised word: a section label ("TECH Tech's
# big five lost ...") or an acronym ("CDC Recommends ...").
_KICKER = re.compile(r"([A-Z]{3,})\s+(?=[A-Z][a-z])")
# A stop doubled at the end ("on DACA..", "to the U.S.." after a cut, "junk science.”."), not an
# ellipsis.
_DOUBLED_STOP = re.compile(r"(?<=[^.]\.)\.$|(?<=[.!?][”\"’])\.$")
# Endings that make a place's name a word for its people ("Mexico" -> "Mexican", "China" ->
# "Chinese"): such a word is a name too.
_DEMONYM_ENDINGS = ("ian", "an", "ese", "ish", "i")
QUOTE_MARKS = '“”"‘'
_QUESTION_WORDS = ("what", "how", "why", "where", "when", "who")
# A side of a title's colon that opens an explainer: "What it means", "Here's what happened".
_EXPLAINER = re.compile(rf"(?:{'|'.join(_QUESTION_WORDS)}|here)\b", re.I)
# A headline opening on a question word explains or teases; it states no event ("WHO" is no
# question word).
_OPENS_EXPLAINER = re.compile(rf"(?:{'|'.join(word.title() for word in _QUESTION_WORDS)})\b")
# A label naming who says a headline's claim: a kind of source, or an outlet's initials.
_SOURCE_LABEL = re.compile(
    r"(?i:(?:new\s)?(?:reports?|poll|survey|study|sources?|officials?|documents?|data))"
    r"|[A-Z]{2,5}"
)
_WORD_EDGES = "'’\"“”‘,:;()"
_INFLECTED = re.compile(r"[a-z]{4,}(?:ing|ed)")


def points_back(text: str) -> bool:
    """The sentence, in its own words (not a quotation's), refers to something its report told
    before it ("these opposition forces", "this move"), which a reader needs to have read."""
    return bool(_POINTING_BACK.search(unquoted(text)))


@dataclass
class Wording:
    """What the wording choices need to know about the reports, computed once per summary."""

    analysis: Analysis

    @cached_property
    def stems_of_report(self) -> dict[str, frozenset[str]]:
        """Each report's word stems, title included."""
        return {
            document.id: frozenset(
                stem(token) for token in tokenize(f"{document.title or ''}\n{document.text}")
            )
            for document in self.analysis.documents
        }

    @cached_property
    def all_text(self) -> str:
        return "\n".join(document.text for document in self.analysis.documents)

    def stands_alone(self, ref: SentenceRef) -> bool:
        """A whole reporting sentence that leans on nothing before it: no opening pronoun, no
        quote without its speaker, not cut off (a lead truncated mid-sentence), not a teaser,
        a question or an instruction."""
        return self._stands_alone(self.analysis.sentence(ref).text, ref)

    def cut_off(self, ref: SentenceRef) -> bool:
        """A lead truncated mid-sentence that would stand alone but for its missing end: its
        part before a closing clause may still be a whole sentence."""
        text = self.analysis.sentence(ref).text
        return not is_finished(text) and self._stands_alone(text + ".", ref)

    def _stands_alone(self, text: str, ref: SentenceRef) -> bool:
        attributed = names_a_speaker(self.analysis.analysis_of(ref).attributions)
        if self.leans_back(text) or len(text.split()) < MIN_WORDS:
            return False
        if is_unverified(text) and len(text.split()) <= REMARK_WORDS:
            return False  # "The claims could not be confirmed." travels with its claim only
        if not is_finished(text) or not is_reporting(text, attributed):
            return False
        if takes_a_stance(text):
            return False  # the writer's opinion: "quite frankly, a waste of time"
        if is_title_case(text.split()):
            return False  # a headline or subhead inside the body, not the report's prose
        if (
            crosses_sentences(text)
            or _EDITED_QUOTATION.search(unquoted(text))
            or self._inside_quotation(ref)
        ) and not attributed:
            return False  # part of a quotation of several sentences, without its speaker
        return text[:1] not in QUOTE_MARKS or attributed

    def _inside_quotation(self, ref: SentenceRef) -> bool:
        """A quotation opened earlier in the sentence's paragraph is still open where it starts."""
        text = self.analysis.document(ref.document).text
        start = self.analysis.sentence(ref).start
        return still_open(text[text.rfind("\n", 0, start) + 1 : start])

    @staticmethod
    def leans_back(text: str) -> bool:
        """Opens on a pronoun or a demonstrative that points outside the sentence ("He said ...",
        "That is the highest since 2000"), also once the connective the summary drops is gone
        ("But he said ...", "Then he went on ..."), answers the question asked before it ("The
        answer is simple: ..."), or ends on a modal whose verb the sentence before gives
        ("experts fear they could be")."""
        opening = _CONNECTIVE.sub("", text)
        return (
            bool(_PRONOUN_OPENING.match(opening) or _ANSWER.match(opening))
            or opens_on_demonstrative(opening)
            or ends_on_ellipsis(text)
        )

    def own_loaded(self, ref: SentenceRef) -> list[tuple[int, int]]:
        """The loaded words of the sentence (offsets in it) that no other report uses."""
        sentence = self.analysis.sentence(ref)
        others = [
            stems for document, stems in self.stems_of_report.items() if document != ref.document
        ]
        spans = []
        for term in self.analysis.analysis_of(ref).loaded_terms:
            stems = {stem(token) for token in tokenize(term.text)}
            if not any(stems <= other for other in others):
                spans.append(term.within(sentence))
        return spans

    def penalty(self, ref: SentenceRef, contested: bool) -> float:
        """How far the sentence is from a plain, self-standing statement of its fact."""
        sentence = self.analysis.analysis_of(ref)
        text = self.analysis.sentence(ref).text
        penalty = 1.0 * len(sentence.loaded_terms)
        penalty += 0.0 if self.stands_alone(ref) else 3.0
        penalty += 1.0 if points_back(text) else 0.0
        penalty += 0.02 * len(text.split())
        penalty += 1.0 if _SHOUTED.search(text) else 0.0
        penalty += 3.0 if contested and not sentence.attributions else 0.0
        penalty += max(0, len(text.split()) - LONG_SENTENCE) * 0.1
        return penalty

    def plainest(self, group: ClaimGroup, central: dict[str, float]) -> SentenceRef:
        """The member stating the group's fact most plainly; `central` favours the reports
        that share most facts with the others."""
        contested = any(self.analysis.analysis_of(m).attributions for m in group.members)

        def score(member: SentenceRef) -> float:
            # A cause or motive only this report asserts is framing, not the plain fact.
            others = [self.analysis.analysis_of(m) for m in group.members if m != member]
            framed = 2.0 if added_links(self.analysis.analysis_of(member), others) else 0.0
            return self.penalty(member, contested) + framed - central[member.document]

        return min(group.members, key=lambda m: (score(m), m.document))

    def lower_first_word(self, text: str) -> str:
        """Lower-case the opening word unless it is a name (never written in lower case)."""
        word = text.split(maxsplit=1)[0] if text else ""
        common = word.lower()
        if word == common or not self._has_word(common):
            return text
        return common + text[len(word) :]

    def headline(self, title: str) -> str | None:
        """A report's title as a sentence of the summary ("Trump Orders Providers To Reveal
        Prices" -> "Trump orders providers to reveal prices."), or None for a title that is no
        statement: a question, a teaser, a quotation without its speaker.

        A quotation on one side of a colon is left out: the other side is the statement ("Trump
        Cancels Military Parade: 'Maybe Next Year'", "'State decision': Governors defy Trump").
        Any other colon joins a label to the statement, and the title is kept whole: the label
        is a topic ("Sri Lanka bombings: 207 dead"), or who says it ("Poll: ...", "...: report"),
        which must stay with the claim. A label none of the reports' text uses is the outlet's
        own ("The Latest: ...", "OPINION: ..."), unless it names a source ("Report: ...", "...:
        WSJ"); and a side that opens with a question word an explainer's ("...: What it
        means"): no statement."""
        title = title.strip().rstrip(".")
        kicker = _KICKER.match(title)
        if kicker and self._shouted_only_here(kicker.group(1)):
            title = title[kicker.end() :]  # a section label: "TECH Tech's big five lost ..."
        head, colon, tail = (part.strip() for part in title.partition(":"))
        if colon and tail[:1] in QUOTE_MARKS + "'’":
            title = head  # "Trump Cancels Military Parade: 'Maybe Next Year'"
        elif colon and QUOTED.fullmatch(head):
            title = tail  # "'State decision': Governors defy Trump with coronavirus pacts"
        elif colon and not self._labels_a_statement(head, tail):
            return None
        if title.count(":") > 1 or title[:1] in QUOTE_MARKS:
            return None
        # A label kept may be who says it: "Clinton: I am done with being a candidate".
        if not is_reporting(title + ".", attributed=":" in title):
            return None
        if _OPENS_EXPLAINER.match(title):
            return None  # "Where Iowa voters stand ahead of the caucus", "How the vote works"
        if is_finished(title) or len(title.split()) < MIN_WORDS - 1:
            return None  # "?" or "!" ends it, or it is a label
        words = title.split()
        if is_title_case(words):
            quoted = [(m.start(), m.end()) for m in QUOTED.finditer(title)]
            cased, position = [words[0]], len(words[0])
            for word in words[1:]:
                start = title.index(word, position)
                position = start + len(word)
                inside = any(a <= start < b for a, b in quoted)
                cased.append(word if inside else self._sentence_case(word))
            words = cased
        return " ".join(self._unemphasised(word) for word in words) + "."

    def _labels_a_statement(self, head: str, tail: str) -> bool:
        """One side of a title's colon is a label the reports' text uses, and neither side is
        an explainer's ("What it means", "Here's what happened")."""
        if any(_EXPLAINER.match(part) for part in (head, tail)):
            return False
        label = min((head, tail), key=lambda part: len(part.split()))
        if _SOURCE_LABEL.fullmatch(label) and not (
            label.isupper() and noun_senses().lemmas(label.lower())
        ):
            return True  # who says it: "Report: ...", "...: WSJ"; not "NEWS: ...", "VIDEO: ..."
        terms = set(content_terms(label))
        return not terms.isdisjoint(self.story_terms)

    @cached_property
    def story_terms(self) -> frozenset[str]:
        """The content words of the reports' text (their titles left out)."""
        return frozenset(term for item in self.analysis.sentences for term in item.terms)

    def _unemphasised(self, word: str) -> str:
        """A word a headline writes in capitals for emphasis ("vow to END war") as the reports
        write it: in lower case, when they never write it in capitals."""
        bare = _bare(word)
        shouted = bare.isupper() and len(bare) > 2
        if shouted and self._has_word(bare.lower()) and not self._has_word(bare):
            return word.lower()
        return word

    def _demonym(self, word: str) -> bool:
        """A word naming the people or things of a place the reports name: "mexican" of
        "Mexico", "chinese" of "China", "iranian" of "Iran"."""
        for ending in _DEMONYM_ENDINGS:
            base = word.removesuffix(ending)
            if base != word and len(base) >= 4:
                return any(
                    part.lower().startswith(base)
                    for name in self.name_words
                    for part in name.split("-")
                )
        return False

    def _has_word(self, word: str) -> bool:
        """The reports write `word` as a whole word (the substring test first: a pattern for
        every word of every title costs more than the search)."""
        return word in self.all_text and bool(re.search(rf"\b{re.escape(word)}\b", self.all_text))

    @cached_property
    def name_words(self) -> frozenset[str]:
        """The words of the names the reports mention ("White", "House", "Hicks")."""
        return frozenset(
            word.strip(_WORD_EDGES)
            for entity in self.analysis.entities
            for variant in entity.variants
            for word in variant.split()
        )

    def _sentence_case(self, word: str) -> str:
        """A headline's capitalised word as running text writes it: kept when it is part of a
        name the reports mention, or when the reports capitalise it inside a sentence and never
        write it in lower case."""
        lower = word.lower()
        bare = _bare(word)
        key = bare.lower()
        if word[:1].isdigit() and "-" in word:  # "8-Year-Old" -> "8-year-old"
            return "-".join(self._sentence_case(part) if part else part for part in word.split("-"))
        if word == lower or is_acronym(bare) or not word[:1].isalpha():
            return word
        if self._demonym(key):
            return word  # "Mexican" of "Mexico", which the reports write as a name
        if key in STOPWORDS:
            return lower
        if bare in self.name_words:
            return word
        if self._has_word(key):
            return lower
        if bare in self.all_text and re.search(rf"(?<=[a-z,;] ){re.escape(bare)}\b", self.all_text):
            return word
        if "-" in word:  # each part as its own word: "Trump-Appointed" -> "Trump-appointed"
            return "-".join(self._sentence_case(part) if part else part for part in word.split("-"))
        # A word the reports do not use: lower case when it is known as a common word (a noun,
        # a form of a word the reports write in lower case, a loaded word, a preposition, a
        # verb's -ing or -ed form, which names do not take); else as written, for the title may
        # be the only place a name is spelled out ("Robert Mueller").
        common = (
            noun_senses().lemmas(key)
            or stem(key) in self.lowercase_stems
            or loaded_lemma(key) is not None
            or _INFLECTED.fullmatch(key) is not None
            or key in ADJUNCT_PREPOSITIONS
        )
        return lower if common else word

    @cached_property
    def lowercase_stems(self) -> frozenset[str]:
        """The stems of the words the reports write in lower case ("threatened": "threaten")."""
        return frozenset(
            stem(word)
            for item in self.analysis.sentences
            for word in lowercase_words(self.analysis.sentence(item).text)
        )

    def _shouted_only_here(self, word: str) -> bool:
        """The reports' text writes `word` in lower or title case, never in capitals: a word in
        capitals for display (a label), not an acronym."""
        if re.search(rf"\b{re.escape(word)}\b", self.all_text):
            return False
        return self._has_word(word.lower()) or self._has_word(word[:1] + word[1:].lower())

    def _as_written(self, shouted: str) -> str:
        """A word of a lead-in in capitals as running text writes it: kept in capitals when the
        reports write it so elsewhere too ("NATO", "US"); capitalised when it is a name
        ("THURSDAY", or a word the reports capitalise inside a sentence); else in lower case, as
        most of a lead-in is (a name in it is spelled again in the story)."""
        if len(re.findall(rf"\b{re.escape(shouted)}\b", self.all_text)) > 1:
            return shouted
        lower, capitalised = shouted.lower(), shouted[:1] + shouted[1:].lower()
        bare = _bare(capitalised)
        if (
            bare.lower() in CALENDAR_NAMES
            or bare in self.name_words
            or re.search(rf"(?<=[a-z,;] ){re.escape(bare)}\b", self.all_text)
        ):
            return capitalised
        return lower

    def finish(self, text: str, published: dt.date | None, dated: bool) -> str:
        """A report's sentence as the summary prints it: no leading connective, one final stop,
        a quotation it leaves open closed, a lead-in in capitals as running text writes it, a
        capital first, and "On <date>, ..." in the past tense when only earlier reports carry
        it."""
        text = closed(_DOUBLED_STOP.sub("", _CONNECTIVE.sub("", text)))
        lead_in = _LEAD_IN.match(text)
        if lead_in:
            words = " ".join(map(self._as_written, lead_in.group().split()))
            text = f"{words} {text[lead_in.end() :]}"
        text = text[:1].upper() + text[1:]
        if dated and published:
            first = self.lower_first_word(text)
            if not any(mark in first for mark in QUOTE_MARKS):  # a quotation is never edited
                first = _NOW.sub("", first, count=1)
                first = _PRESENT.sub(lambda m: _PRESENT_TO_PAST[m.group(1)], first, count=1)
            text = f"On {published:%B} {published.day}, {first}"
        return text


def _bare(word: str) -> str:
    """A headline word without its edge punctuation and possessive: "Mueller’s," -> "Mueller"."""
    return POSSESSIVE_RE.sub("", word.strip(_WORD_EDGES))
