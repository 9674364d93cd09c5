"""LLMClient against the local OpenAI-compatible server: retries, repairs, cache, errors."""

from __future__ import annotations

import base64
import io
import json
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from pydantic import BaseModel, Field

from summarize.llm import catalog, tokens
from summarize.llm.client import REPAIR_TOKENS, Ask, LLMClient
from summarize.llm.errors import ContextExceeded, LLMError, redact
from summarize.llm.failures import backoff_seconds, retry_after_seconds
from summarize.llm.progress import Progress
from summarize.llm.settings import LLMSettings, check_settings
from tests.conftest import TEST_KEY
from tests.openai_server import (
    FakeOpenAIServer,
    answer,
    chat_template,
    context_size_exceeded_500,
    cut,
    echo,
    fail,
    llama_cpp_context_error,
    raw,
    schema_rejected_with_500,
    schema_unsupported,
    slow,
    stalling,
    word_tokens,
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
        max_tokens=200,
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

    with pytest.raises(LLMError, match=r"after 3 attempts \(last: HTTP 429: test error\)"):
        LLMClient(llm_settings).complete(FLOOD, Sentences)
    assert len(openai_server.requests) == 3


def test_an_exhausted_quota_is_said_at_once_not_retried(openai_server, llm_settings):
    quota = "You exceeded your current quota, please check your plan and billing details."
    openai_server.script(fail(429, message=quota))

    with pytest.raises(LLMError, match=r"rejected the request \(HTTP 429\): You exceeded"):
        LLMClient(llm_settings).complete(FLOOD, Sentences)
    assert len(openai_server.requests) == 1


def test_retry_after_longer_than_allowed_fails_fast(openai_server, llm_settings):
    openai_server.script(fail(429, retry_after=3600))

    with pytest.raises(LLMError, match="asked to wait 3600 s"):
        LLMClient(llm_settings).complete(FLOOD, Sentences)
    assert len(openai_server.requests) == 1


def test_slow_answer_times_out_then_retries(openai_server: FakeOpenAIServer, llm_settings):
    settings = llm_settings.model_copy(update={"timeout": 0.3, "prompt_tokens_per_second": 1e6})
    openai_server.script(slow(0.8), echo())

    completion = LLMClient(settings).complete(MARKETS, Sentences)

    assert completion.value.sentences[0].text == "Shares fell 3% on Friday."
    assert len(openai_server.requests) == 2


def test_timeouts_exhaust_retries(openai_server: FakeOpenAIServer, llm_settings):
    settings = llm_settings.model_copy(
        update={"timeout": 0.2, "max_retries": 1, "prompt_tokens_per_second": 1e6}
    )
    openai_server.script(slow(0.6), slow(0.6))

    with pytest.raises(LLMError, match=r"after 2 attempts \(last: no answer for 0.2\d* s\)"):
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
    client.complete(Ask(FLOOD.messages, "test_system@2+test_user@1", 200), Sentences)
    client.complete(Ask(FLOOD.messages, FLOOD.prompt_version, 300), Sentences)
    client.complete(MARKETS, Sentences)
    LLMClient(llm_settings.model_copy(update={"model": "gpt-4.1-mini"})).complete(FLOOD, Sentences)
    LLMClient(llm_settings.model_copy(update={"temperature": 0.7})).complete(FLOOD, Sentences)

    assert len(openai_server.requests) == 6


def test_one_model_name_serving_another_model_is_asked_again(llm_settings):
    """llama.cpp answers to any model name: the same name at a server that loaded another
    model file is another model, so its answers are not taken from the cache; the same model
    file at another address is the same model."""
    servers = [
        FakeOpenAIServer(context_tokens=4096, model_path=path).start()
        for path in ("/models/a.gguf", "/models/a.gguf", "/models/b.gguf")
    ]
    try:
        for server in servers:
            settings = llm_settings.model_copy(update={"base_url": server.base_url})
            LLMClient(settings).complete(FLOOD, Sentences)
        assert [len(server.requests) for server in servers] == [1, 0, 1]
    finally:
        for server in servers:
            server.stop()


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
    errors = [(row["error"], row["valid"]) for row in rows]
    assert errors == [("HTTP 500: test error", 0), (None, 1)]
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
    client.transport.mode = 2  # plain text mode: a 400 cannot be a response_format problem

    with pytest.raises(LLMError, match=r"HTTP 400\): bad request from key \*\*\*"):
        client.complete(FLOOD, Sentences)


def test_a_url_password_echoed_in_any_form_is_redacted(openai_server, llm_settings):
    """The client sends user:password@ as a Basic credential; a server or proxy echoing it back
    (base64 and all) shows no secret, on screen or in the log."""
    password = "pw-SECRET-9"

    def echo_credential(request):
        credential = request.headers.get("authorization", "").split()[-1]
        return fail(400, message=f"bad request from {credential} ({password})")(request)

    openai_server.script(echo_credential)
    url = openai_server.base_url.replace("http://", f"http://user:{password}@")
    settings = llm_settings.model_copy(update={"base_url": url, "max_repairs": 0})
    client = LLMClient(settings)
    client.transport.mode = 2

    with pytest.raises(LLMError) as raised:
        client.complete(FLOOD, Sentences)
    encoded = base64.b64encode(f"user:{password}".encode()).decode()
    shown = str(raised.value) + settings.cache_path.read_bytes().decode("utf-8", "replace")
    assert password not in shown and encoded not in shown and "***" in str(raised.value)


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


@pytest.mark.parametrize(
    "url",
    [
        "http://user:p4ss/s3cr3t@127.0.0.1:1/v1",
        "http://user:p4ss s3cr3t@127.0.0.1:1/v1",
        "http://user:p4ss#s3cr3t@127.0.0.1:1/v1",
    ],
)
def test_a_base_url_with_a_password_not_encoded_is_refused_unshown(url, tmp_path):
    """A "/", " " or "#" in a password breaks the URL: one line says to encode it, and no part
    of the password is shown."""
    settings = LLMSettings(base_url=url, cache_path=tmp_path / "c.sqlite")

    with pytest.raises(LLMError, match=r"must look like http|percent-encode") as raised:
        check_settings(settings)
    assert "p4ss" not in str(raised.value) and "s3cr3t" not in str(raised.value)


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


# ------------------------------------------------------------------ what real servers do


def test_every_request_streams_with_max_tokens(openai_server, llm_settings):
    LLMClient(llm_settings).complete(FLOOD, Sentences)

    body = openai_server.requests[0].body
    assert body["max_tokens"] == FLOOD.max_tokens
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}


