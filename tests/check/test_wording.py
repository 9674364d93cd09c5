"""Wording: loaded words and attribution, compared with another report's telling of the claim."""

from __future__ import annotations

import datetime as dt

from summarize.models import Finding
from summarize.pipeline import check
from tests.stories import cluster_of


def _findings(reports: dict[str, str], kind: str) -> list[Finding]:
    return [f for f in check(cluster_of(reports)).findings if f.kind == kind]


PLAIN = (
    "The council voted on Tuesday to close the northern library branch. "
    "The branch had served the district for decades."
)
# Another fact of the same story, only loosely similar to a telling of the vote.
OTHER_FACT = (
    "Staff of the library will move to the central branch in the spring, and the district's "
    "mobile book van will add two stops, a spokesperson for the council said."
)


def test_a_loaded_word_in_a_report_s_own_voice_is_framing() -> None:
    loaded = PLAIN.replace("voted on Tuesday", "shamelessly voted on Tuesday")
    (finding,) = _findings({"plain": PLAIN, "loaded": loaded}, "framing")
    assert set(finding.documents) == {"plain", "loaded"}
    assert any("shamelessly" in e.quote for e in finding.evidence if e.document == "loaded")


def test_reports_using_the_same_loaded_word_make_one_finding() -> None:
    loaded = PLAIN.replace("voted on Tuesday", "shamelessly voted on Tuesday")
    (finding,) = _findings({"plain": PLAIN, "one": loaded, "two": loaded}, "framing")
    assert finding.documents == ["one", "two", "plain"]
    assert finding.explanation.startswith(
        "one, two use “shamelessly” themselves, quoting no one; "
        "plain tells the same claim without it"
    )


def test_the_plain_telling_is_shown_by_its_words_on_the_claim() -> None:
    opening = (
        "In a crowded hall with residents, teachers, parents and several local business owners "
        "looking on, the council voted on Tuesday to close the northern library branch."
    )
    loaded = "The council shamelessly voted on Tuesday to close the northern library branch."
    (finding,) = _findings({"plain": opening, "loaded": loaded}, "framing")
    assert "looking on, the council voted on Tuesday to close the northern library branch.”" in (
        finding.explanation
    )
    assert "In a crowded hall" not in finding.explanation


def test_the_words_a_plain_telling_puts_in_the_loaded_word_s_place_are_named() -> None:
    loaded = "Police detained the far-right activist outside the council building on Tuesday."
    plain = "Police detained the nationalist activist outside the council building on Tuesday."
    (finding,) = _findings({"plain": plain, "loaded": loaded}, "framing")
    assert "plain tells the same claim without it, saying “nationalist activist”: “" in (
        finding.explanation
    )
    # a telling with nothing in the word's place is shown by its words on the claim
    bare = "Police detained an activist outside the council building on Tuesday."
    (finding,) = _findings({"plain": bare, "loaded": loaded}, "framing")
    assert "saying" not in finding.explanation


def test_a_telling_whose_headline_uses_the_word_is_not_plain() -> None:
    loaded = PLAIN.replace("voted on Tuesday", "shamelessly voted on Tuesday")
    story = cluster_of({"plain": PLAIN, "loaded": loaded})
    assert [f.kind for f in check(story).findings] == ["framing"]
    headline = "Council shamelessly shuts library branch"
    story.documents[0] = story.documents[0].model_copy(update={"title": headline})
    assert [f.kind for f in check(story).findings if f.kind == "framing"] == []


def test_another_report_using_the_word_elsewhere_is_named_too() -> None:
    loaded = PLAIN.replace("voted on Tuesday", "shamelessly voted on Tuesday")
    story = cluster_of({"plain": PLAIN, "loaded": loaded, "other": OTHER_FACT})
    (finding,) = [f for f in check(story).findings if f.kind == "framing"]
    assert "other says" not in finding.explanation
    story.documents[2] = story.documents[2].model_copy(
        update={"title": "Council's shameless library vote moves staff"}
    )
    (finding,) = [f for f in check(story).findings if f.kind == "framing"]
    assert finding.explanation.endswith(" other says “shameless” too, in its headline.")


