"""Tests for summarize.ingest: reading, cleaning and sentence splitting."""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from summarize.ingest import (
    MAX_INPUT_BYTES,
    cluster_from_record,
    document_from_text,
    load_inputs,
    split_sentences,
)
from summarize.ingest.cleaning import read_article
from summarize.models import Cluster, Document
from tests.stories import NEUS

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "syria-hama"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"

ARTICLE = (
    "Floodwaters swept through the river valley on Sunday, forcing thousands of residents "
    "to leave their homes, officials said.\n\n"
    "Emergency crews rescued 120 people from rooftops in the town of Millbrook.\n"
)


def assert_offsets_exact(document: Document) -> None:
    assert document.sentences, document.id
    for index, sentence in enumerate(document.sentences):
        assert sentence.index == index
        assert document.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def sentence_texts(document: Document) -> list[str]:
    return [sentence.text for sentence in document.sentences]


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    (cluster,) = load_inputs([str(SEEDS)])
    assert cluster.problems == []
    return {document.id[:3]: document for document in cluster.documents}


# ---------------------------------------------------------------- the seed story


def test_seed_directory_is_one_cluster_named_after_it() -> None:
    (cluster,) = load_inputs([str(SEEDS)])
    assert cluster.id == "syria-hama"
    assert [document.id for document in cluster.documents] == sorted(
        path.stem for path in SEEDS.glob("*.txt")
    )
    assert cluster.documents[0].path == str(SEEDS / "000_82cead1f1c9ff3e4.txt")


def test_seed_files_listed_one_by_one_form_the_same_cluster() -> None:
    files = sorted(str(path) for path in SEEDS.glob("*.txt"))
    (cluster,) = load_inputs(files)
    assert cluster.id == "syria-hama"
    assert len(cluster.documents) == 5


def test_every_seed_has_exact_offsets(seeds: dict[str, Document]) -> None:
    for document in seeds.values():
        assert_offsets_exact(document)


def test_ap_seed_gets_date_dateline_and_agency(seeds: dict[str, Document]) -> None:
    document = seeds["000"]
    assert document.published == dt.date(2024, 12, 4)
    assert document.dateline == "BEIRUT"
    assert document.outlet == "AP"
    assert document.text.startswith("Syria said Wednesday its counteroffensive")
    assert document.sentences[0].text.startswith("Syria said Wednesday")
    assert "date 2024" not in document.text


def test_abbreviations_and_quotes_in_seed(seeds: dict[str, Document]) -> None:
    texts = sentence_texts(seeds["000"])
    quote = next(text for text in texts if text.startswith("“If we do not see"))
    assert quote.endswith("Pedersen said in an address the U.N. Security Council.")
    assert (
        '"Syria will be in grave danger of further division, deterioration, and destruction."'
        in texts
    )
    assert any(text.endswith("the U.N. special envoy for Syria, said Tuesday.") for text in texts)
    assert any(text.startswith("Fierce fighting has raged for days") for text in texts)


def test_web_copy_seed_loses_chrome_and_gets_title(seeds: dict[str, Document]) -> None:
    document = seeds["002"]
    assert document.title == "Syrian government's counteroffensive pushes insurgents back from Hama"
    assert document.text.startswith("SYRIA’S government said today")
    for chrome in ("Skip to main content", "subscriber", "Support the", "Similar stories"):
        assert chrome not in document.text
    assert "Anniversary Appeal" not in document.text
    texts = sentence_texts(document)
    assert not any("stand atop a seized military" in text for text in texts)  # photo caption
    assert not any(text.startswith("But a jihadist group") for text in texts)  # standfirst
    assert (
        texts[-1]
        == "“Syria will be in grave danger of further division, deterioration and destruction.”"
    )
    assert document.published is None  # the caption's date is not the publication date


def test_in_body_headings_stay_out_of_sentences(seeds: dict[str, Document]) -> None:
    document = seeds["003"]
    texts = sentence_texts(document)
    assert "Insurgency Claims Key Captures" in document.text
    assert not any("Insurgency Claims Key Captures" in text for text in texts)
    assert not any("Regional Powers Push" in text for text in texts)
    assert not any("additional reporting" in text for text in texts)
    assert document.title is None  # the story starts with prose: no title line
    assert len(texts) == 15


def test_indented_seed_with_date_section_and_own_line_dateline(seeds: dict[str, Document]) -> None:
    document = seeds["004"]
    assert document.published == dt.date(2024, 12, 3)
    assert document.title == (
        "Syrian insurgents capture four central towns as government forces reclaim some territory"
    )
    assert document.dateline == "BEIRUT"
    assert document.outlet is None
    assert document.text.startswith("Syrian insurgents captured four new towns early Tuesday")
    assert "World" not in document.text
    assert all(line == line.strip() for line in document.text.splitlines())
    assert "the U.S.-backed SDF saying" in document.sentences[12].text


def test_seed_without_blank_lines_keeps_one_paragraph_per_line(
    seeds: dict[str, Document],
) -> None:
    document = seeds["001"]
    assert [sentence.paragraph for sentence in document.sentences[:4]] == [0, 0, 1, 1]
    assert document.title is None and document.published is None


# ---------------------------------------------------------------- cleaning other stories


def test_generic_chrome_removed_from_another_story() -> None:
    text = (
        "Skip to content\n"
        "Menu\n"
        "Central bank raises rates for the third time this year\n"
        "By Maria Lopez\n"
        "Published: March 15, 2023\n"
        "\n"
        "FRANKFURT (Reuters) - The central bank raised its key interest rate by half a point "
        "on Thursday, its third increase this year.\n"
        "Advertisement\n"
        "Policymakers said inflation remained too high, at 8.5 percent in February.\n"
        "Story continues below advertisement\n"
        "More than 2 million households subscribe to variable-rate mortgages, the bank said.\n"
        "Sign up for our newsletter to get the latest news delivered to your inbox.\n"
        "Share this article\n"
        "What happens next\n"
        "The next meeting is scheduled for May.\n"
        "Related stories\n"
        "Markets slide as bank raises rates\n"
        "Why mortgages cost more this spring.\n"
    )
    document = document_from_text(text, "rates")
    assert document.title == "Central bank raises rates for the third time this year"
    assert document.published == dt.date(2023, 3, 15)
    assert (document.dateline, document.outlet) == ("FRANKFURT", "Reuters")
    for chrome in ("Skip to", "Advertisement", "Story continues", "newsletter", "Share this"):
        assert chrome not in document.text
    assert "Markets slide" not in document.text and "Why mortgages" not in document.text
    assert "Maria Lopez" not in document.text
    assert sentence_texts(document) == [
        "The central bank raised its key interest rate by half a point on Thursday, "
        "its third increase this year.",
        "Policymakers said inflation remained too high, at 8.5 percent in February.",
        "More than 2 million households subscribe to variable-rate mortgages, the bank said.",
        "The next meeting is scheduled for May.",
    ]
    assert "What happens next" in document.text  # a heading stays in the text, not in sentences


def test_photo_captions_with_credits_are_not_sentences() -> None:
    text = (
        "FILE - Rescue workers search a collapsed building in the old town on May 2, 2022. "
        "(AP Photo/Jane Roe, File)\n\n"
        "CANBERRA - An Australian court sentenced a man to 12 years in prison on Thursday for "
        "the death of a hiker in 1988.\n\n"
        "The judge said the crime had caused lasting grief. (REUTERS/John Smith)\n\n"
        "The family said it welcomed the verdict.\n"
    )
    document = document_from_text(text, "court")
    assert document.dateline == "CANBERRA"
    assert document.title is None
    assert sentence_texts(document) == [
        "An Australian court sentenced a man to 12 years in prison on Thursday for the death "
        "of a hiker in 1988.",
        "The family said it welcomed the verdict.",
    ]


def test_wrapped_lines_are_joined_back() -> None:
    text = (
        "The mayor said on Friday that the old bridge over the river would\n"
        "reopen next week after repairs.\n\nIt closed in June."
    )
    document = document_from_text(text, "bridge")
    assert sentence_texts(document) == [
        "The mayor said on Friday that the old bridge over the river would reopen next week "
        "after repairs.",
        "It closed in June.",
    ]


