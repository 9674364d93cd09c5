"""What the `summarize` command line accepts: the choices and the options its commands share."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class OutputFormat(StrEnum):
    markdown = "markdown"
    json = "json"
    html = "html"


class FailOn(StrEnum):
    high = "high"
    medium = "medium"
    low = "low"
    never = "never"


class BackendChoice(StrEnum):
    extractive = "extractive"
    llm = "llm"


class Fallback(StrEnum):
    extractive = "extractive"


class Engine(StrEnum):
    local = "local"
    ray = "ray"


Inputs = Annotated[
    list[str],
    typer.Argument(
        help="Reports: .txt, .md or .html files, directories of them, .jsonl/.json files of "
        'clusters ({"id", "sources": [...]} a line), or - to read stdin.',
        show_default=False,
    ),
]

FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="markdown for the terminal, json for machines, html for a page to look at (use -o).",
    ),
]

OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write here instead of standard output."),
]

MaxWordsOption = Annotated[
    int | None,
    typer.Option(
        min=10,
        help="Longest summary, in words (default: 60% of the average report, 80 to 300).",
        show_default=False,
    ),
]

ModelOption = Annotated[
    str | None, typer.Option(help="LLM model name (env SUMMARIZE_MODEL).", show_default=False)
]

BaseUrlOption = Annotated[
    str | None,
    typer.Option(help="OpenAI-compatible endpoint (env OPENAI_BASE_URL).", show_default=False),
]

MaxInputTokensOption = Annotated[
    int | None,
    typer.Option(help="Token budget per LLM request; larger inputs are map-reduced or batched."),
]

CacheOption = Annotated[
    Path | None,
    typer.Option(help="SQLite file caching and logging LLM calls.", show_default=False),
]

NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Do not reuse cached LLM answers.")]

TimeoutOption = Annotated[
    float,
    typer.Option(
        help="Seconds of silence from the LLM server before an attempt fails (plus time to read "
        "a long prompt)."
    ),
]

ConcurrencyOption = Annotated[
    int | None,
    typer.Option(
        min=1,
        help="LLM requests in flight at once (default: llama.cpp's slots, 1 for a server on "
        "this machine, else 4).",
        show_default=False,
    ),
]

FailOnOption = Annotated[
    FailOn,
    typer.Option(help="Exit with code 3 when a finding of this severity or higher exists."),
]
