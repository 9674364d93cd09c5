"""The eval scores, each a pure function of its inputs.

Summary: key-fact coverage, faithfulness, citation precision, attribution of contested claims,
length. Checker: precision / recall / F1 by finding kind, false conflicts. Peers: ROUGE.
Detector: balanced accuracy. Loaded-word rates live in `evals.neutrality`.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import snowballstemmer
from pydantic import BaseModel

from evals.gold import GoldFinding, GoldQuantity, GoldQuote, KeyFact, NonConflict
from summarize.models import Finding, SummarySentence

# ---------------------------------------------------------------- words and sentences

_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘'(]?[A-Z0-9])")


def word_count(text: str) -> int:
    """Words as a reader counts them: "half-million" is one word, "U.N." one."""
    return len(text.split())


def split_sentences(text: str) -> list[str]:
    """A plain splitter for summaries given as one string (peer outputs, references)."""
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def stems(text: str) -> list[str]:
    """Lower-cased stems; apostrophes dropped ("Hay’at" = "Hayat"), hyphens split words."""
    words = [w.replace("’", "").replace("'", "") for w in _WORD.findall(text.lower())]
    return _stemmer().stemWords(words)


def _contains(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    size = len(needle)
    return size > 0 and any(
        list(haystack[i : i + size]) == list(needle) for i in range(len(haystack) - size + 1)
    )


# ---------------------------------------------------------------- amounts

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_UNIT_WORDS = (
    r"kilomet(?:er|re)s?|km|met(?:er|re)s?|m|miles?|mi|feet|foot|ft|yards?"
    r"|kilograms?|kg|tonnes?|tons?|pounds?|lbs?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = rf"(?:(?:{_TENS})[\s-]+(?:{_ONES})|{'|'.join(_NUMBER_WORDS)})\b"
_SCALE = "|".join(_SCALES)
_AMOUNT = re.compile(
    rf"(?<![\w.])(?:(?P<half>half)(?:[\s-]+an?)?[\s-]+(?P<half_scale>{_SCALE})"
    rf"|(?P<number>{_DIGITS}|{_WORDS})(?:[\s-]+(?P<scale>{_SCALE}))?)"
    rf"(?:[\s-]*\(?(?P<unit>{_UNIT_WORDS})\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    """A number found in text, in the base unit of its dimension ('' for a plain count)."""

    value: float
    unit: str


@cache
def _units():  # type: ignore[no-untyped-def]
    import pint

    return pint.UnitRegistry()


@cache
def _to_base(unit: str) -> tuple[float, str]:
    """Factor to the base unit, and the base unit's name ('' for a count)."""
    if not unit:
        return 1.0, ""
    base = _units().Quantity(1.0, unit.lower()).to_base_units()
    return float(base.magnitude), str(base.units)


def amount(value: float, unit: str = "") -> Amount:
    factor, base = _to_base(unit)
    return Amount(value * factor, base)


def find_amounts(text: str) -> list[Amount]:
    """Numbers in digits or words ("3 million", "three million", "half-a-million",
    "12 miles"), converted to the base unit so that 20 km and 12 miles compare."""
    found = []
    for match in _AMOUNT.finditer(text):
        if match["half"]:
            value = 0.5 * _SCALES[match["half_scale"].lower()]
        else:
            number = match["number"].lower()
            if number[0].isdigit():
                value = float(number.replace(",", ""))
            else:
                value = float(sum(_NUMBER_WORDS[word] for word in re.split(r"[\s-]+", number)))
            if match["scale"]:
                value *= _SCALES[match["scale"].lower()]
        found.append(amount(value, match["unit"] or ""))
    return found


def amounts_match(found: Amount, wanted: Amount, tolerance: float = 0.1) -> bool:
    """Same dimension and within `tolerance` of each other (rounding in conversions)."""
    if found.unit != wanted.unit:
        return False
    return abs(found.value - wanted.value) <= tolerance * max(abs(found.value), abs(wanted.value))


# ---------------------------------------------------------------- key facts


def carries_fact(sentence: str, fact: KeyFact) -> bool:
    """True when the sentence has a variant of every term group and every gold number."""
    sentence_stems = stems(sentence)
    if not all(any(_contains(sentence_stems, stems(v)) for v in group) for group in fact.terms):
        return False
    amounts = find_amounts(sentence)
    return all(
        any(amounts_match(found, _gold_amount(q)) for found in amounts) for q in fact.quantities
    )


def _gold_amount(quantity: GoldQuantity) -> Amount:
    return amount(quantity.value, quantity.unit)


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
    unmatched: list[str]


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


def score_findings(
    predicted: Sequence[Finding], gold: Sequence[GoldFinding], texts: Mapping[str, str]
) -> FindingScores:
    """Precision, recall and F1 of the checker, overall and by kind.

    A prediction matching a required gold finding is correct; one matching only optional gold
    findings is left out of precision; one matching none is wrong. Recall counts required gold.
    """
    required = [g for g in gold if g.required]
    optional = [g for g in gold if not g.required]
    kinds = sorted({p.kind for p in predicted} | {g.kind for g in required})
    correct = dict.fromkeys(kinds, 0)
    scored = dict.fromkeys(kinds, 0)
    found: set[str] = set()
    unmatched = []
    for finding in predicted:
        hits = [g.id for g in required if finding_matches(finding, g, texts)]
        if hits:
            found.update(hits)
            correct[finding.kind] += 1
            scored[finding.kind] += 1
        elif not any(finding_matches(finding, g, texts) for g in optional):
            scored[finding.kind] += 1
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
    return FindingScores(overall=overall, by_kind=by_kind, missed=missed, unmatched=unmatched)


NOT_CONFLICT_KINDS = frozenset({"quantity_equivalent", "temporal_update", "entity_variant"})


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
        g.evidence for g in gold if g.kinds & NOT_CONFLICT_KINDS
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


def rouge(predictions: Sequence[str], references: Sequence[str]) -> dict[str, float]:
    """Mean ROUGE-1/2/Lsum F1 (x100) with stemming; Lsum sees one sentence a line."""
    if len(predictions) != len(references):
        raise ValueError(f"{len(predictions)} predictions for {len(references)} references")
    totals = dict.fromkeys(ROUGE_TYPES, 0.0)
    for prediction, reference in zip(predictions, references, strict=True):
        scores = _rouge_scorer().score(
            "\n".join(split_sentences(reference)), "\n".join(split_sentences(prediction))
        )
        for name in ROUGE_TYPES:
            totals[name] += scores[name].fmeasure
    return {name: 100 * total / max(len(predictions), 1) for name, total in totals.items()}


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
