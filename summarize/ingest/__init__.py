"""Ingest: inputs (files, directories, stdin, JSONL clusters) read and cleaned into Documents.

`sources` reads and bounds what comes in, `markup` turns HTML and Markdown into text, and
`cleaning` takes page chrome, title, date and dateline out and splits the body into sentences.
"""

from summarize.ingest.cleaning import document_from_text, split_sentences
from summarize.ingest.sources import (
    MAX_INPUT_BYTES,
    cluster_from_record,
    load_inputs,
    load_json,
)

__all__ = [
    "MAX_INPUT_BYTES",
    "cluster_from_record",
    "document_from_text",
    "load_inputs",
    "load_json",
    "split_sentences",
]
