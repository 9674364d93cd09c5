import re

import pytest

from summarize.analyze.attribution import find_attributions
from summarize.compose.attribution_cuts import attribution_details, function_word_cuts
from summarize.compose.compression import optional_cuts
from summarize.compose.cuts import Cut, apply_cuts, variants


def _shortest(text: str) -> str:
    protected = [(a.start, a.end) for a in find_attributions(text)]
    return variants(text, function_word_cuts(text), optional_cuts(text, protected))[-1]


def test_appositives_parentheticals_and_trailing_clauses_are_dropped() -> None:
    assert (
        _shortest(
            "The fighting has displaced tens of thousands, according to Geir Pedersen, the "
            "U.N. special envoy for Syria."
        )
        == "The fighting has displaced tens of thousands, according to Geir Pedersen."
    )
    assert (
        _shortest(
            "The National Rifle Association (NRA) became a foreign asset for Russia ahead "
            "of the 2016 election, the report alleges."
        )
        == "The National Rifle Association became a foreign asset for Russia ahead of the 2016 "
        "election, the report alleges."
    )
    assert (
        _shortest(
            "An earthquake struck the region on Monday, killing at least 40 people, officials said."
        )
        == "An earthquake struck the region, officials said."
    )
    assert (
        _shortest(
            "Hope Hicks, one of the president's longest-serving aides, is returning to the "
            "White House."
        )
        == "Hope Hicks is returning to the White House."
    )


def test_a_main_clause_after_an_opening_phrase_is_no_appositive() -> None:
    text = (
        "By reporting that the harbour authority had hired a new auditor in Rotterdam, the "
        "Gazette created a stir among the dock unions."
    )
    assert _shortest(text) == text


def test_an_appositive_whose_list_goes_on_after_a_comma_stays() -> None:
    text = (
        "Malta voted to leave the Union, a decision sure to reshape its trade, unsettle its "
        "neighbours and test its courts."
    )
    assert _shortest(text) == text
    assert _shortest("Malta left the Union, a bloc of 27 states, last year.") == (
        "Malta left the Union last year."
    )


def test_a_contrast_after_but_stays() -> None:
    text = (
        "Jobless claims dropped last week, but they remain well above pre-pandemic levels, "
        "according to Labor Department data."
    )
    assert "but they remain well above pre-pandemic levels" in _shortest(text)


def test_the_last_clause_of_a_series_stays() -> None:
    text = (
        "The minister could be leaving, farmers can expect relief for the drought, and the "
        "harbour will reopen, the mayor said in an interview."
    )
    assert "and the harbour will reopen" in _shortest(text)
    text = "The army, backed by Russia, retook Hama, and the insurgents retreated to the north."
    assert "and the insurgents retreated" not in _shortest(text)


def test_a_claim_keeps_its_attribution() -> None:
    text = "Insurgents retreated 20 kilometers from Hama, as state media said."
    assert all(
        "state media said" in variant
        for variant in variants(
            text, [], optional_cuts(text, [(a.start, a.end) for a in find_attributions(text)])
        )
    )


def test_a_clause_goes_whole_with_its_own_speaker_and_claim() -> None:
    text = (
        "Syria said its counteroffensive pushed back insurgents near Hama, while the "
        "insurgency says it captured more Syrian troops."
    )
    assert _shortest(text) == "Syria said its counteroffensive pushed back insurgents near Hama."


def test_the_main_verb_is_never_cut_with_a_clause() -> None:
    text = (
        "Government troops, backed by Russian airpower, have entrenched themselves on the "
        "outskirts of Hama."
    )
    assert all("entrenched" in variant for variant in variants(text, [], optional_cuts(text, [])))


def test_a_capitalised_subject_with_its_verb_after_a_comma_is_the_main_clause() -> None:
    """After a phrase (", including X,"), "Democrats are preparing" is the sentence's own
    clause, not more of a participle clause to drop."""
    text = (
        "A week after the chairman made his request for the records, including those of eight "
        "companies, Democrats are preparing for a long legal fight."
    )
    assert all("Democrats are preparing" in variant for variant in _all(text)), _all(text)


