"""`summarize eval`: registered with the `summarize` command through the "summarize.commands"
entry point, so the library never imports its eval harness. Kept light: the harness is imported
only when the command runs."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from evals.suites import DEFAULT_SUITES, SEALED, SUITES

if TYPE_CHECKING:
    from evals.dataset import Dataset
    from evals.runs import CassetteUse, Run, Thresholds
    from evals.scorecard import Scorecard
    from evals.suites import Suite

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_UNSCORED = 0, 1, 2, 3
INIT = "init"


class EvalBackend(StrEnum):
    extractive = "extractive"
    llm = "llm"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"summarize: eval: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


# What the harness needs beyond the library: the `eval` extra of pyproject.toml.
EVAL_EXTRA = ("rouge_score", "numpy", "sumy")


def _require_eval_extra() -> None:
    from importlib.util import find_spec

    missing = [module for module in EVAL_EXTRA if find_spec(module) is None]
    if missing:
        raise _fail(
            f"the eval harness needs the 'eval' extra ({', '.join(missing)} missing): "
            "pip install 'summarize[eval]' (or pip install -e '.[eval]' in a checkout)"
        )


def _init() -> None:
    """Write a commented summarize-eval.toml and a CI job to copy, never over existing files."""
    from importlib import resources

    templates = resources.files("evals") / "templates"
    written = {
        Path("summarize-eval.toml"): "summarize-eval.toml",
        Path("summarize-eval-ci.yml"): "ci.yml",
    }
    if existing := [str(path) for path in written if path.exists()]:
        raise _fail(f"{', '.join(existing)} already exist(s); move it away to write a fresh one")
    for path, template in written.items():
        try:
            path.write_text((templates / template).read_text(encoding="utf-8"), encoding="utf-8")
        except OSError as error:
            raise _fail(f"cannot write {path}: {error.strerror}") from None
        typer.echo(f"wrote {path}")
    typer.echo(
        "Name your datasets and runs in summarize-eval.toml, then: summarize eval. "
        "summarize-eval-ci.yml is a GitHub Actions job to copy into .github/workflows/."
    )


def _loaded(dataset: Dataset) -> Callable[[], Dataset]:
    return lambda: dataset


def _suites_and_runs(
    suites: list[str],
    datasets: list[Path],
    config: Path | None,
    single_run: Run,
) -> tuple[list[str | Suite], list[Run], Thresholds | None]:
    """What to run: the config's datasets, suites, runs and thresholds, or the command line's."""
    from evals.config import ConfigError, DatasetEntry, find_config, load_config
    from evals.dataset import DatasetError, load_dataset
    from evals.runs import Run
    from evals.suites import DatasetSuite

    if config is None and not suites and not datasets:
        config = find_config(Path())
        if config is not None:
            typer.echo(f"summarize: eval: using {config}", err=True)
    chosen: list[str | Suite] = list(suites)
    entries = [DatasetEntry(path=path) for path in datasets]
    runs: list[Run] = [single_run]
    thresholds: Thresholds | None = None
    if config is not None:
        if single_run != Run():
            raise _fail(
                f"the runs come from {config}; leave out --backend, --model, --base-url, "
                "--prompts and --max-words"
            )
        try:
            loaded = load_config(config)
        except ConfigError as error:
            raise _fail(str(error)) from None
        chosen += loaded.suites
        entries += loaded.datasets
        runs, thresholds = loaded.runs, loaded.thresholds
    if unknown := sorted({name for name in chosen if isinstance(name, str) and name not in SUITES}):
        raise _fail(f"unknown eval suite(s): {', '.join(unknown)}; choose from {', '.join(SUITES)}")
    for entry in entries:
        try:
            dataset = load_dataset(entry.path, entry.name)
        except DatasetError as error:
            raise _fail(str(error)) from None
        chosen.append(DatasetSuite(name=entry.name, load=_loaded(dataset)))
    return chosen or list(DEFAULT_SUITES), runs, thresholds


def _load_baseline(path: Path) -> Scorecard:
    from pydantic import ValidationError

    from evals.scorecard import Scorecard

    try:
        return Scorecard.model_validate_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _fail(f"baseline not found: {path}") from None
    except (OSError, UnicodeDecodeError, ValidationError) as error:
        problem = str(error).splitlines()[0]
        raise _fail(f"{path} is not a scorecard.json of summarize eval ({problem})") from None


def _cassette(record: Path | None, replay: Path | None) -> CassetteUse | None:
    """The cassette option, its file read once here so that a broken one stops the run."""
    from evals.runs import CassetteUse
    from summarize.llm.cache import Cassette
    from summarize.llm.errors import LLMError

    if record is not None and replay is not None:
        raise _fail("--record and --replay at once: record once, then replay")
    path = replay or record
    if path is None:
        return None
    try:
        Cassette(path).answers(missing_ok=replay is None)
    except LLMError as error:
        raise _fail(str(error)) from None
    return CassetteUse(mode="replay" if replay is not None else "record", path=path)


def _report_unrecorded(scorecard: Scorecard, cassette: CassetteUse | None) -> None:
    """Replaying: which requests need recording again, grouped by prompt versions."""
    missing: dict[str, list[str]] = {}
    for run in scorecard.runs:
        for suite in run.suites:
            for case in suite.cases:
                if case.not_recorded is not None:
                    missing.setdefault(case.not_recorded, []).append(f"{suite.name}/{case.id}")
    if not missing or cassette is None:
        return
    total = sum(len(clusters) for clusters in missing.values())
    typer.echo(
        f"summarize: eval: {total} request(s) need re-recording: {cassette.path} has no answer "
        "for them (a prompt, the reports or the model changed). Run the same command with "
        f"--record {cassette.path} against the model's server.",
        err=True,
    )
    for prompts, clusters in missing.items():
        typer.echo(f"  prompts {prompts}: {', '.join(clusters)}", err=True)


def run_eval(
    suites: Annotated[
        list[str] | None,
        typer.Argument(
            help=f"Built-in suites: {', '.join(DEFAULT_SUITES)} (default: all of these, unless "
            "--dataset or a config is given); named only: "
            f"{', '.join(SEALED)}. 'summarize eval init' writes a commented summarize-eval.toml "
            "and a CI job.",
            show_default=False,
        ),
    ] = None,
    dataset: Annotated[
        list[Path] | None,
        typer.Option(
            help="A JSONL file of clusters, one a line as merge reads them, with optional "
            "reference, key_facts, expected_findings, not_conflicts, max_words. Repeatable.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            help="summarize-eval.toml, or a pyproject.toml with [tool.summarize.eval]: datasets, "
            "runs, thresholds (default: ./summarize-eval.toml or ./pyproject.toml's table when "
            "no suite or dataset is named).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    backend: Annotated[
        EvalBackend, typer.Option(help="Backend whose summaries are scored (without --config).")
    ] = EvalBackend.extractive,
    model: Annotated[
        str | None, typer.Option(help="LLM model (env SUMMARIZE_MODEL).", show_default=False)
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(help="OpenAI-compatible endpoint (env OPENAI_BASE_URL).", show_default=False),
    ] = None,
    prompts: Annotated[
        Path | None,
        typer.Option(help="Directory of prompt templates to try.", file_okay=False, exists=True),
    ] = None,
    max_words: Annotated[
        int | None,
        typer.Option(min=10, help="Summary length (default: the line's, then the suite's)."),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            help="A scorecard.json to compare with: fail when a metric falls by more than its "
            "noise (paired bootstrap over the clusters).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    record: Annotated[
        Path | None,
        typer.Option(
            help="Keep every LLM answer used in this cassette file (JSONL, to commit).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    replay: Annotated[
        Path | None,
        typer.Option(
            help="Answer LLM requests from this cassette only, never the network; a request "
            "it lacks is an error naming the cluster and the prompt versions.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            help="Directory for scorecard.json (a baseline for later runs) and scorecard.md "
            "(a pull-request comment).",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    junit: Annotated[
        Path | None,
        typer.Option(
            help="Write JUnit XML: a test case per cluster, threshold and compared metric.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[int, typer.Option(min=1, help="Clusters scored in parallel processes.")] = 1,
    limit: Annotated[
        int | None,
        typer.Option(min=1, help="Only the first N clusters of each dataset.", show_default=False),
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show progress bars on stderr.")] = True,
) -> None:
    """Score summaries and the checker on datasets of clusters, offline, and gate CI on them.

    Prints the scorecard (Markdown): one column per run, and the change from the first.

    Exit codes: 0 every threshold met and no regression; 1 a threshold failed or a metric fell
    by more than its noise against --baseline; 2 bad usage (unknown suite, unreadable config,
    dataset, baseline or cassette, a dataset with no clusters); 3 some dataset lines or clusters
    could not be scored (malformed lines, LLM failures, requests missing from a --replay
    cassette): their errors are on stderr and the scores cover the rest.
    """
    from evals.runs import Run

    names = list(suites or [])
    if names == [INIT]:
        _init()
        return
    _require_eval_extra()
    single_run = Run(
        backend=backend.value, model=model, base_url=base_url, prompts=prompts, max_words=max_words
    )
    chosen, runs, thresholds = _suites_and_runs(names, list(dataset or []), config, single_run)
    cassette = _cassette(record, replay)
    compared = None if baseline is None else _load_baseline(baseline)

    from evals.regression import compare
    from evals.runner import run_evals, write_scorecard
    from evals.scorecard import render_markdown

    scorecard = run_evals(
        chosen,
        runs,
        thresholds=thresholds,
        jobs=jobs,
        limit=limit,
        cassette=cassette,
        progress=progress,
    )
    if compared is not None:
        scorecard.comparison = compare(scorecard, compared, str(baseline))
    if output is not None:
        write_scorecard(scorecard, output)
    if junit is not None:
        from evals.junit import write_junit

        write_junit(scorecard, junit)
    typer.echo(render_markdown(scorecard))
    for message in scorecard.failed:
        typer.echo(f"summarize: eval: threshold failed: {message}", err=True)
    regressions = scorecard.comparison.regressions if scorecard.comparison else []
    for change in regressions:
        worst = ", ".join(f"{c.id} ({c.after - c.before:+.3g})" for c in change.worse[:5])
        typer.echo(f"summarize: eval: regression: {change.message()}; worse: {worst}", err=True)
    for message in scorecard.unscored:
        typer.echo(f"summarize: eval: not scored: {message}", err=True)
    _report_unrecorded(scorecard, cassette)
    if scorecard.unscored:
        raise typer.Exit(EXIT_UNSCORED)
    raise typer.Exit(EXIT_FAILED if scorecard.failed or regressions else EXIT_OK)