def test_a_headline_joined_to_a_dateline_is_the_title() -> None:
    text = (
        "Postmaster testifies that ballots will go through despite cuts. WASHINGTON (AP) — The "
        "postmaster general said Friday he has no plans to restore the sorting machines."
    )
    document = document_from_text(text, "mail")
    assert document.title == "Postmaster testifies that ballots will go through despite cuts"
    assert (document.dateline, document.outlet) == ("WASHINGTON", "AP")
    assert sentence_texts(document) == [
        "The postmaster general said Friday he has no plans to restore the sorting machines."
    ]


STANDFIRST = (
    "The president's plans would push federal spending to its highest sustained levels since "
    "World War II."
)
LEAD = "President Biden will propose a $6 trillion budget on Friday."


@pytest.mark.parametrize(
    "text",
    [
        # the standfirst on a line of its own, between the headline and the dateline
        f"Biden to propose $6 trillion budget\n\n{STANDFIRST}\n\nWASHINGTON (AP) — {LEAD}",
        # the same run into one line after the headline (a record's "Title. text" source)
        f"Biden to propose $6 trillion budget\n\n{STANDFIRST} WASHINGTON (AP) — {LEAD}",
    ],
)
def test_the_standfirst_before_a_dateline_is_no_story_sentence(text: str) -> None:
    document = document_from_text(f"{text}\n\nThe plan was drafted in March.", "budget")
    assert (document.title, document.dateline, document.outlet) == (
        "Biden to propose $6 trillion budget",
        "WASHINGTON",
        "AP",
    )
    assert sentence_texts(document) == [LEAD, "The plan was drafted in March."]


def test_a_dateline_after_more_than_a_standfirst_is_left_in_the_story() -> None:
    """A dateline three sentences in opens a later part of the story (wire copy filed from two
    cities), so the sentences before it are the story's own."""
    opening = "Officials met on Monday. They talked for hours. Nothing was agreed."
    document = document_from_text(f"Talks stall\n\n{opening} LONDON — {LEAD}", "talks")
    assert document.dateline is None
    assert sentence_texts(document)[:3] == [
        "Officials met on Monday.",
        "They talked for hours.",
        "Nothing was agreed.",
    ]


@pytest.mark.parametrize(
    ("first_line", "dateline", "outlet", "starts"),
    [
        ("BEIRUT — (AP) — Syria said Wednesday", "BEIRUT", "AP", "Syria said"),
        ("WASHINGTON (Reuters) - The Senate voted", "WASHINGTON", "Reuters", "The Senate"),
        ("LONDON, Dec 3 (Reuters) - Shares fell", "LONDON", "Reuters", "Shares fell"),
        ("KYIV, Ukraine (AP) — Air raid sirens sounded", "KYIV", "AP", "Air raid"),
        ("NEW YORK -- Shares of the carmaker rose", "NEW YORK", None, "Shares of"),
        ("SYRIA’S government said today", None, None, "SYRIA’S government"),
        ("NATO - the alliance - said today", None, None, "NATO - the alliance"),
        ("FILE - Officials said today", None, None, "FILE - Officials"),
    ],
)
def test_datelines(first_line: str, dateline: str | None, outlet: str | None, starts: str) -> None:
    document = document_from_text(f"{first_line} that talks would resume in the spring.", "d")
    assert (document.dateline, document.outlet) == (dateline, outlet)
    assert document.text.startswith(starts)
    assert document.sentences[0].start == 0


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Published: December 3, 2024", dt.date(2024, 12, 3)),
        ("Updated 3 Dec 2024 14:05 GMT", dt.date(2024, 12, 3)),
        ("2023-02-06T08:15:00Z", dt.date(2023, 2, 6)),
        ("Tuesday, December 3, 2024", dt.date(2024, 12, 3)),
        ("Posted on Sept. 9, 2021 at 5:30 p.m.", dt.date(2021, 9, 9)),
        ("date 2024-02-30", None),  # not a real day
        ("A parade is planned for December 3, 2024", None),  # a date inside a line is not it
    ],
)
def test_published_date_lines(line: str, published: dt.date | None) -> None:
    document = document_from_text(f"Parade route announced\n{line}\n\n{ARTICLE}", "p")
    assert document.published == published
    assert document.title == "Parade route announced"
    assert document.text.startswith("Floodwaters")


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Updated 3:45 PM EST, December 4, 2024", id="a time before the date"),
        pytest.param("Updated 10:12 AM EST, Wed December 4, 2024", id="a time and a weekday"),
        pytest.param("Published: 09:15 EST, 4 December 2024", id="a 24-hour time before"),
        pytest.param("December 4, 2024 9:15 AM UTC", id="a time in capitals after"),
        pytest.param("Wed, December 4, 2024 at 9:15 AM EST", id="a weekday and 'at' a time"),
        pytest.param("Published Wed, Dec 4 2024 7:02 AM EST", id="no comma before the year"),
        pytest.param("Published On 4 Dec 2024", id="the label in any case"),
        pytest.param("Last updated: 04 Dec 2024 - 09:15 GMT+1", id="a dash before the time"),
        pytest.param("December 4, 20249:15 AM UTCUpdated ago", id="the time run into the year"),
        pytest.param(
            "Published: 09:15 EST, 4 December 2024 | Updated: 15:45 EST, 5 December 2024",
            id="the updated stamp after it",
        ),
        pytest.param("Dec. 4, 2024, 9:15 a.m. ET | Updated 2 hours ago", id="a stamp of time ago"),
        pytest.param("TNN / Updated: Dec 4, 2024, 09:15 IST", id="a desk's initials before it"),
        pytest.param("PTI | Dec 4, 2024, 14:02 IST", id="an agency's initials before it"),
        pytest.param("Dec 4, 2024 - Energy & Environment", id="a section's name after it"),
    ],
)
def test_a_date_stamp_in_the_layouts_pages_print(line: str) -> None:
    """A page's date line: a label in any case, a time before or after the date (in any case,
    with its zone, run into the year when the page was copied without its markup), and the
    page's later stamps on the line, which go with it: no part of it is left to be a title."""
    document = document_from_text(f"{line}\n\n{ARTICLE}", "p")
    assert document.published == dt.date(2024, 12, 4)
    assert document.title is None
    assert document.text.startswith("Floodwaters")


BYLINE_AND_DATE = "By Catie Edmondson\n\nDec. 4, 2024"


@pytest.mark.parametrize(
    "header",
    [
        # a standfirst ending in a stop, between the headline and the byline
        pytest.param(
            "Senate passes farm bill\n\nThe measure extends food aid and now goes to the House."
            f"\n\n{BYLINE_AND_DATE}",
            id="after a standfirst",
        ),
        # a box of key points above the date
        pytest.param(
            "Key Points\n\nDeere cut its forecast to $5 billion.\n\nShares fell 4% before the "
            "bell.\n\nThe CEO said customers were cautious.\n\nPublished Wed, Dec 4 2024 7:02 AM "
            "EST",
            id="after key points",
        ),
        # a copied page's buttons and labels between the headline and the date
        pytest.param(
            "Democracy Dies in Darkness\n\nSenate passes farm bill\n\nThe measure extends SNAP "
            "benefits\n\n4 min\nSummarize\nComment\nGift Article\nShare\n\n"
            f"{BYLINE_AND_DATE} at 9:15 a.m. EST",
            id="deep in a copied header",
        ),
        # the label on a line of its own above its date
        pytest.param(
            "Home\nNews\nSport\nBusiness\n\nSenate passes farm bill\n\nPublished\n4 December 2024",
            id="the label above the date",
        ),
    ],
)
def test_the_date_line_is_found_through_the_header(header: str) -> None:
    document = document_from_text(f"{header}\n\n{ARTICLE}", "farm")
    assert document.published == dt.date(2024, 12, 4)
    assert document.text.endswith(ARTICLE.strip())
    assert not any("2024" in text or "Published" in text for text in sentence_texts(document))


