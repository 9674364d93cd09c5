"""Text as it is shown to people: shortened quotes."""

from __future__ import annotations


def shorten(text: str, limit: int = 90) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis when longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
