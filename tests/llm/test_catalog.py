"""Context windows and prices by model-name prefix."""

from __future__ import annotations

import pytest

from summarize.llm.catalog import DEFAULT_CONTEXT_TOKENS, context_tokens, cost_usd


@pytest.mark.parametrize(
    ("model", "tokens"),
    [
        ("gpt-4o-mini-2024-07-18", 128_000),
        ("gpt-4", 8_192),
        ("gpt-4-turbo-preview", 128_000),
        ("GPT-4.1-nano", 1_047_576),
        ("openai/gpt-4o", 128_000),
        ("mistral-small", DEFAULT_CONTEXT_TOKENS),
    ],
)
def test_context_by_longest_prefix(model, tokens):
    assert context_tokens(model) == tokens


def test_cost_uses_the_most_specific_price():
    assert cost_usd("gpt-4o", 1_000_000, 0) == pytest.approx(2.50)
    assert cost_usd("gpt-4o-mini-2024-07-18", 1_000_000, 1_000_000) == pytest.approx(0.75)
    assert cost_usd("gpt-4.1-mini", 2_000, 500) == pytest.approx(0.0016)


def test_unknown_model_has_no_cost():
    assert cost_usd("llama3.1:70b", 1_000, 1_000) is None
