"""Structured answers: the JSON schema we ask for, and reading the JSON a model sends back."""

from __future__ import annotations

import json
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

ModelT = TypeVar("ModelT", bound=BaseModel)

# Keywords every strict-mode implementation (OpenAI, vLLM, llama.cpp grammars) understands.
_KEPT_KEYWORDS = {"type", "properties", "items", "required", "enum", "description", "$defs", "$ref"}
_CODE_FENCE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.DOTALL)


def _strict(schema: dict[str, Any]) -> dict[str, Any]:
    strict: dict[str, Any] = {}
    for keyword, value in schema.items():
        if keyword not in _KEPT_KEYWORDS:
            continue
        if keyword in ("properties", "$defs"):
            strict[keyword] = {name: _strict(sub) for name, sub in value.items()}
        elif keyword == "items":
            strict[keyword] = _strict(value)
        else:
            strict[keyword] = value
    if strict.get("type") == "object":
        strict["required"] = list(strict.get("properties", {}))
        strict["additionalProperties"] = False
    return strict


def strict_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema in the strict form structured-output APIs require:
    every property required, no extra properties, no keywords they reject (defaults, lengths).
    Pydantic still enforces the dropped constraints when the answer is validated."""
    return _strict(model.model_json_schema())


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


def parse_reply(content: str | None, model: type[ModelT]) -> ModelT:
    """Validate a reply as `model`; accepts bare JSON, a ```json block, or JSON amid prose.

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
        data = _embedded_object(text, error)
    return model.model_validate(data)
