"""Quotations: closed ones, and one left open by a quotation of several sentences."""

from __future__ import annotations

import pytest

from summarize.text.quotes import (
    closed,
    continues_quotation,
    crosses_sentences,
    opens_on_quotation,
    quotation_spans,
    still_open,
    unquoted,
)


@pytest.mark.parametrize(
    ("text", "outside"),
    [
        ('"It played to festivals; I met the public there.', ""),
        ("the public saw it,” she said.", "she said."),
        ('He said "no" and left.', "He said and left."),
        ('into some kind of political theater," Biden said.', "Biden said."),
        ('He sought a lesser number: "Minimal numbers were 100,000.', "He sought a lesser number:"),
        ('A 6" pipe burst on Monday.', 'A 6" pipe burst on Monday.'),
    ],
)
def test_a_quotation_left_open_or_closed_alone_is_quoted(text: str, outside: str) -> None:
    assert " ".join(unquoted(text).split()) == outside


def test_an_apostrophe_is_no_quotation() -> None:
    assert quotation_spans("The company's chief said it won't close.") == []


def test_a_quotation_left_open_at_the_end_is_closed_when_printed_alone() -> None:
    assert closed('She said, "We will win.') == 'She said, "We will win."'
    assert closed("She said: “We will win.") == "She said: “We will win.”"
    assert closed("She said “yes” on Monday.") == "She said “yes” on Monday."
    assert closed('No law is absolute," she said.') == 'No law is absolute," she said.'
    assert closed("Haley stated, ““Here is this guy.") == "Haley stated, “Here is this guy.”"


def test_a_sentence_of_a_longer_quotation_crosses_sentences() -> None:
    assert crosses_sentences('No amendment to the Constitution is absolute."')
    assert crosses_sentences("“We will rebuild the town.")
    assert not crosses_sentences("“We will rebuild,” the mayor said.")


def test_a_sentence_opening_inside_a_quotation_continues_it() -> None:
    assert continues_quotation('The town will share those funds with others," the mayor said.')
    assert continues_quotation("Those funds will go to the harbour,” the mayor said.")
    assert not continues_quotation("“We will rebuild,” the mayor said.")
    assert not continues_quotation("The mayor said: “We will rebuild the town.")
    # A straight mark opened it, a curly one closed it: typed otherwise, still one quotation.
    assert not continues_quotation('An ad implied he backs "harbour politics,” the mayor said.')


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("“We have no choice,” the founder told CNN.", True),
        (' "Rebuilding is vital," she said.', True),
        ('"Dreamers" were brought to the U.S. as children.', False),  # a term, not a remark
        ('The founder said "we have no choice" on Monday.', False),
    ],
)
def test_a_sentence_opening_on_a_quotation_reports_a_remark(text: str, opens: bool) -> None:
    assert opens_on_quotation(text) is opens


@pytest.mark.parametrize(
    ("before", "open_"),
    [
        ('Trump said: "That has to be approved by the White House. ', True),
        ("Trump said: “That has to be approved by the White House. ", True),
        ('Trump said: "That has to be approved." Officials disagreed. ', False),
        ("He called it “a disgrace” on Monday. ", False),
        ('The theater," Biden said. ', False),  # a closing mark: the quotation ended
        ("", False),
    ],
)
def test_a_quotation_opened_and_not_closed_is_still_open(before: str, open_: bool) -> None:
    assert still_open(before) == open_
