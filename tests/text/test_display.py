"""Text shown on a terminal holds nothing a terminal acts on; JSON keeps the exact text."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.text.display import escape_json, for_markdown, for_terminal, in_ascii

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text, tabs\tstay", "plain text, tabs\tstay"),
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("name\nsummarize: forged", "name\\nsummarize: forged"),
        ("carriage\rreturn", "carriage\\rreturn"),
        ("\x9b31m C1", "\\x9b31m C1"),
        ("report\u202etxt.exe", "report\\u202etxt.exe"),
        ("caf\udce9", "caf\\udce9"),
        ("é, ü, 中文, emoji 🙂 stay", "é, ü, 中文, emoji 🙂 stay"),
    ],
)
def test_for_terminal(text: str, shown: str) -> None:
    assert for_terminal(text) == shown


@given(st.text())
@settings(max_examples=300)
def test_nothing_a_terminal_acts_on_survives(text: str) -> None:
    shown = for_terminal(text)
    for char in shown:
        assert char == "\t" or unicodedata.category(char) not in ("Cc", "Cs", "Zl", "Zp")
        assert char not in BIDI


@given(st.text())
@settings(max_examples=300)
def test_json_keeps_the_exact_text_with_nothing_raw(text: str) -> None:
    encoded = escape_json(json.dumps({"text": text}, ensure_ascii=False))
    assert json.loads(encoded)["text"] == text
    assert not any(
        unicodedata.category(c) in ("Cc", "Zl", "Zp") or c in BIDI for c in encoded if c != "\n"
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[1,200 people](https://evil.example/x)", "\\[1,200 people\\](https://evil.example/x)"),
        ("![pixel](https://evil.example/p.png)", "!\\[pixel\\](https://evil.example/p.png)"),
        ("```Officials said so.", "\\`\\`\\`Officials said so."),
        ("### Not a heading", "\\### Not a heading"),
        ("12. Not a list", "12\\. Not a list"),
        ("<https://evil.example>", "\\<https://evil.example>"),
        ("more than 100 (> 100 pardons)", "more than 100 (> 100 pardons)"),
        ("> a quotation block", "\\> a quotation block"),
        ("&#27;[31m", "\\&#27;\\[31m"),
        ("_emphasis_ and *more*", "\\_emphasis\\_ and \\*more\\*"),
        # What Markdown reads as text already stays as written.
        ("000_82cead1f1c9ff3e4", "000_82cead1f1c9ff3e4"),
        ("S&P 500 and AT&T fell", "S&P 500 and AT&T fell"),
        ("&amp; is written out", "\\&amp; is written out"),
        ("Iran-backed militants, 12. in all", "Iran-backed militants, 12. in all"),
        ("5.9% lower", "5.9% lower"),
        ("-5 km from the coast", "-5 km from the coast"),
        ("- Not a list", "\\- Not a list"),
        ("--- not a rule", "\\--- not a rule"),
    ],
)
def test_markdown_shows_an_article_s_words_as_written(text: str, shown: str) -> None:
    assert for_markdown(text) == shown


def test_a_report_in_ascii_reads_the_same() -> None:
    text = json.dumps({"quote": "Zürich “flood” 😀", "ok": "plain"}, ensure_ascii=False)
    ascii_json = in_ascii(text, "json")
    assert ascii_json.isascii() and json.loads(ascii_json) == json.loads(text)
    page = "<p>Zürich “flood” 😀</p>"
    assert in_ascii(page, "html") == "<p>Z&#252;rich &#8220;flood&#8221; &#128512;</p>"
    assert in_ascii("Zürich", "markdown") == "Zürich"


def test_a_shortened_quote_ends_at_a_word() -> None:
    from summarize.text.display import shorten

    text = "Top advisers rewrote the report to obscure the true number of nursing-home deaths."
    assert shorten(text, 50) == "Top advisers rewrote the report to obscure the…"
    assert shorten("x" * 60, 20) == "x" * 19 + "…"
    assert shorten("short enough", 50) == "short enough"


def test_an_excerpt_shows_the_words_that_matter_mid_way() -> None:
    from summarize.text.display import excerpt

    text = (
        "Vice President Mike Pence said Sunday that the federal judge who halted President "
        "Trump's temporary immigration ban overstepped his authority, and that the "
        "administration would use all legal means."
    )
    shown = excerpt(text, {"ban", "immigr"}, 60)
    assert shown == "…Trump's temporary immigration ban overstepped his…"
    assert len(shown) <= 60
    opening = "Vice President Mike Pence said Sunday that the federal…"
    assert excerpt(text, {"absent"}, 60) == opening
    assert excerpt("short enough", {"short"}) == "short enough"


def test_an_excerpt_around_a_span_keeps_it_mid_way() -> None:
    from summarize.text.display import excerpt_around

    text = (
        "Arab countries once backed the rebels, have voiced concern, and have backed the president."
    )
    shown = excerpt_around(text, "and have backed", 40)
    assert "and have backed the" in shown and shown.startswith("…")
    assert len(shown) <= 40
