"""Who a sentence says a claim comes from, and whether it casts doubt on the claim.

`find_attributions` finds a reporting cue (the reporting verbs of Recasens et al. 2013 plus a
few generic ones, "according to", "citing", "as far as X is concerned") and the speaker's noun
phrase next to it: "SANA said", "..., Geir Pedersen, the U.N. special envoy, said", "said the
minister", "according to the Observatory", "was confirmed by the army". It reads word order and
punctuation only (no parser), so a speaker is the phrase as written, trimmed at clause words
and at adjunct prepositions ("The insurgency through its Telegram channel said" -> "The
insurgency"). A word in -ly before the verb is an adverb ("has repeatedly said") unless WordNet
has it only as a noun ("her family said"). A second reporting verb joined by "and" has the
first one's speaker ("Oyelaran has denied wrongdoing and said ..."); a name before "vows",
"claims" or "pledges" and an infinitive is a speaker ("Sessions vows to eliminate bias").
"""

from __future__ import annotations

from summarize.analyze.doubt import REMARK_WORDS as REMARK_WORDS
from summarize.analyze.doubt import is_unverified as is_unverified
from summarize.analyze.doubt import unverified_remark as unverified_remark
from summarize.analyze.nouns import noun_senses
from summarize.models import Attribution
from summarize.text.inflection import AUXILIARIES, BE_FORMS
from summarize.text.lexicons import word_set
from summarize.text.negation import negates_verb
from summarize.text.report_verbs import (
    ALSO_NOUNS,
    SPEECH_VERBS,
    is_speech_verb,
    reporting_lemma,
    takes_a_hearer,
)
from summarize.text.tokens import DETERMINERS, Token, parenthesis_opening, word_tokens

_DOUBT_VERBS = word_set("claim allege purport")
_COMPLEMENT_MARKS = frozenset({"that", ":", '"', "“", "‘", "'"})
# Words between a speaker and its verb: "has also said", "on Tuesday said", "later told".
_BETWEEN = word_set(
    """
    has have had will would could should can may might must do does did not never also further
    later earlier previously then still again already repeatedly reportedly separately
    initially once today yesterday tonight on
    monday tuesday wednesday thursday friday saturday sunday
    """
)
_CLAUSE_WORDS = word_set(
    """
    that which who whom whose what how why while whereas as because since but or nor when if
    after before although though where so then to than unless until whether
    """
)
# A clause's finite verb or its "be" (a passive, a progressive)
_AUXILIARIES = AUXILIARIES | BE_FORMS
_SUBJECT_PRONOUNS = word_set("i we you he she they")
# How far a clause after a verb of saying may run to its own verb: "claimed [the mail-in vote in
# five states] was rigged".
_MAX_CLAUSE_OPENING = 8
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
# What a view is given in: "said in a statement", "In a dissent, Justice Fiori wrote".
STATEMENT_NOUNS = word_set(
    "statement post interview address speech video briefing tweet letter report message "
    "dissent opinion concurrence ruling view"
)
_MAX_SPEAKER_WORDS = 12
_MAX_WALK = 20  # words looked at left of a verb, adjunct phrases included
_QUOTE_MARKS = frozenset("\"“”‘’'")


Phrase = tuple[int, int]  # token indices [start, end) of a speaker's words


def find_attributions(text: str, offset: int = 0) -> list[Attribution]:
    """Speakers and reporting cues in one sentence; `offset` is its start in the document."""
    sentence = _Sentence(word_tokens(text))
    doubted = is_unverified(text)
    found: list[Attribution] = []
    speaker: Phrase | None = None
    for index, token in enumerate(sentence.tokens):
        lower = sentence.lower[index]
        doubt_cue = False
        if lower == "according" and sentence.lower[index + 1 : index + 2] == ["to"]:
            cue_end, speaker = index + 2, sentence.phrase_after(index + 2)
        elif lower == "citing":
            cue_end, speaker = index + 1, sentence.phrase_after(index + 1)
        elif lower == "as" and sentence.lower[index + 1 : index + 3] == ["far", "as"]:
            cue_end, speaker = sentence.viewpoint_of(index + 3)
        else:
            lemma = reporting_lemma(lower)
            if lemma is None or not sentence.is_cue(lemma, index):
                continue
            if not token.text.islower() and not sentence.is_headline_cue(index):
                continue
            cue_end = sentence.statement_end(index)
            speaker = sentence.speaker_of(index) or sentence.shared_subject(index, speaker)
            doubt_cue = lemma in _DOUBT_VERBS
        if speaker is None:
            continue
        source_start = sentence.tokens[speaker[0]].start
        source_end = sentence.tokens[speaker[1] - 1].end
        cue_text_end = sentence.tokens[cue_end - 1].end
        first, last = min(source_start, token.start), max(source_end, cue_text_end)
        found.append(
            Attribution(
                start=offset + first,
                end=offset + last,
                text=text[first:last],
                source=text[source_start:source_end],
                cue=text[token.start : cue_text_end],
                doubt=doubted or doubt_cue,
            )
        )
    return found


