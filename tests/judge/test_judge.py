import json

import pytest

from evals.summedits import SummEditsPair, format_table, load_summedits, score
from summarize.analyze import analyze
from summarize.ingest import document_from_text
from summarize.judge import Judge
from summarize.models import Analysis, SupportVerdict
from summarize.text.sentences import split_sentences
from tests.stories import QUAKE, cluster_of

COUNCIL = {
    "local": (
        "The city council approved the new budget on Thursday after a three-hour debate. "
        "The budget raises spending on public transport by 12 percent, the mayor's office said. "
        "Opposition members failed to block a cut to library funding."
    ),
}
MARKETS = {
    "wire": (
        "Oil prices rose sharply on Tuesday after OPEC agreed to extend its output cuts. "
        "Brent crude gained 3 percent to settle at $84 a barrel, traders said. "
        "The cause of the pipeline leak in Nigeria is unknown, the company said."
    ),
}
SUMMIT = {
    "agency": (
        "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Friday to discuss "
        "energy prices. The two leaders agreed to build a new hydrogen pipeline between their "
        "countries, a French official said."
    ),
}

RECALL = {
    "autos": (
        "The automaker will recall 19 pickups to address an electrical connection issue that "
        "could result in a loss of propulsion while driving. Owners should park the pickups on "
        "the road until repairs are done."
    ),
}
TELESCOPE = {
    "science": (
        "The new image allowed astronomers to peer into distant galaxies. Staff must remove the "
        "app from their phones by Friday."
    ),
}


@pytest.fixture(scope="module")
def quake() -> Analysis:
    return analyze(cluster_of(QUAKE).documents)


def judge_sentence(
    claim: str, analysis: Analysis, documents: list[str] | None = None
) -> SupportVerdict:
    return Judge(analysis).judge(claim, documents)


def judge_summary(summary: str, source: str) -> list[SupportVerdict]:
    """Each sentence of `summary` against one source text, as the SummEdits eval judges."""
    judge = Judge(analyze([document_from_text(source, "source")]))
    return [judge.judge(sentence) for sentence in split_sentences(summary)]


def _judge(reports: dict[str, str], claim: str, documents: list[str] | None = None):
    return judge_sentence(claim, analyze(cluster_of(reports).documents), documents)


def test_a_paraphrase_is_supported_with_its_source_sentence_as_evidence(quake):
    verdict = judge_sentence(
        "Officials said the magnitude 6.1 quake that hit the mountain region on Monday killed "
        "at least 40 people.",
        quake,
    )
    assert verdict.label == "supported"
    assert verdict.score > 0.6
    assert verdict.evidence[0].document in {"wire", "rewrite"}
    assert verdict.evidence[0].sentence == 0


def test_a_changed_number_is_contradicted(quake):
    verdict = judge_sentence("Rescue teams pulled 20 survivors from collapsed buildings.", quake)
    assert verdict.label == "contradicted"
    assert '"20 survivors"' in verdict.reason and '"12 survivors"' in verdict.reason
    mourning = judge_sentence("The government declared five days of national mourning.", quake)
    assert mourning.label == "contradicted"


def test_the_same_distance_in_other_units_is_supported():
    reports = {"wire": "The epicentre was 20 kilometers north of the capital, officials said."}
    assert _judge(reports, "The epicentre was 12 miles north of the capital.").label == "supported"
    assert _judge(reports, "The epicentre was 20 miles north of the capital.").label != "supported"


def test_a_swapped_name_is_not_supported():
    verdict = _judge(SUMMIT, "Olaf Scholz met Emmanuel Macron in Berlin on Friday.")
    assert verdict.label != "supported"
    assert "Berlin" in verdict.reason
    same = _judge(SUMMIT, "Scholz met Macron in Paris on Friday to discuss energy prices.")
    assert same.label == "supported"


def test_a_fuller_name_is_backed_by_a_surname_but_not_by_a_common_word():
    reports = {
        "science": (
            "Starmer told reporters the telescope deal would go ahead. The new image shows "
            "Pandora's Cluster, and the cluster holds thousands of galaxies."
        )
    }
    fuller = _judge(reports, "Keir Starmer told reporters the telescope deal would go ahead.")
    assert fuller.label == "supported"
    other = _judge(reports, "The new image shows the Coma Cluster and its galaxies.")
    assert other.label != "supported"
    assert "Coma Cluster" in other.reason


