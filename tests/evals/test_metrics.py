"""The eval metrics on small hand-made cases from several stories."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from evals.gold import GoldFinding, GoldQuantity, GoldQuote, KeyFact, NonConflict
from evals.metrics import (
    balanced_accuracy,
    carries_fact,
    citation_precision,
    contested_attribution,
    evidence_matches,
    faithfulness,
    false_conflicts,
    key_fact_coverage,
    locate,
    quantity_matches,
    rouge,
    score_findings,
    word_count,
)
from summarize.analyze.quantities import find_quantities
from summarize.models import Evidence, Finding, SummarySentence
from summarize.text.sentences import split_sentences

# ---------------------------------------------------------------- numbers and words


@pytest.mark.parametrize(
    ("text", "wanted", "matches"),
    [
        ("some 20 kilometers north", GoldQuantity(value=12, unit="mile"), True),
        ("12 miles north", GoldQuantity(value=20, unit="kilometer"), True),
        ("more than 3 million refugees", GoldQuantity(value=3e6), True),
        ("over three million refugees", GoldQuantity(value=3e6), True),
        ("an estimated half-a-million lives", GoldQuantity(value=5e5), True),
        ("500,000 people", GoldQuantity(value=5e5), True),
        ("twenty-five workers", GoldQuantity(value=25), True),
        ("a 30km stretch", GoldQuantity(value=30, unit="kilometer"), True),
        ("400,000 people", GoldQuantity(value=5e5), False),
        ("20 miles", GoldQuantity(value=20, unit="kilometer"), False),
    ],
)
def test_quantity_matches_after_conversion(text: str, wanted: GoldQuantity, matches: bool) -> None:
    assert any(quantity_matches(found, wanted) for found in find_quantities(text)) is matches


def test_word_count_and_sentence_split() -> None:
    assert word_count("The U.N. envoy said a half-million people died.") == 8
    assert split_sentences('He said "no." Then the U.N. envoy spoke. 3 died! Next') == [
        'He said "no."',
        "Then the U.N. envoy spoke.",
        "3 died!",
        "Next",
    ]


# ---------------------------------------------------------------- key facts

QUAKE_TOLL = KeyFact(
    id="toll",
    fact="The quake killed at least 40 people.",
    documents=["a", "b"],
    contested=True,
    terms=[["killed", "dead", "deaths"]],
    quantities=[GoldQuantity(value=40)],
)
QUAKE_EPICENTRE = KeyFact(
    id="epicentre",
    fact="The epicentre was 30 km north of the capital.",
    documents=["a", "b"],
    contested=False,
    terms=[["epicentre", "epicenter"], ["capital"]],
    quantities=[GoldQuantity(value=30, unit="kilometer")],
)
STRIKE_SIZE = KeyFact(
    id="strikers",
    fact="About 2,000 port workers walked out.",
    documents=["day1"],
    contested=True,
    terms=[["strike", "walked out", "walkout"], ["port"]],
)


def test_a_fact_needs_every_term_group_and_number() -> None:
    assert carries_fact("Officials said at least 40 people were killed.", QUAKE_TOLL)
    assert carries_fact("Forty deaths were confirmed.", QUAKE_TOLL)
    assert not carries_fact("At least 75 people were killed.", QUAKE_TOLL)
    assert not carries_fact("At least 40 people were injured.", QUAKE_TOLL)


def test_a_fact_allows_unit_conversions_and_stems() -> None:
    assert carries_fact("The epicenter lay some 19 miles north of the capital.", QUAKE_EPICENTRE)
    assert not carries_fact("The epicentre lay 50 km north of the capital.", QUAKE_EPICENTRE)
    assert carries_fact("Dock workers at the port are striking.", STRIKE_SIZE)
    assert carries_fact("Port workers walked-out on Tuesday.", STRIKE_SIZE)


def test_key_fact_coverage_counts_facts_not_sentences() -> None:
    summary = [
        "At least 40 people were killed, officials said.",
        "The quake killed 40.",
        "Rescue teams pulled 12 survivors from the rubble.",
    ]
    assert key_fact_coverage([QUAKE_TOLL, QUAKE_EPICENTRE], summary) == 0.5
    assert key_fact_coverage([], summary) == 1.0


def test_contested_attribution_looks_only_at_covered_contested_facts() -> None:
    facts = [QUAKE_TOLL, QUAKE_EPICENTRE, STRIKE_SIZE]
    attributed = ["At least 40 people were killed, according to officials."]
    bare = ["At least 40 people were killed.", "Port workers are on strike, the union said."]
    assert contested_attribution(facts, attributed) == 1.0
    assert contested_attribution(facts, bare) == 0.5
    assert contested_attribution(facts, ["The epicentre was 30 km from the capital."]) is None
    state_is_no_cue = ["State television showed that at least 40 people were killed."]
    assert contested_attribution(facts, state_is_no_cue) == 0.0


# ---------------------------------------------------------------- faithfulness


def judge_by_table(table: dict[tuple[str, str], str]):  # type: ignore[no-untyped-def]
    """A judge that knows which single document supports which sentence."""

    def judge(claim: str, documents: Sequence[str]) -> str:
        labels = [table.get((claim, doc), "unsupported") for doc in documents]
        if "contradicted" in labels:
            return "contradicted"
        return "supported" if "supported" in labels else "unsupported"

    return judge


SUMMARY = [
    SummarySentence(text="The strike began on Tuesday.", citations=["day1", "day2"]),
    SummarySentence(text="About 3,500 workers joined.", citations=["day1"]),
    SummarySentence(text="The port was closed.", citations=[]),
]
JUDGE = judge_by_table(
    {
        ("The strike began on Tuesday.", "day1"): "supported",
        ("About 3,500 workers joined.", "day1"): "contradicted",
        ("About 3,500 workers joined.", "day2"): "supported",
    }
)


def test_faithfulness_counts_supported_sentences_and_uncited_ones_as_unsupported() -> None:
    assert faithfulness(SUMMARY, JUDGE) == pytest.approx(1 / 3)
    assert faithfulness([], JUDGE) == 1.0


def test_citation_precision_checks_each_cited_document_alone() -> None:
    # day1 supports sentence 1, day2 does not; day1 contradicts sentence 2.
    assert citation_precision(SUMMARY, JUDGE) == pytest.approx(1 / 3)
    assert citation_precision([SUMMARY[2]], JUDGE) is None


# ---------------------------------------------------------------- checker vs gold

TEXTS = {
    "wire": "The quake killed at least 40 people. The epicentre was 30 kilometers north. "
    "Officials in Ankara said aid is coming.",
    "rewrite": "The quake killed more than 40 people. The epicentre was 19 miles north. "
    "Critics blamed shoddy construction.",
    "tabloid": "The quake killed 75 people. The epicentre was about 30 kilometers north.",
}


def evidence(document: str, quote: str) -> Evidence:
    start = TEXTS[document].index(quote)
    return Evidence(document=document, quote=quote, start=start, end=start + len(quote))


def predicted(kind: str, *quotes: tuple[str, str]) -> Finding:
    return Finding(
        kind=kind,  # type: ignore[arg-type]
        severity="medium",
        documents=list(dict.fromkeys(doc for doc, _ in quotes)),
        evidence=[evidence(doc, quote) for doc, quote in quotes],
        explanation="",
    )


def gold(
    gold_id: str,
    kind: str,
    *quotes: tuple[str, str],
    required: bool = True,
    documents: Sequence[str] = (),
) -> GoldFinding:
    return GoldFinding(
        id=gold_id,
        kind=kind,  # type: ignore[arg-type]
        required=required,
        documents=list(documents) or list(dict.fromkeys(doc for doc, _ in quotes)),
        evidence=[GoldQuote(document=doc, quote=quote) for doc, quote in quotes],
    )


GOLD = [
    gold("toll", "quantity_conflict", ("wire", "at least 40"), ("tabloid", "75 people")),
    gold("km-miles", "quantity_equivalent", ("wire", "30 kilometers"), ("rewrite", "19 miles")),
    gold("blame", "unique_claim", ("rewrite", "Critics blamed shoddy construction.")),
    gold(
        "more-than", "framing", ("wire", "at least 40"), ("rewrite", "more than 40"), required=False
    ),
    gold(
        "blame-left-out",
        "omission",
        ("rewrite", "Critics blamed shoddy construction."),
        documents=["wire", "tabloid", "rewrite"],
    ),
]


def test_locate_finds_every_occurrence_and_tolerates_spacing_and_apostrophes() -> None:
    assert locate("the", "the cat and the dog") == [(0, 3), (12, 15)]
    assert locate("Hay'at Tahrir", "led by the Hay’at  Tahrir group") == [(11, 25)]
    assert locate("absent", "the cat") == []


def test_evidence_must_overlap_in_two_documents_when_both_have_two() -> None:
    gold_spans = {"a": [(0, 10)], "b": [(20, 30)]}
    assert evidence_matches({"a": [(5, 8)], "b": [(25, 40)]}, gold_spans)
    assert not evidence_matches({"a": [(5, 8)], "b": [(0, 19)]}, gold_spans)
    assert evidence_matches({"a": [(9, 12)]}, gold_spans)


def test_score_findings_precision_recall_by_kind() -> None:
    found = [
        predicted("quantity_conflict", ("wire", "killed at least 40 people"), ("tabloid", "75")),
        predicted("quantity_equivalent", ("wire", "30 kilometers"), ("rewrite", "19 miles")),
        # right quotes, wrong kind: counts against framing precision, not for equivalence.
        predicted("framing", ("wire", "30 kilometers"), ("rewrite", "19 miles")),
        # matches only the optional gold item: acceptable, so correct.
        predicted("framing", ("wire", "at least 40"), ("rewrite", "more than 40")),
        # an omission must name the document that left the claim out.
        predicted("omission", ("rewrite", "Critics blamed"), ("wire", "Officials")),
    ]
    scores = score_findings(found, GOLD, TEXTS)
    assert scores.by_kind["quantity_conflict"].precision == 1.0
    assert scores.by_kind["quantity_equivalent"].recall == 1.0
    assert scores.by_kind["framing"].precision == 0.5
    assert scores.by_kind["framing"].predicted == 2
    assert scores.by_kind["framing"].recall is None
    assert scores.by_kind["unique_claim"].recall == 0.0
    assert scores.by_kind["omission"].precision == 1.0
    assert scores.overall.precision == pytest.approx(4 / 5)
    assert scores.overall.recall == pytest.approx(3 / 4)
    assert scores.overall.f1 == pytest.approx(2 * 0.8 * 0.75 / 1.55)
    assert scores.missed == ["blame"]
    assert len(scores.unmatched) == 1


def test_a_kind_a_listed_non_conflict_allows_is_correct_and_another_is_a_false_alarm() -> None:
    units = NonConflict(
        id="units",
        what="the same distance in other units",
        allowed_kinds=["quantity_equivalent"],
        evidence=[
            GoldQuote(document="wire", quote="30 kilometers"),
            GoldQuote(document="rewrite", quote="19 miles"),
        ],
    )
    quotes = (("wire", "30 kilometers"), ("rewrite", "19 miles"))
    equivalent = predicted("quantity_equivalent", *quotes)
    conflict = predicted("quantity_conflict", *quotes)
    scores = score_findings([equivalent, conflict], [], TEXTS, [units])
    assert scores.by_kind["quantity_equivalent"].precision == 1.0
    assert scores.by_kind["quantity_conflict"].precision == 0.0


def test_a_false_alarm_judged_before_is_listed_apart_from_those_nobody_judged() -> None:
    judged = [gold("colour", "unique_claim", ("rewrite", "Critics blamed shoddy construction."))]
    again = predicted("unique_claim", ("rewrite", "Critics blamed shoddy construction."))
    unseen = predicted("framing", ("wire", "30 kilometers"), ("rewrite", "19 miles"))
    scores = score_findings([again, unseen], [], TEXTS, judged_false=judged)
    assert scores.overall.precision == 0.0  # both are false alarms
    assert len(scores.judged_false) == 1 and scores.judged_false[0].startswith("unique_claim")
    assert len(scores.unmatched) == 1 and scores.unmatched[0].startswith("framing")


def test_a_finding_judged_false_stays_false_when_its_quotes_overlap_a_real_item() -> None:
    real = gold("toll", "quantity_conflict", ("wire", "at least 40 people"), ("tabloid", "75"))
    judged = [gold("misread", "quantity_conflict", ("wire", "at least 40"), ("tabloid", "75"))]
    again = predicted("quantity_conflict", ("wire", "at least 40"), ("tabloid", "75"))
    scores = score_findings([again], [real], TEXTS, judged_false=judged)
    assert scores.overall.precision == 0.0 and scores.missed == ["toll"]
    other = predicted("quantity_conflict", ("wire", "40 people"), ("tabloid", "75 people"))
    assert score_findings([other], [real], TEXTS, judged_false=judged).overall.precision == 1.0


def test_omission_with_the_wrong_document_left_out_does_not_match() -> None:
    wrong = predicted("omission", ("rewrite", "Critics blamed"))
    assert score_findings([wrong], GOLD, TEXTS).by_kind["omission"].precision == 0.0


def test_a_missing_gold_quote_is_an_error_not_a_miss() -> None:
    broken = [gold("x", "framing", ("wire", "not in the text"))]
    with pytest.raises(ValueError, match="not in the text"):
        score_findings([predicted("framing", ("wire", "at least 40"))], broken, TEXTS)


def test_false_conflicts_are_conflicts_over_units_or_gold_equivalences() -> None:
    non_conflicts = [
        NonConflict(
            id="n",
            what="units",
            allowed_kinds=["quantity_equivalent"],
            evidence=[
                GoldQuote(document="tabloid", quote="about 30 kilometers"),
                GoldQuote(document="rewrite", quote="19 miles"),
            ],
        )
    ]
    units = predicted("quantity_conflict", ("wire", "30 kilometers"), ("rewrite", "19 miles"))
    toll = predicted("quantity_conflict", ("wire", "at least 40"), ("tabloid", "75 people"))
    listed = predicted("quantity_conflict", ("tabloid", "30 kilometers"), ("rewrite", "19 miles"))
    found = false_conflicts([units, toll, listed], non_conflicts, GOLD, TEXTS)
    assert found == [units, listed]


# ---------------------------------------------------------------- ROUGE and accuracy


def test_rouge_is_100_for_identical_text_and_uses_stemming() -> None:
    text = "The strike began on Tuesday. About 2,000 workers joined."
    assert rouge([text], [text]) == pytest.approx(
        {"rouge1": 100.0, "rouge2": 100.0, "rougeLsum": 100.0}
    )
    stemmed = rouge(["Workers striking"], ["worker strikes"])
    assert stemmed["rouge1"] == pytest.approx(100.0)
    assert rouge(["cats purr"], ["dogs bark loudly"])["rouge1"] == 0.0


def test_rouge_lsum_rewards_sentence_level_order() -> None:
    reference = "Rain fell in the north. Snow fell in the south."
    same_sentences = rouge(["Snow fell in the south. Rain fell in the north."], [reference])
    scrambled = rouge(["north the in fell rain. south the in fell snow."], [reference])
    assert same_sentences["rougeLsum"] == pytest.approx(100.0)
    assert scrambled["rougeLsum"] < 50
    with pytest.raises(ValueError):
        rouge(["a"], [])


def test_balanced_accuracy_weights_each_class_equally() -> None:
    gold_labels = [True, True, True, True, False]
    assert balanced_accuracy(gold_labels, [True] * 5) == 0.5
    assert balanced_accuracy(gold_labels, [True, True, True, False, False]) == pytest.approx(0.875)
    assert balanced_accuracy([False, False], [False, True]) == 0.5
