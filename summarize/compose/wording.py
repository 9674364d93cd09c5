"""Which report's wording states a fact most plainly, and the light edits that make a report's
sentence read as a summary's.

The plainest wording of a fact is the member of its claim group with the fewest loaded words, its
attribution kept when the claim is contested, standing alone (`standalone`: leaning on nothing
its report told before), and not asserting a cause or motive the other reports do not make. A
sentence counts as attributed as a whole, but a cut may drop the one clause that has a speaker
("..., and his camp says he may have been sabotaged"): a version left with no attribution is not
used when another report gives what remains as someone's statement.
Edits: a leading connective is dropped, the outlet's own loaded modifiers that no other report uses
are dropped, and a fact only earlier reports carry is dated and put in the past tense. Another
report uses a word when it says it in its own voice, in a form of the same word: a word it only
quotes someone saying ("I have never cheated") is the speaker's, and a word derived from it is
another word, with its own charge ("corruption conviction" names a charge; "corrupt" judges a man).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from summarize.analyze.framing import find_loaded_terms, is_charged
from summarize.analyze.links import added_links
from summarize.analyze.mentions import name_terms
from summarize.analyze.speech import own_voice_terms, said_terms
from summarize.check.attribution import SHARED_CLAIM_WORDS
from summarize.compose.casing import Casing
from summarize.compose.modifiers import modifies_next
from summarize.compose.standalone import LEADING_CONNECTIVE, Standalone, points_back
from summarize.models import Analysis, ClaimGroup, SentenceRef
from summarize.text.calendar import MONTH, WEEKDAY
from summarize.text.inflection import lemmas_of
from summarize.text.quotes import QUOTE_MARKS, closed, unquoted
from summarize.text.tokens import content_terms, tokenize

LONG_SENTENCE = 45

# A section label an outlet sets before a paragraph ("Details:", "Driving the news:", "What
# she's saying:"): a capitalised word and up to three lower-case ones, a colon, a new sentence. A
# name before the colon is who speaks ("Pelosi: ...") and stays.
_SECTION_LABEL = re.compile(r"^([A-Z][a-z’']*(?: [a-z’']+){0,3}):\s+(?=[A-Z“\"])")
# A dated sentence reads in the past: "On December 3, insurgents were about 10 km from Hama".
# "On April 14, Mount Lolaro had erupted": a present perfect tells what had happened by then.
_PRESENT_TO_PAST = {"is": "was", "are": "were", "has": "had", "have": "had"}
# not after a modal or "to": "could have started" stays
_PRESENT = re.compile(
    r"(?<!\bto )(?<!\bcould )(?<!\bwould )(?<!\bshould )(?<!\bmay )(?<!\bmight )(?<!\bmust )"
    r"(?<!\bwill )(?<!\bcan )\b(is|are|has|have)\b"
)
_NOW = re.compile(r"\s+now\b")
# Print-style capitals ("SYRIA’S government said"): a plainer copy reads better.
_SHOUTED = re.compile(r"\b[A-Z]{5,}\b")
# A stop doubled at the end ("on DACA..", "to the U.S.." after a cut, "junk science.”."), not an
# ellipsis.
_DOUBLED_STOP = re.compile(r"(?<=[^.]\.)\.$|(?<=[.!?][”\"’])\.$")


# A day a sentence names itself: a weekday, a month, "yesterday", "today", "last night".
# Written with capitals, as English writes them: "may" is no month.
# "that afternoon", "the next day", "earlier that week" name a day told before.
_DATES_ITSELF = re.compile(
    rf"{WEEKDAY}|{MONTH}|\b(?i:yesterday|today|tonight|last\s+night)\b"
    r"|\b(?i:that|the\s+(?:same|next|previous|following))\s+"
    r"(?i:morning|afternoon|evening|night|day|week)\b"
)
# What usually happens holds on no one day: "Symptoms usually appear two to 10 days after
# exposure" is no news of the report's date.
_HABITUAL = re.compile(r"\b(?:usually|typically|generally|normally|commonly|tends?\s+to)\b", re.I)


@dataclass
class Wording:
    """What the wording choices need to know about the reports, computed once per summary."""

    analysis: Analysis

    @cached_property
    def casing(self) -> Casing:
        return Casing(self.analysis)

    @cached_property
    def words_of_report(self) -> dict[str, frozenset[str]]:
        """The lemmas of each report's words in its own voice, title included: outside quotation
        marks, so a word a report only quotes someone saying ("I have never cheated") is not
        one it uses."""
        own_voice: dict[str, list[str]] = {
            document.id: [unquoted(document.title or "")] for document in self.analysis.documents
        }
        for item in self.analysis.sentences:
            own_voice[item.document].append(unquoted(self.analysis.sentence(item).text))
        return {
            document: frozenset(
                lemma for token in tokenize("\n".join(texts)) for lemma in lemmas_of(token)
            )
            for document, texts in own_voice.items()
        }

    @cached_property
    def standalone(self) -> Standalone:
        """Which sentences stand alone: the plainest wording, each wording's penalty and the
        candidates all ask."""
        return Standalone(self.analysis)

    def own_loaded(self, ref: SentenceRef) -> list[tuple[int, int]]:
        """The loaded words of the sentence (offsets in it) that no other report uses."""
        sentence = self.analysis.sentence(ref)
        return [
            term.within(sentence)
            for term in self.analysis.analysis_of(ref).loaded_terms
            if not self.used_elsewhere(term.text, ref.document)
        ]

    def frames_as_fact(self, text: str, document: str) -> bool:
        """The text keeps a charged word in the outlet's own voice (loaded words are found
        outside quotation marks) that no other report uses, as what it says of the event
        ("Democrats are desperate to take down ...", "stepped down, blasting the ..."): as with
        a title, the summary does not carry one outlet's framing as fact. A word modifying the
        noun after it is part of a name for what the sentence is about ("undocumented
        immigrants"): the checker compares names."""
        return any(
            is_charged(term.text)
            and not modifies_next(text, term.end)
            and not self.used_elsewhere(term.text, document)
            for term in find_loaded_terms(text)
        )

    def unattributed_claim_said_elsewhere(self, variant: str, ref: SentenceRef) -> bool:
        """A shortened sentence that kept none of its attributions ("X is the innocent victim
        of contaminated beef, and his camp says he may have been sabotaged" without its second
        clause) whose remaining claim the other reports tell only as someone's statement: they
        give SHARED_CLAIM_WORDS of the claim's words (names aside) in reported speech and none
        of them in their own voice ("he said the substance came from contaminated beef"). The
        sentence counted as attributed as a whole; what is left states a contested claim as
        fact."""
        attributions = self.analysis.analysis_of(ref).attributions
        if any(a.source in variant and a.cue in variant for a in attributions):
            return False  # its speaker and verb stay
        claim = set(content_terms(variant)) - name_terms(self.analysis.analysis_of(ref))
        others = [
            voices for report, voices in self.voices_of_report.items() if report != ref.document
        ]
        said = set[str]().union(*(said for said, _ in others))
        own = set[str]().union(*(own for _, own in others))
        return len(claim & said - own) >= SHARED_CLAIM_WORDS

    @cached_property
    def voices_of_report(self) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
        """Each report's content words given as someone's speech, and those in its own voice."""
        said: dict[str, set[str]] = {document.id: set() for document in self.analysis.documents}
        own: dict[str, set[str]] = {document.id: set() for document in self.analysis.documents}
        for item in self.analysis.sentences:
            text = self.analysis.sentence(item).text
            said[item.document] |= said_terms(text)
            own[item.document] |= own_voice_terms(text)
        return {report: (frozenset(said[report]), frozenset(own[report])) for report in said}

    def used_elsewhere(self, words: str, document: str) -> bool:
        """A report other than `document` uses every word of `words` in its own voice, in some
        form of the same word: "heroes" is "hero", but "corruption conviction" does not use
        "corrupt" (a word derived from another is a word of its own, with its own charge)."""
        return any(
            all(lemmas_of(token) & used for token in tokenize(words))
            for report, used in self.words_of_report.items()
            if report != document
        )

    def penalty(self, ref: SentenceRef, contested: bool) -> float:
        """How far the sentence is from a plain, self-standing statement of its fact."""
        sentence = self.analysis.analysis_of(ref)
        text = self.analysis.sentence(ref).text
        penalty = 1.0 * len(sentence.loaded_terms)
        penalty += 0.0 if self.standalone.stands_alone(ref) else 3.0
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
        texts = [self.analysis.sentence(m).text for m in group.members]

        def score(index: int) -> float:
            # A cause or motive only this report asserts is framing, not the plain fact.
            member = group.members[index]
            others = texts[:index] + texts[index + 1 :]
            framed = 2.0 if added_links(self.analysis.analysis_of(member), others) else 0.0
            return self.penalty(member, contested) + framed - central[member.document]

        best = min(range(len(texts)), key=lambda i: (score(i), group.members[i].document))
        return group.members[best]

    def finish(self, text: str, published: dt.date | None, dated: bool) -> str:
        """A report's sentence as the summary prints it: no section label or leading
        connective, one final stop, a quotation it leaves open closed, a lead-in in capitals as
        running text writes it, a capital first, and "On <date>, ..." in the past tense when only
        earlier reports carry it and it names no day of its own (the report's date is not the
        day "the minister flew over the valley on Tuesday afternoon") nor tells what usually
        happens."""
        label = _SECTION_LABEL.match(text)
        if label and not self.casing.capitalised_inside(label.group(1)):
            text = text[label.end() :]
        text = closed(_DOUBLED_STOP.sub("", LEADING_CONNECTIVE.sub("", text)))
        text = self.casing.running_text(text)
        text = text[:1].upper() + text[1:]
        if dated and published and not (_DATES_ITSELF.search(text) or _HABITUAL.search(text)):
            first = self.casing.lower_first_word(text)
            if not any(mark in first for mark in QUOTE_MARKS):  # a quotation is never edited
                first = _NOW.sub("", first, count=1)
                first = _PRESENT.sub(lambda m: _PRESENT_TO_PAST[m.group(1)], first, count=1)
            text = f"On {published:%B} {published.day}, {first}"
        return text
