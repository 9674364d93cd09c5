"""How reports tell the same claim: who it is attributed to, and how it is framed.

The same claim in another report is its most similar sentence there (at least
WORDING_SIMILARITY; neighbours from alignment's candidates, never all pairs), or its claim group.

- `attribution`: one report states in its own voice what another presents at a distance
  ("claimed", "alleged", "reportedly", "it was reported", "what she said was", "could not be
  verified"): the flat statement and the distanced one must share the claim's words. High when
  the other says it is unverified or without evidence, medium otherwise. Reports that each
  attribute a claim (to any source) differ only when they cast different doubt on it ("said" vs
  "claimed, without evidence"), medium. A routine statement given with or without "X said" is
  no difference in doubt.
- `framing`, medium: loaded words a report uses in its own voice where another tells the same
  claim plainly (words in quotations or in someone's reported speech are theirs, unless another
  report gives the same speech without them: then the report added them); the same number
  counting different things (five militants vs five fighters; people killed vs casualties); a
  cause, motive or backing asserted in a report's own voice that the other reports' telling of
  the claim does not make ("is due to vote" schedules, it does not explain).
"""

from __future__ import annotations

import re

from summarize.align import Similarities
from summarize.analyze.attribution import distancing, is_unverified, unverified_remark
from summarize.analyze.framing import (
    added_links,
    in_own_voice,
    is_charged,
    is_speech_word,
    reported_loaded_terms,
)
from summarize.analyze.nouns import synonyms
from summarize.analyze.quantities import overlaps
from summarize.analyze.reporting import unquoted
from summarize.check.evidence import names, quote_sentence, quote_span, report_name
from summarize.models import (
    Analysis,
    ClaimGroup,
    Finding,
    Quantity,
    SentenceAnalysis,
    SentenceRef,
    Span,
)
from summarize.text.display import shorten
from summarize.text.tokens import content_terms, stem, term_overlap

_DISPUTING = re.compile(r"\b(alleged\w*|purported\w*|without evidence)\b", re.I)
# Members must say nearly the same thing before their attribution is compared.
SAME_CLAIM_OVERLAP = 0.5
# Another report's most similar sentence tells the same claim when at least this similar
# (reports of one event word their leads differently: whole leads often score 0.05 to 0.1);
# words shared around the word that matters count LOCAL_WEIGHT each.
WORDING_SIMILARITY = 0.05
LOCAL_WEIGHT = 0.1
AROUND_WORDS = 6
# A flat statement and a distanced one are the same claim when they share this many of its
# content words; a claim after a cue needs this many words, else the words before the cue are it.
SHARED_CLAIM_WORDS = 2
CLAIM_MIN_WORDS = 3
MIN_TELLING_TERMS = 4
# Two sentences tell the same claim only when they share at least this many content words: one
# shared word ("suggest", "coronavirus") is a shared topic, not a shared fact.
SHARED_TELLING_TERMS = 2
# A sentence with less than this share of its words outside quotation marks is the speaker's
# telling, not the report's: it cannot be the report's plain wording of a claim.
OWN_WORDS_SHARE = 0.5
# Quotes of the other side shown for a framing finding; the finding still names every report.
MAX_COUNTER_QUOTES = 3


def _doubt(analysis: Analysis, ref: SentenceRef) -> set[str]:
    """'disputed' (claimed, alleged, without evidence) and/or 'unverified' (could not confirm).

    A report often casts the doubt in the next sentence ("The claims could not be confirmed."),
    so that sentence counts too.
    """
    document = analysis.document(ref.document)
    texts = [document.sentences[ref.sentence].text]
    remark = unverified_remark(document, ref.sentence)
    if remark:
        texts.append(remark.text)
    doubt = set()
    if any(is_unverified(text) for text in texts):
        doubt.add("unverified")
    if any(_DISPUTING.search(text) for text in texts) or any(
        attribution.doubt for attribution in analysis.analysis_of(ref).attributions
    ):
        doubt.add("disputed")
    return doubt


def _same_claim(analysis: Analysis, a: SentenceRef, b: SentenceRef) -> bool:
    terms_a, terms_b = set(analysis.analysis_of(a).terms), set(analysis.analysis_of(b).terms)
    return term_overlap(terms_a, terms_b) >= SAME_CLAIM_OVERLAP


