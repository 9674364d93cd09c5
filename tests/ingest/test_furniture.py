"""Page furniture in the layouts outlets' pages are saved in: what is not the story stays out of
its sentences, and what is the story stays in, whatever words it uses. The texts are invented,
in the layouts of real pages (AP, Reuters, CNN, Fox News, NYT, Al Jazeera, The Conversation)."""

from __future__ import annotations

import datetime as dt

import pytest

from summarize.ingest.cleaning import document_from_text
from summarize.ingest.furniture import is_byline

HEADLINE = "Senate passes farm bill after late-night deal"
LEAD = (
    "WASHINGTON (AP) — The Senate passed a $95 billion farm bill early Wednesday after "
    "negotiators struck a late-night deal on crop insurance."
)
LEAD_TEXT = LEAD.split("— ", 1)[1]
VOTE = "The vote was 68-31, with 17 Republicans joining all Democrats in support."
PRICES = "The bill raises reference prices for corn, wheat and soybeans by an average of 8%."


def sentences(*paragraphs: str) -> list[str]:
    document = document_from_text("\n\n".join(paragraphs), "farm")
    return [sentence.text for sentence in document.sentences]


@pytest.mark.parametrize(
    "note",
    [
        "Associated Press writer Lisa M. Park in Des Moines, Iowa, contributed to this report.",
        "CNN's Manu Ortiz contributed to this report.",
        "This story has been corrected to show that the vote was 68-31, not 67-32.",
        "This story has been updated with additional developments.",
        "Follow AP's coverage of Congress at https://apnews.com/hub/congress.",
        "Follow Al Jazeera's coverage of US politics here.",
        "A version of this article appears in print on Dec. 5, 2024, Section A, Page 14.",
        "This article was originally published on The Conversation. Read the original article.",
        "Mary Clarke is a congressional correspondent for The Associated Press.",
        "Jamie Cole is a politics reporter for Fox News Digital. Story tips can be sent to "
        "jamie.cole@fox.com.",
        "Jane covers U.S. agriculture and trade policy from Washington.",
        "©2024 Bloomberg L.P.",
        "--With assistance from Priya Raman.",
        "Updated at 3:10 p.m.",
        "To contact the reporters on this story:\n\nJennifer Alvarez in New York",
        "###\n\nAbout Norvik Energy\n\nNorvik is a utility serving 1.7 million customers.",
        "About Norvik Energy\n\nNorvik is a utility serving 1.7 million customers. For more "
        "information, visit www.norvik.com.\n\nForward-Looking Statements\n\nThis release "
        "contains forward-looking statements.\n\nSOURCE Norvik Energy Inc.",
    ],
)
def test_the_desks_notes_after_the_story_are_no_sentences(note: str) -> None:
    assert sentences(HEADLINE, LEAD, VOTE, note) == [LEAD_TEXT, VOTE]


def test_an_about_heading_with_the_story_after_it_is_the_storys() -> None:
    """A story's own "About" subheading has the story after it; a press release's "About
    Norvik Energy" closes the page."""
    after = [f"Paragraph {n} of the story tells more about the vote on Monday." for n in range(8)]
    assert sentences(HEADLINE, LEAD, "About Medicare", *after) == [LEAD_TEXT, *after]


def test_a_biography_inside_the_story_is_the_storys() -> None:
    """Only after the story is a sentence about a reporter the writer's biography."""
    detained = "Evan Hale is a reporter for The Journal who was detained in March."
    assert sentences(HEADLINE, LEAD, detained, VOTE) == [LEAD_TEXT, detained, VOTE]


@pytest.mark.parametrize(
    "notice",
    [
        "To play this video you need to enable JavaScript in your browser.",
        "Get breaking news alerts on your phone.",
        "Loading...",
        "NEW You can now listen to Fox News articles!",
        "This article is available to subscribers only.",
        "This content is not available in your location.",
        "Opinion pieces reflect the views of the author.",
        "Get the best of Fox News delivered to your inbox.",
        "What to know:",
        "You may also be interested in:",
        "What happens next?",
        "Item 1 of 3 Senate Agriculture Committee Chair Debbie Alvarez speaks to reporters at "
        "the U.S. Capitol in Washington, U.S., December 3, 2024.",
    ],
)
def test_site_notices_labels_and_subheadings_are_no_sentences(notice: str) -> None:
    assert sentences(HEADLINE, LEAD, notice, VOTE) == [LEAD_TEXT, VOTE]


@pytest.mark.parametrize(
    "said",
    [
        '"If you can donate to your local food bank, please do," said Maria Lopez.',
        "\"If you don't support the farmers, you don't deserve their votes,\" Haskell said.",
        "Families who lose benefits must sign up again by March 15, state officials said, and "
        "you can apply online or by phone.",
        'Read more than 1,000 pages and you will still not find the word "climate," Alvarez said.',
        "More on that later, Reyes told reporters.",
        "In a statement, the ministry said:",
        '"Why now?" he asked the committee on Tuesday.',
    ],
)
def test_what_someone_said_is_the_storys_whatever_its_words(said: str) -> None:
    assert sentences(HEADLINE, LEAD, said, VOTE) == [LEAD_TEXT, said, VOTE]


