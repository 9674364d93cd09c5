import datetime as dt

import pytest

from summarize.analyze import analyze
from summarize.check.causes import undetermined_cause_findings
from summarize.ingest import load_inputs
from summarize.pipeline import check
from tests.stories import QUAKE, SEEDS, STRIKE, cluster_of


def _kinds(report):
    return [finding.kind for finding in report.findings]


def _framing_explains(reports: dict[str, str], words: str) -> bool:
    """A framing finding on the reports whose explanation says `words`."""
    findings = check(cluster_of(reports)).findings
    return any(f.kind == "framing" and words in f.explanation for f in findings)


def test_equivalent_distance_in_other_units_is_not_a_conflict():
    report = check(cluster_of(QUAKE))
    equivalent = [f for f in report.findings if f.kind == "quantity_equivalent"]
    assert any({"wire", "rewrite"} <= set(f.documents) for f in equivalent)
    assert all(f.severity == "low" for f in equivalent)
    for finding in report.findings:
        if finding.kind == "quantity_conflict":
            assert all(v.unit != "m" for v in finding.values)


def test_different_death_tolls_on_the_same_day_conflict():
    report = check(cluster_of(QUAKE))
    conflicts = [f for f in report.findings if f.kind == "quantity_conflict"]
    assert conflicts, report.findings
    assert "tabloid" in conflicts[0].documents
    assert conflicts[0].severity == "high"


def test_figures_from_different_days_are_a_temporal_update():
    dates = {"day1": dt.date(2025, 3, 4), "day2": dt.date(2025, 3, 5)}
    report = check(cluster_of(STRIKE, dates))
    assert "temporal_update" in _kinds(report)
    assert "quantity_conflict" not in _kinds(report)
    undated = check(cluster_of(STRIKE))
    assert "quantity_conflict" in _kinds(undated)


def test_a_chain_of_many_figures_matched_together_is_no_one_figure_to_report_on(monkeypatch):
    """Sentences a figure apart match every figure with every other: past the limit, no
    finding rests on the chain (comparing it costs the cube of its size)."""
    from summarize.check.quantities import checker

    told = "Rebels retreated {} kilometers from the city of Hama, officials said."
    reports = {
        "a": told.format(10) + " " + told.format(20),
        "b": told.format(30) + " " + told.format(10),
    }
    assert "quantity_conflict" in _kinds(check(cluster_of(reports)))  # 20 vs 30
    monkeypatch.setattr(checker, "MAX_CONNECTED_FIGURES", 3)
    assert "quantity_conflict" not in _kinds(check(cluster_of(reports)))


def test_evidence_quotes_are_exact_substrings_at_their_offsets():
    cluster = load_inputs([str(path) for path in SEEDS])[0]
    texts = {d.id: d.text for d in cluster.documents}
    report = check(cluster)
    assert report.findings
    for finding in report.findings:
        for evidence in finding.evidence:
            assert texts[evidence.document][evidence.start : evidence.end] == evidence.quote


def test_seed_cases_named_by_the_author():
    report = check(load_inputs([str(path) for path in SEEDS])[0])
    by_kind = {}
    for finding in report.findings:
        by_kind.setdefault(finding.kind, []).append(finding)
    assert any(
        {"000_82cead1f1c9ff3e4", "002_82edfa82c1e07746"} <= set(f.documents)
        for f in by_kind.get("quantity_equivalent", [])
    )
    temporal = by_kind.get("temporal_update", [])
    assert any("004_54cd29a1fc821916" in f.documents for f in temporal)
    framing = by_kind.get("framing", [])
    assert any(
        "003_1202486cf0e44876" in f.documents and "backing" in " ".join(e.quote for e in f.evidence)
        for f in framing
    )


def test_no_false_conflicts_on_the_seeds():
    report = check(load_inputs([str(path) for path in SEEDS])[0])
    assert "quantity_conflict" not in _kinds(report)


def test_a_single_report_has_nothing_to_compare():
    report = check(cluster_of({"only": QUAKE["wire"]}))
    assert report.findings == []


