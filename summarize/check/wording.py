"""How aligned sentences say the same fact: who it is attributed to, and how it is framed.

- `attribution`: one report attributes a claim ("SANA said") that another states in its own
  voice (high when a third casts doubt on it, else medium); or the reports cast different doubt
  on it ("said" vs "claimed, without evidence" vs "could not be independently confirmed"), medium.
- `framing`, medium: loaded words one report adds (successfully, brutal); the same number
  counting different things (five militants vs five fighters; people killed vs casualties); a
  cause, motive or backing asserted in a report's own voice that the aligned sentences of the
  other reports do not make.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarize.align import Pair
from summarize.analyze.attribution import is_unverified, unverified_remark
from summarize.analyze.framing import added_links
from summarize.analyze.nouns import synonyms
from summarize.analyze.quantities import overlaps
from summarize.check.evidence import names, quote_sentence, quote_span
from summarize.models import Analysis, ClaimGroup, Finding, Quantity, SentenceRef, Span
from summarize.text.display import shorten
from summarize.text.tokens import term_overlap

_DISPUTING = re.compile(r"\b(alleged\w*|purported\w*|without evidence)\b", re.I)
# Members must say nearly the same thing before their attribution is compared.
SAME_CLAIM_OVERLAP = 0.5
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
        sources = [analysis.analysis_of(m).attributions[0] for m in attributed]
        doubted = any(doubts.values())
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


def _loaded_finding(analysis: Analysis, group: ClaimGroup) -> Finding | None:
    members = group.members
    loaded = {
        m.document: {term.text.lower(): term for term in analysis.analysis_of(m).loaded_terms}
        for m in members
    }
    plain = [m for m in members if not loaded[m.document]]
    if not plain:
        return None
    added = {m.document: list(loaded[m.document].values()) for m in members if loaded[m.document]}
    if not added:
        return None
    evidence = [
        quote_span(analysis, document, term) for document, terms in added.items() for term in terms
    ]
    evidence.append(quote_sentence(analysis, plain[0]))
    return Finding(
        kind="framing",
        severity="medium",
        documents=[*added, plain[0].document],
        evidence=evidence,
        explanation="Loaded wording: "
        + "; ".join(
            f"{document} says {', '.join('“' + t.text + '”' for t in terms)}"
            for document, terms in added.items()
        )
        + f", where {plain[0].document} states the same fact plainly.",
    )


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


def _link_finding(
    analysis: Analysis, claim: SentenceRef, others: list[SentenceRef]
) -> Finding | None:
    added = added_links(analysis.analysis_of(claim), [analysis.analysis_of(o) for o in others])
    if not added:
        return None
    shown = others[:MAX_COUNTER_QUOTES]
    return Finding(
        kind="framing",
        severity="medium",
        documents=[claim.document, *dict.fromkeys(o.document for o in others)],
        evidence=[quote_sentence(analysis, ref) for ref in (claim, *shown)],
        explanation=(
            f"{claim.document} asserts in its own voice a "
            + " and ".join(f"{kind} (“{words}”)" for kind, words in added.items())
            + f" that {names(list(dict.fromkeys(o.document for o in others)))} "
            "do not make about the same fact."
        ),
    )


def check_wording(
    analysis: Analysis, groups: list[ClaimGroup], pairs: Iterable[Pair]
) -> list[Finding]:
    findings: list[Finding | None] = []
    for group in groups:
        if len(group.documents) < 2:
            continue
        findings.append(_attribution_finding(analysis, group))
        findings.append(_loaded_finding(analysis, group))
        findings.append(_counted_finding(analysis, group))
        members = group.members
        for member in members:
            others = [m for m in members if m.document != member.document]
            findings.append(_link_finding(analysis, member, others))

    # A sentence no other report matches closely may still retell a fact with a link of its own.
    alone = {
        (group.members[0].document, group.members[0].sentence)
        for group in groups
        if len(group.members) == 1
    }
    neighbours: dict[tuple[str, int], list[SentenceRef]] = {}
    sentences = analysis.sentences
    for _, i, j in pairs:
        for a, b in ((i, j), (j, i)):
            key = (sentences[a].document, sentences[a].sentence)
            if key in alone:
                neighbours.setdefault(key, []).append(
                    SentenceRef(document=sentences[b].document, sentence=sentences[b].sentence)
                )
    for (document, index), others in neighbours.items():
        claim = SentenceRef(document=document, sentence=index)
        findings.append(_link_finding(analysis, claim, others[:MAX_COUNTER_QUOTES]))
    return [finding for finding in findings if finding is not None]
