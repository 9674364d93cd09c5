"""Offsets against spans of text: whether a place falls inside one of them."""

from __future__ import annotations

from collections.abc import Iterable


def in_spans(offset: int, spans: Iterable[tuple[int, int]]) -> bool:
    """`offset` falls in one of the [start, end) `spans` (a quotation, a reported speech, a
    name)."""
    return any(start <= offset < end for start, end in spans)
