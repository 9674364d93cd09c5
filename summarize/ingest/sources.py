"""Reading inputs into Clusters: article files (.txt, .md, .markdown, .html, .htm), directories
of them, cluster files (.jsonl: one cluster a line; .json: one cluster object or an array of them)
and '-' for stdin.

Bad input never raises: each bad file, line or source becomes an InputProblem in its Cluster and
the other inputs are still read. `cluster_from_record` follows the same rule (a bad record gives
a Cluster with `problems`).

Everything read is bounded: MAX_INPUT_BYTES per file (counted while reading, whatever the file
is: a regular file, a pipe such as `<(cmd)`, a FIFO), PIPE_TIMEOUT seconds of silence from a pipe
or FIFO, MAX_JSON_DEPTH levels of JSON; devices and sockets are refused. A cluster stops taking
reports once it holds MAX_REPORTS of them or MAX_CLUSTER_SENTENCES sentences: merging a cluster
costs memory in proportion to its sentences (20,000 sentences of long reports took 1.26 GB; 10,000
take under 600 MB). The bounds of one report's text are `cleaning`'s.
"""

from __future__ import annotations

import codecs
import errno
import functools
import json
import os
import re
import select
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from summarize.ingest.cleaning import Kind, article_problem, read_article, split_headline
from summarize.models import Cluster, Document, InputProblem
from summarize.text.calendar import parse_date

MAX_INPUT_BYTES = 10 * 1024 * 1024
MAX_JSON_DEPTH = 32  # a cluster needs 4: [{"sources": [{"text": ...}]}]
MAX_REPORTS = 1000  # per cluster; the scale benchmark merges 900
MAX_CLUSTER_SENTENCES = 10_000  # under 600 MB to merge (benchmarks/bench_hostile.py)
PIPE_TIMEOUT = 30.0  # seconds a pipe or FIFO may stay silent (a FIFO nobody writes to)
ARTICLE_SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
CLUSTER_SUFFIXES = (".jsonl", ".json")
STDIN_ARG = "-"
STDIN_SOURCE = "<stdin>"
STDIN_DOCUMENT_ID = "stdin"
DEFAULT_CLUSTER_ID = "cluster"
_MB = 1024 * 1024
_CHUNK = 1 << 20


class InputError(ValueError):
    """An input that cannot be used; the message says why, for the user."""