def test_and_with_a_phrase_closed_before_the_verb_is_part_of_the_subject() -> None:
    """ ", and B on the other, has resulted in": the verb after the comma is the sentence's, so
    the phrase after "and" is no second clause to drop."""
    text = (
        "The dispute between the port owners on one side, and the dock workers' union on the "
        "other, has cost the region millions of dollars."
    )
    assert all("has cost the region" in variant for variant in _all(text)), _all(text)


def test_what_a_sentence_introduces_keeps_the_clause_telling_it() -> None:
    text = (
        "There's one city agency, the Water Board, which is tasked with testing the supply "
        "for lead."
    )
    assert all("tasked with testing" in variant for variant in _all(text)), _all(text)
    text = "There were 40 deaths in the coastal towns, which officials blamed on the storm."
    assert "There were 40 deaths in the coastal towns." in _all(text)


@pytest.mark.parametrize(
    "text",
    [
        "The signing of the new trade deal featured ceremony but not much celebration — at least "
        "from the Canadians.",
        "Fuel prices will keep rising across the whole country, at least in the short term.",
        "Some of the marchers were seen carrying union flags, while others held banners with "
        "local slogans.",
    ],
)
def test_what_bounds_or_completes_the_claim_stays(text: str) -> None:
    """Without "at least from ..." or "at least in ..." the claim says more than the report does;
    "while others ..." is the other part of the whole that "Some" divides."""
    assert _all(text) == [text]


@pytest.mark.parametrize(
    ("text", "counterpoint"),
    [
        (
            "The harbour master blamed the city council on Friday for closing the port – though "
            "many shipping firms also raised concerns about the cost.",
            "though many shipping firms",
        ),
        (
            "The surge has posed a stressful challenge for the ministry, the minister "
            "acknowledged on Monday, while insisting that the influx has not reached a crisis "
            "level.",
            "while insisting that the influx",
        ),
    ],
)
def test_a_counterpoint_stays_with_its_claim(text: str, counterpoint: str) -> None:
    """ "though ..." and "while insisting ..." keep the claim before them from reading
    one-sided: every shorter version keeps them."""
    assert all(counterpoint in version for version in _all(text))


def test_a_quotation_is_kept_whole_or_dropped_whole() -> None:
    text = 'The minister, who spoke "with regret, and sorrow," resigned on Friday.'
    for variant in variants(text, [], optional_cuts(text, [])):
        assert variant.count('"') in (0, 2)


def test_that_after_a_reporting_verb_goes_unless_it_is_the_subject() -> None:
    assert apply_cuts(
        "He said that the army left.", function_word_cuts("He said that the army left.")
    ) == ("He said the army left.")
    assert function_word_cuts("He said that was wrong.") == []


def test_that_stays_before_a_phrase_or_clause_opening_what_was_said() -> None:
    for text in (
        "Pedersen warned that without de-escalation the crisis would deepen.",
        "She said that if talks fail, troops would move.",
        "Biden said that as officials agreed, he ordered a review.",
        "The chief said that of the 136 units, 55 collapsed.",
        "He said that he backs more spending, but that the plan is wasteful.",
    ):
        assert function_word_cuts(text) == [], text
    text = "A study found that in-school transmission is rare."
    assert (
        apply_cuts(text, function_word_cuts(text))
        == "A study found in-school transmission is rare."
    )


def _details(text: str) -> list[tuple[int, int]]:
    return attribution_details(
        text, [(a.start, a.end, a.source, a.cue) for a in find_attributions(text)]
    )


def test_a_phrase_before_an_attribution_leaves_its_comma() -> None:
    text = (
        "Tens of thousands have been displaced by the fighting, which started last week, "
        "Geir Pedersen said Tuesday."
    )
    assert "the fighting, Geir Pedersen said." in _shortest(text)


def test_what_stands_between_speaker_and_verb_may_go() -> None:
    text = (
        "The insurgency, through its channel on the Telegram app, claimed to have captured "
        "five militants near the city."
    )
    protected = [(a.start, a.end) for a in find_attributions(text)]
    found = variants(text, [], optional_cuts(text, protected, _details(text)))
    assert "The insurgency claimed to have captured five militants near the city." in found
    plain = "The insurgency through its channel on the Telegram app said they captured five men."
    assert apply_cuts(plain, [Cut(*span, "") for span in _details(plain)]) == (
        "The insurgency said they captured five men."
    )