def test_a_500_rejecting_json_schema_downgrades_at_once(openai_server, llm_settings):
    """llama-cpp-python's server answers json_schema with HTTP 500 (its real body)."""
    openai_server.script(schema_rejected_with_500(), schema_rejected_with_500())
    waits: list[float] = []
    client = LLMClient(llm_settings, sleep=waits.append)

    completion = client.complete(FLOOD, Sentences)

    formats = [r.body.get("response_format", {}).get("type") for r in openai_server.requests]
    assert formats == ["json_schema", "json_object"]
    assert waits == []  # not retried as a server error
    assert completion.value.sentences[0].citations == ["flood-a"]
    rows = log_rows(llm_settings)
    assert "Input should be 'text' or 'json_object'" in rows[0]["error"]


def test_a_500_without_a_word_about_the_format_is_retried(openai_server, llm_settings):
    openai_server.script(fail(500, message="out of memory"), echo())

    LLMClient(llm_settings, sleep=lambda s: None).complete(FLOOD, Sentences)

    formats = [r.body["response_format"]["type"] for r in openai_server.requests]
    assert formats == ["json_schema", "json_schema"]


@pytest.mark.parametrize(
    ("behaviour", "context", "prompt"),
    [
        (llama_cpp_context_error(9031, 8192), 8192, 9031),
        (context_size_exceeded_500(), None, None),
        (
            fail(
                400,
                message="This model's maximum context length is 4096 tokens. However, you "
                "requested 5000 tokens (4800 in the messages, 200 in the completion).",
            ),
            4096,
            4800,
        ),
    ],
    ids=["llama.cpp-400", "context-500", "openai-400"],
)
def test_context_overflow_is_not_retried(openai_server, llm_settings, behaviour, context, prompt):
    openai_server.script(behaviour)

    with pytest.raises(ContextExceeded) as raised:
        LLMClient(llm_settings, sleep=lambda s: None).complete(FLOOD, Sentences)

    assert len(openai_server.requests) == 1
    assert (raised.value.context_tokens, raised.value.prompt_tokens) == (context, prompt)
    assert [row["valid"] for row in log_rows(llm_settings)] == [0]


