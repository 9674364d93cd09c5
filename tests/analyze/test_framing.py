from __future__ import annotations

import pytest

from summarize.analyze.framing import (
    _EXTRA_LOADED,
    _LABELS,
    _LEXICON_SUBSET,
    find_loaded_terms,
    in_own_voice,
    is_charged,
    loaded_rate,
    reported_loaded_terms,
)
from summarize.analyze.links import LINK_CUES, LINK_NAMES, cause_told, find_links
from summarize.text.lexicons import lexicon


def loaded(text: str) -> list[str]:
    spans = find_loaded_terms(text)
    assert all(text[s.start : s.end] == s.text for s in spans)
    return [s.text for s in spans]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # seeds: the rewrites add "successfully" and "crucial" to the wire copy
        (
            "Syria announced that its counteroffensive has successfully pushed back insurgents.",
            ["successfully"],
        ),
        (
            "Lattakia, a crucial political stronghold for Assad, also hosts a naval base.",
            ["crucial"],
        ),
        ("Syria said its counteroffensive has pushed back insurgents.", []),
        # politics
        (
            "Trump blasted the media after the so-called investigation ended.",
            ["blasted", "so-called"],
        ),
        ("The brutal regime slammed the report.", ["brutal", "regime", "slammed"]),
        # business
        (
            "The company posted a massive loss, a stunning reversal for the embattled carmaker.",
            ["massive", "stunning", "embattled"],
        ),
        # sports
        ("The team clinched a historic victory with a very late goal.", ["historic", "very"]),
        # a judgement that an act is odd or beyond the norm
        (
            "The senator made the bizarre claim in an audacious bid to stall the vote.",
            ["bizarre", "audacious"],
        ),
        # scheming, vengeance, desperation or disorder imputed to an act or to people
        (
            "The mayor fired six aides in a revenge purge after a tumultuous week.",
            ["revenge", "purge", "tumultuous"],
        ),
        # a judgement of competence or character, a sum belittled
        (
            "The hapless council botched the rollout and offered families a paltry payout.",
            ["hapless", "botched", "paltry"],
        ),
        ("Three heroes died defending the post.", ["heroes"]),
        # disasters: plain report
        ("An earthquake of magnitude 6.1 killed at least 40 people, officials said.", []),
    ],
)
def test_loaded_words(sentence: str, expected: list[str]) -> None:
    assert loaded(sentence) == expected


def test_plain_words_of_the_bias_lexicon_are_not_loaded() -> None:
    assert {"account", "accept", "abortion", "government", "area"} <= set(
        lexicon("bias-lexicon.txt")
    )
    assert (
        loaded("The account of the abortion law was accepted by the government in the area.") == []
    )


def test_quoted_words_are_the_speakers_not_the_outlets() -> None:
    assert loaded('The senator called the bill "a disgraceful power grab" in a fiery speech.') == [
        "fiery"
    ]
    assert loaded("“This brutal regime must go,” the minister said.") == []


def test_labels_in_someone_elses_voice_are_not_counted() -> None:
    assert (
        loaded("Damascus views the insurgents as terrorists, and Assad has vowed to respond.") == []
    )
    assert loaded("Damascus continues to label the insurgents as terrorists.") == []
    assert (
        loaded("Assad and officials in his government say all armed groups are terrorists.") == []
    )
    assert loaded("The regime said the rebels had retreated.") == ["regime"]  # the outlet's word
    assert loaded("The terrorists attacked the city.") == ["terrorists"]
    # any loaded word in "what X called ..." is X's
    assert loaded("The county removed voters in what rights groups called a targeted purge.") == []
    assert loaded("What followed was a brazen purge.") == ["brazen", "purge"]


def test_a_label_naming_the_offence_charged_is_the_law_s_word() -> None:
    assert (
        loaded(
            "He was indicted on charges of manslaughter, use of a firearm in a felony and making "
            "terrorist threats."
        )
        == []
    )
    assert loaded("She was convicted of genocide by the tribunal on Friday.") == []
    # After the offences, a time or a cause is the report's own telling again.
    assert loaded("He was charged with assault after the terrorist attack.") == ["terrorist"]


