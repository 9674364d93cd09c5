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

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TextIO, TypeVar
from urllib.parse import urlparse

from summarize.llm import catalog, tokens
from summarize.llm.ask import Ask, Completion, Messages, Usage
from summarize.llm.cache import Exchange, NotRecorded, RequestKey, open_log
from summarize.llm.errors import ContextExceeded, InvalidAnswer, LLMError, redact, url_secrets
from summarize.llm.failures import UNKNOWN_OVERFLOW_SHARE, answer_text, finish_reason
from summarize.llm.fences import outside_fences
from summarize.llm.progress import Progress
from summarize.llm.settings import LLMSettings, check_settings, is_loopback
from summarize.llm.structured import (
    ModelT,
    describe_invalid,
    only_echoes,
    parse_reply,
    strict_json_schema,
)
from summarize.llm.transport import Transport

if TYPE_CHECKING:
    from summarize.llm.server import ServerInfo

# Ask, Completion and Usage are part of the client's interface.
__all__ = ["Ask", "Completion", "LLMClient", "Usage"]

T = TypeVar("T")
R = TypeVar("R")

REMOTE_CONCURRENCY = 4
MAX_SLOT_CONCURRENCY = 4
# A repair turn: a short excerpt of the invalid reply and the problem, within REPAIR_TOKENS.
REPAIR_TOKENS = 200
REPAIR_EXCERPT_CHARS = 300
REPAIR_PROBLEM_CHARS = 240


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
        self.transport = Transport(settings, self.log, self.progress, sleep, self._redact)
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

                # A replay opens no connection: the server's answers come from the cassette,
                # where a recording put them.
                replaying = self.settings.replay is not None
                sdk = None if replaying else self.transport.sdk()
                cassette = self.log if replaying or self.settings.record is not None else None
                self._server, self._counter = probe(sdk, base_url, self.settings.model, cassette)

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
        params: dict[str, Any] = {
            "temperature": settings.temperature,
            "max_tokens": ask.max_tokens,
            "response_schema": strict_json_schema(response_model, choices=ask.choices),
        }
        self._probe()
        if self._server is not None and self._server.served is not None:
            # Which model answers is part of the question, and llama.cpp answers to any name:
            # the model the server says it loaded is in the key (a replay reads the same from
            # its cassette, whatever address it is given).
            params["served"] = self._server.served
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
        if not _at_openai(settings.endpoint):
            # The list prices are OpenAI's: a self-hosted server or another provider is not.
            price = f"no list price for a model at {host}"
        elif cost is not None:
            price = f"estimated cost ${cost:.6f} at list prices"
        else:
            price = f"cost unknown (no price listed for '{settings.model}')"
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
            f"request(s), {usage.seconds:.1f} s of requests; {price}; {self.token_source}.{cut}",
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
            content = answer_text(response)
            exchange = Exchange(
                key=key,
                request=request,
                response=response,
                tokens_in=tokens_in,
                tokens_out=tokens_out,
                duration_ms=seconds * 1000,
            )
            try:
                cut = finish_reason(response) == "length"
                value = parse_reply(content, response_model, cut=cut)
                if (echo := only_echoes(value, instructions)) is not None:
                    raise ValueError(
                        f"the reply copies the instructions ('{_shorten(echo, 60)}') instead "
                        "of answering from the data"
                    )
            except ValueError as error:
                problem = describe_invalid(error)
                if finish_reason(response) == "length":
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
            cut = finish_reason(stored) == "length"
            value = parse_reply(answer_text(stored), response_model, cut=cut)
        except ValueError:
            return None
        usage = stored.get("usage") or {}
        usage_in, usage_out = usage.get("prompt_tokens"), usage.get("completion_tokens")
        tokens_in = usage_in if isinstance(usage_in, int) else 0
        tokens_out = usage_out if isinstance(usage_out, int) else 0
        usage = Usage(cache_hits=1, cached_tokens_in=tokens_in, cached_tokens_out=tokens_out)
        self._add_usage(usage)
        return Completion(value=value, usage=usage)

    def _send(
        self, conversation: Messages, response_model: type[ModelT], key: RequestKey, ask: Ask
    ) -> tuple[dict[str, Any], dict[str, Any], float]:
        """One answer over HTTP (see Transport.send); a context error teaches the budget."""
        prompt_tokens = self.count_messages(conversation)
        try:
            return self.transport.send(
                conversation,
                response_model,
                key,
                ask,
                prompt_tokens=prompt_tokens,
                lengths=self._enforces_lengths(),
            )
        except ContextExceeded as overflow:
            self._learn(overflow, prompt_tokens, ask.max_tokens)
            raise

    def _enforces_lengths(self) -> bool:
        """Whether the server turns the schema into a grammar that enforces length limits
        (llama.cpp): then they are sent, and a looping model has to end its sentence."""
        self._probe()
        return self._server is not None and self._server.flavour == "llama.cpp"

    def _add_usage(self, usage: Usage) -> None:
        with self._lock:
            self.usage += usage

    def _token_usage(self, response: dict[str, Any], conversation: Messages) -> tuple[int, int]:
        """Tokens the server reports; counted here when a server reports none."""
        usage = response.get("usage") or {}
        if isinstance(usage.get("prompt_tokens"), int):
            return int(usage["prompt_tokens"]), int(usage.get("completion_tokens") or 0)
        return self.count_messages(conversation), self.count(answer_text(response) or "")

    def _redact(self, text: str) -> str:
        key = self.settings.api_key
        secrets = [key.get_secret_value()] if key else []
        return redact(text, [*secrets, *url_secrets(self.settings.base_url)])


def _at_openai(endpoint: str) -> bool:
    """The endpoint is OpenAI's own API, whose list prices the catalog holds."""
    host = urlparse(endpoint).hostname or ""
    return host == "api.openai.com"
