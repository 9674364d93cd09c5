"""Wall and CPU time from a cold process and peak memory of `summarize merge` on the five seeds.

Run by hand: `python benchmarks/bench_seeds.py [--runs 5]`. Not a timed test: it prints numbers.

A cold process, as a user's is: a new interpreter, nothing cached but the package's bytecode,
which pip writes when it installs (and Python on the first import of a checkout). The package
is byte-compiled first, so that PYTHONDONTWRITEBYTECODE in the environment (some shells and
containers set it) does not add the compiling of every module, about 0.1 s, to every run. CPU
time (user + system) is printed beside wall time: on a machine busy with other work it moves less.
"""

from __future__ import annotations

import argparse
import compileall
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(path) for path in (ROOT / "examples" / "syria-hama").glob("*.txt"))


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    command = [sys.executable, "-m", "summarize.cli", "merge", *SEEDS, "--format", "json"]
    compileall.compile_dir(ROOT / "summarize", quiet=1)
    runs = [run_once(command) for _ in range(args.runs)]
    times, cpu = [wall for wall, _ in runs], [cpu for _, cpu in runs]
    # ru_maxrss of children is the largest resident set any child reached, in KiB on Linux.
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"summarize merge on {len(SEEDS)} seeds, {args.runs} cold runs")
    print(f"  wall time  median {statistics.median(times):.3f} s  max {max(times):.3f} s")
    print(f"  CPU time   median {statistics.median(cpu):.3f} s  max {max(cpu):.3f} s")
    print(f"  peak memory {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
