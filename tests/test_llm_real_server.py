"""The LLM backend against a real model server: llama.cpp's llama-server with SmolLM2-135M.

Built and cached by `.ci/llama-server`; skipped (with the reason) when it is missing, failed
when SUMMARIZE_REQUIRE_LLAMA=1 (CI). Small on purpose, for 2 CPU cores: excerpts of three seed
reports, 20-word summaries. The 135M model writes poor summaries; what these tests hold is that
the whole path works against a real server and that nothing unsupported is ever shown: each
command either prints sentences the reports support, each cited, or ends with one clean line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import BaseModel
from typer.testing import CliRunner

from summarize.analyze import analyze
from summarize.cli import app
from summarize.ingest import load_inputs
from summarize.judge import Judge
from summarize.llm import tokens
from summarize.llm.client import Ask, LLMClient
from summarize.llm.errors import ContextExceeded
from summarize.llm.fences import fence
from summarize.llm.settings import LLMSettings
from tests.llama_server import LlamaServer
from tests.openai_server import FakeOpenAIServer, forward, schema_rejected_with_500
from tests.stories import SEEDS

pytestmark = pytest.mark.llama_server

runner = CliRunner()
ENV = {"OPENAI_API_KEY": None, "OPENAI_BASE_URL": None, "SUMMARIZE_MODEL": None}
EXCERPT_WORDS = 60
MAX_WORDS = "15"


class Fact(BaseModel):
    city: str


def excerpts(tmp_path: Path, count: int = 3) -> list[str]:
    """The opening paragraphs (about EXCERPT_WORDS words) of `count` seed reports, as files."""
    paths = []
    for seed in SEEDS[:count]:
        kept: list[str] = []
        for paragraph in seed.read_text(encoding="utf-8").splitlines():
            if len(" ".join(kept).split()) >= EXCERPT_WORDS:
                break
            kept.append(paragraph)
        path = tmp_path / seed.name
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def run(command: str, base_url: str, paths: list[str], cache: Path, *extra: str):
    args = [command, *paths, "--format", "json", "--backend", "llm", "--base-url", base_url]
    args += ["--model", "smollm2", "--cache", str(cache), *extra]
    return runner.invoke(app, args, env=ENV)


def assert_shown_or_one_line(result) -> dict[str, object] | None:
    """The report when the command succeeded, else check it failed with one clean line."""
    assert "Traceback" not in result.output
    if result.exit_code != 0:
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("summarize: ")
        return None
    report: dict[str, object] = json.loads(result.stdout)
    return report


def assert_supported_and_cited(report: dict[str, object], paths: list[str]) -> None:
    """Every summary sentence cites reports, and those reports support it (judged afresh)."""
    (cluster,) = load_inputs(paths)
    analysis = analyze(cluster.documents)
    judge = Judge(analysis)
    ids = {document.id for document in cluster.documents}
    summary = report["summary"]
    assert isinstance(summary, list) and summary
    for sentence in summary:
        assert sentence["citations"] and set(sentence["citations"]) <= ids
        assert sentence["sources"]
        verdict = judge.judge(sentence["text"], sentence["citations"])
        assert verdict.label == "supported", sentence["text"]


def log_rows(cache: Path) -> list[dict[str, object]]:
    import sqlite3

    connection = sqlite3.connect(cache)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute("SELECT * FROM llm_log ORDER BY id")]
    finally:
        connection.close()


# ------------------------------------------------------------------ the client


def test_json_schema_is_accepted_and_counts_are_the_servers(
    llama_server: str, tmp_path: Path
) -> None:
    settings = LLMSettings(model="smollm2", base_url=llama_server, cache_path=tmp_path / "c.db")
    client = LLMClient(settings)
    report = fence("REPORT", {"id": "a"}, "The army held the city of Hama on Tuesday.")
    ask = Ask(
        [{"role": "user", "content": f"Which city does the report name? JSON only.\n{report}"}],
        "test@1",
        max_tokens=40,
    )

    completion = client.complete(ask, Fact)

    assert completion.value.city.strip()
    (row,) = log_rows(settings.cache_path)
    sent = json.loads(str(row["request_json"]))
    assert sent["response_format"]["type"] == "json_schema" and row["valid"] == 1
    assert sent["max_tokens"] == 40 and sent["stream"] is True
    assert row["tokens_in"] == client.count_messages(ask.messages)  # /tokenize is exact
    assert client.context_tokens() == (8192, True)
    assert client.concurrency == 1  # one slot


def test_the_estimate_stays_within_its_margin_of_the_real_tokenizer(llama_server: str) -> None:
    """SmolLM2's tokenizer makes more tokens than cl100k; the margin for models we cannot
    count exactly must cover that on real news text."""
    settings = LLMSettings(model="smollm2", base_url=llama_server)
    counter = LLMClient(settings).counter
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        assert counter.count(text) <= tokens.count_tokens(text) / tokens.OTHER_MARGIN


def test_a_prompt_larger_than_the_context_is_not_retried(
    start_llama_server: Callable[..., LlamaServer], tmp_path: Path
) -> None:
    server = start_llama_server(ctx_size=512)
    settings = LLMSettings(model="smollm2", base_url=server.base_url, cache_path=tmp_path / "c")
    text = " ".join(SEEDS[0].read_text(encoding="utf-8").split()[:600])
    ask = Ask([{"role": "user", "content": text}], "test@1", max_tokens=32)

    with pytest.raises(ContextExceeded) as raised:
        LLMClient(settings).complete(ask, Fact)

    assert raised.value.context_tokens == 512
    assert raised.value.prompt_tokens is not None and raised.value.prompt_tokens > 512
    assert len(log_rows(settings.cache_path)) == 1


# ------------------------------------------------------------------ the commands


def test_merge_on_seed_excerpts(llama_server: str, tmp_path: Path) -> None:
    paths = excerpts(tmp_path)

    result = run("merge", llama_server, paths, tmp_path / "c.db", "--max-words", MAX_WORDS)

    report = assert_shown_or_one_line(result)
    if report is not None:
        assert report["backend"] == "llm"
        assert_supported_and_cited(report, paths)
        notes = "\n".join(report["notes"])
        assert "token counts from the server's /tokenize" in notes
        assert "faithfulness guard: kept" in notes


def test_check_on_seed_excerpts(llama_server: str, tmp_path: Path) -> None:
    paths = excerpts(tmp_path)

    result = run("check", llama_server, paths, tmp_path / "c.db")

    report = assert_shown_or_one_line(result)
    if report is not None:
        (cluster,) = load_inputs(paths)
        texts = {document.id: document.text for document in cluster.documents}
        for finding in report["findings"]:
            for e in finding["evidence"]:
                assert texts[e["document"]][e["start"] : e["end"]] == e["quote"]
        assert any(re.match(r"LLM check: kept \d+ of \d+", note) for note in report["notes"])


def test_merge_on_a_small_context_splits_the_work(
    start_llama_server: Callable[..., LlamaServer], tmp_path: Path
) -> None:
    server = start_llama_server(ctx_size=1280)
    paths = excerpts(tmp_path)

    result = run("merge", server.base_url, paths, tmp_path / "c.db", "--max-words", MAX_WORDS)

    report = assert_shown_or_one_line(result)
    if report is not None:
        assert_supported_and_cited(report, paths)
        assert any("map-reduce" in note for note in report["notes"])
    rows = log_rows(tmp_path / "c.db")
    sent = [json.loads(str(row["request_json"])) for row in rows]
    reports = [len(re.findall(r"<<<REPORT ", s["messages"][1]["content"])) for s in sent]
    assert reports[:3] == [1, 1, 1]  # the reports did not fit together: one request each
    for row, request in zip(rows, sent, strict=True):  # each fitted the 1280-token slot
        assert int(str(row["tokens_in"])) + request["max_tokens"] <= 1280


def test_a_server_answering_500_to_json_schema(llama_server: str, tmp_path: Path) -> None:
    """llama-cpp-python's server refuses json_schema with HTTP 500; here that answer is put in
    front of the real llama-server, which answers everything else."""
    proxy = FakeOpenAIServer(default=schema_rejected_with_500(forward(llama_server))).start()
    try:
        paths = excerpts(tmp_path, 2)
        result = run("merge", proxy.base_url, paths, tmp_path / "c.db", "--max-words", MAX_WORDS)
    finally:
        proxy.stop()

    formats = [r.body.get("response_format", {}).get("type") for r in proxy.requests]
    assert formats[:2] == ["json_schema", "json_object"]
    assert "json_schema" not in formats[1:]
    report = assert_shown_or_one_line(result)
    if report is not None:
        assert_supported_and_cited(report, paths)


def test_fallback_gives_the_extractive_summary_with_a_note(
    start_llama_server: Callable[..., LlamaServer], tmp_path: Path
) -> None:
    server = start_llama_server(ctx_size=512)  # too small for the prompt around any report
    paths = excerpts(tmp_path, 2)

    failed = run("merge", server.base_url, paths, tmp_path / "c.db")
    fell_back = run("merge", server.base_url, paths, tmp_path / "c.db", "--fallback", "extractive")

    assert assert_shown_or_one_line(failed) is None
    report = assert_shown_or_one_line(fell_back)
    assert report is not None and report["backend"] == "extractive" and report["summary"]
    assert any("The LLM backend failed" in note for note in report["notes"])


def test_an_eval_recorded_against_the_server_replays_without_it(
    llama_server: str, tmp_path: Path
) -> None:
    """llama.cpp's answers about itself (context, slots, token counts) shape the requests; the
    cassette keeps them, so a replay with the server gone asks for exactly what was recorded."""
    (cluster,) = load_inputs(excerpts(tmp_path))
    dataset = tmp_path / "clusters.jsonl"
    sources = [document.text for document in cluster.documents]
    dataset.write_text(json.dumps({"id": "seeds", "sources": sources}) + "\n")
    cassette = tmp_path / "cassette.jsonl"

    def eval_against(base_url: str, *mode: str):
        config = tmp_path / "summarize-eval.toml"
        config.write_text(
            'datasets = ["clusters.jsonl"]\n[[runs]]\nname = "llm"\nbackend = "llm"\n'
            f'model = "smollm2"\nbase_url = "{base_url}"\nmax_words = {MAX_WORDS}\n'
        )
        return runner.invoke(app, ["eval", "--config", str(config), *mode], env=ENV)

    recorded = eval_against(llama_server, "--record", str(cassette))
    assert recorded.exit_code == 0, recorded.output
    assert "server-probe@1" in cassette.read_text()

    replayed = eval_against("http://127.0.0.1:9/v1", "--replay", str(cassette))
    assert replayed.exit_code == 0, replayed.output
    assert "not scored" not in replayed.output
    rows = [line for line in recorded.stdout.splitlines() if line.startswith("| merge.")]
    assert rows and rows == [
        line for line in replayed.stdout.splitlines() if line.startswith("| merge.")
    ]
