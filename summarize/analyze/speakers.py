"""Who says it: the speaker's noun phrase next to a reporting cue.

`Speakers` finds it by word order and punctuation only (no parser): before the verb ("SANA
said"), before an apposition set off by commas ("..., Geir Pedersen, the U.N. special envoy,
said"), after the verb ("said the minister"), after "by" in a passive ("was confirmed by the
army"), after "according to". A speaker is the phrase as written, trimmed at clause words and at
adjunct prepositions ("The insurgency through its Telegram channel said" -> "The insurgency"). A
word in -ly before the verb is an adverb ("has repeatedly said") unless WordNet has it only as a
noun ("her family said"). A second reporting verb joined by "and" has the first one's speaker
("Oyelaran has denied wrongdoing and said ..."). Which word is a reporting cue is
`attribution`'s to say.
"""

from __future__ import annotations

from summarize.analyze.nouns import noun_senses
from summarize.text.inflection import AUXILIARIES, BE_FORMS
from summarize.text.lexicons import word_set
from summarize.text.negation import negates_verb
from summarize.text.report_verbs import SPEECH_VERBS, reporting_lemma, takes_a_hearer
from summarize.text.tokens import DETERMINERS, Token, parenthesis_opening

# Words between a speaker and its verb: "has also said", "on Tuesday said", "later told".
_BETWEEN = word_set(
    """
    has have had will would could should can may might must do does did not never also further
    later earlier previously then still again already repeatedly reportedly separately
    initially once today yesterday tonight on
    monday tuesday wednesday thursday friday saturday sunday
    """
)
# Words that open a clause: no speaker's phrase runs through one.
CLAUSE_WORDS = word_set(
    """
    that which who whom whose what how why while whereas as because since but or nor when if
    after before although though where so then to than unless until whether
    """
)
# A clause's finite verb or its "be" (a passive, a progressive)
CLAUSE_VERBS = AUXILIARIES | BE_FORMS
# Prepositions that open an adjunct, not part of the speaker's name ("for" and "of" are:
# "envoy for Syria", "Ministry of Defence").
ADJUNCT_PREPOSITIONS = word_set(
    """
    through via in on at with from during after amid amidst between among against over under by
    near inside outside within without into toward towards across behind beyond like including
    """
)
# Adverbs of time and frequency without -ly that stand between a speaker and the verb; written
# in lower case only, since each is also a surname ("Long", "Just").
_ADVERBS_OF_TIME = word_set("always long often ever just now first sometimes usually")
# A quantifier floating after its subject: "lawmakers all urged", "the leaders both said" (but
# "Both said" has no other subject).
_FLOATING = word_set("all both each")
_LEADING_FILLERS = word_set("however meanwhile also but and so then yet instead still")
_MAX_SPEAKER_WORDS = 12
_MAX_WALK = 20  # words looked at left of a verb, adjunct phrases included
_QUOTE_MARKS = frozenset("\"“”‘’'")


Phrase = tuple[int, int]  # token indices [start, end) of a speaker's words