def test_more_of_the_same_thing_may_go_but_never_a_verb() -> None:
    text = (
        "Insurgents captured large parts of the city of Aleppo, the country's largest, as well "
        "as towns and villages in Idlib province."
    )
    assert _shortest(text) == "Insurgents captured large parts of the city of Aleppo."
    text = "Assad as well as his foreign backers have killed half a million people in the war."
    assert all("killed" in v for v in variants(text, [], optional_cuts(text, [])))


def test_relative_clauses_with_a_preposition_and_including_phrases_go() -> None:
    text = (
        "The group said it captured five militants, of whom two were from Afghanistan, in "
        "eastern Hama on Tuesday."
    )
    assert "of whom" not in _shortest(text)
    text = "The group captured five militants, including two Afghans, in eastern Hama on Tuesday."
    assert "including" not in _shortest(text)


def test_an_including_phrase_that_opens_a_list_or_takes_an_appositive_stays() -> None:
    for text in (
        "Police struggle to answer 911 calls, including reports of assault, burglary and theft, "
        "officials said on Monday.",
        "Protesters filled the streets of major cities, including New York City, Washington and "
        "Philadelphia, on Saturday.",
        "The plan drew criticism in Congress, including Rep. Mac Thornberry, a Republican from "
        "Texas, who chairs the panel.",
    ):
        assert all("including" in variant for variant in _all(text)), text
    text = "Several countries, including France and Germany, condemned the strike on Tuesday."
    assert "including" not in _shortest(text)


def test_a_part_goes_only_with_what_modifies_its_last_noun() -> None:
    """A name set off after a clause names the clause's last noun, and a relative clause after
    a phrase its last noun: cutting the part alone would give them to the noun before it."""
    text = (
        "Two prosecutors stay, including the attorney David Weiss, whose office is investigating "
        "the president's son, Hunter, a senior official said."
    )
    for variant in variants(text, [], optional_cuts(text, [])):
        assert "Weiss Hunter" not in variant and "prosecutors stay whose" not in variant
    text = (
        "The president criticised business deals by Hunter Biden, the son of Joe Biden, who "
        "could face him in the election."
    )
    for variant in variants(text, [], optional_cuts(text, [])):
        assert "Hunter Biden who" not in variant


def test_a_comma_closing_a_party_and_state_or_opening_an_appositive_stays() -> None:
    text = (
        '"The deal raises serious questions," Sen. Ron Wyden, D-Ore., the panel\'s top '
        "Democrat, said on Twitter."
    )
    assert "D-Ore., said on Twitter" in _shortest(text)
    text = "Yovanovitch, 61, the former ambassador, told the panel that she was pushed out."
    cut = variants(text, [], optional_cuts(text, []))
    assert "Yovanovitch, the former ambassador, told the panel that she was pushed out." in cut
    assert not any("Yovanovitch the" in variant for variant in cut)


def _all(text: str) -> list[str]:
    protected = [(a.start, a.end) for a in find_attributions(text)]
    return variants(text, function_word_cuts(text), optional_cuts(text, protected))


def test_the_main_verb_after_a_subject_and_its_modifier_stays() -> None:
    """An -ed verb after the subject's appositive or relative clause is the main verb, not a
    participle clause to drop."""
    for text in (
        "Maria Okafor, who ran the port authority for 20 years, died at the age of 84.",
        "New claims for jobless benefits, a rough gauge of layoffs, climbed to 900,000 last week.",
        "The survey, published Friday by the statistics office, looked at 2,000 households.",
    ):
        assert all(re.search(r" (died|climbed|looked) ", v) for v in _all(text)), _all(text)
    text = "The army took the town on Tuesday, backed by heavy artillery."
    assert "The army took the town on Tuesday." in _all(text)


