"""Chat completions from any OpenAI-compatible endpoint, reliably.

- structured output: JSON-schema response format where the server supports it, else JSON mode,
  else plain JSON in the text; every answer is validated with pydantic and an invalid one is
  asked again with the validation problems appended (at most `max_repairs` times);
- retries with exponential back-off and jitter on 429, 5xx, timeouts and connection errors,
  honouring Retry-After (the SDK's own retries are off so the policy lives here, in one place);
- a SQLite log of every attempt that also serves as cache (see cache.py);
- bounded concurrency for batches of independent requests (the map step of map-reduce);
- failures become one-line `LLMError`s that never contain the key.

The openai SDK is imported on the first request only.
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic
from urllib.parse import urlparse

from pydantic import BaseModel

from summarize.llm import catalog
from summarize.llm.cache import Exchange, NotRecorded, RequestKey, open_log
from summarize.llm.errors import LLMError
from summarize.llm.settings import LLMSettings
from summarize.llm.structured import ModelT, describe_invalid, parse_reply, strict_json_schema

if TYPE_CHECKING:
    import openai

Messages = list[dict[str, str]]

OUTPUT_MODES = ("json_schema", "json_object", "text")
RETRYABLE_STATUS = {408, 409, 429}
# Local servers (Ollama, vLLM, llama.cpp) ignore the key, but the SDK insists on one.
PLACEHOLDER_KEY = "no-key-needed"


class Usage(BaseModel):
    """What a set of answers cost: requests sent and tokens, and answers read from the cache."""

    requests: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cache_hits: int = 0
    cached_tokens_in: int = 0
    cached_tokens_out: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            **{name: getattr(self, name) + getattr(other, name) for name in Usage.model_fields}
        )


@dataclass(frozen=True)
class Completion(Generic[ModelT]):
    value: ModelT
    usage: Usage


@dataclass(frozen=True)
class Ask:
    """One question: the messages and the versions of the prompts they were made from."""

    messages: Messages
    prompt_version: str


class _Retryable(Exception):
    def __init__(self, problem: str, retry_after: float | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.retry_after = retry_after


def check_settings(settings: LLMSettings) -> None:
    """Fail early, with a message saying what to set, when the endpoint or key is missing."""
    if settings.base_url is not None:
        parsed = urlparse(settings.base_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise LLMError(
                "the LLM base URL must look like http(s)://host[:port]/v1, "
                f"got '{settings.base_url}'"
            )
    elif settings.api_key is None and settings.replay is None:
        raise LLMError(
            "no API key for the LLM backend: set OPENAI_API_KEY, or point --base-url "
            "(OPENAI_BASE_URL) at a server that needs none"
        )


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
        when = email.utils.parsedate_to_datetime(value) if value.strip() else None
        return None if when is None else max(0.0, when.timestamp() - time.time())


def backoff_seconds(attempt: int, base: float, ceiling: float) -> float:
    """Exponential back-off with 'equal jitter': half fixed, half random, so it always grows."""
    delay = min(ceiling, base * 2.0**attempt)
    return delay / 2 + random.uniform(0, delay / 2)


class LLMClient:
    def __init__(self, settings: LLMSettings, *, sleep: Callable[[float], None] = time.sleep):
        check_settings(settings)
        self.settings = settings
        self.log = open_log(settings)
        self._sleep = sleep
        self._mode = 0
        self._sdk: openai.OpenAI | None = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ public

    def complete(self, ask: Ask, response_model: type[ModelT]) -> Completion[ModelT]:
        """The model's answer to `ask`, validated as `response_model` (from the cache if known)."""
        settings = self.settings
        params = {
            "temperature": settings.temperature,
            "response_schema": strict_json_schema(response_model),
        }
        key = RequestKey.of(settings.model, ask.prompt_version, params, ask.messages)
        if settings.use_cache and (cached := self._from_cache(key, response_model)) is not None:
            return cached
        if settings.replay is not None:
            raise NotRecorded(key, settings.replay)

        conversation = list(ask.messages)
        usage = Usage()
        problem = ""
        for _ in range(settings.max_repairs + 1):
            request, response, duration_ms = self._send(conversation, response_model, key)
            tokens_in, tokens_out = _token_usage(response, conversation)
            usage += Usage(requests=1, tokens_in=tokens_in, tokens_out=tokens_out)
            content = _content(response)
            exchange = Exchange(
                key=key,
                request=request,
                response=response,
                tokens_in=tokens_in,
                tokens_out=tokens_out,
                duration_ms=duration_ms,
            )
            try:
                value = parse_reply(content, response_model)
            except ValueError as error:
                problem = describe_invalid(error)
                self.log.record(exchange.model_copy(update={"error": problem}))
                conversation += [
                    {"role": "assistant", "content": content or ""},
                    {
                        "role": "user",
                        "content": f"Your reply could not be used: {problem}. Reply again with "
                        "only the JSON object in the required shape, nothing else.",
                    },
                ]
                continue
            self.log.record(exchange.model_copy(update={"valid": True}))
            return Completion(value=value, usage=usage)
        raise LLMError(
            f"{settings.model} gave no valid JSON answer in {settings.max_repairs + 1} tries "
            f"(last problem: {self._redact(problem)[:200]})"
        )

    def complete_all(
        self, asks: Sequence[Ask], response_model: type[ModelT]
    ) -> list[Completion[ModelT]]:
        """Answers to independent asks, at most `concurrency` in flight, in the order given."""
        if len(asks) <= 1 or self.settings.concurrency == 1:
            return [self.complete(ask, response_model) for ask in asks]
        workers = min(self.settings.concurrency, len(asks))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="llm") as pool:
            return list(pool.map(lambda ask: self.complete(ask, response_model), asks))

    # ------------------------------------------------------------------ internals

    def _from_cache(
        self, key: RequestKey, response_model: type[ModelT]
    ) -> Completion[ModelT] | None:
        stored = self.log.lookup(key)
        if stored is None:
            return None
        try:
            value = parse_reply(_content(stored), response_model)
        except ValueError:
            return None
        tokens_in, tokens_out = _token_usage(stored, [])
        usage = Usage(cache_hits=1, cached_tokens_in=tokens_in, cached_tokens_out=tokens_out)
        return Completion(value=value, usage=usage)

    def _client(self) -> openai.OpenAI:
        with self._lock:
            if self._sdk is None:
                import openai

                key = self.settings.api_key
                self._sdk = openai.OpenAI(
                    api_key=key.get_secret_value() if key else PLACEHOLDER_KEY,
                    base_url=self.settings.base_url,
                    timeout=self.settings.timeout,
                    max_retries=0,
                )
            return self._sdk

    def _request(self, conversation: Messages, response_model: type[BaseModel]) -> dict[str, Any]:
        request: dict[str, Any] = {
            "model": self.settings.model,
            "messages": conversation,
            "temperature": self.settings.temperature,
        }
        mode = OUTPUT_MODES[self._mode]
        if mode == "json_schema":
            request["response_format"] = {
                "type": "json_schema",
                "json_schema": {
                    "name": response_model.__name__,
                    "schema": strict_json_schema(response_model),
                    "strict": True,
                },
            }
        elif mode == "json_object":
            request["response_format"] = {"type": "json_object"}
        return request

    def _send(
        self, conversation: Messages, response_model: type[BaseModel], key: RequestKey
    ) -> tuple[dict[str, Any], dict[str, Any], float]:
        """One answer over HTTP: (request sent, response JSON, milliseconds), retrying as needed."""
        settings = self.settings
        attempt = 0
        while True:
            request = self._request(conversation, response_model)
            started = time.monotonic()
            try:
                response = self._post(request)
            except _Retryable as failure:
                elapsed_ms = (time.monotonic() - started) * 1000
                self.log.record(
                    Exchange(
                        key=key, request=request, error=failure.problem, duration_ms=elapsed_ms
                    )
                )
                if attempt >= settings.max_retries:
                    raise LLMError(
                        f"gave up on {settings.endpoint} after {attempt + 1} attempts "
                        f"(last: {failure.problem})"
                    ) from None
                self._sleep(self._delay(attempt, failure))
                attempt += 1
                continue
            except _Downgrade as failure:
                self.log.record(Exchange(key=key, request=request, error=failure.problem))
                continue
            return request, response, (time.monotonic() - started) * 1000

    def _delay(self, attempt: int, failure: _Retryable) -> float:
        settings = self.settings
        if failure.retry_after is None:
            return backoff_seconds(attempt, settings.backoff_base, settings.backoff_max)
        if failure.retry_after > settings.backoff_max:
            raise LLMError(
                f"{settings.endpoint} asked to wait {failure.retry_after:.0f} s before retrying "
                f"({failure.problem}); that is longer than the {settings.backoff_max:.0f} s allowed"
            )
        return failure.retry_after

    def _post(self, request: dict[str, Any]) -> dict[str, Any]:
        """One HTTP attempt; sorts every failure into retry, downgrade, or a final LLMError."""
        import openai

        settings = self.settings
        try:
            completion = self._client().chat.completions.create(**request)
        except openai.APITimeoutError:
            raise _Retryable(f"no answer within {settings.timeout:g} s") from None
        except openai.APIConnectionError as error:
            raise _Retryable(
                f"could not connect: {self._redact(str(error.__cause__ or error))}"
            ) from None
        except openai.APIStatusError as error:
            status = error.status_code
            if status in RETRYABLE_STATUS or status >= 500:
                raise _Retryable(
                    f"HTTP {status}", retry_after_seconds(error.response.headers)
                ) from None
            if status in (400, 422) and "response_format" in request:
                with self._lock:
                    self._mode = min(self._mode + 1, len(OUTPUT_MODES) - 1)
                raise _Downgrade(f"HTTP {status} with response_format: {error.message}") from None
            raise LLMError(self._describe_refusal(status, _server_message(error))) from None
        dumped: dict[str, Any] = completion.model_dump(mode="json", exclude_none=True)
        return dumped

    def _describe_refusal(self, status: int, server_message: str) -> str:
        settings = self.settings
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
        return (
            f"{settings.endpoint} rejected the request (HTTP {status}): "
            f"{self._redact(server_message)[:200]}"
        )

    def _redact(self, text: str) -> str:
        key = self.settings.api_key
        return text.replace(key.get_secret_value(), "***") if key else text