LONG_LEAD = (
    "The Senate passed a sprawling $95 billion farm bill early Wednesday after negotiators "
    "reached an overnight deal over crop insurance, clearing a major hurdle for legislation that "
    "has been stalled for more than a year."
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Farm bill passes\n\nThe law takes effect December 4, 2024.\n\n" + ARTICLE,
            id="a date inside a sentence",
        ),
        pytest.param(
            "Health rules change\n\nUpdated guidance was issued December 4, 2024, officials "
            "said.\n\n" + ARTICLE,
            id="a label word opening a sentence",
        ),
        pytest.param(
            "Farm bill passes\n\nWASHINGTON (AP) — The Senate passed the farm bill.\n\n"
            "December 4, 2024\n\n" + ARTICLE,
            id="a date line after the dateline",
        ),
        pytest.param(
            f"Farm bill passes\n\n{LONG_LEAD}\n\nDecember 4, 2024\n\n" + ARTICLE,
            id="a date line after a long paragraph",
        ),
        pytest.param(
            f"Farm bill passes\n\n{ARTICLE * 3}\nDecember 4, 2024\n\n{ARTICLE}",
            id="a date line after more prose than a standfirst",
        ),
    ],
)
def test_a_date_in_the_story_is_no_publication_date(text: str) -> None:
    """The date line is the header's: a date in a story sentence, or on a line of its own once
    the story has begun (at its dateline, or past a standfirst's length of prose), is the
    story's."""
    document = document_from_text(text, "story")
    assert document.published is None
    assert any("officials said" in sentence for sentence in sentence_texts(document))


def test_a_labelled_date_leaves_its_line_without_the_label_s_punctuation() -> None:
    line = "PUBLISHED FEBRUARY 23, 2021: House Democrats are forging ahead with a vote on Friday."
    document = document_from_text(f"{line}\n\n{ARTICLE}", "p")
    assert document.published == dt.date(2021, 2, 23)
    assert document.sentences[0].text.startswith("House Democrats are forging ahead")


def test_given_metadata_wins_over_found() -> None:
    text = "date 2024-12-04 BEIRUT (AP) - Talks resumed on Monday between the two sides."
    document = document_from_text(
        text, "x", title="Talks resume", outlet="Daily Planet", published=dt.date(2024, 1, 2)
    )
    assert (document.title, document.outlet, document.published) == (
        "Talks resume",
        "Daily Planet",
        dt.date(2024, 1, 2),
    )
    assert document.dateline == "BEIRUT"


# ---------------------------------------------------------------- HTML and markdown


def test_html_page_drops_nav_footer_and_related_links() -> None:
    (cluster,) = load_inputs([str(FIXTURES / "quake.html")])
    (document,) = cluster.documents
    assert document.id == "quake"
    assert document.title == "Strong earthquake strikes coastal region, dozens dead"
    assert document.published == dt.date(2023, 2, 6)
    assert document.outlet == "Daily Planet"
    assert document.dateline == "ANKARA"
    for chrome in ("Home", "cookies", "Subscribe", "newsletter", "Copyright", "Floods hit"):
        assert chrome not in document.text
    assert document.text.startswith("A magnitude 7.8 earthquake struck")
    texts = sentence_texts(document)
    assert "“Our street is gone.”" in texts
    assert texts[-1].endswith("according to the U.S. Geological Survey.")
    assert_offsets_exact(document)


@pytest.mark.parametrize(
    ("stated", "published"),
    [
        pytest.param("", None, id="no date stated"),
        pytest.param("<p>Published March 9, 2020</p>", dt.date(2020, 3, 9), id="a published line"),
        pytest.param(
            '<time datetime="2020-03-09">March 9</time>', dt.date(2020, 3, 9), id="a time element"
        ),
    ],
)
def test_a_page_date_is_where_the_page_states_it_never_a_year_of_its_story(
    stated: str, published: dt.date | None
) -> None:
    page = (
        "<html><head><title>Stocks plunge</title></head><body><article>"
        f"{stated}<p>{ARTICLE}</p><p>It was the worst day since the crash of 2008-09, and "
        "investors have been nervous since the 2016 election, traders said.</p>"
        "</article></body></html>"
    )
    assert document_from_text(page, "stocks", kind="html").published == published


@pytest.mark.parametrize(
    "reference", ["&#12;", "&#1", "&#x1F;", "&#00031;", "&#xFFFE;", "&#65535;"]
)
def test_a_reference_to_a_control_character_does_not_cost_the_page(reference: str) -> None:
    page = (
        "<html><head><title>Floods</title></head><body><article>"
        f"<p>{ARTICLE}</p><p>Page feed {reference} end.</p></article></body></html>"
    )
    document = document_from_text(page, "floods", kind="html")
    assert sentence_texts(document)[0].startswith("Floodwaters swept through the river valley")


LATER = "<p>Rescuers reached the last cut-off village on Monday, the army said.</p>"