def test_a_loaded_word_against_a_loosely_similar_telling_is_low() -> None:
    loaded = PLAIN.replace("voted on Tuesday", "shamelessly voted on Tuesday")
    (close,) = _findings({"plain": PLAIN, "loaded": loaded}, "framing")
    assert close.severity == "medium"
    loose = (
        "The council shamelessly voted to close the northern library branch after years of "
        "complaints from parents, teachers, pensioners and shop owners about its leaking roof, "
        "broken heating and short opening hours."
    )
    (far,) = _findings({"plain": OTHER_FACT, "loaded": loose}, "framing")
    assert far.severity == "low"
    # the page says why it is low, so a reader checks that telling first
    assert "the nearest sentence of plain (only loosely similar" in far.explanation
    assert "loosely" not in close.explanation


def test_a_loaded_word_inside_a_quotation_is_the_speaker_s() -> None:
    quoted = PLAIN.replace("branch.", 'branch, which a resident called "a shameless decision".', 1)
    assert _findings({"plain": PLAIN, "quoted": quoted}, "framing") == []


DOUBTED = (
    "Rebels claimed, without evidence, to have shot down a military helicopter near the border on "
    "Sunday."
)


def test_a_claim_stated_flatly_where_another_report_doubts_it_is_attribution() -> None:
    flat = "Rebels shot down a military helicopter near the border on Sunday."
    findings = _findings({"flat": flat, "doubted": DOUBTED}, "attribution")
    assert findings and {"flat", "doubted"} <= set(findings[0].documents)


def test_a_cause_stated_as_fact_where_another_report_says_it_is_not_known() -> None:
    reports = {
        "flat": "Corroded steel bolts caused the collapse of the Route 9 bridge on Monday.",
        "open": "A 2024 inspection flagged corrosion in steel connections under the bridge, but "
        "state officials cautioned that no cause has been established.",
    }
    (found,) = _findings(reports, "attribution")
    assert found.documents == ["flat", "open"] and found.severity == "medium"
    assert "caused" in found.explanation and "no cause has been established" in found.explanation
    # a cause of something else is no answer to it
    other = {
        "flat": "Heavy rain caused delays on the commuter lines into the city.",
        "open": "The cause of the bridge collapse was not immediately known.",
    }
    assert _findings(other, "attribution") == []


def test_an_inquiry_alone_is_about_the_sentence_before_and_any_date_counts() -> None:
    reports = {
        "open": "The fire ignited about 3 miles west of town on Tuesday afternoon. "
        "Investigators have not determined a cause.",
        "flat": "The Sterling Ridge Fire, sparked by a power line the utility had failed to "
        "maintain, has now burned nearly 12,000 acres.",
    }
    dates = {"open": dt.date(2026, 7, 14), "flat": dt.date(2026, 7, 15)}
    found = check(cluster_of(reports, published=dates)).findings
    (found,) = [f for f in found if f.kind == "attribution"]
    assert found.documents == ["flat", "open"] and "sparked by" in found.explanation


def test_both_reports_attributing_is_no_attribution_finding() -> None:
    one = "The Labor Department said 235,000 jobs were added in February."
    other = "Employers added 235,000 jobs in February, the Labor Department reported."
    assert _findings({"one": one, "other": other}, "attribution") == []


def test_a_word_the_other_report_uses_in_another_form_is_no_framing() -> None:
    # "anti-rioting" (in a quotation, even) uses "riot": both reports use the word.
    loaded = "The governor signed the law that raises penalties for theft during a riot on Monday."
    other = (
        'The governor on Monday signed the law, which he called "the strongest anti-rioting '
        'law", raising penalties for theft.'
    )
    assert _findings({"loaded": loaded, "other": other}, "framing") == []