class Speakers:
    """The tokens of one sentence, with the word-order rules that find a speaker."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.lower = [token.text.lower() for token in tokens]

    def shared_subject(self, cue: int, earlier: Phrase | None) -> Phrase | None:
        """The speaker of the reporting verb before, when the verb at `cue` is its second,
        joined by "and": "Oyelaran has denied wrongdoing and said the beef was contaminated"."""
        return earlier if cue > 0 and self.lower[cue - 1] == "and" else None

    def speaker_of(self, cue: int) -> Phrase | None:
        """The speaker of the verb at `cue`: before it, after "by" in a passive, or after it."""
        before = cue - 1
        while before >= 0 and (
            self.lower[before] in _BETWEEN
            or _is_adverb(self.tokens[before].text)
            or (
                self.lower[before] in _FLOATING
                and before > 0
                and (self.lower[before - 1].isalpha() or self.lower[before - 1] == ",")
            )
        ):
            before -= 1
        between = self.lower[before + 1 : cue] + self.lower[max(before, 0) : before + 1]
        if any(negates_verb(word) for word in between):
            return None  # "he never said", "I didn't threaten": no claim is reported
        if before >= 0 and self.lower[before] in DETERMINERS:
            return None  # "an estimated half-million": an adjective
        opening = parenthesis_opening(self.lower, before)
        if opening is not None:
            before = opening - 1  # "Jerrold Nadler (D-N.Y.) said", "the department (DHHS) said"
        if self.lower[cue].endswith("ing"):
            return self._nearest_phrase(before)  # "reports from the insurgency claiming"
        participle = self.lower[cue].endswith(("ed", "en"))
        if participle and self.lower[cue + 1 : cue + 2] == ["by"]:
            # "was confirmed by the army", "numbers previously acknowledged by the administration"
            return self.phrase_after(cue + 2)
        if before >= 0 and self.lower[before] in BE_FORMS:
            return None
        if before >= 0 and self.lower[before] == ",":
            # "X, the U.N. envoy, said"; after a clause, "..., said Ray Jadallah, chief of ..."
            speaker = self._after_clause(cue, before) or self._before_parenthesis(before)
        else:
            speaker = self._phrase_before(before)
            if speaker and self._opens_parenthesis(speaker[0]):
                # "The insurgents, through their channel on Telegram claimed",
                # "The insurgency, led by the group X reported": the comma is an opening one
                speaker = self._before_comma(speaker[0] - 1)
        inverted = before < 0 or self.lower[before] in {",", *_QUOTE_MARKS}
        if speaker is None and inverted and not takes_a_hearer(self.lower[cue]):
            return self.phrase_after(cue + 1)  # '"...," said Pedersen.'
        return speaker

    def _after_clause(self, cue: int, comma: int) -> Phrase | None:
        """The speaker after the verb when the comma before it closes a clause, not an
        appositive: "... found the building had collapsed, said Ray Jadallah, chief of
        operations". The stretch the comma closes has an auxiliary ("had collapsed"), and the
        phrase after the verb ends the sentence or is set off by a comma before a description
        (not "said the talks failed", "said Russia, which ...")."""
        opening = comma - 1
        while opening >= 0 and self.lower[opening] not in {",", ";", ":", *_QUOTE_MARKS}:
            opening -= 1
        if takes_a_hearer(self.lower[cue]) or not any(
            word in CLAUSE_VERBS for word in self.lower[opening + 1 : comma]
        ):
            return None
        phrase = self.phrase_after(cue + 1)
        if phrase is None or any(self.lower[i] in CLAUSE_VERBS for i in range(*phrase)):
            return None  # "said the advance was rapid": what was said
        following = self.lower[phrase[1] : phrase[1] + 2]
        if following[:1] in ([], ["."]):
            return phrase
        described = following[:1] == [","] and len(following) == 2
        if described and self.tokens[phrase[1] + 1].text.islower():
            return None if following[1] in CLAUSE_WORDS else phrase
        return None

    def _opens_parenthesis(self, index: int) -> bool:
        """An adjunct ("through its channel") or a participle ("led by") opening a phrase."""
        participle = self.lower[index].endswith("ed") and self.lower[index + 1 : index + 2] == [
            "by"
        ]
        return self.lower[index] in ADJUNCT_PREPOSITIONS or participle

    def _before_parenthesis(self, closing: int) -> Phrase | None:
        """The phrase before the comma that opens a parenthesis closed at `closing`; through
        appositions too: "Hakan Fidan, the foreign minister of Turkiye, which ..., said"."""
        if closing < 0 or self.lower[closing] != ",":
            return None
        opening = closing - 1
        while opening >= 0 and self.lower[opening] not in {",", ";", ":", *_QUOTE_MARKS}:
            opening -= 1
        phrase = self._before_comma(opening)
        if phrase and self.lower[phrase[0]] in {"the", "a", "an"}:
            return self._before_comma(phrase[0] - 1) or phrase
        return phrase

    def _before_comma(self, comma: int) -> Phrase | None:
        if comma < 0 or self.lower[comma] != ",":
            return None
        return self._phrase_before(comma - 1)

    def _nearest_phrase(self, end: int) -> Phrase | None:
        """The words after the last adjunct preposition: "reports from [the insurgency]"."""
        phrase = self._phrase_before(end)
        if phrase is None:
            return None
        start = phrase[0]
        for index in range(phrase[0], end + 1):
            if self.lower[index] in ADJUNCT_PREPOSITIONS:
                start = index + 1
        return self._trimmed(start, end + 1)

    def _phrase_before(self, end: int) -> Phrase | None:
        """The speaker phrase whose last word is at `end`, walking left to a boundary."""
        start = end
        while start >= 0 and end - start < _MAX_WALK:
            word = self.lower[start]
            if self._is_possessive_mark(start):
                start -= 1
                continue
            if not word[0].isalnum() or word in CLAUSE_WORDS or word in CLAUSE_VERBS:
                break
            if word == "and" and not (start > 0 and self.tokens[start - 1].text[0].isupper()):
                break  # "Russia and Iran said" is one speaker, "... troops and officials" not
            if start < end and self._is_reporting_verb(start):
                break  # "... said the recent advance shows that": not part of the phrase
            start -= 1
        if end - start >= _MAX_WALK or (start >= 0 and self.lower[start] == "to"):
            return None  # too long to be a speaker, or an infinitive's object
        phrase = self._trimmed(start + 1, end + 1, keep_leading_preposition=True)
        if phrase is None:
            return None
        too_long = phrase[1] - phrase[0] > _MAX_SPEAKER_WORDS
        return None if too_long and not self._opens_parenthesis(phrase[0]) else phrase

    def _is_possessive_mark(self, index: int) -> bool:
        """The apostrophe of "the insurgents' administration"."""
        token = self.tokens[index]
        previous = self.tokens[index - 1] if index else None
        return (
            token.text in {"'", "’"}
            and previous is not None
            and previous.end == token.start
            and previous.text.endswith("s")
        )

    def _is_reporting_verb(self, index: int) -> bool:
        lemma = reporting_lemma(self.lower[index])
        return (
            lemma is not None
            and lemma in SPEECH_VERBS
            and self.lower[index] not in {lemma, lemma + "s"}
        )

    def phrase_after(self, start: int) -> Phrase | None:
        """The speaker phrase starting at `start`: "the Observatory", "Geir Pedersen"."""
        end = start
        while end < len(self.lower) and end - start < _MAX_SPEAKER_WORDS:
            word = self.lower[end]
            if not word[0].isalnum() or word in CLAUSE_WORDS or word in _BETWEEN:
                break
            end += 1
        return self._trimmed(start, end)

    def viewpoint_of(self, start: int) -> tuple[int, Phrase | None]:
        """Whose view "as far as X is concerned" gives what follows, and where the cue ends:
        the rest is X's view, not the report's statement."""
        for end in range(start + 1, min(start + _MAX_SPEAKER_WORDS, len(self.lower) - 1)):
            if self.lower[end] in BE_FORMS and self.lower[end + 1] == "concerned":
                return end + 2, self._trimmed(start, end)
        return start, None

    def _trimmed(
        self, start: int, end: int, keep_leading_preposition: bool = False
    ) -> Phrase | None:
        """Drop leading fillers ("However"), cut at an adjunct preposition ("Officials in
        the region" -> "Officials"), refuse what cannot be a speaker ("The" of "The claims")."""
        lower = self.lower
        while start < end and (lower[start] in _LEADING_FILLERS or lower[start] in _BETWEEN):
            start += 1
        while end > start and (lower[end - 1] in DETERMINERS or lower[end - 1] == "and"):
            end -= 1
        if start < end and lower[start] in ADJUNCT_PREPOSITIONS:
            return (start, end) if keep_leading_preposition else None
        cut = next((i for i in range(start + 1, end) if lower[i] in ADJUNCT_PREPOSITIONS), end)
        if start >= cut or lower[cut - 1] in DETERMINERS:
            return None
        return (start, cut)


def _is_adverb(word: str) -> bool:
    """An adverb between a speaker and the verb ("has repeatedly said", "has long insisted"), in
    lower case: "Huey Long said" is a name; and a noun ending in -ly is the speaker ("her family
    said", "the assembly voted")."""
    if not word.islower():
        return False
    if word.endswith("ly") and len(word) > 4:
        return not noun_senses().is_only_noun(word)
    return word in _ADVERBS_OF_TIME