def _attribution_finding(analysis: Analysis, group: ClaimGroup) -> Finding | None:
    # Reports of other days describe another state of affairs; compare those of the first's day.
    anchor = group.members[0]
    day = analysis.document(anchor.document).published
    members = [
        m
        for m in group.members
        if m == anchor
        or (
            _same_claim(analysis, anchor, m)
            and analysis.document(m.document).published in (day, None)
        )
    ]
    if len(members) < 2 or all(is_unverified(analysis.sentence(m).text) for m in members):
        return None
    attributed = [m for m in members if analysis.analysis_of(m).attributions]
    own_voice = [m for m in members if not analysis.analysis_of(m).attributions]
    doubts = {m.document: _doubt(analysis, m) for m in members}

    if attributed and own_voice:
        doubted = any(doubts.values())
        if not doubted:
            return None  # a routine statement with or without "X said": no difference in doubt
        sources = [analysis.analysis_of(m).attributions[0] for m in attributed]
        return Finding(
            kind="attribution",
            severity="high" if doubted else "medium",
            documents=[m.document for m in members],
            evidence=[quote_sentence(analysis, m) for m in attributed + own_voice],
            explanation=(
                f"{names([m.document for m in own_voice])} state as fact what "
                + "; ".join(
                    f"{m.document} attributes to “{shorten(a.source, 40)}” ({a.cue})"
                    for m, a in zip(attributed, sources, strict=True)
                )
                + (", and which is doubted elsewhere." if doubted else ".")
            ),
        )

    labels = {
        document: ", ".join(sorted(doubt)) or "no doubt" for document, doubt in doubts.items()
    }
    if len(set(labels.values())) > 1:
        return Finding(
            kind="attribution",
            severity="medium",
            documents=[m.document for m in members],
            evidence=[quote_sentence(analysis, m) for m in members],
            explanation="The reports cast different doubt on the claim: "
            + "; ".join(f"{document}: {label}" for document, label in labels.items())
            + ".",
        )
    return None


def _through_noun(analysis: Analysis, document: str, quantity: Quantity) -> Span:
    """The quantity's span stretched to the noun it counts: "five" -> "five enemy fighters"."""
    text = analysis.document(document).text
    stem = re.escape((quantity.counted or "")[:4])
    match = re.compile(rf"[^.;]{{0,40}}?\b{stem}\w*", re.I).match(text, quantity.end)
    end = match.end() if stem and match else quantity.end
    return Span(start=quantity.start, end=end, text=text[quantity.start : end])


def _counted_finding(analysis: Analysis, group: ClaimGroup) -> Finding | None:
    """The same number describing different things ("five militants" / "five fighters"): a
    choice of framing. Two words for one thing ("two countries" / "two nations") are not."""
    seen: list[tuple[str, Quantity]] = []
    for member in group.members:
        seen.extend(
            (member.document, q)
            for q in analysis.analysis_of(member).quantities
            if q.base_unit == "count" and q.counted
        )
    for index, (doc_a, qa) in enumerate(seen):
        for doc_b, qb in seen[index + 1 :]:
            if (
                doc_a != doc_b
                and qa.counted != qb.counted
                and overlaps(qa, qb)
                and not synonyms(qa.counted or "", qb.counted or "")
            ):
                return Finding(
                    kind="framing",
                    severity="medium",
                    documents=[doc_a, doc_b],
                    evidence=[
                        quote_span(analysis, doc_a, _through_noun(analysis, doc_a, qa)),
                        quote_span(analysis, doc_b, _through_noun(analysis, doc_b, qb)),
                    ],
                    explanation=(
                        f"The same figure counts different things: {doc_a} “{qa.text}” "
                        f"({qa.counted}) vs {doc_b} “{qb.text}” ({qb.counted})."
                    ),
                )
    return None