class _Sentence:
    """The tokens of one sentence, with the word-order rules that find a speaker."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.lower = [token.text.lower() for token in tokens]

    def is_cue(self, lemma: str, index: int) -> bool:
        form = self.lower[index]
        if form.endswith("ing"):
            return lemma in _DOUBT_VERBS  # "the insurgency claiming to have captured"
        followed = self.lower[index + 1] if index + 1 < len(self.lower) else ""
        previous = self.lower[index - 1] if index else ""
        participle = form.endswith(("ed", "en")) and form != lemma
        if participle and (previous[:1].isdigit() or previous == "of" or previous in DETERMINERS):
            return False  # an adjective: "684 confirmed cases", "the number of confirmed dead"
        if lemma == "add" and followed[:1].isdigit():
            return False  # a count grew: "employers added 266,000 jobs"
        has_complement = followed in _COMPLEMENT_MARKS
        if lemma == "describe" and form != lemma:
            # "described the dead man as a good friend": what someone called it
            return "as" in self.lower[index + 1 : index + 1 + _MAX_CLAUSE_OPENING]
        if lemma not in SPEECH_VERBS:
            return has_complement
        if lemma in ALSO_NOUNS and form in {lemma, lemma + "s", lemma + "es"}:
            # a verb between a name and a subject pronoun or an infinitive: "Trump claims he
            # ...", "Sessions vows to eliminate bias", not "the claims he made" or "clarified
            # comments he made"
            named = index > 0 and self.tokens[index - 1].text[:1].isupper()
            return has_complement or (
                named and (followed in _SUBJECT_PRONOUNS or self._infinitive_after(index))
            )
        if lemma in _DOUBT_VERBS and followed not in {"to", ",", ".", ""}:
            # not "the war has claimed half a million lives"
            return has_complement or self._clause_follows(index)
        return True

    def _infinitive_after(self, index: int) -> bool:
        """ "to" and a verb follow the word at `index` ("vows to eliminate"), not "to" and a
        noun phrase ("reports to the president", "reports to Rosenstein")."""
        after = self.tokens[index + 1 : index + 3]
        return (
            len(after) == 2
            and after[0].text.lower() == "to"
            and after[1].text.islower()
            and after[1].text not in DETERMINERS
        )

    def _clause_follows(self, index: int) -> bool:
        """A clause of its own follows the verb at `index`, without "that": it opens on a
        subject pronoun ("claimed he won") or has a verb of its own before any mark or clause
        word ("claimed the vote was rigged"); an object does not ("claimed half a million
        lives", "claimed responsibility for the attack, which ...")."""
        following = self.lower[index + 1 : index + 1 + _MAX_CLAUSE_OPENING]
        if following[:1] and following[0] in _SUBJECT_PRONOUNS:
            return True
        for word in following:
            if not word[:1].isalnum() or word in _CLAUSE_WORDS:
                return False
            if word in _AUXILIARIES:
                return True
        return False

    def is_headline_cue(self, index: int) -> bool:
        """A capitalised speech verb closing a headline: "NRA Became ‘Foreign Asset’ To Russia,
        Senate Report Says." -- after ", Capitalised Speaker", before a full stop or the end."""
        word = self.tokens[index].text
        if not (word[0].isupper() and word[1:].islower() and is_speech_verb(word.lower())):
            return False
        if self.lower[index + 1 : index + 2] not in ([], ["."], ["!"], ["?"]):
            return False
        start = index - 1
        while start >= 0 and self.tokens[start].text[0].isupper():
            start -= 1
        return start < index - 1 and start >= 0 and self.lower[start] == ","

    def shared_subject(self, cue: int, earlier: Phrase | None) -> Phrase | None:
        """The speaker of the reporting verb before, when the verb at `cue` is its second,
        joined by "and": "Oyelaran has denied wrongdoing and said the beef was contaminated"."""
        return earlier if cue > 0 and self.lower[cue - 1] == "and" else None

    def statement_end(self, index: int) -> int:
        """End (exclusive) of the cue: the verb, or "said in a statement"."""
        window = self.lower[index + 1 : index + 4]
        if (
            len(window) == 3
            and window[0] in {"in", "on"}
            and window[1] in {"a", "an", "its", "their", "his", "her"}
            and window[2] in STATEMENT_NOUNS
        ):
            return index + 4
        return index + 1

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
            word in _AUXILIARIES for word in self.lower[opening + 1 : comma]
        ):
            return None
        phrase = self.phrase_after(cue + 1)
        if phrase is None or any(self.lower[i] in _AUXILIARIES for i in range(*phrase)):
            return None  # "said the advance was rapid": what was said
        following = self.lower[phrase[1] : phrase[1] + 2]
        if following[:1] in ([], ["."]):
            return phrase
        described = following[:1] == [","] and len(following) == 2
        if described and self.tokens[phrase[1] + 1].text.islower():
            return None if following[1] in _CLAUSE_WORDS else phrase
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
            if not word[0].isalnum() or word in _CLAUSE_WORDS or word in _AUXILIARIES:
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
            if not word[0].isalnum() or word in _CLAUSE_WORDS or word in _BETWEEN:
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
