from evals.baselines import lead_floor, lexrank, lexrank_ranking
from summarize.ingest import cluster_from_record

SOURCES = [
    "Port workers strike over pay. Dock workers at three harbours walked out on Tuesday over "
    "pay, their union said. The strike halted the loading of container ships.",
    "Dockers walk out at three ports. Dock workers at three harbours went on strike on Tuesday "
    "over pay, the union said. Talks with the employers resume on Friday.",
]


def _documents():  # type: ignore[no-untyped-def]
    return cluster_from_record({"id": "strike", "sources": SOURCES}).documents


def test_the_lead_floor_is_titles_then_leads_round_robin_cut_at_the_budget() -> None:
    text = lead_floor(_documents(), 19)
    assert text == (
        "Port workers strike over pay. Dockers walk out at three ports. Dock workers at three "
        "harbours walked out on"
    )
    assert len(lead_floor(_documents(), 1000).split()) == sum(len(s.split()) for s in SOURCES)


def test_lexrank_ranks_every_sentence_and_fits_the_budget_without_nltk_data() -> None:
    documents = _documents()
    ranked = lexrank_ranking(documents)
    assert len(ranked) == 6  # two titles and four sentences
    for budget in (10, 25, 60):
        summary = lexrank(documents, budget, ranked)
        assert len(summary.split()) <= budget
        assert summary == lexrank(documents, budget)
    assert "Dock workers at three harbours" in lexrank(documents, 25)
