"""The checker's labelled sets: the consistency report on NeuS clusters, scored against what
readers found in them (see each set's README): precision of each finding kind and of `high`
findings, recall of the real disagreements, findings per cluster, and false conflicts.

- `checker_dev` (`data/checker_dev/`): 48 clusters the checker's rules were developed on.
- `checker_test` (`data/checker_test/`): 24 other clusters, labelled the same way and not read
  while writing rules: the check on over-fitting.
- `checker_sealed` (`data/checker_sealed/`): 30 more, two readers each, scored once unread and
  read since (see its README); run only when named.

The gold is kept apart from the clusters (which stay in `data/neus/clusters.jsonl`) and joined
here into the lines a user's dataset would hold: `findings` as `expected_findings` (required ones
for recall, acceptable ones counting as correct), `non_conflicts` as `not_conflicts`, and the
findings the adjudicator judged false (`adjudication.jsonl`) as `judged_false`. A finding
matching nothing is a false alarm; the eval lists apart those judged false before.
"""

from __future__ import annotations

import json
from pathlib import Path

from evals import DATA_DIR, NEUS_CLUSTERS, read_jsonl
from evals.dataset import Dataset, parse_dataset
from evals.suites import DatasetSuite


def load_gold(name: str, path: Path) -> Dataset:
    clusters = {record["id"]: record for record in read_jsonl(NEUS_CLUSTERS)}
    judged_false = _judged_false(path.parent / "adjudication.jsonl")
    lines = []
    for gold in read_jsonl(path):
        cluster = clusters[gold["cluster"]]
        line = {
            "id": cluster["id"],
            "sources": cluster["sources"],
            "expected_findings": gold["findings"],
            "not_conflicts": gold["non_conflicts"],
            "judged_false": judged_false.get(cluster["id"], []),
        }
        lines.append(json.dumps(line, ensure_ascii=False))
    return parse_dataset(name, str(path), "\n".join(lines))


def _judged_false(path: Path) -> dict[str, list[dict[str, object]]]:
    """cluster -> the unmatched findings the adjudicator judged false, as gold findings."""
    judged: dict[str, list[dict[str, object]]] = {}
    for item in read_jsonl(path):
        if item["decision"] == "false":
            finding = {"kind": item["kind"], "evidence": item["quotes"], "note": item["reason"]}
            judged.setdefault(item["cluster"], []).append(finding)
    return judged


def _suite(name: str) -> DatasetSuite:
    path = DATA_DIR / name / "gold.jsonl"
    return DatasetSuite(name=name, load=lambda: load_gold(name, path), solve="check")


CHECKER_DEV = _suite("checker_dev")
CHECKER_TEST = _suite("checker_test")
CHECKER_SEALED = _suite("checker_sealed")