def load_json(text: str) -> Any:
    """`text` parsed as JSON, within bounds.

    Raises json.JSONDecodeError when it is no JSON, InputError when it nests deeper than
    MAX_JSON_DEPTH or holds a number too long to read (both are ValueErrors).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise InputError(_too_deep()) from None
    except ValueError as error:  # an integer of more digits than Python converts
        raise InputError(f"unusable JSON: {error}") from None
    if _nested_deeper(data, MAX_JSON_DEPTH):
        raise InputError(_too_deep())
    return data


def _too_deep() -> str:
    return f"JSON nested too deeply (limit {MAX_JSON_DEPTH} levels)"


def _nested_deeper(data: Any, limit: int) -> bool:
    """Whether arrays and objects nest more than `limit` levels deep (walked without recursion)."""
    stack = [(data, 1)] if isinstance(data, (dict, list)) else []
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


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
    unread = 0
    for arg in inputs:
        if arg == STDIN_ARG:
            records = _load_stdin(stdin if stdin is not None else sys.stdin, loose)
            if records is not None:
                clusters.extend(records)
                continue
        else:
            path = Path(arg)
            if path.suffix.lower() in CLUSTER_SUFFIXES and not path.is_dir():
                clusters.extend(_read_cluster_file(path, _unicode(arg)))
                continue
            places.append(path if path.is_dir() else path.parent)
            for file, label in _expand(path, _unicode(arg), loose):
                if (resolved := os.path.realpath(file)) in seen:
                    loose.problems.append(
                        InputProblem(source=label, message="listed more than once; read once")
                    )
                    continue
                seen.add(resolved)
                if _full(loose):
                    unread += 1
                    continue
                _collect(loose, label, functools.partial(_read_article, file, label))
        if loose_index is None:
            loose_index = len(clusters)
    if loose_index is not None:
        loose.id = _common_directory_name(places)
        if unread:
            loose.problems.append(_full_cluster(loose.id, unread, "files"))
        clusters.insert(loose_index, loose)
    return clusters


def cluster_from_record(record: object, source: str = "<record>") -> Cluster:
    """One cluster from a JSON record {"id": str, "sources": [str | {"text": ...}, ...]}.

    Never raises: a bad record or source becomes a problem in the returned Cluster. A string
    source is "Title. lead text" (NeuS style): a short first sentence becomes the title. An object
    source may give "id", "text", "title", "outlet" and "published" (an unreadable date is
    ignored). Ids default to "{cluster id}-{n}", n counting sources from 1; without an "id" the
    cluster is named after `source`. Other keys are ignored.
    """
    if not isinstance(record, dict):
        message = f'expected a cluster object with "id" and "sources", got {_json_type(record)}'
        return Cluster(
            id=source, documents=[], problems=[InputProblem(source=source, message=message)]
        )
    record_id = record.get("id")
    cluster_id = source if record_id in (None, "") else _unicode(str(record_id))
    cluster = Cluster(id=cluster_id, documents=[])
    sources = record.get("sources")
    if not isinstance(sources, list) or not sources:
        message = 'no "sources": expected a non-empty list of articles'
        cluster.problems.append(InputProblem(source=source, message=message))
        return cluster
    for number, item in enumerate(sources, 1):
        if _full(cluster):
            cluster.problems.append(_full_cluster(source, len(sources) - number + 1, "sources"))
            break
        default_id = f"{cluster.id}-{number}"
        _collect(
            cluster,
            f"{source} source {number}",
            functools.partial(_document_from_source, item, default_id),
        )
    return cluster


def _full(cluster: Cluster) -> bool:
    """The cluster takes no more reports (see the module docstring)."""
    return (
        len(cluster.documents) >= MAX_REPORTS
        or sum(len(document.sentences) for document in cluster.documents) >= MAX_CLUSTER_SENTENCES
    )


def _full_cluster(source: str, unread: int, what: str) -> InputProblem:
    message = (
        f"{unread} more {what} not read: a cluster takes at most {MAX_REPORTS} reports "
        f"and {MAX_CLUSTER_SENTENCES:,} sentences"
    )
    return InputProblem(source=source, message=message)


def _collect(cluster: Cluster, source: str, read: Callable[[], tuple[Document, list[str]]]) -> None:
    """Add the document `read` gives to the cluster under a unique id, or record why not; what
    the sentence bounds cut from it becomes one more problem."""
    try:
        document, cuts = read()
        if problem := article_problem(document):
            raise InputError("; ".join([problem, *cuts]))
    except InputError as error:
        cluster.problems.append(InputProblem(source=source, message=str(error)))
        return
    if cuts:
        cluster.problems.append(InputProblem(source=source, message="; ".join(cuts)))
    taken = {existing.id for existing in cluster.documents}
    base, copy = document.id, 1
    while document.id in taken:
        copy += 1
        document.id = f"{base}-{copy}"
    cluster.documents.append(document)


def _load_stdin(stdin: TextIO, loose: Cluster) -> list[Cluster] | None:
    """The clusters JSON on stdin gives, or None when stdin was text, read into `loose`."""
    try:
        text = _read_stdin(stdin)
    except InputError as error:
        loose.problems.append(InputProblem(source=STDIN_SOURCE, message=str(error)))
        return None
    clusters = _clusters_from_stdin(text)
    if clusters is None:
        kind: Kind = "html" if _looks_like_html(text) else "text"
        _collect(loose, STDIN_SOURCE, lambda: read_article(text, STDIN_DOCUMENT_ID, kind=kind))
    return clusters


def _expand(path: Path, label: str, cluster: Cluster) -> list[tuple[Path, str]]:
    """The article files an argument names (the file itself or a directory's readable files)."""
    if not path.is_dir():
        return [(path, label)]
    try:
        entries = sorted(path.iterdir())
    except OSError as error:
        cluster.problems.append(
            InputProblem(source=label, message=f"cannot read: {error.strerror}")
        )
        return []
    files = [
        entry
        for entry in entries
        if entry.suffix.lower() in ARTICLE_SUFFIXES
        and not entry.name.startswith(".")
        and entry.is_file()
    ]
    if not files:
        message = (
            "empty directory"
            if not entries
            else f"no readable files in directory (looked for {' '.join(ARTICLE_SUFFIXES)})"
        )
        cluster.problems.append(InputProblem(source=label, message=message))
    return [(file, _unicode(str(file))) for file in files]


def _read_article(path: Path, label: str) -> tuple[Document, list[str]]:
    kind = ARTICLE_SUFFIXES.get(path.suffix.lower(), "text")
    return read_article(_read_text(path), _unicode(path.stem), path=label, kind=kind)


def _read_text(path: Path) -> str:
    return _decode(_read_bounded(path))


def _read_bounded(path: Path) -> bytes:
    """The bytes of a regular file, a pipe or a FIFO, at most MAX_INPUT_BYTES of them.

    A regular file is measured before it is read and read no further than the limit (it may
    grow meanwhile); a pipe or FIFO is read as it comes, and given up after PIPE_TIMEOUT seconds
    without data (opening it does not wait for a writer). Devices (/dev/zero, a terminal) and
    sockets are refused. Raises InputError saying what is wrong.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise InputError(_os_problem(error)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISFIFO(info.st_mode):
            return _read_pipe(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"not a file: {_file_type(info.st_mode)}")
        if info.st_size > MAX_INPUT_BYTES:
            raise InputError(_too_large(info.st_size))
        os.set_blocking(fd, True)
        return _read_at_most(fd, MAX_INPUT_BYTES)
    except OSError as error:
        raise InputError(_os_problem(error)) from None
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := os.read(fd, min(limit + 1 - size, _CHUNK)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(_too_large(None))
    return b"".join(chunks)


def _read_pipe(fd: int) -> bytes:
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    chunks: list[bytes] = []
    size = 0
    while True:
        if not poller.poll(PIPE_TIMEOUT * 1000):
            raise InputError(
                f"nothing to read: no data for {PIPE_TIMEOUT:g} s (a FIFO no one writes to?)"
            )
        try:
            chunk = os.read(fd, _CHUNK)
        except BlockingIOError:
            continue
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_INPUT_BYTES:
            raise InputError(_too_large(None))


def _file_type(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a directory" if stat.S_ISDIR(mode) else "a special file"


def _os_problem(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return "file not found"
    if error.errno == errno.ELOOP:
        return "cannot read: a loop of symbolic links"
    return f"cannot read: {error.strerror or error}"


def _read_stdin(stdin: TextIO) -> str:
    buffer = getattr(stdin, "buffer", None)
    data = (
        buffer.read(MAX_INPUT_BYTES + 1) if buffer is not None else stdin.read(MAX_INPUT_BYTES + 1)
    )
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(_too_large(None))
    return _decode(data) if isinstance(data, bytes) else _require_text(data)


def _too_large(size: int | None) -> str:
    limit = f"{MAX_INPUT_BYTES // _MB} MB"
    return f"too large: {size / _MB:.1f} MB (limit {limit})" if size else f"too large: over {limit}"


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("UTF-16 text, not UTF-8 (save it as UTF-8)")
    if b"\0" in data:
        raise InputError("binary file (contains NUL bytes), not text")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = bom + error.start
        raise InputError(
            f"not UTF-8 text: invalid byte 0x{data[offset]:02x} at byte offset {offset}"
            " (save it as UTF-8)"
        ) from None
    return _require_text(text)


def _require_text(text: str) -> str:
    if not text.strip():
        raise InputError("empty file (only whitespace)" if text else "empty file")
    return text


def _looks_like_html(text: str) -> bool:
    return text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))


def _common_directory_name(places: list[Path]) -> str:
    if not places:
        return DEFAULT_CLUSTER_ID
    try:
        common = os.path.commonpath([os.path.abspath(place) for place in places])
    except ValueError:  # paths on different drives
        return DEFAULT_CLUSTER_ID
    return _unicode(Path(common).name) or DEFAULT_CLUSTER_ID


# ---------------------------------------------------------------- cluster records


def _read_cluster_file(path: Path, label: str) -> list[Cluster]:
    try:
        text = _read_text(path)
        if path.suffix.lower() == ".jsonl":
            return _clusters_from_jsonl(text, label)
        return _clusters_from_json(_load_json(text), label)
    except InputError as error:
        problem = InputProblem(source=label, message=str(error))
        return [Cluster(id=_unicode(path.stem), documents=[], problems=[problem])]


def _load_json(text: str) -> Any:
    try:
        return load_json(text)
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON: {error}") from None


def _clusters_from_json(data: Any, source: str) -> list[Cluster]:
    if isinstance(data, dict):
        return [cluster_from_record(data, source)]
    if isinstance(data, list) and data:
        return [cluster_from_record(item, f"{source}[{i}]") for i, item in enumerate(data)]
    raise InputError("expected a cluster object or a non-empty array of them")


def _clusters_from_jsonl(text: str, source: str) -> list[Cluster]:
    clusters = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = _load_json(line)
        except InputError as error:
            problem = InputProblem(source=where, message=str(error))
            clusters.append(Cluster(id=where, documents=[], problems=[problem]))
            continue
        clusters.append(cluster_from_record(record, where))
    return clusters


def _clusters_from_stdin(text: str) -> list[Cluster] | None:
    """Clusters when stdin holds a JSON object or array or JSONL records; None for plain text."""
    if not text.lstrip().startswith(("{", "[")):
        return None
    try:
        return _clusters_from_json(load_json(text), STDIN_SOURCE)
    except json.JSONDecodeError:
        first_line = text.lstrip().split("\n", 1)[0]
        try:
            is_jsonl = isinstance(load_json(first_line), dict)
        except ValueError:
            return None
        return _clusters_from_jsonl(text, STDIN_SOURCE) if is_jsonl else None
    except InputError as error:
        problem = InputProblem(source=STDIN_SOURCE, message=str(error))
        return [Cluster(id=STDIN_DOCUMENT_ID, documents=[], problems=[problem])]


def _document_from_source(item: Any, default_id: str) -> tuple[Document, list[str]]:
    if isinstance(item, str):
        title, body = split_headline(_unicode(item))
        return read_article(body, default_id, title=title)
    if not isinstance(item, dict):
        raise InputError(f'expected a string or an object with "text", got {_json_type(item)}')
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError('no "text": expected the article as a non-empty string')
    published = item.get("published")
    return read_article(
        _unicode(text),
        _unicode(str(item.get("id") or default_id)),
        title=_optional_str(item.get("title")),
        outlet=_optional_str(item.get("outlet")),
        published=parse_date(published) if isinstance(published, str) else None,
    )


def _optional_str(value: Any) -> str | None:
    return _unicode(value.strip()) or None if isinstance(value, str) else None


def _unicode(text: str) -> str:
    """`text` with its lone surrogates, which no UTF-8 output can hold, written as escapes: a
    file name's undecodable byte (Python's surrogateescape) as \\xNN, one escaped in JSON
    ("\\udcff") as \\uNNNN."""
    return _SURROGATE.sub(_surrogate_escape, text)


def _surrogate_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return names.get(type(value), "null" if value is None else "a number")
