"""Dataset files: one cluster a line with optional gold; a bad line is named, the rest are used."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evals.dataset import DatasetError, load_dataset, parse_dataset
from tests.stories import QUAKE, STRIKE


def quake_line(**gold: Any) -> dict[str, Any]:
    sources = [{"id": name, "text": text} for name, text in QUAKE.items()]
    return {"id": "quake", "sources": sources, **gold}


GOOD = quake_line(
    reference="An earthquake killed at least 40 people in the mountain region on Monday.",
    key_facts=[
        ["earthquake", "quake"],
        {"fact": "epicentre", "quantities": [{"value": 30, "unit": "kilometer"}]},
    ],
    expected_findings=[
        {
            "kind": "quantity_conflict",
            "evidence": [
                {"document": "wire", "quote": "killing at least 40 people"},
                {"document": "tabloid", "quote": "killing 25 people"},
            ],
        }
    ],
    not_conflicts=[
        {
            "evidence": [
                {"document": "wire", "quote": "about 30 kilometers (19 miles)"},
                {"document": "rewrite", "quote": "some 19 miles"},
            ]
        }
    ],
    max_words=80,
)


def parse(*lines: object) -> Any:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    return parse_dataset("test", "test.jsonl", text)


def test_a_line_with_every_gold_field_is_a_case() -> None:
    dataset = parse(GOOD, "", {"id": "strike", "sources": list(STRIKE.values())})
    assert dataset.problems == []
    quake, strike = dataset.cases
    assert (quake.id, quake.line, strike.line) == ("quake", 1, 3)
    assert [d.id for d in quake.cluster.documents] == ["wire", "rewrite", "tabloid"]
    gold = quake.gold
    assert gold.key_facts[0].terms == [["earthquake", "quake"]]
    assert [fact.id for fact in gold.key_facts] == ["fact-1", "fact-2"]
    finding = gold.expected_findings[0]
    assert (finding.id, finding.required, finding.documents) == (
        "finding-1",
        True,
        ["wire", "tabloid"],
    )
    assert gold.max_words == 80
    assert strike.gold.reference is None and strike.gold.key_facts == []


@pytest.mark.parametrize(
    ("line", "field", "message"),
    [
        ("{not json", "the line", "not JSON"),
        pytest.param(
            "[" * 2000, "the line", "JSON nested too deeply (limit 32 levels)", id="too-deep"
        ),
        ([1, 2], "the line", "expected a JSON object"),
        (quake_line(key_facts=[[]]), "key_facts[0]", "at least one non-empty variant"),
        (quake_line(key_facts=[{"fact": "x"}]), "key_facts[0]", "needs words"),
        (
            quake_line(key_facts=[{"quantities": [{"value": 3, "unit": "furlong"}]}]),
            "key_facts[0].quantities[0].unit",
            "unknown unit 'furlong'",
        ),
        (quake_line(max_words=0), "max_words", "greater than 0"),
        (quake_line(reference=5), "reference", "valid string"),
        pytest.param(
            quake_line(reference="An earthquake struck. " * 3000),
            "reference",
            "too long for a summary: 66,000 characters (limit 50,000;",
            id="reference-too-long",
        ),
        (
            quake_line(expected_findings=[{"kind": "rumour", "evidence": []}]),
            "expected_findings[0].kind",
            "Input should be",
        ),
        (
            quake_line(
                expected_findings=[
                    {
                        "kind": "framing",
                        "evidence": [{"document": "wire", "quote": "a giant quake"}],
                    }
                ]
            ),
            "expected_findings[0].evidence[0].quote",
            "not in document 'wire'",
        ),
        (
            quake_line(not_conflicts=[{"evidence": [{"document": "blog", "quote": "Monday"}]}]),
            "not_conflicts[0].evidence[0].document",
            "no document 'blog' in this cluster (its documents: wire, rewrite, tabloid)",
        ),
        ({"id": "x", "sources": []}, "sources", 'no "sources"'),
        (
            {"id": "x", "sources": ["A fine report about the port strike on Monday.", "404"]},
            "source 2",
            "not an article",
        ),
    ],
)
def test_a_bad_line_is_named_with_its_field_and_the_others_are_used(
    line: object, field: str, message: str
) -> None:
    dataset = parse(GOOD, line, {"id": "strike", "sources": list(STRIKE.values())})
    assert [case.id for case in dataset.cases] == ["quake", "strike"]
    (problem,) = dataset.problems
    assert (problem.line, problem.field) == (2, field)
    assert message in problem.message
    assert problem.describe("test.jsonl").startswith(f"test.jsonl line 2: {field}: ")


def test_a_repeated_id_is_a_problem_of_the_later_line() -> None:
    dataset = parse(GOOD, GOOD)
    assert len(dataset.cases) == 1
    assert dataset.problems[0].model_dump() == {
        "line": 2,
        "field": "id",
        "message": "'quake' is the id of line 1 too",
    }


def test_a_line_without_an_id_is_named_by_its_line() -> None:
    dataset = parse({"sources": list(STRIKE.values())})
    assert dataset.cases[0].id == "line 1"


def test_limit_takes_the_first_clusters() -> None:
    dataset = parse(GOOD, {"id": "strike", "sources": list(STRIKE.values())})
    assert [case.id for case in dataset.limited(1).cases] == ["quake"]
    assert dataset.limited(None) is dataset


def test_an_unreadable_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="dataset not found"):
        load_dataset(tmp_path / "missing.jsonl")
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(b'{"id": "caf\xe9"}')
    with pytest.raises(DatasetError, match="cannot read dataset"):
        load_dataset(latin)


@pytest.mark.parametrize("text", ["", "\n  \n\t\n"])
def test_a_file_without_a_line_is_an_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text(text)
    with pytest.raises(DatasetError, match=f"dataset {path} has no clusters: the file "):
        load_dataset(path)


def test_a_dataset_is_named_after_its_file(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.jsonl"
    path.write_text(json.dumps(GOOD) + "\n")
    assert load_dataset(path).name == "newsroom"
    assert load_dataset(path, "mine").name == "mine"
