"""The candidates of the extractive summary: every fact's wordings, in their versions.

Facts are the claim groups and the reports' titles (those `titles` finds plain); each wording
that reports and stands alone comes as written and in shorter versions (`compression`), with the
sentences it brings with it (`companions`) and a prior from how many reports carry the fact,
where they put it and how plainly it is worded. See `extractive` for the whole.

A version also tells every other fact one of whose sentences it holds nearly all the words of
(TOLD_SHARE): a lead often joins two facts ("The army said it retook the bridge, while the
rebels say they captured two villages"), and the alignment gives a sentence to one group only.
Those facts count as told by it (`blocks`), so no other version tells them again. Titles are
compared with titles only (`_titles_told`): two outlets' headlines of the core event are one
fact, but a headline sums up its lead too loosely to stand for the lead's detail.

Only the facts the reports give in their first MAX_COMPOSED_SENTENCES sentences, taken a position
at a time across the reports (every lead, then every second sentence, ...), are candidates: news
puts what a summary carries first, and comparing every version with every fact grows with the
square of their number.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from summarize.analyze.framing import find_loaded_terms, is_charged
from summarize.compose.attribution_cuts import attribution_details, function_word_cuts
from summarize.compose.companions import (
    MovedFigures,
    earlier_figure,
    earlier_texts,
    unverified_follow_up,
)
from summarize.compose.compression import optional_cuts
from summarize.compose.cuts import variants
from summarize.compose.modifiers import modifier_cuts
from summarize.compose.selection import TOLD_SHARE
from summarize.compose.standalone import leans_back
from summarize.compose.titles import TitleReader
from summarize.compose.truncation import truncated_variants
from summarize.compose.wording import Wording
from summarize.compose.worth import Option, fact_term
from summarize.judge import Judge
from summarize.models import (
    Analysis,
    ClaimGroup,
    Document,
    SentenceRef,
    SummarySentence,
)
from summarize.text.tokens import content_terms, term_overlap

# Links a report imputes (`analyze.links`): what someone acted for, who gains or loses.
_IMPUTED = frozenset({"motive", "judgement"})
# How much more a fact counts when every report carries it than when one does.
SUPPORT_WEIGHT = 2.0
# How much a wording's extra loaded words, length or missing attribution cost, against the
# plainest wording of the same fact.
WORDING_WEIGHT = 1.0
# What a title's place counts, as a sentence's lead position counts 1.0: a headline states the
# core event, but in few words, and a longer lead sentence often tells the same fact with what
# it needs (measured on NeuS at 50 and 75 words: 2.0, the earlier value, left 10% of the 50-word
# budget unused, taking a short title over the lead; at 1.5 R-1/R-2/R-Lsum +0.15/+0.18/+0.09 at
# 50 words and -0.06/-0.12/-0.11 at 75; 1.0 and 1.25 lost R-Lsum at 50 words).
TITLE_PRIOR = 1.5
# Ten reports of 50 sentences; the seeds have 82, a NeuS cluster at most 15. Near-duplicate
# sentences at 2,000 took 20 s and 1.6 GB to compose.
MAX_COMPOSED_SENTENCES = 500


@dataclass
class Version:
    """One version of one wording of a fact, ready to print."""

    wording: int  # the wording's index: one version of each wording at most
    group: int  # the fact it tells: a claim group's id, or -1 - n for the n-th title
    blocks: frozenset[int]  # other facts it tells too (a verification remark, `TOLD_SHARE`)
    prior: float
    # superseded last, then by position in the reports, then the fact more reports carry first
    order: tuple[bool, float, int, int]
    sentences: list[SummarySentence]
    candidates: list[str]  # the reports that may support it: cited when the judge agrees
    as_written: bool  # the report's own sentence, unedited but for light changes
    edited_after: bool = False  # a sentence after the first is shortened: the judge checks it
    lead: bool = False  # its report's first sentence

    @property
    def is_title(self) -> bool:
        """A version of its first candidate's title."""
        return self.group < 0

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)


def _relative_position(analysis: Analysis, ref: SentenceRef) -> float:
    total = len(analysis.document(ref.document).sentences)
    return ref.sentence / max(total, 1)


