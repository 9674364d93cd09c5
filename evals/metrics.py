"""The eval scores, each a pure function of its inputs.

Summary: key-fact coverage, faithfulness, citation precision, attribution of contested claims,
repetition, length. Checker: precision / recall / F1 by finding kind, false conflicts. Peers: ROUGE.
Detector: balanced accuracy. Loaded-word rates live in `evals.neutrality`.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache

from pydantic import BaseModel, Field

from evals.gold import GoldFinding, GoldQuantity, GoldQuote, KeyFact, NonConflict
from summarize.analyze.quantities import find_quantities
from summarize.models import NOT_DISAGREEMENTS, Finding, Quantity, SummarySentence
from summarize.text.sentences import split_sentences
from summarize.text.tokens import content_terms, stem, term_overlap, tokenize
from summarize.text.units import to_base

# ---------------------------------------------------------------- words


def word_count(text: str) -> int:
    """Words as a reader counts them: "half-million" is one word, "U.N." one."""
    return len(text.split())


def stems(text: str) -> list[str]:
    """Lower-cased stems; apostrophes dropped ("Hay’at" = "Hayat"), hyphens split words."""
    return [stem(token) for token in tokenize(text)]


def _contains(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    size = len(needle)
    return size > 0 and any(
        list(haystack[i : i + size]) == list(needle) for i in range(len(haystack) - size + 1)
    )


def quantity_matches(found: Quantity, wanted: GoldQuantity, tolerance: float = 0.1) -> bool:
    """Same dimension and within `tolerance` of each other (rounding in conversions)."""
    value, base = to_base(wanted.value, wanted.unit) if wanted.unit else (wanted.value, "count")
    if found.base_unit != base:
        return False
    return abs(found.normalized - value) <= tolerance * max(abs(found.normalized), abs(value))


# A summary sentence retells another when the other holds this share of the shorter one's content
# words (a headline and the lead telling it; two outlets' headlines of one event). The eval's own
# bound, not the composer's TOLD_SHARE: a measure must not move when the rule it checks is tuned.
RETOLD_SHARE = 0.7


def retold_share(sentences: Sequence[str]) -> float | None:
    """Share of the summary's sentences after the first that retell an earlier one: budget
    spent on a fact the reader already has."""
    terms = [set(content_terms(sentence)) for sentence in sentences]
    if len(terms) < 2:
        return None
    retold = sum(
        any(term_overlap(terms[i], earlier) >= RETOLD_SHARE for earlier in terms[:i])
        for i in range(1, len(terms))
    )
    return retold / (len(terms) - 1)


# ---------------------------------------------------------------- key facts


def carries_fact(sentence: str, fact: KeyFact) -> bool:
    """True when the sentence has a variant of every term group and every gold number."""
    sentence_stems = stems(sentence)
    if not all(any(_contains(sentence_stems, stems(v)) for v in group) for group in fact.terms):
        return False
    found = find_quantities(sentence)
    return all(any(quantity_matches(q, wanted) for q in found) for wanted in fact.quantities)


def key_fact_coverage(facts: Sequence[KeyFact], sentences: Sequence[str]) -> float:
    """Share of the gold facts that some summary sentence carries."""
    if not facts:
        return 1.0
    covered = sum(any(carries_fact(s, fact) for s in sentences) for fact in facts)
    return covered / len(facts)


# Reporting cues, as written (generic English; "according to" is a phrase).
ATTRIBUTION_CUES = re.compile(
    r"\b(?:says?|said|saying|according to|claim(?:s|ed|ing)?|report(?:s|ed|edly)?|told|tells?"
    r"|warn(?:s|ed)?|announc(?:es|ed)|stated|insist(?:s|ed)?|alleg(?:es|ed|edly)"
    r"|argue[sd]?|believes?|den(?:y|ies|ied)|confirm(?:s|ed)|accus(?:es|ed)"
    r"|unverified|could not be (?:independently )?(?:confirmed|verified))\b",
    re.IGNORECASE,
)


def has_attribution(sentence: str) -> bool:
    return ATTRIBUTION_CUES.search(sentence) is not None


def contested_attribution(facts: Sequence[KeyFact], sentences: Sequence[str]) -> float | None:
    """Of the contested facts the summary covers, the share covered by an attributed sentence.

    None when the summary covers no contested fact (coverage already scores that).
    """
    attributed = covered = 0
    for fact in (fact for fact in facts if fact.contested):
        carrying = [s for s in sentences if carries_fact(s, fact)]
        if carrying:
            covered += 1
            attributed += any(has_attribution(s) for s in carrying)
    return attributed / covered if covered else None


# ---------------------------------------------------------------- faithfulness

Judge = Callable[[str, Sequence[str]], str]
"""(claim, cited document ids) -> "supported" | "unsupported" | "contradicted"."""


def faithfulness(summary: Sequence[SummarySentence], judge: Judge) -> float:
    """Share of summary sentences their cited sources support; an uncited one is unsupported."""
    if not summary:
        return 1.0
    supported = sum(
        bool(s.citations) and judge(s.text, s.citations) == "supported" for s in summary
    )
    return supported / len(summary)


def citation_precision(summary: Sequence[SummarySentence], judge: Judge) -> float | None:
    """Share of (sentence, cited document) pairs where that one document supports the sentence."""
    pairs = [(s.text, doc) for s in summary for doc in dict.fromkeys(s.citations)]
    if not pairs:
        return None
    return sum(judge(text, [doc]) == "supported" for text, doc in pairs) / len(pairs)


# ---------------------------------------------------------------- checker vs gold

Spans = dict[str, list[tuple[int, int]]]


def locate(quote: str, text: str) -> list[tuple[int, int]]:
    """Every place the quote occurs in the text; whitespace and quote marks may differ."""
    exact = [(m.start(), m.end()) for m in re.finditer(re.escape(quote), text)]
    if exact:
        return exact
    pattern = r"\s+".join(re.sub(r"[’']", "[’']", re.escape(word)) for word in quote.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def gold_spans(evidence: Iterable[GoldQuote], texts: Mapping[str, str]) -> Spans:
    """Where the gold quotes are in the documents as ingested; a missing quote is an error."""
    spans: Spans = {}
    for item in evidence:
        found = locate(item.quote, texts[item.document])
        if not found:
            raise ValueError(f"gold quote not in {item.document}: {item.quote!r}")
        spans.setdefault(item.document, []).extend(found)
    return spans


def _predicted_spans(finding: Finding) -> Spans:
    spans: Spans = {}
    for item in finding.evidence:
        spans.setdefault(item.document, []).append((item.start, item.end))
    return spans


def _overlapping_documents(predicted: Spans, gold: Spans) -> int:
    return sum(
        any(ps < ge and gs < pe for ps, pe in predicted[doc] for gs, ge in gold[doc])
        for doc in predicted.keys() & gold.keys()
    )


def evidence_matches(predicted: Spans, gold: Spans) -> bool:
    """Quotes overlap in as many documents as both can share, up to two."""
    needed = min(2, len(predicted), len(gold))
    return needed > 0 and _overlapping_documents(predicted, gold) >= needed


def finding_matches(predicted: Finding, gold: GoldFinding, texts: Mapping[str, str]) -> bool:
    """Same kind, overlapping evidence, and (for an omission) the same document left out."""
    if predicted.kind not in gold.kinds:
        return False
    spans = gold_spans(gold.evidence, texts)
    lacking = set(gold.documents) - spans.keys()
    if lacking and not lacking & set(predicted.documents):
        return False
    return evidence_matches(_predicted_spans(predicted), spans)


def _judged_itself(predicted: Finding, judged: GoldFinding, texts: Mapping[str, str]) -> bool:
    """The finding is one a reader judged: the same kind, quoting the same documents from the
    same places (a judged quote may be cut short with "…")."""
    if predicted.kind not in judged.kinds:
        return False
    ours, theirs = _predicted_spans(predicted), gold_spans(judged.evidence, texts)
    return ours.keys() == theirs.keys() and all(
        {start for start, _ in ours[document]} <= {start for start, _ in theirs[document]}
        for document in ours
    )


class KindScore(BaseModel):
    precision: float | None
    recall: float | None
    f1: float | None
    predicted: int
    gold: int


class FindingScores(BaseModel):
    overall: KindScore
    by_kind: dict[str, KindScore]
    missed: list[str]
    unmatched: list[str] = Field(description="false alarms nobody has judged: to adjudicate")
    judged_false: list[str] = Field(
        default_factory=list, description="false alarms a reader had already judged false"
    )


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _kind_score(correct: int, scored: int, found: int, gold: int) -> KindScore:
    precision = correct / scored if scored else None
    recall = found / gold if gold else None
    return KindScore(
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall),
        predicted=scored,
        gold=gold,
    )


def _describe(finding: Finding) -> str:
    quotes = " | ".join(e.quote[:60] for e in finding.evidence[:3])
    return f"{finding.kind} [{', '.join(finding.documents)}]: {quotes}"


def _acceptable(
    finding: Finding,
    optional: Sequence[GoldFinding],
    non_conflicts: Sequence[NonConflict],
    texts: Mapping[str, str],
) -> bool:
    """Matches an acceptable gold item: an optional finding, or a listed apparent disagreement
    whose `allowed_kinds` include the finding's kind (20 km vs 12 miles as an equivalence)."""
    if any(finding_matches(finding, g, texts) for g in optional):
        return True
    return any(
        finding.kind in item.allowed_kinds
        and evidence_matches(_predicted_spans(finding), gold_spans(item.evidence, texts))
        for item in non_conflicts
    )


