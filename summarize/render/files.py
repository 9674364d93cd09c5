"""Where a rendered report may be written: checked before any work is done, and written."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path


def output_problem(output: Path, inputs: Iterable[str]) -> str | None:
    """Why `output` cannot take the report (a directory, a missing directory, one of the
    inputs, a name that cannot be looked up), or None."""
    try:
        if output.is_dir():
            return "is a directory; -o takes the file to write"
        if not output.parent.is_dir():
            return f"no such directory: {output.parent}"
    except OSError as error:  # a name too long, a folder one may not search: is_dir raises
        return f"cannot write: {error.strerror or error}"
    if any(_same_file(output, name) for name in inputs):
        return "is one of the inputs; choose another output"
    return None


def _same_file(a: Path, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def write_output(output: Path, text: str) -> None:
    """Write the report to `output`. Opened without waiting: a pipe (FIFO) that nothing reads
    fails at once instead of blocking the run; OSError says why, a pipe nothing reads as such."""
    try:
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NONBLOCK, 0o666)
    except OSError as error:
        if error.errno == errno.ENXIO and _is_pipe(output):
            raise OSError(error.errno, "a pipe that nothing reads") from None
        raise
    os.set_blocking(fd, True)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(text)


def _is_pipe(path: Path) -> bool:
    try:
        return path.is_fifo()
    except OSError:
        return False
