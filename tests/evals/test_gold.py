"""The seed gold is consistent with the seed reports as the tool reads them, and the seeds
dataset holds those reports exactly as `summarize merge` reads the files."""

from __future__ import annotations

from functools import cache

import pytest

from evals.metrics import carries_fact, gold_spans
from evals.suites.seeds import SeedsGold, load_seeds, load_seeds_gold
from summarize.ingest import load_inputs
from summarize.models import Cluster

GOLD = load_seeds_gold()


@cache
def seed_cluster() -> Cluster:
    (cluster,) = load_inputs([str(path) for path in GOLD.source_paths])
    return cluster


def seed_texts() -> dict[str, str]:
    return {document.id: document.text for document in seed_cluster().documents}


def test_gold_names_the_five_seed_reports() -> None:
    assert sorted(seed_texts()) == sorted(GOLD.documents)
    named = {doc for fact in GOLD.facts for doc in fact.documents}
    named |= {doc for finding in GOLD.findings for doc in finding.documents}
    named |= {e.document for item in GOLD.findings + GOLD.non_conflicts for e in item.evidence}
    assert named <= set(GOLD.documents)


@pytest.mark.parametrize(
    "item", GOLD.findings + GOLD.non_conflicts, ids=lambda item: f"{type(item).__name__}-{item.id}"
)
def test_every_gold_quote_is_in_the_ingested_text(item: object) -> None:
    spans = gold_spans(item.evidence, seed_texts())  # type: ignore[attr-defined]
    assert spans


@pytest.mark.parametrize("fact", GOLD.facts, ids=lambda fact: fact.id)
def test_every_key_fact_is_carried_by_a_sentence_of_its_reports(fact: object) -> None:
    sentences = [
        s.text
        for document in seed_cluster().documents
        if document.id in fact.documents  # type: ignore[attr-defined]
        for s in document.sentences
    ]
    assert any(carries_fact(sentence, fact) for sentence in sentences)  # type: ignore[arg-type]


def test_gold_has_what_the_suite_scores() -> None:
    assert isinstance(GOLD, SeedsGold)
    assert 10 <= len(GOLD.facts) <= 14
    assert any(fact.contested for fact in GOLD.facts)
    required_kinds = {finding.kind for finding in GOLD.findings if finding.required}
    assert {"quantity_equivalent", "temporal_update", "framing", "attribution"} <= required_kinds
    assert {"entity_variant", "unique_claim"} <= required_kinds
    assert len({item.id for item in GOLD.findings}) == len(GOLD.findings)


def test_the_seeds_dataset_is_the_seed_files_as_merge_reads_them() -> None:
    dataset = load_seeds()
    assert dataset.problems == []
    (case,) = dataset.cases
    from_files = [d.model_dump(exclude={"path"}) for d in seed_cluster().documents]
    assert [d.model_dump(exclude={"path"}) for d in case.cluster.documents] == from_files
    assert len(case.gold.key_facts) == len(GOLD.facts)
    assert len(case.gold.expected_findings) == len(GOLD.findings)