def test_the_chosen_subset_comes_from_the_lexicon() -> None:
    entries = set(lexicon("bias-lexicon.txt"))
    assert entries >= _LEXICON_SUBSET
    assert len(_LEXICON_SUBSET) < len(entries) / 5
    assert _LABELS <= _LEXICON_SUBSET | _EXTRA_LOADED


def test_loaded_rate() -> None:
    assert loaded_rate("The brutal regime slammed the report.") == pytest.approx(3 / 6)
    assert loaded_rate("Officials said the bridge collapsed.") == 0.0
    assert loaded_rate("") == 0.0


def own_voice(text: str) -> list[str]:
    return [s.text for s in in_own_voice(text, 0, find_loaded_terms(text))]


def test_reported_speech_is_the_speakers_but_a_paraphrase_can_add_words() -> None:
    sentence = "Syria announced that its counteroffensive has successfully pushed back insurgents."
    assert own_voice(sentence) == []
    assert [s.text for s in reported_loaded_terms(sentence)] == ["successfully"]
    # the complement of a reporting verb is speech; its plain object is the report's words
    assert loaded("Officials said the regime had fallen.") == []
    assert loaded("Trump touted the “perfectly executed strike” against the Assad regime.") == [
        "regime"
    ]
    assert own_voice("He accused the intelligence community of illegally leaking data.") == []
    assert own_voice("Critics blasted the bill, saying it was a shameless giveaway.") == ["blasted"]


def test_a_loaded_word_ending_its_phrase_in_a_paraphrase_is_what_was_said() -> None:
    def added(text: str) -> list[str]:
        return [s.text for s in reported_loaded_terms(text)]

    assert added("He backed off his long-held claim that global warming is a hoax.") == []
    assert added("She said the attacks may not count as terrorism because it was night.") == []
    assert added("She said the attacks were terrorism acts planned for months.") == ["terrorism"]


def test_an_attribution_closing_the_sentence_with_a_time_or_place_makes_it_speech() -> None:
    assert loaded("The regime fell, officials said Friday.") == []
    assert loaded("The regime fell, officials said in a statement on Monday.") == []
    # a clause after the time is what was said
    assert loaded("Officials said on Monday the regime had fallen.") == []
    # "to say" opens what someone said, unless it asks ("too early to say whether")
    assert loaded("He took to Twitter to say the regime must fall.") == []
    assert loaded("It is too early to say whether the regime will fall.") == ["regime"]
    # more than a time or a place after the verb: not a closing attribution
    assert loaded("The regime fell, officials said Friday, adding more.") == ["regime"]


def test_words_that_only_grade_size_load_but_do_not_frame() -> None:
    assert not is_charged("massive") and not is_charged("historic")
    assert is_charged("stunt") and is_charged("brutal")
    # a strong emotion, disgust, a pejorative name for an event, a partisan label: each frames
    assert all(is_charged(word) for word in ("livid", "abhorrent", "fiasco", "pro-abortion"))
    # a label for people at a protest
    assert is_charged("rioters") and is_charged("rioter")
    # contemptuous or violent idioms for an act
    assert all(is_charged(w) for w in ("gunned", "deathtrap", "price-gouging", "caved"))


def test_scheduling_is_no_cause_and_a_purpose_is_a_motive() -> None:
    assert find_links("The Senate is due to vote on Tuesday.") == {}
    assert find_links("Flights were cancelled due to fog.") == {"cause": "due to"}
    assert find_links("An interview due to air on Friday was recorded.") == {}
    assert find_links("The regatta, due to take place next weekend, was cancelled.") == {}
    assert find_links("A selloff due to fallout from the virus.") == {"cause": "due to"}
    assert "motive" in find_links("Police cleared the square so the president could pose.")
    assert find_links("Officials said the strike was driven by revenge.") == {}
    assert find_links("Police blocked the roads leading to the court building.") == {}


