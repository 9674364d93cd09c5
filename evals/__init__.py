"""The offline eval harness: datasets -> `summarize` -> scores, checked against thresholds.toml.

Run it with `summarize eval [seeds|neus|summedits ...]`.
"""
