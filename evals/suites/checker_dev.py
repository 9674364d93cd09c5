"""Checker dev set: the consistency report on 48 NeuS clusters, scored against what three readers
found in them (`data/checker_dev/`, see its README): precision of each finding kind and of `high`
findings, recall of the real disagreements, findings per cluster, and false conflicts.

The gold is kept apart from the clusters (which stay in `data/neus/clusters.jsonl`) and joined
here into the lines a user's dataset would hold: `findings` as `expected_findings` (required ones
for recall, acceptable ones counting as correct), `non_conflicts` as `not_conflicts`. A finding
matching nothing is a false alarm.
"""

from __future__ import annotations

import json

from evals import DATA_DIR
from evals.dataset import Dataset, parse_dataset
from evals.suites import DatasetSuite

CHECKER_DEV_PATH = DATA_DIR / "checker_dev" / "gold.jsonl"
NEUS_CLUSTERS = DATA_DIR / "neus" / "clusters.jsonl"


def load_checker_dev() -> Dataset:
    clusters = {
        record["id"]: record
        for record in map(json.loads, NEUS_CLUSTERS.read_text(encoding="utf-8").splitlines())
    }
    lines = []
    for text in CHECKER_DEV_PATH.read_text(encoding="utf-8").splitlines():
        gold = json.loads(text)
        cluster = clusters[gold["cluster"]]
        line = {
            "id": cluster["id"],
            "sources": cluster["sources"],
            "expected_findings": gold["findings"],
            "not_conflicts": gold["non_conflicts"],
        }
        lines.append(json.dumps(line, ensure_ascii=False))
    return parse_dataset("checker_dev", str(CHECKER_DEV_PATH), "\n".join(lines))


CHECKER_DEV = DatasetSuite(name="checker_dev", load=load_checker_dev, solve="check")