def _central(analysis: Analysis, groups: list[ClaimGroup]) -> dict[str, float]:
    """Up to 0.5 for the reports sharing most facts with the others: their wording reads most
    like the story."""
    shared = {document.id: 0 for document in analysis.documents}
    for group in groups:
        for document in group.documents:
            shared[document] += len(group.documents) - 1
    most = max(shared.values(), default=0) or 1
    return {document: 0.5 * count / most for document, count in shared.items()}


class CandidateBuilder:
    """Turns the analysis into the candidate versions of every fact."""

    def __init__(
        self,
        analysis: Analysis,
        groups: list[ClaimGroup],
        judge: Judge,
        framed: frozenset[tuple[str, int]] = frozenset(),
        moved: MovedFigures | None = None,
    ) -> None:
        self.analysis = analysis
        self.framed = framed
        self.moved = moved or MovedFigures()
        self.groups = groups
        self.judge = judge
        self.wording = Wording(analysis)
        self.titles = TitleReader(analysis, self.wording, judge)
        self.total = len(analysis.documents)
        self.latest = max((d.published for d in analysis.documents if d.published), default=None)
        # The reports of the latest day, when earlier reports could not carry its news.
        self.of_latest = {
            d.id for d in analysis.documents if self.latest and d.published == self.latest
        }
        self.group_of = {(m.document, m.sentence): g for g in groups for m in g.members}
        self.versions: list[Version] = []
        self.wordings = 0
        self.title_terms: dict[int, set[str]] = {}  # a title's fact -> its content words

    def build(self) -> list[Version]:
        central = _central(self.analysis, self.groups)
        reach = self._within_reach()
        for group in reach:
            self._group(group, central)
        for number, document in enumerate(self.analysis.documents):
            self._title(number, document)
        self._other_facts_told(reach)
        self._titles_told()
        return self.versions

    def _within_reach(self) -> list[ClaimGroup]:
        """The facts of the reports' first MAX_COMPOSED_SENTENCES sentences, by position."""
        order = {document.id: number for number, document in enumerate(self.analysis.documents)}
        first = sorted(
            ((item.sentence, order[item.document]), (item.document, item.sentence))
            for item in self.analysis.sentences
        )[:MAX_COMPOSED_SENTENCES]
        reached = {self.group_of[key].id for _, key in first if key in self.group_of}
        return [group for group in self.groups if group.id in reached]

    def _other_facts_told(self, groups: list[ClaimGroup]) -> None:
        """Each version of a claim group also blocks the other groups (of `groups`) it tells
        (`TOLD_SHARE`). A title is left out: it sums up the story loosely, and blocking a lead
        with it loses the lead's detail."""
        index = _SentenceIndex(self.analysis, groups)
        for version in self.versions:
            if version.group >= 0:
                words = frozenset(t for s in version.sentences for t in content_terms(s.text))
                told = index.groups_told(words) - {version.group}
                version.blocks = version.blocks | told

    def _titles_told(self) -> None:
        """A title holding TOLD_SHARE of another title's words tells its fact too: two outlets'
        headlines of the core event ("Twitter permanently bans Alex Jones, Infowars" /
        "Twitter permanently blacklists Alex Jones, Infowars") are one fact, told once."""
        told = {
            title: frozenset(
                other
                for other, terms in self.title_terms.items()
                if other != title and term_overlap(mine, terms) >= TOLD_SHARE
            )
            for title, mine in self.title_terms.items()
        }
        for version in self.versions:
            if version.group < 0:
                version.blocks = version.blocks | told[version.group]

    def _group(self, group: ClaimGroup, central: dict[str, float]) -> None:
        analysis, wording = self.analysis, self.wording
        plainest = wording.plainest(group, central)
        contested = any(analysis.analysis_of(m).attributions for m in group.members)
        leads = sum(1 for m in group.members if m.sentence == 0) / self.total
        dates = [analysis.document(d).published for d in group.documents]
        known = [day for day in dates if day is not None]
        dated = self.latest is not None and len(known) == len(dates) and max(known) < self.latest
        # A fact only the latest day's reports carry that moves a figure the earlier reports gave
        # (a temporal update of the checker's) is the story's newest development: they could not
        # carry it (as an omission is only an omission on its day), so its support counts
        # against the reports of that day ("the death toll rose to 41" in the one report of
        # Friday, against three of Wednesday telling 17). Any other fact one report alone gives
        # is one report's, whatever its date.
        newest = (
            set(group.documents) <= self.of_latest
            and known == dates
            and any((m.document, m.sentence) in self.moved.later for m in group.members)
        )
        carriers = len(self.of_latest) if newest else self.total
        base = SUPPORT_WEIGHT * len(group.documents) / carriers + leads
        # A fact only earlier reports carry weighs less when a later report moved its figure:
        # the earlier value is superseded ("17 dead" on Wednesday, "41" on Friday).
        superseded = dated and any(
            (m.document, m.sentence) in self.moved.earlier for m in group.members
        )
        base -= 0.5 if superseded else 0.0
        plain = wording.penalty(plainest, contested)
        # A motive or a verdict on who gains that one report alone asserts in its own voice is
        # its reading of the events, not a fact the reports give ("The kidnappers seized them
        # to bankroll their weapons purchases").
        alone = len(group.documents) == 1 < self.total
        for member in [plainest, *(m for m in group.members if m != plainest)]:
            # A truncated sentence only without its closing clause, and for a contested claim
            # only when it names who claims it before the cut: else its lost end may have.
            speaks = bool(analysis.analysis_of(member).attributions)
            cut_off = (not contested or speaks) and wording.standalone.cut_off(member)
            if not wording.standalone.stands_alone(member) and not cut_off:
                continue
            if alone and _IMPUTED.intersection(analysis.analysis_of(member).links):
                continue
            position = _relative_position(analysis, member)
            extra = max(0.0, wording.penalty(member, contested) - plain)
            prior = max(0.0, base + (1.0 - position) - WORDING_WEIGHT * extra)
            order = (superseded, position, -len(group.documents), group.id)
            self._member(group, member, prior, order, dated, cut_off)

    def _droppable_loaded(self, ref: SentenceRef) -> list[tuple[int, int]]:
        """The loaded words a version drops: the report's own (no other report uses them), and
        in a sentence the checker found framing its claim, every charged one (a word that only
        grades, "historic property", may name a kind of thing)."""
        own = self.wording.own_loaded(ref)
        if (ref.document, ref.sentence) not in self.framed:
            return own
        sentence = self.analysis.sentence(ref)
        charged = [
            term.within(sentence)
            for term in self.analysis.analysis_of(ref).loaded_terms
            if is_charged(term.text)
        ]
        return sorted(set(own) | set(charged))

    def _member(
        self,
        group: ClaimGroup,
        ref: SentenceRef,
        prior: float,
        order: tuple[bool, float, int, int],
        dated: bool,
        cut_off: bool = False,
    ) -> None:
        analysis, wording = self.analysis, self.wording
        sentence = analysis.sentence(ref)
        text = sentence.text + ("." if cut_off else "")
        attributions = analysis.analysis_of(ref).attributions
        protected = [a.within(sentence) for a in attributions]
        details = attribution_details(
            text,
            [(*a.within(sentence), a.source, a.cue) for a in attributions],
        )
        always = modifier_cuts(text, self._droppable_loaded(ref)) + function_word_cuts(text)
        published = analysis.document(ref.document).published
        candidates = [ref.document, *(d for d in group.documents if d != ref.document)]
        sources = [ref, *(m for m in group.members if m != ref)]
        remark, blocks = "", frozenset[int]()
        follow_up = unverified_follow_up(analysis, ref)
        if follow_up:
            remark = " " + analysis.sentence(follow_up).text
            sources.append(follow_up)
            follow_group = self.group_of[(follow_up.document, follow_up.sentence)]
            candidates = list(dict.fromkeys([*candidates, *follow_group.documents]))
            blocks = frozenset({follow_group.id})
        earlier: list[list[SummarySentence]] = [[]]
        figure = earlier_figure(analysis, group, ref, self.latest)
        if figure:
            earlier = [
                [SummarySentence(text=told, citations=[figure.document], sources=[figure])]
                for told in earlier_texts(wording, figure, ref)
            ]
        index = self._next_wording()
        optional = optional_cuts(text, protected, details)
        if cut_off:
            shorter = truncated_variants(text, always, optional, protected)
        else:
            shorter = variants(text, always, optional)
        for number, variant in enumerate(shorter):
            if (number > 0 or cut_off) and leans_back(variant):
                continue
            if wording.frames_as_fact(variant, ref.document):
                continue
            if attributions and wording.unattributed_claim_said_elsewhere(variant, ref):
                continue
            finished = wording.finish(variant, published, dated) + remark
            for shortened, figures in enumerate(earlier):
                self.versions.append(
                    Version(
                        wording=index,
                        group=group.id,
                        blocks=blocks,
                        prior=prior,
                        order=order,
                        sentences=[
                            SummarySentence(text=finished, citations=candidates, sources=sources),
                            *figures,
                        ],
                        candidates=candidates,
                        as_written=number == 0 and not always and not cut_off,
                        edited_after=shortened > 0,
                        lead=ref.sentence == 0,
                    )
                )

    def _title(self, number: int, document: Document) -> None:
        """The report's title as a candidate sentence, when it states the core event plainly."""
        title = self.titles.plain_title(document)
        if title is None:
            return
        prior = SUPPORT_WEIGHT * len(title.supporting) / self.total + TITLE_PRIOR
        index = self._next_wording()
        self.title_terms[-1 - number] = title.terms
        candidates = [document.id, *(d for d in title.supporting if d != document.id)]
        for text in title.texts:
            self.versions.append(
                Version(
                    wording=index,
                    group=-1 - number,
                    blocks=frozenset(),
                    prior=prior,
                    order=(False, -1.0, 0, number),
                    sentences=[
                        SummarySentence(text=text, citations=candidates, sources=title.sources)
                    ],
                    candidates=candidates,
                    as_written=False,
                )
            )

    def _next_wording(self) -> int:
        self.wordings += 1
        return self.wordings - 1