class _Downgrade(Exception):
    """The server rejected our response_format; ask again with the next simpler mode."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def _server_message(error: openai.APIStatusError) -> str:
    """The server's own words: OpenAI-style {"error": {"message": ...}} or the raw text."""
    body = error.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])
    return error.message


def _content(response: dict[str, Any]) -> str | None:
    choices = response.get("choices") or [{}]
    return (choices[0].get("message") or {}).get("content")


def _token_usage(response: dict[str, Any], conversation: Messages) -> tuple[int, int]:
    """Tokens the server reports; estimated with tiktoken when a server reports none."""
    usage = response.get("usage") or {}
    if usage.get("prompt_tokens") is not None:
        return int(usage["prompt_tokens"]), int(usage.get("completion_tokens") or 0)
    from summarize.llm.tokens import count_messages, count_tokens

    return count_messages(conversation), count_tokens(_content(response) or "")


def usage_notes(purpose: str, settings: LLMSettings, usage: Usage, prompts: set[str]) -> list[str]:
    """What a reader should know about the calls behind `purpose`: model, tokens, cost, cache."""
    host = urlparse(settings.endpoint).netloc or settings.endpoint
    cost = catalog.cost_usd(settings.model, usage.tokens_in, usage.tokens_out)
    price = (
        f"estimated cost ${cost:.6f} at list prices"
        if cost is not None
        else f"cost unknown (no price listed for '{settings.model}')"
    )
    answers = usage.requests + usage.cache_hits
    return [
        f"{purpose} by model '{settings.model}' at {host}; prompts {', '.join(sorted(prompts))}.",
        f"tokens: {usage.tokens_in} in, {usage.tokens_out} out over {usage.requests} request(s); "
        f"{price}.",
        f"cache: {usage.cache_hits} of {answers} answer(s) reused "
        f"({usage.cached_tokens_in} in, {usage.cached_tokens_out} out tokens not resent).",
    ]
