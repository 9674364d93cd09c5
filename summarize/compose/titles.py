"""The reports' titles as facts of the summary: a title is one when it states the core event
plainly, some report's text tells what it says, and the reports do not give it with doubt; not
when the outlet's own framing word stays in it. A headline is where an outlet frames most, and
the leads tell its fact anyway. Nor is a title one whose own report's body gives its claim only
as someone's statement ("Corvane breach: attackers got in through a contractor's account" over
"..., two people familiar with the investigation told ByteLine"; all the reports' telling
sentences, when its own has none): headlines drop attribution as a matter of style, so what the
body tells as said the headline states as fact; a factive verb tells it as true ("Amash
announced that he has launched a committee"). A title that names who says it ("Senate Democrats
say ...", "Sessions vows to ...", "...: poll", "Colin Powell: ...") attributes it itself. Nor is
a title without a verb one ("Trump's frightening claim of 'total' authority", "America's
election HQ"): a noun phrase names a topic, or labels a page or a column, and states nothing;
headlines that drop only an auxiliary keep a verb ("Pipeline canceled after Biden revokes
permit", "House to vote Thursday", "Protesters storm building").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from summarize.analyze.attribution import find_attributions
from summarize.analyze.framing import find_loaded_terms, is_charged
from summarize.analyze.speech import said_terms
from summarize.compose.attribution_cuts import function_word_cuts
from summarize.compose.companions import unverified_follow_up
from summarize.compose.cuts import variants
from summarize.compose.headlines import headline, headline_label, labelled_with_source
from summarize.compose.modifiers import modifier_cuts
from summarize.compose.wording import Wording
from summarize.judge import Judge
from summarize.models import Analysis, Document, SentenceRef
from summarize.text.inflection import has_a_verb
from summarize.text.tokens import content_terms

# A title tells the fact of the sentences sharing this share of its words.
TITLE_MATCH = 0.5
# Words a label naming who speaks may hold besides the name: "Giuliani to AP".
_JOINING = frozenset({"to", "of", "and"})


@dataclass
class Title:
    """A report's title that states the core event plainly, and what tells it."""

    terms: set[str]  # its content words
    sources: list[SentenceRef]  # the report sentences telling what it says
    supporting: list[str]  # the reports of those sentences
    texts: list[str]  # its versions: as written (in running-text casing) and shortened