@pytest.mark.parametrize(
    "tag",
    [
        pytest.param("<div a0 a1 a2 a3 a4 a5>", id="spaces"),
        pytest.param("<div a0/a1/a2/a3/a4/a5>", id="slashes"),
        pytest.param('<div a0="0"a1="1"a2="2"a3="3"a4="4"a5="5">', id="quoted values"),
        pytest.param('<div a0=">" a1=">" a2=">" a3=">" a4=">" a5=">">', id="quoted >"),
    ],
)
def test_a_page_is_read_up_to_a_tag_of_too_many_attributes(
    tag: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("summarize.ingest.article_bounds.MAX_TAG_ATTRIBUTES", 5)
    page = f"<html><body><article><p>{ARTICLE}</p>{tag}{LATER}</div></article></body></html>"
    document, cuts = read_article(page, "floods", kind="html")
    assert sentence_texts(document)[0].startswith("Floodwaters swept through the river valley")
    assert "Rescuers" not in document.text
    left_out = len(page) - page.index("<div")
    assert cuts == [
        "read it up to a tag of over 5 attributes (no real tag has that many); "
        f"the {left_out:,} characters from it were left out"
    ]


def test_a_page_is_read_up_to_its_bound_of_attributes_in_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("summarize.ingest.article_bounds.MAX_PAGE_ATTRIBUTES", 8)
    spans = '<span a="1" b="2" c="3">x</span>' * 3
    page = f"<html><body><article><p>{ARTICLE}</p>{spans}{LATER}</article></body></html>"
    document, cuts = read_article(page, "floods", kind="html")
    assert sentence_texts(document)[0].startswith("Floodwaters swept through the river valley")
    assert "Rescuers" not in document.text
    third = page.index("<span", page.index("<span", page.index("<span") + 1) + 1)
    assert cuts == [
        "read it up to its 8th attribute (a large page has far fewer); "
        f"the {len(page) - third:,} characters from it were left out"
    ]


def test_a_page_is_read_up_to_its_bound_of_table_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("summarize.ingest.article_bounds.MAX_TABLE_CELLS", 4)
    row = "<table><tr>" + "<TD>x" * 6 + "</table>"  # unclosed, in capitals: cells all the same
    page = f"<html><body><article><p>{ARTICLE}</p>{row}{LATER}</article></body></html>"
    document, cuts = read_article(page, "floods", kind="html")
    assert sentence_texts(document)[0].startswith("Floodwaters swept through the river valley")
    assert "Rescuers" not in document.text
    fifth = page.index("<TD>") + len("<TD>x") * 4
    assert cuts == [
        "read it up to its 4th table cell (a news page has hundreds); "
        f"the {len(page) - fifth:,} characters from it were left out"
    ]


@pytest.mark.parametrize(
    "tag",
    [
        pytest.param("<div a0 a1 a2 a3 a4>", id="at the bound"),
        pytest.param(
            f'<img src="data:image/png;base64,{"A" * 100_000}" alt="x y z a b c d e f">',
            id="a long quoted value",
        ),
        pytest.param(
            '<div title="a b c d e f g h" data-props=\'{"a": 1, "b": 2, "c": 3}\'>',
            id="spaces in quoted values",
        ),
    ],
)
def test_a_tag_within_the_attribute_bound_is_read_past(
    tag: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("summarize.ingest.article_bounds.MAX_TAG_ATTRIBUTES", 5)
    page = f"<html><body><article><p>{ARTICLE}</p>{tag}{LATER}</article></body></html>"
    document, cuts = read_article(page, "floods", kind="html")
    assert "Rescuers reached the last cut-off village" in document.text
    assert cuts == []


def test_markdown_markup_is_stripped() -> None:
    (cluster,) = load_inputs([str(FIXTURES / "budget.md")])
    (document,) = cluster.documents
    assert document.title == "City council approves new transit budget"
    for markup in ("**", "](", "![", "#", "```", "_optimistic_", "route_id", "Sam Lee"):
        assert markup not in document.text
    texts = sentence_texts(document)
    assert texts[0].startswith("The city council on Tuesday approved a $1.2 billion transit")
    assert "Council members voted 9-4 after a three-hour debate over fares." in texts
    assert '"This is the biggest investment in a decade," Mayor Ana Ruiz said.' in texts
    assert "What changes for riders" not in " ".join(texts)
    assert_offsets_exact(document)


def test_markdown_front_matter_gives_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        '---\ntitle: "Drought deepens"\ndate: 2022-07-19\n---\n\n' + ARTICLE, encoding="utf-8"
    )
    (document,) = load_inputs([str(path)])[0].documents
    assert (document.title, document.published) == ("Drought deepens", dt.date(2022, 7, 19))
    assert document.text.startswith("Floodwaters")


def test_trafilatura_is_imported_only_for_html() -> None:
    code = (
        "import sys; from summarize.ingest import load_inputs; "
        f"load_inputs([{str(SEEDS)!r}]); assert 'trafilatura' not in sys.modules; "
        f"load_inputs([{str(FIXTURES / 'quake.html')!r}]); assert 'trafilatura' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ---------------------------------------------------------------- JSON clusters and stdin


def neus_records(count: int) -> list[dict]:
    with NEUS.open(encoding="utf-8") as lines:
        return [json.loads(next(lines)) for _ in range(count)]


def test_neus_record_titles_and_ids() -> None:
    record = neus_records(1)[0]
    cluster = cluster_from_record(record)
    assert cluster.id == "neus-test-0" and cluster.problems == []
    assert [document.id for document in cluster.documents] == [
        "neus-test-0-1",
        "neus-test-0-2",
        "neus-test-0-3",
    ]
    first = cluster.documents[0]
    assert first.title == "Senate Democrats say top NRA officials knew about Kremlin ties"
    assert first.sentences[0].text.startswith("A new report by Democrats on the Senate Finance")
    assert any("Sen. Ron Wyden, D-Oregon" in text for text in sentence_texts(cluster.documents[2]))


def test_a_title_ending_in_a_question_is_joined_by_its_own_period() -> None:
    record = {
        "id": "c",
        "sources": [
            "US deficit hits $1 trillion. When will it matter?. WASHINGTON (AP) — The "
            "administration reported a river of red ink on Friday, the Treasury said.",
            "(CNSNews.com) -- The deficit for the budget year surged to $984 billion, the "
            "highest in seven years.",
        ],
    }
    first, second = cluster_from_record(record).documents
    assert first.title == "US deficit hits $1 trillion. When will it matter?"
    assert (first.dateline, first.outlet) == ("WASHINGTON", "AP")
    assert first.text.startswith("The administration reported")
    # an agency alone, with its dash, is a dateline too
    assert second.outlet == "CNSNews.com"
    assert second.text.startswith("The deficit for the budget year")


def test_a_title_of_several_sentences_is_joined_by_its_own_period() -> None:
    record = {
        "id": "c",
        "sources": [
            "President Trump Is Unfit for This Crisis. Period.. The coronavirus is no longer "
            "just a slow-moving public health crisis, and the response has faltered for weeks.",
            "The Dow fell... and fell. Traders sold shares of every kind on Thursday, and the "
            "index closed at its lowest level in a year.",
        ],
    }
    first, second = cluster_from_record(record).documents
    assert first.title == "President Trump Is Unfit for This Crisis. Period."
    assert first.text.startswith("The coronavirus is no longer")
    assert second.title != "The Dow fell.."  # an ellipsis joins nothing


def test_a_long_headline_in_headline_capitals_is_the_title() -> None:
    headline = (
        "Jim Acosta Hits Back After Trump Says He Should Be Ashamed: CNN's Record On the Truth "
        "Is a Lot Better Than Yours"
    )
    sentence = (
        "Donald Trump and Jim Acosta attacked each other on Tuesday when the CNN reporter pressed "
        "the president on a departure, and the exchange went on for several minutes at length."
    )
    record = {"id": "c", "sources": [f"{headline}. {sentence}", f"{sentence} {sentence}"]}
    assert len(headline.split()) > 20
    first, second = cluster_from_record(record).documents
    assert first.title == headline and first.text == sentence
    assert second.title is None  # a sentence of prose that long is no headline


def test_every_neus_cluster_reads_cleanly() -> None:
    clusters = load_inputs([str(NEUS)])
    assert len(clusters) == 307
    for cluster in clusters:
        assert cluster.problems == [], cluster.problems
        assert len(cluster.documents) == 3
        for document in cluster.documents:
            assert_offsets_exact(document)


def test_headline_split_keeps_initialisms_and_short_bodies() -> None:
    cluster = cluster_from_record(
        {
            "id": "jobs",
            "sources": [
                "U.S. Jobless Claims Fell to 1.2 Million in Aug. 1 Week. Filings for jobless "
                "benefits fell last week to their lowest level since March.",
                "Workers Leave the U.S. Filings rose.",
            ],
        }
    )
    first, second = cluster.documents
    assert first.title == "U.S. Jobless Claims Fell to 1.2 Million in Aug. 1 Week"
    assert first.text.startswith("Filings for jobless benefits")
    assert second.title is None  # no prose after the headline: keep it all as text
    assert second.text == "Workers Leave the U.S. Filings rose."


def test_object_sources_and_bad_sources() -> None:
    record = {
        "id": 7,
        "reference": "ignored",
        "sources": [
            {
                "id": "wire",
                "text": ARTICLE,
                "title": "Floods",
                "outlet": "Wire",
                "published": "2021-07-15",
                "url": "https://example.org/floods",
            },
            {"text": "PARIS (AFP) - " + ARTICLE, "published": "sometime"},
            {"id": "wire", "text": ARTICLE},
            {"title": "no text"},
            42,
            "too short",
            "  ",
        ],
    }
    cluster = cluster_from_record(record, "floods.jsonl:3")
    assert cluster.id == "7"
    assert [document.id for document in cluster.documents] == ["wire", "7-2", "wire-2"]
    wire, afp, _ = cluster.documents
    assert (wire.title, wire.outlet, wire.published) == ("Floods", "Wire", dt.date(2021, 7, 15))
    assert (afp.outlet, afp.dateline, afp.published) == ("AFP", "PARIS", None)
    assert [(problem.source, problem.message[:20]) for problem in cluster.problems] == [
        ("floods.jsonl:3 source 4", 'no "text": expected '),
        ("floods.jsonl:3 source 5", "expected a string or"),
        ("floods.jsonl:3 source 6", "not an article: no s"),
        ("floods.jsonl:3 source 7", "empty source (only w"),
    ]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ([1, 2], "got an array"),
        ({"id": "a"}, 'no "sources"'),
        ({"id": "a", "sources": []}, 'no "sources"'),
        ({"id": "a", "sources": "text"}, 'no "sources"'),
    ],
)
def test_bad_records_become_problems(record: object, message: str) -> None:
    cluster = cluster_from_record(record, "in.json")  # type: ignore[arg-type]
    assert cluster.documents == []
    assert message in cluster.problems[0].message
    assert cluster.problems[0].source == "in.json"


def test_jsonl_file_with_a_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    good = {"id": "floods", "sources": [ARTICLE, "PARIS (AFP) - " + ARTICLE]}
    path.write_text(json.dumps(good) + "\n\n{broken\n" + json.dumps(good) + "\n", "utf-8")
    clusters = load_inputs([str(path)])
    assert [cluster.id for cluster in clusters] == ["floods", f"{path}:3", "floods"]
    assert len(clusters[0].documents) == 2
    assert clusters[1].problems[0].source == f"{path}:3"
    assert clusters[1].problems[0].message.startswith("not valid JSON")