def test_a_loaded_compound_the_other_report_uses_in_speech_is_no_framing() -> None:
    loaded = "Hundreds of far-right protesters and counter-demonstrators rallied in the city park."
    other = (
        "The mayor said on Saturday that far-right protesters and counter-demonstrators had "
        "rallied in the city park without violence."
    )
    assert _findings({"loaded": loaded, "other": other}, "framing") == []


def test_a_loaded_word_whose_agent_noun_the_other_report_uses_is_no_framing() -> None:
    loaded = "Democrats moved to impeach the president for inciting the riot at the Capitol."
    other = "Democrats moved to impeach the president after rioters stormed the Capitol."
    assert _findings({"loaded": loaded, "other": other}, "framing") == []


def test_a_word_both_reports_use_leaves_the_other_loaded_words_framing() -> None:
    # "disastrous" is in both reports; "shamelessly" only in one: that one is still framing.
    loaded = (
        "The council shamelessly voted on Tuesday to close the northern library branch in a "
        "disastrous decision."
    )
    other = (
        "The council voted on Tuesday to close the northern library branch, a decision critics "
        'called "disastrous".'
    )
    (finding,) = _findings({"loaded": loaded, "other": other}, "framing")
    assert "“shamelessly”" in finding.explanation
    assert "“disastrous”" not in finding.explanation


def test_a_loaded_word_the_other_report_uses_elsewhere_is_no_framing() -> None:
    loaded = "The director of the controversial film defended it on Monday against the boycott."
    other = (
        "The film previously sparked controversy over its poster. "
        "Its director defended the film on Monday as calls for a boycott grew."
    )
    assert _findings({"loaded": loaded, "other": other}, "framing") == []


def test_a_mostly_quoted_sentence_is_no_plain_telling() -> None:
    loaded = "Some columnists even mocked the editor after her letter criticising the newspaper."
    quoted = '"Twitter is not the editor of this newspaper," the editor wrote in her letter.'
    assert _findings({"loaded": loaded, "quoted": quoted}, "framing") == []


def test_a_report_s_own_telling_is_compared_not_its_quotation_of_a_speaker() -> None:
    loaded = (
        "The mayor shamelessly defended the new parking fees for the city centre at a press "
        "conference on Monday."
    )
    other = (
        '"The new parking fees will pay for the city centre buses," the mayor said at a press '
        "conference on Monday. The mayor defended the parking fees on Monday as a fair charge for "
        "drivers."
    )
    (finding,) = _findings({"loaded": loaded, "other": other}, "framing")
    assert "a fair charge for drivers" in finding.evidence[-1].quote


def test_a_loaded_verb_of_speech_needs_the_same_statement() -> None:
    # "slammed" says how the critics spoke; the other report never reports what they said.
    slammed = "The travel ban was slammed by immigrant advocates on Friday as discriminatory."
    plain = "The president expanded the travel ban to six new countries on Friday."
    assert _findings({"slammed": slammed, "plain": plain}, "framing") == []
    said = "Immigrant advocates said on Friday that the travel ban was discriminatory."
    (finding,) = _findings({"slammed": slammed, "said": said}, "framing")
    assert set(finding.documents) == {"slammed", "said"}


def test_one_shared_topic_word_is_not_the_same_claim() -> None:
    loaded = "Republicans are headed toward a disastrous result at the ballot box this fall."
    other = "A new poll suggests that the president is losing support among older voters."
    assert _findings({"loaded": loaded, "other": other}, "framing") == []


def test_only_so_much_is_degree_not_a_motive() -> None:
    analysis_of = {
        "a": "There is only so much any president can do to stop a virus from spreading now.",
        "b": "The vice president will lead the response to the virus, the president said now.",
    }
    findings = _findings(analysis_of, "framing")
    assert not any("motive" in f.explanation for f in findings)


