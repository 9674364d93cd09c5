"""The offline eval harness: datasets -> `summarize` -> scores, checked against thresholds and
against a baseline scorecard.

Run it with `summarize eval [seeds|neus|summedits ...]`, `summarize eval --dataset FILE.jsonl`
or `summarize eval --config summarize-eval.toml`.
"""

import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
"""The built-in suites' data, each folder with its origin and licence."""
NEUS_CLUSTERS = DATA_DIR / "neus" / "clusters.jsonl"
"""The NeuS test clusters that the NeuS, checker and conflicts suites draw on."""


def read_jsonl(path: Path) -> list[Any]:
    """The JSON value of each non-blank line of a data file; none when the file is absent."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
