"""What the `summarize` command line accepts: the choices and the options its commands share."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from summarize.llm.settings import LLMSettings


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
        help=(
            "Summary length in words, filled as far as the reports allow, even by a sentence "
            "retelling another (a headline and its lead). Default: at most 60% of the average "
            "report (80 to 300), each fact told once, in prose (no headlines), in its richest "
            "telling that fits."
        ),
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

DEFAULT_TIMEOUT = 60.0
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


# Settings whose option is named otherwise, or which the environment may set.
OPTION_NAMES = {
    "--cache-path": "--cache",
    "--base-url": "--base-url (OPENAI_BASE_URL)",
    "--model": "--model (SUMMARIZE_MODEL)",
}


def llm_settings(
    backend: BackendChoice,
    model: str | None,
    base_url: str | None,
    max_input_tokens: int | None,
    cache: Path | None,
    no_cache: bool,
    timeout: float,
    concurrency: int | None,
) -> LLMSettings | None:
    """The LLM options as settings, when the LLM backend was asked for; without it, a line
    saying which of them were given for nothing."""
    if backend is not BackendChoice.llm:
        given = {
            "--model": model is not None,
            "--base-url": base_url is not None,
            "--max-input-tokens": max_input_tokens is not None,
            "--cache": cache is not None,
            "--no-cache": no_cache,
            "--timeout": timeout != DEFAULT_TIMEOUT,
            "--concurrency": concurrency is not None,
        }
        ignored = [name for name, was_given in given.items() if was_given]
        if ignored:
            typer.echo(
                f"summarize: {', '.join(ignored)} only apply with --backend llm; ignored.",
                err=True,
            )
        return None
    from pydantic import ValidationError

    from summarize.llm.settings import LLMSettings

    try:
        return LLMSettings.from_env(
            model=model,
            base_url=base_url,
            max_input_tokens=max_input_tokens,
            cache_path=cache,
            timeout=timeout,
            concurrency=concurrency,
            use_cache=not no_cache,
        )
    except ValidationError as error:
        first = error.errors()[0]
        option = "--" + str(first["loc"][0] if first["loc"] else "options").replace("_", "-")
        raise typer.BadParameter(
            first["msg"], param_hint=OPTION_NAMES.get(option, option)
        ) from None
