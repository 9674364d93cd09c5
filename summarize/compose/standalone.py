"""Whether a report's sentence stands alone in a summary, which prints it without the sentences
its report gave before it: one leaning on them names no one, or the wrong one, to the reader.

A sentence stands alone when it is a whole reporting sentence that leans on nothing before it: no
opening pronoun, no pronoun or speaker leaning on a referent the report gave before ("he said"
after a quotation naming no one but itself, "one of the people said"), no opening on what the
sentence before introduced ("The men were arrested" after "Two men were charged"); not cut off,
not a teaser, a question or an instruction. A lead truncated mid-sentence (`cut_off`) may still
stand alone but for its missing end. The leading connective the summary drops (`wording`) is
looked past: what follows it may lean back all the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from summarize.analyze.attribution import REMARK_WORDS, is_unverified
from summarize.analyze.mentions import names_inside_sentences
from summarize.analyze.nouns import names_a_person
from summarize.analyze.reporting import is_reporting, names_a_speaker, takes_a_stance
from summarize.models import Analysis, Attribution, SentenceRef
from summarize.text.calendar import PERIOD_OF_NOW
from summarize.text.inflection import AUXILIARY, looks_plural
from summarize.text.numbers import COUNT_TO_TEN, NUMBER_WORDS
from summarize.text.quotes import (
    QUOTE_MARKS,
    blanked,
    continues_quotation,
    crosses_sentences,
    quotation_spans,
    still_open,
    unquoted,
)
from summarize.text.report_verbs import is_speech_verb
from summarize.text.sentences import ends_on_ellipsis, is_finished, opens_on_sentence_before
from summarize.text.spans import in_spans
from summarize.text.tokens import is_title_case, stem, tokenize

MIN_WORDS = 6

# "All of it", "Some of them": a share of what the sentence before told; "the latter", and "the
# former" standing alone ("the former governor" is an ex-governor).
_PRONOUN_OPENING = re.compile(
    rf"^(?:he|she|they|it|his|her|their|its|the latter|the former(?=\s*[,;]|\s+(?:{AUXILIARY})\b)|"
    r"(?:all|some|most|none|many|much|each|both|one|either|neither) of "
    r"(?:it|them|this|that|these|those)\b)\b",
    re.I,
)
# "these forces", "this development": the sentence leans on one the reader has not seen.
_POINTING_BACK = re.compile(
    rf"\b(these|those|such)\s+(?!as\b)[a-z]|\bthis\s+(?!{PERIOD_OF_NOW})", re.I
)
# A pronoun for one person, whose referent the sentence must name before it.
_SINGULAR_PERSON = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
_WORDS = re.compile(r"[A-Za-z]+")
# "The answer is simple: ...", "The short answer": the answer to a question the sentence before
# asks.
_ANSWER = re.compile(r"^the\s+(?:[a-z]+\s+)?answer\b", re.I)
# What was said has a demonstrative for its subject ("an official acknowledged that was
# intentional"): after a verb of saying, "that" or "this" followed at once by a verb is no
# conjunction opening a clause but the thing said of, which the sentence before gives.
_SAID_OF_THAT = re.compile(rf"\b([a-z]+)\s+(?:that|this)\s+(?:{AUXILIARY})\b", re.I)
# A definite noun phrase opening a sentence ("The men were arrested"), and what introduces a
# thing the first time ("two men", "a list of", "an assessment"): see `_refers_back`.
_DEFINITE_OPENING = re.compile(r"^[Tt]he\s+([a-z][a-z-]+)\b")
_INTRODUCING = frozenset({"a", "an", "another", "several", "some", *NUMBER_WORDS})
# "Eight more had criminal records", "Two other officers resigned", "The other two were an
# elderly couple", "The others fled": more of what the sentence before counted, or the rest of
# it; "All were defeated", "Most temporarily moved": a quantifier standing for what it counted,
# its verb or an adverb next; "Other sectors continue": others than the ones the sentence before
# named.
_MORE_OR_OTHER = re.compile(
    rf"^(?:{COUNT_TO_TEN}\s+(?:more|other)|the\s+(?:other|remaining)\s+{COUNT_TO_TEN}|"
    r"the\s+others)\b",
    re.I,
)
# A speaker who is one of a group the report named before: "..., one of the people said", "one
# wrote", "another said". A complement names the group ("one of the people familiar with the
# matter"), and a noun after the number introduces one ("one official said").
_ONE_OF_THOSE_BEFORE = re.compile(
    rf"(?:one|another|others|some|(?:one|some|most|each|either|neither|{COUNT_TO_TEN})\s+of\s+"
    r"(?:them|those|these|the\s+[a-z]+))",
    re.I,
)
_QUANTIFIER_ALONE = re.compile(
    r"^(?:all|most|some|many|both|several|few|none|others)\s+"
    rf"(?:{AUXILIARY}|said|say|says|told|[a-z]+ly|[a-z]+ed)\b",
    re.I,
)
_OTHER = re.compile(r"^others?\s+[a-z]", re.I)
# Shell nouns (Schmid 2000): "The move", "The decision", "The number" open a sentence to stand
# for what the sentence before told, unless a complement says what they are ("The number of
# claims rose").
_SHELL_OPENING = re.compile(
    r"^the\s+(?:move|decision|result|step|effort|change|number|figure|total|announcement|"
    r"development|outcome|incident|remarks|comments)\b(?!\s+(?:of|that|to|for|from|by|on)\b)",
    re.I,
)
# An editor's word in brackets stands in a quotation ("And [he] had just hijacked it"): outside
# quotation marks, the sentence is a quotation's next sentence, without them or its speaker.
_EDITED_QUOTATION = re.compile(r"\[[a-z][^\]]*\]")
# A connective opening the sentence ties it to the one before: the summary drops it (`wording`),
# and `leans_back` and `_refers_back` look past it. Connectives may stack ("And then he went on",
# "But now"): all of them go. "In addition to the arrests" opens on a preposition's phrase, not
# on the connective.
LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:however|meanwhile|additionally|also|moreover|furthermore|but|and|still|yet|instead|"
    r"in addition(?!\s+to\b)|at the same time|finally|now|then)\b,?\s+)+",
    re.I,
)
# A time told from the narrative before ("Soon, her intention was clear", "Hours later, he
# said"): what follows it leans on that narrative as an opening pronoun does. The opener stays in
# print (it tells when); only the test looks past it.
_SEQUENCE_OPENING = re.compile(
    r"^(?:soon|(?:\w+ )?later|afterwards?|eventually|by then|shortly after(?:wards?)?)\b,?\s+",
    re.I,
)
# A phrase of time or place opening the sentence ("On Wednesday, however, it said"): the test
# looks past it, as past a connective, for a pronoun leaning back.
_OPENING_SETTING = re.compile(
    r"^(?:on|in|at|by|after|before|during|since|until|late|early|earlier|later|last)\b"
    r"[^,;:]{1,40},\s+",
    re.I,
)
# A connective set off by commas after the subject ("Biden, instead, is adjusting the limits",
# "The army, however, said"): it contrasts or adds to the sentence before.
_INSERTED_CONNECTIVE = re.compile(
    r"^[^,;:]{1,60},\s+(?:however|instead|though|meanwhile|nevertheless|nonetheless|moreover|"
    r"furthermore|too|also|in turn|in contrast|by contrast|for (?:his|her|their|its) part),",
    re.I,
)


def points_back(text: str) -> bool:
    """The sentence, in its own words (not a quotation's), refers to something its report told
    before it ("these opposition forces", "this move"), which a reader needs to have read."""
    return bool(_POINTING_BACK.search(unquoted(text)))


def leans_back(text: str) -> bool:
    """Opens on a pronoun or a demonstrative that points outside the sentence ("He said ...",
    "That is the highest since 2000"), also once the connective the summary drops is gone
    ("But he said ...", "Then he went on ...") and after an opening phrase of time or place
    ("On Wednesday, however, it said ..."), sets a connective after its subject ("Biden,
    instead, is adjusting ..."), answers the question asked before it ("The
    answer is simple: ..."), or ends on a modal whose verb the sentence before gives
    ("experts fear they could be")."""
    opening = _SEQUENCE_OPENING.sub("", LEADING_CONNECTIVE.sub("", text))
    opening = LEADING_CONNECTIVE.sub("", _OPENING_SETTING.sub("", opening))
    return (
        bool(_PRONOUN_OPENING.match(opening) or _ANSWER.match(opening))
        or _INSERTED_CONNECTIVE.match(text) is not None
        or opens_on_sentence_before(opening)
        or ends_on_ellipsis(text)
        or any(is_speech_verb(m.group(1).lower()) for m in _SAID_OF_THAT.finditer(text))
    )


@dataclass
class Standalone:
    """Which sentences of the reports stand alone, computed once per summary."""

    analysis: Analysis
    # (document, sentence) -> whether it stands alone: the plainest wording, each wording's
    # penalty and the candidates all ask.
    _alone: dict[tuple[str, int], bool] = field(default_factory=dict, init=False, repr=False)

    def stands_alone(self, ref: SentenceRef) -> bool:
        """A whole reporting sentence that leans on nothing before it: no opening pronoun, no
        quote without its speaker, not cut off (a lead truncated mid-sentence), not a teaser,
        a question or an instruction."""
        key = (ref.document, ref.sentence)
        if key not in self._alone:
            self._alone[key] = self._stands_alone(self.analysis.sentence(ref).text, ref)
        return self._alone[key]

    def cut_off(self, ref: SentenceRef) -> bool:
        """A lead truncated mid-sentence that would stand alone but for its missing end: its
        part before a closing clause may still be a whole sentence."""
        text = self.analysis.sentence(ref).text
        return not is_finished(text) and self._stands_alone(text + ".", ref)

    def _stands_alone(self, text: str, ref: SentenceRef) -> bool:
        speakers = self._speakers_outside_quotation(ref)
        attributed = names_a_speaker(speakers)
        if leans_back(text) or len(text.split()) < MIN_WORDS:
            return False
        if self._refers_back(text, ref) or self._pronoun_without_referent(text, ref):
            return False
        if any(_ONE_OF_THOSE_BEFORE.fullmatch(speaker.source) for speaker in speakers):
            return False  # "..., one of the people said": the people the report told before
        if is_unverified(text) and len(text.split()) <= REMARK_WORDS:
            return False  # "The claims could not be confirmed." travels with its claim only
        if not is_finished(text) or not is_reporting(text, attributed):
            return False
        if takes_a_stance(text):
            return False  # the writer's opinion: "quite frankly, a waste of time"
        if is_title_case(text.split()):
            return False  # a headline or subhead inside the body, not the report's prose
        if continues_quotation(text):
            return False  # the quotation began in the sentence before, with its referents
        if (
            crosses_sentences(text)
            or _EDITED_QUOTATION.search(unquoted(text))
            or self._inside_quotation(ref)
        ) and not attributed:
            return False  # part of a quotation of several sentences, without its speaker
        return text[:1] not in QUOTE_MARKS or attributed

    def _speakers_outside_quotation(self, ref: SentenceRef) -> list[Attribution]:
        """The sentence's attributions, but one that opens the quotation the sentence opens on:
        "“They said ‘Sir, we can make this work,’”" quotes someone saying "they said", and
        names no speaker of its own."""
        sentence = self.analysis.sentence(ref)
        opens_quoted = sentence.text[:1] in QUOTE_MARKS
        return [
            attribution
            for attribution in self.analysis.analysis_of(ref).attributions
            if not (opens_quoted and attribution.within(sentence)[0] <= 1)
        ]

    def _pronoun_without_referent(self, text: str, ref: SentenceRef) -> bool:
        """A "he" or "her" outside quotations with no one before it in the sentence to refer
        to, neither a name nor a noun for one person ("Plenty of viewers ignored his advice",
        "Polls continued to show him facing a deficit"): it refers to someone named before. A
        pronoun that is the speaker refers to no one inside the quotation it closes: that is
        the speaker's words ('"Our soldiers defended Meridian territory," he said'), where "his
        spokesman said" may be the spokesman of someone the quotation names."""
        quoted = quotation_spans(text)
        pronoun = next(
            (
                match
                for match in _SINGULAR_PERSON.finditer(text)
                if not in_spans(match.start(), quoted)
            ),
            None,
        )
        if pronoun is None:
            return False
        offset = self.analysis.sentence(ref).start
        sentence = self.analysis.analysis_of(ref)
        speaks = any(a.source.lower() == pronoun.group().lower() for a in sentence.attributions)
        before = quoted if speaks else []
        if any(
            m.start - offset < pronoun.start()
            and not in_spans(m.start - offset, before)
            and (m.start > offset or m.canonical in self.names_inside_sentences)
            for m in sentence.entities
        ):
            return False
        return not any(
            word.islower() and not looks_plural(word) and names_a_person(word)
            for word in _WORDS.findall(blanked(text, before), 0, pronoun.start())
        )

    @cached_property
    def names_inside_sentences(self) -> frozenset[str]:
        return names_inside_sentences(self.analysis)

    def _refers_back(self, text: str, ref: SentenceRef) -> bool:
        """The sentence opens on what the sentence before it introduced: "The men were arrested"
        after "Two men were charged", "The list includes" after "a list of 81 people", "Eight more
        had records", "Two other officers resigned" or "The other two were" after a count, "All were
        defeated", "Other sectors continue", "The move drew criticism". A thing the reader knows
        without it ("The president said") is not introduced there, nor is the story's subject a
        title names ("The deficit grew" under "Deficit nears $1 trillion"), and stands alone."""
        opening = LEADING_CONNECTIVE.sub("", text)
        if any(
            p.match(opening) for p in (_MORE_OR_OTHER, _QUANTIFIER_ALONE, _OTHER, _SHELL_OPENING)
        ):
            return True
        definite = _DEFINITE_OPENING.match(opening)
        if ref.sentence == 0 or definite is None:
            return False
        head = stem(definite.group(1))
        if head in self.title_stems:
            return False  # the story's own subject ("The deficit grew" under "Deficit nears ...")
        before_text = self.analysis.document(ref.document).sentences[ref.sentence - 1].text
        before = tokenize(before_text)
        return any(
            stem(word) == head
            and any(w in _INTRODUCING or w.isdigit() for w in before[max(0, i - 3) : i])
            for i, word in enumerate(before)
        ) or _heads_a_name(definite.group(1), before_text)

    @cached_property
    def title_stems(self) -> frozenset[str]:
        """The stems of the words of the reports' titles."""
        return frozenset(
            stem(word)
            for document in self.analysis.documents
            for word in tokenize(document.title or "")
        )

    def _inside_quotation(self, ref: SentenceRef) -> bool:
        """A quotation opened earlier in the sentence's paragraph is still open where it starts."""
        text = self.analysis.document(ref.document).text
        start = self.analysis.sentence(ref).start
        return still_open(text[text.rfind("\n", 0, start) + 1 : start])


def _heads_a_name(noun: str, text: str) -> bool:
    """`noun` heads a name in `text` ("the Ministry of Internal Affairs said", "the Justice
    Department" for "The ministry", "The department"): a definite noun opening the next
    sentence is that name said again, and needs it before. A title before a name ("President
    Trump") is no such head: "The president" is known without it."""
    pattern = rf"(?<=\w )(?:[A-Z][\w.’'-]* )*{noun.capitalize()}\b(?!\s+[A-Z])"
    return re.search(pattern, text) is not None
