"""How a headline's words are written as running text: as the reports write each word, a name
kept, a word in capitals for emphasis in lower case."""

from __future__ import annotations

from summarize.analyze import analyze
from summarize.compose.casing import Casing
from summarize.compose.headlines import headline
from tests.stories import cluster_with_titles


def test_a_headline_writes_its_common_words_in_lower_case_and_keeps_names() -> None:
    text = "The mayor threatened to cancel the parade, officials said. Crowds had gathered."
    casing = Casing(analyze(cluster_with_titles({"a": ("t", text)}).documents))
    # "Threatens" is a form of a word the reports write in lower case, "Massive" a loaded word,
    # "Alleging" a verb's -ing form; "Okonkwo" is known only from the title, so it is a name.
    assert headline(casing, "Mayor Threatens Massive Cuts In Okonkwo Budget, Alleging Waste") == (
        "Mayor threatens massive cuts in Okonkwo budget, alleging waste."
    )
    assert headline(casing, "Mayor To AP: Parade Will Go On") == "Mayor to AP: parade will go on."
    # Each part of a compound as its own word.
    assert headline(casing, "Mayor Rejects Okonkwo-Backed Plan For The Parade") == (
        "Mayor rejects Okonkwo-backed plan for the parade."
    )


def test_a_headline_writes_each_word_as_the_reports_write_it_where_it_stands() -> None:
    text = (
        "Claims rose to 1.5 million. Weekly jobless claims have fallen for ten weeks, and "
        "lawmakers called the border crisis a test. A vote to protect Mueller failed, said "
        "senators at the White House. The house was empty. Officials in Iran spoke."
    )
    casing = Casing(analyze(cluster_with_titles({"a": ("t", text)}).documents))
    # "Claims" is capitalised only where a sentence opens; "Mourns" and "Pretty" are words of
    # the dictionary; "House" is part of the name the reports write with "White".
    assert headline(casing, "Weekly Jobless Claims Fall As Iran Mourns Pretty Soon") == (
        "Weekly jobless claims fall as Iran mourns pretty soon."
    )
    assert headline(casing, "Senators At The White House Reject Border Plan") == (
        "Senators at the White House reject border plan."
    )
    assert headline(casing, "Border-Patrol Officers Reject The Plan") == (
        "Border-patrol officers reject the plan."
    )
    # A quotation the reports give too, as they write it; one they do not, as the title has it.
    assert headline(casing, "Lawmakers Demand Hearings On Border 'Crisis'") == (
        "Lawmakers demand hearings on border 'crisis'."
    )
    assert headline(casing, "Lawmakers Back 'Remain In Mexico' Plan For Asylum") == (
        "Lawmakers back 'Remain In Mexico' plan for asylum."
    )
    # A given name before a name the reports write, though they never write it themselves.
    assert headline(casing, "Senators Block A Bill To Protect Robert Mueller") == (
        "Senators block a bill to protect Robert Mueller."
    )


def test_a_headline_keeps_a_people_s_name_and_drops_capitals_of_emphasis() -> None:
    text = "Troops were sent to the U.S.-Mexico border. The leaders vowed to end the war."
    casing = Casing(analyze(cluster_with_titles({"a": ("t", text)}).documents))
    assert headline(casing, "More Troops Sent To Mexican Border") == (
        "More troops sent to Mexican border."
    )
    assert headline(casing, "Troops Meet Mexicans At The Border Crossing") == (
        "Troops meet Mexicans at the border crossing."
    )
    assert headline(casing, "Leaders vow to END the war at last") == (
        "Leaders vow to end the war at last."
    )
    assert headline(casing, "Troops Sent By 8-Year-Old Order") == (
        "Troops sent by 8-year-old order."
    )
    # a party's members, which running text writes with a capital
    assert headline(casing, "Senate Democrats Vow To End The War") == (
        "Senate Democrats vow to end the war."
    )
