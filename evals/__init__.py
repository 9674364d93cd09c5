"""The offline eval harness: datasets -> `summarize` -> scores, checked against thresholds.toml.

Run it with `python -m evals [seeds|neus|summedits ...]` or `summarize eval`.
"""
