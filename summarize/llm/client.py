"""Chat completions from any OpenAI-compatible endpoint, reliably.

- structured output: JSON-schema response format where the server supports it, else JSON mode
  (with the schema, which llama.cpp and llama-cpp-python enforce there), else plain JSON in
  the text. A server that rejects the response format, whatever the status
  (llama-cpp-python answers HTTP 500 to json_schema), is asked again in the next simpler mode.
  Every answer is validated with pydantic (one cut off at its token limit is used up to its
  last complete item); an invalid one, or one that only copies the instructions instead of
  answering, is asked again with the problem (at most `max_repairs` times), the repair turn
  kept within the budget;
- every request carries `max_tokens` (the caller sizes it from its word budget) and streams:
  the server must send something within `timeout` seconds, plus the time a slow server takes to
  read the prompt; progress shows on stderr when it is a terminal;
- retries with exponential back-off and jitter on 429, 5xx, timeouts and connection errors,
  honouring Retry-After (the SDK's own retries are off so the policy lives here, in one place);
  a request too large for the server's context is `ContextExceeded`, never retried: the caller
  splits the work, with the budget this client learnt from the server's message;
- token counts and the context window come from the server itself where it says (see
  server.py), else from tiktoken and the catalog, with a safety margin;
- a SQLite log of every attempt that also serves as cache (see cache.py);
- bounded concurrency for independent requests (`--concurrency`; one at a time for a server on
  this machine, whose requests would share one context, unless llama.cpp says it has slots);
- failures become one-line `LLMError`s; no message, log row or note holds the key.

The openai SDK is imported on the first request only.
"""

from __future__ import annotations

import email.utils
import functools
import random
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TextIO, TypeVar
from urllib.parse import urlparse

from pydantic import BaseModel

from summarize.llm import catalog, tokens
from summarize.llm.cache import Exchange, NotRecorded, RequestKey, open_log
from summarize.llm.errors import ContextExceeded, InvalidAnswer, LLMError, redact
from summarize.llm.fences import outside_fences
from summarize.llm.progress import Progress
from summarize.llm.settings import LLMSettings
from summarize.llm.structured import (
    ModelT,
    describe_invalid,
    only_echoes,
    parse_reply,
    strict_json_schema,
)

if TYPE_CHECKING:
    import openai

    from summarize.llm.server import ServerInfo

Messages = list[dict[str, str]]
T = TypeVar("T")
R = TypeVar("R")

OUTPUT_MODES = ("json_schema", "json_object", "text")
RETRYABLE_STATUS = {408, 409, 429}
# Local servers (Ollama, vLLM, llama.cpp) ignore the key, but the SDK insists on one.
PLACEHOLDER_KEY = "no-key-needed"
CONNECT_TIMEOUT = 10.0
REMOTE_CONCURRENCY = 4
MAX_SLOT_CONCURRENCY = 4
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}
# A repair turn: a short excerpt of the invalid reply and the problem, within REPAIR_TOKENS.
REPAIR_TOKENS = 200
REPAIR_EXCERPT_CHARS = 300
REPAIR_PROBLEM_CHARS = 240
# A context error without figures says only that the request was too large: plan for 80% of it.
UNKNOWN_OVERFLOW_SHARE = 0.8
# A server's message about a response format it does not take (llama-cpp-python: HTTP 500
# "response_format.type: Input should be 'text' or 'json_object'").
_FORMAT_REJECTED = re.compile(r"response_format|json_schema|json_object|grammar", re.IGNORECASE)
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


class Usage(BaseModel):
    """What a set of answers cost: requests sent, tokens and seconds, and answers from the cache."""

    requests: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    seconds: float = 0
    cut_answers: int = 0  # answers that hit max_tokens, used up to their last complete item
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
    """One question: the messages, the versions of the prompts they were made from, the room
    its answer may take (sent as `max_tokens`), and the only values some string fields of the
    answer may take (`{"citations": report ids}`, sent in the schema)."""

    messages: Messages
    prompt_version: str
    max_tokens: int
    choices: Mapping[str, Sequence[str]] = field(default_factory=dict)


