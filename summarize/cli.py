"""The `summarize` command: a thin layer over summarize.pipeline (parse, call, render)."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from importlib.metadata import entry_points, version
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec

import typer

from summarize.cli_options import (
    DEFAULT_TIMEOUT,
    BackendChoice,
    BaseUrlOption,
    CacheOption,
    ConcurrencyOption,
    Engine,
    FailOn,
    FailOnOption,
    Fallback,
    FormatOption,
    Inputs,
    MaxInputTokensOption,
    MaxWordsOption,
    ModelOption,
    NoCacheOption,
    OutputFormat,
    OutputOption,
    TimeoutOption,
    llm_settings,
)
from summarize.cli_output import (
    check_output,
    emit_reports,
    say_fallback,
    say_on_stderr,
    show_what_cannot_be_encoded,
)
from summarize.collector import collect_rarely
from summarize.llm.errors import LLMError
from summarize.models import Report
from summarize.text.display import for_terminal, shorten

if TYPE_CHECKING:
    from summarize.models import Cluster

# A failed cluster's reason, on batch's stderr line, is cut to this (the record holds it whole).
MAX_REASON_CHARS = 200

app = typer.Typer(
    help=(
        "Merge several news reports of one event into a neutral summary with citations, and "
        "report where they disagree (numbers, dates, framing, attribution, names). Works "
        "offline by default; an LLM behind any OpenAI-compatible endpoint is optional."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_show_locals=False,
)

EXIT_CODES = (
    "Exit codes: 0 done; 1 some inputs were skipped (the rest were processed), the LLM "
    "failed, or an unexpected error (summarize --debug shows where); 2 no usable input, or an "
    "output that cannot be written; 3 a finding at or above --fail-on."
)
P = ParamSpec("P")


class _Session:
    """What the top-level options set for the command that runs."""

    debug = False


def _print_version(asked: bool) -> None:
    if asked:
        typer.echo(f"summarize {version('summarize')}")
        raise typer.Exit()


@app.callback()
def _top_level(
    debug: Annotated[
        bool, typer.Option("--debug", help="On an unexpected error, show the traceback.")
    ] = False,
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_print_version, is_eager=True
        ),
    ] = False,
) -> None:
    _Session.debug = debug


def _guarded(command: Callable[P, None]) -> Callable[P, None]:
    """`command` with any unexpected exception turned into one line on stderr and exit code 1,
    its traceback only under --debug: whatever a user or an article feeds it, no traceback."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.TyperException, BrokenPipeError):
            raise
        except Exception as error:
            if _Session.debug:
                raise
            say_on_stderr(
                f"unexpected error: {type(error).__name__}: {error} "
                "(run summarize --debug ... to see the traceback)"
            )
            raise typer.Exit(1) from None

    return run


def _load(inputs: list[str], output: Path | None, output_format: OutputFormat) -> list[Cluster]:
    from summarize.ingest import load_inputs

    check_output(output, inputs, output_format)
    clusters = load_inputs(inputs, sys.stdin)
    for cluster in clusters:
        for problem in cluster.problems:
            say_on_stderr(f"{problem.source}: {problem.message}")
    if not any(cluster.documents for cluster in clusters):
        say_on_stderr("no usable report among the inputs; nothing to do.")
        raise typer.Exit(2)
    read = [d.path for cluster in clusters for d in cluster.documents if d.path]
    check_output(output, read, output_format)  # a file found in a directory given as input
    return clusters


def _report_each(
    clusters: list[Cluster], report_on: Callable[[Cluster], Report], anyway: str, fell_back: str
) -> list[tuple[Cluster, Report]]:
    """Each cluster with documents and its report. An LLM failure ends the command with a line
    saying how to get the offline result `anyway`; a report that fell back (its note is
    `fell_back`) is said on stderr."""
    results = []
    for cluster in clusters:
        if not cluster.documents:
            continue
        try:
            report = report_on(cluster)
        except LLMError as error:
            say_on_stderr(f"LLM backend: {error} (use --fallback extractive {anyway})")
            raise typer.Exit(1) from None
        say_fallback(cluster.id, report, fell_back)
        results.append((cluster, report))
    return results


def _exit_code(
    clusters: list[Cluster], results: list[tuple[Cluster, Report]], fail_on: FailOn
) -> int:
    if fail_on is not FailOn.never:
        findings = (f for _, report in results for f in report.findings)
        if any(f.reaches(fail_on.value) for f in findings):
            return 3
    return 1 if any(cluster.problems for cluster in clusters) else 0


@app.command(epilog=EXIT_CODES)
@_guarded
def merge(
    inputs: Inputs,
    output_format: FormatOption = OutputFormat.markdown,
    output: OutputOption = None,
    max_words: MaxWordsOption = None,
    backend: Annotated[
        BackendChoice,
        typer.Option(help="extractive: offline, deterministic. llm: an OpenAI-compatible model."),
    ] = BackendChoice.extractive,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    max_input_tokens: MaxInputTokensOption = None,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    concurrency: ConcurrencyOption = None,
    fallback: Annotated[
        Fallback | None,
        typer.Option(help="When the LLM fails, give the extractive summary instead, marked so."),
    ] = None,
    fail_on: FailOnOption = FailOn.never,
) -> None:
    """Merge reports of one event into a neutral cited summary plus a consistency report."""
    from summarize.pipeline import FELL_BACK
    from summarize.pipeline import merge as merge_cluster

    clusters = _load(inputs, output, output_format)
    settings = llm_settings(
        backend, model, base_url, max_input_tokens, cache, no_cache, timeout, concurrency
    )
    results = _report_each(
        clusters,
        functools.partial(
            merge_cluster,
            max_words=max_words,
            backend=backend.value,
            llm_settings=settings,
            fallback=fallback is Fallback.extractive,
        ),
        "to get a summary anyway",
        FELL_BACK,
    )
    emit_reports(results, output_format, output)
    raise typer.Exit(_exit_code(clusters, results, fail_on))