def test_a_fact_split_differently_is_not_a_unique_claim_but_an_added_one_is():
    # The rewrite splits the wire's first sentence in two; its second half cannot join the
    # wire sentence's group (one sentence per report), yet it adds nothing.
    reports = {
        "wire": (
            "The army said on Wednesday it had pushed the rebels back from the port city, while "
            "the rebels said they captured more soldiers and militiamen in heavy fighting. "
            "Aid groups said thousands of families had fled the area."
        ),
        "rewrite": (
            "The army announced on Wednesday that it had pushed the rebels back from the port "
            "city. This comes amid reports from the rebels claiming to have captured more "
            "soldiers and militiamen in heavy fighting. Thousands of families had fled the area, "
            "aid groups said. Governor Halim Nasser blamed foreign smugglers for arming the rebels."
        ),
    }
    unique = [
        f.evidence[0].quote for f in check(cluster_of(reports)).findings if f.kind == "unique_claim"
    ]
    assert any("smugglers" in quote for quote in unique)
    assert not any("militiamen" in quote for quote in unique)


def test_the_same_count_of_other_things_is_framing_but_synonyms_are_not():
    def counted_framing(word_a: str, word_b: str) -> bool:
        sentence = "Police said five {} were arrested outside the embassy on Friday."
        reports = {"a": sentence.format(word_a), "b": sentence.format(word_b)}
        return _framing_explains(reports, "counts different things")

    assert counted_framing("protesters", "rioters")
    assert not counted_framing("protesters", "demonstrators")  # one WordNet sense


def test_only_the_same_figure_counting_other_things_is_framing_not_two_that_overlap():
    def counted_framing(figure_a: str, figure_b: str) -> bool:
        sentence = "Doctors said {} took part in the trial of the new drug this spring."
        reports = {"a": sentence.format(figure_a), "b": sentence.format(figure_b)}
        return _framing_explains(reports, "counts different things")

    assert counted_framing("about 250 patients", "about 250 volunteers")
    assert not counted_framing("nearly 250 patients", "hundreds of volunteers")


def test_people_counted_by_where_they_live_are_no_framing_but_other_kinds_are():
    def counted_framing(word_a: str, word_b: str) -> bool:
        sentence = "More than 10,000 {} have been displaced by the floods since Monday."
        reports = {"a": sentence.format(word_a), "b": sentence.format(word_b)}
        return _framing_explains(reports, "counts different things")

    assert not counted_framing("people", "residents")
    assert not counted_framing("Americans", "people")
    assert counted_framing("individuals", "civilians")
    assert counted_framing("people", "casualties")  # people harmed: what happened to them


def test_people_and_a_kind_of_person_are_no_framing() -> None:
    def counted_framing(word_a: str, word_b: str) -> bool:
        sentence = "About 1,200 {} were inside the factory when the fire started on Wednesday."
        reports = {"a": sentence.format(word_a), "b": sentence.format(word_b)}
        return _framing_explains(reports, "counts different things")

    assert not counted_framing("workers", "people")  # "people": any kind of person
    assert not counted_framing("people", "passengers")
    assert counted_framing("workers", "passengers")


def test_a_declared_aim_is_no_motive_but_an_imputed_one_is():
    def motive(told: str) -> bool:
        reports = {"a": told, "b": "Rebels have fought the army of the junta for a decade."}
        return _framing_explains(reports, "motive")

    assert not motive("Rebels seeking to overthrow the junta have fought the army for a decade.")
    assert motive("Rebels have fought the army of the junta for a decade in a bid to rule.")


def test_an_outlet_s_verdict_on_who_gains_is_framing_where_another_tells_the_fact_plainly():
    def judgement(told: str) -> bool:
        reports = {"a": told, "b": "The Supreme Court on Monday struck down the Louisiana law."}
        return _framing_explains(
            reports,
            "asserts a judgement of who gains or loses (“a major win for”) in its own voice",
        )

    assert judgement(
        "The Supreme Court on Monday struck down the Louisiana law in a major win for clinics."
    )
    assert not judgement("The Supreme Court on Monday struck down the Louisiana law, 5 to 4.")


