"""The checker's judged sets: findings of an earlier checker that one reader judged by reading
the clusters (see each set's README), scored like the labelled sets.

- `checker_heldout` (`data/checker_heldout/`): 25 NeuS clusters, 42 judged findings and 23
  disagreements the reader found that the checker missed.
- `checker_review` (`data/checker_review/`): 63 NeuS clusters, 70 judged findings.

A finding judged real is required (a clear miss too), one judged acceptable is acceptable (a
borderline or optional miss too), and one judged false is a false alarm when found again, listed
apart from the findings nobody has judged. The readers judged the findings they were shown, not
every disagreement: a finding none of them saw counts as a false alarm until a reader judges it
(pooling, as for the labelled sets), so precision here is a lower bound. Quotes were shortened
with "…" when judged; the part before it is what is matched, and an item with no quote left in
its document is not used, nor a miss of a kind the checker does not have (two contradictions in
`checker_heldout`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_args

from evals import DATA_DIR
from evals.dataset import Dataset, parse_dataset
from evals.suites import DatasetSuite
from summarize.ingest.records import cluster_from_record
from summarize.models import FindingKind

NEUS_CLUSTERS = DATA_DIR / "neus" / "clusters.jsonl"
_REQUIRED = {"real", "clear"}
_ACCEPTABLE = {"acceptable", "borderline", "optional"}
_KINDS = set(get_args(FindingKind))


def _lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _gold_finding(item: dict[str, Any], texts: dict[str, str]) -> dict[str, Any] | None:
    """The judged item as a gold finding, with the quotes found in their documents; None when
    no quote is left or the checker has no such kind."""
    if item["kind"] not in _KINDS:
        return None
    evidence = []
    for quote in item["quotes"]:
        document = quote.get("document") or quote.get("doc")
        text = quote["quote"].split("…")[0].strip()
        if text and text in texts.get(document, ""):
            evidence.append({"document": document, "quote": text})
    if not evidence:
        return None
    label = item.get("label") or item.get("strength")
    return {
        "kind": item["kind"],
        "required": label in _REQUIRED,
        "evidence": evidence,
        "note": item.get("reason") or item.get("note", ""),
    }


def load_judged(name: str, directory: Path) -> Dataset:
    records = {
        record["id"]: record
        for record in map(json.loads, NEUS_CLUSTERS.read_text(encoding="utf-8").splitlines())
    }
    judged = _lines(directory / "findings_judged.jsonl") + _lines(directory / "misses.jsonl")
    order = list(dict.fromkeys(item["cluster"] for item in judged))
    lines = []
    for cluster_id in order:
        record = records[cluster_id]
        texts = {d.id: d.text for d in cluster_from_record(record, cluster_id).documents}
        expected, judged_false = [], []
        for item in judged:
            if item["cluster"] != cluster_id:
                continue
            label = item.get("label") or item.get("strength")
            finding = _gold_finding(item, texts)
            if finding is not None and label in _REQUIRED | _ACCEPTABLE:
                expected.append(finding)
            elif finding is not None and label == "false":
                judged_false.append(finding)
        line = {
            "id": cluster_id,
            "sources": record["sources"],
            "expected_findings": expected,
            "judged_false": judged_false,
        }
        lines.append(json.dumps(line, ensure_ascii=False))
    return parse_dataset(name, str(directory), "\n".join(lines))


def _suite(name: str) -> DatasetSuite:
    directory = DATA_DIR / name
    return DatasetSuite(name=name, load=lambda: load_judged(name, directory), solve="check")


CHECKER_HELDOUT = _suite("checker_heldout")
CHECKER_REVIEW = _suite("checker_review")