@app.command(epilog=EXIT_CODES)
@_guarded
def check(
    inputs: Inputs,
    output_format: FormatOption = OutputFormat.markdown,
    output: OutputOption = None,
    fail_on: FailOnOption = FailOn.never,
    backend: Annotated[
        BackendChoice,
        typer.Option(
            help="extractive: the offline checker alone. llm: a model adds framing and "
            "attribution findings, each kept only if its quotes are exact."
        ),
    ] = BackendChoice.extractive,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    max_input_tokens: MaxInputTokensOption = None,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    concurrency: ConcurrencyOption = None,
    fallback: Annotated[
        Fallback | None,
        typer.Option(help="When the LLM fails, give the offline checker's findings, marked so."),
    ] = None,
) -> None:
    """Report where reports disagree, with quotes, and which apparent differences are not real."""
    from summarize.pipeline import CHECKER_FELL_BACK
    from summarize.pipeline import check as check_cluster

    clusters = _load(inputs, output, output_format)
    settings = llm_settings(
        backend, model, base_url, max_input_tokens, cache, no_cache, timeout, concurrency
    )
    results = _report_each(
        clusters,
        functools.partial(
            check_cluster,
            backend=backend.value,
            llm_settings=settings,
            fallback=fallback is Fallback.extractive,
        ),
        "for the offline checker's findings anyway",
        CHECKER_FELL_BACK,
    )
    emit_reports(results, output_format, output)
    raise typer.Exit(_exit_code(clusters, results, fail_on))


@app.command()
@_guarded
def batch(
    input_path: Annotated[
        Path,
        typer.Argument(
            help='JSONL file: one cluster a line, {"id", "sources": [...]}.',
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="JSONL file: one report (or error record) a line."),
    ],
    jobs: Annotated[
        int | None, typer.Option(min=1, help="Worker processes (default: the number of cores).")
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Skip the clusters already in the output; keep what is there.")
    ] = False,
    engine: Annotated[
        Engine,
        typer.Option(help="local: a process pool. ray: a Ray cluster (pip install -e .[ray])."),
    ] = Engine.local,
    max_words: MaxWordsOption = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
) -> None:
    """Merge many clusters in parallel, writing each report as it finishes; resumable.

    Exit codes: 0 every cluster merged; 1 some clusters failed (each has an error record, and
    the last line on stderr counts them); 2 the input, the output or the engine cannot be used
    (one line says why); 130 interrupted (Ctrl-C, SIGTERM).
    """
    from summarize.batch import BatchError, run_batch

    try:
        result = run_batch(
            input_path,
            output,
            jobs=jobs,
            resume=resume,
            engine=engine.value,
            max_words=max_words,
            progress=progress,
        )
    except BatchError as error:
        say_on_stderr(str(error))
        raise typer.Exit(2) from None
    if not (result.done or result.failed or result.skipped or result.interrupted):
        say_on_stderr(f"{input_path}: no cluster in it (an empty file, or blank lines)")
        raise typer.Exit(2)
    first = (
        f" (the first: {shorten(result.first_failure, MAX_REASON_CHARS)})"
        if result.first_failure
        else ""
    )
    say_on_stderr(
        f"{result.done} done, {result.failed} failed{first}, {result.skipped} skipped "
        f"in {result.seconds:.1f} s; results in {output}"
    )
    if result.interrupted:
        say_on_stderr("interrupted; run again with --resume to finish.")
        raise typer.Exit(130)
    raise typer.Exit(1 if result.failed else 0)


def _add_plugin_commands() -> None:
    """Commands other packages register under the "summarize.commands" entry point (the eval
    harness's `summarize eval` is one), so the library never imports them itself."""
    for entry in entry_points(group="summarize.commands"):
        app.command(name=entry.name)(_guarded(entry.load()))


_add_plugin_commands()


def main() -> None:
    """The `summarize` command, with everything it imports kept out of the collector's scans.

    A command line typer cannot parse (an unknown option, a value that is not a number) gets
    one line on stderr naming the command and the problem, and exit code 2, like every other
    bad input, where typer's own report of it is a usage block and a box."""
    collect_rarely()
    show_what_cannot_be_encoded()
    try:
        code = app(prog_name="summarize", standalone_mode=False)
    except typer.TyperException as error:
        message = error.format_message().strip()
        if message:  # without one, it is the help a bare `summarize` prints, already shown
            context = getattr(error, "ctx", None)
            command = context.command_path if context else "summarize"
            typer.echo(f"{command}: {for_terminal(message)} (see '{command} --help')", err=True)
        sys.exit(error.exit_code)
    except typer.Abort:
        say_on_stderr("interrupted")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