def test_the_budget_shrinks_to_what_the_server_said(openai_server, llm_settings):
    client = LLMClient(llm_settings)
    before = client.prompt_budget(300)
    counted = client.count_messages(FLOOD.messages)
    openai_server.script(llama_cpp_context_error(2 * counted, 2_000))

    with pytest.raises(ContextExceeded):
        client.complete(FLOOD, Sentences)

    # the window the server gave, less the answer and a repair turn, and our count was half
    # the server's: plan for that
    expected = tokens.usable(2_000 - 300 - REPAIR_TOKENS, tokens.OPENAI_MARGIN / 2)
    assert client.prompt_budget(300) == expected < before


def test_an_answer_cut_short_by_the_context_is_an_overflow(openai_server, llm_settings):
    """llama.cpp stops with finish_reason "length" when prompt + answer fill its context."""
    openai_server.script(cut('{"sentences": [{"text": "The riv', 439, 73))

    with pytest.raises(ContextExceeded) as raised:
        LLMClient(llm_settings).complete(FLOOD, Sentences)

    assert raised.value.context_tokens == 512


def test_an_answer_cut_at_max_tokens_is_repaired(openai_server, llm_settings):
    openai_server.script(cut('{"sentences": [{"text": "The riv', 100, FLOOD.max_tokens), echo())

    LLMClient(llm_settings).complete(FLOOD, Sentences)

    assert "cut off at the 200-token limit" in openai_server.requests[1].last_user


def test_a_stream_that_goes_silent_is_abandoned_and_retried(openai_server, llm_settings):
    settings = llm_settings.model_copy(update={"timeout": 0.3, "prompt_tokens_per_second": 1e6})
    openai_server.script(stalling(after_pieces=3, seconds=1.5), echo())

    completion = LLMClient(settings, sleep=lambda s: None).complete(FLOOD, Sentences)

    assert completion.value.sentences[0].citations == ["flood-a"]
    assert len(openai_server.requests) == 2
    assert log_rows(settings)[0]["error"].startswith("no answer for 0.3")


def test_the_wait_for_the_first_byte_grows_with_the_prompt(llm_settings):
    client = LLMClient(llm_settings)

    assert client.transport.read_timeout(0) == llm_settings.timeout
    assert client.transport.read_timeout(4_000) == llm_settings.timeout + 4_000 / 20


@pytest.mark.parametrize(
    ("data", "content_type", "problem"),
    [
        (b'{"choices": [{"message": {"content": "caf\xe9"}}]}', "application/json", "UTF-8"),
        (b'data: {"choices": [\xff]}\n\n', "text/event-stream", "UTF-8"),
        (b"<html><body>Gateway</body></html>", "application/json", "not JSON"),
        (b"data: <html>\n\n", "text/event-stream", "not JSON"),
        (b"upstream connect error", "text/plain", "Content-Type 'text/plain'"),
        (b"<html></html>", "text/html", "Content-Type 'text/html'"),
        (b'{"id": "x", "object": "list"}', "application/json", "without choices"),
    ],
    ids=[
        "bad-utf8",
        "bad-utf8-stream",
        "html-as-json",
        "html-event",
        "text-plain",
        "html",
        "no-choices",
    ],
)
def test_a_malformed_answer_is_an_llm_error(
    openai_server, llm_settings, data, content_type, problem
):
    openai_server.script(raw(data, content_type))

    with pytest.raises(LLMError, match=problem) as raised:
        LLMClient(llm_settings).complete(FLOOD, Sentences)

    assert "OpenAI-compatible" in str(raised.value) and "\n" not in str(raised.value)
    assert len(openai_server.requests) == 1


