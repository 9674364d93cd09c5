"""Which part of a report's title states something: a quotation or a label beside its colon, a
section label in capitals before it."""

from __future__ import annotations

from summarize.analyze import analyze
from summarize.compose.casing import Casing
from summarize.compose.headlines import headline
from tests.stories import cluster_with_titles


def test_a_headline_without_the_quotation_after_its_colon_is_a_statement() -> None:
    casing = Casing(analyze(cluster_with_titles({"a": ("t", "The mayor spoke.")}).documents))
    assert headline(casing, "Mayor Cancels Annual City Parade: 'Maybe Next Year'") == (
        "Mayor cancels annual city parade."
    )
    assert headline(casing, "The Latest: mayor cancels the city parade") is None
    # Without its quotation, a topic says nothing; a participle as the verb does.
    assert headline(casing, "Mayor on Alleged Harbour Fraud: 'We Will Act'") is None
    assert headline(casing, "Mayor: 'We Will Act'") is None
    assert headline(casing, "City Parade Plans Unsealed in Court: 'Too Costly'") == (
        "City parade plans unsealed in court."
    )


def test_a_section_label_in_capitals_before_a_headline_goes_and_an_acronym_stays() -> None:
    text = "Tech shares fell sharply on Thursday. The FDA panel met on Friday about boosters."
    casing = Casing(analyze(cluster_with_titles({"a": ("t", text)}).documents))
    assert headline(casing, "TECH Tech Shares Fell Sharply On Thursday") == (
        "Tech shares fell sharply on Thursday."
    )
    assert headline(casing, "FDA Panel Met On Friday About Boosters") == (
        "FDA panel met on Friday about boosters."
    )


def test_a_headline_keeps_the_label_before_its_colon_and_drops_a_quotation_there() -> None:
    text = "A new poll finds the mayor ahead. The parade was cancelled."
    casing = Casing(analyze(cluster_with_titles({"a": ("t", text)}).documents))
    # Who says it stays with the claim: never the flat "Mayor leads the race".
    assert headline(casing, "Poll: Mayor leads the race") == "Poll: Mayor leads the race."
    # A source the reports do not name is still who says it.
    assert headline(casing, "Report: mayor to cancel the parade") == (
        "Report: mayor to cancel the parade."
    )
    assert (
        headline(casing, "Mayor Cancels The City Parade: AP")
        == "Mayor cancels the city parade: AP."
    )
    assert headline(casing, "VIDEO: Mayor cancels the annual city parade") is None
    assert headline(casing, "Where harbour workers stand ahead of the strike vote") is None
    assert headline(casing, "WHO warns of a new wave of infections in the harbour city") == (
        "WHO warns of a new wave of infections in the harbour city."
    )
    assert headline(casing, "'Maybe next year': Mayor cancels the annual city parade") == (
        "Mayor cancels the annual city parade."
    )
    assert headline(casing, "Parade cancelled: What it means") is None
