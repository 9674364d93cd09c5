"""One way to write each name in a summary.

Outlets style one name differently ("U.S." / "US", "Infowars" / "InfoWars", "NAFTA" / "Nafta",
"O'Connor" / "O’Connor"), and a summary taking sentences from several outlets mixes the styles,
which a copy editor would mend. Where two forms of one entity differ only in case, full stops or
the kind of apostrophe, the summary writes each as the reports write it most often. Letters
are never changed ("Uighur" / "Uyghur" are two spellings, not two styles), nor is anything inside
quotation marks, which are the speaker's words as a report printed them.
"""

from __future__ import annotations

import re

from summarize.models import Analysis, SummarySentence
from summarize.text.quotes import quotation_spans
from summarize.text.spans import in_spans

_STYLE_MARKS = re.compile(r"[.'’‘`ʼ]")
# What may follow a sentence's last word: closing quotation marks and brackets.
_CLOSES = re.compile(r"[”’\"')\]]*\s*")


def _style_free(name: str) -> str:
    return _STYLE_MARKS.sub("", name).lower()


def one_style_per_name(sentences: list[SummarySentence], analysis: Analysis) -> None:
    """Write every name of `sentences` in the form the reports use most, among the forms of one
    entity that differ only in style (`Entity.variants` lists the most frequent first)."""
    families = [
        family
        for entity in analysis.entities
        for family in _by_style(entity.variants).values()
        if len(family) > 1
    ]
    for family in families:
        # longest first: "U.S." before "US" inside an alternation; then a full stop after it
        pattern = re.compile(
            r"(?<![\w.])("
            + "|".join(re.escape(form) for form in sorted(family, key=len, reverse=True))
            + r")(?![\w’'])(\.?)"
        )
        for sentence in sentences:
            sentence.text = _restyled(sentence.text, pattern, family[0])


def _restyled(text: str, pattern: re.Pattern[str], style: str) -> str:
    """`text` with the forms `pattern` finds outside quotation marks written as `style`."""
    quoted = quotation_spans(text)
    parts: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        form, stop = match.group(1), match.group(2)
        if in_spans(match.start(), quoted):
            continue
        if style.endswith("."):
            written = style  # "US." closing a sentence is "U.S.", one full stop
        elif form.endswith(".") and _CLOSES.fullmatch(text, match.end()):
            written = style + "."  # "U.S." closing a sentence was its full stop too
        else:
            written = style + stop
        parts += [text[last : match.start()], written]
        last = match.end()
    return "".join([*parts, text[last:]])


def _by_style(variants: list[str]) -> dict[str, list[str]]:
    """The entity's written forms grouped by what is left without case, full stops and
    apostrophes."""
    groups: dict[str, list[str]] = {}
    for variant in variants:
        groups.setdefault(_style_free(variant), []).append(variant)
    return groups
