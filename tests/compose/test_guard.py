"""The faithfulness guard's policy, with a scripted judge (the real one is tested elsewhere)."""

from __future__ import annotations

from collections.abc import Sequence

from summarize.compose.guard import Draft, DraftSentence, guard
from summarize.models import Analysis, Document, SentenceRef, SupportVerdict

REPORTS = Analysis(
    documents=[
        Document(id="river-wire", text="Two villages were flooded."),
        Document(id="river-local", text="Residents were evacuated by boat."),
        Document(id="river daily", text="The dam broke on Sunday."),  # id needs fencing
    ],
    sentences=[],
)


class scripted_judge:
    def __init__(self, labels: dict[str, str], calls: list | None = None) -> None:
        self.labels, self.calls = labels, calls

    def judge(self, claim: str, documents: Sequence[str] | None = None) -> SupportVerdict:
        if self.calls is not None:
            self.calls.append((claim, documents))
        label, score = self.labels[claim], 0.5
        if label == "miscited":  # only the look at all reports finds support
            label = "supported" if documents is None else "unsupported"
        if label == "thin":  # "supported", with little of it covered
            label, score = "supported", 0.17
        evidence = [SentenceRef(document="river daily", sentence=0)]
        return SupportVerdict(label=label, score=score, reason="scripted", evidence=evidence)


def draft(*sentences: tuple[str, list[str]]) -> Draft:
    return Draft(sentences=[DraftSentence(text=t, citations=c) for t, c in sentences])


def test_policy_for_each_verdict():
    written = draft(
        ("Two villages were flooded.", ["river-wire"]),
        ("Nobody is missing.", ["river-local"]),
        ("The dam was sabotaged.", ["river_daily"]),
        ("The dam broke.", []),
        ("Villages were evacuated.", ["river-wire"]),
        ("Boats came in the end.", ["river-local"]),
    )
    labels = {
        "Two villages were flooded.": "supported",
        "Nobody is missing.": "contradicted",
        "The dam was sabotaged.": "unsupported",
        "The dam broke.": "supported",
        "Villages were evacuated.": "miscited",
        "Boats came in the end.": "supported",
    }

    kept, tally = guard(written, REPORTS, scripted_judge(labels), max_words=12)

    assert [(s.text, s.citations) for s in kept] == [
        ("Two villages were flooded.", ["river-wire"]),
        ("The dam broke.", ["river daily"]),
        ("Villages were evacuated.", ["river daily"]),
    ]
    # each kept sentence carries the report sentences the judge checked it against
    assert all(s.sources == [SentenceRef(document="river daily", sentence=0)] for s in kept)
    assert (tally.kept, tally.contradicted, tally.unsupported) == (3, 1, 1)
    assert (tally.citations_fixed, tally.over_word_limit) == (2, 1)
    assert tally.note() == (
        "faithfulness guard: kept 3 sentence(s); removed 2 (1 contradicted by their sources, "
        "1 unsupported); corrected the citations of 2; cut 1 sentence(s) over the word limit."
    )


def test_citations_are_cleaned_checked_and_deduplicated():
    written = draft(("Two  villages\nwere flooded.", ["id=river-wire", "[river-wire]", "bbc", ""]))
    calls: list = []

    kept, tally = guard(
        written, REPORTS, scripted_judge({"Two villages were flooded.": "supported"}, calls), 50
    )

    assert [(s.text, s.citations) for s in kept] == [("Two villages were flooded.", ["river-wire"])]
    assert calls == [("Two villages were flooded.", ["river-wire"])]
    assert tally.unknown_citations == 2
    assert "dropped 2 citation(s) to unknown report ids" in tally.note()


def test_a_contradicted_sentence_is_not_rescued_by_other_reports():
    calls: list = []
    written = draft(("Nobody is missing.", ["river-local"]))

    kept, tally = guard(
        written, REPORTS, scripted_judge({"Nobody is missing.": "contradicted"}, calls), 50
    )

    assert kept == [] and tally.contradicted == 1
    assert len(calls) == 1


def test_the_first_sentence_is_kept_even_if_longer_than_the_limit():
    long = "Two villages were flooded on Sunday after the river burst its banks."
    kept, tally = guard(
        draft((long, ["river-wire"])), REPORTS, scripted_judge({long: "supported"}), 5
    )

    assert [s.text for s in kept] == [long] and tally.over_word_limit == 0


def test_each_sentence_of_a_text_is_judged_on_its_own():
    """A model may pack several sentences, some invented, into one "sentence"."""
    written = draft(
        ("Two villages were flooded. The mayor resigned in protest.", ["river-wire"]),
    )
    judge = scripted_judge(
        {"Two villages were flooded.": "supported", "The mayor resigned in protest.": "unsupported"}
    )

    kept, tally = guard(written, REPORTS, judge, max_words=80)

    assert [s.text for s in kept] == ["Two villages were flooded."]
    assert [s.citations for s in kept] == [["river-wire"]]
    assert (tally.kept, tally.unsupported) == (1, 1)


def test_a_sentence_cut_off_mid_way_is_removed():
    written = draft(
        ("Residents were evacuated by boat.", ["river-local"]),
        ("The dam broke on Sunday, as", ["river daily"]),
        ('The mayor said "the dam broke."', ["river daily"]),
    )
    judge = scripted_judge(
        {
            "Residents were evacuated by boat.": "supported",
            'The mayor said "the dam broke."': "supported",
        }
    )

    kept, tally = guard(written, REPORTS, judge, max_words=80)

    assert len(kept) == 2 and tally.unfinished == 1
    assert (
        "removed 1 (0 contradicted by their sources, 0 unsupported, 1 unfinished)" in tally.note()
    )


def test_support_that_covers_little_of_the_sentence_is_not_enough():
    written = draft(
        ("Two villages were flooded.", ["river-wire"]),
        ("The flood shifted the balance of power in the region.", ["river-wire"]),
    )
    judge = scripted_judge(
        {
            "Two villages were flooded.": "supported",
            "The flood shifted the balance of power in the region.": "thin",
        }
    )

    kept, tally = guard(written, REPORTS, judge, max_words=80)

    assert [s.text for s in kept] == ["Two villages were flooded."]
    assert tally.unsupported == 1


def test_a_quotation_is_recited_to_the_report_that_gives_its_words():
    """With the real judge: a model cites a report that tells the claim in its own words for a
    sentence that quotes the speaker; the guard cites the report the quotation is from."""
    from summarize.analyze import analyze
    from summarize.judge import Judge
    from tests.stories import cluster_of

    analysis = analyze(
        cluster_of(
            {
                "quoted": (
                    "The mayor said on Monday the city will sue the state over its housing "
                    'rules. "We will win this fight," she told reporters at city hall.'
                ),
                "told": (
                    "The mayor told reporters at city hall on Monday that the city would sue "
                    "the state over its housing rules, a fight she expected to win."
                ),
            }
        ).documents
    )
    claim = '"We will win this fight," the mayor told reporters at city hall.'
    kept, tally = guard(draft((claim, ["told"])), analysis, Judge(analysis), 50)

    assert [(s.text, s.citations) for s in kept] == [(claim, ["quoted"])]
    assert tally.citations_fixed == 1
