"""Reading inputs into Clusters: article files (.txt, .md, .markdown, .html, .htm), directories
of them, cluster files (.jsonl: one cluster a line; .json: one cluster object or an array of them)
and '-' for stdin.

Bad input never raises: each bad file, line or source becomes an InputProblem in its Cluster and
the other inputs are still read. Everything read is bounded (`reading`: bytes and time;
`records`: JSON depth, reports and sentences per cluster); the bounds of one report's text are
`cleaning`'s.
"""

from __future__ import annotations

import functools
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from summarize.ingest.cleaning import Kind, read_article
from summarize.ingest.reading import (
    InputError,
    decode_text,
    is_web_address,
    missing,
    read_stdin,
    read_text,
    safe_unicode,
)
from summarize.ingest.records import (
    STDIN_DOCUMENT_ID,
    STDIN_SOURCE,
    clusters_from_stdin,
    collect,
    full_cluster_problem,
    is_full,
    read_cluster_file,
)
from summarize.models import Cluster, Document, InputProblem

ARTICLE_SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
CLUSTER_SUFFIXES = (".jsonl", ".json")
STDIN_ARG = "-"
DEFAULT_CLUSTER_ID = "cluster"


EMPTY_ARGUMENT = "an empty argument, no file name: nothing read (a shell variable left unset?)"


def load_inputs(inputs: Sequence[str], stdin: TextIO | None = None) -> list[Cluster]:
    """Read command-line inputs into clusters.

    Article files, directories and plain text on stdin form one cluster, placed where the first
    of them appears; its id is the name of their common directory. Each .json/.jsonl file and
    JSON on stdin gives its own clusters. `stdin` defaults to sys.stdin.
    """
    clusters: list[Cluster] = []
    loose = Cluster(id=DEFAULT_CLUSTER_ID, documents=[])
    loose_index: int | None = None
    places: list[Path] = []
    seen: set[str] = set()
    repeated: Counter[str] = Counter()  # label -> times listed again: one line each, not each time
    unread = 0
    for arg in inputs:
        if arg == STDIN_ARG and STDIN_ARG in seen:
            repeated[STDIN_SOURCE] += 1
            continue
        if arg == STDIN_ARG:
            seen.add(STDIN_ARG)
            records = _load_stdin(stdin if stdin is not None else sys.stdin, loose)
            if records is not None:
                clusters.extend(records)
                continue
        elif not arg.strip():
            # Path("") is the working directory: an empty argument (a shell variable left
            # unset) would merge whatever lies there
            loose.problems.append(InputProblem(source=repr(arg), message=EMPTY_ARGUMENT))
        elif is_web_address(arg) and not os.path.lexists(arg):
            # named as given, and no directory of it counts for the cluster's name
            loose.problems.append(InputProblem(source=safe_unicode(arg), message=missing(arg)))
        else:
            path = Path(arg)
            if path.suffix.lower() in CLUSTER_SUFFIXES and not _is_directory(path):
                clusters.extend(read_cluster_file(path, safe_unicode(arg)))
                continue
            places.append(path if _is_directory(path) else path.parent)
            for file, label in _expand(path, safe_unicode(arg), loose):
                if (resolved := os.path.realpath(file)) in seen:
                    repeated[label] += 1
                    continue
                seen.add(resolved)
                if is_full(loose):
                    unread += 1
                    continue
                collect(loose, label, functools.partial(_read_article, file, label))
        if loose_index is None:
            loose_index = len(clusters)
    loose.problems.extend(
        InputProblem(source=label, message=f"listed {times + 1} times; read once")
        for label, times in repeated.items()
    )
    if loose_index is not None:
        loose.id = _common_directory_name(places)
        if unread:
            loose.problems.append(full_cluster_problem(loose.id, unread, "files"))
        clusters.insert(loose_index, loose)
    return clusters


def _load_stdin(stdin: TextIO | None, loose: Cluster) -> list[Cluster] | None:
    """The clusters records on stdin give, or None when stdin was an article, read into `loose`."""
    try:
        data = read_stdin(stdin)
    except InputError as error:
        loose.problems.append(InputProblem(source=STDIN_SOURCE, message=str(error)))
        return None
    clusters = clusters_from_stdin(data)
    if clusters is None:
        collect(loose, STDIN_SOURCE, functools.partial(_read_stdin_article, data))
    return clusters


def _read_stdin_article(data: bytes) -> tuple[Document, list[str]]:
    text = decode_text(data)
    kind: Kind = "html" if _looks_like_html(text) else "text"
    return read_article(text, STDIN_DOCUMENT_ID, kind=kind)


def _expand(path: Path, label: str, cluster: Cluster) -> list[tuple[Path, str]]:
    """The article files an argument names (the file itself or a directory's readable files)."""
    if not _is_directory(path):
        return [(path, label)]
    try:
        entries = sorted(path.iterdir())
    except OSError as error:
        cluster.problems.append(
            InputProblem(source=label, message=f"cannot read: {error.strerror}")
        )
        return []
    articles = [
        entry
        for entry in entries
        if entry.suffix.lower() in ARTICLE_SUFFIXES and not entry.name.startswith(".")
    ]
    files = []
    for entry in articles:
        # a file, or a name nothing can be looked up at (too long, or gone since it was listed):
        # reading it says which
        if os.path.isfile(entry) or not os.path.lexists(entry):
            files.append(entry)
        else:
            cluster.problems.append(
                InputProblem(source=safe_unicode(str(entry)), message=_not_a_file(entry))
            )
    if not articles:  # a skipped article said why already
        message = (
            "empty directory"
            if not entries
            else f"no readable files in directory (looked for {' '.join(ARTICLE_SUFFIXES)})"
        )
        cluster.problems.append(InputProblem(source=label, message=message))
    return [(file, safe_unicode(str(file))) for file in files]


def _is_directory(path: Path) -> bool:
    # os.path.isdir, not Path.is_dir, which raises where nothing can be looked up (a name too
    # long, a folder one may not search): such a path is read as a file, and the read says why
    return os.path.isdir(path)


def _not_a_file(entry: Path) -> str:
    """Why a directory's entry named like an article is not read."""
    if os.path.islink(entry) and not os.path.exists(entry):
        return "skipped: a link to nothing (broken, or a loop)"
    if os.path.isdir(entry):
        return "skipped: a directory (directories inside a directory are not read)"
    return "skipped: not a regular file"


def _read_article(path: Path, label: str) -> tuple[Document, list[str]]:
    kind = ARTICLE_SUFFIXES.get(path.suffix.lower(), "text")
    return read_article(
        read_text(path, html=kind == "html"), safe_unicode(path.stem), path=label, kind=kind
    )


def _looks_like_html(text: str) -> bool:
    return text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))


def _common_directory_name(places: list[Path]) -> str:
    if not places:
        return DEFAULT_CLUSTER_ID
    try:
        common = os.path.commonpath([os.path.abspath(place) for place in places])
    except ValueError:  # paths on different drives
        return DEFAULT_CLUSTER_ID
    return safe_unicode(Path(common).name) or DEFAULT_CLUSTER_ID
