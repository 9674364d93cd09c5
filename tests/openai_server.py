"""A scriptable OpenAI-compatible chat server on 127.0.0.1 for tests (real HTTP, no network).

Each test queues behaviours (`server.script(rate_limited(0.2), echo())`); a request takes the
next one, or the server's default behaviour (`echo()` unless given) when the queue is empty.
Every request is recorded with the time it arrived, so tests can check what the client sent
and how long it waited between attempts.

`python -m tests.openai_server --port 8765` serves echo answers until interrupted (to record the
worked eval example's cassette, see evals/examples/README.md).

A request with `"stream": true` gets its completion as server-sent events, the way OpenAI and
llama.cpp send them (role chunk, content pieces, finish chunk, usage chunk, `[DONE]`).
The error bodies of real servers are reproduced word for word (llama-cpp-python's HTTP 500 on
json_schema, llama.cpp's context errors). `FakeOpenAIServer(context_tokens=N)` also answers
llama.cpp's `/props`, `/apply-template` and `/tokenize` (with `flavour="vllm"`: vLLM's
`/v1/models` and `/tokenize`), with a simple word tokenizer.
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FENCED = re.compile(
    r"<<<(?P<kind>REPORT|NOTES) (?P<attrs>[^\n]*?)>>>\n(?P<body>.*?)\n<<<END>>>", re.DOTALL
)
_ID = re.compile(r"\b(?:id|from)=(\S+)")
_SOURCES = re.compile(r"\s*\[sources: ([^\]]*)\]\s*$")
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)", re.DOTALL)


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    arrived: float  # time.monotonic()

    @property
    def system(self) -> str:
        return self.body["messages"][0]["content"]

    @property
    def user(self) -> str:
        return next(m["content"] for m in self.body["messages"] if m["role"] == "user")

    @property
    def last_user(self) -> str:
        return [m["content"] for m in self.body["messages"] if m["role"] == "user"][-1]


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # before the answer starts
    raw: bytes | None = None  # sent as is instead of the JSON body
    chunks: Iterator[bytes] | None = None  # relayed as they come (a proxied stream)
    content_type: str = "application/json"
    stall_after: int | None = None  # streamed pieces sent before going silent for `stall`
    stall: float = 0.0


Behaviour = Callable[[Recorded], Reply]


def completion(content: str, prompt_tokens: int = 100, completion_tokens: int = 20) -> Reply:
    """A 200 chat.completion whose assistant message is `content`."""
    return Reply(
        body={
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": "test-model",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }
    )


def echoed_sentences(request: Recorded) -> list[dict[str, Any]]:
    """The first sentence of every fenced report or notes block, citing the block's ids."""
    sentences = []
    for block in FENCED.finditer(request.user):
        ids = _ID.search(block["attrs"])[1].split(",")
        first = block["body"].strip().splitlines()[0]
        if sources := _SOURCES.search(first):
            ids = [part.strip() for part in sources[1].split(",")]
            first = first[: sources.start()]
        match = _FIRST_SENTENCE.match(first.strip())
        sentences.append({"text": match[1] if match else first.strip(), "citations": ids})
    return sentences


def echo(extra: list[dict[str, Any]] | None = None, delay: float = 0.0) -> Behaviour:
    """A good structured answer built from the request, plus `extra` sentences if given."""

    def behave(request: Recorded) -> Reply:
        reply = completion(json.dumps({"sentences": echoed_sentences(request) + (extra or [])}))
        reply.delay = delay
        return reply

    return behave


def answer(content: str) -> Behaviour:
    """This exact assistant content (malformed JSON, prose, a fixed answer)."""
    return lambda request: completion(content)


def fail(status: int, retry_after: float | None = None, message: str = "test error") -> Behaviour:
    headers = {} if retry_after is None else {"Retry-After": f"{retry_after:g}"}
    body = {"error": {"message": message, "type": "test", "code": None, "param": None}}
    return lambda request: Reply(status=status, body=body, headers=headers)


def slow(seconds: float) -> Behaviour:
    """An answer that comes too late for a short client timeout."""
    return echo(delay=seconds)


def raw(data: bytes, content_type: str, status: int = 200) -> Behaviour:
    """These exact bytes, whatever was asked (a proxy's page, a broken server)."""
    return lambda request: Reply(status=status, raw=data, content_type=content_type)


def cut(content: str, prompt_tokens: int, completion_tokens: int) -> Behaviour:
    """An answer stopped for length (finish_reason "length") after `completion_tokens`."""

    def behave(request: Recorded) -> Reply:
        reply = completion(content, prompt_tokens, completion_tokens)
        reply.body["choices"][0]["finish_reason"] = "length"
        return reply

    return behave


