"""Reports named in an explanation by their numbers in the list of reports, as citations name
them: "AP 000_82cead1f1c9ff3e4 says" reads "AP [1] says"."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping


def with_numbers(explanation: str, numbers: Mapping[str, int], escape: Callable[[str], str]) -> str:
    """The explanation escaped for its format, each report's id in it replaced by "[n]"."""
    if not numbers:
        return escape(explanation)
    ids = "|".join(re.escape(document) for document in sorted(numbers, key=len, reverse=True))
    # re.split puts each matched id at the odd positions
    parts = re.split(rf"(?<![\w-])({ids})(?![\w-])", explanation)
    return "".join(
        f"[{numbers[part]}]" if index % 2 else escape(part) for index, part in enumerate(parts)
    )