def _attribution(reports: dict[str, str]) -> list[tuple[str, set[str]]]:
    return [(f.severity, set(f.documents)) for f in _findings(reports, "attribution")]


CLAIMED = "Critics claimed that the union used its pension fund to help its leaders."


def test_a_claim_under_a_verb_of_belief_with_its_own_subject_is_not_flat() -> None:
    flat = "The union used its pension fund to buy an office tower."
    believed = "Its members think the union used its pension fund to buy an office tower."
    assert _attribution({"d": CLAIMED, "f": flat})
    assert _attribution({"d": CLAIMED, "f": believed}) == []


def test_words_in_scare_quotes_are_not_stated_flatly() -> None:
    doubted = "The union claimed the schedules were unfair and unsafe."
    flat = "Nurses walked out on Monday over the unfair, unsafe schedules."
    quoted = "Nurses walked out on Monday over the “unfair, unsafe” schedules."
    assert _attribution({"d": doubted, "f": flat})
    assert _attribution({"d": doubted, "f": quoted}) == []


def test_sharing_only_names_is_not_the_same_claim() -> None:
    doubted = "Critics claimed that Joe Biden used his office to help his son."
    other = "Joe Biden took his son Hunter on a trip to China in 2013."
    assert _attribution({"d": doubted, "f": other}) == []


def test_an_unverified_claim_is_high_only_when_surely_the_same_claim() -> None:
    doubted = (
        "There is no evidence that the mayor took bribes from local builders during his second "
        "term in office."
    )
    other = "The mayor met local builders on Friday."
    assert _attribution({"d": doubted, "f": other}) == [("medium", {"d", "f"})]


def test_a_claim_stated_flatly_only_in_a_loosely_similar_sentence_is_no_finding() -> None:
    # The flat sentence shares "driver" and "crash" but tells another fact: say nothing.
    doubted = (
        "Protesters reportedly accused the driver of trying to hit them with his truck before the "
        "crash."
    )
    loose = (
        "A crowd surrounded the driver's white pickup around 10:30 p.m. near where he crashed into "
        "a light pole at the corner of Broadway and Taylor, across from the old cinema and a row "
        "of shuttered shops."
    )
    assert _attribution({"d": doubted, "f": loose}) == []
    close = "The driver tried to hit the protesters with his truck before the crash."
    assert _attribution({"d": doubted, "f": close}) == [("medium", {"d", "f"})]


def test_loaded_words_in_a_plain_construction_are_no_framing() -> None:
    from summarize.analyze.framing import find_loaded_terms

    assert find_loaded_terms("The bill would make it illegal for landlords to raise rents.") == []
    assert find_loaded_terms("One part holds less controversial items like schools.") == []
    assert find_loaded_terms("Images of the agents have sparked outrage.") == []
    assert find_loaded_terms("The illegal dumping and the controversial plan drew outrage.")


def test_a_motive_one_report_alone_leaves_out_is_told_with_a_singular_verb() -> None:
    motive = PLAIN.replace("branch. ", "branch in a bid to cut costs. ", 1)
    (finding,) = _findings({"plain": PLAIN, "motive": motive}, "framing")
    assert finding.explanation.endswith("; plain tells the same fact without it.")
    # the words of the link are shown, in the report's own sentence
    assert "in a bid to cut costs" in finding.explanation


def test_a_report_denied_in_both_tellings_is_doubted_alike() -> None:
    one = (
        "The special counsel's office on Friday denied an explosive report by a news site that "
        "the president directed his lawyer to lie to Congress."
    )
    other = (
        "The special counsel's office on Friday disputed a blockbuster report from a news site "
        "that alleged the president directed his lawyer to lie to Congress."
    )
    assert _findings({"one": one, "other": other}, "attribution") == []