def test_a_result_asserts_a_cause_and_a_verb_of_setting_off_tells_one_in_background() -> None:
    text = "The collapse is the direct result of the company's cost-cutting."
    assert find_links(text) == {"cause": "is the direct result of"}
    background = "Two miners died, a day after a tremor triggered a rockfall in the tunnel."
    assert find_links(background) == {}  # background: no link the report adds
    assert cause_told(background) == "triggered"
    assert cause_told('"A tremor triggered it," she said, after the rockfall.') is None
    started = "The fire was started by an electrical short circuit in the dyeing section."
    assert cause_told(started) == "was started by"
    described = "The fire, sparked by a power line the utility failed to maintain, has spread."
    assert find_links(described) == {} and cause_told(described) == "sparked by"
    # what moved a figure is its cause, not anyone's motive
    assert find_links("The rise was driven by higher gas prices.") == {"cause": "driven by"}
    assert find_links("Arab states have backed the president.") == {"support": "have backed"}


def test_who_gains_or_loses_is_the_report_s_judgement_but_who_won_is_a_fact() -> None:
    ruling = "The court struck down the law in a major win for abortion rights activists."
    assert find_links(ruling) == {"judgement": "a major win for"}
    confirmed = "Garland was confirmed, a boost for the president's drive against crime."
    assert find_links(confirmed) == {"judgement": "a boost for"}
    assert find_links("The tariffs are a blow to an already struggling industry.") != {}
    # a contest's result told as a fact, and someone else's verdict
    assert find_links("Biden won Georgia, his first victory in the South.") == {}
    assert find_links("Critics said the repeal was a fatal blow to an open internet.") == {}
    # every kind of link has its words for a finding's explanation
    assert LINK_NAMES.keys() == LINK_CUES.keys()


def test_a_loaded_word_inside_a_proper_name_is_part_of_the_name() -> None:
    text = "The order covers firms aiding the People’s Liberation Army and the Radical Party."
    assert find_loaded_terms(text) == []
    # the same word outside a name is the report's
    assert [t.text for t in find_loaded_terms("The radical party pushed for liberation.")] == [
        "radical",
        "liberation",
    ]


def test_a_headline_s_capitals_are_no_name() -> None:
    # Title case capitalises every word: loaded words in a headline are still the outlet's.
    headline = "Trump Slams Democrats Over Brutal Crackdown On Protesters"
    assert [t.text for t in find_loaded_terms(headline)] == ["Slams", "Brutal", "Crackdown"]


def test_a_cause_asked_about_or_a_noun_that_looks_like_one_is_no_cause() -> None:
    assert find_links("It remains unclear what caused the outage.") == {}
    assert find_links("Most results are in hand by 11 p.m.") == {}
    assert find_links("The first results in Iowa come at 8:30 p.m.") == {}
    assert find_links("The storm caused the outage.") == {"cause": "caused"}
    assert find_links("The ruling could result in layoffs.") == {"cause": "could result in"}
    assert find_links("The policy resulted in chaos.") == {"cause": "resulted in"}


def test_a_cause_describing_a_noun_is_background_not_what_the_sentence_tells() -> None:
    assert find_links("Aid will ease the hardships caused by the outbreak in the region.") == {}
    assert find_links("Her success, driven by deep cuts, made her famous.") == {}
    assert find_links("The fire was caused by a faulty heater.") == {"cause": "caused"}
    assert find_links("The rise was largely driven by gas prices.") == {"cause": "driven by"}
    # a participle clause closing the sentence tells what moved its event
    assert find_links("Prices rose in June, driven by gas prices.") == {"cause": "driven by"}


def test_a_legal_status_a_thing_s_name_and_an_expressed_reaction_are_plain() -> None:
    # the adverb says what the law says of an act; the adjective on people labels them
    assert loaded("Immigrants brought to the country illegally as children.") == []
    assert loaded("The court ruled the league illegally restricted benefits.") == []
    assert loaded("Young illegal immigrants will be protected.") == ["illegal"]
    assert loaded("Protesters clashed with police in riot gear.") == []
    assert loaded("Riot police moved in.") == []
    assert loaded("His homemade explosive device went off.") == []
    assert loaded("The explosive allegations shook the campaign.") == ["explosive"]
    assert loaded("The riot at the Capitol delayed the count.") == ["riot"]
    assert loaded("Lawmakers expressed their outrage at the shooting.") == []
    assert loaded("The plan drew bipartisan outrage.") == []
    assert loaded("Outrage over the shooting grew.") == ["Outrage"]


