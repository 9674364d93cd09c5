"""The checker's judged sets: findings of an earlier checker that one reader judged by reading
the clusters (see each set's README), scored like the labelled sets.

- `checker_heldout` (`data/checker_heldout/`): 25 NeuS clusters, 42 judged findings and 23
  disagreements the reader found that the checker missed.
- `checker_review` (`data/checker_review/`): 63 NeuS clusters, 70 judged findings.
- `checker_fresh` (`data/checker_fresh/`): the 79 NeuS clusters in no other set, 121 judged
  findings and 27 misses (two readers, half the clusters each).
- `checker_blind` (`data/checker_blind/`): the 44 NeuS clusters left, 55 findings of 30eb6f6
  judged blind and 37 misses (two readers, half the clusters each).

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

from evals import DATA_DIR, NEUS_CLUSTERS, read_jsonl
from evals.dataset import Dataset, parse_dataset
from evals.suites import DatasetSuite
from summarize.ingest.records import cluster_from_record
from summarize.models import FindingKind

_REQUIRED = {"real", "clear"}
_ACCEPTABLE = {"acceptable", "borderline", "optional"}
_KINDS = set(get_args(FindingKind))


def _label(item: dict[str, Any]) -> str:
    """A judged finding's label, or a miss's strength."""
    return str(item.get("label") or item.get("strength"))


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
    return {
        "kind": item["kind"],
        "required": _label(item) in _REQUIRED,
        "evidence": evidence,
        "note": item.get("reason") or item.get("note", ""),
    }


def load_judged(name: str, directory: Path) -> Dataset:
    records = {record["id"]: record for record in read_jsonl(NEUS_CLUSTERS)}
    by_cluster: dict[str, list[dict[str, Any]]] = {}
    for item in read_jsonl(directory / "findings_judged.jsonl") + read_jsonl(
        directory / "misses.jsonl"
    ):
        by_cluster.setdefault(item["cluster"], []).append(item)
    lines = []
    for cluster_id, items in by_cluster.items():
        record = records[cluster_id]
        texts = {d.id: d.text for d in cluster_from_record(record, cluster_id).documents}
        expected, judged_false = [], []
        for item in items:
            finding = _gold_finding(item, texts)
            if finding is not None and _label(item) in _REQUIRED | _ACCEPTABLE:
                expected.append(finding)
            elif finding is not None and _label(item) == "false":
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
CHECKER_FRESH = _suite("checker_fresh")
CHECKER_BLIND = _suite("checker_blind")