def score_findings(
    predicted: Sequence[Finding],
    gold: Sequence[GoldFinding],
    texts: Mapping[str, str],
    non_conflicts: Sequence[NonConflict] = (),
    judged_false: Sequence[GoldFinding] = (),
) -> FindingScores:
    """Precision, recall and F1 of the checker, overall and by kind.

    A prediction matching a required gold finding, or an acceptable item (an optional gold
    finding, or a listed non-conflict that allows its kind), is correct; any other is a false
    alarm, listed apart when it matches a finding a reader judged false. A finding a reader
    judged false (the same quotes) stays false, even where its quotes overlap a real item's.
    Recall counts required gold findings.
    """
    required = [g for g in gold if g.required]
    optional = [g for g in gold if not g.required]
    kinds: list[str] = sorted({p.kind for p in predicted} | {g.kind for g in required})
    correct = dict.fromkeys(kinds, 0)
    scored = dict.fromkeys(kinds, 0)
    found: set[str] = set()
    unmatched, known = [], []
    for finding in predicted:
        scored[finding.kind] += 1
        if any(_judged_itself(finding, g, texts) for g in judged_false):
            known.append(_describe(finding))  # its quotes may also overlap a real item's
            continue
        hits = [g.id for g in required if finding_matches(finding, g, texts)]
        found.update(hits)
        if hits or _acceptable(finding, optional, non_conflicts, texts):
            correct[finding.kind] += 1
        elif any(finding_matches(finding, g, texts) for g in judged_false):
            known.append(_describe(finding))
        else:
            unmatched.append(_describe(finding))
    by_kind = {
        kind: _kind_score(
            correct[kind],
            scored[kind],
            sum(g.id in found for g in required if g.kind == kind),
            sum(g.kind == kind for g in required),
        )
        for kind in kinds
    }
    overall = _kind_score(sum(correct.values()), sum(scored.values()), len(found), len(required))
    missed = [g.id for g in required if g.id not in found]
    return FindingScores(
        overall=overall, by_kind=by_kind, missed=missed, unmatched=unmatched, judged_false=known
    )


