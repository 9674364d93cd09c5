"""`summarize eval`: registered with the `summarize` command through the "summarize.commands"
entry point, so the library never imports its eval harness. Kept light: the harness is imported
only when the command runs."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class EvalBackend(StrEnum):
    extractive = "extractive"
    llm = "llm"


def run_eval(
    suites: Annotated[
        list[str] | None,
        typer.Argument(
            help="Suites to run: seeds, neus, summedits (default: all).", show_default=False
        ),
    ] = None,
    backend: Annotated[
        EvalBackend, typer.Option(help="Backend whose summaries are scored.")
    ] = EvalBackend.extractive,
    output: Annotated[
        Path | None,
        typer.Option(help="Directory for scorecard.json and scorecard.md.", file_okay=False),
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
) -> None:
    """Score summaries and the checker on real data, offline; exit 1 below a threshold."""
    from evals.runner import SUITE_NAMES, run_evals
    from evals.scorecard import render_markdown as render_scorecard

    unknown = sorted(set(suites or ()) - set(SUITE_NAMES))
    if unknown:
        typer.echo(
            f"summarize: unknown eval suite(s): {', '.join(unknown)}; "
            f"choose from {', '.join(SUITE_NAMES)}",
            err=True,
        )
        raise typer.Exit(2)
    settings = None
    if backend is EvalBackend.llm:
        from summarize.llm.settings import LLMSettings

        settings = LLMSettings.from_env()
    scorecard = run_evals(
        suites or SUITE_NAMES,
        backend=backend.value,
        output_dir=output,
        progress=progress,
        llm_settings=settings,
    )
    typer.echo(render_scorecard(scorecard))
    for message in scorecard.failed:
        typer.echo(f"summarize: eval threshold failed: {message}", err=True)
    raise typer.Exit(1 if scorecard.failed else 0)