def test_what_evidence_shows_is_not_stated_flatly() -> None:
    distanced = (
        "Police claimed their officers went to the airport terminal to rescue travellers trapped "
        "by protesters."
    )
    flat = "Officers went to the airport terminal to rescue travellers trapped by protesters."
    shown = (
        "Video showed officers at the airport terminal to rescue travellers trapped by protesters."
    )
    assert _findings({"flat": flat, "distanced": distanced}, "attribution")
    assert _findings({"shown": shown, "distanced": distanced}, "attribution") == []


def test_a_claim_evidence_shows_is_not_stated_as_fact_against_its_doubted_telling() -> None:
    # The reports differ in doubt (a video against "without evidence"), but neither states the
    # claim in its own voice: no "states as fact", and no `high`.
    shown = "Video showed rebels shooting down a military helicopter near the border on Sunday."
    (finding,) = _findings({"shown": shown, "doubted": DOUBTED}, "attribution")
    assert finding.severity == "medium"
    assert "as fact" not in finding.explanation


def test_a_claim_disputed_in_both_tellings_is_doubted_alike_whatever_else_is_said() -> None:
    # "Falsely" disputes the claim; "unsubstantiated" disputes it too, and also says it is
    # unverified: the strongest doubt each casts is the same. Could-not-verify against
    # without-evidence still differs.
    falsely = (
        "The mayor wrote on Friday that the city election was rigged, falsely claiming that "
        "observers had been barred from the count."
    )
    unsubstantiated = (
        "The mayor wrote on Friday that the city election was rigged, repeating "
        "unsubstantiated claims that observers had been barred from the count."
    )
    assert _findings({"one": falsely, "other": unsubstantiated}, "attribution") == []
    unverified = (
        "The insurgents said they captured five soldiers and three militia fighters in battles "
        "east of the city on Tuesday. The claims could not be independently verified."
    )
    disputed = (
        "The insurgents claimed, without evidence, to have captured five soldiers and three "
        "militia fighters in battles east of the city on Tuesday."
    )
    assert _findings({"one": unverified, "other": disputed}, "attribution")


def test_a_motive_in_the_attribution_itself_is_the_report_s_own() -> None:
    # The report describes the speaker ("heeding calls ..."): its own voice. What the speaker
    # says ("in order to save money") is the speaker's.
    plain = "The mayor said on Monday that the city would close the northern library branch."
    heeding = (
        "The mayor, heeding calls from residents to cut costs, said on Monday that the city "
        "would close the northern library branch."
    )
    said = (
        "The mayor said on Monday that the city would close the northern library branch in "
        "order to save money."
    )
    findings = _findings({"plain": plain, "heeding": heeding}, "framing")
    assert [f.documents[0] for f in findings] == ["heeding"]
    assert "motive" in findings[0].explanation
    assert _findings({"plain": plain, "said": said}, "framing") == []


def test_a_link_is_no_framing_against_a_speaker_s_quotation() -> None:
    # The other report gives the fact only in the mayor's quoted words: that is the speaker's
    # telling, not the report's, so nothing shows the report left the motive out.
    motive = PLAIN.replace("branch. ", "branch in a bid to cut costs. ", 1)
    quoted = (
        "“The council voted on Tuesday to close the northern library branch,” the mayor said. "
        "The branch had served the district for decades."
    )
    assert _findings({"quoted": quoted, "motive": motive}, "framing") == []
    assert _findings({"plain": PLAIN, "motive": motive}, "framing")


def test_a_motive_against_a_loosely_similar_telling_says_so() -> None:
    loose = (
        "The council voted to close the northern library branch in a bid to cut costs after "
        "years of complaints from parents, teachers, pensioners and shop owners about its "
        "leaking roof, broken heating and short opening hours."
    )
    (finding,) = _findings({"plain": OTHER_FACT, "motive": loose}, "framing")
    assert finding.severity == "low"
    assert finding.explanation.endswith(
        "; the nearest sentence of plain (only loosely similar, perhaps about another fact) "
        "does without it."
    )
