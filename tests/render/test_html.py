"""The HTML report: pure-Python checks of escaping, data and formatting, then a real browser.

The browser tests drive headless Chromium (Debian's `chromium` package) through tests/browser.py
and skip, saying why, where it is not installed; the pure-Python tests always run.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import shutil
import struct
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import get_args
from unittest.mock import patch

import pytest

from summarize.ingest import cluster_from_record, load_inputs, paragraphs
from summarize.models import (
    KIND_LABELS,
    Cluster,
    Document,
    Evidence,
    Finding,
    FindingKind,
    Report,
    SentenceRef,
    SummarySentence,
)
from summarize.pipeline import check, merge
from summarize.render.html import render_html
from summarize.render.html_parts import escape, script_json, source_sentence
from summarize.text.units import format_number, format_value
from tests.browser import Browser, find_chromium
from tests.stories import QUAKE, SEEDS, STRIKE, cluster_of

ROOT = Path(__file__).resolve().parents[2]
# The README's picture; the test writes it there only when asked (SUMMARIZE_WRITE_DOCS=1).
DOCS_SCREENSHOT = ROOT / "docs" / "report.png"
NEUS_PLACES = (
    ROOT / "evals" / "data" / "neus" / "clusters.jsonl",
    ROOT.parent / "shared" / "data" / "neus" / "clusters.jsonl",
)
STRIKE_DATES = {"day1": dt.date(2024, 5, 7), "day2": dt.date(2024, 5, 8)}
PAYLOAD = "<script>window.pwned = 1; alert(1)</script> <img src=x onerror=alert(2)> </p><!--"
INJECTED = {
    "clean": (
        "The council approved the new budget on Monday, the mayor said. The budget sets aside "
        "12 million dollars for road repairs over the next two years."
    ),
    "injected": (
        f"The council approved the new budget on Monday {PAYLOAD} the mayor said. The budget "
        "sets aside 15 million dollars for road repairs over the next two years."
    ),
}


# ---------------------------------------------------------------- stories


@pytest.fixture(scope="module")
def seeds() -> tuple[Cluster, Report]:
    cluster = load_inputs([str(path) for path in SEEDS])[0]
    return cluster, merge(cluster, max_words=200)


def neus_clusters(count: int) -> list[Cluster]:
    path = next((p for p in NEUS_PLACES if p.exists()), None)
    if path is None:
        pytest.skip("the NeuS clusters file is not on this machine")
    with path.open(encoding="utf-8") as lines:
        return [cluster_from_record(json.loads(next(lines))) for _ in range(count)]


STORIES = ("quake", "strike", "neus-0", "neus-1", "neus-2")


@functools.cache
def story(name: str) -> tuple[Cluster, Report]:
    """Stories other than the seeds: made-up ones with known findings, then real NeuS ones."""
    if name == "quake":
        quake = cluster_of(QUAKE, name="quake")
        return quake, merge(quake)
    if name == "strike":
        strike = cluster_of(STRIKE, STRIKE_DATES, name="strike")
        return strike, check(strike)
    cluster = neus_clusters(int(name.removeprefix("neus-")) + 1)[-1]
    return cluster, merge(cluster)


def injected_page() -> tuple[Cluster, Report, str]:
    # Ingest takes markup out of a text article; the page must be safe for whatever text a
    # report holds, so the payload is kept in it here.
    with patch.object(paragraphs, "_INLINE_MARKUP", re.compile(r"(?!)")):
        cluster = cluster_of(INJECTED, name=f"council {PAYLOAD}")
    cluster.documents[1].title = f"Budget {PAYLOAD}"
    cluster.documents[1].outlet = f"Outlet {PAYLOAD}"
    injected = cluster.documents[1]
    sentence = next(s for s in injected.sentences if PAYLOAD in s.text)
    report = merge(cluster)
    # what the checker says of a claim one report alone makes, quoting it
    quote = Evidence(
        document=injected.id, quote=sentence.text, start=sentence.start, end=sentence.end
    )
    report.findings.append(
        Finding(
            kind="unique_claim",
            severity="low",
            documents=[injected.id],
            evidence=[quote],
            explanation=f"Only {injected.id} says “{sentence.text}”.",
        )
    )
    assert report.summary is not None
    report.summary.append(SummarySentence(text=sentence.text, citations=[injected.id]))
    return cluster, report, render_html(report, cluster.documents)


# ---------------------------------------------------------------- reading a page in Python


class Page(HTMLParser):
    """Every start tag with its attributes, the ids, and the text inside each report's marks."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []
        self.marked: list[tuple[str, set[int], str]] = []  # (report id, findings, text)
        self.scripts: list[str] = []
        self._report = ""
        self._mark: set[int] | None = None
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        self.tags.append((tag, named))
        if named.get("id"):
            self.ids.append(str(named["id"]))
        if tag == "article":
            self._report = str(named["id"])
        elif tag == "mark" and named.get("data-findings"):
            self._mark = {int(i) for i in str(named["data-findings"]).split()}
        elif tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._mark = None
        elif tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        elif self._mark is not None:
            self.marked.append((self._report, self._mark, data))

    def data(self) -> dict:
        return json.loads(self.scripts[0])

    def marked_text(self, finding: int, report: str) -> str:
        return "".join(text for r, found, text in self.marked if r == report and finding in found)


