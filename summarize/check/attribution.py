"""Attribution findings: one report states in its own voice what another puts at a distance.

- A claim group whose members say nearly the same thing: some attribute it, some state it flatly
  (in their own voice: no speaker, distancing cue, held view or evidence cited, see
  `states_flatly`), and doubt is cast on it ("claimed", "alleged", "could not be verified"): high
  when it is unverified or without evidence. Reports that each attribute a claim differ only when
  the strongest doubt they cast on it differs (none, unverified, disputed: "said" vs "claimed,
  without evidence"; "falsely claiming" and "repeating unsubstantiated claims" both dispute),
  medium. A routine statement given with or without "X said" is no difference in doubt.
- A cause one report states in its own voice where another report says the cause is not yet
  known: `causes`.
- A claim one report presents at a distance ("claimed", "alleged", "accused of", "reportedly",
  "it was reported", "what she said was") that another report's telling states flatly, sharing
  the claim's words: high when unverified, medium otherwise; none when no flat telling is close
  (similarity under CLOSE_TELLING: such a telling is most often about another fact; readers
  judged every such finding false), unless the flat sentence gives the same count of the same
  things ("put the toll at 29, a figure officials did not confirm" / "At least 29 workers were
  killed"), which tells the claim in whatever words.
"""

from __future__ import annotations

import re

from summarize.analyze.doubt import (
    cites_evidence,
    disputes,
    distancing,
    held_view,
    is_unverified,
    unverified_remark,
)
from summarize.analyze.mentions import name_terms
from summarize.analyze.quantities import agrees
from summarize.analyze.speech import own_voice_terms
from summarize.check.evidence import names, quote_sentence, report_name
from summarize.check.quantities.compare import measures
from summarize.check.tellings import MAX_COUNTER_QUOTES, Tellings, sentence_text
from summarize.models import (
    Analysis,
    ClaimGroup,
    Finding,
    Quantity,
    SentenceAnalysis,
    SentenceRef,
)
from summarize.text.display import excerpt, shorten
from summarize.text.tokens import content_terms, term_overlap

# Members must say nearly the same thing before their attribution is compared.
SAME_CLAIM_OVERLAP = 0.5
# A flat statement and a distanced one are the same claim when they share this many of its
# content words; a claim after a cue needs this many words, else the words before the cue are it.
SHARED_CLAIM_WORDS = 2
CLAIM_MIN_WORDS = 3


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
    if any(disputes(text) for text in texts) or any(
        attribution.doubt for attribution in analysis.analysis_of(ref).attributions
    ):
        doubt.add("disputed")
    return doubt


def _strongest(doubt: set[str]) -> str:
    """Doubt has an order: a report that disputes a claim ("falsely claimed") casts more than one
    that cannot verify it, and "unverified" beside a dispute adds nothing."""
    return "disputed" if "disputed" in doubt else "unverified" if doubt else "no doubt"


def _same_claim(analysis: Analysis, a: SentenceRef, b: SentenceRef) -> bool:
    terms_a, terms_b = set(analysis.analysis_of(a).terms), set(analysis.analysis_of(b).terms)
    return term_overlap(terms_a, terms_b) >= SAME_CLAIM_OVERLAP


def attribution_finding(analysis: Analysis, group: ClaimGroup) -> Finding | None:
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
    # A member under a verb of belief with its own subject ("they think ...") is someone's view:
    # neither the report's own statement nor a doubt cast on the claim.
    members = [
        m
        for m in members
        if analysis.analysis_of(m).attributions or held_view(analysis.sentence(m).text) is None
    ]
    if len(members) < 2 or all(is_unverified(analysis.sentence(m).text) for m in members):
        return None
    attributed = [m for m in members if analysis.analysis_of(m).attributions]
    # A flat telling states the claim's words in its own voice, not in scare quotes ("over the
    # “unfair, unsafe” schedules" gives the words to those it quotes).
    claims = [set(analysis.analysis_of(m).terms) for m in attributed]
    own_voice = [
        m
        for m in members
        if states_flatly(analysis, m)
        and any(
            len(claim & own_voice_terms(sentence_text(analysis, m))) >= SHARED_CLAIM_WORDS
            for claim in claims
        )
    ]
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

    # Reports that each give the claim from a source (a speaker, or evidence they cite) differ in
    # the doubt they cast on it; words only set in scare quotes are given from no source.
    sourced = [
        m
        for m in members
        if m in attributed or cites_evidence(sentence_text(analysis, m)) is not None
    ]
    doubts = {m.document: doubts[m.document] for m in sourced}
    labels = {
        document: ", ".join(sorted(doubt)) or "no doubt" for document, doubt in doubts.items()
    }
    if len({_strongest(doubt) for doubt in doubts.values()}) > 1:
        return Finding(
            kind="attribution",
            severity="medium",
            documents=[m.document for m in sourced],
            evidence=[quote_sentence(analysis, m) for m in sourced],
            explanation="The reports cast different doubt on the claim: "
            + "; ".join(f"{document}: {label}" for document, label in labels.items())
            + ".",
        )
    return None