class _Retryable(Exception):
    def __init__(self, problem: str, retry_after: float | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.retry_after = retry_after


class _Downgrade(Exception):
    """The server rejected our response_format; ask again with the next simpler mode."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def check_settings(settings: LLMSettings) -> None:
    """Fail early, with a message saying what to set, when the endpoint or key is missing."""
    if settings.base_url is not None:
        parsed = urlparse(settings.base_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise LLMError(
                "the LLM base URL must look like http(s)://host[:port]/v1, "
                f"got '{redact(settings.base_url)}'"
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
        try:
            when = email.utils.parsedate_to_datetime(value) if value.strip() else None
        except (TypeError, ValueError):
            return None
        return None if when is None else max(0.0, when.timestamp() - time.time())


def backoff_seconds(attempt: int, base: float, ceiling: float) -> float:
    """Exponential back-off with 'equal jitter': half fixed, half random, so it always grows."""
    delay = min(ceiling, base * 2.0**attempt)
    return delay / 2 + random.uniform(0, delay / 2)


def is_loopback(base_url: str | None) -> bool:
    """Whether `base_url` is a server on this machine."""
    host = (urlparse(base_url).hostname or "") if base_url else ""
    return host in LOOPBACK_HOSTS or host.startswith("127.")


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


def _server_message(body: object, fallback: str) -> str:
    """The server's own words: OpenAI-style {"error": {"message": ...}} or the raw text."""
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])
        if isinstance(inner, str):
            return inner
    return fallback


def _content(response: Mapping[str, Any]) -> str | None:
    choices = response.get("choices") or [{}]
    content = (choices[0].get("message") or {}).get("content")
    return content if isinstance(content, str) else None


def _finish_reason(response: Mapping[str, Any]) -> str | None:
    choices = response.get("choices") or [{}]
    reason = choices[0].get("finish_reason")
    return reason if isinstance(reason, str) else None


def _failed_exchange(
    key: RequestKey, request: dict[str, Any], started: float, problem: str
) -> Exchange:
    seconds = time.monotonic() - started
    return Exchange(key=key, request=request, error=problem, duration_ms=seconds * 1000)