def report_anchor(cluster: Cluster, document_id: str) -> str:
    return f"d{[d.id for d in cluster.documents].index(document_id) + 1}"


# ---------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    ("normalized", "unit", "shown"),
    [
        (20000, "m", "20 km = 12.4 mi"),
        (19312.128, "m", "19.3 km = 12 mi"),
        (30577.536, "m", "30.6 km = 19 mi"),
        (500, "m", "500 m = 1,640 ft"),
        (3_000_000, "count", "3,000,000"),
        (25, "count", "25"),
        (1_500_000_000, "USD", "1.5 billion USD"),
        (984_000_000_000, "USD", "984 billion USD"),
        (12_000_000, "EUR", "12 million EUR"),
        (750_000, "EUR", "750,000 EUR"),
        (2000, "kg", "2 t = 2.2 short tons"),
        (50, "kg", "50 kg = 110 lb"),
        (303.15, "K", "30 °C = 86 °F"),
        (12.5, "percent", "12.5%"),
        (3 * 86400, "s", "3 days"),
        (2.5e6, "m**2", "2.5 km² = 0.965 sq mi"),
        (50 / 3.6, "m/s", "50 km/h = 31.1 mph"),
        (2e9, "kg*m**2/s**3", "2 GW"),
    ],
)
def test_values_are_shown_in_units_people_read(normalized: float, unit: str, shown: str) -> None:
    assert format_value(normalized, unit) == shown


def test_numbers_keep_three_significant_digits_and_thousands_separators() -> None:
    assert [format_number(x) for x in (0, 0.05, 1.0, 12.427, 99.4, 1234.4, -2500)] == [
        "0",
        "0.05",
        "1",
        "12.4",
        "99.4",
        "1,234",
        "-2,500",
    ]


def test_every_finding_kind_has_a_label() -> None:
    assert set(KIND_LABELS) == set(get_args(FindingKind))


# ---------------------------------------------------------------- escaping


def test_script_json_cannot_end_its_script_element() -> None:
    data = {"text": "</script><script>alert(1)</script><!-- & \u2028", "n": [1, 2]}
    encoded = script_json(data)
    assert not set("<>&\u2028") & set(encoded)
    assert json.loads(encoded) == data


def test_injected_article_is_text_everywhere_in_the_page() -> None:
    _, report, page_html = injected_page()
    page = Page(page_html)
    tags = [tag for tag, _ in page.tags]
    assert "img" not in tags
    assert tags.count("script") == 2  # the JSON data and the page's own script
    assert [a.get("type") for t, a in page.tags if t == "script"] == ["application/json", None]
    assert not [name for _, attrs in page.tags for name in attrs if name.startswith("on")]
    assert html_escaped(PAYLOAD) in page_html
    assert "window.pwned" not in page.scripts[1]
    assert page.data()["findings"][-1]["explanation"] == report.findings[-1].explanation
    assert PAYLOAD in report.findings[-1].explanation
    assert "<!--" not in page_html.replace("<!DOCTYPE", "")


