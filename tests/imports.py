"""What a `summarize merge` run imports, read from Python's own import log (`-X importtime`)."""

from __future__ import annotations

import subprocess
import sys


def modules_imported_by_merge(paths: list[str]) -> set[str]:
    """The full names of the modules a cold `summarize merge` of `paths` imports."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "summarize.cli", "merge", *paths],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if "|" in line}