@pytest.mark.parametrize("flavour", ["llama.cpp", "vllm"])
def test_exact_counts_and_context_from_the_servers_tokenizer(llm_settings, flavour):
    server = FakeOpenAIServer(context_tokens=3_000, flavour=flavour).start()
    try:
        settings = llm_settings.model_copy(update={"base_url": server.base_url})
        client = LLMClient(settings)

        assert client.count_messages(FLOOD.messages) == word_tokens(chat_template(FLOOD.messages))
        assert client.count("Two villages, cut off.") == 6
        assert client.context_tokens() == (3_000, True)
        assert client.prompt_budget(500) == 3_000 - 500 - REPAIR_TOKENS  # no margin: exact
        client.complete(FLOOD, Sentences)
        notes = client.usage_notes("test", {"p@1"})
        assert "token counts from the server's /tokenize" in notes[1]
    finally:
        server.stop()


def test_estimated_counts_keep_a_margin_that_depends_on_the_model(llm_settings):
    openai = LLMClient(llm_settings)
    other = LLMClient(llm_settings.model_copy(update={"model": "smollm2"}))

    assert openai.counter.margin == tokens.OPENAI_MARGIN
    assert other.counter.margin == tokens.OTHER_MARGIN
    assert other.context_tokens() == (catalog.DEFAULT_CONTEXT_TOKENS, False)
    limited = LLMClient(llm_settings.model_copy(update={"max_input_tokens": 3_000}))
    assert limited.prompt_budget(500) == tokens.usable(3_000 - REPAIR_TOKENS, 0.9)


@pytest.mark.parametrize(
    ("base_url", "setting", "expected"),
    [
        ("http://127.0.0.1:9/v1", None, 1),
        ("http://localhost:11434/v1", None, 1),
        ("https://llm.example.org/v1", None, 4),
        (None, None, 4),
        ("http://127.0.0.1:9/v1", 3, 3),
    ],
)
def test_concurrency_defaults_to_one_on_this_machine(llm_settings, base_url, setting, expected):
    settings = llm_settings.model_copy(update={"base_url": base_url, "concurrency": setting})
    client = LLMClient(settings)
    client._probed = True  # nothing to ask: no server runs there

    assert client.concurrency == expected


def test_repair_turns_stay_within_their_reserve(openai_server, llm_settings):
    rambling = "The river, as everyone knows, " * 400  # ~2,400 tokens of prose, no JSON
    openai_server.script(answer(rambling), echo())
    client = LLMClient(llm_settings)

    client.complete(FLOOD, Sentences)

    first, repair = (r.body["messages"] for r in openai_server.requests)
    assert repair[: len(first)] == first
    turn = repair[len(first) :]
    assert [m["role"] for m in turn] == ["assistant", "user"]
    assert len(turn[0]["content"]) <= 300
    assert client.count_messages(repair) <= client.count_messages(first) + REPAIR_TOKENS


def test_a_reply_that_only_copies_the_instructions_is_asked_again(openai_server, llm_settings):
    shape = 'Reply as {"sentences": [{"text": <sentence>, "citations": [<id>]}]}.'
    ask = Ask([{"role": "system", "content": shape}, *FLOOD.messages[1:]], "t@1", 200)
    placeholder = '{"sentences": [{"text": "<sentence>", "citations": ["<id>"]}]}'
    copied = '{"sentences": [{"text": "Reply as sentences text sentence", "citations": []}]}'
    openai_server.script(answer(placeholder), answer(copied), echo())

    completion = LLMClient(llm_settings).complete(ask, Sentences)

    assert completion.value.sentences[0].text == "The river burst its banks on Sunday."
    second, third = openai_server.requests[1:]
    assert "copies the instructions ('<sentence>')" in second.last_user
    assert "copies the instructions" in third.last_user


def test_progress_is_drawn_on_a_terminal_and_erased(openai_server, llm_settings):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, pipe = Terminal(), io.StringIO()

    LLMClient(llm_settings, progress_stream=terminal).complete(FLOOD, Sentences)
    LLMClient(llm_settings, progress_stream=pipe).complete(MARKETS, Sentences)

    drawn = terminal.getvalue()
    assert "LLM gpt-4o-mini: 0 of 1 answer(s); reading 1 prompt(s)" in drawn
    assert drawn.endswith("\r\x1b[K")  # the line is gone when the answer is in
    assert pipe.getvalue() == ""


def test_the_progress_line_counts_the_seconds_while_a_prompt_is_read() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    progress = Progress("local", terminal, interval=0.05)
    handle = progress.start(5_000)
    time.sleep(1.3)  # the server sends nothing while it reads
    progress.finish(handle)

    drawn = terminal.getvalue()
    assert "(5,000 tokens, 0 s)" in drawn and "(5,000 tokens, 1 s)" in drawn
    assert drawn.endswith("\r\x1b[K")
    time.sleep(0.2)
    assert terminal.getvalue() == drawn  # nothing is drawn once the last request ended