def test_a_link_the_other_telling_reports_or_tells_as_an_effort_is_no_framing():
    def support(other: str) -> bool:
        reports = {
            "a": "Army units, with the backing of allied airpower, held the bridge on Tuesday.",
            "b": other,
        }
        return _framing_explains(reports, "asserts support for a side (“backing of”)")

    def motive(other: str) -> bool:
        reports = {
            "a": "Officials of the two countries met on Monday in a bid to end the border dispute.",
            "b": other,
        }
        return _framing_explains(reports, "motive")

    assert support("Army units held the bridge on Tuesday, officials said.")
    assert not support("Army units backed by allied airpower held the bridge, officials said.")
    assert motive("Officials of the two countries met on Monday for talks on the border.")
    assert not motive("Efforts to end the border dispute saw officials of the two countries meet.")
    # A charge is someone's: the link told flat against it is a difference of attribution.
    assert motive(
        "Officials of the two countries met on Monday, and critics accused them of trying to end "
        "the border dispute in secret."
    )


def test_a_change_told_with_the_change_that_moved_it_gives_its_cause():
    def cause(other: str) -> bool:
        reports = {
            "a": "Consumer prices rose 0.6% in June, driven by higher gasoline and food prices.",
            "b": other,
        }
        return _framing_explains(reports, "cause")

    assert cause("Consumer prices rose 0.6% in June, the government said on Tuesday.")
    # Other words for the cause ("gas", "groceries"): the link is what both make.
    assert not cause(
        "Consumer prices rose 0.6% in June as the cost of gas and groceries increased."
    )


def test_a_cause_another_report_gives_elsewhere_is_not_one_sided():
    def cause(second: str) -> bool:
        reports = {
            "a": "The airport cancelled all flights on Friday because air traffic controllers "
            "walked out over pay.",
            "b": "The airport cancelled all flights on Friday, stranding thousands of travellers. "
            + second,
        }
        return _framing_explains(reports, "cause")

    assert cause("Buses took some of them to hotels in the city.")
    assert not cause("Air traffic controllers had walked out over pay before dawn.")


def test_an_explanation_naming_no_one_is_no_framing():
    def cause(first: str) -> bool:
        reports = {
            "a": first,
            "b": "The airport cancelled all flights on Friday, stranding thousands of travellers.",
        }
        return _framing_explains(reports, "cause")

    # how things are, holding no one to account
    assert not cause("The airport cancelled all flights on Friday because of dense fog.")
    # a cause asserted of the event, whoever it names
    assert cause("The cancellation of all flights on Friday was caused by a software fault.")


def test_a_chain_of_causes_is_told_when_another_report_gives_one_of_them():
    def cause(second: str) -> bool:
        reports = {
            "a": "Shares fell on Monday after a rout of bank stocks caused a selloff of more "
            "than 7% due to fears over the oil price war.",
            "b": "Shares fell sharply on Monday and trading was halted for 15 minutes. " + second,
        }
        return _framing_explains(reports, "cause")

    assert cause("Traders said the halt worked as designed.")
    assert not cause("Investors fled as fears over the oil price war spread.")


def test_so_called_is_no_framing_when_another_report_quotes_the_term_too():
    def so_called(other_wording: str) -> bool:
        reports = {
            "a": 'Federal rules issued on Thursday cover so-called "ghost guns", kits that buyers '
            "assemble at home without serial numbers.",
            "b": f"Federal rules issued on Thursday cover {other_wording}, kits that buyers can "
            "assemble at home.",
        }
        return _framing_explains(reports, "so-called")

    assert so_called("ghost guns")
    assert not so_called('"ghost guns"')


def test_a_loaded_word_in_a_teaser_for_another_story_is_no_framing():
    def shocking(first: str) -> bool:
        reports = {
            "a": first,
            "b": "The rapper visited the White House on Thursday and met the president for "
            "an hour.",
        }
        return _framing_explains(reports, "shocking")

    assert shocking(
        "The rapper made a shocking visit to the White House on Thursday and met the "
        "president for an hour."
    )
    assert not shocking(
        "The rapper's shocking White House visit on Thursday: read more about "
        "his hour with the president."
    )


