"""LLMClient against the local OpenAI-compatible server: retries, repairs, cache, errors."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading

import pytest
from pydantic import BaseModel

from summarize.llm.client import (
    Ask,
    LLMClient,
    backoff_seconds,
    check_settings,
    retry_after_seconds,
)
from summarize.llm.errors import LLMError
from summarize.llm.settings import LLMSettings
from tests.conftest import TEST_KEY
from tests.openai_server import (
    FakeOpenAIServer,
    answer,
    echo,
    fail,
    schema_unsupported,
    slow,
)


class Sentences(BaseModel):
    class Item(BaseModel):
        text: str
        citations: list[str]

    sentences: list[Item]


def ask_about(*reports: tuple[str, str]) -> Ask:
    blocks = "\n\n".join(f"<<<REPORT id={rid}>>>\n{text}\n<<<END>>>" for rid, text in reports)
    return Ask(
        messages=[
            {"role": "system", "content": "Summarise the fenced reports as JSON."},
            {"role": "user", "content": blocks},
        ],
        prompt_version="test_system@1+test_user@1",
    )


FLOOD = ask_about(("flood-a", "The river burst its banks on Sunday. Two villages were cut off."))
MARKETS = ask_about(("mkt-1", "Shares fell 3% on Friday. The central bank held rates."))


def log_rows(settings: LLMSettings) -> list[sqlite3.Row]:
    connection = sqlite3.connect(settings.cache_path)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute("SELECT * FROM llm_log ORDER BY id").fetchall()
    finally:
        connection.close()


def test_structured_answer_over_real_http(openai_server: FakeOpenAIServer, llm_settings):
    completion = LLMClient(llm_settings).complete(FLOOD, Sentences)

    assert completion.value.sentences[0].text == "The river burst its banks on Sunday."
    assert completion.value.sentences[0].citations == ["flood-a"]
    assert (completion.usage.requests, completion.usage.tokens_in) == (1, 100)
    sent = openai_server.requests[0]
    assert sent.path == "/v1/chat/completions"
    assert sent.headers["authorization"] == f"Bearer {TEST_KEY}"
    assert sent.body["model"] == "gpt-4o-mini"
    assert sent.body["temperature"] == 0
    schema = sent.body["response_format"]["json_schema"]["schema"]
    assert sent.body["response_format"]["type"] == "json_schema"
    assert schema["required"] == ["sentences"] and schema["additionalProperties"] is False


def test_retry_after_is_honoured(openai_server: FakeOpenAIServer, llm_settings):
    openai_server.script(fail(429, retry_after=0.25), fail(503, retry_after=0.2), echo())

    completion = LLMClient(llm_settings).complete(MARKETS, Sentences)

    assert completion.value.sentences[0].citations == ["mkt-1"]
    first, second, third = (request.arrived for request in openai_server.requests)
    assert second - first >= 0.25
    assert third - second >= 0.2


def test_backoff_grows_without_retry_after(openai_server: FakeOpenAIServer, llm_settings):
    openai_server.script(fail(500), fail(502), echo())
    waits: list[float] = []

    LLMClient(llm_settings, sleep=waits.append).complete(FLOOD, Sentences)

    base = llm_settings.backoff_base
    assert len(waits) == 2
    assert base / 2 <= waits[0] <= base
    assert base <= waits[1] <= 2 * base  # doubles: never shorter than the first could be


def test_backoff_really_sleeps(openai_server: FakeOpenAIServer, llm_settings):
    settings = llm_settings.model_copy(update={"backoff_base": 0.2})
    openai_server.script(fail(500), echo())

    LLMClient(settings).complete(FLOOD, Sentences)

    first, second = (request.arrived for request in openai_server.requests)
    assert second - first >= 0.1  # equal jitter: at least half the base delay


def test_backoff_is_capped_and_jittered():
    delays = {round(backoff_seconds(10, base=0.5, ceiling=4), 6) for _ in range(20)}
    assert all(2 <= delay <= 4 for delay in delays)
    assert len(delays) > 1


def test_retry_after_header_forms():
    assert retry_after_seconds({"retry-after": "2"}) == 2
    assert retry_after_seconds({"retry-after-ms": "150", "retry-after": "9"}) == 0.15
    assert retry_after_seconds({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0
    assert retry_after_seconds({}) is None


def test_gives_up_after_max_retries(openai_server: FakeOpenAIServer, llm_settings):
    openai_server.script(*[fail(429, retry_after=0.05)] * 5)

    with pytest.raises(LLMError, match=r"after 3 attempts \(last: HTTP 429\)"):
        LLMClient(llm_settings).complete(FLOOD, Sentences)
    assert len(openai_server.requests) == 3


def test_retry_after_longer_than_allowed_fails_fast(openai_server, llm_settings):
    openai_server.script(fail(429, retry_after=3600))

    with pytest.raises(LLMError, match="asked to wait 3600 s"):
        LLMClient(llm_settings).complete(FLOOD, Sentences)
    assert len(openai_server.requests) == 1


def test_slow_answer_times_out_then_retries(openai_server: FakeOpenAIServer, llm_settings):
    settings = llm_settings.model_copy(update={"timeout": 0.3})
    openai_server.script(slow(0.8), echo())

    completion = LLMClient(settings).complete(MARKETS, Sentences)

    assert completion.value.sentences[0].text == "Shares fell 3% on Friday."
    assert len(openai_server.requests) == 2


def test_timeouts_exhaust_retries(openai_server: FakeOpenAIServer, llm_settings):
    settings = llm_settings.model_copy(update={"timeout": 0.2, "max_retries": 1})
    openai_server.script(slow(0.6), slow(0.6))

    with pytest.raises(LLMError, match=r"after 2 attempts \(last: no answer within 0.2 s\)"):
        LLMClient(settings).complete(MARKETS, Sentences)


def test_malformed_json_is_asked_again_with_the_problem(openai_server, llm_settings):
    openai_server.script(answer('{"sentences": [{"text": "x"'), answer('{"sentences": 3}'), echo())

    completion = LLMClient(llm_settings).complete(FLOOD, Sentences)

    assert completion.value.sentences[0].citations == ["flood-a"]
    assert completion.usage.requests == 3
    second, third = openai_server.requests[1], openai_server.requests[2]
    assert "not valid JSON" in second.last_user
    assert second.body["messages"][-2] == {
        "role": "assistant",
        "content": '{"sentences": [{"text": "x"',
    }
    assert "sentences: Input should be a valid list" in third.last_user
    assert [row["valid"] for row in log_rows(llm_settings)] == [0, 0, 1]


def test_json_in_prose_or_code_block_is_accepted(openai_server, llm_settings):
    reply = {"sentences": [{"text": "Two villages were cut off.", "citations": ["flood-a"]}]}
    openai_server.script(answer("Here you go:\n```json\n" + json.dumps(reply) + "\n```"))

    completion = LLMClient(llm_settings).complete(FLOOD, Sentences)

    assert completion.value.sentences[0].text == "Two villages were cut off."
    assert len(openai_server.requests) == 1


def test_repairs_are_bounded(openai_server: FakeOpenAIServer, llm_settings):
    openai_server.script(*[answer("I cannot do that.")] * 5)

    with pytest.raises(LLMError, match=r"no valid JSON answer in 3 tries .*not a JSON object"):
        LLMClient(llm_settings).complete(FLOOD, Sentences)
    assert len(openai_server.requests) == 3


def test_falls_back_to_json_mode_without_structured_output(openai_server, llm_settings):
    openai_server.script(schema_unsupported(), schema_unsupported())
    client = LLMClient(llm_settings)

    client.complete(FLOOD, Sentences)
    client.complete(MARKETS, Sentences)

    formats = [r.body.get("response_format", {}).get("type") for r in openai_server.requests]
    assert formats == ["json_schema", "json_object", "json_object"]


def test_plain_text_mode_when_json_mode_is_rejected_too(openai_server, llm_settings):
    openai_server.script(fail(400), fail(400), echo())

    LLMClient(llm_settings).complete(FLOOD, Sentences)

    assert "response_format" not in openai_server.requests[-1].body


def test_second_call_is_served_from_the_cache(openai_server, llm_settings):
    LLMClient(llm_settings).complete(FLOOD, Sentences)
    again = LLMClient(llm_settings).complete(FLOOD, Sentences)

    assert len(openai_server.requests) == 1
    assert again.value.sentences[0].citations == ["flood-a"]
    assert (again.usage.requests, again.usage.cache_hits, again.usage.cached_tokens_in) == (
        0,
        1,
        100,
    )


def test_cache_key_changes_with_model_prompt_version_and_input(openai_server, llm_settings):
    client = LLMClient(llm_settings)
    client.complete(FLOOD, Sentences)
    client.complete(Ask(FLOOD.messages, "test_system@2+test_user@1"), Sentences)
    client.complete(MARKETS, Sentences)
    LLMClient(llm_settings.model_copy(update={"model": "gpt-4.1-mini"})).complete(FLOOD, Sentences)
    LLMClient(llm_settings.model_copy(update={"temperature": 0.7})).complete(FLOOD, Sentences)

    assert len(openai_server.requests) == 5


def test_no_cache_still_asks_and_logs(openai_server, llm_settings):
    LLMClient(llm_settings).complete(FLOOD, Sentences)
    LLMClient(llm_settings.model_copy(update={"use_cache": False})).complete(FLOOD, Sentences)

    assert len(openai_server.requests) == 2
    rows = log_rows(llm_settings)
    assert len(rows) == 2
    assert rows[0]["cache_key"] == rows[1]["cache_key"]
    assert rows[0]["model"] == "gpt-4o-mini"
    assert rows[0]["prompt_version"] == "test_system@1+test_user@1"
    assert (rows[0]["tokens_in"], rows[0]["tokens_out"]) == (100, 20)
    assert json.loads(rows[0]["request_json"])["messages"] == FLOOD.messages
    assert json.loads(rows[0]["response_json"])["choices"][0]["message"]["content"]


def test_failed_attempts_are_logged_without_the_key(openai_server, llm_settings):
    openai_server.script(fail(500), echo())

    LLMClient(llm_settings).complete(FLOOD, Sentences)

    rows = log_rows(llm_settings)
    assert [(row["error"], row["valid"]) for row in rows] == [("HTTP 500", 0), (None, 1)]
    assert not any(TEST_KEY in " ".join(map(str, tuple(row))) for row in rows)


def test_wrong_key_message_names_the_problem_not_the_key(openai_server, llm_settings):
    openai_server.script(fail(401, message=f"Incorrect API key provided: {TEST_KEY}"))

    with pytest.raises(LLMError) as raised:
        LLMClient(llm_settings).complete(FLOOD, Sentences)

    message = str(raised.value)
    assert "rejected the API key (HTTP 401)" in message and "OPENAI_API_KEY" in message
    assert TEST_KEY not in message and TEST_KEY[:12] not in message
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


def test_server_message_is_redacted(openai_server, llm_settings):
    openai_server.script(fail(400, message=f"bad request from key {TEST_KEY}"))
    settings = llm_settings.model_copy(update={"max_repairs": 0})
    client = LLMClient(settings)
    client._mode = 2  # plain text mode: a 400 cannot be a response_format problem

    with pytest.raises(LLMError, match=r"HTTP 400\): bad request from key \*\*\*"):
        client.complete(FLOOD, Sentences)


def test_unknown_model_is_a_clear_error(openai_server, llm_settings):
    openai_server.script(fail(404, message="model not found"))

    with pytest.raises(LLMError, match=r"no model 'gpt-4o-mini'.*check --model and --base-url"):
        LLMClient(llm_settings).complete(FLOOD, Sentences)


def test_wrong_route_is_a_clear_error(openai_server, llm_settings):
    settings = llm_settings.model_copy(update={"base_url": openai_server.base_url + "/oops"})

    with pytest.raises(LLMError, match="HTTP 404"):
        LLMClient(settings).complete(FLOOD, Sentences)


def test_chat_route_without_v1_prefix(openai_server, llm_settings):
    settings = llm_settings.model_copy(update={"base_url": openai_server.base_url[: -len("/v1")]})

    LLMClient(settings).complete(FLOOD, Sentences)

    assert openai_server.requests[0].path == "/chat/completions"


def test_unreachable_endpoint(llm_settings):
    settings = llm_settings.model_copy(
        update={"base_url": "http://127.0.0.1:9/v1", "max_retries": 1}
    )

    with pytest.raises(LLMError, match=r"gave up on http://127.0.0.1:9/v1 .*could not connect"):
        LLMClient(settings).complete(FLOOD, Sentences)


def test_missing_key_without_endpoint(tmp_path):
    settings = LLMSettings(api_key=None, base_url=None, cache_path=tmp_path / "c.sqlite")

    with pytest.raises(LLMError, match=r"no API key .*set OPENAI_API_KEY"):
        check_settings(settings)


def test_local_server_needs_no_key(openai_server, llm_settings):
    LLMClient(llm_settings.model_copy(update={"api_key": None})).complete(FLOOD, Sentences)

    assert openai_server.requests[0].headers["authorization"] == "Bearer no-key-needed"


@pytest.mark.parametrize("url", ["localhost:11434/v1", "ftp://example.org/v1", "http://"])
def test_malformed_base_url(url, tmp_path):
    settings = LLMSettings(base_url=url, cache_path=tmp_path / "c.sqlite")

    with pytest.raises(LLMError, match="must look like http"):
        check_settings(settings)


def test_parallel_asks_are_bounded(openai_server, llm_settings):
    settings = llm_settings.model_copy(update={"concurrency": 2})
    openai_server.script(*[echo(delay=0.15)] * 5)
    asks = [ask_about((f"doc-{n}", f"Event number {n} happened.")) for n in range(5)]

    completions = LLMClient(settings).complete_all(asks, Sentences)

    assert [c.value.sentences[0].citations for c in completions] == [[f"doc-{n}"] for n in range(5)]
    assert openai_server.max_in_flight == 2


def test_threads_share_one_log(openai_server, llm_settings):
    client = LLMClient(llm_settings)
    asks = [ask_about((f"doc-{n}", f"Story {n} was filed.")) for n in range(6)]
    threads = [threading.Thread(target=client.complete, args=(a, Sentences)) for a in asks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(log_rows(llm_settings)) == 6


def test_importing_the_llm_backend_loads_no_sdk():
    code = (
        "import sys, summarize.llm, summarize.llm.client, summarize.compose.llm, "
        "summarize.check.llm\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'openai', 'tiktoken', 'httpx', 'httpx2'}))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert run.stdout.strip() == "[]"