def test_jsonl_file_with_a_line_not_utf8_keeps_its_other_lines(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    good = json.dumps({"id": "floods", "sources": [ARTICLE]}).encode()
    path.write_bytes(good + b'\n{"id": "caf\xe9", "sources": ["x"]}\n' + good + b"\n")
    clusters = load_inputs([str(path)])
    assert [cluster.id for cluster in clusters] == ["floods", f"{path}:2", "floods"]
    assert [len(cluster.documents) for cluster in clusters] == [1, 0, 1]
    assert problems_by_source(clusters[1]) == {
        f"{path}:2": "not UTF-8 text: invalid byte 0xe9 at byte offset 11 of the line "
        "(save it as UTF-8)"
    }


def test_jsonl_file_with_a_binary_line_or_joined_files_keeps_its_other_lines(
    tmp_path: Path,
) -> None:
    good = json.dumps({"id": "floods", "sources": [ARTICLE]}).encode()
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(good + b'\n{"id": "bad\x00"}\n' + good + b"\n")
    clusters = load_inputs([str(binary)])
    assert [len(cluster.documents) for cluster in clusters] == [1, 0, 1]
    assert problems_by_source(clusters[1]) == {
        f"{binary}:2": "binary (contains NUL bytes), not text"
    }
    # Two files saved with a BOM and joined: the second BOM opens a line mid-file.
    joined = tmp_path / "joined.jsonl"
    joined.write_bytes(codecs.BOM_UTF8 + good + b"\n" + codecs.BOM_UTF8 + good + b"\n")
    assert [len(cluster.documents) for cluster in load_inputs([str(joined)])] == [1, 1]


def test_json_file_object_and_array(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "a", "sources": [ARTICLE]}), "utf-8")
    many = tmp_path / "many.json"
    many.write_text(
        json.dumps([{"id": "b", "sources": [ARTICLE]}, {"sources": [ARTICLE]}]), "utf-8"
    )
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    clusters = load_inputs([str(one), str(many), str(broken)])
    assert [cluster.id for cluster in clusters] == ["a", "b", f"{many}[1]", "broken"]
    assert clusters[3].problems[0].message.startswith("not valid JSON")


def test_stdin_jsonl_json_and_text() -> None:
    lines = "\n".join(
        json.dumps({"id": name, "sources": [ARTICLE]}) for name in ("first", "second")
    )
    assert [cluster.id for cluster in load_inputs(["-"], io.StringIO(lines))] == ["first", "second"]
    array = json.dumps([{"id": "only", "sources": [ARTICLE, ARTICLE]}])
    (cluster,) = load_inputs(["-"], io.StringIO(array))
    assert [document.id for document in cluster.documents] == ["only-1", "only-2"]
    (cluster,) = load_inputs(["-"], io.StringIO("[Updated] " + ARTICLE))
    assert cluster.id == "cluster"
    assert [document.id for document in cluster.documents] == ["stdin"]


def test_stdin_jsonl_whose_first_line_is_broken_keeps_the_records_after_it() -> None:
    records = [json.dumps({"id": name, "sources": [ARTICLE]}) for name in ("first", "second")]
    stdin = io.StringIO("\n".join(["{not json", *records]))
    clusters = load_inputs(["-"], stdin)
    assert [cluster.id for cluster in clusters] == ["<stdin>:1", "first", "second"]
    (problem,) = clusters[0].problems
    assert problem.source == "<stdin>:1"
    assert problem.message.startswith("not valid JSON")
    assert [len(cluster.documents) for cluster in clusters] == [0, 1, 1]


def test_stdin_jsonl_with_a_line_not_utf8_keeps_the_other_lines() -> None:
    first, bad, third = (
        json.dumps({"id": name, "sources": [ARTICLE]}).encode()
        for name in ("first", "caf", "third")
    )
    bad = bad.replace(b'"caf"', b'"caf\xe9"')
    stdin = io.TextIOWrapper(io.BytesIO(b"\n".join([first, bad, third])))
    clusters = load_inputs(["-"], stdin)
    assert [cluster.id for cluster in clusters] == ["first", "<stdin>:2", "third"]
    assert problems_by_source(clusters[1]) == {
        "<stdin>:2": "not UTF-8 text: invalid byte 0xe9 at byte offset 11 of the line "
        "(save it as UTF-8)"
    }
    assert [len(cluster.documents) for cluster in clusters] == [1, 0, 1]


def test_stdin_jsonl_after_a_line_of_prose_keeps_its_records() -> None:
    records = [json.dumps({"id": name, "sources": [ARTICLE]}) for name in ("first", "second")]
    stdin = io.StringIO("\n".join(["clusters for today", *records]))
    clusters = load_inputs(["-"], stdin)
    assert [cluster.id for cluster in clusters] == ["<stdin>:1", "first", "second"]
    assert problems_by_source(clusters[0]) == {
        "<stdin>:1": "not valid JSON: Expecting value: line 1 column 1 (char 0)"
    }


def test_stdin_records_with_a_mistyped_key_are_each_reported() -> None:
    records = [json.dumps({"id": name, "source": [ARTICLE]}) for name in ("first", "second")]
    clusters = load_inputs(["-"], io.StringIO("\n".join(records)))
    assert [problems_by_source(cluster) for cluster in clusters] == [
        {f"<stdin>:{n}": 'no "sources": expected a non-empty list of articles'} for n in (1, 2)
    ]


@pytest.mark.parametrize(
    "text",
    [
        '{"status": "ok"}\n' + ARTICLE,
        ARTICLE + '\n{"error": "not found"}\n' + ARTICLE,
    ],
    ids=["first", "inside"],
)
def test_a_stdin_article_with_a_line_of_json_that_is_no_cluster_stays_an_article(
    text: str,
) -> None:
    (cluster,) = load_inputs(["-"], io.StringIO(text))
    assert [document.id for document in cluster.documents] == ["stdin"]
    assert cluster.problems == []


def test_stdin_json_over_many_lines_is_one_document() -> None:
    pretty = json.dumps({"id": "only", "sources": [ARTICLE, ARTICLE]}, indent=2)
    (cluster,) = load_inputs(["-"], io.StringIO(pretty))
    assert [document.id for document in cluster.documents] == ["only-1", "only-2"]


@pytest.mark.parametrize(
    ("start", "named"),
    [
        (b"%PDF-1.7\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive (a Word .docx or OpenDocument file is one)"),
        (b"{\\rtf1\\ansi ", "an RTF document"),
        (b"\xff\xd8\xff\xe0", "a JPEG image"),
    ],
)
def test_a_document_format_is_named_not_read_as_text(
    start: bytes, named: str, tmp_path: Path
) -> None:
    path = tmp_path / "story.txt"  # renamed, or saved with the wrong extension
    path.write_bytes(start + ARTICLE.encode())
    (cluster,) = load_inputs([str(path)])
    assert problems_by_source(cluster) == {
        str(path): f"{named}, not text (save the article as text or HTML)"
    }


def test_stdin_text_joins_the_files(tmp_path: Path) -> None:
    (tmp_path / "floods").mkdir()
    path = tmp_path / "floods" / "local.txt"
    path.write_text(ARTICLE, "utf-8")
    (cluster,) = load_inputs([str(path), "-"], io.StringIO(ARTICLE))
    assert cluster.id == "floods"
    assert [document.id for document in cluster.documents] == ["local", "stdin"]


def test_stdin_bytes_are_checked_like_files() -> None:
    stdin = io.TextIOWrapper(io.BytesIO("Caf\xe9 owners said prices rose.".encode("latin-1")))
    (cluster,) = load_inputs(["-"], stdin)
    assert cluster.documents == []
    assert cluster.problems[0].source == "<stdin>"
    assert cluster.problems[0].message.startswith(
        "not UTF-8 text: invalid byte 0xe9 at byte offset 3"
    )


@pytest.mark.parametrize(
    ("stdin_text", "message"),
    [
        ("", "empty file"),
        ("\n  \n", "empty file (only whitespace)"),
        ("x" * (MAX_INPUT_BYTES + 1), "too large: over 10 MB"),
    ],
)
def test_bad_stdin(stdin_text: str, message: str) -> None:
    (cluster,) = load_inputs(["-"], io.StringIO(stdin_text))
    assert cluster.documents == []
    assert problems_by_source(cluster) == {"<stdin>": message}


# ---------------------------------------------------------------- bad input


def problems_by_source(cluster: Cluster) -> dict[str, str]:
    return {problem.source: problem.message for problem in cluster.problems}


