"""What we know about well-known models: context windows and list prices.

Both tables match the longest prefix of the model name, so dated snapshots
("gpt-4o-mini-2024-07-18") find their family. Self-hosted models are rarely listed: their
context is whatever the server was started with, so pass `max_input_tokens` for them.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")

DEFAULT_CONTEXT_TOKENS = 16_384

CONTEXT_TOKENS: dict[str, int] = {
    "gpt-3.5-turbo": 16_385,
    "gpt-4": 8_192,
    "gpt-4-turbo": 128_000,
    "gpt-4o": 128_000,
    "gpt-4o-mini": 128_000,
    "gpt-4.1": 1_047_576,
    "gpt-5": 400_000,
    "o1": 200_000,
    "o3": 200_000,
    "o4-mini": 200_000,
}

# USD per million tokens (input, output); OpenAI list prices, mid-2025. Estimates only.
PRICES_PER_MILLION: dict[str, tuple[float, float]] = {
    "gpt-3.5-turbo": (0.50, 1.50),
    "gpt-4o": (2.50, 10.00),
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-5": (1.25, 10.00),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5-nano": (0.05, 0.40),
    "o3-mini": (1.10, 4.40),
    "o4-mini": (1.10, 4.40),
}


def _longest_prefix(model: str, table: dict[str, T]) -> T | None:
    name = model.lower().rsplit("/", 1)[-1]
    matches = [prefix for prefix in table if name.startswith(prefix)]
    return table[max(matches, key=len)] if matches else None


def is_openai_model(model: str) -> bool:
    """Whether `model` is one of OpenAI's families listed here (their tokenizers are known)."""
    in_context: int | None = _longest_prefix(model, CONTEXT_TOKENS)
    in_prices: tuple[float, float] | None = _longest_prefix(model, PRICES_PER_MILLION)
    return in_context is not None or in_prices is not None


def context_tokens(model: str) -> int:
    """The model's context window in tokens, or a conservative default when unknown."""
    return _longest_prefix(model, CONTEXT_TOKENS) or DEFAULT_CONTEXT_TOKENS


def cost_usd(model: str, tokens_in: int, tokens_out: int) -> float | None:
    """Estimated price of the given tokens, or None when the model's price is unknown."""
    price = _longest_prefix(model, PRICES_PER_MILLION)
    if price is None:
        return None
    return (tokens_in * price[0] + tokens_out * price[1]) / 1_000_000
