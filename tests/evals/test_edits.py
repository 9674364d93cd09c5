"""The controlled edits of the `conflicts` suite: made by code, deterministic, as documented."""

from __future__ import annotations

from evals.edits import changed_wordings, equivalent_wordings, find_cases, generate, make_edits
from summarize.analyze.quantities import find_quantities

RECORD = {
    "id": "story",
    "sources": [
        "Storm hits coast. The storm destroyed 1,200 homes along the coast on Monday, "
        "officials said. Power was cut to 35% of the region.",
        "Storm batters coast. Officials said the storm destroyed 1,200 homes along the coast "
        "on Monday. Schools stayed closed.",
    ],
}


def test_a_figure_stated_alike_is_a_case_in_each_direction() -> None:
    cases = find_cases(RECORD)
    assert {(c.kept, c.edited) for c in cases} == {("story-1", "story-2"), ("story-2", "story-1")}
    assert all(c.kept_text == c.edited_text == "1,200 homes" for c in cases)


def test_changed_wordings_keep_the_style_and_leave_the_allowed_interval() -> None:
    assert next(changed_wordings("1,200 homes")) == ("1,800 homes", "x1.5")
    assert next(changed_wordings("six")) == ("nine", "x1.5")
    assert next(changed_wordings("$1.2 trillion")) == ("$1.8 trillion", "x1.5")


def test_equivalent_wordings_keep_the_value() -> None:
    for wording in ("5.2%", "235,000 people", "six", "$1.2 trillion", "20 kilometers"):
        (original,) = find_quantities(wording)
        for rewritten, how in equivalent_wordings(wording):
            (new,) = find_quantities(rewritten)
            assert new.low < original.high and original.low < new.high, (wording, how)


def test_edits_are_made_in_the_edited_report_only_and_are_deterministic() -> None:
    case = find_cases(RECORD)[0]
    edits = make_edits(RECORD, case)
    kinds = [edit.kind for edit in edits]
    assert kinds[:2] == ["changed", "temporal"] and "equivalent" in kinds
    for edit in edits:
        document = next(d for d in edit.cluster.documents if d.id == case.edited)
        assert document.text[edit.span[0] : edit.span[1]] == edit.after
        kept = next(d for d in edit.cluster.documents if d.id == case.kept)
        assert kept.text[case.kept_span[0] : case.kept_span[1]] == case.kept_text
    temporal = edits[1].cluster.documents
    assert {d.id: d.published for d in temporal}[case.edited] < {
        d.id: d.published for d in temporal
    }[case.kept]
    assert [e.after for e in generate([RECORD])] == [e.after for e in generate([RECORD])]