def test_an_adjective_made_from_a_source_name_is_supported():
    verdict = _judge(
        SUMMIT, "A French official said the leaders agreed to build a hydrogen pipeline."
    )
    assert verdict.label == "supported"


def test_an_inserted_negation_is_contradicted():
    verdict = _judge(COUNCIL, "The city council did not approve the new budget on Thursday.")
    assert verdict.label == "contradicted"
    assert _judge(COUNCIL, "The council passed the new budget on Thursday.").label == "supported"


def test_a_removed_negation_is_contradicted():
    verdict = _judge(COUNCIL, "Opposition members managed to block a cut to library funding.")
    assert verdict.label == "contradicted"
    assert "block" in verdict.reason


def test_an_antonym_is_contradicted():
    verdict = _judge(
        MARKETS, "Oil prices fell sharply on Tuesday after OPEC agreed to extend cuts."
    )
    assert verdict.label == "contradicted"
    assert '"fell"' in verdict.reason and '"rose"' in verdict.reason


def test_an_opposite_elsewhere_in_the_sentence_is_not_a_contradiction():
    # "cut" opposes "raises" but belongs to another part of the sentence.
    verdict = _judge(COUNCIL, "The budget raises spending on public transport by 12 percent.")
    assert verdict.label == "supported"


def test_a_negating_prefix_and_another_weekday_are_contradictions(quake):
    prefix = _judge(MARKETS, "The cause of the pipeline leak in Nigeria is known.")
    assert prefix.label == "contradicted"
    weekday = _judge(MARKETS, "Oil prices rose sharply on Wednesday after OPEC extended cuts.")
    assert weekday.label != "supported"
    assert "Wednesday" in weekday.reason


def test_a_weekday_a_source_prints_in_capitals_is_in_the_sources():
    """A lead-in in capitals ("TUESDAY SAW oil prices ...") names the day as much as running
    text does."""
    shouted = {"wire": "TUESDAY SAW oil prices rise sharply after OPEC agreed to extend its cuts."}
    verdict = _judge(
        shouted, "Tuesday saw oil prices rise sharply after OPEC agreed to extend cuts."
    )
    assert verdict.label == "supported", verdict.reason


def test_an_invented_fact_is_unsupported(quake):
    verdict = judge_sentence("The mayor announced a new football stadium for next year.", quake)
    assert verdict.label == "unsupported"
    assert verdict.score == 0.0


def test_a_claim_is_judged_only_against_the_documents_given(quake):
    claim = "Critics blamed shoddy construction for the collapse of the buildings."
    assert judge_sentence(claim, quake, ["rewrite"]).label == "supported"
    cited_wrongly = judge_sentence(claim, quake, ["wire"])
    assert cited_wrongly.label == "unsupported"
    assert all(ref.document == "wire" for ref in cited_wrongly.evidence)


def test_attribution_kept_is_supported_and_another_source_is_not():
    reports = {"wire": "At least 40 people died in the floods, the health ministry said."}
    kept = _judge(reports, "The health ministry said at least 40 people died in the floods.")
    assert kept.label == "supported"
    other = _judge(reports, "The Red Cross said at least 40 people died in the floods.")
    assert other.label != "supported"
    assert "Red Cross" in other.reason


def test_an_irregular_past_meets_its_base_form():
    reports = {"sport": "The home side did not win the cup final on Saturday, its coach said."}
    verdict = _judge(reports, "The home side won the cup final on Saturday.")
    assert verdict.label == "contradicted"
    assert _judge(reports, "The home side did not win the cup final.").label == "supported"


def test_an_unrelated_negation_in_the_evidence_does_not_hide_an_inserted_one():
    reports = {
        "wire": (
            "The ministry approved the vaccine for children on Monday, although it gave no "
            "date for the first doses."
        )
    }
    verdict = _judge(reports, "The ministry did not approve the vaccine for children on Monday.")
    assert verdict.label == "contradicted"


def test_a_number_the_sources_never_give_is_unsupported_but_a_name_with_a_number_is_not():
    reports = {
        "markets": (
            "Yields touched 0.5% for a second session, the highest level since Jan. 18. "
            "Hospitals reported fewer COVID-19 cases this week."
        )
    }
    changed = _judge(reports, "Yields touched 0.5%, the highest level since Jan. 17.")
    assert changed.label == "unsupported"
    assert '"17"' in changed.reason
    assert _judge(reports, "Hospitals saw fewer COVID-19 cases.").label == "supported"