class TitleReader:
    """Reads the reports' titles against the reports' text."""

    def __init__(self, analysis: Analysis, wording: Wording, judge: Judge) -> None:
        self.analysis = analysis
        self.wording = wording
        self.judge = judge
        # Every sentence's terms, and the sentences each term is in: a title is compared only
        # with the sentences sharing its words (a story of 900 reports has 900 titles and 2,000
        # sentences).
        self._sentences = [
            (SentenceRef(document=item.document, sentence=item.sentence), frozenset(item.terms))
            for item in analysis.sentences
        ]
        self._postings: dict[str, list[int]] = {}
        for position, (_, terms) in enumerate(self._sentences):
            for term in terms:
                self._postings.setdefault(term, []).append(position)

    def plain_title(self, document: Document) -> Title | None:
        """The report's title, when it states the core event plainly: not when the outlet's own
        framing word stays in it (one no other report uses, that no cut drops)."""
        text = headline(self.wording.casing, document.title or "")
        if text is None or not has_a_verb(text):
            return None
        terms = set(content_terms(text))
        if not terms:
            return None
        matches = self._matches(terms) or self._evidence(text, document)
        if not matches:
            return None  # no report's text tells what it says
        if not self._attributed(text) and self._only_said(terms, document, matches):
            return None  # the reports give as someone's statement what the title states as fact
        supporting = list(dict.fromkeys(ref.document for ref in matches))
        own = [
            (s.start, s.end)
            for s in find_loaded_terms(text)
            if not self.wording.used_elsewhere(s.text, document.id)
        ]
        cut = modifier_cuts(text, own)
        if any(
            is_charged(text[start:end]) and not any(c.start <= start < c.end for c in cut)
            for start, end in own
        ):
            return None  # the outlet's own framing of the event stays in it ("endorsement charade")
        always = cut + function_word_cuts(text)
        return Title(terms, matches, supporting, variants(text, always, []))

    def _attributed(self, text: str) -> bool:
        """The title says who says its claim: a reporting verb ("Senate Democrats say ..."), a
        label naming a kind of source ("Report: ...", "...: poll"), or a label naming someone
        the reports quote ("Colin Powell: It's now 'me the president'", "Giuliani to AP: ...")."""
        if find_attributions(text) or labelled_with_source(text):
            return True
        label = headline_label(text)
        names = label.split() if label else []
        return all(word[:1].isupper() or word in _JOINING for word in names) and bool(
            set(names) & self._speakers
        )

    @cached_property
    def _speakers(self) -> frozenset[str]:
        """The capitalised words of the speakers the reports quote ("Colin", "Powell",
        "Chief")."""
        return frozenset(
            word
            for item in self.analysis.sentences
            for attribution in item.attributions
            for word in attribution.source.split()
            if word[:1].isupper()
        )

    def _only_said(self, terms: set[str], document: Document, matches: list[SentenceRef]) -> bool:
        """The reports give the title's claim only as someone's statement: the matching
        sentences of its own report all do (or, when it has none, all the matching sentences
        do), or one of them gives it with doubt. A headline drops attribution as a matter of
        style ("Troops repel provocation in Sarov" over "..., the defence ministry said"): what
        its body tells as said, it states as fact."""
        own = [ref for ref in matches if ref.document == document.id]
        return all(self._said(ref, terms) for ref in own or matches) or any(
            self._disputed(ref, terms) for ref in matches
        )

    def _said(self, ref: SentenceRef, terms: set[str]) -> bool:
        """Most of the title's words are in the sentence's reported speech, not in its own
        voice: "excerpts alleged he had approved" gives no bill signing told beside it."""
        text = self.analysis.sentence(ref).text
        return len(terms & said_terms(text)) >= TITLE_MATCH * len(terms)

    def _disputed(self, ref: SentenceRef, terms: set[str]) -> bool:
        """The sentence gives the title's claim as someone's doubtful claim, or as what reports
        say, or the next sentence says it could not be verified."""
        attributions = self.analysis.analysis_of(ref).attributions
        doubted = any(a.doubt or "report" in a.source.lower() for a in attributions)
        unverified = unverified_follow_up(self.analysis, ref) is not None
        return (doubted and self._said(ref, terms)) or unverified

    def _matches(self, terms: set[str]) -> list[SentenceRef]:
        """In each report, the sentence telling most of what a title says (the last of equals),
        if one tells TITLE_MATCH of it."""
        shared: Counter[int] = Counter()
        for term in terms:
            shared.update(self._postings.get(term, ()))
        best: dict[str, tuple[float, int]] = {}
        for position in sorted(shared):
            ref, sentence_terms = self._sentences[position]
            overlap = shared[position] / min(len(terms), len(sentence_terms))
            if overlap >= best.get(ref.document, (TITLE_MATCH, -1))[0]:
                best[ref.document] = (overlap, position)
        return [
            self._sentences[best[document.id][1]][0]
            for document in self.analysis.documents
            if document.id in best
        ]

    def _evidence(self, text: str, document: Document) -> list[SentenceRef]:
        """When no one sentence tells what a title says (a headline sums up the lead and the
        next sentences), the sentences of its own report the judge finds supporting it, and of
        each other report that supports it too. A headline may name what its report's text
        describes (a lead's "federal investigators" headlined "Mueller"): then the sentences of
        all the reports that support it together, when some are its own; else none."""
        found: list[SentenceRef] = []
        others = [d for d in self.analysis.documents if d.id != document.id]
        for report in [document, *others]:
            verdict = self.judge.judge(text, [report.id])
            if verdict.label == "supported" and verdict.score >= TITLE_MATCH:
                found.extend(verdict.evidence)
            elif report is document:
                return self._told_together(text, document)
        return found

    def _told_together(self, text: str, document: Document) -> list[SentenceRef]:
        verdict = self.judge.judge(text, [d.id for d in self.analysis.documents])
        if verdict.label != "supported" or verdict.score < TITLE_MATCH:
            return []
        if not any(ref.document == document.id for ref in verdict.evidence):
            return []
        return verdict.evidence