def html_escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_the_page_allows_only_its_own_style_and_script() -> None:
    _, _, page_html = injected_page()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page_html)
    assert policy is not None
    assert "default-src 'none'" in policy.group(1)
    assert policy.group(1).count("'sha256-") == 2
    assert "unsafe-inline" not in policy.group(1)


# ---------------------------------------------------------------- structure


def test_summary_citations_link_to_the_sentence_they_came_from(
    seeds: tuple[Cluster, Report],
) -> None:
    cluster, report = seeds
    page_html = render_html(report, cluster.documents)
    assert report.summary
    first = report.summary[0]
    source = cluster.documents[0]
    assert source.id in first.citations
    came_from = source_sentence(first, source)
    assert came_from is not None
    source_words = iter(came_from.text.split())
    assert all(word in source_words for word in first.text.split()[:8])  # perhaps shortened
    assert f'<a class="cite" href="#d1-s{came_from.index}"' in page_html


def test_source_sentence_is_the_one_compose_recorded() -> None:
    cluster = cluster_of(STRIKE, STRIKE_DATES)
    day1, day2 = cluster.documents[:2]
    said = SummarySentence(
        text="Reworded: 3,500 workers had joined by Wednesday.",
        citations=[day1.id, day2.id],
        sources=[SentenceRef(document=day2.id, sentence=1)],
    )
    assert source_sentence(said, day2) == day2.sentences[1]
    assert source_sentence(said, day1) is None  # cited, but no sentence recorded for it


@pytest.mark.parametrize("name", STORIES)
def test_every_link_resolves_and_every_sentence_has_an_id(name: str) -> None:
    cluster, report = story(name)
    page = Page(render_html(report, cluster.documents))
    ids = set(page.ids)
    assert len(ids) == len(page.ids), f"{name}: duplicate ids"
    targets = {str(a["href"])[1:] for t, a in page.tags if t == "a" and a.get("href")}
    assert targets <= ids, f"{name}: links to nothing: {targets - ids}"
    for number, document in enumerate(cluster.documents, start=1):
        for sentence in document.sentences:
            assert f"d{number}-s{sentence.index}" in ids
    assert len(page.data()["findings"]) == len(report.findings)


@pytest.mark.parametrize("name", STORIES)
def test_each_quote_is_marked_in_its_report(name: str) -> None:
    cluster, report = story(name)
    page = Page(render_html(report, cluster.documents))
    for index, finding in enumerate(report.findings):
        for document_id in {e.document for e in finding.evidence}:
            quotes = sorted((e.start, e.end) for e in finding.evidence if e.document == document_id)
            text = next(d.text for d in cluster.documents if d.id == document_id)
            expected = "".join(text[a:b] for a, b in merge_spans(quotes))
            marked = page.marked_text(index, report_anchor(cluster, document_id))
            assert marked == expected, f"{name}: finding {index} in {document_id}"


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def test_chart_puts_each_report_value_on_one_scale_with_its_date() -> None:
    cluster = cluster_of(STRIKE, STRIKE_DATES, name="strike")
    report = check(cluster)
    page_html = render_html(report, cluster.documents)
    svg = re.search(r"<svg class=\"chart\".*?</svg>", page_html)
    assert svg is not None
    rows = re.findall(r'class="row-label"[^>]*>([^<]*)<', svg.group())
    assert rows == ["[1] 2024-05-07", "[2] 2024-05-08"]
    dots = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg.group())]
    assert len(dots) == 2 and dots[0] < dots[1]  # 2,000 then 3,500 workers, left to right
    assert "About 3,500 workers" in svg.group()


