"""What a self-hosted server tells about itself: its context window and its own tokenizer.

Asked once per client, only when a base URL is set (OpenAI's API has none of these routes):
- llama.cpp's `llama-server`: `GET /props` gives the context of one slot
  (`default_generation_settings.n_ctx`) and the number of slots (`total_slots`, the requests
  it serves at once); `POST /apply-template` renders chat messages with the
  model's template and `POST /tokenize` counts them, exactly as the server will;
- vLLM: `GET /v1/models` gives `max_model_len`; `POST /tokenize` counts chat messages (with
  the template) or a text.
A server with neither is counted with the estimate and its safety margin (see tokens.py).
Probing never fails a run: any error means "nothing known".
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from summarize.llm.cache import AnswerStore, Exchange, RequestKey
from summarize.llm.errors import LLMError, redact
from summarize.llm.tokens import EXACT_MARGIN

if TYPE_CHECKING:
    import openai

PROBE_TIMEOUT = 5.0
Flavour = Literal["llama.cpp", "vllm"]


class ProbeFailed(LLMError):
    """The server did not answer a probe or a count as llama.cpp or vLLM do."""


@dataclass(frozen=True)
class ServerInfo:
    context_tokens: int | None = None  # of one request (a llama.cpp slot)
    flavour: Flavour | None = None
    slots: int | None = None  # requests llama.cpp serves at once
    # The model the server has loaded (llama.cpp's model file, vLLM's model root): llama.cpp
    # answers to any model name, so the name alone does not say which model answered.
    served: str | None = None


def server_root(base_url: str) -> str:
    """`http://host:8080` for `http://host:8080/v1` (the tokenizer routes are not under /v1)."""
    root = base_url.rstrip("/")
    return root.removesuffix("/v1")


class _Http:
    """JSON requests to the server through the client's SDK (same key, same transport),
    raising ProbeFailed on anything that is not a JSON object.

    With a cassette, the answers are kept with the model's: recording stores each one, and a
    replay (no SDK: it opens no connection) takes them from it, so the requests it rebuilds
    are the ones recorded, shaped by the same context, slots and token counts.
    """

    def __init__(
        self,
        sdk: openai.OpenAI | None,
        base_url: str,
        model: str,
        cassette: AnswerStore | None = None,
    ) -> None:
        self._sdk = sdk
        self._model = model
        self._cassette = cassette
        self.base_url = base_url.rstrip("/")
        self.root = server_root(base_url)

    def get(self, url: str) -> dict[str, Any]:
        return self._answer(
            "GET",
            url,
            None,
            lambda sdk: sdk.get(url, cast_to=object, options={"timeout": PROBE_TIMEOUT}),
        )

    def post(self, url: str, body: Mapping[str, Any]) -> dict[str, Any]:
        return self._answer(
            "POST",
            url,
            body,
            lambda sdk: sdk.post(
                url, cast_to=object, body=body, options={"timeout": PROBE_TIMEOUT}
            ),
        )

    def _answer(
        self,
        method: str,
        url: str,
        body: Mapping[str, Any] | None,
        send: Callable[[openai.OpenAI], object],
    ) -> dict[str, Any]:
        # The route without the server's address: a cassette replays against any address.
        route = f"{method} {url.removeprefix(self.root)}"
        key = RequestKey.of_probe(self._model, route, body)
        sdk = self._sdk
        if sdk is None:
            recorded = self._cassette.lookup(key) if self._cassette is not None else None
            if recorded is None:
                raise ProbeFailed(f"{route}: not recorded")
            return recorded
        data = self._json(url, lambda: send(sdk))
        if self._cassette is not None:
            self._cassette.record(Exchange(key=key, request={}, response=data, valid=True))
        return data

    def _json(self, url: str, send: Callable[[], object]) -> dict[str, Any]:
        import openai

        try:
            data = send()
        except (openai.OpenAIError, ValueError) as error:
            raise ProbeFailed(f"{redact(url)}: {type(error).__name__}") from None
        if not isinstance(data, dict):
            raise ProbeFailed(f"{redact(url)}: no JSON object")
        return data


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _positive_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


class ServerTokenCounter:
    """Exact token counts from the server's tokenizer (see the module docstring)."""

    def __init__(self, http: _Http, flavour: Flavour, model: str) -> None:
        self._http = http
        self._flavour = flavour
        self._model = model

    @property
    def margin(self) -> float:
        return EXACT_MARGIN

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one counter per client, kept for the run
    def count(self, text: str) -> int:
        if self._flavour == "llama.cpp":
            return self._tokens({"content": text, "add_special": False})
        return self._tokens({"model": self._model, "prompt": text, "add_special_tokens": False})

    def count_messages(self, messages: Sequence[Mapping[str, str]]) -> int:
        return self._count_messages(tuple((m["role"], m["content"]) for m in messages))

    @functools.lru_cache(maxsize=256)  # noqa: B019
    def _count_messages(self, messages: tuple[tuple[str, str], ...]) -> int:
        chat = [{"role": role, "content": content} for role, content in messages]
        if self._flavour == "llama.cpp":
            prompt = self._http.post(f"{self._http.root}/apply-template", {"messages": chat})
            if not isinstance(prompt.get("prompt"), str):
                raise ProbeFailed("no prompt from /apply-template")
            return self._tokens({"content": prompt["prompt"]})
        return self._tokens({"model": self._model, "messages": chat})

    def _tokens(self, body: Mapping[str, Any]) -> int:
        data = self._http.post(f"{self._http.root}/tokenize", body)
        count = data.get("count")
        if isinstance(count, int):
            return count
        tokens = data.get("tokens")
        if not isinstance(tokens, list):
            raise ProbeFailed("no tokens from /tokenize")
        return len(tokens)


def probe(
    sdk: openai.OpenAI | None, base_url: str, model: str, cassette: AnswerStore | None = None
) -> tuple[ServerInfo, ServerTokenCounter | None]:
    """What the server at `base_url` says about its context and tokenizer (see module doc);
    without an SDK, what `cassette` recorded it said."""
    http = _Http(sdk, base_url, model, cassette)
    try:
        props = http.get(f"{http.root}/props")
        settings = props.get("default_generation_settings")
        context = _positive_int(settings.get("n_ctx")) if isinstance(settings, dict) else None
        if context is not None:
            counter = ServerTokenCounter(http, "llama.cpp", model)
            counter.count_messages([{"role": "user", "content": "probe"}])
            slots = _positive_int(props.get("total_slots"))
            served = _text(props.get("model_path"))
            return ServerInfo(context, "llama.cpp", slots, served), counter
    except ProbeFailed:
        pass
    context = served = None
    try:
        models = http.get(f"{http.base_url}/models").get("data")
        entries = [m for m in models if isinstance(m, dict)] if isinstance(models, list) else []
        named = [m for m in entries if m.get("id") == model] or entries[:1]
        context = _positive_int(named[0].get("max_model_len")) if named else None
        served = _text(named[0].get("root")) if named else None
    except ProbeFailed:
        pass
    if context is None:
        return ServerInfo(), None
    try:
        counter = ServerTokenCounter(http, "vllm", model)
        counter.count_messages([{"role": "user", "content": "probe"}])
    except ProbeFailed:
        return ServerInfo(context, None, served=served), None
    return ServerInfo(context, "vllm", served=served), counter