def test_bad_inputs_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, "utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n \t\n", "utf-8")
    binary = tmp_path / "program.txt"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le café a fermé ses portes lundi, a dit le maire.".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    table = tmp_path / "table.csv"
    table.write_text(
        "city,people,date\nMillbrook,120,2021-07-15\nRiverton,80,2021-07-16\n", "utf-8"
    )
    code = tmp_path / "script.txt"
    code.write_text(
        'import os\n\n\ndef main() -> None:\n    """Print the files in the current directory."""\n'
        '    for name in os.listdir("."):\n        print(name)\n',
        "utf-8",
    )
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    images = tmp_path / "images"
    images.mkdir()
    (images / "a.png").write_bytes(b"\x89PNG")
    missing = tmp_path / "missing.txt"
    inputs = [good, missing, empty, blank, binary, latin, huge, table, code, empty_dir, images]

    (cluster,) = load_inputs([str(path) for path in inputs])

    assert [document.id for document in cluster.documents] == ["good"]
    assert cluster.id == tmp_path.name
    messages = problems_by_source(cluster)
    assert messages == {
        str(missing): "file not found",
        str(empty): "empty file",
        str(blank): "empty file (only whitespace)",
        str(binary): "binary file (contains NUL bytes), not text",
        str(latin): "not UTF-8 text: invalid byte 0xe9 at byte offset 6 (save it as UTF-8)",
        str(huge): "too large: 11.0 MB (limit 10 MB)",
        str(table): "not an article: no sentence of 5 or more words (data or code?)",
        str(code): "not an article: less than half of it is prose (data or code?)",
        str(empty_dir): "empty directory",
        str(images): "no readable files in directory (looked for .txt .md .markdown .html .htm)",
    }


def folder_whose_entry_is_too_long(tmp_path: Path) -> Path:
    """A folder whose path is within the system's limit (PATH_MAX, 4,096 bytes) and whose one
    article's path is over it; built a folder at a time, each opened from the one before."""
    folder, fd = tmp_path, os.open(tmp_path, os.O_RDONLY)
    try:
        while len(str(folder)) < 3850:
            os.mkdir("d" * 200, dir_fd=fd)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            folder, fd = folder / ("d" * 200), inner
        os.close(os.open("a" * 250 + ".txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd))
    finally:
        os.close(fd)
    return folder


def test_names_too_long_to_look_up_are_problems_and_the_rest_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, "utf-8")
    long_name = tmp_path / ("n" * 300 + ".txt")
    long_path = tmp_path.joinpath(*["d" * 200] * 25, "story.txt")
    cluster_file = long_name.with_suffix(".jsonl")
    folder = folder_whose_entry_is_too_long(tmp_path)
    inputs = [good, long_name, long_path, cluster_file, folder]

    files, clusters = load_inputs([str(path) for path in inputs])

    assert [document.id for document in files.documents] == ["good"]
    too_long = "cannot read: File name too long"
    assert problems_by_source(files) == {
        str(long_name): too_long,
        str(long_path): too_long,
        str(folder / ("a" * 250 + ".txt")): too_long,
    }
    assert problems_by_source(clusters) == {str(cluster_file): too_long}


def test_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)

    def refuse(self: Path) -> bytes:
        raise AssertionError("read a file that is too large")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    (cluster,) = load_inputs([str(huge)])
    assert cluster.problems[0].message == "too large: 10.0 MB (limit 10 MB)"


def test_utf8_bom_is_fine_and_offset_counts_it(tmp_path: Path) -> None:
    good = tmp_path / "bom.txt"
    good.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xef\xbb\xbfAbc \xff")
    (cluster,) = load_inputs([str(good), str(bad)])
    assert cluster.documents[0].text.startswith("Floodwaters")
    assert problems_by_source(cluster)[str(bad)].startswith(
        "not UTF-8 text: invalid byte 0xff at byte offset 7"
    )


def windows_1252_page(head: str = '<meta charset="windows-1252">', body: str = "") -> bytes:
    return (
        f"<html><head>{head}<title>Senate passes “farm bill” after night’s talks</title></head>"
        "<body><article><p>WASHINGTON (AP) — The Senate passed a $95 billion farm bill on "
        "Wednesday, a senator said.</p><p>“We did it,” Alvarez said after the vote — 68–31.</p>"
        f"{body}</article></body></html>"
    ).encode("cp1252")


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("meta.html", '<meta charset="windows-1252">'),
        (
            "http-equiv.htm",
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
        ),
        # a browser reads a page that names Latin-1 as windows-1252, its curly quotes too
        ("latin.html", "<meta charset='ISO-8859-1'>"),
    ],
)
def test_an_html_page_not_in_utf8_is_read_in_the_charset_it_declares(
    name: str, head: str, tmp_path: Path
) -> None:
    page = tmp_path / name
    page.write_bytes(windows_1252_page(head))
    (cluster,) = load_inputs([str(page)])
    assert cluster.problems == []
    (document,) = cluster.documents
    # the em dash read as one: the dateline is taken out
    assert (document.title, document.dateline, document.outlet) == (
        "Senate passes “farm bill” after night’s talks",
        "WASHINGTON",
        "AP",
    )
    assert sentence_texts(document) == [
        "The Senate passed a $95 billion farm bill on Wednesday, a senator said.",
        "“We did it,” Alvarez said after the vote — 68–31.",
    ]


def test_only_an_html_page_is_read_in_a_declared_charset(tmp_path: Path) -> None:
    """Text files, pages that declare no charset, UTF-8 or one Python does not know, or declare
    it after the page's first 4 KB, keep the one-line error; so does a byte the declared
    charset has no character for."""
    declared = windows_1252_page()
    pages = {
        "page.txt": declared,
        "undeclared.html": windows_1252_page(head=""),
        "utf8.html": windows_1252_page(head='<meta charset="utf-8">'),
        "unknown.html": windows_1252_page(head='<meta charset="x-no-such-charset">'),
        "late.html": windows_1252_page(
            head=f"<style>{' ' * 5000}</style><meta charset='windows-1252'>"
        ),
        "bom.html": codecs.BOM_UTF8 + declared,
        "undefined.html": declared.replace("“".encode("cp1252"), b"\x81"),
    }
    expected = {}
    for name, data in pages.items():
        (tmp_path / name).write_bytes(data)
        offset = next(index for index, byte in enumerate(data) if byte >= 0x80 and index > 2)
        what = (
            "windows-1252 text, as the page declares" if name == "undefined.html" else "UTF-8 text"
        )
        expected[str(tmp_path / name)] = (
            f"not {what}: invalid byte 0x{data[offset]:02x} at byte offset {offset} "
            "(save it as UTF-8)"
        )
    (cluster,) = load_inputs([str(tmp_path / name) for name in pages])
    assert cluster.documents == []
    assert problems_by_source(cluster) == expected
    assert expected[str(tmp_path / "undefined.html")].startswith(
        "not windows-1252 text, as the page declares: invalid byte 0x81"
    )


def test_same_stem_twice_gets_unique_ids_and_repeats_are_read_once(tmp_path: Path) -> None:
    for name in ("left", "right"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "story.txt").write_text(ARTICLE, "utf-8")
    left, right = tmp_path / "left" / "story.txt", tmp_path / "right" / "story.txt"
    (cluster,) = load_inputs([str(left), str(right), str(left)])
    assert cluster.id == tmp_path.name
    assert [document.id for document in cluster.documents] == ["story", "story-2"]
    assert problems_by_source(cluster) == {str(left): "listed 2 times; read once"}


def test_a_file_listed_many_times_is_one_problem(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, "utf-8")
    (cluster,) = load_inputs([str(story)] * 500)
    assert [(p.source, p.message) for p in cluster.problems] == [
        (str(story), "listed 500 times; read once")
    ]


