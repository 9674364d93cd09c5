"""Wall time from a cold process and peak memory of `summarize merge` on the five seeds.

Run by hand: `python benchmarks/bench_seeds.py [--runs 5]`. Not a timed test: it prints numbers.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(path) for path in (ROOT / "examples" / "syria-hama").glob("*.txt"))


def run_once(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    command = [sys.executable, "-m", "summarize.cli", "merge", *SEEDS, "--format", "json"]
    times = [run_once(command) for _ in range(args.runs)]
    # ru_maxrss of children is the largest resident set any child reached, in KiB on Linux.
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"summarize merge on {len(SEEDS)} seeds, {args.runs} cold runs")
    print(f"  wall time  median {statistics.median(times):.3f} s  max {max(times):.3f} s")
    print(f"  peak memory {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