def test_a_closing_attribution_stays_with_every_claim_before_it() -> None:
    """A clause before it may go, the attribution stays: it attributes the whole sentence."""
    text = (
        "Officials hid the cost overruns for years — and misled the board about the delays, "
        "according to a damning audit by the state comptroller."
    )
    cut = _all(text)
    assert all("according to a damning audit" in v for v in cut)
    assert (
        "Officials hid the cost overruns for years, according to a damning audit by the state "
        "comptroller." in cut
    )
    text = (
        "The port will reopen on Friday, the tolls will double, and the ferry is likely to "
        "stop, the mayor said in an interview aired Sunday on the city's radio station."
    )
    cut = _all(text)
    assert all("the mayor said" in v for v in cut)
    # the series keeps its last clause (without it, two clauses joined by a comma), and may
    # lose a middle one
    assert not any(", the tolls will double, the mayor said" in v for v in cut)
    assert any(
        v.startswith("The port will reopen on Friday, and the ferry is likely to stop") for v in cut
    )


def test_a_cut_leaves_nothing_open_or_dangling() -> None:
    """No sentence ends on "and", no dashed phrase is left open, "both" keeps its second part,
    and a place's comma is not a clause's."""
    text = "Voters will elect a mayor, a sheriff and, in six counties, a judge."
    assert not any(v.endswith("and.") for v in _all(text))
    text = (
        "The new rule — including a ban on night flights over the valley — ends a decade "
        "of noise complaints from residents."
    )
    assert all(v.count("—") != 1 for v in _all(text))
    text = "The council will vote on both a harbour levy as well as a new budget for the port."
    assert all("as well as" in v for v in _all(text))
    text = (
        "The two leaders failed to reach a deal during their summit, which was cut short in "
        "Hanoi, Vietnam on Thursday afternoon."
    )
    assert not any("summit Vietnam" in v for v in _all(text))


def test_nothing_is_cut_from_a_quotation_the_sentence_leaves_open() -> None:
    text = (
        "In an interview on Tuesday, the mayor said, “Here is a plan that comes too late, "
        "written by people who never crossed the bridge."
    )
    assert all("written by people" in v for v in _all(text))


def test_the_comma_closing_an_opening_subordinate_clause_stays() -> None:
    text = (
        "When residents receive the new bills from the water board, which were posted on "
        "Monday, they will see a fee for the repairs."
    )
    assert "When residents receive the new bills from the water board, they will see a fee" in (
        " ".join(_all(text))
    )


@pytest.mark.parametrize(
    "text",
    [
        "The port will reopen next month, officials familiar with the plan said on Monday.",
        "Finance ministers meeting in Lisbon this weekend said the risks had grown sharply.",
    ],
)
def test_a_phrase_completing_the_speaker_is_no_detail(text: str) -> None:
    """ "officials familiar said" and "ministers meeting said" lose what the speaker is."""
    found = find_attributions(text)
    assert attribution_details(text, [(a.start, a.end, a.source, a.cue) for a in found]) == []


def test_the_speaker_s_name_between_the_speaker_and_the_verb_is_no_detail() -> None:
    text = "The harbour authority's new chief, Amara Okonkwo, vowed on Monday to reopen the port."
    assert _details(text) == []
    assert "Amara Okonkwo" in _shortest(text)


@pytest.mark.parametrize(
    "text",
    [
        # a verb read as the speaker, its "cue" a word of what follows a possessive
        "The warning was included in at least one of the president’s written daily briefings.",
        # a verb after the phrase: "reported" is a word of its object
        "The mayor on Wednesday decried reported efforts to close the harbour.",
    ],
)
def test_a_phrase_holding_or_after_the_sentence_s_verb_is_no_detail(text: str) -> None:
    found = find_attributions(text)
    assert attribution_details(text, [(a.start, a.end, a.source, a.cue) for a in found]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Under the proposed deal, the union would accept a raise of two percent this year.",
        "The union, without a deal, would strike again at the three harbours in March.",
    ],
)
def test_what_a_claim_holds_under_is_never_dropped(text: str) -> None:
    assert _shortest(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "In Portugal, dock workers were kept from the three harbours for most of the week.",
        "The police said officers came not to disperse the crowd, but to rescue two people who "
        "were trapped.",
    ],
)
def test_a_place_the_claim_holds_in_and_the_but_of_not_stay(text: str) -> None:
    assert _shortest(text) == text


