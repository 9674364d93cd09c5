"""Where the `summarize` command's words go: its reports to standard output, a terminal or -o
FILE, and its one-line messages (errors, fallbacks, where a file was written) to stderr."""

from __future__ import annotations

import codecs
import errno
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import typer

from summarize.cli_options import OutputFormat
from summarize.models import Report
from summarize.text.display import for_terminal, in_ascii

if TYPE_CHECKING:
    from summarize.models import Cluster


def say_on_stderr(message: str) -> None:
    """One line on stderr, whatever the message holds (file names, server text)."""
    typer.echo(f"summarize: {for_terminal(message)}", err=True)


def say_fallback(cluster_id: str, report: Report, note: str) -> None:
    """A fallback the report notes (`note`, the pipeline's template) said on stderr too, where
    a run writing to a file shows it."""
    opening = note.partition("(")[0]
    for said in (n for n in report.notes if n.startswith(opening)):
        say_on_stderr(f"{cluster_id}: {said}")


def check_output(output: Path | None, inputs: list[str], output_format: OutputFormat) -> None:
    """Refuse, before any work, an -o that cannot be written or names one of the inputs, and a
    page for a terminal (HTML keeps the articles' text, controls included: it is for a browser)."""
    if output is None:
        if output_format is OutputFormat.html and sys.stdout.isatty():
            say_on_stderr("--format html writes a page for a browser: give -o FILE")
            raise typer.Exit(2)
        return
    from summarize.render.files import output_problem

    if problem := output_problem(output, inputs):
        say_on_stderr(f"{output}: {problem}")
        raise typer.Exit(2)


def emit_reports(
    results: list[tuple[Cluster, Report]], output_format: OutputFormat, output: Path | None
) -> None:
    from summarize.render import render_reports

    try:
        text = render_reports(results, output_format.value)
    except ValueError as error:
        say_on_stderr(str(error))
        raise typer.Exit(2) from None
    if output_format is OutputFormat.markdown and output is None and _is_terminal(sys.stdout):
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
        return
    if output is None:
        encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
        if codecs.lookup(encoding).name != "utf-8":
            text = in_ascii(text, output_format.value)
        _write_stdout(text)
        return
    from summarize.render.files import write_output

    try:
        write_output(output, text)
    except OSError as error:
        say_on_stderr(f"{output}: cannot write: {error.strerror or error}")
        raise typer.Exit(2) from None
    say_on_stderr(f"wrote {output}")


def show_what_cannot_be_encoded() -> None:
    """A character the terminal's encoding lacks (LANG=C without UTF-8 mode,
    PYTHONIOENCODING=ascii) is printed as an escape, "\\u2019", not the end of the run: the
    report is still written, and JSON's escapes are JSON's."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def _is_terminal(stream: TextIO | None) -> bool:
    return stream is not None and stream.isatty()


def _write_stdout(text: str) -> None:
    """`text` on standard output; one line and exit code 2 when it cannot be written (closed, or
    a full disk). A closed pipe stays quiet, as click makes it."""
    try:
        if sys.stdout is None:
            raise OSError(errno.EBADF, "standard output is closed")
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        say_on_stderr(f"<stdout>: cannot write: {error.strerror or error}")
        sys.stdout = None  # nothing left to flush at exit
        raise typer.Exit(2) from None
