"""LLM-assisted framing/attribution findings: only real quotes survive."""

from __future__ import annotations

import json

from summarize.align import Similarities
from summarize.check import Aligned, Checked
from summarize.check.llm import LLMChecker
from summarize.llm.settings import LLMSettings
from summarize.models import Analysis, ClaimGroup, Document, Sentence, SentenceRef
from tests.openai_server import FENCED, FakeOpenAIServer, answer

REPORTS = {
    "agency": "Police dispersed the protest on Saturday. Twelve people were detained.",
    "tabloid": "Riot police brutally crushed the protest on Saturday. Twelve were detained.",
    "weekly": "The protest was broken up on Saturday, organisers said. Twelve people were held.",
}


def _analysis() -> Analysis:
    documents = []
    for doc_id, text in REPORTS.items():
        first, second = text.split(". ", 1)
        documents.append(
            Document(
                id=doc_id,
                text=text,
                sentences=[
                    Sentence(index=0, paragraph=0, start=0, end=len(first) + 1, text=first + "."),
                    Sentence(
                        index=1,
                        paragraph=0,
                        start=len(first) + 2,
                        end=len(text),
                        text=second,
                    ),
                ],
            )
        )
    return Analysis(documents=documents, sentences=[])


def check_framing_llm(
    analysis: Analysis, groups: list[ClaimGroup], settings: LLMSettings
) -> Checked:
    return LLMChecker(settings).check(Aligned(analysis, groups, Similarities(analysis)))


def _group(group_id: int, sentence: int, documents: list[str]) -> ClaimGroup:
    members = [SentenceRef(document=d, sentence=sentence) for d in documents]
    return ClaimGroup(id=group_id, members=members, similarity=0.7)


GROUPS = [
    _group(0, 0, ["agency", "tabloid", "weekly"]),
    _group(1, 1, ["agency", "tabloid", "weekly"]),
    _group(2, 1, ["agency"]),  # one report only: nothing to compare, never sent
]


def test_findings_keep_only_exact_quotes(openai_server: FakeOpenAIServer, llm_settings):
    reply = {
        "findings": [
            {
                "group": 0,
                "kind": "framing",
                "severity": "medium",
                "explanation": "One report calls the dispersal brutal.",
                "quotes": [
                    {"document": "tabloid", "quote": "brutally crushed"},
                    {"document": "agency", "quote": "peacefully dispersed"},  # not in the text
                ],
            },
            {
                "group": 0,
                "kind": "attribution",
                "severity": "low",
                "explanation": "Only one report attributes the account.",
                "quotes": [{"document": "weekly", "quote": "organisers said"}],
            },
            {
                "group": 1,
                "kind": "framing",
                "severity": "low",
                "explanation": "Invented quote only.",
                "quotes": [{"document": "agency", "quote": "were arrested"}],
            },
            {
                "group": 9,
                "kind": "framing",
                "severity": "high",
                "explanation": "No such group.",
                "quotes": [{"document": "agency", "quote": "Police"}],
            },
        ]
    }
    openai_server.script(answer(json.dumps(reply)))
    analysis = _analysis()

    result = check_framing_llm(analysis, GROUPS, llm_settings)

    assert [(f.kind, f.severity) for f in result.findings] == [
        ("framing", "medium"),
        ("attribution", "low"),
    ]
    framing = result.findings[0]
    assert framing.documents == ["agency", "tabloid", "weekly"]
    assert [e.quote for e in framing.evidence] == ["brutally crushed"]
    for finding in result.findings:
        for e in finding.evidence:
            assert analysis.document(e.document).text[e.start : e.end] == e.quote
    assert framing.explanation.endswith("(flagged by the LLM check)")
    assert "prompts check_system@1+check_framing@1." in result.notes[0]
    assert "over 1 request(s)" in result.notes[1]

    (request,) = openai_server.requests
    assert "group 0:" in request.user and "group 1:" in request.user
    assert "group 2:" not in request.user
    assert "<<<CLAIM GROUPS>>>" in request.user and not list(FENCED.finditer(request.user))


def test_groups_are_batched_to_fit_the_budget(openai_server: FakeOpenAIServer, llm_settings):
    settings = llm_settings.model_copy(update={"max_input_tokens": 500, "concurrency": 1})
    openai_server.script(answer('{"findings": []}'), answer('{"findings": []}'))

    result = check_framing_llm(_analysis(), GROUPS, settings)

    assert result.findings == []
    assert len(openai_server.requests) == 2


def test_no_multi_report_group_means_no_request(openai_server, llm_settings):
    result = check_framing_llm(_analysis(), [GROUPS[2]], llm_settings)

    assert result.findings == [] and openai_server.requests == []