def test_a_second_clause_goes_but_not_the_end_of_a_list() -> None:
    text = "The senate passed the budget bill on Friday, and the president signed it on Saturday."
    assert _shortest(text) == "The senate passed the budget bill."
    text = "The report names its officers, board members, and donors of the association."
    assert variants(text, [], optional_cuts(text, [])) == [text]


def test_a_truncated_sentence_loses_only_the_closing_clause_it_was_cut_in() -> None:
    from summarize.compose.truncation import truncated_variants

    text = "Republicans questioned the official on Thursday, accusing him of hiding the" + "."
    assert truncated_variants(text, [], optional_cuts(text, []), []) == [
        "Republicans questioned the official on Thursday."
    ]
    # A relative clause may be followed by the main verb the truncation took: never cut.
    text = "The caucus, which represents the conservative wing of the party" + "."
    assert truncated_variants(text, [], optional_cuts(text, []), []) == []


@pytest.mark.parametrize(
    ("cut_off", "expected"),
    [
        (
            "A lawyer briefed the president's lawyers on his talks with investigators after "
            "he agreed to cooperate with the",
            ["A lawyer briefed the president's lawyers on his talks with investigators."],
        ),
        # "Even" marks the contrast the claim is about: without its end, nothing is left to say.
        (
            "A lawyer briefed the president's lawyers on his talks with investigators even after "
            "he agreed to cooperate with the",
            [],
        ),
        (
            "The senator becomes the state's first female senator after a lengthy vote count in",
            ["The senator becomes the state's first female senator."],
        ),
        # A condition or a bound is part of the claim: without its end, nothing is left to say.
        ("The union will call off the strike across the country if the ministry agrees to", []),
        ("The airport will stay closed to all passenger flights until the storm has", []),
    ],
)
def test_a_truncated_sentence_loses_the_open_adjunct_clause_it_was_cut_in(
    cut_off: str, expected: list[str]
) -> None:
    from summarize.compose.truncation import truncated_variants

    text = cut_off + "."
    assert truncated_variants(text, [], optional_cuts(text, []), []) == expected


def test_a_truncated_sentence_never_loses_who_says_it() -> None:
    from summarize.compose.truncation import truncated_variants

    text = (
        "Consumer prices will rise sharply across the country next year while the minister told "
        "reporters on the."
    )
    speaker = text.index("the minister"), text.index(" on the")
    assert truncated_variants(text, [], optional_cuts(text, [speaker]), [speaker]) == []


def test_the_day_of_the_event_may_go_but_not_a_deadline_or_one_of_several_days() -> None:
    assert _shortest("Dock workers at the three harbours struck on Tuesday over pay.") == (
        "Dock workers at the three harbours struck over pay."
    )
    assert _shortest("The budget bill must pass the senate by Friday.") == (
        "The budget bill must pass the senate by Friday."
    )
    assert _shortest("The leaders met in Geneva on Monday and Tuesday.") == (
        "The leaders met in Geneva on Monday and Tuesday."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The department, as soon as Tuesday, is expected to ask the prosecutors to resign.",
        "The full chamber will vote next Tuesday on the harbour bill.",
        "The union said that Monday would be the last day of talks.",
        # A day a capitalised word opens is a name: "Black Monday", "Super Tuesday".
        "Shares fell the most since the Black Monday crash of 1987.",
        "Voters in 14 states cast ballots on Super Tuesday in the primaries.",
        # When something is to happen is what was said; a phrase may describe the day.
        "The harbour master said the strike could end on Saturday.",
        "Talks are expected to resume Thursday in the capital.",
    ],
)
def test_the_day_stays_with_a_word_bound_to_it(text: str) -> None:
    assert _shortest(text) == text


def test_the_day_a_phrase_describes_stays() -> None:
    text = "The union published its demands on Sunday, the last day of the strike."
    assert _shortest(text) == "The union published its demands on Sunday."