def _transport_failure(error: BaseException) -> str | None:
    """'timeout' or 'transport' for the HTTP library's own errors (the SDK's transport is
    httpx or httpx2; both name their classes alike), None for anything else."""
    names = {cls.__name__ for cls in type(error).__mro__}
    if not type(error).__module__.startswith("httpx"):
        return None
    if "TimeoutException" in names:
        return "timeout"
    return "transport" if names & {"TransportError", "StreamError", "HTTPError"} else None


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class LLMClient:
    def __init__(
        self,
        settings: LLMSettings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        progress_stream: TextIO | None = None,
    ):
        check_settings(settings)
        self.settings = settings
        self.log = open_log(settings, redact=self._redact)
        self.progress = Progress(settings.model, progress_stream)
        self._sleep = sleep
        self._mode = 0
        self._sdk: openai.OpenAI | None = None
        self._lock = threading.Lock()
        self._probed = False
        self._server: ServerInfo | None = None
        self._counter: tokens.TokenCounter | None = None
        self._learned_context: int | None = None
        self._scale = 1.0  # how much more the server counted than our estimate did
        self.usage = Usage()  # everything this client asked or found in the cache

    # ------------------------------------------------------------------ what the server takes

    def _probe(self) -> None:
        with self._lock:
            if self._probed:
                return
            self._probed = True
            base_url = self.settings.base_url
            if base_url is not None:
                from summarize.llm.server import probe

                sdk, model = self._sdk_client(), self.settings.model
                self._server, self._counter = probe(sdk, base_url, model)

    @property
    def counter(self) -> tokens.TokenCounter:
        """The server's own tokenizer where it has one, else the estimate with its margin."""
        self._probe()
        if self._counter is None:
            in_catalog = catalog.is_openai_model(self.settings.model)
            margin = tokens.OPENAI_MARGIN if in_catalog else tokens.OTHER_MARGIN
            self._counter = tokens.EstimatedCounter(margin)
        return self._counter

    @property
    def token_source(self) -> str:
        """How prompts are counted, for the notes."""
        counter = self.counter
        if counter.margin == tokens.EXACT_MARGIN:
            return "token counts from the server's /tokenize"
        return (
            f"token counts estimated with tiktoken {tokens.ENCODING_NAME}, budgets filled to "
            f"{counter.margin:.0%}"
        )

    @property
    def concurrency(self) -> int:
        """Requests in flight at most: the setting, else llama.cpp's slots, else 1 for a
        server on this machine and 4 for a remote one."""
        if self.settings.concurrency is not None:
            return self.settings.concurrency
        self._probe()
        if self._server is not None and self._server.slots is not None:
            return min(self._server.slots, MAX_SLOT_CONCURRENCY)
        return 1 if is_loopback(self.settings.base_url) else REMOTE_CONCURRENCY

    def context_tokens(self) -> tuple[int, bool]:
        """The model's context window, and whether the server itself told us."""
        self._probe()
        told = self._learned_context or (self._server.context_tokens if self._server else None)
        if told is not None:
            return told, True
        return catalog.context_tokens(self.settings.model), False

    def prompt_budget(self, answer_tokens: int) -> int:
        """Tokens (as `count_messages` counts them) a prompt may take so that it, a repair turn
        and an answer of `answer_tokens` fit the context, and `--max-input-tokens` holds."""
        context, told = self.context_tokens()
        room = context - answer_tokens - REPAIR_TOKENS
        limit = self.settings.max_input_tokens
        if limit is not None:
            room = min(room, limit - REPAIR_TOKENS) if told else limit - REPAIR_TOKENS
        return max(0, tokens.usable(room, self.counter.margin / self._scale))

    def count_messages(self, messages: Sequence[Mapping[str, str]]) -> int:
        return self.counter.count_messages(messages)

    def count(self, text: str) -> int:
        return self.counter.count(text)

    def _learn(self, overflow: ContextExceeded, counted: int, max_tokens: int) -> None:
        """Remember what a context error taught: the window (or, when the server gives no
        figure, that it is smaller than what was asked), and how far our count was off."""
        overflow.sent_tokens, overflow.max_tokens = counted, max_tokens
        with self._lock:
            if overflow.prompt_tokens is not None and counted > 0:
                self._scale = max(self._scale, overflow.prompt_tokens / counted)
            window = overflow.context_tokens
            if window is None:
                window = int(UNKNOWN_OVERFLOW_SHARE * (counted * self._scale + max_tokens))
            self._learned_context = min(self._learned_context or window, window)

    def would_resend(self, overflow: ContextExceeded) -> bool:
        """Whether the request that overflowed would still fit the budget now: then planning
        again would send it again, and only a larger context can help."""
        return overflow.sent_tokens <= self.prompt_budget(overflow.max_tokens)

    # ------------------------------------------------------------------ public

    def complete(self, ask: Ask, response_model: type[ModelT]) -> Completion[ModelT]:
        """The model's answer to `ask`, validated as `response_model` (from the cache if known).

        Raises LLMError (ContextExceeded when the request is too large for the server)."""
        settings = self.settings
        params = {
            "temperature": settings.temperature,
            "max_tokens": ask.max_tokens,
            "response_schema": strict_json_schema(response_model, choices=ask.choices),
        }
        key = RequestKey.of(settings.model, ask.prompt_version, params, ask.messages)
        if settings.use_cache and (cached := self._from_cache(key, response_model)) is not None:
            return cached
        if settings.replay is not None:
            raise NotRecorded(key, settings.replay)
        try:
            return self._complete(ask, response_model, key)
        except LLMError as error:
            error.args = (self._redact(str(error)),)
            raise

    def map(self, function: Callable[[T], R], items: Sequence[T]) -> list[R]:
        """`function` over `items`, at most `concurrency` at a time, results in order."""
        self.progress.expect(len(items))
        workers = min(self.concurrency, len(items))
        if workers <= 1:
            return [function(item) for item in items]
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="llm") as pool:
            return list(pool.map(function, items))

    def complete_all(
        self, asks: Sequence[Ask], response_model: type[ModelT]
    ) -> list[Completion[ModelT]]:
        """Answers to independent asks, at most `concurrency` in flight, in the order given."""
        return self.map(lambda ask: self.complete(ask, response_model), asks)

    def usage_notes(self, purpose: str, prompts: set[str]) -> list[str]:
        """What a reader should know about this client's calls for `purpose`: model, tokens,
        cost, time, cache, how prompts were counted."""
        settings, usage = self.settings, self.usage
        host = urlparse(redact(settings.endpoint)).netloc or settings.endpoint
        cost = catalog.cost_usd(settings.model, usage.tokens_in, usage.tokens_out)
        price = (
            f"estimated cost ${cost:.6f} at list prices"
            if cost is not None
            else f"cost unknown (no price listed for '{settings.model}')"
        )
        answers = usage.requests + usage.cache_hits
        cut = (
            f" {usage.cut_answers} answer(s) reached their token limit; the unfinished last "
            "item of each was dropped."
            if usage.cut_answers
            else ""
        )
        return [
            f"{purpose} by model '{settings.model}' at {host}; prompts "
            f"{', '.join(sorted(prompts))}.",
            f"tokens: {usage.tokens_in} in, {usage.tokens_out} out over {usage.requests} "
            f"request(s) taking {usage.seconds:.1f} s; {price}; {self.token_source}.{cut}",
            f"cache: {usage.cache_hits} of {answers} answer(s) reused "
            f"({usage.cached_tokens_in} in, {usage.cached_tokens_out} out tokens not resent).",
        ]

    # ------------------------------------------------------------------ one answer

    def _complete(
        self, ask: Ask, response_model: type[ModelT], key: RequestKey
    ) -> Completion[ModelT]:
        settings = self.settings
        instructions = "\n".join(outside_fences(m["content"]) for m in ask.messages)
        conversation = list(ask.messages)
        usage = Usage()
        problem = ""
        for _ in range(settings.max_repairs + 1):
            request, response, seconds = self._send(conversation, response_model, key, ask)
            tokens_in, tokens_out = self._token_usage(response, conversation)
            spent = Usage(requests=1, tokens_in=tokens_in, tokens_out=tokens_out, seconds=seconds)
            usage += spent
            self._add_usage(spent)
            content = _content(response)
            exchange = Exchange(
                key=key,
                request=request,
                response=response,
                tokens_in=tokens_in,
                tokens_out=tokens_out,
                duration_ms=seconds * 1000,
            )
            try:
                cut = _finish_reason(response) == "length"
                value = parse_reply(content, response_model, cut=cut)
                if (echo := only_echoes(value, instructions)) is not None:
                    raise ValueError(
                        f"the reply copies the instructions ('{_shorten(echo, 60)}') instead "
                        "of answering from the data"
                    )
            except ValueError as error:
                problem = describe_invalid(error)
                if _finish_reason(response) == "length":
                    problem = (
                        f"the reply was cut off at the {ask.max_tokens}-token limit before it "
                        f"was complete ({problem}); write fewer, shorter sentences"
                    )
                self.log.record(exchange.model_copy(update={"error": problem}))
                shown = "" if cut else content or ""  # a looping reply invites more of it
                conversation = [*ask.messages, *self._repair_turn(shown, problem)]
                continue
            self.log.record(exchange.model_copy(update={"valid": True}))
            if cut:
                self._add_usage(Usage(cut_answers=1))
            return Completion(value=value, usage=usage)
        raise InvalidAnswer(
            f"{settings.model} gave no valid JSON answer in {settings.max_repairs + 1} tries "
            f"(last problem: {problem[:200]})"
        )

    def _repair_turn(self, reply: str, problem: str) -> Messages:
        """The invalid reply (an excerpt; none for a reply cut at its limit) and what was
        wrong with it, within REPAIR_TOKENS."""
        request = (
            f"Your reply could not be used: {_shorten(problem, REPAIR_PROBLEM_CHARS)}. Reply "
            "again with only the JSON object in the required shape, answering from the data."
        )
        excerpt = _shorten(" ".join(reply.split()), REPAIR_EXCERPT_CHARS)
        while True:
            turn = [{"role": "assistant", "content": excerpt}, {"role": "user", "content": request}]
            if not excerpt or self.count_messages(turn) <= REPAIR_TOKENS:
                return turn if excerpt else turn[1:]
            excerpt = _shorten(excerpt, len(excerpt) // 2) if len(excerpt) > 40 else ""

    def _from_cache(
        self, key: RequestKey, response_model: type[ModelT]
    ) -> Completion[ModelT] | None:
        stored = self.log.lookup(key)
        if stored is None:
            return None
        try:
            cut = _finish_reason(stored) == "length"
            value = parse_reply(_content(stored), response_model, cut=cut)
        except ValueError:
            return None
        usage = stored.get("usage") or {}
        usage_in, usage_out = usage.get("prompt_tokens"), usage.get("completion_tokens")
        tokens_in = usage_in if isinstance(usage_in, int) else 0
        tokens_out = usage_out if isinstance(usage_out, int) else 0
        usage = Usage(cache_hits=1, cached_tokens_in=tokens_in, cached_tokens_out=tokens_out)
        self._add_usage(usage)
        return Completion(value=value, usage=usage)

    def _add_usage(self, usage: Usage) -> None:
        with self._lock:
            self.usage += usage

    def _token_usage(self, response: dict[str, Any], conversation: Messages) -> tuple[int, int]:
        """Tokens the server reports; counted here when a server reports none."""
        usage = response.get("usage") or {}
        if isinstance(usage.get("prompt_tokens"), int):
            return int(usage["prompt_tokens"]), int(usage.get("completion_tokens") or 0)
        return self.count_messages(conversation), self.count(_content(response) or "")

    # ------------------------------------------------------------------ HTTP

    def _client(self) -> openai.OpenAI:
        with self._lock:
            return self._sdk_client()

    def _sdk_client(self) -> openai.OpenAI:
        """The SDK client (call with the lock held)."""
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
        self, conversation: Messages, response_model: type[BaseModel], ask: Ask
    ) -> dict[str, Any]:
        request: dict[str, Any] = {
            "model": self.settings.model,
            "messages": conversation,
            "temperature": self.settings.temperature,
            "max_tokens": ask.max_tokens,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        mode = OUTPUT_MODES[self._mode]
        lengths = self._enforces_lengths()
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

    def _enforces_lengths(self) -> bool:
        """Whether the server turns the schema into a grammar that enforces length limits
        (llama.cpp): then they are sent, and a looping model has to end its sentence."""
        self._probe()
        return self._server is not None and self._server.flavour == "llama.cpp"

    def _send(
        self, conversation: Messages, response_model: type[BaseModel], key: RequestKey, ask: Ask
    ) -> tuple[dict[str, Any], dict[str, Any], float]:
        """One answer over HTTP: (request sent, response JSON, seconds), retrying as needed."""
        settings = self.settings
        prompt_tokens = self.count_messages(conversation)
        attempt = 0
        while True:
            request = self._request(conversation, response_model, ask)
            started = time.monotonic()
            failed = functools.partial(_failed_exchange, key, request, started)
            try:
                response = self._post(request, prompt_tokens)
            except _Retryable as failure:
                self.log.record(failed(failure.problem))
                if attempt >= settings.max_retries:
                    raise LLMError(
                        f"gave up on {settings.endpoint} after {attempt + 1} attempts "
                        f"(last: {failure.problem})"
                    ) from None
                self._sleep(self._delay(attempt, failure))
                attempt += 1
                continue
            except _Downgrade as failure:
                self.log.record(failed(failure.problem))
                continue
            except ContextExceeded as overflow:
                self.log.record(failed(str(overflow)))
                self._learn(overflow, prompt_tokens, ask.max_tokens)
                raise
            except LLMError as error:
                self.log.record(failed(str(error)))
                raise
            seconds = time.monotonic() - started
            if (cut := self._cut_by_context(response, ask.max_tokens)) is not None:
                self.log.record(failed(str(cut)))
                self._learn(cut, prompt_tokens, ask.max_tokens)
                raise cut
            return request, response, seconds

    @staticmethod
    def _cut_by_context(response: dict[str, Any], max_tokens: int) -> ContextExceeded | None:
        """An answer stopped for length before `max_tokens`: the context ran out under it."""
        usage = response.get("usage") or {}
        prompt, written = usage.get("prompt_tokens"), usage.get("completion_tokens")
        if _finish_reason(response) != "length" or not isinstance(written, int):
            return None
        if not isinstance(prompt, int) or written >= max_tokens:
            return None
        return ContextExceeded(
            f"the answer was cut after {written} of {max_tokens} tokens: the prompt "
            f"({prompt} tokens) and the answer do not fit the server's context",
            context_tokens=prompt + written,
            prompt_tokens=prompt,
        )

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
            create = self._client().chat.completions.with_streaming_response.create
            with create(**request, timeout=timeout) as answer:
                response = read_completion(answer, lambda: self.progress.tokens(handle))
            answered = True
            return response
        except openai.APITimeoutError:
            raise _Retryable(f"no answer for {silence:g} s") from None
        except openai.APIConnectionError as error:
            cause = error.__cause__ or error
            raise _Retryable(f"could not connect: {self._redact(str(cause))[:200]}") from None
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
            kind = _transport_failure(error)
            if kind == "timeout":
                raise _Retryable(f"no answer for {silence:g} s") from None
            if kind == "transport":
                raise _Retryable(f"the answer broke off: {type(error).__name__}") from None
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
        message = self._redact(_server_message(body, fallback_message))
        if (overflow := context_exceeded(status, body, message)) is not None:
            return overflow
        sent = request.get("response_format", {}).get("type", "text")
        can_downgrade = sent != OUTPUT_MODES[-1]
        if can_downgrade and (status in (400, 422) or _FORMAT_REJECTED.search(message)):
            with self._lock:  # from the mode this request used: threads may race here
                self._mode = max(self._mode, OUTPUT_MODES.index(sent) + 1)
            return _Downgrade(f"HTTP {status} with response_format: {message[:200]}")
        if status in RETRYABLE_STATUS or status >= 500:
            return _Retryable(f"HTTP {status}", retry_after_seconds(headers))
        return LLMError(self._describe_refusal(status, message))

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
        return f"{settings.endpoint} rejected the request (HTTP {status}): {server_message[:200]}"

    def _redact(self, text: str) -> str:
        key = self.settings.api_key
        return redact(text, [key.get_secret_value()] if key else [])
