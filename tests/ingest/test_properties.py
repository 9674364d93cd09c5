"""Property-based tests of ingest: random bytes, random Unicode and random JSON never raise, and
what comes out keeps its promises (exact offsets, bounded sentences, one problem per bad input)."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import re
from pathlib import Path
from typing import Any
from unittest import mock

import lxml.html
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from summarize.ingest import (
    cluster_from_record,
    document_from_text,
    jsonl_lines,
    load_inputs,
    load_json,
)
from summarize.ingest.article_bounds import (
    _LINE_START,
    MAX_SENTENCE_CHARS,
    MAX_SENTENCES,
    _crowded_tag,
    _first,
)
from summarize.ingest.cleaning import read_article
from summarize.models import Document

# Text with what trips parsers up: controls, bidi marks, surrogate-free odd Unicode, digits,
# stops and newlines, besides ordinary words.
NEWSY = st.sampled_from(
    ["said", "Tuesday", "Dec. 3", "2024-12-04", "0001-01-01", "20 km", "$5m", "U.S.", "Mr.",
     "\n", "\n\n", ". ", "—", "(AP)", "\x1b[31m", "\u202e", "\x00", "\ufeff", "9" * 400]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=40), NEWSY), max_size=40).map(" ".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=10), st.integers(), JSON_VALUES),
        "sources": st.one_of(
            st.lists(
                st.one_of(
                    TEXT,
                    st.fixed_dictionaries(
                        {"text": TEXT},
                        optional={"id": JSON_VALUES, "title": JSON_VALUES, "published": TEXT},
                    ),
                    JSON_VALUES,
                ),
                max_size=4,
            ),
            JSON_VALUES,
        ),
    },
)


def assert_exact(document: Document) -> None:
    assert len(document.sentences) <= MAX_SENTENCES
    for index, sentence in enumerate(document.sentences):
        assert sentence.index == index
        assert document.text[sentence.start : sentence.end] == sentence.text
        assert len(sentence.text) <= MAX_SENTENCE_CHARS


@given(TEXT, st.sampled_from(["text", "markdown", "html"]))
@settings(max_examples=150, deadline=None)
def test_any_text_gives_a_document_with_exact_offsets(text: str, kind: Any) -> None:
    document, cuts = read_article(text, "d", kind=kind)
    assert_exact(document)
    assert all(isinstance(cut, str) and "\n" not in cut for cut in cuts)


@given(data=st.binary(max_size=400))
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_bytes_in_a_file_give_a_document_or_one_problem(data: bytes, tmp_path: Path) -> None:
    for name in ("x.txt", "x.md", "x.html", "x.json", "x.jsonl"):
        path = tmp_path / name
        path.write_bytes(data)
        clusters = load_inputs([str(path)])
        documents = [d for cluster in clusters for d in cluster.documents]
        problems = [p for cluster in clusters for p in cluster.problems]
        for document in documents:
            assert_exact(document)
        if name in ("x.txt", "x.md", "x.html"):
            assert len(documents) + len(problems) >= 1
            assert len(documents) <= 1 and (not documents or len(problems) <= 1)


@given(RECORDS)
@settings(max_examples=200, deadline=None)
def test_any_json_record_gives_a_cluster(record: dict[str, Any]) -> None:
    cluster = cluster_from_record(record, "r")
    for document in cluster.documents:
        assert_exact(document)
        json.dumps(document.model_dump(mode="json"))  # valid Unicode throughout
    assert cluster.documents or cluster.problems


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_load_json_raises_only_value_errors(text: str) -> None:
    with contextlib.suppress(ValueError):
        load_json(text)


@given(st.integers(min_value=1, max_value=200_000))
@settings(max_examples=30, deadline=None)
def test_json_of_any_depth_is_read_or_refused(depth: int) -> None:
    text = "[" * depth + "]" * depth
    if depth <= 32:
        assert load_json(text) is not None
    else:
        with pytest.raises(ValueError, match="nested too deeply"):
            load_json(text)


def test_offsets_stay_exact_when_sentences_are_cut() -> None:
    long_sentence = "word " * 1000
    text = "\n\n".join(
        [
            "A short sentence of five words here.",
            long_sentence + ".",
            "One more sentence, five words.",
        ]
        * 3
    )
    document, cuts = read_article(text, "d")
    assert_exact(document)
    assert cuts == [
        "left out 3 sentences over 2000 characters (a line without full stops, or repeated text?)"
    ]
    assert "word word" not in document.text


def test_a_document_built_directly_is_not_bounded_but_read_ones_are() -> None:
    text = "\n".join(f"Sentence number {n} says something new today." for n in range(1500))
    assert len(document_from_text(text, "d").sentences) == MAX_SENTENCES


@given(
    st.lists(st.sampled_from(["line", "", " "]), max_size=12),
    st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x0c"]),
)
@settings(max_examples=200, deadline=None)
def test_the_line_bound_counts_lines_as_splitlines_does(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    head, cut = _first(text, _LINE_START, 3, "lines")
    assert text.startswith(head)
    if cut is None:
        assert head == text
    else:
        assert len(head.splitlines()) == 3 and text[len(head) :].strip()


@given(
    st.lists(st.sampled_from([b"ab", b"{}", b"\r", b"\n", b"\r\n", "\u2028".encode(), b"\x85"])),
    st.integers(min_value=1, max_value=8),
    st.integers(min_value=0, max_value=6),
)
@settings(max_examples=300, deadline=None)
def test_jsonl_lines_end_where_bytes_splitlines_ends_them(
    pieces: list[bytes], chunk: int, max_line_bytes: int
) -> None:
    """At CR, LF and CRLF only, whatever chunk a CRLF is split across; an overlong line is None."""
    data = b"".join(pieces)
    expected = [line if len(line) <= max_line_bytes else None for line in data.splitlines()]
    with mock.patch("summarize.ingest.reading._CHUNK", chunk):
        assert list(jsonl_lines(io.BytesIO(data), max_line_bytes)) == expected


# What a start tag may hold: names (numbered below, so that each is new), "=", quotes, HTML's
# spaces and others that are not, "/", "<" and ">".
TAG_PIECES = st.sampled_from(
    [
        "a",
        "b",
        "=",
        '"',
        "'",
        " ",
        "/",
        "\t",
        "\n",
        "\f",
        "\r",
        "\v",
        "\xa0",
        "<",
        ">",
        'x="',
        "y='",
    ]
)


@given(st.lists(TAG_PIECES, max_size=30))
@settings(max_examples=300, deadline=None)
def test_the_attribute_bound_counts_every_attribute_the_parser_reads(pieces: list[str]) -> None:
    numbers = itertools.count()
    attributes = re.sub("[abxy]", lambda name: f"{name[0]}{next(numbers)}", "".join(pieces))
    page = f"<html><body><div {attributes}>x</div></body></html>"
    div = next(lxml.html.fromstring(page).iter("div"), None)  # none: a quote left open
    read = 0 if div is None else len(div.attrib)
    assume(read > 0)
    with mock.patch("summarize.ingest.article_bounds.MAX_TAG_ATTRIBUTES", read - 1):
        assert _crowded_tag(page) is not None
