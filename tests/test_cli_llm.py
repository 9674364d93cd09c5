"""`summarize merge --backend llm` end to end against the local OpenAI-compatible server."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.llm.tokens import count_messages
from tests.conftest import TEST_KEY
from tests.imports import modules_imported_by_merge
from tests.openai_server import (
    FakeOpenAIServer,
    Recorded,
    Reply,
    completion,
    echo,
    echoed_sentences,
    fail,
    raw,
)
from tests.stories import QUAKE, STRIKE, write_reports

runner = CliRunner()
ENV = {"OPENAI_API_KEY": TEST_KEY, "OPENAI_BASE_URL": None, "SUMMARIZE_MODEL": None}


def _merge(server: FakeOpenAIServer, paths: list[str], cache: Path, *extra: str):
    args = ["merge", *paths, "--format", "json", "--backend", "llm", "--model", "gpt-4o-mini"]
    args += ["--base-url", server.base_url, "--cache", str(cache), "--timeout", "5", *extra]
    return runner.invoke(app, args, env=ENV)


def test_llm_summary_with_citations(openai_server: FakeOpenAIServer, tmp_path: Path):
    paths = write_reports(tmp_path, QUAKE)

    result = _merge(openai_server, paths, tmp_path / "llm.sqlite")

    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["backend"] == "llm"
    ids = {document["id"] for document in report["documents"]}
    assert ids == set(QUAKE)
    assert report["summary"] and all(set(s["citations"]) <= ids for s in report["summary"])
    assert any("model 'gpt-4o-mini'" in note for note in report["notes"])
    assert len(openai_server.requests) == 1
    assert TEST_KEY not in result.output


def test_second_run_uses_the_cache_unless_told_not_to(openai_server, tmp_path: Path):
    paths = write_reports(tmp_path, STRIKE)
    cache = tmp_path / "llm.sqlite"

    first = _merge(openai_server, paths, cache)
    second = _merge(openai_server, paths, cache)
    assert len(openai_server.requests) == 1
    assert json.loads(second.stdout)["summary"] == json.loads(first.stdout)["summary"]

    _merge(openai_server, paths, cache, "--no-cache")
    assert len(openai_server.requests) == 2


def test_small_token_budget_map_reduces(openai_server: FakeOpenAIServer, tmp_path: Path):
    paths = write_reports(tmp_path, QUAKE)

    result = _merge(openai_server, paths, tmp_path / "llm.sqlite", "--max-input-tokens", "1000")

    assert result.exit_code == 0, result.output
    *maps, merge = openai_server.requests
    assert len(maps) >= 3 and "<<<NOTES from=" in merge.user and "<<<REPORT" not in merge.user
    assert all(count_messages(r.body["messages"]) <= 1000 for r in openai_server.requests)
    assert any("map-reduce" in note for note in json.loads(result.stdout)["notes"])


def test_failure_without_fallback_exits_1_with_a_clear_message(openai_server, tmp_path: Path):
    openai_server.script(fail(401, message=f"Incorrect API key provided: {TEST_KEY}"))

    result = _merge(openai_server, write_reports(tmp_path, STRIKE), tmp_path / "llm.sqlite")

    assert result.exit_code == 1
    assert "rejected the API key (HTTP 401)" in result.stderr
    assert "Traceback" not in result.output and TEST_KEY not in result.output


def test_failure_with_fallback_gives_the_extractive_summary(openai_server, tmp_path: Path):
    openai_server.script(fail(401))
    paths = write_reports(tmp_path, STRIKE)

    result = _merge(openai_server, paths, tmp_path / "llm.sqlite", "--fallback", "extractive")

    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["backend"] == "extractive" and report["summary"]
    assert any("HTTP 401" in note for note in report["notes"])
    assert "The LLM backend failed" in result.stderr  # said where a run writing a file shows it


def test_llm_options_without_the_llm_backend_are_said_to_be_ignored(tmp_path: Path):
    paths = write_reports(tmp_path, STRIKE)

    result = runner.invoke(app, ["merge", *paths, "--model", "local", "--timeout", "5"])

    assert result.exit_code == 0
    assert "--model, --timeout only apply with --backend llm; ignored." in result.stderr
    assert "ignored" not in runner.invoke(app, ["merge", *paths]).stderr


def test_default_backend_never_imports_the_llm_libraries(tmp_path: Path):
    paths = write_reports(tmp_path, STRIKE)

    top_level = {name.split(".")[0] for name in modules_imported_by_merge(paths)}
    assert not top_level & {"openai", "tiktoken", "tiktoken_ext", "httpx", "httpx2"}


def _flag_the_loaded_word(request: Recorded) -> Reply:
    """A model that flags "deadly" in whichever group holds the tabloid's sentence with it."""
    group = re.search(r"group (\d+):[^\n]*\n(?:  [^\n]*\n?)*?[^\n]*deadly", request.user)
    quotes = [{"document": "tabloid", "quote": "A deadly earthquake"}]
    invented = [{"document": "wire", "quote": "a catastrophic quake"}]
    findings = [
        {
            "group": int(group.group(1)),
            "kind": "framing",
            "severity": "medium",
            "explanation": "The tabloid calls it deadly.",
            "quotes": quotes,
        },
        {
            "group": int(group.group(1)),
            "kind": "framing",
            "severity": "high",
            "explanation": "Invented quote.",
            "quotes": invented,
        },
    ]
    return completion(json.dumps({"findings": findings}))


