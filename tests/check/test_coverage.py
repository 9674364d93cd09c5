"""Unique claims and omissions: what one report alone says, few per story."""

from __future__ import annotations

import pytest

from summarize.align import Similarities, align
from summarize.analyze import analyze
from summarize.check.coverage import check_coverage
from summarize.ingest import load_inputs
from summarize.models import Finding
from tests.stories import QUAKE, SEEDS, cluster_of, outputs_by_hash_seed


def _coverage(cluster_reports: dict[str, str]) -> list[Finding]:
    analysis = analyze(cluster_of(cluster_reports).documents)
    similarities = Similarities(analysis)
    return check_coverage(analysis, align(analysis, similarities), similarities.pairs)


def _unique(cluster_reports: dict[str, str]) -> list[Finding]:
    return [f for f in _coverage(cluster_reports) if f.kind == "unique_claim"]


_SHARED = " Inspectors will review the contract next month."


def _stadium(lead_a: str, lead_b: str) -> dict[str, str]:
    """Two reports of a council vote: each lead, then one sentence both give."""
    return {"a": lead_a + _SHARED, "b": lead_b + _SHARED}


def _same_vote() -> dict[str, str]:
    """Two reports whose leads tell the same vote in other words: whatever else one adds is its
    own."""
    return _stadium(
        "The city council approved the new stadium deal late on Thursday.",
        "Lawmakers approved the new stadium deal on Thursday evening.",
    )


def test_a_claim_only_one_report_makes_is_unique() -> None:
    (unique,) = [f for f in _coverage(QUAKE) if f.kind == "unique_claim"]
    assert (unique.documents, unique.evidence[0].quote) in [
        (["rewrite"], "Critics blamed shoddy construction for the collapse of the buildings."),
        (["wire"], "The government declared three days of national mourning."),
    ]


def test_few_per_story_when_the_reports_are_short_leads() -> None:
    reports = {
        "a": "The council approved the budget on Thursday. The mayor praised the vote as historic "
        "and promised new bus lanes across the northern districts by next spring.",
        "b": "The council approved the budget on Thursday. Opposition members walked out before "
        "the vote, accusing the majority of ignoring three thousand petitions.",
        "c": "The council approved the budget on Thursday. Library funding was cut by twelve "
        "percent, leaving four branches with shorter opening hours from January.",
    }
    unique = _unique(reports)
    assert len(unique) == 1  # six sentences in all: one claim of its own for the story


def test_background_is_no_unique_claim() -> None:
    reports = dict(QUAKE)
    reports["wire"] = reports["wire"].replace(
        "The government declared three days of national mourning.", ""
    )
    # (floods, not "a similar earthquake": a sentence most of whose words the other reports use
    # retells their claim, background or not)
    new = "The region had been hit by spring floods that destroyed two villages."
    reports["rewrite"] = reports["rewrite"].replace(
        "Critics blamed shoddy construction for the collapse of the buildings.", new
    )
    assert not _unique(reports)
    # the same claim told as news of the day is one
    reports["rewrite"] = reports["rewrite"].replace(new, new.replace("had been", "was"))
    assert _unique(reports)


def test_a_long_story_has_room_for_several() -> None:
    [cluster] = load_inputs([str(path) for path in SEEDS])
    analysis = analyze(cluster.documents)
    similarities = Similarities(analysis)
    findings = check_coverage(analysis, align(analysis, similarities), similarities.pairs)
    unique = [f for f in findings if f.kind == "unique_claim"]
    assert len(unique) > 3 and len({f.documents[0] for f in unique}) >= 2


def test_a_remark_another_report_quotes_is_not_unique() -> None:
    reports = {
        "a": "The council approved the budget on Thursday. The mayor warned the opposition not to "
        "“waste this chance” by voting against the new bus lanes in the northern districts.",
        "b": "The council approved the budget on Thursday. Opponents were told not to "
        "“waste this chance” in a heated exchange.",
        "c": "The council approved the budget on Thursday after a long debate in the chamber.",
    }
    unique = _unique(reports)
    assert not any("waste this chance" in f.evidence[0].quote for f in unique)


def test_a_sentence_inside_an_open_quotation_is_not_unique() -> None:
    reports = {
        "a": "The director defended her film on Monday. “It played at festivals in twelve "
        "countries and audiences in Lyon and Dakar understood its universal message.",
        "b": "The director defended her film on Monday against calls for a boycott.",
        "c": "The director defended her film on Monday in an interview.",
    }
    unique = _unique(reports)
    assert not any("Lyon" in f.evidence[0].quote for f in unique)


