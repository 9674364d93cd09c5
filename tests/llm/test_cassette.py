"""Cassettes: recording the answers a run used into a JSONL file, and replaying them with no
network, where a request not recorded is an error naming its prompt versions."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from pydantic import BaseModel

from summarize.llm.cache import Cassette, Exchange, NotRecorded, RequestKey
from summarize.llm.client import Ask, LLMClient
from summarize.llm.errors import LLMError
from summarize.llm.settings import LLMSettings
from tests.openai_server import FakeOpenAIServer


class Sentences(BaseModel):
    class Item(BaseModel):
        text: str
        citations: list[str]

    sentences: list[Item]


def ask(report: str, version: str = "merge_system@1+merge_user@1") -> Ask:
    return Ask(
        messages=[
            {"role": "system", "content": "Summarise the fenced report as JSON."},
            {"role": "user", "content": f"<<<REPORT id=r1>>>\n{report}\n<<<END>>>"},
        ],
        prompt_version=version,
        max_tokens=256,
    )


FLOOD = ask("The river burst its banks on Sunday. Two villages were cut off.")
FIRE = ask("A fire closed the port on Monday. Nobody was hurt.")


def settings(server: FakeOpenAIServer, tmp_path: Path, **cassette: Path) -> LLMSettings:
    return LLMSettings(
        model="scripted",
        base_url=server.base_url,
        api_key=None,
        timeout=2,
        max_retries=0,
        cache_path=tmp_path / "llm.sqlite",
        **cassette,
    )


def record(server: FakeOpenAIServer, tmp_path: Path, cassette: Path, *asks: Ask) -> int:
    Cassette(cassette).start_recording()
    client = LLMClient(settings(server, tmp_path, record=cassette))
    for each in asks:
        client.complete(each, Sentences)
    return Cassette(cassette).finish_recording()


def test_a_recorded_answer_is_replayed_without_a_request(
    openai_server: FakeOpenAIServer, tmp_path: Path
) -> None:
    cassette = tmp_path / "cassette.jsonl"
    assert record(openai_server, tmp_path, cassette, FLOOD) == 1
    sent = len(openai_server.requests)

    replayed = LLMClient(settings(openai_server, tmp_path, replay=cassette)).complete(
        FLOOD, Sentences
    )

    assert replayed.value.sentences[0].text == "The river burst its banks on Sunday."
    assert replayed.usage.cache_hits == 1
    assert len(openai_server.requests) == sent  # nothing was sent
    line = json.loads(cassette.read_text())
    assert (line["model"], line["prompt_version"]) == ("scripted", "merge_system@1+merge_user@1")
    assert not Path(f"{cassette}.recording").exists()


def test_replaying_a_request_not_recorded_fails_naming_its_prompts_and_sends_nothing(
    openai_server: FakeOpenAIServer, tmp_path: Path
) -> None:
    cassette = tmp_path / "cassette.jsonl"
    record(openai_server, tmp_path, cassette, FLOOD)
    sent = len(openai_server.requests)
    client = LLMClient(settings(openai_server, tmp_path, replay=cassette))

    edited = ask(FLOOD.messages[1]["content"], version="merge_system@1+merge_user@2")
    with pytest.raises(NotRecorded, match=r"prompts merge_system@1\+merge_user@2") as error:
        client.complete(edited, Sentences)
    assert error.value.key.prompt_version == "merge_system@1+merge_user@2"
    with pytest.raises(NotRecorded, match="record it again with --record"):
        client.complete(FIRE, Sentences)
    assert len(openai_server.requests) == sent


def test_replay_needs_no_key_nor_a_server(tmp_path: Path) -> None:
    cassette = tmp_path / "cassette.jsonl"
    cassette.write_text("")
    client = LLMClient(LLMSettings(api_key=None, base_url=None, replay=cassette))
    with pytest.raises(NotRecorded):
        client.complete(FLOOD, Sentences)


def test_recording_keeps_exactly_the_answers_used_and_reuses_recorded_ones(
    openai_server: FakeOpenAIServer, tmp_path: Path
) -> None:
    cassette = tmp_path / "cassette.jsonl"
    record(openai_server, tmp_path / "a", cassette, FLOOD, FIRE)
    sent = len(openai_server.requests)

    # Recorded again with a fresh cache: FLOOD comes from the cassette, FIRE is no longer used.
    assert record(openai_server, tmp_path / "b", cassette, FLOOD) == 1
    assert len(openai_server.requests) == sent
    lines = cassette.read_text().splitlines()
    assert len(lines) == 1 and "river burst" in lines[0]


def test_a_recording_is_sorted_and_stable(openai_server: FakeOpenAIServer, tmp_path: Path) -> None:
    cassette = tmp_path / "cassette.jsonl"
    record(openai_server, tmp_path, cassette, FIRE, FLOOD)
    first = cassette.read_text()
    record(openai_server, tmp_path, cassette, FLOOD, FIRE)
    assert cassette.read_text() == first


def test_a_broken_cassette_line_is_named(tmp_path: Path) -> None:
    cassette = tmp_path / "cassette.jsonl"
    key = RequestKey.of("m", "p@1", {}, [])
    good = {**key.model_dump(), "response": {"choices": []}}
    cassette.write_text(json.dumps(good) + "\n" + json.dumps({"model": "m"}) + "\n")
    with pytest.raises(LLMError, match=r"cassette.jsonl line 2: not a recorded answer"):
        Cassette(cassette).answers()
    with pytest.raises(LLMError, match="cassette not found"):
        Cassette(tmp_path / "missing.jsonl").answers()


def test_replay_and_record_at_once_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="replay and record"):
        LLMSettings(replay=tmp_path / "a.jsonl", record=tmp_path / "a.jsonl")


def test_the_tape_takes_only_valid_answers(tmp_path: Path) -> None:
    cassette = Cassette(tmp_path / "c.jsonl")
    key = RequestKey.of("m", "p@1", {}, [{"role": "user", "content": "x"}])
    cassette.tape.record(Exchange(key=key, request={}, response={"n": 1}, error="bad JSON"))
    cassette.tape.record(Exchange(key=key, request={}, response={"n": 2}, valid=True))
    assert cassette.finish_recording() == 1
    assert json.loads(cassette.path.read_text())["response"] == {"n": 2}


def test_a_replay_asks_the_server_nothing_about_itself(tmp_path: Path) -> None:
    """A replay opens no connection, not even the probe for a server's context and tokenizer."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    cassette = tmp_path / "cassette.jsonl"
    cassette.write_text("")
    client = LLMClient(
        LLMSettings(api_key=None, base_url=f"http://127.0.0.1:{port}/v1", replay=cassette)
    )

    client.context_tokens()
    assert client.concurrency >= 1
    with pytest.raises(TimeoutError):
        listener.accept()
    listener.close()


@pytest.mark.parametrize("flavour", ["llama.cpp", "vllm"])
def test_a_recording_keeps_what_the_server_said_about_itself(tmp_path: Path, flavour: str) -> None:
    """A llama.cpp or vLLM server's context, slots and token counts shape the requests: the
    recording keeps them, so the replay rebuilds the same requests with no server at all."""
    server = FakeOpenAIServer(context_tokens=3_000, flavour=flavour).start()
    cassette = tmp_path / "cassette.jsonl"
    try:
        record(server, tmp_path, cassette, FLOOD)
        recorded = LLMClient(settings(server, tmp_path)).complete(FLOOD, Sentences).value
    finally:
        server.stop()
    versions = [json.loads(line)["prompt_version"] for line in cassette.read_text().splitlines()]
    assert "server-probe@1" in versions

    replay = LLMClient(settings(server, tmp_path / "elsewhere", replay=cassette))
    assert replay.context_tokens() == (3_000, True)
    assert replay.token_source == "token counts from the server's /tokenize"
    assert replay.complete(FLOOD, Sentences).value == recorded