def test_check_with_the_llm_adds_findings_with_exact_quotes(
    openai_server: FakeOpenAIServer, tmp_path: Path
):
    paths = write_reports(tmp_path, QUAKE)
    offline = json.loads(runner.invoke(app, ["check", *paths, "--format", "json"]).stdout)
    openai_server.script(_flag_the_loaded_word)
    args = ["check", *paths, "--format", "json", "--backend", "llm", "--base-url"]
    args += [openai_server.base_url, "--cache", str(tmp_path / "llm.sqlite")]

    result = runner.invoke(app, args, env=ENV)

    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    added = [
        f for f in report["findings"] if f["explanation"].endswith("(flagged by the LLM check)")
    ]
    assert [e["quote"] for f in added for e in f["evidence"]] == ["A deadly earthquake"]
    assert len(report["findings"]) == len(offline["findings"]) + 1  # it adds, never removes
    assert any("LLM framing check" in note for note in report["notes"])
    assert "summary" not in report


def test_check_falls_back_to_the_offline_findings_when_asked(openai_server, tmp_path: Path):
    paths = write_reports(tmp_path, QUAKE)
    offline = json.loads(runner.invoke(app, ["check", *paths, "--format", "json"]).stdout)
    args = ["check", *paths, "--format", "json", "--backend", "llm", "--base-url"]
    args += [openai_server.base_url, "--cache", str(tmp_path / "llm.sqlite")]

    openai_server.script(fail(401))
    failed = runner.invoke(app, args, env=ENV)
    openai_server.script(fail(401))
    fell_back = runner.invoke(app, [*args, "--fallback", "extractive"], env=ENV)

    assert failed.exit_code == 1 and "use --fallback extractive" in failed.stderr
    assert fell_back.exit_code == 0, fell_back.output
    report = json.loads(fell_back.stdout)
    assert report["findings"] == offline["findings"]
    assert "these are the offline checker's findings" in fell_back.stderr


@pytest.mark.parametrize(
    ("behaviour", "problem"),
    [
        (raw(b'{"choices": [{"message": {"content": "\xff\xfe"}}]}', "application/json"), "UTF-8"),
        (raw(b"<html><body>Bad gateway</body></html>", "text/html"), "text/html"),
        (raw(b"rate limited, try later", "text/plain"), "text/plain"),
        (raw(b"Internal error: stack overflow", "application/json"), "not JSON"),
    ],
    ids=["invalid-utf8", "html", "text-plain", "not-json"],
)
def test_a_malformed_answer_falls_back_with_a_note(openai_server, tmp_path, behaviour, problem):
    openai_server.script(behaviour, behaviour)
    paths = write_reports(tmp_path, STRIKE)
    cache = tmp_path / "llm.sqlite"

    failed = _merge(openai_server, paths, cache)
    fell_back = _merge(openai_server, paths, cache, "--fallback", "extractive")

    assert failed.exit_code == 1 and failed.stdout == ""
    assert failed.stderr.count("\n") == 1 and problem in failed.stderr
    assert "Traceback" not in failed.stderr
    assert fell_back.exit_code == 0, fell_back.output
    report = json.loads(fell_back.stdout)
    assert report["backend"] == "extractive" and report["summary"]
    assert any("The LLM backend failed" in n and problem in n for n in report["notes"])


