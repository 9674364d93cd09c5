"""Reading a chat completion as it streams in (server-sent events), into the same dict a
non-streamed `chat.completion` is, so the log and the cache see one shape.

A server that ignores `stream` and answers with one JSON body is read too. Anything else (another
content type, bytes that are not UTF-8, data that is not JSON, no choices) is `Unreadable`; an
error event inside the stream is a `StreamError` with the server's own error object.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Protocol


class Unreadable(Exception):
    """The answer is not a chat completion; the message says what it was instead."""


class StreamError(Exception):
    """The server sent an error object in the middle of the stream."""

    def __init__(self, error: Mapping[str, Any]) -> None:
        message = error.get("message")
        super().__init__(message if isinstance(message, str) else json.dumps(error)[:300])
        code = error.get("code")
        self.status = code if isinstance(code, int) and 400 <= code < 600 else 500
        self.body: dict[str, Any] = {"error": dict(error)}


class HttpAnswer(Protocol):
    @property
    def headers(self) -> Mapping[str, str]: ...

    def iter_bytes(self) -> Iterator[bytes]: ...


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Unreadable(f"a body that is not valid UTF-8 (byte {error.start})") from None


def _json_object(text: str, what: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        raise Unreadable(f"{what} that is not JSON: {text[:80]!r}") from None
    if not isinstance(value, dict):
        raise Unreadable(f"{what} that is not a JSON object: {text[:80]!r}")
    return value


def _lines(chunks: Iterator[bytes]) -> Iterator[str]:
    buffer = b""
    for chunk in chunks:
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            yield _decode(line).rstrip("\r")
    if buffer:
        yield _decode(buffer).rstrip("\r")


def _events(lines: Iterator[str]) -> Iterator[str]:
    """The data of each server-sent event (multi-line data joined), in order."""
    data: list[str] = []
    for line in lines:
        if not line:
            if data:
                yield "\n".join(data)
                data = []
        elif line.startswith("data:"):
            data.append(line[5:].removeprefix(" "))
        # other fields (event:, id:, retry:) and ":" comments carry nothing we need
    if data:
        yield "\n".join(data)


def _check_whole(completion: dict[str, Any]) -> dict[str, Any]:
    if isinstance(completion.get("error"), dict):
        raise StreamError(completion["error"])
    choices = completion.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise Unreadable("JSON without choices, not a chat completion")
    message = choices[0].get("message")
    if not isinstance(message, dict) or not isinstance(message.get("content"), str | None):
        raise Unreadable("a chat completion without a message")
    return completion


def read_completion(answer: HttpAnswer, on_piece: Callable[[], None]) -> dict[str, Any]:
    """The completion `answer` carries; `on_piece` is called for each piece of text received."""
    content_type = answer.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        body = _decode(b"".join(answer.iter_bytes()))
        return _check_whole(_json_object(body, "a body"))
    if content_type != "text/event-stream":
        raise Unreadable(f"Content-Type '{content_type or 'none'}', not a chat completion")

    pieces: list[str] = []
    completion: dict[str, Any] = {"object": "chat.completion"}
    finish_reason: str | None = None
    for data in _events(_lines(answer.iter_bytes())):
        if data.strip() == "[DONE]":
            break
        chunk = _json_object(data, "an event")
        if isinstance(chunk.get("error"), dict):
            raise StreamError(chunk["error"])
        for name in ("id", "model", "created", "system_fingerprint", "usage", "timings"):
            if chunk.get(name) is not None:
                completion[name] = chunk[name]
        choices = chunk.get("choices")
        for choice in choices if isinstance(choices, list) else []:
            if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                continue
            delta = choice.get("delta")
            piece = delta.get("content") if isinstance(delta, dict) else None
            if isinstance(piece, str) and piece:
                pieces.append(piece)
                on_piece()
            if isinstance(choice.get("finish_reason"), str):
                finish_reason = choice["finish_reason"]
    message = {"role": "assistant", "content": "".join(pieces)}
    completion["choices"] = [{"index": 0, "message": message, "finish_reason": finish_reason}]
    return completion
