"""Where a rendered report may be written: checked before any work is done."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def output_problem(output: Path, inputs: Iterable[str]) -> str | None:
    """Why `output` cannot take the report (a directory, a missing directory, one of the
    inputs), or None."""
    if output.is_dir():
        return "is a directory; -o takes the file to write"
    if not output.parent.is_dir():
        return f"no such directory: {output.parent}"
    if any(_same_file(output, name) for name in inputs):
        return "is one of the inputs; choose another output"
    return None


def _same_file(a: Path, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False