def test_the_key_is_nowhere_on_disk_or_screen(openai_server, tmp_path: Path):
    """Every path that can carry the key back: a proxy echoing it in a response_format 400
    (the downgrade path), in a 500 (retried), in a 401, and in an answer's text."""
    leak = f"key {TEST_KEY} (Authorization: Bearer {TEST_KEY})"
    openai_server.script(
        fail(400, message=f"response_format json_schema unsupported for {leak}"),
        fail(500, message=f"upstream failed for {leak}"),
        lambda request: completion(json.dumps({"sentences": echoed_sentences(request)}) + leak),
        fail(401, message=f"Incorrect API key provided: {TEST_KEY}"),
        echo(),
    )
    paths = write_reports(tmp_path, STRIKE)
    cache, markdown = tmp_path / "llm.sqlite", tmp_path / "report.md"

    runs = [
        _merge(openai_server, paths, cache),
        _merge(openai_server, paths, cache, "--no-cache", "--fallback", "extractive"),
        _merge(openai_server, paths, cache, "--no-cache", "-o", str(markdown)),
    ]

    assert [run.exit_code for run in runs] == [0, 0, 0]
    shown = "".join(run.stdout + run.stderr for run in runs)
    on_disk = b"".join(path.read_bytes() for path in tmp_path.rglob("*") if path.is_file())
    assert "HTTP 401" in shown and "report.md" in shown  # the runs said what happened
    assert TEST_KEY not in shown
    assert TEST_KEY.encode() not in on_disk
    assert "***" in cache.read_bytes().decode("utf-8", "replace")  # the echoes were there


def test_concurrency_option_bounds_requests_in_flight(openai_server, tmp_path: Path):
    paths = write_reports(tmp_path, QUAKE)
    openai_server.script(*[echo(delay=0.2)] * 8)

    result = _merge(
        openai_server,
        paths,
        tmp_path / "llm.sqlite",
        "--max-input-tokens",
        "1000",
        "--concurrency",
        "2",
    )

    assert result.exit_code == 0, result.output
    assert openai_server.max_in_flight == 2


@pytest.mark.parametrize(
    ("extra", "env", "message"),
    [
        ([], {"OPENAI_API_KEY": "sk-tëst-key"}, "summarize: LLM backend: the API key "),
        (["--base-url", "http://127.0.0.1:9/" + "a" * 3000], {}, "summarize: LLM backend: the "),
        (["--base-url", "http://[::1"], {}, "summarize: LLM backend: the LLM base URL must "),
        (["--base-url", "http://\x1b[31m127.0.0.1:9/"], {}, "summarize: LLM backend: the LLM "),
    ],
)
def test_an_llm_setting_that_cannot_work_is_one_line(
    openai_server: FakeOpenAIServer, tmp_path: Path, extra: list[str], env: dict, message: str
):
    paths = write_reports(tmp_path, QUAKE)
    args = ["merge", *paths, "--backend", "llm", "--base-url", openai_server.base_url]
    result = runner.invoke(
        app, [*args, "--cache", str(tmp_path / "c.sqlite"), *extra], env=ENV | env
    )
    assert result.exit_code in (1, 2)
    [line] = result.stderr.splitlines()
    assert line.startswith(message), line
    assert "tëst" not in result.stderr and not openai_server.requests


@pytest.mark.parametrize("kind", ["not a database", "a folder under a file", "a path too long"])
def test_a_cache_that_cannot_be_used_is_one_line(
    openai_server: FakeOpenAIServer, tmp_path: Path, kind: str
):
    cache = tmp_path / "cache.sqlite"
    if kind == "not a database":
        cache.write_text("this is no SQLite file\n" * 100)
    elif kind == "a path too long":
        cache = tmp_path.joinpath(*["d" * 250] * 20, "cache.sqlite")
    else:
        (tmp_path / "file").write_text("x")
        cache = tmp_path / "file" / "cache.sqlite"
    result = _merge(openai_server, write_reports(tmp_path, QUAKE), cache)
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"summarize: LLM backend: cannot use the LLM cache {cache}: "), line