def test_the_alternative_chosen_is_no_phrase_to_drop() -> None:
    text = "The parade in the old town was called off, in favor of a concert in the harbour."
    assert _shortest(text) == text


@pytest.mark.parametrize("dash", ["—", "--"])
def test_a_dash_before_another_dash_opens_a_dashed_phrase(dash: str) -> None:
    text = (
        f"Loyalty to the governor {dash} much more than the issues {dash} matters most in the "
        "party's primaries."
    )
    assert _shortest(text) == "Loyalty to the governor matters most in the party's primaries."


@pytest.mark.parametrize(
    "text",
    [
        "The mayor wrote on Twitter that the vote was rigged, repeating unsubstantiated claims "
        "of fraud in the count.",
        "The rebels said they had taken the bridge, a claim that could not be independently "
        "verified.",
    ],
)
def test_the_doubt_cast_on_a_claim_stays_with_it(text: str) -> None:
    assert _shortest(text) == text


def test_dashes_closing_an_opening_phrase_stay() -> None:
    text = (
        "Yet unlike closing the roads to stop the flooding — a costly step the engineers "
        "recommend — there is no agreement on moving the families."
    )
    assert "flooding there is" not in _shortest(text)
    text = (
        "For the new mayor, a former judge and prosecutor — and onetime candidate for governor "
        "— there was one condition under which she would accept the post."
    )
    for variant in _all(text):
        assert "prosecutor there was" not in variant
        assert not variant.startswith("A former judge")


def test_a_relative_clause_goes_on_past_a_comma_before_that() -> None:
    text = (
        "The outage was traced to the cloud provider Fastly, which said in an update on "
        "Tuesday, that the issue had been fixed."
    )
    assert "Fastly that" not in _shortest(text)
    closed = "The outage was traced to Fastly, which runs servers for news sites, in March."
    assert "which" not in _shortest(closed)  # a comma before another word closes the clause


def _versions(text: str) -> list[str]:
    found = find_attributions(text)
    protected = [(a.start, a.end) for a in found]
    details = attribution_details(text, [(a.start, a.end, a.source, a.cue) for a in found])
    return variants(text, function_word_cuts(text), optional_cuts(text, protected, details))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a comparison's baseline
        (
            "Eleven febrile seizures were recorded among vaccinated infants, compared with nine "
            "in the placebo group, according to the agency's assessment.",
            "compared with nine",
        ),
        (
            "Turnout reached 64% in the city, as opposed to 58% four years earlier.",
            "as opposed to 58%",
        ),
        # whose view follows
        (
            'In a dissent, Justice Marco Fiori wrote that the procedural error "does not erase '
            'the substance of the evidence."',
            "In a dissent,",
        ),
        (
            "Justice Marco Fiori, in a dissent, warned that the error would let a guilty man "
            "walk free.",
            "in a dissent",
        ),
        # the day a participle set off by commas says
        (
            "Marcus Oyelaran's four-year ban, confirmed on Thursday, rests on a tribunal finding "
            "that he failed to explain how the drug entered his system.",
            "confirmed on Thursday,",
        ),
    ],
)
def test_a_part_the_claim_needs_stays_in_every_version(text: str, kept: str) -> None:
    assert all(kept in version for version in _versions(text))


def test_a_day_or_a_time_that_only_dates_the_claim_still_goes() -> None:
    timed = "On Thursday, the court overturned the conviction of the former minister."
    assert "The court overturned the conviction of the former minister." in _versions(timed)
    struck = "The union struck on Tuesday over pay at three harbours in the north."
    assert "The union struck over pay at three harbours in the north." in _versions(struck)


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "The latest strike at the port comes after dockworkers rejected a pay offer from the "
            "harbour authority.",
            "Dockworkers rejected a pay offer from the harbour authority.",
        ),
        (
            "The vote came a day after the council published its budget for the coming year.",
            "The council published its budget for the coming year.",
        ),
    ],
)
def test_a_main_clause_setting_the_news_against_another_event_may_go(
    text: str, clause: str
) -> None:
    """ "A comes after B" holds only when B happened: the clause of time is stated as fact, and
    alone it is a sentence of the report's."""
    assert clause in _all(text)