def test_a_shared_claim_with_a_detail_added_is_not_unique() -> None:
    # Report b tells a's pledge with names and a venue of its own: the judge reads it as
    # "unsupported" (new names), yet the claim is a's, retold.
    reports = {
        "a": "The two leaders agreed on Friday to work to remove all nuclear weapons from the "
        "peninsula and to pursue talks to declare an official end to the war.",
        "b": "Following a meeting at Panmunjom between Kim Jong Un and Moon Jae-in, the leaders "
        "announced that the two nations would work toward a permanent peace treaty and the "
        "removal of nuclear weapons from the peninsula.",
        "c": "The summit ended with a joint declaration on Friday after the leaders met.",
    }
    quotes = [f.evidence[0].quote for f in _coverage(reports) if f.kind == "unique_claim"]
    assert not any(quote.startswith("Following a meeting") for quote in quotes)


def test_a_figure_another_report_gives_otherwise_is_not_unique() -> None:
    # "$8 billion" against "$9 billion" for the same project: a disagreement about the figure,
    # not a claim only one report makes.
    reports = {
        "a": "The company confirmed on Wednesday that it walked away from the $8 billion project "
        "after communities invested heavily in the venture.",
        "b": "A $9 billion oil pipeline was officially canceled on Wednesday by its owner.",
        "c": "The owner said in a statement that it had terminated the pipeline project.",
    }
    quotes = [f.evidence[0].quote for f in _coverage(reports) if f.kind == "unique_claim"]
    assert not any("$8 billion" in quote for quote in quotes)


@pytest.mark.parametrize(
    ("added", "named"),
    [
        # a name only that report gives
        ("Mayor Ellen Park promised new bus lanes across the northern districts by next spring.",
         "Ellen Park"),
        # a figure, as the sentence writes it ("23-year-old", not "23-year")
        ("A 23-year-old engineer designed the new bus lanes across the northern districts.",
         "23-year-old"),
    ],
)  # fmt: skip
def test_the_explanation_names_what_only_that_report_gives(added: str, named: str) -> None:
    lead = "The council approved the budget on Thursday after a long debate in the chamber."
    (unique,) = _unique({"a": lead, "b": f"{lead} {added}"})
    assert f"no other report gives “{named}”" in unique.explanation


def test_the_excerpt_shows_what_the_claim_adds_not_only_its_name() -> None:
    lead = "The council approved the budget on Thursday after a long debate in the chamber."
    added = (
        "Mayor Ellen Park, who chaired the session in the old town hall on the river, later "
        "promised that new bus lanes would cross the northern districts by next spring."
    )
    (unique,) = _unique({"a": lead, "b": f"{lead} {added}"})
    shown = unique.explanation.split("“")[1].split("”")[0]
    assert len(shown) < len(added) and "bus lanes" in shown


def test_a_rewrite_says_how_many_of_its_sentences_align() -> None:
    shared = (
        "The council approved the budget on Thursday after a long debate. "
        "The vote was twelve to nine, with two members absent. "
        "Bus fares will stay the same next year, the finance office said. "
    )
    reports = {
        "wire": shared,
        "rewrite": shared + "Mayor Ellen Park promised new bus lanes across the northern "
        "districts by next spring.",
    }
    (unique,) = _unique(reports)
    assert "3 of the 4 sentences of rewrite align with wire" in unique.explanation
    assert unique.severity == "medium"


def test_the_unique_claims_do_not_depend_on_the_hash_seed() -> None:
    """Two candidates of equal novelty once broke differently by PYTHONHASHSEED (a float sum
    taken in set order); a NeuS cluster checked in two processes."""
    script = (
        "import json, sys; from summarize import check, cluster_from_record; "
        "report = check(cluster_from_record(json.load(sys.stdin))); "
        "print(json.dumps([f.explanation for f in report.findings]))"
    )
    findings = outputs_by_hash_seed(196, script, ("1", "3"))
    assert len(findings) == 1


def test_a_courtesy_is_no_unique_claim() -> None:
    reports = {
        "a": "The governor signed the flood relief bill on Tuesday in the state capitol.",
        "b": "The governor signed the flood relief bill on Tuesday in the state capitol. "
        "Governor Tate Reeves thanked President Mills for the emergency rescue crews.",
    }
    assert _unique(reports) == []
    sympathy = 'Governor Tate Reeves gave his "warmest sympathies" to the families of the crews.'
    assert _unique({"a": reports["a"], "b": reports["a"] + " " + sympathy}) == []
    reports["b"] = reports["b"].replace("thanked", "blamed")
    assert _unique(reports)


def test_a_headline_or_a_cut_off_sentence_is_no_unique_claim() -> None:
    reports = {
        "a": "The governor signed the flood relief bill on Tuesday in the state capitol.",
        "b": "The governor signed the flood relief bill on Tuesday in the state capitol. "
        "Relief Crews Praise Quick Response From Northern Districts After Record Rainfall.",
    }
    assert _unique(reports) == []
    reports["b"] = reports["b"].replace(
        "Relief Crews Praise Quick Response From Northern Districts After Record Rainfall.",
        "Emergency crews from four northern districts were sent in a move led by Rep.",
    )
    assert _unique(reports) == []
    reports["b"] = reports["b"].replace("in a move led by Rep.", "before the rain stopped.")
    assert _unique(reports)


