"""`summarize eval` as a CI job runs it: datasets, a config matrix, a baseline, a cassette,
JUnit, and the exit codes its --help documents."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from summarize.cli import app
from tests.evals.test_dataset import GOOD
from tests.openai_server import FakeOpenAIServer, answer
from tests.stories import STRIKE

PROJECT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = PROJECT / "evals" / "examples"
STRIKE_LINE = {"id": "strike", "sources": list(STRIKE.values())}


def summarize_eval(*args: str | Path) -> Result:
    return CliRunner().invoke(app, ["eval", "--no-progress", *map(str, args)])


def dataset(directory: Path, *lines: Any, name: str = "news.jsonl") -> Path:
    path = directory / name
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    path.write_text(text)
    return path


def test_a_dataset_is_scored_and_written_for_people_and_ci(tmp_path: Path) -> None:
    news = dataset(tmp_path, GOOD, STRIKE_LINE)
    result = summarize_eval(
        "--dataset", news, "--output", tmp_path / "out", "--junit", tmp_path / "junit.xml"
    )
    assert result.exit_code == 0, result.stderr
    assert "## news (2 clusters" in result.stdout
    assert "| merge.coverage | 1.000 |" in result.stdout
    card = json.loads((tmp_path / "out" / "scorecard.json").read_text())
    assert [case["id"] for case in card["runs"][0]["suites"][0]["cases"]] == ["quake", "strike"]
    assert (tmp_path / "out" / "scorecard.md").read_text().startswith("# Eval scorecard")
    junit = ET.parse(tmp_path / "junit.xml").getroot()
    names = [case.get("name") for case in junit.iter("testcase")]
    assert names == ["cluster quake", "cluster strike"]
    assert junit.get("failures") == "0" and junit.get("errors") == "0"


def test_a_malformed_line_is_named_and_the_rest_are_scored(tmp_path: Path) -> None:
    news = dataset(tmp_path, GOOD, {"id": "bad", "sources": [], "max_words": 50}, STRIKE_LINE)
    result = summarize_eval("--dataset", news, "--junit", tmp_path / "junit.xml")
    assert result.exit_code == 3
    assert f"not scored: {news} line 2: sources: " in result.stderr
    assert "## news (2 clusters" in result.stdout
    errors = [
        case.get("name")
        for case in ET.parse(tmp_path / "junit.xml").iter("testcase")
        if case.find("error") is not None
    ]
    assert errors == [f"{news} line 2"]


def test_a_line_nested_too_deeply_is_one_line_and_the_rest_are_scored(tmp_path: Path) -> None:
    news = dataset(tmp_path, "[" * 2000, GOOD, STRIKE_LINE)
    result = summarize_eval("--dataset", news)
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"summarize: eval: not scored: {news} line 1: the line: "
        "JSON nested too deeply (limit 32 levels)"
    ]
    assert "## news (2 clusters" in result.stdout


def config(directory: Path, text: str) -> Path:
    path = directory / "summarize-eval.toml"
    path.write_text(text)
    return path


def test_a_config_runs_the_matrix_and_fails_on_a_threshold(tmp_path: Path) -> None:
    dataset(tmp_path, GOOD, STRIKE_LINE)
    path = config(
        tmp_path,
        'datasets = ["news.jsonl"]\n[[runs]]\nname = "long"\n'
        '[[runs]]\nname = "short"\nmax_words = 30\n'
        '[runs.thresholds.maximum]\n"news.merge.words" = 5\n',
    )
    result = summarize_eval("--config", path, "--junit", tmp_path / "junit.xml")
    assert result.exit_code == 1
    assert "| metric | long | short | short − long | threshold |" in result.stdout
    assert re.search(
        r"threshold failed: \[short\] news.merge.words = [\d.]+ > maximum 5", result.stderr
    )
    failures = [
        case.get("name")
        for case in ET.parse(tmp_path / "junit.xml").iter("testcase")
        if case.find("failure") is not None
    ]
    assert failures == ["threshold news.merge.words maximum 5"]


def test_the_config_in_the_current_directory_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset(tmp_path, STRIKE_LINE)
    config(tmp_path, 'datasets = ["news.jsonl"]\n')
    monkeypatch.chdir(tmp_path)
    result = summarize_eval()
    assert result.exit_code == 0, result.stderr
    assert "using summarize-eval.toml" in result.stderr
    assert "## news (1 cluster, " in result.stdout


def test_a_drop_beyond_noise_against_the_baseline_fails_naming_the_cluster(tmp_path: Path) -> None:
    news = dataset(tmp_path, GOOD)
    assert summarize_eval("--dataset", news, "--output", tmp_path / "base").exit_code == 0
    assert (
        summarize_eval(
            "--dataset", news, "--baseline", tmp_path / "base" / "scorecard.json"
        ).exit_code
        == 0
    )
    baseline = tmp_path / "base" / "scorecard.json"
    card = json.loads(baseline.read_text())
    card["runs"][0]["suites"][0]["cases"][0]["scores"]["merge.rouge1"] = 99.0
    baseline.write_text(json.dumps(card))
    result = summarize_eval(
        "--dataset", news, "--baseline", baseline, "--junit", tmp_path / "j.xml"
    )
    assert result.exit_code == 1
    assert "regression: [extractive] news.merge.rouge1 99 ->" in result.stderr
    assert "worse: quake (" in result.stderr
    assert "## Against the baseline" in result.stdout
    failures = [
        c.get("name")
        for c in ET.parse(tmp_path / "j.xml").iter("testcase")
        if c.find("failure") is not None
    ]
    assert failures == ["no regression of news.merge.rouge1"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], "unknown eval suite(s): nope"),
        (["--dataset", "missing.jsonl"], "dataset not found: missing.jsonl"),
        (["--config", "missing.toml"], "config not found: missing.toml"),
        (["--config", "x.toml", "--model", "m"], "the runs come from x.toml; leave out --backend"),
        (["--baseline", "missing.json", "seeds"], "baseline not found"),
        (["--replay", "missing.jsonl", "seeds"], "cassette not found"),
        (["--replay", "a", "--record", "b", "seeds"], "--record and --replay at once"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = summarize_eval(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("text", ["", "\n\n"])
def test_a_dataset_without_clusters_is_one_line_and_exit_2(tmp_path: Path, text: str) -> None:
    (tmp_path / "empty.jsonl").write_text(text)
    result = summarize_eval("--dataset", tmp_path / "empty.jsonl")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"summarize: eval: dataset {tmp_path / 'empty.jsonl'} has no clusters")
    assert "thresholds met" not in result.stdout


def test_a_broken_cassette_is_refused_before_anything_runs(tmp_path: Path) -> None:
    (tmp_path / "cassette.jsonl").write_text("{}\n")
    for option in ("--replay", "--record"):
        result = summarize_eval(option, tmp_path / "cassette.jsonl", "seeds")
        assert result.exit_code == 2
        assert "cassette.jsonl line 1: not a recorded answer" in result.stderr


def test_a_baseline_that_is_not_a_scorecard_is_refused(tmp_path: Path) -> None:
    (tmp_path / "old.json").write_text('{"backend": "extractive", "suites": []}')
    result = summarize_eval("--baseline", tmp_path / "old.json", "seeds")
    assert result.exit_code == 2
    assert "is not a scorecard.json of summarize eval" in result.stderr


def test_help_documents_the_exit_codes() -> None:
    result = CliRunner().invoke(app, ["eval", "--help"], env={"COLUMNS": "200"})
    text = " ".join(result.stdout.split())
    for code in (
        "0 every threshold met",
        "1 a threshold failed",
        "2 bad usage",
        "3 some dataset lines",
    ):
        assert code in text


def test_init_writes_a_config_and_a_ci_job_and_never_overwrites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["eval", "init"])
    assert result.exit_code == 0
    assert (tmp_path / "summarize-eval.toml").read_text().startswith("# summarize eval:")
    assert "summarize eval" in (tmp_path / "summarize-eval-ci.yml").read_text()
    again = CliRunner().invoke(app, ["eval", "init"])
    assert again.exit_code == 2 and "already exist" in again.stderr


def test_the_written_config_runs_once_its_dataset_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    CliRunner().invoke(app, ["eval", "init"])
    dataset(tmp_path, GOOD, STRIKE_LINE, name="clusters.jsonl")
    result = summarize_eval()
    assert result.exit_code == 0, result.stderr + result.stdout
    assert "clusters.merge.faithfulness" not in result.stderr


def llm_config(directory: Path, server: FakeOpenAIServer, prompts: Path | None = None) -> Path:
    dataset(directory, GOOD, STRIKE_LINE)
    extra = f'prompts = "{prompts}"\n' if prompts else ""
    return config(
        directory,
        'datasets = ["news.jsonl"]\n[[runs]]\nname = "extractive"\n[[runs]]\nname = "llm"\n'
        f'backend = "llm"\nmodel = "scripted"\nbase_url = "{server.base_url}"\n{extra}',
    )


def test_an_llm_run_recorded_once_replays_offline_and_a_prompt_edit_asks_for_re_recording(
    tmp_path: Path, openai_server: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    path = llm_config(tmp_path, openai_server)
    cassette = tmp_path / "cassette.jsonl"
    recorded = summarize_eval("--config", path, "--record", cassette, "--output", tmp_path / "rec")
    assert recorded.exit_code == 0, recorded.stderr
    assert "2 answer(s) recorded" in recorded.stderr
    sent = len(openai_server.requests)
    assert sent == 2

    replayed = summarize_eval("--config", path, "--replay", cassette, "--output", tmp_path / "rep")
    assert replayed.exit_code == 0, replayed.stderr
    assert len(openai_server.requests) == sent
    scores = [
        json.loads((tmp_path / d / "scorecard.json").read_text())["runs"][1]["suites"][0]["metrics"]
        for d in ("rec", "rep")
    ]
    assert scores[0] == scores[1]

    prompts = tmp_path / "prompts"
    shutil.copytree(PROJECT / "prompts", prompts)
    user = prompts / "merge_user.txt"
    first, rest = user.read_text().split("\n", 1)
    version = int(first.removeprefix("# version:"))
    user.write_text(f"# version: {version + 1}\n{rest}")
    edited = llm_config(tmp_path, openai_server, prompts)
    result = summarize_eval("--config", edited, "--replay", cassette)
    assert result.exit_code == 3
    assert len(openai_server.requests) == sent
    assert "2 request(s) need re-recording" in result.stderr
    system = (prompts / "merge_system.txt").read_text().split("\n", 1)[0].removeprefix("# version:")
    edited_versions = f"merge_system@{system.strip()}+merge_user@{version + 1}"
    assert f"prompts {edited_versions}: news/quake, news/strike" in result.stderr


def test_a_model_whose_every_sentence_is_unsupported_is_scored_not_excused(
    tmp_path: Path, openai_server: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reaching the model and getting nothing the reports back is the model's score (an empty
    summary: no key fact covered), not a cluster the eval could not score (exit 3)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    unsupported = {"text": "A spokeswoman for the airline declined to comment.", "citations": []}
    openai_server.default = answer(json.dumps({"sentences": [unsupported]}))
    path = llm_config(tmp_path, openai_server)
    result = summarize_eval("--config", path, "--output", tmp_path / "out")

    assert result.exit_code == 0, result.stderr
    assert "not scored" not in result.stderr
    llm_run = json.loads((tmp_path / "out" / "scorecard.json").read_text())["runs"][1]
    cases = llm_run["suites"][0]["cases"]
    assert cases[0]["id"] == "quake" and cases[0]["scores"]["merge.coverage"] == 0.0
    assert all(case["scores"]["merge.words"] == 0 for case in cases)
    assert all("check.findings" in case["scores"] for case in cases)


def test_the_worked_example_replays_offline_within_its_thresholds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    result = summarize_eval(
        "--config",
        EXAMPLE / "summarize-eval.toml",
        "--replay",
        EXAMPLE / "cassette.jsonl",
    )
    assert result.exit_code == 0, result.stderr
    assert "| metric | extractive | llm | llm − extractive | threshold |" in result.stdout


def test_clusters_scored_in_worker_processes_score_the_same(tmp_path: Path) -> None:
    news = dataset(tmp_path, GOOD, STRIKE_LINE, {**STRIKE_LINE, "id": "strike-2"})
    for jobs in ("1", "2"):
        result = summarize_eval("--dataset", news, "--jobs", jobs, "--output", tmp_path / jobs)
        assert result.exit_code == 0, result.stderr
    cards = [json.loads((tmp_path / jobs / "scorecard.json").read_text()) for jobs in ("1", "2")]
    suites = [card["runs"][0]["suites"][0] for card in cards]
    assert suites[0]["metrics"] == suites[1]["metrics"]
    assert suites[0]["cases"] == suites[1]["cases"]


def test_without_the_eval_extra_one_line_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "sumy" else real(name, *a)
    )
    result = summarize_eval("seeds")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "summarize: eval: the eval harness needs the 'eval' extra (sumy missing): "
        "pip install 'summarize[eval]' (or pip install -e '.[eval]' in a checkout)"
    ]
