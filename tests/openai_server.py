"""A scriptable OpenAI-compatible chat server on 127.0.0.1 for tests (real HTTP, no network).

Each test queues behaviours (`server.script(rate_limited(0.2), echo())`); a request takes the
next one, or `echo()` when the queue is empty. Every request is recorded with the time it
arrived, so tests can check what the client sent and how long it waited between attempts.

`python -m tests.openai_server --port 8765` serves echo answers until interrupted (to record the
worked eval example's cassette, see evals/examples/README.md).
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
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
    delay: float = 0.0


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


def schema_unsupported() -> Behaviour:
    """Like servers without structured output: 400 on json_schema, an echo otherwise."""

    def behave(request: Recorded) -> Reply:
        if request.body.get("response_format", {}).get("type") == "json_schema":
            return fail(400, message="response_format json_schema is not supported")(request)
        return echo()(request)

    return behave


class FakeOpenAIServer:
    def __init__(self, port: int = 0) -> None:
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

    def _next(self, request: Recorded) -> Reply:
        with self._lock:
            self.requests.append(request)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            behaviour = self._queue.popleft() if self._queue else echo()
        return behaviour(request)

    def _done(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                if self.path not in ("/v1/chat/completions", "/chat/completions"):
                    self._send(Reply(status=404, body={"error": {"message": "no such route"}}))
                    return
                headers = {name.lower(): value for name, value in self.headers.items()}
                request = Recorded(self.path, headers, body, time.monotonic())
                try:
                    reply = server._next(request)
                    time.sleep(reply.delay)
                    self._send(reply)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (timeout tests)
                finally:
                    server._done()

            def _send(self, reply: Reply) -> None:
                data = json.dumps(reply.body).encode()
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
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
    server = FakeOpenAIServer(parser.parse_args().port).start()
    print(f"scripted OpenAI-compatible server at {server.base_url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