class _Tellings:
    """Where another report tells the same claim: for a sentence, the most similar sentence of
    each other report (at least WORDING_SIMILARITY), most similar first."""

    def __init__(self, analysis: Analysis, similarities: Similarities) -> None:
        self.analysis = analysis
        self.similarities = similarities
        self.index_of = {(s.document, s.sentence): i for i, s in enumerate(analysis.sentences)}

    def of(self, ref: SentenceRef, near: Span | None = None) -> list[SentenceRef]:
        """The telling in each other report, most similar first. With `near` (the words that
        matter, such as a loaded word), sentences sharing the words around it score higher:
        "penalties for crimes during riots" is told by "penalties for ... during protests"."""
        index = self.index_of[(ref.document, ref.sentence)]
        local = self._around(ref, near) if near is not None else frozenset()
        terms = set(self.analysis.sentences[index].terms)
        best: dict[str, tuple[float, SentenceRef]] = {}
        for score, other in self.similarities.near(index):
            item = self.analysis.sentences[other]
            if len(item.terms) < MIN_TELLING_TERMS or score < WORDING_SIMILARITY:
                continue  # a cut-off fragment ("But Gov.") tells nothing
            if len(terms & set(item.terms)) < SHARED_TELLING_TERMS:
                continue  # a shared topic word, not the same fact
            shared = len(local & set(item.terms))
            ranked = score + LOCAL_WEIGHT * shared
            if item.document not in best or ranked > best[item.document][0]:
                telling = SentenceRef(document=item.document, sentence=item.sentence)
                best[item.document] = (ranked, telling)
        return [telling for _, telling in sorted(best.values(), key=lambda b: -b[0])]

    def _around(self, ref: SentenceRef, span: Span) -> frozenset[str]:
        sentence = self.analysis.sentence(ref)
        start, end = span.start - sentence.start, span.end - sentence.start
        left = sentence.text[:start].split()[-AROUND_WORDS:]
        right = sentence.text[end:].split()[:AROUND_WORDS]
        return frozenset(content_terms(" ".join(left + right)))


def _plainly(analysis: Analysis, ref: SentenceRef, words: set[str]) -> bool:
    """The sentence tells its claim in the report's own words (not mostly a quotation: that is
    the speaker's telling), without charged words of its own, and without these words in any
    form at all ("anti-rioting" uses "riot"); nor does its report use them in its own voice
    elsewhere ("sparked controversy" shares "controversial"): a word both reports use is no
    difference in framing between them."""
    sentence = analysis.sentence(ref)
    if len(unquoted(sentence.text).split()) < OWN_WORDS_SHARE * len(sentence.text.split()):
        return False
    loaded = analysis.analysis_of(ref).loaded_terms
    charged = in_own_voice(sentence.text, sentence.start, [t for t in loaded if is_charged(t.text)])
    families = _families(words)
    own = unquoted(analysis.document(ref.document).text)
    return not charged and not families & (_families_in(sentence.text) | _families_in(own))


def _families(words: set[str]) -> set[str]:
    """The stems of the words: one family for "controversy" and "controversial"."""
    return {stem(word.lower()) for word in words}


def _families_in(text: str) -> set[str]:
    """The stems of every word of `text`, compounds split ("anti-rioting": "anti", "riot")."""
    return _families({part for word in re.findall(r"[\w'’-]+", text) for part in word.split("-")})


def _text(analysis: Analysis, ref: SentenceRef) -> str:
    return analysis.sentence(ref).text


def _loaded_findings(analysis: Analysis, tellings: _Tellings) -> list[Finding]:
    """Loaded words in a report's own voice, where another report tells the claim plainly."""
    findings = []
    for item in analysis.sentences:
        charged = [term for term in item.loaded_terms if is_charged(term.text)]
        if not charged:
            continue
        ref = SentenceRef(document=item.document, sentence=item.sentence)
        sentence = analysis.sentence(ref)
        charged = in_own_voice(sentence.text, sentence.start, charged)
        if not charged:
            continue
        words = {term.text.lower() for term in charged}
        plain = [o for o in tellings.of(ref, charged[0]) if _plainly(analysis, o, words)]
        # A verb of speech ("slammed") characterises a statement: only another report's account
        # of the same statement, by the same speaker, tells it plainly.
        speech = [term for term in charged if is_speech_word(term.text)]
        if speech:
            speakers = _speaker_words(item)
            same = [
                o
                for o in plain
                if analysis.analysis_of(o).attributions
                and (
                    _same_speaker(speakers, _speaker_words(analysis.analysis_of(o)))
                    if item.attributions
                    else _names_speaker(sentence.text, _speaker_words(analysis.analysis_of(o)))
                )
            ]
            if not same:
                charged = [term for term in charged if term not in speech]
            elif len(speech) == len(charged):
                plain = same
        if not plain or not charged:
            continue
        shown = plain[:MAX_COUNTER_QUOTES]
        findings.append(
            Finding(
                kind="framing",
                severity="medium",
                documents=[ref.document, *(o.document for o in plain)],
                evidence=[quote_sentence(analysis, ref)]
                + [quote_sentence(analysis, o) for o in shown],
                explanation=(
                    f"{report_name(analysis, ref.document)} says "
                    + ", ".join(f"“{term.text}”" for term in charged)
                    + " in its own voice; "
                    + "; ".join(
                        f"{report_name(analysis, o.document)} tells the same claim plainly: "
                        f"“{shorten(_text(analysis, o), 90)}”"
                        for o in shown
                    )
                    + "."
                ),
            )
        )
    return findings