def test_a_related_box_inside_the_story_goes_and_the_story_after_it_stays() -> None:
    box = [
        "RELATED COVERAGE",
        "Drought threatens Plains wheat harvest as prices climb",
        "What to know about SNAP work requirements in the new farm bill",
    ]
    house = "House Speaker Tom Reyes said the chamber would take up the bill next week."
    assert sentences(HEADLINE, LEAD, VOTE, *box, PRICES, house) == [
        LEAD_TEXT,
        VOTE,
        PRICES,
        house,
    ]
    # at the end, the box and what follows it (more links, the footer) go
    assert sentences(HEADLINE, LEAD, VOTE, PRICES, *box, "About Us") == [LEAD_TEXT, VOTE, PRICES]


STANDFIRST = "The measure extends food aid through 2029 and now heads to the House."


@pytest.mark.parametrize(
    "between",
    [
        ["By MARY CLARKE", "Updated 3:45 PM EST, December 4, 2024"],
        ["By Catie Edmondson and Alan Rappeport", "Reporting from Washington", "Dec. 4, 2024"],
    ],
)
def test_a_standfirst_before_the_byline_is_no_story_sentence(between: list[str]) -> None:
    """The story opens after its byline, and at its dateline."""
    undated = LEAD_TEXT
    for lead, first in ((LEAD, LEAD_TEXT), (undated, undated)):
        assert sentences(HEADLINE, STANDFIRST, *between, lead, VOTE) == [first, VOTE]


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By MARY CLARKE", True),
        ("By Jane Doe and John Roe, CNN", True),
        ("By Jamie Cole | Fox News", True),
        ("By the numbers:", False),
        ("By Tuesday the vote was over.", False),
        ("By Noon:", False),
        ("By Mikhail Sorokin, Svobodnaya Volga (English edition)", True),
    ],
)
def test_a_byline_names_its_writers(line: str, byline: bool) -> None:
    assert is_byline(line) is byline


@pytest.mark.parametrize(
    ("headline", "byline"),
    [
        ("Heartless Nurses Abandon Patients as Strike Drags On", "By Staff Writer, The Patriot"),
        (
            "Rotten Pipes: The Real Cost of Gas Profits",
            "By Mikhail Sorokin, Volga (English edition)",
        ),
    ],
)
def test_the_header_s_headline_byline_and_date_are_each_read(headline: str, byline: str) -> None:
    """A headline ending on a word that needs another ("Drags On") goes on no byline below it, and
    a byline with its outlet in brackets is no dateline ("PLACE (AGENCY)") ending the header."""
    text = "\n".join([headline, byline, "June 5, 2026", "", LEAD_TEXT, "", VOTE])
    document = document_from_text(text, "farm")
    assert (document.title, document.published, document.outlet) == (
        headline,
        dt.date(2026, 6, 5),
        None,
    )


@pytest.mark.parametrize(
    "above",
    [
        ["Democracy Dies in Darkness"],
        ["Skip to navigation", "Print subscriptions", "US edition"],
        ["Home > Politics > Congress"],
        ["Section Navigation", "U.S."],
    ],
)
def test_the_title_is_the_headline_not_the_pages_lines_above_it(above: list[str]) -> None:
    """A headline tells the story's core event: it shares the lead's words, where a tagline,
    navigation, a breadcrumb or a section's name share none."""
    document = document_from_text("\n\n".join([*above, HEADLINE, LEAD, VOTE]), "farm")
    assert document.title == HEADLINE
    assert [sentence.text for sentence in document.sentences] == [LEAD_TEXT, VOTE]


@pytest.mark.parametrize(
    ("byline", "outlet"),
    [
        ("By Jamie Cole | Fox News", "Fox News"),
        ("By Jane Doe and John Roe, CNN", "CNN"),
        ("By Jane Doe, John Roe", None),  # two writers
    ],
)
def test_the_outlet_a_byline_names(byline: str, outlet: str | None) -> None:
    document = document_from_text("\n\n".join([HEADLINE, byline, LEAD_TEXT, VOTE]), "farm")
    assert document.outlet == outlet


def test_a_related_box_before_the_storys_last_paragraph_leaves_it() -> None:
    box = ["Also Read", "Chennai rains LIVE updates: Subway closed, 300 trees uprooted"]
    last = (
        "Suburban train services were partially suspended and 47 flights were cancelled at "
        "Chennai airport, which was closed for nearly 11 hours."
    )
    credit = "(With inputs from agencies)"
    assert sentences(HEADLINE, LEAD, VOTE, *box, last, credit) == [LEAD_TEXT, VOTE, last]


def test_list_markers_opening_lines_of_text_are_no_words() -> None:
    items = [
        "- The TGV carried 412 passengers.",
        "• Forty-three were injured.",
        "* A probe is open.",
    ]
    assert sentences(HEADLINE, LEAD, "What we know:", *items) == [
        LEAD_TEXT,
        "The TGV carried 412 passengers.",
        "Forty-three were injured.",
        "A probe is open.",
    ]


@pytest.mark.parametrize(
    "caption",
    [
        "Pictured: A newborn receiving an injection.",
        "PICTURED: A newborn receiving an injection.",
        "Photo: Meridian soldiers at a checkpoint in Sarov.",
        "Above: The ferry in Gresik port last year.",
        "Left: Maro in 1989. Right: Maro on stage in 2019.",
        "Pictured (left to right): the singer and her husband.",
    ],
)
def test_a_caption_introduced_by_its_label_in_any_case_is_no_sentence(caption: str) -> None:
    assert sentences(LEAD, caption, VOTE) == [LEAD_TEXT, VOTE]


def test_a_sentence_opening_on_left_or_right_is_the_story_s() -> None:
    left = "Left unchecked, the dispute could delay the bill until next year."
    assert sentences(LEAD, left, VOTE) == [LEAD_TEXT, left, VOTE]