def stalling(after_pieces: int, seconds: float) -> Behaviour:
    """A good streamed answer that goes silent for `seconds` after `after_pieces` pieces."""

    def behave(request: Recorded) -> Reply:
        reply = echo()(request)
        reply.stall_after, reply.stall = after_pieces, seconds
        return reply

    return behave


# llama-cpp-python's server (0.3.x) validates response_format against a type that allows only
# "text" and "json_object"; the pydantic error becomes HTTP 500 with this body.
LLAMA_CPP_PYTHON_SCHEMA_ERROR = {
    "error": {
        "message": (
            "1 validation error for CreateChatCompletionRequest\nresponse_format.type\n"
            "  Input should be 'text' or 'json_object' [type=literal_error, "
            "input_value='json_schema', input_type=str]\n"
            "    For further information visit https://errors.pydantic.dev/2.11/v/literal_error"
        ),
        "type": "internal_server_error",
        "param": None,
        "code": None,
    }
}


def forward(upstream: str, timeout: float = 300) -> Behaviour:
    """The answer of a real server at `upstream` (a /v1 base URL), relayed as it streams."""

    def behave(request: Recorded) -> Reply:
        call = urllib.request.Request(
            f"{upstream}/chat/completions",
            data=json.dumps(request.body).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            response = urllib.request.urlopen(call, timeout=timeout)
        except urllib.error.HTTPError as error:
            return Reply(status=error.code, body=json.load(error))

        def relay() -> Iterator[bytes]:
            with response:
                while chunk := response.read1(65536):
                    yield chunk

        content_type = response.headers.get("Content-Type", "application/json")
        return Reply(status=response.status, chunks=relay(), content_type=content_type)

    return behave


def schema_rejected_with_500(otherwise: Behaviour | None = None) -> Behaviour:
    """Like llama-cpp-python's server: HTTP 500 on json_schema; `otherwise` (an echo) answers
    anything else."""

    def behave(request: Recorded) -> Reply:
        if request.body.get("response_format", {}).get("type") == "json_schema":
            return Reply(status=500, body=LLAMA_CPP_PYTHON_SCHEMA_ERROR)
        return (otherwise or echo())(request)

    return behave


def llama_cpp_context_error(prompt_tokens: int, context: int) -> Behaviour:
    """llama.cpp's llama-server on a prompt larger than its slot's context (HTTP 400)."""
    body = {
        "error": {
            "code": 400,
            "message": (
                f"request ({prompt_tokens} tokens) exceeds the available context size "
                f"({context} tokens), try increasing it"
            ),
            "type": "exceed_context_size_error",
            "n_prompt_tokens": prompt_tokens,
            "n_ctx": context,
        }
    }
    return lambda request: Reply(status=400, body=body)


def context_size_exceeded_500() -> Behaviour:
    """Older llama.cpp builds and LM Studio: HTTP 500 'Context size has been exceeded.'"""
    body = {
        "error": {"code": 500, "message": "Context size has been exceeded.", "type": "server_error"}
    }
    return lambda request: Reply(status=500, body=body)


def schema_unsupported() -> Behaviour:
    """Like servers without structured output: 400 on json_schema, an echo otherwise."""

    def behave(request: Recorded) -> Reply:
        if request.body.get("response_format", {}).get("type") == "json_schema":
            return fail(400, message="response_format json_schema is not supported")(request)
        return echo()(request)

    return behave


_WORD = re.compile(r"\w+|[^\w\s]")


def word_tokens(text: str) -> int:
    """The fake server's tokenizer: a token per word or punctuation mark."""
    return len(_WORD.findall(text))


def chat_template(messages: list[dict[str, str]]) -> str:
    """The fake server's chat template: what its tokenizer counts for a conversation."""
    return "".join(f"<{m['role']}> {m['content']}\n" for m in messages) + "<assistant>"


def _sse(reply: Reply, include_usage: bool) -> list[bytes]:
    """The events that stream `reply`'s completion, in OpenAI's format."""
    body = reply.body
    content = body["choices"][0]["message"]["content"] or ""
    base = {key: body[key] for key in ("id", "created", "model")}
    base["object"] = "chat.completion.chunk"

    def event(choices: list[dict[str, Any]], **extra: Any) -> bytes:
        return b"data: " + json.dumps({**base, "choices": choices, **extra}).encode() + b"\n\n"

    events = [event([{"index": 0, "delta": {"role": "assistant"}, "finish_reason": None}])]
    for start in range(0, len(content), 8):
        piece = content[start : start + 8]
        events.append(event([{"index": 0, "delta": {"content": piece}, "finish_reason": None}]))
    finish = body["choices"][0].get("finish_reason", "stop")
    events.append(event([{"index": 0, "delta": {}, "finish_reason": finish}]))
    if include_usage and "usage" in body:
        events.append(event([], usage=body["usage"]))
    events.append(b"data: [DONE]\n\n")
    return events


class FakeOpenAIServer:
    def __init__(
        self,
        context_tokens: int | None = None,
        default: Behaviour | None = None,
        flavour: str = "llama.cpp",
        port: int = 0,
        model_path: str = "/models/scripted.gguf",
    ) -> None:
        self.context_tokens = context_tokens
        self.flavour = flavour
        self.model_path = model_path  # what llama.cpp's /props says it loaded
        self.default = default
        self.tokenize_calls = 0
        self.requests: list[Recorded] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._queue: deque[Behaviour] = deque()
        self._lock = threading.Lock()
        self._http = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self._http.daemon_threads = True
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}/v1"

    def script(self, *behaviours: Behaviour) -> None:
        with self._lock:
            self._queue.extend(behaviours)

    def start(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._http.shutdown()
        self._http.server_close()

    def _is(self, flavour: str) -> bool:
        return self.context_tokens is not None and self.flavour == flavour

    def _next(self, request: Recorded) -> Reply:
        with self._lock:
            self.requests.append(request)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            behaviour = self._queue.popleft() if self._queue else (self.default or echo())
        return behaviour(request)

    def _done(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                llama, vllm = server._is("llama.cpp"), server._is("vllm")
                if self.path == "/props" and llama:
                    settings = {"n_ctx": server.context_tokens}
                    props = {"default_generation_settings": settings}
                    self._send(Reply(body={**props, "model_path": server.model_path}))
                elif self.path == "/v1/models" and vllm:
                    model = {"id": "served", "max_model_len": server.context_tokens}
                    self._send(Reply(body={"object": "list", "data": [model]}))
                else:
                    self._send(Reply(status=404, body={"error": {"message": "no such route"}}))

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                if server._is("llama.cpp") and self.path == "/apply-template":
                    self._send(Reply(body={"prompt": chat_template(body["messages"])}))
                    return
                if server._is("llama.cpp") and self.path == "/tokenize":
                    server.tokenize_calls += 1
                    self._send(Reply(body={"tokens": [0] * word_tokens(body["content"])}))
                    return
                if server._is("vllm") and self.path == "/tokenize":
                    server.tokenize_calls += 1
                    text = chat_template(body["messages"]) if "messages" in body else body["prompt"]
                    count = word_tokens(text)
                    self._send(Reply(body={"count": count, "tokens": [0] * count}))
                    return
                if self.path not in ("/v1/chat/completions", "/chat/completions"):
                    self._send(Reply(status=404, body={"error": {"message": "no such route"}}))
                    return
                headers = {name.lower(): value for name, value in self.headers.items()}
                request = Recorded(self.path, headers, body, time.monotonic())
                try:
                    reply = server._next(request)
                    time.sleep(reply.delay)
                    plain = reply.raw is None and reply.chunks is None
                    if reply.chunks is not None:
                        self._relay(reply)
                    elif body.get("stream") and reply.status == 200 and plain:
                        usage = (body.get("stream_options") or {}).get("include_usage", False)
                        self._stream(reply, usage)
                    else:
                        self._send(reply)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (timeout tests)
                finally:
                    server._done()

            def _relay(self, reply: Reply) -> None:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.end_headers()
                for chunk in reply.chunks or ():
                    self.wfile.write(chunk)
                    self.wfile.flush()
                self.close_connection = True

            def _stream(self, reply: Reply, include_usage: bool) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                for n, data in enumerate(_sse(reply, include_usage)):
                    if n == reply.stall_after:
                        time.sleep(reply.stall)
                    self.wfile.write(data)
                    self.wfile.flush()
                self.close_connection = True

            def _send(self, reply: Reply) -> None:
                data = reply.raw if reply.raw is not None else json.dumps(reply.body).encode()
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(data)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve echo answers on 127.0.0.1 until Ctrl-C.")
    parser.add_argument("--port", type=int, default=8765)
    server = FakeOpenAIServer(port=parser.parse_args().port).start()
    print(f"scripted OpenAI-compatible server at {server.base_url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
