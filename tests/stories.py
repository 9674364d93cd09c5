"""Small multi-report stories (not the seeds) for the align, check, compose and CLI tests."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from itertools import islice
from pathlib import Path

from summarize.ingest import document_from_text
from summarize.models import Cluster

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "examples" / "syria-hama").glob("*.txt"))
NEUS = ROOT / "evals" / "data" / "neus" / "clusters.jsonl"


def outputs_by_hash_seed(line: int, script: str, seeds: tuple[str, ...]) -> set[str]:
    """What `script` prints (reading the NeuS cluster on 0-based `line` from stdin) in one
    process per PYTHONHASHSEED: one output means the result does not depend on set order."""
    with NEUS.open(encoding="utf-8") as lines:
        record = next(islice(lines, line, None))
    return {
        subprocess.run(
            [sys.executable, "-c", script],
            input=json.dumps(json.loads(record)),
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in seeds
    }


QUAKE = {
    "wire": (
        "An earthquake of magnitude 6.1 struck the mountain region on Monday, killing at least "
        "40 people, officials said. The quake's epicentre was about 30 kilometers (19 miles) "
        "north of the provincial capital. Rescue teams pulled 12 survivors from collapsed "
        "buildings overnight, the regional governor said.\n\n"
        "The government declared three days of national mourning."
    ),
    "rewrite": (
        "A powerful earthquake struck the mountain region on Monday and killed more than 40 "
        "people, according to officials. The epicentre was some 19 miles north of the "
        "provincial capital. Rescue teams pulled 12 survivors from the rubble overnight, the "
        "regional governor said.\n\n"
        "Critics blamed shoddy construction for the collapse of the buildings."
    ),
    "tabloid": (
        "A deadly earthquake struck the mountain region on Monday, killing 25 people. The "
        "quake's epicentre was about 30 kilometers north of the provincial capital. Rescue "
        "teams pulled 12 survivors from collapsed buildings overnight."
    ),
}

STRIKE = {
    "day1": (
        "Workers at the port walked out on Tuesday over pay, the union said. About 2,000 "
        "workers joined the strike, according to the union."
    ),
    "day2": (
        "The strike at the port entered its second day on Wednesday. About 3,500 workers have "
        "now joined the strike, according to the union."
    ),
}


def cluster_of(
    reports: dict[str, str], published: dict[str, dt.date] | None = None, name: str = "story"
) -> Cluster:
    published = published or {}
    return Cluster(
        id=name,
        documents=[
            document_from_text(text, doc_id, published=published.get(doc_id))
            for doc_id, text in reports.items()
        ],
    )


def write_reports(directory: Path, reports: dict[str, str]) -> list[str]:
    """Each report as `<name>.txt` in `directory`; the paths, for a command line."""
    paths = []
    for name, text in reports.items():
        path = directory / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def cluster_with_titles(reports: dict[str, tuple[str, str]]) -> Cluster:
    """A cluster of reports given as (title, text), each read as the tool reads a file."""
    return Cluster(
        id="titled",
        documents=[
            document_from_text(text, doc_id, title=title)
            for doc_id, (title, text) in reports.items()
        ],
    )