def _claim_words(item: SentenceAnalysis, text: str, cue: re.Match[str]) -> frozenset[str]:
    """The content words of the claim a distancing cue applies to: what follows it, or, for a
    closing cue ("..., it was reported Sunday"), what precedes it. Names are left out: two
    sentences about the same people ("Joe Biden", "Trump") are not thereby the same claim."""
    after = text[cue.end() :]
    claim = after if len(after.split()) >= CLAIM_MIN_WORDS else text[: cue.start()]
    return frozenset(content_terms(claim)) - name_terms(item)


def states_flatly(analysis: Analysis, ref: SentenceRef) -> bool:
    """The sentence states its claim in its own voice: no speaker, no distancing cue, no verb of
    thinking or belief with a subject of its own ("legislation they think falls short"), and no
    evidence it tells the claim from ("video showed")."""
    text = sentence_text(analysis, ref)
    return (
        not analysis.analysis_of(ref).attributions
        and distancing(text) is None
        and held_view(text) is None
        and cites_evidence(text) is None
    )


def _same_figure_flatly(analysis: Analysis, item: SentenceAnalysis) -> list[SentenceRef]:
    """The sentences of other reports of its day that state in their own voice a count the
    sentence puts at a distance, of the same things ("put the toll at 29, a figure officials
    did not confirm" / "At least 29 workers were killed"): a count and what it counts tell the
    claim, however differently the two sentences word the rest. A count that names nothing
    ("29") or a sum or a share (which says what it measures only with its subject) is no such
    sign."""
    counts = [q for q in item.quantities if _names_what_it_counts(q)]
    if not counts:
        return []
    found = []
    for other in analysis.sentences:
        ref = SentenceRef(document=other.document, sentence=other.sentence)
        if other.document == item.document or not _of_its_day(analysis, item.document, ref):
            continue
        if any(
            measures(mine, theirs) is not None and agrees(mine, theirs)
            for mine in counts
            for theirs in other.quantities
            if _names_what_it_counts(theirs)
        ) and states_flatly(analysis, ref):
            found.append(ref)
    return found


def _of_its_day(analysis: Analysis, document: str, other: SentenceRef) -> bool:
    """The other sentence's report is of the same day, or undated: a report of another day
    tells what was known then."""
    return analysis.document(other.document).published in (
        analysis.document(document).published,
        None,
    )


def _names_what_it_counts(quantity: Quantity) -> bool:
    frame = quantity.frame
    return quantity.base_unit == "count" and frame is not None and frame.measure != "count"


def distanced_findings(analysis: Analysis, tellings: Tellings) -> list[Finding]:
    """A claim one report puts at a distance that another states flatly in its own voice."""
    findings = []
    for item in analysis.sentences:
        ref = SentenceRef(document=item.document, sentence=item.sentence)
        text = sentence_text(analysis, ref)
        cue = distancing(text)
        if cue is None:
            continue
        claim = _claim_words(analysis.analysis_of(ref), text, cue)
        shared = [
            (o, len(claim & own_voice_terms(sentence_text(analysis, o))))
            for o in tellings.of(ref)
            if _of_its_day(analysis, ref.document, o) and states_flatly(analysis, o)
        ]
        shared = [(o, count) for o, count in shared if count >= SHARED_CLAIM_WORDS]
        if shared and not tellings.close(ref, [o for o, _ in shared]):
            shared = []  # a loosely similar flat sentence is most often about another fact
        worded = [o for o, _ in shared]
        shared += [
            (o, SHARED_CLAIM_WORDS) for o in _same_figure_flatly(analysis, item) if o not in worded
        ]
        if not shared:
            continue
        flat = [o for o, _ in shared]
        # High only when a flat sentence surely tells the same claim: half its words or more.
        same = any(count / len(claim) >= SAME_CLAIM_OVERLAP for _, count in shared)
        unverified = is_unverified(text)
        findings.append(
            Finding(
                kind="attribution",
                severity="high" if unverified and same else "medium",
                documents=[*dict.fromkeys(o.document for o in flat), ref.document],
                evidence=[quote_sentence(analysis, o) for o in flat[:MAX_COUNTER_QUOTES]]
                + [quote_sentence(analysis, ref)],
                explanation=(
                    f"{names([report_name(analysis, o.document) for o in flat])} state"
                    + ("s" if len(flat) == 1 else "")
                    + " as fact what "
                    + f"{report_name(analysis, ref.document)} gives as someone's claim "
                    + f"(“{cue.group().strip()}”): "
                    + f"“{excerpt(text, set(content_terms(cue.group())))}”."
                ),
            )
        )
    return findings
