"""Cluster records: JSON objects {"id", "sources": [...]} (from .json and .jsonl files or
stdin) into Clusters, and the bounds of a cluster.

Bad input never raises: each bad line or source becomes an InputProblem in its Cluster.
JSON is read within MAX_JSON_DEPTH levels. A cluster stops taking reports once it holds
MAX_REPORTS of them or MAX_CLUSTER_SENTENCES sentences: merging a cluster costs memory in
proportion to its sentences (20,000 sentences of long reports took 1.26 GB; 10,000 take under
600 MB).
"""

from __future__ import annotations

import codecs
import functools
import io
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from summarize.ingest.cleaning import article_problem, read_article, split_headline
from summarize.ingest.reading import (
    MAX_INPUT_BYTES,
    InputError,
    decode_line,
    jsonl_lines,
    line_too_long,
    read_jsonl,
    read_text,
    safe_unicode,
)
from summarize.models import Cluster, Document, InputProblem
from summarize.text.calendar import parse_date

MAX_JSON_DEPTH = 32  # a cluster needs 4: [{"sources": [{"text": ...}]}]
MAX_LINE_PROBLEMS = 5  # bad lines of a .jsonl file said one by one
MAX_REPORTS = 1000  # per cluster; the scale benchmark merges 900
MAX_CLUSTER_SENTENCES = 10_000  # under 600 MB to merge (benchmarks/bench_hostile.py)
STDIN_SOURCE = "<stdin>"
STDIN_DOCUMENT_ID = "stdin"


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
    except ValueError:  # an integer of more digits than Python converts
        digits = sys.get_int_max_str_digits()
        raise InputError(f"unusable JSON: a number of more than {digits} digits") from None
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
    cluster_id = source if record_id in (None, "") else safe_unicode(str(record_id))
    cluster = Cluster(id=cluster_id, documents=[])
    sources = record.get("sources")
    if not isinstance(sources, list) or not sources:
        message = 'no "sources": expected a non-empty list of articles'
        cluster.problems.append(InputProblem(source=source, message=message))
        return cluster
    for number, item in enumerate(sources, 1):
        if is_full(cluster):
            cluster.problems.append(
                full_cluster_problem(source, len(sources) - number + 1, "sources")
            )
            break
        default_id = f"{cluster.id}-{number}"
        collect(
            cluster,
            f"{source} source {number}",
            functools.partial(_document_from_source, item, default_id),
        )
    return cluster


def is_full(cluster: Cluster) -> bool:
    """The cluster takes no more reports (see the module docstring)."""
    return (
        len(cluster.documents) >= MAX_REPORTS
        or sum(len(document.sentences) for document in cluster.documents) >= MAX_CLUSTER_SENTENCES
    )


def full_cluster_problem(source: str, unread: int, what: str) -> InputProblem:
    message = (
        f"{unread} more {what} not read: a cluster takes at most {MAX_REPORTS} reports "
        f"and {MAX_CLUSTER_SENTENCES:,} sentences"
    )
    return InputProblem(source=source, message=message)


def collect(cluster: Cluster, source: str, read: Callable[[], tuple[Document, list[str]]]) -> None:
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


def read_cluster_file(path: Path, label: str) -> list[Cluster]:
    try:
        if path.suffix.lower() == ".jsonl":
            return _clusters_from_jsonl(read_jsonl(path), label)
        return _clusters_from_json(_load_json(read_text(path)), label)
    except InputError as error:
        problem = InputProblem(source=label, message=str(error))
        return [Cluster(id=safe_unicode(path.stem), documents=[], problems=[problem])]


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


def _clusters_from_jsonl(lines: Iterable[bytes | None], source: str) -> list[Cluster]:
    """A cluster for each line (`jsonl_lines`); a bad line is one with its problem, the first
    MAX_LINE_PROBLEMS of them, and the rest are counted in one more (an article saved under a
    .jsonl name is bad on every line: its problems would fill the screen)."""
    clusters = []
    bad = 0
    for number, line in enumerate(lines, 1):
        if line is not None and not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            if line is None:
                raise InputError(line_too_long(MAX_INPUT_BYTES))
            record = _load_json(decode_line(line))
        except InputError as error:
            bad += 1
            if bad > MAX_LINE_PROBLEMS:
                continue
            problem = InputProblem(source=where, message=str(error))
            clusters.append(Cluster(id=where, documents=[], problems=[problem]))
            continue
        clusters.append(cluster_from_record(record, where))
    if (unsaid := bad - MAX_LINE_PROBLEMS) > 0:
        message = f"{unsaid} more bad line{'s' if unsaid > 1 else ''} (not JSON clusters), not read"
        problem = InputProblem(source=source, message=message)
        clusters.append(Cluster(id=source, documents=[], problems=[problem]))
    return clusters


def clusters_from_stdin(data: bytes) -> list[Cluster] | None:
    """Clusters when stdin holds cluster records, None when it holds article text.

    Stdin is one JSON document when the whole of it parses as one object or array (pretty-printed
    or not). Else it is JSONL when any of its lines is a cluster record (a JSON object with
    "sources") or at least half of its lines are JSON objects (records with a mistyped key get a
    line each saying so), and is then read as a .jsonl file is: each line decoded and parsed on
    its own, so a bad line (the first too, a line of prose, a line not UTF-8) is a problem of its
    own. Anything else is article text, even with a line of other JSON in it (a code sample in a
    story).
    """
    if data.removeprefix(codecs.BOM_UTF8).lstrip().startswith((b"{", b"[")):
        try:
            return _clusters_from_json(load_json(data.decode("utf-8-sig")), STDIN_SOURCE)
        except (UnicodeDecodeError, json.JSONDecodeError):
            pass  # not one JSON document: JSONL, perhaps
        except InputError as error:
            problem = InputProblem(source=STDIN_SOURCE, message=str(error))
            return [Cluster(id=STDIN_DOCUMENT_ID, documents=[], problems=[problem])]
    lines = list(jsonl_lines(io.BytesIO(data), MAX_INPUT_BYTES))
    objects = [_json_object(line) for line in lines if line is None or line.strip()]
    found = [record for record in objects if record is not None]
    if found and (any("sources" in r for r in found) or 2 * len(found) >= len(objects)):
        return _clusters_from_jsonl(lines, STDIN_SOURCE)
    return None


def _json_object(line: bytes | None) -> dict[str, Any] | None:
    """The line's JSON object, if it holds one."""
    if line is None or not line.lstrip().startswith(b"{"):  # only such a line can be one
        return None
    try:
        record = load_json(decode_line(line))
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def _document_from_source(item: Any, default_id: str) -> tuple[Document, list[str]]:
    if isinstance(item, str):
        if not item.strip():
            raise InputError("empty source (only whitespace)" if item else "empty source")
        title, body = split_headline(safe_unicode(item))
        return read_article(body, default_id, title=title)
    if not isinstance(item, dict):
        raise InputError(f'expected a string or an object with "text", got {_json_type(item)}')
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError('no "text": expected the article as a non-empty string')
    published = item.get("published")
    return read_article(
        safe_unicode(text),
        safe_unicode(str(item.get("id") or default_id)),
        title=_optional_str(item.get("title")),
        outlet=_optional_str(item.get("outlet")),
        published=parse_date(published) if isinstance(published, str) else None,
    )


def _optional_str(value: Any) -> str | None:
    return safe_unicode(value.strip()) or None if isinstance(value, str) else None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return names.get(type(value), "null" if value is None else "a number")
