"""Prompt templates: versioned text files in prompts/, loaded by name, filled with $fields.

A template file starts with `# version: N`; further leading `#` lines are comments for people
editing it. The body uses string.Template placeholders (`$name`), so the JSON braces that
prompts show the model need no escaping. The version goes into the cache key and the notes.
"""

from __future__ import annotations

import functools
import os
import re
from importlib import resources
from pathlib import Path
from string import Template

from pydantic import BaseModel

from summarize.llm.errors import LLMError

PROMPTS_DIR_ENV = "SUMMARIZE_PROMPTS_DIR"
_VERSION = re.compile(r"#\s*version:\s*(\S+)\s*$")


class Prompt(BaseModel):
    name: str
    version: str
    template: str

    @property
    def label(self) -> str:
        """`name@version`, as recorded in notes and the cache."""
        return f"{self.name}@{self.version}"

    def fields(self) -> set[str]:
        return {
            match.group("named") or match.group("braced")
            for match in Template.pattern.finditer(self.template)
            if match.group("named") or match.group("braced")
        }

    def render(self, **values: object) -> str:
        """The template filled in; every placeholder must be given, and nothing else."""
        missing, unknown = self.fields() - values.keys(), values.keys() - self.fields()
        if missing or unknown:
            raise ValueError(
                f"prompt {self.label}: missing {sorted(missing)}, unknown {sorted(unknown)}"
            )
        return Template(self.template).substitute({k: str(v) for k, v in values.items()})


def prompts_dir() -> Path:
    """The installed templates (the project's prompts/, installed as the package
    summarize.prompts), or $SUMMARIZE_PROMPTS_DIR, to try edited prompts."""
    override = os.environ.get(PROMPTS_DIR_ENV)
    return Path(override) if override else Path(str(resources.files("summarize.prompts")))


def parse_prompt(name: str, text: str) -> Prompt:
    lines = text.splitlines()
    match = _VERSION.match(lines[0]) if lines else None
    if match is None:
        raise LLMError(f"prompt '{name}' must start with a '# version: N' line")
    body = lines[1:]
    while body and body[0].startswith("#"):
        body.pop(0)
    return Prompt(name=name, version=match.group(1), template="\n".join(body).strip() + "\n")


@functools.cache
def _load(directory: Path, name: str) -> Prompt:
    path = directory / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LLMError(f"prompt template not found: {path}") from None
    except (OSError, UnicodeDecodeError) as error:  # a directory, or no UTF-8 text
        reason = error.strerror if isinstance(error, OSError) and error.strerror else "not UTF-8"
        raise LLMError(f"prompt template cannot be read: {path}: {reason}") from None
    return parse_prompt(name, text)


def load_prompt(name: str) -> Prompt:
    """The template `prompts/<name>.txt`, parsed once per process."""
    return _load(prompts_dir(), name)
