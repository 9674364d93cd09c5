"""One answer over HTTP: the request in the response format the server takes, streamed, with
retries and back-off, every attempt logged, and every failure sorted (see failures.py).

The openai SDK is imported on the first request only.
"""

from __future__ import annotations

import functools
import json
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from summarize.llm.ask import Ask, Messages
from summarize.llm.cache import AnswerStore, RequestKey
from summarize.llm.errors import ContextExceeded, LLMError
from summarize.llm.failures import (
    FORMAT_REJECTED,
    OUTPUT_MODES,
    QUOTA_EXHAUSTED,
    RETRYABLE_STATUS,
    Downgrade,
    Retryable,
    backoff_seconds,
    context_exceeded,
    cut_by_context,
    describe_refusal,
    failed_exchange,
    retry_after_seconds,
    server_message,
    transport_failure,
)
from summarize.llm.progress import Progress
from summarize.llm.settings import LLMSettings
from summarize.llm.structured import strict_json_schema

if TYPE_CHECKING:
    import openai

# Local servers (Ollama, vLLM, llama.cpp) ignore the key, but the SDK insists on one.
PLACEHOLDER_KEY = "no-key-needed"
CONNECT_TIMEOUT = 10.0


class Transport:
    """Sends requests for one client: the SDK, the response format in use, retries."""

    def __init__(
        self,
        settings: LLMSettings,
        log: AnswerStore,
        progress: Progress,
        sleep: Callable[[float], None],
        redact: Callable[[str], str],
    ) -> None:
        self.settings = settings
        self._redact = redact
        self.log = log
        self.progress = progress
        self._sleep = sleep
        self.mode = 0  # index into OUTPUT_MODES: the simplest the server has not rejected
        self._sdk: openai.OpenAI | None = None
        self._lock = threading.Lock()

    def sdk(self) -> openai.OpenAI:
        """The SDK client, made on first use."""
        with self._lock:
            if self._sdk is None:
                import openai

                key = self.settings.api_key
                self._sdk = openai.OpenAI(
                    api_key=key.get_secret_value() if key else PLACEHOLDER_KEY,
                    base_url=self.settings.base_url,
                    max_retries=0,
                )
            return self._sdk

    def _request(
        self, conversation: Messages, response_model: type[BaseModel], ask: Ask, lengths: bool
    ) -> dict[str, Any]:
        request: dict[str, Any] = {
            "model": self.settings.model,
            "messages": conversation,
            "temperature": self.settings.temperature,
            "max_tokens": ask.max_tokens,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        mode = OUTPUT_MODES[self.mode]
        schema = strict_json_schema(response_model, lengths=lengths, choices=ask.choices)
        if mode == "json_schema":
            request["response_format"] = {
                "type": "json_schema",
                "json_schema": {
                    "name": response_model.__name__,
                    "schema": schema,
                    "strict": True,
                },
            }
        elif mode == "json_object":
            # The schema rides along: llama.cpp and llama-cpp-python constrain JSON mode to it.
            request["response_format"] = {"type": "json_object", "schema": schema}
        return request

    def send(
        self,
        conversation: Messages,
        response_model: type[BaseModel],
        key: RequestKey,
        ask: Ask,
        *,
        prompt_tokens: int,
        lengths: bool,
    ) -> tuple[dict[str, Any], dict[str, Any], float]:
        """One answer over HTTP: (request sent, response JSON, seconds), retrying as needed.
        `prompt_tokens` sizes the wait for a first byte; `lengths`: send the schema's length
        limits (a server that enforces them). Raises ContextExceeded when the request does not
        fit the server's context, LLMError for any other failure."""
        settings = self.settings
        attempt = 0
        while True:
            request = self._request(conversation, response_model, ask, lengths)
            started = time.monotonic()
            failed = functools.partial(failed_exchange, key, request, started)
            try:
                response = self._post(request, prompt_tokens)
            except Retryable as failure:
                self.log.record(failed(failure.problem))
                if attempt >= settings.max_retries:
                    raise LLMError(
                        f"gave up on {settings.endpoint} after {attempt + 1} attempts "
                        f"(last: {failure.problem})"
                    ) from None
                self._sleep(self._delay(attempt, failure))
                attempt += 1
                continue
            except Downgrade as failure:
                self.log.record(failed(failure.problem))
                continue
            except ContextExceeded as overflow:
                self.log.record(failed(str(overflow)))
                raise
            except LLMError as error:
                self.log.record(failed(str(error)))
                raise
            seconds = time.monotonic() - started
            if (cut := cut_by_context(response, ask.max_tokens)) is not None:
                self.log.record(failed(str(cut)))
                raise cut
            return request, response, seconds

    def _delay(self, attempt: int, failure: Retryable) -> float:
        settings = self.settings
        if failure.retry_after is None:
            return backoff_seconds(attempt, settings.backoff_base, settings.backoff_max)
        if failure.retry_after > settings.backoff_max:
            raise LLMError(
                f"{settings.endpoint} asked to wait {failure.retry_after:.0f} s before retrying "
                f"({failure.problem}); that is longer than the {settings.backoff_max:.0f} s allowed"
            )
        return failure.retry_after

    def read_timeout(self, prompt_tokens: int) -> float:
        """Seconds of silence allowed: `timeout`, plus the time a slow server needs to read
        the prompt before its first byte (at `prompt_tokens_per_second`)."""
        settings = self.settings
        return settings.timeout + prompt_tokens / settings.prompt_tokens_per_second

    def _post(self, request: dict[str, Any], prompt_tokens: int) -> dict[str, Any]:
        """One streamed HTTP attempt; sorts every failure into retry, downgrade, a context
        error or a final LLMError."""
        import openai

        from summarize.llm.stream import StreamError, Unreadable, read_completion

        settings = self.settings
        silence = self.read_timeout(prompt_tokens)
        timeout = openai.Timeout(silence, connect=CONNECT_TIMEOUT)
        handle = self.progress.start(prompt_tokens)
        answered = False
        try:
            create = self.sdk().chat.completions.with_streaming_response.create
            with create(**request, timeout=timeout) as answer:
                response = read_completion(answer, lambda: self.progress.tokens(handle))
            answered = True
            return response
        except openai.APITimeoutError:
            raise Retryable(f"no answer for {silence:g} s") from None
        except openai.APIConnectionError as error:
            cause = error.__cause__ or error
            raise Retryable(f"could not connect: {self._redact(str(cause))[:200]}") from None
        except openai.APIStatusError as error:
            headers = error.response.headers
            raise self._classify(
                request, error.status_code, error.body, error.message, headers
            ) from None
        except StreamError as error:
            raise self._classify(request, error.status, error.body, str(error), None) from None
        except Unreadable as error:
            raise LLMError(
                f"{settings.endpoint} answered with {error}; is --base-url an OpenAI-compatible "
                "endpoint?"
            ) from None
        except Exception as error:
            # Reading the stream raises the SDK's transport errors (httpx or httpx2) unwrapped.
            kind = transport_failure(error)
            if kind == "timeout":
                raise Retryable(f"no answer for {silence:g} s") from None
            if kind == "transport":
                raise Retryable(f"the answer broke off: {type(error).__name__}") from None
            raise
        finally:
            self.progress.finish(handle, answered)

    def _classify(
        self,
        request: Mapping[str, Any],
        status: int,
        body: object,
        fallback_message: str,
        headers: Mapping[str, str] | None,
    ) -> Exception:
        """What an error answer means: a context overflow, a rejected response format (the
        next mode is then used), a retryable failure or a refusal."""
        message = self._redact(server_message(body, fallback_message))
        if (overflow := context_exceeded(status, body, message)) is not None:
            return overflow
        sent = request.get("response_format", {}).get("type", "text")
        can_downgrade = sent != OUTPUT_MODES[-1]
        if can_downgrade and (status in (400, 422) or FORMAT_REJECTED.search(message)):
            with self._lock:  # from the mode this request used: threads may race here
                self.mode = max(self.mode, OUTPUT_MODES.index(sent) + 1)
            return Downgrade(f"HTTP {status} with response_format: {message[:200]}")
        if status == 429 and QUOTA_EXHAUSTED.search(json.dumps(body, default=str)):
            return LLMError(describe_refusal(self.settings, status, message))  # waiting won't help
        if status in RETRYABLE_STATUS or status >= 500:
            own = self._redact(server_message(body, ""))  # the server's words, if it gave any
            said = f": {own[:200]}" if own else ""
            return Retryable(f"HTTP {status}{said}", retry_after_seconds(headers))
        return LLMError(describe_refusal(self.settings, status, message))