def false_conflicts(
    predicted: Sequence[Finding],
    non_conflicts: Sequence[NonConflict],
    gold: Sequence[GoldFinding],
    texts: Mapping[str, str],
) -> list[Finding]:
    """Reported `quantity_conflict`s that the gold says are not conflicts: a listed apparent
    disagreement (units, number words, spellings), or a gold equivalence, update or variant.
    A report that matches a gold conflict is never a false one."""
    marked = [item.evidence for item in non_conflicts] + [
        g.evidence for g in gold if g.kinds & NOT_DISAGREEMENTS
    ]
    marked_spans = [gold_spans(evidence, texts) for evidence in marked]
    return [
        finding
        for finding in predicted
        if finding.kind == "quantity_conflict"
        and not any(finding_matches(finding, g, texts) for g in gold)
        and any(evidence_matches(_predicted_spans(finding), spans) for spans in marked_spans)
    ]


# ---------------------------------------------------------------- ROUGE and accuracy

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")


@cache
def _rouge_scorer():  # type: ignore[no-untyped-def]
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def rouge_scores(prediction: str, reference: str) -> dict[str, float]:
    """ROUGE-1/2/Lsum F1 (x100) with stemming; Lsum sees one sentence a line."""
    scores = _rouge_scorer().score(
        "\n".join(split_sentences(reference)), "\n".join(split_sentences(prediction))
    )
    return {name: 100 * scores[name].fmeasure for name in ROUGE_TYPES}


def rouge(predictions: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    """Mean ROUGE-1/2/Lsum F1 (x100) over the pairs."""
    if len(predictions) != len(references):
        raise ValueError(f"{len(predictions)} predictions for {len(references)} references")
    totals = dict.fromkeys(ROUGE_TYPES, 0.0)
    for prediction, reference in zip(predictions, references, strict=True):
        for name, score in rouge_scores(prediction, reference).items():
            totals[name] += score
    return {name: total / max(len(predictions), 1) for name, total in totals.items()}


def balanced_accuracy(gold: Sequence[bool], predicted: Sequence[bool]) -> float:
    """Mean of the recall on each class present in the gold labels."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(predicted)} predictions for {len(gold)} labels")
    recalls = []
    for label in (True, False):
        positions = [i for i, g in enumerate(gold) if bool(g) is label]
        if positions:
            recalls.append(sum(bool(predicted[i]) is label for i in positions) / len(positions))
    return statistics.fmean(recalls) if recalls else 0.0