@pytest.mark.parametrize(
    "text",
    [
        # a noun phrase follows, no clause: "Months of talks with the unions over pay."
        "The decision comes after months of talks with the unions over pay.",
        # "comes" is a relative clause's: the sentence's own verb is "will meet"
        "The unions will meet on Friday for a session that comes as the port reopens to ferries.",
    ],
)
def test_only_a_main_clause_setting_the_news_against_a_clause_may_go(text: str) -> None:
    assert not any(cut.kind == "setting clause" for cut in optional_cuts(text, []))


def test_a_second_dash_of_a_pair_opens_no_clause_whatever_the_dash() -> None:
    """En dashes between spaces set a phrase off as em dashes do: the pair's second dash closes
    the phrase, and what follows is the sentence's own."""
    text = (
        "After the mayor stood in court and said that a rival – the governor – had ordered the "
        "closure, the port's future became an urgent question."
    )
    assert all(" – the governor – had ordered" in version for version in _all(text))


def test_a_comma_before_a_verb_of_saying_closes_the_subject_not_a_clause() -> None:
    """In "A, her title, and B, his title, say ..." the verb after the comma is the sentence's
    own: ", and B ... say ..." is part of its subject, not a second clause."""
    text = (
        "Col. Amara Okonkwo, an officer at the port authority, and Lena Berg, her counterpart at "
        "the ferry company, say they had concerns about the storm."
    )
    protected = [(a.start, a.end) for a in find_attributions(text)]
    assert not any(cut.kind == "second clause" for cut in optional_cuts(text, protected))


def test_the_last_item_of_a_list_after_its_comma_and_stays() -> None:
    """ "the Louvre, the Prado, and the Uffizi as ..." closes a list: ", and" opens no clause."""
    text = (
        "The museum joins the Louvre, the Prado, and the Uffizi as the only galleries that were "
        "given the award this century."
    )
    assert all("the Uffizi as the only galleries" in version for version in _all(text))
    # a verb after ", and" is a second predicate, not a list's last item, after a place too
    text = (
        "The 40 sailors flew into Lisbon, Portugal, and were taken to a naval base for medical "
        "checks, officials said."
    )
    assert "The 40 sailors flew into Lisbon, Portugal, officials said." in _all(text)


def test_a_phrase_joining_a_verb_to_the_reporting_verb_is_no_detail() -> None:
    """ "The mayor stood in court on Tuesday and said": the phrase ends on "and", so the verb
    before it is the speaker's own, not part of who speaks."""
    text = "The mayor stood in court on Tuesday and said the port would close for a month."
    assert _details(text) == []


def test_a_long_sentence_may_give_its_main_clause_alone() -> None:
    """The cuts decide what the claim needs; a fifth of a long sentence may be its claim (a
    quarter here, once a relative clause and more of the same thing go)."""
    text = (
        "The rebel command said they captured five militiamen, of whom two were from abroad, as "
        "well as three soldiers from the army's 25th division in the eastern villages near the "
        "river crossing."
    )
    assert _shortest(text) == "The rebel command said they captured five militiamen."


def test_an_opening_phrase_naming_a_year_stays() -> None:
    text = "In 2025, a magnitude 5.9 quake in the same province killed two people on the coast."
    assert _shortest(text).startswith("In 2025, ")
    assert _shortest("On Thursday, the council approved the new budget.") == (
        "The council approved the new budget."
    )


def test_the_verb_after_a_part_of_the_subject_set_off_by_commas_is_the_main_verb() -> None:
    text = (
        "Young people, many of them students, marched from the State Department Store to the "
        "square chanting the names of officials."
    )
    assert optional_cuts(text, []) == []


def test_a_relative_clause_before_an_appositive_of_its_last_noun_stays() -> None:
    text = (
        "Lawmakers voted to confirm Oyunbileg, whose nomination was backed by the ruling party "
        "and its coalition partner, the Democratic Party."
    )
    assert all(cut.kind != "relative clause" for cut in optional_cuts(text, []))
    closing = "The deal was approved by Acme, which owns the mine, the company said."
    assert any(cut.kind == "relative clause" for cut in optional_cuts(closing, []))