def test_a_bound_in_the_source_backs_only_about_the_number_it_names():
    reports = {
        "wire": (
            "A fire tore through a garment factory on Monday, killing at least nine workers. "
            "About 300 workers were inside the building when the blaze broke out."
        )
    }
    assert _judge(reports, "At least 26 workers were killed in the fire.").label != "supported"
    assert _judge(reports, "Twenty-six workers were killed in the fire.").label != "supported"
    assert _judge(reports, "At least nine workers were killed in the fire.").label == "supported"
    assert _judge(reports, "At least five workers were killed in the fire.").label == "supported"


def test_a_cause_not_yet_known_is_contradicted_by_a_source_telling_one():
    reports = {
        "broadcast": (
            "The bell tower of the San Juan church collapsed because restoration work carried "
            "out last year removed two of its supporting buttresses."
        )
    }
    claim = "Officials said it was too early to say why the bell tower of the San Juan church fell."
    verdict = _judge(reports, claim)
    assert verdict.label == "contradicted" and "the source states a cause" in verdict.reason
    flat = "The bell tower of the San Juan church collapsed because restoration work removed it."
    unknown = {"local": "Officials said it was too early to say why the bell tower collapsed."}
    assert _judge(unknown, flat).label == "contradicted"


def test_another_name_of_the_same_country_is_supported():
    reports = {"protest": "British activists poured paint in front of the embassy on Friday."}
    assert _judge(reports, "U.K. activists poured paint outside the embassy.").label == (
        "supported"
    )
    other = _judge(reports, "Two French activists poured paint outside the embassy.")
    assert other.label != "supported"


def test_a_name_swapped_for_another_name_of_the_sources_is_contradicted():
    reports = {
        "markets": (
            "The Bank of Japan said on Wednesday it would buy more bonds. Shares in China "
            "fell 0.7%, and Fla. lawmakers met in Tallahassee."
        )
    }
    swapped = _judge(reports, "The Bank of China said on Wednesday it would buy more bonds.")
    assert swapped.label == "contradicted"
    assert '"China" where the sources say "Japan"' in swapped.reason
    short = _judge(reports, "Florida lawmakers met in Tallahassee.")
    assert short.label != "contradicted"


def test_a_noun_swapped_for_an_unrelated_one_is_contradicted():
    verdict = _judge(RECALL, "The issue could lead to a loss of navigation while driving.")
    assert verdict.label == "contradicted"
    assert '"navigation" where the sources say "propulsion"' in verdict.reason
    scientists = _judge(TELESCOPE, "The image allowed biologists to peer into distant galaxies.")
    assert scientists.label == "contradicted"


def test_a_noun_paraphrased_with_a_related_one_or_a_verb_changed_is_supported():
    # "street" is a kind of "road"; "smartphones" are "phones"; verbs are left alone.
    street = _judge(RECALL, "Owners should park the pickups on the street until repairs are done.")
    assert street.label == "supported"
    phones = _judge(TELESCOPE, "Staff must remove the app from their smartphones by Friday.")
    assert phones.label == "supported"
    verb = _judge(TELESCOPE, "The image let astronomers observe distant galaxies.")
    assert verb.label == "supported"


def test_judge_summary_gives_one_verdict_per_sentence():
    source = COUNCIL["local"]
    verdicts = judge_summary(
        "The council approved the budget on Thursday. Spending on transport falls by 12 percent.",
        source,
    )
    assert [v.label for v in verdicts] == ["supported", "contradicted"]


def test_judge_summary_splits_sentences_glued_without_a_space():
    source = (
        "Asian shares fell on Tuesday as fears of higher rates grew.The central bank said on "
        "Wednesday it would buy bonds, reaching the highest level since March."
    )
    verdicts = judge_summary("The central bank said on Tuesday it would buy bonds.", source)
    assert verdicts[0].label == "contradicted"
    assert "Tuesday" in verdicts[0].reason


