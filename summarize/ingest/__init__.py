"""Ingest: inputs (files, directories, stdin, JSONL clusters) read and cleaned into Documents.

`sources` turns the command line's inputs into clusters, `reading` reads files, pipes and stdin
within bounds, `records` turns JSON cluster records into clusters, `markup` turns HTML and
Markdown into text, `article_bounds` limits how much of one article is read, `furniture` tells
the page's lines that are not the story's sentences, and `cleaning` takes page chrome, title,
date and dateline out and splits the body into sentences.
"""

from summarize.ingest.cleaning import document_from_text, split_sentences
from summarize.ingest.reading import (
    MAX_INPUT_BYTES,
    InputError,
    decode_line,
    jsonl_lines,
    line_too_long,
    missing,
)
from summarize.ingest.records import cluster_from_record, load_json
from summarize.ingest.sources import load_inputs

__all__ = [
    "MAX_INPUT_BYTES",
    "InputError",
    "cluster_from_record",
    "decode_line",
    "document_from_text",
    "jsonl_lines",
    "line_too_long",
    "load_inputs",
    "load_json",
    "missing",
    "split_sentences",
]