def test_speech_after_a_time_or_place_and_a_quotation_left_open_are_the_speakers() -> None:
    assert own_voice("The nominee said on Monday that the attacks were not terrorism.") == []
    assert (
        own_voice(
            "The nominee said during the first day of his hearing on Monday that the attacks "
            "may not qualify as domestic terrorism."
        )
        == []
    )
    assert own_voice("“Do you regard these attacks as domestic terrorism?") == []
    assert own_voice("The nominee said on Monday he would fight terrorism.") == []
    assert own_voice("The terrorism charge was dropped on Monday.") == ["terrorism"]


def test_a_participle_of_speech_after_a_comma_reports_the_subject_s_words() -> None:
    ruling = "The court sided with the athletes, ruling the illegal rules must go."
    assert own_voice(ruling) == []
    adding = "The senator backed the bill, adding that the illegal scheme had to end."
    assert own_voice(adding) == []
    assert own_voice("Adding the illegal fees, the bill rose.") == ["illegal"]


def test_a_speaker_inside_a_relative_clause_owns_the_rest_of_it() -> None:
    assert find_links("The rules end policies that DeVos claims led to unfair hearings.") == {}
    assert find_links("It is a plan which he says will fail because of the cuts.") == {}
    assert find_links("The bill that Congress passed led to a surge in imports.") == {
        "cause": "led to"
    }


def test_a_that_after_another_verb_of_speech_is_that_verb_s() -> None:
    text = '"He won," Trump wrote before falsely claiming that no observers had been allowed.'
    assert own_voice(text) == ["falsely"]


def test_what_a_thing_is_for_is_no_motive_but_an_effort_to_is() -> None:
    assert find_links("House Republicans will meet Wednesday to address tensions.") == {}
    assert find_links("She won, earning support from every part of the city.") == {}
    assert find_links("Progressives held out in an effort to gain leverage.") == {
        "motive": "in an effort to"
    }


def test_why_someone_acts_is_a_motive_however_it_is_worded() -> None:
    assert find_links("They asked questions in an apparent attempt to trap the nominee.") == {
        "motive": "in an apparent attempt to"
    }
    assert find_links("Lawmakers heeded the demands of angry citizens and voted.") == {
        "motive": "heeded"
    }
    assert find_links("The strikes were a clear warning to Tehran.") == {
        "motive": "were a clear warning to"
    }
    assert find_links("The strikes hit three sites near the border.") == {}


def test_what_someone_did_not_say_is_not_the_outlet_s_voice() -> None:
    text = (
        "Trump claimed he never said Russia did not interfere, and that when he called the "
        "inquiry a hoax he meant the collusion charge."
    )
    assert own_voice(text) == []
    assert own_voice("The senator did not say the brutal regime had fallen.") == []
    assert own_voice("The senator didn't say the brutal regime had fallen.") == []
    assert own_voice("The senator didn’t say the brutal regime had fallen.") == []


def test_a_speaker_inside_a_relative_clause_may_be_written_in_lower_case() -> None:
    text = "A gunman who federal authorities say had ties to terrorism opened fire on Sunday."
    assert own_voice(text) == []
    assert own_voice("The bill that was said to fail brought terrorism charges.") == ["terrorism"]


def test_what_a_stance_others_hold_is_about_is_theirs() -> None:
    from summarize.analyze.speech import reported_speech

    concern = (
        "Sessions vowed to fight bias as Republicans raise concerns about political prejudice."
    )
    assert [concern[a:b] for a, b in reported_speech(concern)] == ["political prejudice."]
    # a comma or a relative clause ends what the concern is about
    backed = "The states expressed concern of the conflict's impact, and have backed the president."
    assert [backed[a:b] for a, b in reported_speech(backed)] == ["the conflict's impact"]
    funds = "The order answers concerns over funds for firms that support the brutal regime."
    assert [funds[a:b] for a, b in reported_speech(funds)] == ["funds for firms "]