class _SentenceIndex:
    """The claim groups' sentences, found by the words a version shares with them. A sentence
    whose words a version holds TOLD_SHARE of shares with it one of its rarest words (prefix
    filtering, Chaudhuri et al. 2006): each is indexed under those only, so a story of
    hundreds of reports does not compare every version with every sentence."""

    def __init__(self, analysis: Analysis, groups: list[ClaimGroup]) -> None:
        # One entry for a group's sentences with the same words (reprints of one story).
        sentences = list(
            dict.fromkeys(
                (group.id, frozenset(analysis.analysis_of(member).terms))
                for group in groups
                for member in group.members
            )
        )
        frequency = Counter(term for _, terms in sentences for term in terms)
        self.by_term: dict[str, list[tuple[int, frozenset[str], int]]] = defaultdict(list)
        for group, terms in sentences:
            needed = math.ceil(round(TOLD_SHARE * len(terms), 6))
            rarest = sorted(terms, key=lambda term: (frequency[term], term))
            for term in rarest[: len(terms) - needed + 1]:
                self.by_term[term].append((group, terms, needed))

    def groups_told(self, words: frozenset[str]) -> frozenset[int]:
        """The groups one of whose sentences has TOLD_SHARE of its words among `words`."""
        return frozenset(
            group
            for term in words
            for group, terms, needed in self.by_term.get(term, ())
            if len(terms & words) >= needed
        )


def as_option(version: Version) -> Option:
    said = frozenset(t for s in version.sentences for t in content_terms(s.text))
    return Option(
        wording=version.wording,
        group=version.group,
        blocks=version.blocks,
        words=version.words,
        terms=said | {fact_term(group) for group in {version.group, *version.blocks} if group >= 0},
        said=said,
        prior=version.prior,
        loaded=sum(len(find_loaded_terms(s.text)) for s in version.sentences),
        lead=version.lead,
        payload=version,
    )