def test_a_lead_in_other_words_is_no_unique_claim() -> None:
    reports = _stadium(
        "The city council approved the new stadium deal late on Thursday.",
        "Lawmakers backed plans for an arena after a marathon session yesterday evening.",
    )
    assert _unique(reports) == []
    # a lead with a figure of its own is a claim of its own
    reports["b"] = reports["b"].replace("for an arena", "for a $900 million arena")
    assert _unique(reports)


def test_a_name_another_report_gives_in_short_is_not_the_leads_own() -> None:
    reports = _stadium(
        "The city council approved the new stadium deal late on Thursday. Tremblay called the "
        "vote a relief.",
        "Lawmakers led by Mayor Marie Tremblay backed plans for an arena after a marathon "
        "session yesterday evening.",
    )
    assert _unique(reports) == []
    reports["a"] = reports["a"].replace("Tremblay called", "Residents called")
    assert _unique(reports)


def test_a_capital_opening_the_sentence_is_not_a_name_of_its_own() -> None:
    reports = _stadium(
        "The city council approved the new stadium deal late on Thursday.",
        "Lawmakers backed plans for an arena after a marathon session yesterday evening.",
    )
    reports["b"] = reports["b"].replace("Lawmakers backed", "Things moved fast as lawmakers backed")
    assert _unique(reports) == []
    reports["b"] = reports["b"].replace("Things moved", "Anna Karlsson moved")
    assert _unique(reports)


def test_a_claim_of_its_own_brings_a_figure_or_a_name() -> None:
    reports = _same_vote()
    reports["a"] += " Critics fear the burden will fall on families who can least afford fees."
    assert _unique(reports) == []
    reports["a"] = reports["a"].replace(
        "Critics fear the burden will fall on families who can least afford fees.",
        "The stadium will be the 14th built with public money.",
    )
    (unique,) = _unique(reports)
    assert "“14th”" in unique.explanation


def test_a_place_that_only_says_where_is_no_name_of_its_own() -> None:
    reports = _same_vote()
    reports["a"] += " The mayor signed the papers with her deputies in the Blue Room."
    assert _unique(reports) == []
    joined = reports["a"].replace("in the Blue Room.", "in Harlow and Epping.")
    assert _unique(dict(reports, a=joined)) == []  # places joined after one preposition
    # a place naming what a noun is about is no setting: "the Blue Room inquiry"
    reports["a"] = reports["a"].replace("in the Blue Room.", "in the Blue Room inquiry.")
    assert _unique(reports)
    # nor is a name that acts
    reports["a"] = reports["a"].replace(
        "The mayor signed the papers with her deputies in the Blue Room inquiry.",
        "Anna Karlsson signed the papers with her deputies in the Blue Room.",
    )
    assert _unique(reports)


def test_a_name_in_a_clause_of_time_belongs_to_the_other_event() -> None:
    reports = _same_vote()
    reports["a"] += (
        " The mayor signed the papers with her deputies weeks after Anna Karlsson resigned."
    )
    assert _unique(reports) == []
    # a phrase of time has no verb of its own: the name is the sentence's
    phrase = reports["a"].replace("after Anna Karlsson resigned.", "after Anna Karlsson's talks.")
    assert _unique(dict(reports, a=phrase))
    # after "came" the clause of time is what the sentence tells
    came = reports["a"].replace(
        "The mayor signed the papers with her deputies weeks", "The signing came weeks"
    )
    assert _unique(dict(reports, a=came))


def test_names_given_as_examples_belong_to_the_group() -> None:
    reports = _same_vote()
    reports["a"] += " The plan was opposed by residents' groups such as Harlow Green Action."
    assert _unique(reports) == []
    named = reports["a"].replace(
        "residents' groups such as Harlow Green Action",
        "Harlow Green Action and other residents' groups",
    )
    assert _unique(dict(reports, a=named))


def test_an_age_after_a_name_is_no_figure_of_its_own() -> None:
    reports = _same_vote()
    reports["a"] += " The mayor, 56, was passed over for the committee this year."
    assert _unique(reports) == []
    reports["a"] = reports["a"].replace("The mayor, 56, was", "The mayor was 56 days late and")
    assert _unique(reports)


def test_a_figure_another_report_gives_in_other_units_is_not_its_own() -> None:
    reports = _same_vote()
    reports["a"] += " The parade afterwards wound 3 km through the old town to the river."
    reports["b"] += " Fans marched nearly two miles from the square."
    assert _unique(reports) == []
    # a vague size elsewhere is no figure: "tens of thousands" leaves "50,000" its own
    reports = _same_vote()
    reports["a"] += " Some 50,000 fans later crowded the riverside park for fireworks."
    reports["b"] += " Tens of thousands celebrated."
    assert _unique(reports)