def test_a_word_disputing_a_claim_is_no_framing_where_the_other_report_disputes_it_too():
    def falsely(other_wording: str) -> bool:
        reports = {
            "a": "The governor said on Sunday that the vote was rigged, falsely claiming that "
            "observers had been barred from the count in the capital.",
            "b": "The governor said on Sunday that the vote was rigged, claiming that observers "
            f"had been barred from the count in the capital{other_wording}.",
        }
        return _framing_explains(reports, "falsely")

    assert falsely("")
    assert not falsely(", a claim that could not be verified")
    assert not falsely(" without evidence")


def test_the_name_of_a_kind_of_claim_or_a_charge_is_no_framing():
    def says(loaded: str) -> bool:
        reports = {
            "a": f"The platform banned the {loaded} Alex Jones on Thursday for 30 days over "
            "four videos.",
            "b": "The platform banned the radio host Alex Jones on Thursday for 30 days over "
            "four videos.",
        }
        return _framing_explains(reports, loaded.split()[0])

    assert says("notorious")
    assert not says("conspiracy theorist")


def test_a_link_against_a_loosely_similar_telling_is_low():
    def severity(other: str) -> str:
        reports = {
            "a": "The council closed the old market hall on Friday in an effort to force the "
            "traders out of the city centre.",
            "b": other,
            "c": "Police closed two roads near the river on Saturday morning.",
        }
        (found,) = [f for f in check(cluster_of(reports)).findings if "motive" in f.explanation]
        return found.severity

    assert severity("The council closed the old market hall on Friday after a vote.") == "medium"
    assert (
        severity(
            "The market hall, built in 1890, drew shoppers from across the region to its stalls "
            "every weekend."
        )
        == "low"
    )


def test_a_court_s_ruling_is_its_statement_not_the_report_s():
    def attribution(second: str) -> bool:
        reports = {
            "a": "The players sued the league and its conferences, claiming that the rules "
            "restricting education benefits violated federal antitrust laws.",
            "b": second,
        }
        return "attribution" in _kinds(check(cluster_of(reports)))

    assert attribution("The rules restricting education benefits violated federal antitrust laws.")
    assert not attribution(
        "The Supreme Court sided with the players on Monday, ruling the rules restricting "
        "education benefits violated federal antitrust laws."
    )


def test_a_figure_s_value_is_shown_as_its_wording_bounds_it() -> None:
    from summarize.analyze.quantities import find_quantities
    from summarize.check.quantities.explain import shown_value

    (ranged,) = find_quantities("He pardoned between 50 and 100 people.")
    (more,) = find_quantities("He plans more than 100 pardons.")
    (least,) = find_quantities("He plans at least 100 pardons.")
    (points,) = find_quantities("The Dow lost 1,861.81 points.")
    assert shown_value(ranged) == "50 to 100 people"
    assert shown_value(more) == "> 100 pardons"
    assert shown_value(least) == "≥ 100 pardons"
    assert shown_value(points) == "down 1,861.81 points"  # a change, the way it went
    (fell,) = find_quantities("Shares fell more than 4% on Monday.")
    (rose,) = find_quantities("Shares rose more than 4% on Monday.")
    assert (shown_value(fell), shown_value(rose)) == ("down > 4%", "up > 4%")
    # a range's ends as written, not the rounding its wording allows around them
    (crowd,) = find_quantities("Between 2,000 and 3,000 people marched.")
    (turnout,) = find_quantities("Turnout was 60-65%.")
    (cost,) = find_quantities("It cost $2.3-2.5 billion.")
    assert shown_value(crowd) == "2,000 to 3,000 people"
    assert shown_value(turnout) == "60% to 65%"
    assert shown_value(cost) == "2.3 billion USD to 2.5 billion USD"


def test_figures_that_only_agree_are_not_called_the_same() -> None:
    from summarize.pipeline import check
    from tests.stories import cluster_of

    said = "Congress weighs a stimulus package worth {}, aides said on Monday."
    bounded = check(
        cluster_of({"a": said.format("more than $1 trillion"), "b": said.format("$1 trillion")})
    )
    (agree,) = [f for f in bounded.findings if f.kind == "quantity_equivalent"]
    assert agree.explanation.startswith("Figures that agree")
    written = check(
        cluster_of({"a": said.format("$1 trillion"), "b": said.format("$1,000 billion")})
    )
    (same,) = [f for f in written.findings if f.kind == "quantity_equivalent"]
    assert same.explanation.startswith("Same figure")


