"""What a server's answer or failure means: retry (after how long), ask again in a simpler
response format, a request too large for its context, or a refusal (in the server's words)."""

from __future__ import annotations

import email.utils
import random
import re
import time
from collections.abc import Mapping
from typing import Any

from summarize.llm.cache import Exchange, RequestKey
from summarize.llm.errors import ContextExceeded
from summarize.llm.settings import LLMSettings

OUTPUT_MODES = ("json_schema", "json_object", "text")
RETRYABLE_STATUS = {408, 409, 429}
# A 429 that says the account's quota or credit is used up (OpenAI's "insufficient_quota"), not
# that requests came too fast: retrying cannot help.
QUOTA_EXHAUSTED = re.compile(r"insufficient_quota|exceeded your current quota|billing", re.I)
# A context error without figures says only that the request was too large: plan for 80% of it.
UNKNOWN_OVERFLOW_SHARE = 0.8
# A server's message about a response format it does not take (llama-cpp-python: HTTP 500
# "response_format.type: Input should be 'text' or 'json_object'").
FORMAT_REJECTED = re.compile(r"response_format|json_schema|json_object|grammar", re.IGNORECASE)
_CONTEXT_EXCEEDED = re.compile(
    r"context (?:size|length|window)|maximum context|exceeds? (?:the )?(?:available )?context"
    r"|n_ctx|prompt is too long|too many tokens",
    re.IGNORECASE,
)
_CONTEXT_CODES = {"exceed_context_size_error", "context_length_exceeded"}
_CONTEXT_SIZE = re.compile(
    r"(?:maximum context length is|context size \(|context window of|n_ctx\W{1,3})\s*(\d+)", re.I
)
_PROMPT_SIZE = re.compile(r"(?:request \(|requested tokens \(|\()\s*(\d+)(?: tokens\)| in the )")


class Retryable(Exception):
    def __init__(self, problem: str, retry_after: float | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.retry_after = retry_after


class Downgrade(Exception):
    """The server rejected our response_format; ask again with the next simpler mode."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def retry_after_seconds(headers: Any) -> float | None:
    """Seconds a server asked us to wait (retry-after-ms, retry-after seconds or HTTP date)."""
    if headers is None:
        return None
    if (milliseconds := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(milliseconds) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value) if value.strip() else None
        except (TypeError, ValueError):
            return None
        return None if when is None else max(0.0, when.timestamp() - time.time())


def backoff_seconds(attempt: int, base: float, ceiling: float) -> float:
    """Exponential back-off with 'equal jitter': half fixed, half random, so it always grows."""
    delay = min(ceiling, base * 2.0**attempt)
    return delay / 2 + random.uniform(0, delay / 2)


def context_exceeded(status: int, body: object, message: str) -> ContextExceeded | None:
    """The server's words as a ContextExceeded (with its figures), if that is what they say.

    llama.cpp: HTTP 400 `exceed_context_size_error` with n_ctx and n_prompt_tokens (older
    builds and LM Studio: HTTP 500 "Context size has been exceeded."); OpenAI, vLLM and
    llama-cpp-python: HTTP 400 `context_length_exceeded`, "maximum context length is N tokens".
    """
    inner = body.get("error", body) if isinstance(body, dict) else None
    fields = inner if isinstance(inner, dict) else {}
    codes = {str(fields.get("type")), str(fields.get("code"))}
    if not (codes & _CONTEXT_CODES or _CONTEXT_EXCEEDED.search(message)):
        return None

    def number(name: str, pattern: re.Pattern[str]) -> int | None:
        value = fields.get(name)
        if isinstance(value, int) and value > 0:
            return value
        match = pattern.search(message)
        return int(match[1]) if match else None

    return ContextExceeded(
        f"the request does not fit the server's context (HTTP {status}): {message[:200]}",
        context_tokens=number("n_ctx", _CONTEXT_SIZE),
        prompt_tokens=number("n_prompt_tokens", _PROMPT_SIZE),
    )


def server_message(body: object, fallback: str) -> str:
    """The server's own words: OpenAI-style {"error": {"message": ...}} or the raw text."""
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])
        if isinstance(inner, str):
            return inner
    return fallback


def answer_text(response: Mapping[str, Any]) -> str | None:
    choices = response.get("choices") or [{}]
    content = (choices[0].get("message") or {}).get("content")
    return content if isinstance(content, str) else None


def finish_reason(response: Mapping[str, Any]) -> str | None:
    choices = response.get("choices") or [{}]
    reason = choices[0].get("finish_reason")
    return reason if isinstance(reason, str) else None


def failed_exchange(
    key: RequestKey, request: dict[str, Any], started: float, problem: str
) -> Exchange:
    seconds = time.monotonic() - started
    return Exchange(key=key, request=request, error=problem, duration_ms=seconds * 1000)


def transport_failure(error: BaseException) -> str | None:
    """'timeout' or 'transport' for the HTTP library's own errors (the SDK's transport is
    httpx or httpx2; both name their classes alike), None for anything else."""
    names = {cls.__name__ for cls in type(error).__mro__}
    if not type(error).__module__.startswith("httpx"):
        return None
    if "TimeoutException" in names:
        return "timeout"
    return "transport" if names & {"TransportError", "StreamError", "HTTPError"} else None


def cut_by_context(response: dict[str, Any], max_tokens: int) -> ContextExceeded | None:
    """An answer stopped for length before `max_tokens`: the context ran out under it."""
    usage = response.get("usage") or {}
    prompt, written = usage.get("prompt_tokens"), usage.get("completion_tokens")
    if finish_reason(response) != "length" or not isinstance(written, int):
        return None
    if not isinstance(prompt, int) or written >= max_tokens:
        return None
    return ContextExceeded(
        f"the answer was cut after {written} of {max_tokens} tokens: the prompt "
        f"({prompt} tokens) and the answer do not fit the server's context",
        context_tokens=prompt + written,
        prompt_tokens=prompt,
    )


def describe_refusal(settings: LLMSettings, status: int, server_message: str) -> str:
    if status == 401:
        return (
            f"{settings.endpoint} rejected the API key (HTTP 401): check OPENAI_API_KEY "
            "(and OPENAI_BASE_URL)"
        )
    if status == 403:
        return f"{settings.endpoint} refused access to model '{settings.model}' (HTTP 403)"
    if status == 404:
        return (
            f"{settings.endpoint} has no model '{settings.model}' or no /chat/completions "
            "route (HTTP 404): check --model and --base-url"
        )
    return f"{settings.endpoint} rejected the request (HTTP {status}): {server_message[:200]}"
