"""One question to the model, its answer, and what answers cost."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic

from pydantic import BaseModel

from summarize.llm.structured import ModelT

Messages = list[dict[str, str]]


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