# ------------------------------------------------------------------ the key, nowhere


def test_the_downgrade_path_does_not_log_an_echoed_key(openai_server, llm_settings):
    """A proxy that echoes the request's key in its 400 about response_format."""
    echoed = f"response_format json_schema unsupported (Authorization: Bearer {TEST_KEY})"
    openai_server.script(fail(400, message=echoed), echo())

    LLMClient(llm_settings).complete(FLOOD, Sentences)

    rows = log_rows(llm_settings)
    assert rows[0]["error"].startswith("HTTP 400 with response_format")
    assert TEST_KEY not in llm_settings.cache_path.read_bytes().decode("utf-8", "replace")


@pytest.mark.parametrize(
    "text",
    [
        f"key {TEST_KEY} was used",
        f'"Authorization": "Bearer {TEST_KEY}"',
        "authorization: Bearer sk-other-secret-12345678",
        "x-api-key=sk-other-secret-12345678",
        "proxy at http://user:hunter2@proxy.example/v1 failed",
        "proxy at http://user:hun/ter2@proxy.example/v1 failed",  # unencoded, to its last "@"
        "gave up on http://127.0.0.1:1/v1/chat?token=hunter2-token&x=1",
    ],
)
def test_redaction(text):
    shown = redact(text, [TEST_KEY])

    assert TEST_KEY not in shown and "sk-other-secret" not in shown and "hunter2" not in shown
    assert "***" in shown


def test_a_placeholder_key_does_not_mangle_the_text() -> None:
    answer = '{"index": 0, "text": "Two villages were cut off."}'

    assert redact(answer, ["x"]) == answer  # a local server's placeholder, not a secret
    assert redact('"Authorization": "Bearer x"', ["x"]) == '"Authorization": "***"'


def test_an_answer_cut_at_max_tokens_keeps_its_complete_items(openai_server, llm_settings):
    whole = '{"text": "Two villages were cut off.", "citations": ["flood-a"]}'
    openai_server.script(cut('{"sentences": [' + whole + ', {"text": "The riv', 100, 200))
    client = LLMClient(llm_settings)

    completion = client.complete(FLOOD, Sentences)
    again = LLMClient(llm_settings).complete(FLOOD, Sentences)  # from the cache, cut as it was

    assert [s.text for s in completion.value.sentences] == ["Two villages were cut off."]
    assert again.value == completion.value and len(openai_server.requests) == 1
    assert "1 answer(s) reached their token limit" in client.usage_notes("t", {"p@1"})[1]


def test_json_mode_carries_the_schema(openai_server, llm_settings):
    openai_server.script(schema_unsupported())

    LLMClient(llm_settings).complete(FLOOD, Sentences)

    json_mode = openai_server.requests[1].body["response_format"]
    assert json_mode["type"] == "json_object"
    assert json_mode["schema"]["required"] == ["sentences"]


class Bounded(BaseModel):
    text: str = Field(max_length=50)


def test_length_limits_go_only_to_servers_whose_grammar_enforces_them(llm_settings):
    """llama.cpp turns the schema into a grammar (a looping model must close its string);
    OpenAI's strict mode does not take maxLength."""
    grammar, plain = FakeOpenAIServer(context_tokens=3_000).start(), FakeOpenAIServer().start()
    try:
        for server in (grammar, plain):
            server.script(answer('{"text": "Two villages."}'))
            cache = llm_settings.cache_path.with_name(f"{server.base_url[-8:-3]}.sqlite")
            settings = llm_settings.model_copy(
                update={"base_url": server.base_url, "cache_path": cache}
            )
            LLMClient(settings).complete(FLOOD, Bounded)
    finally:
        grammar.stop()
        plain.stop()

    def text_schema(server: FakeOpenAIServer) -> dict[str, object]:
        schema = server.requests[0].body["response_format"]["json_schema"]["schema"]
        return schema["properties"]["text"]

    assert text_schema(grammar) == {"maxLength": 50, "type": "string"}
    assert text_schema(plain) == {"type": "string"}