def test_a_figure_s_value_is_shown_only_when_it_tells_more_than_its_wording() -> None:
    said = "Congress weighs a stimulus package worth {}, aides said on Monday."
    rounded = check(
        cluster_of({"a": said.format("nearly $1 trillion"), "b": said.format("$984 billion")})
    )
    (agree,) = [f for f in rounded.findings if f.kind == "quantity_equivalent"]
    assert "“nearly $1 trillion”;" in agree.explanation  # "(≈ 1 trillion USD)" repeats it
    assert "(" not in agree.explanation.split("not a disagreement:")[1]
    walked = "The hikers walked {} from the lake to the summit on Sunday, rangers said."
    units = check(cluster_of({"a": walked.format("20 kilometers"), "b": walked.format("12 miles")}))
    (same,) = [f for f in units.findings if f.kind == "quantity_equivalent"]
    assert "“12 miles” (19.3 km = 12 mi)" in same.explanation  # another unit tells more


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("about $2.4 million", "about $3.1 million"),  # two hedges reaching each other
        ("$250 million", "$300 million"),  # a round number no rounding of 250 gives
        ("about 1.1 million", "roughly 1.4 million"),
        # a hedge reaches one step of the number's last digit, not 15% of it
        ("about 27%", "31%"),
        ("roughly 8%", "nearly 10%"),
        ("about 5.2%", "5.4%"),
        ("nearly 900,000", "about 1.1 million"),
    ],
)
def test_values_that_only_reach_each_other_through_both_margins_disagree(
    first: str, second: str
) -> None:
    said = "The minister pledged {} in aid for the refugees on Monday, officials said."
    report = check(cluster_of({"a": said.format(first), "b": said.format(second)}))
    assert [f.kind for f in report.findings if f.kind.startswith("quantity")] == [
        "quantity_conflict"
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("$984 billion", "$1 trillion"),
        ("297", "nearly 300"),
        ("nearly 1,861.81", "1,861.82"),  # a last digit: no figure to dispute
        ("about 300", "340"),  # a round number's hedge still reaches 15%
    ],
)
def test_one_value_the_other_wording_allows_agrees(first: str, second: str) -> None:
    said = "The minister pledged {} in aid for the refugees on Monday, officials said."
    report = check(cluster_of({"a": said.format(first), "b": said.format(second)}))
    assert "quantity_conflict" not in {f.kind for f in report.findings}


def test_a_quarterly_amount_is_no_years() -> None:
    report = check(
        cluster_of(
            {
                "a": "The board kept its dividend at $1.68 a share on Monday, the company said.",
                "b": "The board kept its quarterly dividend at 42 cents a share on Monday, the "
                "company said.",
            }
        )
    )
    assert "quantity_conflict" not in {f.kind for f in report.findings}


def test_a_toll_given_by_its_name_is_the_count_of_its_dead() -> None:
    """ "The death toll rose to five" counts the killed, as "Three people were killed" does: a
    later report's toll is an update."""
    report = check(
        cluster_of(
            {
                "a": "Police clashed with protesters in Nairobi on Monday. Three people were "
                "killed in the clashes with police in Nairobi, officials said.",
                "b": "Police clashed with protesters in Nairobi this week. The death toll from "
                "the clashes with police in Nairobi rose to five, officials said.",
            },
            published={"a": dt.date(2024, 6, 24), "b": dt.date(2024, 6, 26)},
        )
    )
    (update,) = [f for f in report.findings if f.kind == "temporal_update"]
    assert "number of people killed" in update.explanation