def test_what_was_told_a_hearer_closing_the_sentence_is_the_speakers() -> None:
    from summarize.analyze.speech import reported_speech

    told = "The attackers got in through a contractor's account, two people told ByteLine."
    assert [told[a:b] for a, b in reported_speech(told)] == [
        "The attackers got in through a contractor's account, "
    ]
    later = "The plan will fail, he told reporters on Tuesday."
    assert [later[a:b] for a, b in reported_speech(later)] == ["The plan will fail, "]


def test_a_loaded_word_before_a_possessive_is_loaded() -> None:
    (term,) = find_loaded_terms("The Kiev regime's forces shelled the town on Monday.")
    assert term.text == "regime"


def test_a_label_in_what_someone_said_is_theirs_after_said() -> None:
    """ "Officials said the regime fell": the clause "said" reports is theirs, irregular verb
    and all; "touted the perfectly executed strike on the regime" reports no words."""
    assert find_loaded_terms("Officials said the regime fell on Monday.") == []
    touted = "The minister touted the perfectly executed strike on the regime."
    assert [term.text for term in find_loaded_terms(touted)] == ["regime"]


@pytest.mark.parametrize(
    ("text", "motive"),
    [
        (
            "The kidnappers seized them to bankroll their weapons purchases.",
            "seized them to bankroll their",
        ),
        ("The firm raised fees to pocket extra cash.", "raised fees to pocket extra"),
    ],
)
def test_an_act_and_what_it_was_for_is_a_motive(text: str, motive: str) -> None:
    assert find_links(text) == {"motive": motive}


@pytest.mark.parametrize(
    "text",
    [
        "Police asked them to leave the area.",  # they are to leave: no purpose of asking
        "Rescuers used cranes to lift the debris.",  # the means of lifting
        "House Democrats blocked attempts to alter the bill.",  # what the attempts were
        "Officials took him to the hospital.",  # a place
    ],
)
def test_an_infinitive_after_a_control_verb_a_means_or_a_noun_it_completes_is_no_motive(
    text: str,
) -> None:
    assert find_links(text) == {}


def test_a_source_traced_or_a_blame_laid_tells_a_cause() -> None:
    assert cause_told("The outbreak was traced to a cooling tower at the plant.") == (
        "was traced to"
    )
    assert cause_told("The crash was blamed on pilot error.") == "blamed on"
    assert cause_told("Police traced the call to a phone in Lyon.") is None


def test_a_word_a_verb_of_judging_gives_is_the_judges_label() -> None:
    text = "The ruling ordered it to repay 90 million euros in state aid deemed illegal."
    terms = find_loaded_terms(text)
    assert any(term.text == "illegal" for term in terms)
    assert in_own_voice(text, 0, terms) == []
    flat = "The airline took 90 million euros in illegal state aid."
    assert [t.text for t in in_own_voice(flat, 0, find_loaded_terms(flat))] == ["illegal"]


@pytest.mark.parametrize(
    "text",
    [
        "An employee, who spoke on condition of anonymity because he was not authorised to talk "
        "to the press, said the plane had turned back.",
        "Divers recovered copper ingots, so called because their shape resembles a hide.",
    ],
)
def test_why_a_source_is_unnamed_or_a_thing_named_is_no_cause(text: str) -> None:
    assert find_links(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "It is time for this bumbling ministry to stop making excuses.",
        "Bungling town officials let the water supply fail.",
        "The spineless government sat on its hands.",
        "This do-nothing government failed the farmers.",
    ],
)
def test_words_judging_competence_or_character_are_loaded(text: str) -> None:
    assert find_loaded_terms(text)


def test_a_verb_that_judges_only_with_its_particle_is_plain_without_it() -> None:
    assert [term.text for term in find_loaded_terms("The senator lashed out at critics.")] == [
        "lashed"
    ]
    assert find_loaded_terms("Rain lashed the coast, and he lashed a ball into the crowd.") == []
