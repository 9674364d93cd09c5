"""`python -m evals [SUITE ...] [--backend B] [--output DIR]`: run the evals, print the scorecard,
exit 1 when a score is past its threshold."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from evals.runner import SUITE_NAMES, run_evals
from evals.scorecard import render_markdown


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals", description=__doc__)
    parser.add_argument("suites", nargs="*", metavar="SUITE", help=f"{', '.join(SUITE_NAMES)}")
    parser.add_argument("--backend", choices=["extractive", "llm"], default="extractive")
    parser.add_argument("--output", type=Path, help="write scorecard.json and scorecard.md here")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    unknown = set(args.suites) - set(SUITE_NAMES)
    if unknown:
        parser.error(f"unknown suite(s): {', '.join(sorted(unknown))}")
    scorecard = run_evals(
        args.suites or SUITE_NAMES,
        backend=args.backend,
        output_dir=args.output,
        progress=not args.no_progress,
    )
    print(render_markdown(scorecard))
    for message in scorecard.failed:
        print(f"evals: threshold failed: {message}", file=sys.stderr)
    return 1 if scorecard.failed else 0


if __name__ == "__main__":
    sys.exit(main())