def test_summedits_scores_count_each_class_and_edit():
    pairs = [
        SummEditsPair(id="a_og", document="d", summary="s", consistent=True, edit_types=[]),
        SummEditsPair(id="a_1", document="d", summary="s", consistent=True, edit_types=[]),
        SummEditsPair(
            id="a_2", document="d", summary="s", consistent=False, edit_types=["antonym_swap"]
        ),
        SummEditsPair(
            id="a_3",
            document="d",
            summary="s",
            consistent=False,
            edit_types=["antonym_swap", "entity_modification"],
        ),
    ]
    scores = score(pairs, [True, False, False, True])
    assert scores["specificity"] == 50.0
    assert scores["recall"] == 50.0
    assert scores["balanced_accuracy"] == 50.0
    assert scores["recall_by_edit"]["antonym_swap"] == 50.0
    assert scores["recall_by_edit"]["entity_modification"] == 0.0
    assert scores["recall_by_edit"]["negation_insertion_removal"] is None
    assert scores["confusion"] == {
        "true_positive": 1,
        "false_negative": 1,
        "true_negative": 1,
        "false_positive": 1,
    }
    table = format_table({"seconds": 0.1, "all": scores})
    assert "balanced accuracy" in table and "50.0" in table


def test_summedits_halves_keep_the_edits_of_one_document_together(tmp_path):
    path = tmp_path / "pairs.json"
    items = [
        {"id": f"{doc}_{n}", "doc": "text", "summary": "s", "label": 1, "edit_types": []}
        for doc in ("63f9455b8d931ba6e664fb84", "63f9455b8d931ba6e664fb85")
        for n in ("og", "1", "2")
    ]
    path.write_text(json.dumps(items), encoding="utf-8")
    pairs = load_summedits(path)
    halves = {
        pair.id.split("_")[0]: {p.half for p in pairs if p.id[:24] == pair.id[:24]}
        for pair in pairs
    }
    assert all(len(found) == 1 for found in halves.values())
    assert {pair.half for pair in pairs} == {"dev", "test"}


def test_coverage_by_every_other_report_is_coverage_by_the_others_cited():
    """One index of all reports, one report left out, gives what an index of the others does:
    a story of a thousand reports asks it of each and cannot build a thousand indexes."""
    from pathlib import Path

    from summarize.ingest import load_inputs

    seeds = Path(__file__).resolve().parents[2] / "examples" / "syria-hama"
    analysis = analyze(load_inputs([str(seeds)])[0].documents)
    judge = Judge(analysis)
    for item in analysis.sentences:
        text = analysis.sentence(item).text
        others = [d.id for d in analysis.documents if d.id != item.document]
        assert judge.coverage_by_others(text, item.document) == judge.coverage(text, others)


DRUG = {
    "quoted": (
        "The president said on Monday he had been taking the drug for two weeks. "
        '"I happen to be taking it," he told reporters at the White House.'
    ),
    "told": (
        "The president said on Monday he had been taking the drug for two weeks, and told "
        "reporters at the White House that many front-line workers take it too."
    ),
}


def test_a_quotation_is_backed_only_by_a_report_that_gives_its_words():
    analysis = analyze(cluster_of(DRUG).documents)
    claim = '"I happen to be taking it," the president told reporters at the White House.'
    assert judge_sentence(claim, analysis, ["quoted"]).label == "supported"
    retold = judge_sentence(claim, analysis, ["told"])
    assert retold.label == "unsupported"
    assert "quotation" in retold.reason
    # The same claim told without the quotation marks is backed by the report that tells it.
    plain = "The president told reporters at the White House he had been taking the drug."
    assert judge_sentence(plain, analysis, ["told"]).label == "supported"


def test_a_quotation_is_backed_in_any_inflection_or_by_its_reports_headline():
    text = (
        "Rep. Greene on Tuesday introduced a bill that would bar any vaccine passport for "
        "federal workers, her office said."
    )
    report = document_from_text(text, "bill", title="Greene wants federal workers 'to stay free'")
    analysis = analyze([report])
    inflected = "Greene introduced a bill to bar ‘vaccine passports’ for federal workers."
    assert judge_sentence(inflected, analysis).label == "supported"
    headline = "Greene introduced a bill so that federal workers 'stay free'."
    assert judge_sentence(headline, analysis).label == "supported"
    invented = "Greene introduced a bill to end the 'medical apartheid' of federal workers."
    assert judge_sentence(invented, analysis).label == "unsupported"
