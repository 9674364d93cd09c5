from summarize.analyze.attribution import find_attributions
from summarize.compose.compression import (
    apply_cuts,
    function_word_cuts,
    modifier_cuts,
    optional_cuts,
    variants,
)


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
        == "An earthquake struck the region on Monday, officials said."
    )
    assert (
        _shortest(
            "Hope Hicks, one of the president's longest-serving aides, is returning to the "
            "White House."
        )
        == "Hope Hicks is returning to the White House."
    )


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


def test_a_quotation_is_kept_whole_or_dropped_whole() -> None:
    text = 'The minister, who spoke "with regret, and sorrow," resigned on Friday.'
    for variant in variants(text, [], optional_cuts(text, [])):
        assert variant.count('"') in (0, 2)


def test_only_grading_modifiers_are_dropped() -> None:
    text = "The army successfully held a crucial vote on abusive behavior."
    spans = [
        (text.index(w), text.index(w) + len(w)) for w in ("successfully", "crucial", "abusive")
    ]
    assert (
        apply_cuts(text, modifier_cuts(text, spans)) == "The army held a vote on abusive behavior."
    )


def test_that_after_a_reporting_verb_goes_unless_it_is_the_subject() -> None:
    assert apply_cuts(
        "He said that the army left.", function_word_cuts("He said that the army left.")
    ) == ("He said the army left.")
    assert function_word_cuts("He said that was wrong.") == []
