"""Structured answers: the JSON schema we ask for, and reading the JSON a model sends back."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

ModelT = TypeVar("ModelT", bound=BaseModel)

# Keywords every strict-mode implementation (OpenAI, vLLM, llama.cpp grammars) understands.
_KEPT_KEYWORDS = {"type", "properties", "items", "required", "enum", "description", "$defs", "$ref"}
# Length limits, which llama.cpp's grammars enforce (a looping model must close its string)
# but OpenAI's strict mode does not take.
_LENGTH_KEYWORDS = {"maxLength", "minItems", "maxItems"}
_CODE_FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.DOTALL)


def _strict(
    schema: dict[str, Any], kept: set[str], choices: Mapping[str, Sequence[str]]
) -> dict[str, Any]:
    strict: dict[str, Any] = {}
    for keyword, value in schema.items():
        if keyword not in kept:
            continue
        if keyword in ("properties", "$defs"):
            strict[keyword] = {name: _strict(sub, kept, choices) for name, sub in value.items()}
            if keyword == "properties":
                for name, allowed in choices.items():
                    if name in strict[keyword]:
                        _restrict(strict[keyword][name], allowed, "maxItems" in kept)
        elif keyword == "items":
            strict[keyword] = _strict(value, kept, choices)
        else:
            strict[keyword] = value
    if strict.get("type") == "object":
        strict["required"] = list(strict.get("properties", {}))
        strict["additionalProperties"] = False
    return strict


def _restrict(schema: dict[str, Any], allowed: Sequence[str], lengths: bool) -> None:
    """A string property, or a list of strings (no longer than `allowed`, with `lengths`),
    limited to the `allowed` values."""
    if schema.get("type") == "array" and lengths:
        schema["maxItems"] = len(allowed)
    target = schema["items"] if schema.get("type") == "array" else schema
    if target.get("type") == "string":
        target.pop("maxLength", None)
        target["enum"] = list(allowed)


def strict_json_schema(
    model: type[BaseModel],
    lengths: bool = False,
    choices: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Any]:
    """The model's JSON schema in the strict form structured-output APIs require:
    every property required, no extra properties, no keywords they reject (defaults, lengths;
    with `lengths`, string and list length limits are kept, for grammar-based servers).
    `choices` limits string properties (or lists of strings) of those names to given values,
    such as report ids: the server then cannot write any other. Pydantic still enforces the
    dropped constraints when the answer is validated (and does not enforce `choices`: the
    callers sort out unknown values)."""
    kept = _KEPT_KEYWORDS | _LENGTH_KEYWORDS if lengths else _KEPT_KEYWORDS
    return _strict(model.model_json_schema(), kept, choices or {})


def describe_invalid(error: ValueError) -> str:
    """A short account of what was wrong with a reply, fit to show the model (and a user)."""
    if isinstance(error, ValidationError):
        problems = [
            f"{'.'.join(str(part) for part in issue['loc']) or 'reply'}: {issue['msg']}"
            for issue in error.errors()[:5]
        ]
        return "; ".join(problems)
    return str(error)


def _embedded_object(text: str, error: json.JSONDecodeError) -> Any:
    """The JSON object inside prose around it; the reason it is unusable otherwise."""
    start, end = text.find("{"), text.rfind("}")
    if start < 0:
        raise ValueError("the reply is not a JSON object") from None
    try:
        return json.loads(text[start : end + 1]) if end > start else json.loads(text[start:])
    except json.JSONDecodeError:
        raise ValueError(f"the reply is not valid JSON ({error.msg}, char {error.pos})") from None


def complete_items(text: str) -> str | None:
    """A reply cut off mid-way (at its token limit), closed after its last complete item of
    the outermost list: `{"sentences": [{...}, {...}, {"text": "unfini` becomes
    `{"sentences": [{...}, {...}]}`. None when no item was complete."""
    start = text.find("{")
    if start < 0:
        return None
    closers: list[str] = []
    in_string = escaped = False
    last: tuple[int, list[str]] | None = None
    for at in range(start, len(text)):
        char = text[at]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            closers.append("}" if char == "{" else "]")
        elif char in "}]":
            if not closers or closers.pop() != char:
                return None
            if len(closers) == 2 and closers[-1] == "]":  # an item of the outermost list
                last = (at + 1, list(closers))
    if last is None:
        return None
    end, open_ = last
    return text[start:end] + "".join(reversed(open_))


def parse_reply(content: str | None, model: type[ModelT], cut: bool = False) -> ModelT:
    """Validate a reply as `model`; accepts bare JSON, a ```json block, or JSON amid prose.
    With `cut` (the reply hit its token limit), the complete items of a reply that was cut
    off mid-way are used.

    Raises ValueError (pydantic's ValidationError is one) when nothing usable is there.
    """
    if not content or not content.strip():
        raise ValueError("the reply was empty")
    text = content.strip()
    if fenced := _CODE_FENCE.match(text):
        text = fenced.group(1)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        closed = complete_items(text) if cut else None
        data = json.loads(closed) if closed is not None else _embedded_object(text, error)
    return model.model_validate(data)


ECHO_MIN_WORDS = 4


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, BaseModel):
        return _strings(value.model_dump())
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


_PLACEHOLDER = re.compile(r"<[^<>\n]{1,40}>")


def echoes(value: object, instructions: str) -> list[str]:
    """The texts in `value` that repeat the instructions instead of coming from the data: a
    piece of them of at least four words, or one of their `<...>` placeholders (small models
    copy the prompt's description of the answer)."""
    said = f" {_normal(instructions)} "
    placeholders = set(_PLACEHOLDER.findall(instructions))
    found = []
    for text in _strings(value):
        normal = _normal(text)
        long_enough = len(normal.split()) >= ECHO_MIN_WORDS
        if (long_enough and f" {normal} " in said) or text.strip() in placeholders:
            found.append(text)
    return found


def only_echoes(value: BaseModel, instructions: str) -> str | None:
    """An echoed text, when the reply says nothing besides echoes: each of its texts of at
    least four words, and each `<...>` placeholder it fills in, repeats the instructions. Such
    a reply is invalid; a reply with some echoes among real answers is kept, and its echoed
    parts are dropped where they are used (the guard, the checker)."""
    echoed = echoes(value, instructions)
    placeholders = set(_PLACEHOLDER.findall(instructions))
    content = [
        text
        for text in _strings(value)
        if len(_normal(text).split()) >= ECHO_MIN_WORDS or text.strip() in placeholders
    ]
    return content[0] if content and all(text in echoed for text in content) else None