def test_two_bare_numbers_naming_nothing_are_never_high() -> None:
    """ "31 were children" and "78 were rescued": nothing says they count one thing."""
    report = check(
        cluster_of(
            {
                "a": "A migrant boat capsized off Crete on Tuesday. Of those rescued, 31 were "
                "children, the coast guard said.",
                "b": "A migrant boat capsized off Crete on Tuesday. A total of 78 were rescued, "
                "the coast guard said.",
            }
        )
    )
    assert "high" not in {f.severity for f in report.findings if f.kind == "quantity_conflict"}


def test_a_claim_one_report_says_is_denied_is_an_attribution_difference() -> None:
    reports = {
        "wire": "Survivors said the exits on the third floor had been locked during the night "
        "shift, a claim the factory management denied.",
        "paper": "The exits on the third floor were locked when the fire broke out, trapping "
        "workers on the upper floors.",
    }
    found = [f for f in check(cluster_of(reports)).findings if f.kind == "attribution"]
    assert [set(f.documents) for f in found] == [{"wire", "paper"}]


def test_a_count_one_report_doubts_and_another_states_is_an_attribution_difference() -> None:
    def attribution(flat: str) -> bool:
        reports = {
            "union": "Union leaders put the toll at 29, a figure officials did not confirm.",
            "paper": flat,
        }
        return "attribution" in _kinds(check(cluster_of(reports)))

    assert attribution("At least 29 workers were killed when fire tore through the factory.")
    assert not attribution("About 29 trucks waited outside the factory gates on Thursday.")


def test_a_cause_stated_flat_of_what_another_says_has_no_known_cause_is_an_attribution() -> None:
    reports = {
        "a": "The Harlow bridge collapsed on Monday. Officials said no cause has been established "
        "for the collapse.",
        "b": "The Harlow bridge collapsed on Monday. Corroded steel bolts caused the collapse.",
    }
    found = [f for f in check(cluster_of(reports)).findings if f.kind == "attribution"]
    assert [f.documents for f in found] == [["b", "a"]]


def test_a_reason_for_another_act_is_no_cause_of_what_has_none_known() -> None:
    reports = {
        "a": "Siam Volt will recall 48,000 vehicles after 11 battery fires. The company said "
        "the cause of the fires was still under investigation.",
        "b": "Siam Volt is recalling 48,000 vehicles because its batteries can catch fire.",
    }
    assert [f for f in check(cluster_of(reports)).findings if f.kind == "attribution"] == []


def test_what_a_passive_cause_caused_comes_before_it() -> None:
    reports = {
        "a": "A mudflow buried the village on Tuesday. The minister said the cause of the flood "
        "had not yet been established.",
        "b": "A mudflow buried the village on Tuesday. The flood was caused when a dam holding "
        "back a glacial lake gave way.",
    }
    found = [f for f in check(cluster_of(reports)).findings if f.kind == "attribution"]
    assert [f.documents for f in found] == [["b", "a"]]


def test_the_cause_of_nothing_named_is_of_what_the_sentence_before_tells() -> None:
    reports = {
        "a": "Siam Volt said it had received reports of 11 fires since October. The company said "
        "the cause was still under investigation.",
        "b": "The fires were caused by a cheap cooling connector from a low-cost supplier.",
    }
    found = [f for f in check(cluster_of(reports)).findings if f.kind == "attribution"]
    assert [f.documents for f in found] == [["b", "a"]]


def test_a_cause_stated_flat_that_an_inquiry_only_weighs_is_an_attribution() -> None:
    reports = {
        "a": "The Nordic Aurora grounded near kilometre 48 of the Kiel Canal on Monday. "
        "Authorities are examining whether a steering gear fault or a pilotage error caused the "
        "grounding.",
        "b": "A cargo ship blocked the Kiel Canal on Monday. A steering failure caused the ship to "
        "veer into the bank, and tugs worked through the night to free it.",
    }
    (found,) = undetermined_cause_findings(analyze(cluster_of(reports).documents))
    assert found.documents == ["b", "a"]
    found = [f for f in check(cluster_of(reports)).findings if f.kind == "attribution"]
    assert len(found) == 1  # not also as a claim distanced
    reports["b"] = reports["b"].replace("A steering failure", "Strong winds")
    assert undetermined_cause_findings(analyze(cluster_of(reports).documents)) == []
