from summarize.align import Similarities, align
from summarize.analyze import analyze
from summarize.ingest import load_inputs
from tests.stories import QUAKE, SEEDS, cluster_of


def _groups_by_documents(reports: dict[str, str]):
    analysis = analyze(cluster_of(reports).documents)
    return analysis, align(analysis)


def test_paraphrases_of_one_fact_share_a_group():
    analysis, groups = _groups_by_documents(QUAKE)
    survivors = [
        g for g in groups if any("survivors" in analysis.sentence(m).text for m in g.members)
    ]
    assert len(survivors) == 1
    assert set(survivors[0].documents) == {"wire", "rewrite", "tabloid"}


def test_every_sentence_in_exactly_one_group_with_one_sentence_per_report():
    analysis, groups = _groups_by_documents(QUAKE)
    members = [(m.document, m.sentence) for g in groups for m in g.members]
    assert sorted(members) == sorted((s.document, s.sentence) for s in analysis.sentences)
    for group in groups:
        assert len(group.documents) == len(group.members)


def test_a_claim_only_one_report_makes_stays_alone():
    analysis, groups = _groups_by_documents(QUAKE)
    critics = next(
        g for g in groups if any("shoddy" in analysis.sentence(m).text for m in g.members)
    )
    assert critics.documents == ["rewrite"]


def test_seed_paraphrase_aligns_most_of_its_sentences_with_the_wire_story():
    cluster = load_inputs([str(path) for path in SEEDS])[0]
    analysis = analyze(cluster.documents)
    groups = align(analysis)
    wire, paraphrase = "000_82cead1f1c9ff3e4", "001_5e90927e7de2ab71"
    shared = sum(1 for g in groups if {wire, paraphrase} <= set(g.documents))
    paraphrase_sentences = len(analysis.document(paraphrase).sentences)
    assert shared >= 0.6 * paraphrase_sentences


def test_candidate_pairs_never_pair_a_report_with_itself():
    analysis = analyze(cluster_of(QUAKE).documents)
    for _, i, j in Similarities(analysis).pairs:
        assert analysis.sentences[i].document != analysis.sentences[j].document
