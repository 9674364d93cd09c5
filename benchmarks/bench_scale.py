"""Time and peak memory of `merge` on one cluster with many reports, built from real NeuS reports.

How the cluster is built (evals/data/neus/clusters.jsonl: 307 stories, 3 reports each, title +
lead):

- shape "mixed" (the default, the issue's benchmark): every source of the first N/3 stories, in
  file order, put together as ONE cluster: 3 reports = 1 story, 30 = 10 stories, 300 = 100,
  900 = the first 300 stories. Many unrelated stories: few true matches, many shared common words.
- shape "repeated" (a stress test, synthetic): the 3 reports of the first story cycled to N
  reports, like one wire story reprinted by hundreds of outlets. Every sentence has N/3 exact
  copies, so a correct result has no unique_claim (the column shows whether alignment copes).

Each size runs in a fresh subprocess (its own ru_maxrss). The lazy loading of lexicons and the
unit registry is done first by warm-up merges of the last 7 NeuS stories (in no measured
cluster) and shown apart; "merge" times ingest + merge of the cluster alone, as wall and CPU
seconds (CPU time is steadier on a shared machine); "cold" is the whole subprocess. Run by hand:
`python benchmarks/bench_scale.py [--shape mixed|repeated] [--sizes 3 30 300 900]
[--profile profile.html]`. Targets (issue 6): 900 reports under 30 s and 2 GB; time per sentence
growing less than 3x from 30 to 900 reports. `--profile` profiles the largest size with
pyinstrument (installed by hand, not a project dependency), prints the text report and writes the
HTML one.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEUS = ROOT / "evals" / "data" / "neus" / "clusters.jsonl"
REPORTS_PER_STORY = 3
WARM_UP_STORIES = 7
TARGET_SECONDS = 30.0
TARGET_MIB = 2048
TARGET_GROWTH = 3.0


def _stories(count: int | None = None) -> list[dict[str, Any]]:
    with NEUS.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in islice(lines, count)]


def big_record(reports: int, shape: str) -> dict[str, object]:
    if shape == "repeated":
        sources = list(islice(cycle(_stories(1)[0]["sources"]), reports))
    else:
        stories = _stories(-(-reports // REPORTS_PER_STORY))
        sources = [source for story in stories for source in story["sources"]][:reports]
    return {"id": f"{shape}-{reports}", "sources": sources}


def measure(reports: int, shape: str, profile: Path | None) -> dict[str, float]:
    """Runs in the child: warm up, build, merge, and return the figures."""
    from summarize.ingest import cluster_from_record
    from summarize.pipeline import merge

    record = big_record(reports, shape)
    started = time.perf_counter()
    for story in _stories()[-WARM_UP_STORIES:]:
        merge(cluster_from_record(story, "warm-up"))
    warm_up = time.perf_counter() - started

    started, cpu_started = time.perf_counter(), time.process_time()
    if profile is None:
        cluster = cluster_from_record(record, "bench")
        report = merge(cluster)
    else:
        from pyinstrument import Profiler

        with Profiler(interval=0.005) as profiler:
            cluster = cluster_from_record(record, "bench")
            report = merge(cluster)
        profile.write_text(profiler.output_html(), encoding="utf-8")
        print(profiler.output_text(color=False), file=sys.stderr)
    return {
        "reports": len(cluster.documents),
        "sentences": sum(len(document.sentences) for document in cluster.documents),
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu_started,
        "warm_up_seconds": warm_up,
        "findings": len(report.findings),
        "unique_claims": sum(finding.kind == "unique_claim" for finding in report.findings),
        # ru_maxrss is in KiB on Linux.
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_child(reports: int, shape: str, profile: Path | None = None) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(reports), "--shape", shape]
    if profile is not None:
        command += ["--profile", str(profile)]
    started = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    if profile is not None:
        print(done.stderr)
    figures = json.loads(done.stdout)
    figures["cold_seconds"] = time.perf_counter() - started
    return figures


COLUMNS = (
    ("reports", "reports", "{:>7}"),
    ("sentences", "sentences", "{:>9}"),
    ("merge s", "seconds", "{:>7.2f}"),
    ("CPU s", "cpu_seconds", "{:>6.2f}"),
    ("warm-up s", "warm_up_seconds", "{:>9.2f}"),
    ("cold s", "cold_seconds", "{:>6.2f}"),
    ("CPU ms/sent", "cpu_ms_per_sentence", "{:>11.3f}"),
    ("peak MiB", "peak_mib", "{:>8.0f}"),
    ("findings", "findings", "{:>8}"),
    ("unique", "unique_claims", "{:>6}"),
)


def print_table(rows: list[dict[str, float]]) -> None:
    for row in rows:
        row["cpu_ms_per_sentence"] = 1000 * row["cpu_seconds"] / row["sentences"]
    print(" ".join(f"{title:>{len(fmt.format(0))}}" for title, _, fmt in COLUMNS))
    for row in rows:
        print(" ".join(fmt.format(row[key]) for _, key, fmt in COLUMNS))
    largest = rows[-1]
    print(
        f"largest ({largest['reports']} reports): {largest['seconds']:.1f} s wall "
        f"(target < {TARGET_SECONDS:.0f} s), {largest['peak_mib']:.0f} MiB "
        f"(target < {TARGET_MIB} MiB)"
    )
    by_size = {row["reports"]: row for row in rows}
    if 30 in by_size and largest["reports"] > 30:
        growth = largest["cpu_ms_per_sentence"] / by_size[30]["cpu_ms_per_sentence"]
        print(
            f"CPU time per sentence, {largest['reports']} vs 30 reports: {growth:.2f}x "
            f"(target < {TARGET_GROWTH:.0f}x)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shape", choices=["mixed", "repeated"], default="mixed")
    parser.add_argument("--sizes", type=int, nargs="+", default=[3, 30, 300, 900])
    parser.add_argument("--profile", type=Path, help="profile the largest size, HTML here")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child, args.shape, args.profile)))
        return
    sizes = sorted(args.sizes)
    print(f"one cluster of N NeuS reports, shape {args.shape!r}, a fresh process each")
    print_table([run_child(size, args.shape) for size in sizes])
    if args.profile is not None:
        run_child(sizes[-1], args.shape, args.profile.resolve())
        print(f"profile of {sizes[-1]} reports: {args.profile}")


if __name__ == "__main__":
    main()