def test_figures_too_large_for_an_axis_get_no_chart_and_the_page_is_written() -> None:
    huge = "17" + "0" * 307  # 1.7e308: finite, but its chart's ticks would overflow
    other = "12" + "0" * 307  # values 100 times apart would be no one figure
    reports = {
        "a": f"Officials said unemployment in the port town rose {huge}% last year. "
        + STRIKE["day1"],
        "b": f"Officials said unemployment in the port town rose {other}% last year. "
        + STRIKE["day1"],
    }
    cluster = cluster_of(reports, name="huge")
    report = check(cluster)
    assert any(finding.values for finding in report.findings)
    page_html = render_html(report, cluster.documents)
    assert 'id="findings"' in page_html


def test_check_report_has_no_summary_section_and_one_report_nothing_to_compare() -> None:
    cluster = cluster_of(QUAKE, name="quake")
    page_html = render_html(check(cluster), cluster.documents)
    assert 'id="summary"' not in page_html and 'id="findings"' in page_html
    single = cluster_of({"only": QUAKE["wire"]})
    alone = render_html(merge(single), single.documents)
    assert "Only one report: nothing to compare." in alone and 'id="summary"' in alone


def test_page_works_for_a_document_without_sentences() -> None:
    empty = Document(id="empty", text="Headline only\n\nAnother line")
    page = Page(render_html(Report(documents=[], findings=[]), [empty]))
    assert ("p", {"class": "extra"}) in page.tags


# ---------------------------------------------------------------- in a real browser

CHROMIUM = find_chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (apt-get install -y chromium); browser tests skipped",
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    assert CHROMIUM is not None
    opened = Browser(CHROMIUM, tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="module")
def seeds_url(seeds: tuple[Cluster, Report], tmp_path_factory: pytest.TempPathFactory) -> str:
    cluster, report = seeds
    path = tmp_path_factory.mktemp("pages") / "seeds.html"
    path.write_text(render_html(report, cluster.documents), encoding="utf-8")
    return path.as_uri()


def twenty_km_finding(report: Report) -> int:
    return next(
        index
        for index, finding in enumerate(report.findings)
        if finding.kind == "quantity_equivalent" and finding.values[0].unit == "m"
    )


REPORTS_WITH_ACTIVE = (
    "new Set([...document.querySelectorAll('.report mark.active')]"
    ".map(m => m.closest('.report').id)).size"
)


@needs_chromium
def test_seed_report_loads_with_no_console_errors_and_no_network(
    browser: Browser, seeds_url: str
) -> None:
    log = browser.open(seeds_url)
    assert browser.evaluate("document.documentElement.classList.contains('js')")
    assert log.errors == []
    assert log.requests == [seeds_url]
    assert browser.evaluate("document.querySelectorAll('article.report').length") == 5


@needs_chromium
def test_choosing_the_20_km_finding_by_keyboard_highlights_it_in_several_reports(
    browser: Browser, seeds_url: str, seeds: tuple[Cluster, Report]
) -> None:
    _, report = seeds
    index = twenty_km_finding(report)
    browser.open(seeds_url)
    browser.emulate_media(prefers_reduced_motion="reduce")
    browser.press("Tab")
    assert browser.evaluate("document.activeElement.className") == "skip"
    assert browser.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    browser.evaluate(f"document.querySelector('button.choose[data-finding=\"{index}\"]').focus()")
    browser.press("Enter")
    assert browser.evaluate(REPORTS_WITH_ACTIVE) >= 2
    first_top = browser.evaluate(
        "document.querySelector('mark.active').getBoundingClientRect().top"
    )
    assert 0 <= first_top <= browser.evaluate("innerHeight")
    assert "quotes in" in browser.evaluate("document.querySelector('.status-text').textContent")

    browser.press(" ")  # Space on the same (still focused) button lets go of it
    assert browser.evaluate("document.querySelectorAll('mark.active').length") == 0
    assert browser.log.errors == []