def test_one_written_as_a_word_is_no_figure_of_its_own() -> None:
    reports = _same_vote()
    reports["a"] += " One department of the council deals with parking permits for residents."
    assert _unique(reports) == []
    reports["a"] = reports["a"].replace("One department", "Seven departments")
    assert _unique(reports)


def test_a_sentence_told_with_the_one_before_it_is_no_unique_claim() -> None:
    reports = {
        "a": "The council approved the stadium budget on Thursday after a long debate.",
        "b": "The council approved the stadium budget on Thursday after a long debate. That "
        "leaves Harlow with 40 million dollars for new bus lanes next year.",
    }
    assert _unique(reports) == []
    reports["b"] = reports["b"].replace("That leaves", "The vote leaves")
    assert _unique(reports)


def test_a_sentence_saying_only_who_spoke_is_no_unique_claim() -> None:
    lead = "The governor signed the flood relief bill on Tuesday in the state capitol."
    quote = ' "We will rebuild every bridge."'
    reports = {"a": lead, "b": lead + quote + " Governor Tate Reeves told WLBT's Morning Report."}
    assert _unique(reports) == []
    reports["b"] = reports["b"].replace(
        "Morning Report.", "Morning Report that Ottawa County lost nine bridges."
    )
    assert _unique(reports)


def test_a_remark_reported_is_the_speaker_s_claim_not_a_unique_one() -> None:
    lead = "The governor signed the flood relief bill on Tuesday in the state capitol."
    remark = (
        ' "Rebuilding the bridges is critically important to every farmer," Dr. Ann Hale, a '
        "former president of the Farm Bureau, told WLBT in an interview."
    )
    reports = {"a": lead, "b": lead + remark}
    assert _unique(reports) == []
    told = " Dr. Ann Hale, a former president of the Farm Bureau, said nine bridges were lost."
    reports["b"] = lead + told
    assert _unique(reports)


def test_a_name_or_figure_another_report_s_headline_gives_is_not_its_own() -> None:
    reports = _same_vote()
    reports["a"] += " The stadium will be built by Ridgeway Construction for the city."
    documents = cluster_of(reports).documents

    def unique_with_title_of_b(title: str | None) -> list[Finding]:
        titled = [d.model_copy(update={"title": title}) if d.id == "b" else d for d in documents]
        analysis = analyze(titled)
        similarities = Similarities(analysis)
        found = check_coverage(analysis, align(analysis, similarities), similarities.pairs)
        return [f for f in found if f.kind == "unique_claim"]

    (unique,) = unique_with_title_of_b(None)
    assert "Ridgeway Construction" in unique.explanation
    assert unique_with_title_of_b("Ridgeway Construction wins city stadium deal") == []


def test_a_party_label_gives_the_state_and_party_it_stands_for() -> None:
    reports = _stadium(
        "Senate Majority Leader Mitch McConnell (R-Ky.) blocked the stadium bill on Thursday.",
        "McConnell blocked the stadium bill in the Senate on Thursday.",
    )
    reports["b"] += " The Kentucky Republican has held up the chamber's spending plans."
    assert not any("Kentucky Republican" in f.explanation for f in _unique(reports))


def _plant_fire(fourth_lead: str) -> dict[str, str]:
    """Four reports of a fire at a chemical plant; three give the injured in a sentence of
    their own."""
    injured = {
        "a": "Officials said 12 workers were injured in the blast.",
        "b": "Twelve workers were injured in the blast, officials said.",
        "c": "The blast injured 12 workers, according to officials.",
    }
    leads = {
        "a": "A fire broke out at a chemical plant in Ohio on Monday.",
        "b": "Fire tore through an Ohio chemical plant on Monday.",
        "c": "A chemical plant in Ohio caught fire on Monday.",
    }
    reports = {name: f"{leads[name]} {injured[name]}" for name in injured}
    return reports | {"d": f"{fourth_lead} Nearby homes were evacuated on Monday evening."}


def _omissions(reports: dict[str, str]) -> list[Finding]:
    return [f for f in _coverage(reports) if f.kind == "omission"]


def test_a_fact_most_reports_carry_and_one_leaves_out_is_an_omission() -> None:
    (omission,) = _omissions(_plant_fire("A fire broke out at an Ohio chemical plant on Monday."))
    assert omission.documents[-1] == "d"


def test_a_fact_told_in_another_sentence_is_no_omission() -> None:
    """The fourth report gives the injured in its lead, with the fire: it leaves nothing out."""
    lead = "A fire at an Ohio chemical plant on Monday injured 12 workers in the blast."
    assert _omissions(_plant_fire(lead)) == []
