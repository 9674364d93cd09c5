"""Time and peak memory of `merge` on one cluster with many reports, built from real NeuS reports.

How the cluster is built: the NeuS test split (evals/data/neus/clusters.jsonl) has 307 stories
with 3 reports each (title + lead). The cluster of N reports puts together every source of the
first N/3 stories, in file order, as ONE cluster: 3 reports = 1 story, 30 = 10 stories, 300 =
100 stories, 900 = the first 300 stories. So the big clusters mix many unrelated stories: the
worst case for alignment (few true matches, many shared common words), not a typical input.

Each size runs in a fresh subprocess (its own ru_maxrss). The lazy loading of lexicons and the
unit registry is done first by warm-up merges of the last 7 NeuS stories (in no measured cluster)
and shown apart; "merge s" times ingest + merge of the cluster alone; "cold s" is the whole
subprocess, start-up and warm-up included. Run by hand:
`python benchmarks/bench_scale.py [--sizes 3 30 300 900] [--profile profile.html]`; it prints a
table. Targets (issue 6): 900 reports under 30 s and 2 GB; time per sentence growing less than
3x from 30 to 900 reports. `--profile` profiles the largest size with pyinstrument (installed by
hand, not a project dependency) and writes an HTML report besides printing the text one.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEUS = ROOT / "evals" / "data" / "neus" / "clusters.jsonl"
REPORTS_PER_STORY = 3
WARM_UP_STORIES = 7
TARGET_SECONDS = 30.0
TARGET_MIB = 2048
TARGET_GROWTH = 3.0


def big_record(reports: int) -> dict[str, object]:
    stories = -(-reports // REPORTS_PER_STORY)
    with NEUS.open(encoding="utf-8") as lines:
        records = [json.loads(line) for _, line in zip(range(stories), lines, strict=False)]
    sources = [source for record in records for source in record["sources"]][:reports]
    return {"id": f"neus-first-{stories}-stories", "sources": sources}


def warm_up_records() -> list[dict[str, object]]:
    """The last 7 NeuS stories, which no measured cluster (up to 900 reports) contains."""
    with NEUS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines.readlines()[-WARM_UP_STORIES:]]


def measure(reports: int, profile: Path | None) -> dict[str, float]:
    """Runs in the child: build, merge, and report the figures as JSON on stdout."""
    from summarize.ingest import cluster_from_record
    from summarize.pipeline import merge

    record = big_record(reports)
    started = time.perf_counter()
    for warm_up_record in warm_up_records():  # lazy lexicons, unit registry
        merge(cluster_from_record(warm_up_record, "warm-up"))
    warm_up = time.perf_counter() - started
    started = time.perf_counter()
    if profile is None:
        cluster = cluster_from_record(record, "bench")
        merge(cluster)
    else:
        from pyinstrument import Profiler

        with Profiler(interval=0.005) as profiler:
            cluster = cluster_from_record(record, "bench")
            merge(cluster)
        profile.write_text(profiler.output_html(), encoding="utf-8")
        print(profiler.output_text(color=False), file=sys.stderr)
    seconds = time.perf_counter() - started
    return {
        "reports": len(cluster.documents),
        "sentences": sum(len(document.sentences) for document in cluster.documents),
        "seconds": seconds,
        "warm_up_seconds": warm_up,
        # ru_maxrss is in KiB on Linux.
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_child(reports: int, profile: Path | None = None) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(reports)]
    if profile is not None:
        command += ["--profile", str(profile)]
    started = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    if profile is not None:
        print(done.stderr)
    figures = json.loads(done.stdout)
    figures["cold_seconds"] = time.perf_counter() - started
    return figures


def print_table(rows: list[dict[str, float]]) -> None:
    print(
        f"{'reports':>7} {'sentences':>9} {'merge s':>8} {'warm-up s':>9} {'cold s':>7} "
        f"{'ms/sentence':>11} {'peak MiB':>8}"
    )
    for row in rows:
        per_sentence = 1000 * row["seconds"] / row["sentences"]
        print(
            f"{row['reports']:>7} {row['sentences']:>9} {row['seconds']:>8.2f} "
            f"{row['warm_up_seconds']:>9.2f} "
            f"{row['cold_seconds']:>7.2f} {per_sentence:>11.3f} {row['peak_mib']:>8.0f}"
        )
    by_size = {row["reports"]: row for row in rows}
    largest = rows[-1]
    print(
        f"\nlargest ({largest['reports']} reports): {largest['seconds']:.1f} s "
        f"(target < {TARGET_SECONDS:.0f} s), {largest['peak_mib']:.0f} MiB "
        f"(target < {TARGET_MIB} MiB)"
    )
    if 30 in by_size and largest["reports"] > 30:
        small = by_size[30]
        growth = (largest["seconds"] / largest["sentences"]) / (
            small["seconds"] / small["sentences"]
        )
        print(
            f"time per sentence, {largest['reports']} vs 30 reports: {growth:.2f}x "
            f"(target < {TARGET_GROWTH:.0f}x)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[3, 30, 300, 900])
    parser.add_argument("--profile", type=Path, help="profile the largest size, HTML here")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child, args.profile)))
        return
    sizes = sorted(args.sizes)
    rows = [run_child(size) for size in sizes]
    print(f"one cluster from the first N/3 NeuS stories, a fresh process each ({NEUS.name})")
    print_table(rows)
    if args.profile is not None:
        run_child(sizes[-1], args.profile.resolve())
        print(f"profile of {sizes[-1]} reports: {args.profile}")


if __name__ == "__main__":
    main()