@needs_chromium
def test_filtering_out_a_kind_hides_its_findings_and_their_highlights(
    browser: Browser, seeds_url: str
) -> None:
    browser.open(seeds_url)
    browser.evaluate("document.querySelector('.filters input[value=\"framing\"]').click()")
    hidden = browser.evaluate(
        "[...document.querySelectorAll('.finding[data-kind=\"framing\"]')].every(f => f.hidden)"
    )
    assert hidden
    assert browser.evaluate(
        "[...document.querySelectorAll('mark[data-kinds=\"framing\"]')]"
        ".every(m => m.classList.contains('off'))"
    )
    assert browser.evaluate("document.querySelectorAll('.finding:not([hidden])').length") > 0


@needs_chromium
def test_injected_script_shows_as_text_and_never_runs(browser: Browser, tmp_path: Path) -> None:
    _, _, page_html = injected_page()
    path = tmp_path / "injected.html"
    path.write_text(page_html, encoding="utf-8")
    log = browser.open(path.as_uri())
    assert log.dialogs == []
    assert log.errors == []
    assert browser.evaluate("typeof window.pwned") == "undefined"
    assert browser.evaluate("document.querySelectorAll('img').length") == 0
    assert browser.evaluate("document.scripts.length") == 2
    shown = browser.evaluate("document.querySelector('#d2').innerText")
    assert "<script>window.pwned = 1; alert(1)</script>" in shown
    assert "<img src=x onerror=alert(2)>" in shown
    assert PAYLOAD in browser.evaluate("document.querySelector('#d2 h3').innerText")


@needs_chromium
def test_narrow_dark_and_printed_pages(browser: Browser, seeds_url: str) -> None:
    browser.open(seeds_url)
    columns = "getComputedStyle(document.querySelector('.report-grid')).gridTemplateColumns"
    assert len(browser.evaluate(columns).split()) >= 2
    browser.set_viewport(420, 900)
    assert len(browser.evaluate(columns).split()) == 1
    background = "getComputedStyle(document.documentElement).backgroundColor"
    light = browser.evaluate(background)
    browser.emulate_media(prefers_color_scheme="dark")
    assert browser.evaluate(background) != light
    browser.emulate_media("print")
    display = "getComputedStyle(document.querySelector('{}')).display"
    assert browser.evaluate(display.format(".filters input")) == "none"
    assert browser.evaluate(display.format(".report-grid")) == "block"
    browser.set_viewport(1400, 900)


@needs_chromium
def test_screenshot_of_the_seed_report(
    browser: Browser, seeds_url: str, seeds: tuple[Cluster, Report], tmp_path: Path
) -> None:
    """The README's picture: the 20 km finding chosen, the top of the page. Written to
    docs/report.png only with SUMMARIZE_WRITE_DOCS=1, so a test run leaves the checkout as is."""
    screenshot = tmp_path / "report.png"
    _, report = seeds
    browser.set_viewport(1400, 2100)
    browser.open(seeds_url)
    browser.emulate_media(prefers_reduced_motion="reduce")
    button = (
        f"document.querySelector('button.choose[data-finding=\"{twenty_km_finding(report)}\"]')"
    )
    browser.evaluate(f"{button}.click()")
    browser.evaluate("window.scrollTo(0, 0)")
    browser.screenshot(screenshot)
    browser.set_viewport(1400, 900)
    header = screenshot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1400, 2100)
    if os.environ.get("SUMMARIZE_WRITE_DOCS") == "1":
        shutil.copyfile(screenshot, DOCS_SCREENSHOT)


def test_control_characters_are_not_written_into_the_page() -> None:
    shown = escape("a\x1b[31mred\x00 and\x85 <b>\ttab\n")
    assert not any((0 < ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert shown == "a\ufffd[31mred\ufffd and\ufffd &lt;b&gt;\ttab\n"


def test_bidi_controls_do_not_reorder_what_the_page_shows() -> None:
    """An article's "\u202e" would show "exe.gnp" as "png.exe": it is dropped, the rest kept."""
    assert escape("invoice\u202egnp.exe \u2066x\u2069") == "invoicegnp.exe x"
