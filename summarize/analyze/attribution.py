"""Who a sentence says a claim comes from, and whether it casts doubt on the claim.

`find_attributions` finds a reporting cue (the reporting verbs of Recasens et al. 2013 plus a
few generic ones, "according to", "citing", "as far as X is concerned") and the speaker's noun
phrase next to it (`speakers.py`): "SANA said", "..., Geir Pedersen, the U.N. special envoy,
said", "said the minister", "according to the Observatory", "was confirmed by the army". A word
is a cue by the words around it: not a participle used as an adjective ("684 confirmed cases"),
nor "claimed" with an object ("the war has claimed half a million lives"); a name before
"vows", "claims" or "pledges" and an infinitive is a speaker ("Sessions vows to eliminate
bias"); a capitalised verb of speech closes a headline ("..., Senate Report Says"). The claim is
doubted when the sentence says it is unverified (`doubt.py`) or its cue is "claim", "allege" or
"purport".
"""

from __future__ import annotations

from summarize.analyze.doubt import REMARK_WORDS as REMARK_WORDS
from summarize.analyze.doubt import is_unverified as is_unverified
from summarize.analyze.doubt import unverified_remark as unverified_remark
from summarize.analyze.speakers import CLAUSE_VERBS, CLAUSE_WORDS, Phrase, Speakers
from summarize.models import Attribution
from summarize.text.lexicons import word_set
from summarize.text.report_verbs import ALSO_NOUNS, SPEECH_VERBS, is_speech_verb, reporting_lemma
from summarize.text.tokens import DETERMINERS, word_tokens

_DOUBT_VERBS = word_set("claim allege purport")
_COMPLEMENT_MARKS = frozenset({"that", ":", '"', "“", "‘", "'"})
_SUBJECT_PRONOUNS = word_set("i we you he she they")
# How far a clause after a verb of saying may run to its own verb: "claimed [the mail-in vote in
# five states] was rigged".
_MAX_CLAUSE_OPENING = 8
# What a view is given in: "said in a statement", "In a dissent, Justice Fiori wrote".
STATEMENT_NOUNS = word_set(
    "statement post interview address speech video briefing tweet letter report message "
    "dissent opinion concurrence ruling view"
)


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


class _Sentence(Speakers):
    """The tokens of one sentence, with the word-order rules that find a reporting cue (and
    those of `Speakers` that find its speaker)."""

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
            if not word[:1].isalnum() or word in CLAUSE_WORDS:
                return False
            if word in CLAUSE_VERBS:
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
