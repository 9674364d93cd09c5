"""Strict JSON schemas for structured output, and reading replies that are JSON-ish."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field, ValidationError

from summarize.llm.structured import (
    complete_items,
    describe_invalid,
    parse_reply,
    strict_json_schema,
)


class Claim(BaseModel):
    text: str = Field(min_length=1)
    sources: list[str] = Field(default_factory=list)


class Claims(BaseModel):
    claims: list[Claim] = Field(min_length=1, description="what the reports say")


def test_strict_schema_requires_everything_and_forbids_extras():
    schema = strict_json_schema(Claims)

    assert schema["required"] == ["claims"] and schema["additionalProperties"] is False
    claim = schema["$defs"]["Claim"]
    assert claim["required"] == ["text", "sources"] and claim["additionalProperties"] is False
    assert "default" not in str(schema) and "minLength" not in str(schema)
    assert schema["properties"]["claims"]["description"] == "what the reports say"


@pytest.mark.parametrize(
    "reply",
    [
        '{"claims": [{"text": "The border reopened.", "sources": ["a"]}]}',
        '```json\n{"claims": [{"text": "The border reopened.", "sources": ["a"]}]}\n```',
        'Sure! {"claims": [{"text": "The border reopened.", "sources": ["a"]}]} Hope it helps.',
    ],
)
def test_json_is_found_in_common_wrappings(reply):
    assert parse_reply(reply, Claims).claims[0].sources == ["a"]


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        (None, "the reply was empty"),
        ("   ", "the reply was empty"),
        ("I will not answer.", "not a JSON object"),
        ('{"claims": [', "not valid JSON"),
    ],
)
def test_unusable_replies_say_why(reply, problem):
    with pytest.raises(ValueError, match=problem):
        parse_reply(reply, Claims)


def test_validation_problems_are_short_and_located():
    with pytest.raises(ValidationError) as raised:
        parse_reply('{"claims": [{"text": ""}]}', Claims)

    assert describe_invalid(raised.value) == (
        "claims.0.text: String should have at least 1 character"
    )


@pytest.mark.parametrize(
    ("cut", "closed"),
    [
        (
            '{"sentences": [{"text": "A }", "citations": ["x"]}, {"text": "unfin',
            '{"sentences": [{"text": "A }", "citations": ["x"]}]}',
        ),
        (
            '{"findings": [{"group": 1, "quotes": [{"document": "a", "quote": "b\\" c"}]}, '
            '{"group": 2, "quotes": [{"doc',
            '{"findings": [{"group": 1, "quotes": [{"document": "a", "quote": "b\\" c"}]}]}',
        ),
        ('{"sentences": [{"text": "unfinished', None),
        ("no JSON here", None),
    ],
)
def test_a_cut_reply_is_closed_after_its_last_complete_item(cut, closed):
    assert complete_items(cut) == closed