def _added_to_speech(analysis: Analysis, tellings: _Tellings) -> list[Finding]:
    """Loaded words inside a report's paraphrase of someone's statement that the other reports'
    versions of the same statement do not have: the report added them ("Syria announced that
    its counteroffensive has successfully pushed back insurgents")."""
    findings = []
    for item in analysis.sentences:
        if not item.attributions:
            continue
        ref = SentenceRef(document=item.document, sentence=item.sentence)
        sentence = analysis.sentence(ref)
        added = reported_loaded_terms(sentence.text, sentence.start)
        if not added:
            continue
        words = {term.text.lower() for term in added}
        speakers = _speaker_words(item)
        plain = [
            o
            for o in tellings.of(ref)
            if _same_speaker(speakers, _speaker_words(analysis.analysis_of(o)))
            and _plainly(analysis, o, words)
        ]
        if not plain:
            continue
        shown = plain[:MAX_COUNTER_QUOTES]
        source = item.attributions[0].source
        findings.append(
            Finding(
                kind="framing",
                severity="medium",
                documents=[ref.document, *(o.document for o in plain)],
                evidence=[quote_span(analysis, ref.document, term) for term in added]
                + [quote_sentence(analysis, o) for o in shown],
                explanation=(
                    f"{report_name(analysis, ref.document)} adds "
                    + ", ".join(f"“{term.text}”" for term in added)
                    + f" to what {shorten(source, 40)} said; "
                    + "; ".join(
                        f"{report_name(analysis, o.document)} reports the same statement "
                        f"without it: “{shorten(_text(analysis, o), 90)}”"
                        for o in shown
                    )
                    + "."
                ),
            )
        )
    return findings


def _speaker_words(item: SentenceAnalysis) -> tuple[set[str], set[str]]:
    """The names and the content words of who the sentence says is speaking."""
    sources = [a.source for a in item.attributions]
    names = {w.lower() for source in sources for w in source.split() if w[:1].isupper()}
    return names, {term for source in sources for term in content_terms(source)}


def _names_speaker(text: str, speaker: tuple[set[str], set[str]]) -> bool:
    """The sentence names the speaker ("was slammed by immigrant advocates" names the
    advocates): one of its names, or, when it has none, one of its words."""
    names, words = speaker
    if names:
        written = {_bare(w) for w in text.split()}
        return bool({_bare(name) for name in names} & written)
    return bool(words & set(content_terms(text)))


def _bare(word: str) -> str:
    """A word without punctuation or a possessive: "Greene’s" -> "greene"."""
    word = word.strip('.,;:!?"“”‘’()').lower()
    return re.sub(r"['’]s$", "", word)


