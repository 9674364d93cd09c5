"""Article text is data: it goes to the model inside fences it cannot break out of.

A fenced block looks like

    <<<REPORT id=doc-1 outlet="Example News">>>
    ...the text, with any run of three or more angle brackets made harmless...
    <<<END>>>

and the system prompt tells the model that nothing inside a fence is an instruction.
"""

from __future__ import annotations

import re

END = "<<<END>>>"
_BRACKET_RUN = re.compile(r"<{3,}|>{3,}")
_ATTRIBUTE_UNSAFE = re.compile(r'[\s"<>=]+')


def escape(text: str) -> str:
    """`text` with fence-like bracket runs replaced by look-alikes, so it cannot close a fence."""
    return _BRACKET_RUN.sub(lambda run: run.group().replace("<", "‹").replace(">", "›"), text)


def attribute(value: str) -> str:
    """A value safe to put in a fence header: one token, no quotes or brackets."""
    return _ATTRIBUTE_UNSAFE.sub("_", value.strip()) or "_"


def quoted(value: str) -> str:
    """A free-text header value (outlet, title) in double quotes."""
    return '"' + escape(value).replace('"', "'").replace("\n", " ").replace(">", "›") + '"'


def fence(kind: str, header: dict[str, str], body: str) -> str:
    """`body` fenced as `kind`; header values must already be made safe (attribute/quoted)."""
    opening = " ".join([kind, *(f"{name}={value}" for name, value in header.items())])
    return f"<<<{opening}>>>\n{escape(body).strip()}\n{END}"


_FENCED_BLOCK = re.compile(r"<<<[^\n]*?>>>\n.*?\n" + re.escape(END), re.DOTALL)


def outside_fences(text: str) -> str:
    """`text` with every fenced block removed: the instructions around the data."""
    return _FENCED_BLOCK.sub(" ", text)
