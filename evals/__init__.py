"""The offline eval harness: datasets -> `summarize` -> scores, checked against thresholds and
against a baseline scorecard.

Run it with `summarize eval [seeds|neus|summedits ...]`, `summarize eval --dataset FILE.jsonl`
or `summarize eval --config summarize-eval.toml`.
"""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
"""The built-in suites' data, each folder with its origin and licence."""