def test_directory_reads_only_article_files_sorted(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", ".hidden.txt", "notes.csv", "z.jsonl"):
        (tmp_path / name).write_text(ARTICLE, "utf-8")
    (tmp_path / "c.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>", "utf-8")
    (cluster,) = load_inputs([str(tmp_path)])
    assert [document.id for document in cluster.documents] == ["a", "b", "c"]
    assert cluster.problems == []


def test_files_cluster_keeps_its_place_among_json_clusters(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, "utf-8")
    records = tmp_path / "more.jsonl"
    records.write_text(json.dumps({"id": "other", "sources": [ARTICLE]}), "utf-8")
    clusters = load_inputs([str(records), str(story), str(tmp_path / "gone.txt")])
    assert [cluster.id for cluster in clusters] == ["other", tmp_path.name]
    assert len(clusters[1].problems) == 1


# ---------------------------------------------------------------- sentence splitting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Dr. Jones on Dec. 3 in St. Louis. They talked.",
            ["Mr. Smith met Dr. Jones on Dec. 3 in St. Louis.", "They talked."],
        ),
        (
            "The U.S. economy grew 2.5 percent. The U.N. Security Council met.",
            ["The U.S. economy grew 2.5 percent.", "The U.N. Security Council met."],
        ),
        ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
        ("J. K. Rowling wrote it. It sold.", ["J. K. Rowling wrote it.", "It sold."]),
        (
            "Fruit, e.g. Apples, sold well. Sales rose.",
            ["Fruit, e.g. Apples, sold well.", "Sales rose."],
        ),
        (
            "Gov. Ana Diaz and Sen. Lee spoke. Both left.",
            ["Gov. Ana Diaz and Sen. Lee spoke.", "Both left."],
        ),
        ("“We will win,” he said. “Never.”", ["“We will win,” he said.", "“Never.”"]),
        ('"It is over." Officials agreed.', ['"It is over."', "Officials agreed."]),
        ("Is it over? No, she said! Really.", ["Is it over?", "No, she said!", "Really."]),
        ("“Why?” he asked.", ["“Why?” he asked."]),
        ("It costs $4.5 million. That is a lot.", ["It costs $4.5 million.", "That is a lot."]),
        ("Prices rose at 5 p.m. on Friday.", ["Prices rose at 5 p.m. on Friday."]),
        ("No. 10 Downing Street said so.", ["No. 10 Downing Street said so."]),
        ("He said no. The talks ended.", ["He said no.", "The talks ended."]),
        (
            "Acme Inc. The firm grew. Acme Inc. Chief Rita Moss quit.",
            ["Acme Inc.", "The firm grew.", "Acme Inc. Chief Rita Moss quit."],
        ),
        (
            "The vote is in May. Officials expect a win.",
            ["The vote is in May.", "Officials expect a win."],
        ),
        ("It ended... Then it began.", ["It ended...", "Then it began."]),
        ("trailing fragment without end", ["trailing fragment without end"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [sentence.text for sentence in split_sentences(text)] == expected


def test_split_sentences_offsets_and_paragraphs() -> None:
    text = "  First one here.  Second one.\nThird line.\n\n\n   Fourth para.  \n"
    sentences = split_sentences(text)
    assert [(s.text, s.paragraph, s.index) for s in sentences] == [
        ("First one here.", 0, 0),
        ("Second one.", 0, 1),
        ("Third line.", 1, 2),
        ("Fourth para.", 2, 3),
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_split_sentences_keeps_headings_document_drops_them() -> None:
    text = "Flood warning issued\nRivers rose overnight in the north. Roads closed."
    assert split_sentences(text)[0].text == "Flood warning issued"
    document = document_from_text(text, "f")
    assert document.title == "Flood warning issued"
    assert sentence_texts(document) == ["Rivers rose overnight in the north.", "Roads closed."]


def test_empty_text_gives_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []
    assert document_from_text("", "e").sentences == []


def test_sentences_glued_without_a_space_are_split() -> None:
    texts = [
        s.text for s in split_sentences("Bond yields rose.Traders sold shares. The U.S. Fed met.")
    ]
    assert texts == ["Bond yields rose.", "Traders sold shares.", "The U.S. Fed met."]


@pytest.mark.parametrize(
    ("lead", "dateline", "outlet", "text"),
    [
        ("New York (CNN) -- Bari Weiss resigned.", "New York", "CNN", "Bari Weiss resigned."),
        (
            "Seoul, South Korea (CNN)North Korea launched two missiles.",
            "Seoul, South Korea",
            "CNN",
            "North Korea launched two missiles.",
        ),
        (
            "LOS ANGELES/NEW YORK (Reuters) - California ordered people to stay home.",
            "LOS ANGELES/NEW YORK",
            "Reuters",
            "California ordered people to stay home.",
        ),
        # a company and its ticker is no dateline
        ("Microsoft (MSFT) Chief Executive Satya Nadella spoke.", None, None, None),
    ],
)
def test_datelines_in_any_case_with_their_agency(
    lead: str, dateline: str | None, outlet: str | None, text: str | None
) -> None:
    document = document_from_text(f"Markets and the day\n\n{lead}\n", "d")
    assert (document.dateline, document.outlet) == (dateline, outlet)
    assert document.text == (text or lead)


@pytest.mark.parametrize(
    ("lead", "dateline", "outlet", "first"),
    [
        pytest.param(
            "Dec 4 (Reuters) - Deere & Co on Wednesday cut its full-year profit forecast.",
            None,
            "Reuters",
            "Deere & Co on Wednesday cut its full-year profit forecast.",
            id="a date and the agency, no place",
        ),
        pytest.param(
            "Beirut, Lebanon – Israeli air strikes hit several villages on Wednesday.",
            "Beirut, Lebanon",
            None,
            "Israeli air strikes hit several villages on Wednesday.",
            id="a place and its country not in capitals, an en dash",
        ),
        pytest.param(
            "Kyiv, Ukraine — Air raid sirens sounded across the capital on Monday.",
            "Kyiv, Ukraine",
            None,
            "Air raid sirens sounded across the capital on Monday.",
            id="a place and its country not in capitals, an em dash",
        ),
        pytest.param(
            "Washington — The Senate passed a $95 billion farm bill on Wednesday.",
            "Washington",
            None,
            "The Senate passed a $95 billion farm bill on Wednesday.",
            id="a place not in capitals alone",
        ),
        pytest.param(
            "WASHINGTON: The US Senate on Wednesday passed a $95 billion farm bill.",
            "WASHINGTON",
            None,
            "The US Senate on Wednesday passed a $95 billion farm bill.",
            id="a place in capitals and a colon",
        ),
        pytest.param(
            "NEW DELHI: The government said on Wednesday that the talks would resume.",
            "NEW DELHI",
            None,
            "The government said on Wednesday that the talks would resume.",
            id="a place of two words in capitals and a colon",
        ),
        pytest.param(
            "Washington, Dec 4 (PTI) The US Senate on Wednesday passed a farm bill.",
            "Washington",
            "PTI",
            "The US Senate on Wednesday passed a farm bill.",
            id="a place, a date and the agency, no dash",
        ),
        pytest.param(
            "Washington, Dec. 4 (UPI) -- The US Senate on Wednesday passed a farm bill.",
            "Washington",
            "UPI",
            "The US Senate on Wednesday passed a farm bill.",
            id="a place, a date and the agency, two hyphens",
        ),
        pytest.param(
            "(CNN)The Senate passed a $95 billion farm bill early Wednesday morning.",
            None,
            "CNN",
            "The Senate passed a $95 billion farm bill early Wednesday morning.",
            id="the agency run into the text",
        ),
        pytest.param(
            "WashingtonCNN — The Senate passed a $95 billion farm bill early Wednesday.",
            "Washington",
            "CNN",
            "The Senate passed a $95 billion farm bill early Wednesday.",
            id="a place run into its agency",
        ),
    ],
)
def test_datelines_of_more_outlets(
    lead: str, dateline: str | None, outlet: str | None, first: str
) -> None:
    document = document_from_text(f"Farm bill passes\n\n{lead}\n\nThe vote was 68-31.", "d")
    assert (document.dateline, document.outlet) == (dateline, outlet)
    assert sentence_texts(document) == [first, "The vote was 68-31."]
    assert document.title == "Farm bill passes"


CNN_LEAD = "The Senate passed a $95 billion farm bill early Wednesday morning."


def test_a_cnn_dateline_on_lines_of_its_own_is_the_dateline() -> None:
    """A CNN page copied as text gives its place, its agency and the dash on lines of their own."""
    text = (
        "Senate passes $95 billion farm bill\n\nBy Ali Rahman, CNN\n\n"
        f"Washington\nCNN\n — \n{CNN_LEAD}\n\nThe final vote was 68-31."
    )
    document = document_from_text(text, "cnn")
    assert (document.title, document.dateline, document.outlet) == (
        "Senate passes $95 billion farm bill",
        "Washington",
        "CNN",
    )
    assert sentence_texts(document) == [CNN_LEAD, "The final vote was 68-31."]


def test_a_cnn_page_s_dateline_elements_flattened_together_are_the_dateline() -> None:
    page = (
        "<html><head><title>Senate passes farm bill</title></head><body><article>"
        '<p><span class="source__location">Washington</span>'
        f'<span class="source__text">CNN</span> — {CNN_LEAD}</p>'
        "<p>The final vote was 68-31, with 17 Republicans voting for the measure.</p>"
        "</article></body></html>"
    )
    document = document_from_text(page, "cnn", kind="html")
    assert (document.dateline, document.outlet) == ("Washington", "CNN")
    assert sentence_texts(document)[0] == CNN_LEAD


@pytest.mark.parametrize(
    "lead",
    [
        # a dash after a name opens an aside, in lower case or closed by another dash
        "Washington — the city, not the state — is where the talks will resume.",
        "Biden — who won the state in 2020 — said the talks would resume.",
        "Biden — Trump's rival — said the talks would resume in the spring.",
        "President Trump — who questioned it for years — said the talks would resume.",
        # a label, a title or an initialism before a dash or a colon is no place
        "Opinion — The Senate failed the country on farm policy this week.",
        "INDICATOR: June consumer prices rose 0.6% in the month, the most in a year.",
        "WHAT IT MEANS: Almost 15 years ago, I used the comment above to criticize the Fed.",
        "EDITOR'S NOTE: The following story contains graphic details of the attack.",
        "NATO: Russia must withdraw its troops from the border, the alliance said.",
        # a name, a colon and a quotation is what that one said
        "RUSSIA: 'The US is in no position to tell China what to do,' a spokesman said.",
        # a date and a word in brackets without a dash
        "Dec 4 (Wednesday) The committee met for the first time since the summer.",
    ],
)
def test_prose_that_opens_like_a_dateline_stays_prose(lead: str) -> None:
    document = document_from_text(f"Talks to resume\n\n{lead}\n\nThe vote was 68-31.", "p")
    assert (document.dateline, document.outlet) == (None, None)
    assert sentence_texts(document)[0] == lead


def test_a_transcript_s_speaker_is_no_dateline() -> None:
    """A name in capitals and a colon opens a dateline once, a transcript's paragraphs often."""
    text = (
        "Interview with the senator\n\nBLITZER: Welcome back to the program, Senator.\n\n"
        "ALVAREZ: Thanks for having me on the show today, Wolf.\n\n"
        "BLITZER: Let us talk about the farm bill that passed on Wednesday."
    )
    document = document_from_text(text, "transcript")
    assert document.dateline is None
    assert sentence_texts(document)[0] == "BLITZER: Welcome back to the program, Senator."


def test_a_place_not_in_capitals_is_a_dateline_only_where_the_story_opens() -> None:
    """After a paragraph of the story, "Washington — ..." is the story's text."""
    text = (
        "Farm bill passes\n\nThe Senate voted on Wednesday after a long night of talks.\n\n"
        "Washington — The House will take up the bill next week, its leaders said."
    )
    document = document_from_text(text, "later")
    assert document.dateline is None
    assert sentence_texts(document)[1].startswith("Washington — The House")


def test_an_inline_stock_quote_widget_is_page_furniture() -> None:
    text = (
        "Sundar Pichai was elevated to the top role at parent company Alphabet GOOG, +2.00% "
        "GOOGL, +1.89% as well. The S&P 500 SPX, -0.38% fell on Tuesday, down 0.4%."
    )
    sentences = [s.text for s in document_from_text(text, "quote").sentences]
    assert sentences == [
        "Sundar Pichai was elevated to the top role at parent company Alphabet as well.",
        "The S&P 500 fell on Tuesday, down 0.4%.",
    ]


def test_a_link_label_for_screen_readers_is_page_furniture_but_prose_about_windows_is_not() -> None:
    def sentences(text: str) -> list[str]:
        return [s.text for s in document_from_text(text, "label").sentences]

    assert sentences(
        "Leaders vowed to protect growth amid the trade war Opens a New Window. between the "
        "United States and China. Talks resume Monday."
    ) == [
        "Leaders vowed to protect growth amid the trade war between the United States and China.",
        "Talks resume Monday.",
    ]
    assert sentences("Read the ruling (opens in new tab) on the site. It runs 40 pages.") == [
        "Read the ruling on the site.",
        "It runs 40 pages.",
    ]
    assert sentences("The court ruled on Friday. Opens a new window. The appeal follows.") == [
        "The court ruled on Friday.",
        "The appeal follows.",
    ]
    assert sentences("The store opens a new window display on Friday.") == [
        "The store opens a new window display on Friday."
    ]


@pytest.mark.parametrize("kind", ["pipe", "socket"])
def test_a_stdin_pipe_that_stays_silent_is_given_up(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer that neither writes nor closes is waited on for PIPE_TIMEOUT, as a FIFO is."""
    import os
    import socket
    import threading

    from summarize.ingest import reading

    monkeypatch.setattr(reading, "PIPE_TIMEOUT", 0.2)
    close: Callable[[], None]
    if kind == "pipe":
        read_end, write_end = os.pipe()
        close = functools.partial(os.close, write_end)
    else:
        ours, theirs = socket.socketpair()
        read_end, close = ours.detach(), theirs.close
    found: list[str] = []

    def read() -> None:
        with open(read_end, encoding="utf-8") as stdin:
            try:
                reading.read_stdin(stdin)
            except reading.InputError as error:
                found.append(str(error))

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(timeout=20)  # a guard, not a measure: without the bound it never returns
    close()
    assert found == ["nothing to read: no data for 0.2 s (a pipe no one writes to?)"]


def test_text_saved_under_an_html_name_is_read_as_text() -> None:
    """A page opens on a tag; a file holding none is text, whatever its name says."""
    text = "Floods hit the coast\n\nHeavy rain flooded the coastal town on Monday, officials said."
    document = document_from_text(text, "floods", kind="html")
    assert [sentence.text for sentence in document.sentences] == [
        "Heavy rain flooded the coastal town on Monday, officials said."
    ]


WRAPPED = """Norvik deal puts rates in spotlight

MINNEAPOLIS — Norvik Energy's $8.4 bil-
lion agreement to acquire Calder Power
will face months of regulatory review be-
fore it can close, consumer advocates said.

Norvik Energy agreed on Wednesday to acquire
Calder Power for $52 a share in cash, and well-
known analysts said it would close in the
second half of 2025, after a vote by Calder
investors.
"""


def test_text_wrapped_at_a_width_is_read_as_its_paragraphs() -> None:
    """A PDF's or an e-mail's text: lines of about one width, joined back into their paragraph,
    a word broken at a line's end mended where it is a word ("bil-" "lion") and kept whole
    with its hyphen where it is a compound ("well-" "known")."""
    document = document_from_text(WRAPPED, "norvik")
    assert (document.title, document.dateline) == (
        "Norvik deal puts rates in spotlight",
        "MINNEAPOLIS",
    )
    assert sentence_texts(document) == [
        "Norvik Energy's $8.4 billion agreement to acquire Calder Power will face months of "
        "regulatory review before it can close, consumer advocates said.",
        "Norvik Energy agreed on Wednesday to acquire Calder Power for $52 a share in cash, and "
        "well-known analysts said it would close in the second half of 2025, after a vote by "
        "Calder investors.",
    ]


@pytest.mark.parametrize(
    ("opening", "dateline", "outlet"),
    [
        ("MINNEAPOLIS, Dec. 4, 2024 /PRNewswire/ -- ", "MINNEAPOLIS", "PRNewswire"),
        ("MINNEAPOLIS--(BUSINESS WIRE)--", "MINNEAPOLIS", "BUSINESS WIRE"),
    ],
)
def test_a_press_releases_dateline(opening: str, dateline: str, outlet: str) -> None:
    text = f"Norvik to acquire Calder\n\n{opening}Norvik Energy Inc. today announced a deal."
    document = document_from_text(text, "release")
    assert (document.dateline, document.outlet) == (dateline, outlet)
    assert sentence_texts(document) == ["Norvik Energy Inc. today announced a deal."]
