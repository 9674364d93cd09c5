"""Peak memory and time of the heaviest hostile inputs, each through the `summarize` command in a
fresh process, beside the two good seed reports. Target (issue 11): under 1 GB for any input.

Each case runs as a child process in a session of its own; every 20 ms the script reads the
peak resident memory (VmHWM) of each process of that session from /proc (batch workers, the
forkserver and the resource tracker included), and at the end the child's `ru_maxrss` from
`os.wait4`. It shows the largest process's peak and the sum of every process's peak (an upper
bound of the whole run's). The inputs are built from the repository's real reports (the seeds and
the NeuS clusters) in a temporary directory, just under the 10 MB input limit.

Run by hand: `python benchmarks/bench_hostile.py [--only NAME...]`; it prints a table. Not a timed
test; the machine is shared, so times are noisy (memory much less so).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import cycle, islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "examples" / "syria-hama").glob("*.txt"))
GOOD = [str(SEEDS[0]), str(SEEDS[4])]
NEUS = ROOT / "evals" / "data" / "neus" / "clusters.jsonl"
LIMIT = 10 * 1024 * 1024
TARGET_MIB = 1024
SUMMARIZE = [sys.executable, "-m", "summarize.cli"]


def neus_texts() -> list[str]:
    with NEUS.open(encoding="utf-8") as lines:
        stories = [json.loads(line) for line in lines]
    return [s if isinstance(s, str) else s["text"] for story in stories for s in story["sources"]]


def fit(text: str, size: int) -> str:
    """`text` cut to at most `size` bytes of UTF-8."""
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def prose(size: int) -> str:
    """Real report paragraphs, repeated to `size` bytes."""
    text = "\n\n".join(neus_texts())
    return fit(text * (size // len(text) + 1), size)


def one_line(size: int) -> str:
    return prose(size).replace("\n", " ")


def html(size: int) -> str:
    paragraphs = [f"<p>{p}</p>" for p in neus_texts()]
    body = fit("".join(islice(cycle(paragraphs), size // 200)), size - 200)
    return f"<html><head><title>Big</title></head><body><article>{body}</article></body></html>"


def crowded_tag(size: int) -> str:
    """A page whose one tag holds a million attributes: parsing a tag costs their square."""
    attributes = " ".join(f"a{n}" for n in range(size // 10))
    return (
        f"<html><body><article><div {attributes}><p>{prose(5000)}</p></div></article></body></html>"
    )


def big_cluster(reports: int) -> str:
    """One cluster of `reports` different reports of equal size, filling nearly 10 MB of JSON."""
    texts = neus_texts()
    size = LIMIT // reports
    while True:
        stream = cycle(texts)
        sources = []
        for _ in range(reports):
            parts: list[str] = []
            while len("\n\n".join(parts).encode()) < size:
                parts.append(next(stream))
            sources.append(fit("\n\n".join(parts), size))
        payload = json.dumps({"id": "big", "sources": sources}, ensure_ascii=False)
        if len(payload.encode()) < LIMIT - 1000:
            return payload
        size = size * 19 // 20


def many_clusters(count: int) -> str:
    texts = cycle(neus_texts())
    return "".join(
        json.dumps({"id": f"c{n}", "sources": [next(texts), next(texts), next(texts)]}) + "\n"
        for n in range(count)
    )


def distinct_values(reports: int) -> str:
    sources = [
        f"BEIRUT (AP) — {n} people were killed on Tuesday when a car bomb exploded in a busy "
        "market in the northern city, officials said. The blast also wounded dozens of "
        "shoppers, according to the health ministry."
        for n in range(5, 5 + reports)
    ]
    return json.dumps({"id": "tolls", "sources": sources})


Build = Callable[[Path], list[str]]


def file_with(name: str, content: Callable[[], str]) -> Build:
    def build(tmp: Path) -> list[str]:
        path = tmp / name
        path.write_text(content(), encoding="utf-8")
        return [*SUMMARIZE, "merge", *GOOD, str(path), "--format", "json"]

    return build


def shell(command: str) -> Build:
    def build(tmp: Path) -> list[str]:
        line = " ".join([*SUMMARIZE, "merge", *GOOD])
        return ["bash", "-c", f"{line} {command} --format json"]

    return build


def batch_of(name: str, content: Callable[[], str]) -> Build:
    def build(tmp: Path) -> list[str]:
        path = tmp / name
        path.write_text(content(), encoding="utf-8")
        out = tmp / "out.jsonl"
        return [*SUMMARIZE, "batch", str(path), "-o", str(out), "--no-progress", "--jobs", "2"]

    return build


def near_duplicates(reports: int, sentences: int) -> Build:
    """Reports whose sentences differ by one figure only ("Rebels retreated 17 kilometers from
    ..."): every sentence is compared, and every figure matched, with every other."""

    def build(tmp: Path) -> list[str]:
        paths = []
        for report in range(reports):
            path = tmp / f"near{report}.txt"
            lines = (
                f"Rebels retreated {n + report} kilometers from the city of Hama on Wednesday, "
                "officials said."
                for n in range(sentences)
            )
            path.write_text("Fighting near Hama\n\n" + "\n".join(lines), encoding="utf-8")
            paths.append(str(path))
        return [*SUMMARIZE, "merge", *GOOD, *paths, "--format", "json"]

    return build


def one_sentence_reports(reports: int) -> Build:
    """A directory of one-sentence reports alike but for a figure ("... from the town of
    Riverton number 7."): each is checked against all the others."""

    def build(tmp: Path) -> list[str]:
        folder = tmp / "many"
        folder.mkdir()
        for n in range(reports):
            (folder / f"{n:04}.txt").write_text(
                f"Officials said on Tuesday that 1000 people were evacuated from the flooded "
                f"town of Riverton number {n}.",
                encoding="utf-8",
            )
        return [*SUMMARIZE, "merge", *GOOD, str(folder), "--format", "json"]

    return build


CASES: dict[str, Build] = {
    "seeds alone (reference)": lambda tmp: [*SUMMARIZE, "merge", *GOOD, "--format", "json"],
    "one 10 MB line": file_with("line.txt", lambda: one_line(LIMIT - 1000)),
    "10 MB of paragraphs": file_with("long.txt", lambda: prose(LIMIT - 1000)),
    "10 MB of Markdown": file_with("long.md", lambda: prose(LIMIT - 1000)),
    "10 MB of HTML": file_with("long.html", lambda: html(LIMIT - 1000)),
    "10 MB page of 1.3 million tags": file_with("tags.html", lambda: "<p>a</p>" * 1_300_000),
    "10 MB page: tags of 100 attributes": file_with(
        "spans.html",
        lambda: (
            "<html><body><article><p>"
            + prose(5000)
            + "</p>"
            + ("<span " + " ".join(f'a{n}="1"' for n in range(100)) + ">x</span>") * 13_000
            + "</article></body></html>"
        ),
    ),
    "a table row of 49,000 cells": file_with(
        "row.html",
        lambda: (
            f"<html><body><article><p>{prose(5000)}</p><table><tr>"
            + "<td>x</td>" * 49_000
            + "</tr></table></article></body></html>"
        ),
    ),
    "10 MB page: one tag of a million attributes": file_with(
        "attributes.html", lambda: crowded_tag(LIMIT - 10_000)
    ),
    "5 million lines": file_with("lines.txt", lambda: ".\n" * 5_000_000),
    "10 MB of full stops": file_with("stops.txt", lambda: "." * (LIMIT - 1000)),
    "a Markdown rule of 10 MB": file_with("rule.md", lambda: "* " * 5_000_000),
    "a Markdown heading of a million spaces": file_with(
        "heading.md", lambda: "# a" + " " * 1_000_000 + "b\n"
    ),
    "a 10 MB word in capitals": file_with("caps.txt", lambda: "A" * (LIMIT - 1000) + " — x"),
    "one word a million times": file_with("word.txt", lambda: "word " * 1_000_000),
    "one word in 5-word sentences": file_with(
        "w.txt", lambda: "Word word word word word. " * 400_000
    ),
    "400-digit number": file_with(
        "n.txt", lambda: f"Rebels advanced {'9' * 400} km. " + prose(5000)
    ),
    "JSON nested 100,000 deep": file_with("deep.json", lambda: "[" * 100_000 + "]" * 100_000),
    "10 MB cluster of 1000 reports": file_with("big.json", lambda: big_cluster(1000)),
    "10 MB cluster of 100 reports": file_with("big100.json", lambda: big_cluster(100)),
    "10 MB of 3-report clusters (JSONL)": file_with("many.jsonl", lambda: many_clusters(2300)),
    "1000 reports, 1000 different figures": file_with("tolls.json", lambda: distinct_values(1000)),
    "4 reports of 1000 sentences a figure apart": near_duplicates(4, 1000),
    "1000 one-sentence reports a figure apart": one_sentence_reports(1000),
    "/dev/zero": shell("/dev/zero"),
    "<(50 MB from a pipe)": shell("<(head -c 50000000 /dev/zero | tr '\\0' 'a')"),
    "stdin: 50 MB": shell("- < <(head -c 50000000 /dev/zero | tr '\\0' 'a')"),
    "batch: a 10 MB cluster of 1000 reports": batch_of("big.jsonl", lambda: big_cluster(1000)),
    "batch: a line over 10 MB and good ones": batch_of(
        "in.jsonl",
        lambda: many_clusters(20) + json.dumps({"id": "huge", "sources": [one_line(LIMIT - 100)]}),
    ),
}


def session_peaks(session: int, peaks: dict[int, int]) -> None:
    """Record the VmHWM (KiB) of every process of the session."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[3]) != session:
                continue
            status = (stat.parent / "status").read_text()
        except (OSError, ValueError, IndexError):
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                pid = int(stat.parent.name)
                peaks[pid] = max(peaks.get(pid, 0), int(line.split()[1]))


def run(command: list[str], tmp: Path) -> dict[str, Any]:
    """Exit code, seconds, peaks, stdout bytes and the stderr lines of one run."""
    peaks: dict[int, int] = {}
    with (tmp / "stdout").open("wb") as out, (tmp / "stderr").open("wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=out, stderr=err, cwd=ROOT, start_new_session=True
        )
        while True:
            session_peaks(process.pid, peaks)
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - started
    peaks[process.pid] = max(peaks.get(process.pid, 0), usage.ru_maxrss)  # KiB on Linux
    stderr = (tmp / "stderr").read_text("utf-8", errors="replace").splitlines()
    return {
        "exit": os.waitstatus_to_exitcode(status),
        "seconds": seconds,
        "largest": max(peaks.values()) / 1024,
        "total": sum(peaks.values()) / 1024,
        "stdout": (tmp / "stdout").stat().st_size,
        "stderr": f"{len(stderr)}: {stderr[-1][:80] if stderr else ''}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="case names (substrings) to run")
    args = parser.parse_args()
    print(
        "| case | exit | seconds | peak MiB, largest process | sum of peaks MiB | stdout bytes "
        "| stderr lines: the last |"
    )
    print("|---|---|---|---|---|---|---|")
    worst = 0.0
    for name, build in CASES.items():
        if args.only and not any(part in name for part in args.only):
            continue
        tmp = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
        try:
            result = run(build(tmp), tmp)
        finally:
            shutil.rmtree(tmp)
        worst = max(worst, result["total"])
        print(
            f"| {name} | {result['exit']} | {result['seconds']:.1f} | {result['largest']:.0f} "
            f"| {result['total']:.0f} | {result['stdout']:,} | {result['stderr']} |",
            flush=True,
        )
    print(f"\nlargest sum of peaks: {worst:.0f} MiB (target: under {TARGET_MIB} MiB)")


if __name__ == "__main__":
    main()