def _same_speaker(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> bool:
    """The same statement has the same speaker: a shared name ("Syria said" / "Syria
    announced"), or two shared words when neither names one ("officials" alone is anyone)."""
    if a[0] and b[0]:
        return bool(a[0] & b[0])
    return len(a[1] & b[1]) >= 2


def _link_findings(
    analysis: Analysis, groups: list[ClaimGroup], tellings: _Tellings
) -> list[Finding]:
    """A cause, motive or backing a report asserts in its own voice that the other reports'
    telling of the same claim does not make."""
    members: dict[tuple[str, int], list[SentenceRef]] = {}
    for group in groups:
        for member in group.members:
            members[(member.document, member.sentence)] = [
                m for m in group.members if m.document != member.document
            ]
    findings = []
    for item in analysis.sentences:
        if not item.links or item.attributions:
            continue
        ref = SentenceRef(document=item.document, sentence=item.sentence)
        others = members.get((ref.document, ref.sentence)) or tellings.of(ref)
        added = {
            kind: words
            for kind, words in added_links(item, [analysis.analysis_of(o) for o in others]).items()
            if kind != "cause" or not _link_told(analysis, ref, words, others)
        }
        if not added:
            continue
        shown = others[:MAX_COUNTER_QUOTES]
        documents = list(dict.fromkeys(o.document for o in others))
        findings.append(
            Finding(
                kind="framing",
                severity="medium",
                documents=[ref.document, *documents],
                evidence=[quote_sentence(analysis, r) for r in (ref, *shown)],
                explanation=(
                    f"{report_name(analysis, ref.document)} asserts in its own voice a "
                    + " and ".join(f"{kind} (“{words}”)" for kind, words in added.items())
                    + f" that {names([report_name(analysis, d) for d in documents])} "
                    "do not make about the same fact."
                ),
            )
        )
    return findings


def _link_told(analysis: Analysis, ref: SentenceRef, words: str, others: list[SentenceRef]) -> bool:
    """Another report gives the same cause in other words ("died due to complications of
    cancer" / "succumbed to cancer"): it shares the words after the cue."""
    text = _text(analysis, ref)
    after = text[text.find(words) + len(words) :].split()[:AROUND_WORDS]
    reason = set(content_terms(" ".join(after)))
    return any(
        len(reason & set(analysis.analysis_of(o).terms)) >= min(2, len(reason)) for o in others
    )


def _claim_words(text: str, cue: re.Match[str]) -> frozenset[str]:
    """The content words of the claim a distancing cue applies to: what follows it, or, for a
    closing cue ("..., it was reported Sunday"), what precedes it."""
    after = text[cue.end() :]
    claim = after if len(after.split()) >= CLAIM_MIN_WORDS else text[: cue.start()]
    return frozenset(content_terms(claim))


def _distanced_findings(analysis: Analysis, tellings: _Tellings) -> list[Finding]:
    """A claim one report puts at a distance that another states flatly in its own voice."""
    findings = []
    for item in analysis.sentences:
        ref = SentenceRef(document=item.document, sentence=item.sentence)
        text = _text(analysis, ref)
        cue = distancing(text)
        if cue is None:
            continue
        claim = _claim_words(text, cue)
        day = analysis.document(ref.document).published
        flat = [
            o
            for o in tellings.of(ref)
            if analysis.document(o.document).published in (day, None)
            and not analysis.analysis_of(o).attributions
            and distancing(_text(analysis, o)) is None
            and len(claim & set(analysis.analysis_of(o).terms)) >= SHARED_CLAIM_WORDS
        ]
        if not flat:
            continue
        unverified = is_unverified(text)
        findings.append(
            Finding(
                kind="attribution",
                severity="high" if unverified else "medium",
                documents=[*dict.fromkeys(o.document for o in flat), ref.document],
                evidence=[quote_sentence(analysis, o) for o in flat[:MAX_COUNTER_QUOTES]]
                + [quote_sentence(analysis, ref)],
                explanation=(
                    f"{names([report_name(analysis, o.document) for o in flat])} state"
                    + ("s" if len(flat) == 1 else "")
                    + " as fact what "
                    + f"{report_name(analysis, ref.document)} presents at a distance "
                    + f"(“{cue.group()}”): “{shorten(text, 90)}”."
                ),
            )
        )
    return findings


def check_wording(
    analysis: Analysis, groups: list[ClaimGroup], similarities: Similarities
) -> list[Finding]:
    tellings = _Tellings(analysis, similarities)
    findings: list[Finding | None] = []
    for group in groups:
        if len(group.documents) < 2:
            continue
        findings.append(_attribution_finding(analysis, group))
        findings.append(_counted_finding(analysis, group))
    found = [finding for finding in findings if finding is not None]
    distanced = _distanced_findings(analysis, tellings)
    covered = [set(f.documents) for f in found if f.kind == "attribution"]
    found += [f for f in distanced if not any(set(f.documents) <= c for c in covered)]
    found += _loaded_findings(analysis, tellings)
    found += _added_to_speech(analysis, tellings)
    found += _link_findings(analysis, groups, tellings)
    return found
