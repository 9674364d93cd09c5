"""Named strategies (composers, checkers): a registry maps a name to "module:attribute", and the
module is imported only when that strategy is used, so the offline path never loads the LLM's."""

from __future__ import annotations

import importlib
from typing import Any


def load_strategy(registry: dict[str, str], name: str) -> Any:
    """The class registered under `name`; KeyError names the known ones."""
    if name not in registry:
        raise KeyError(f"unknown strategy {name!r}; known: {', '.join(registry)}")
    module, attribute = registry[name].split(":")
    return getattr(importlib.import_module(module), attribute)
