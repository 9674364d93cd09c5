"""LLM-assisted framing/attribution findings: only real quotes survive."""

from __future__ import annotations

import json
import re

import pytest

from summarize.align import Similarities
from summarize.check import Aligned, Checked
from summarize.check import llm as check_llm
from summarize.check.llm import LLMChecker
from summarize.llm.client import REPAIR_TOKENS
from summarize.llm.errors import LLMError
from summarize.llm.settings import LLMSettings
from summarize.llm.tokens import OPENAI_MARGIN, count_messages
from summarize.models import Analysis, ClaimGroup, Document, Sentence, SentenceRef
from tests.openai_server import FENCED, FakeOpenAIServer, answer, llama_cpp_context_error

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
    assert "prompts check_system@1+check_framing@2." in result.notes[0]
    assert result.notes[-1] == (
        "LLM check: kept 2 of 4 proposed finding(s); dropped 2 (1 with no quote found word for "
        "word in its group; 1 naming a group that was not asked about); 1 inexact quote(s) "
        "removed from kept findings."
    )
    assert "over 1 request(s)" in result.notes[1]

    (request,) = openai_server.requests
    schema = request.body["response_format"]["json_schema"]["schema"]
    document = schema["$defs"]["QuoteDraft"]["properties"]["document"]
    assert document == {"type": "string", "enum": ["agency", "tabloid", "weekly"]}
    assert "group 0:" in request.user and "group 1:" in request.user
    assert "group 2:" not in request.user
    assert "<<<CLAIM GROUPS>>>" in request.user and not list(FENCED.finditer(request.user))


def groups_in(user: str) -> int:
    return len(re.findall(r"^group \d+:", user, re.MULTILINE))


def _prompt_tokens(groups: list[ClaimGroup], settings: LLMSettings) -> int:
    """What the checker's prompt for `groups` takes (as the client counts it)."""
    server = FakeOpenAIServer().start()
    server.script(answer('{"findings": []}'))
    cache = settings.cache_path.with_name(f"measure-{len(groups)}.sqlite")
    try:
        check_framing_llm(
            _analysis(),
            groups,
            settings.model_copy(update={"base_url": server.base_url, "cache_path": cache}),
        )
        return count_messages(server.requests[0].body["messages"])
    finally:
        server.stop()


def test_a_quote_copied_with_other_marks_case_or_spacing_is_the_sentence_s_own_text(
    openai_server: FakeOpenAIServer, llm_settings
):
    """Models fold curly marks, change case and spacing and add a stop; the words are the
    report's, so the finding stays, its evidence the sentence's own text at its real offsets."""
    reply = {
        "findings": [
            {
                "group": 0,
                "kind": "framing",
                "severity": "medium",
                "explanation": "One report calls the dispersal brutal.",
                "quotes": [{"document": "tabloid", "quote": "Riot  police BRUTALLY crushed."}],
            }
        ]
    }
    openai_server.script(answer(json.dumps(reply)))
    analysis = _analysis()

    (finding,) = check_framing_llm(analysis, GROUPS, llm_settings).findings

    (evidence,) = finding.evidence
    assert evidence.quote == "Riot police brutally crushed"
    assert analysis.document("tabloid").text[evidence.start : evidence.end] == evidence.quote


def test_groups_are_batched_to_fit_the_budget(openai_server: FakeOpenAIServer, llm_settings):
    one, two = (_prompt_tokens(GROUPS[:n], llm_settings) for n in (1, 2))
    # a budget between the prompt for one group and the prompt for two
    limit = int((one + two) / 2 / OPENAI_MARGIN) + REPAIR_TOKENS
    settings = llm_settings.model_copy(update={"max_input_tokens": limit, "concurrency": 1})
    openai_server.script(answer('{"findings": []}'), answer('{"findings": []}'))

    result = check_framing_llm(_analysis(), GROUPS, settings)

    assert result.findings == []
    assert [groups_in(r.user) for r in openai_server.requests] == [1, 1]
    assert all(count_messages(r.body["messages"]) <= limit for r in openai_server.requests)


def test_a_budget_too_small_for_one_group_is_a_clear_error(openai_server, llm_settings):
    settings = llm_settings.model_copy(update={"max_input_tokens": 300})

    with pytest.raises(LLMError, match="too small for claim group 0 plus the prompt"):
        check_framing_llm(_analysis(), GROUPS, settings)
    assert openai_server.requests == []


def test_a_batch_too_large_for_the_server_is_split(openai_server, llm_settings):
    no_findings = answer('{"findings": []}')
    openai_server.script(llama_cpp_context_error(900, 800), no_findings, no_findings)

    result = check_framing_llm(_analysis(), GROUPS, llm_settings)

    first, *halves = openai_server.requests
    assert groups_in(first.user) == 2
    assert [groups_in(r.user) for r in halves] == [1, 1]
    assert "over 2 request(s)" in result.notes[1]  # the refused one is not counted as answered


def test_findings_copying_the_instructions_are_dropped_and_counted(openai_server, llm_settings):
    copied = {
        "group": 0,
        "kind": "framing",
        "severity": "low",
        "explanation": "one sentence of your own saying what differs",
        "quotes": [{"document": "tabloid", "quote": "brutally crushed"}],
    }
    real = {**copied, "explanation": "The tabloid says the police crushed the protest."}
    openai_server.script(answer(json.dumps({"findings": [copied, real]})))

    result = check_framing_llm(_analysis(), GROUPS, llm_settings)

    assert len(result.findings) == 1
    assert "1 copying the instructions instead of the reports" in result.notes[-1]


def test_no_multi_report_group_means_no_request(openai_server, llm_settings):
    result = check_framing_llm(_analysis(), [GROUPS[2]], llm_settings)

    assert result.findings == [] and openai_server.requests == []


def test_a_batch_never_answered_validly_is_counted_and_the_rest_kept(
    openai_server, llm_settings, monkeypatch
):
    monkeypatch.setattr(check_llm, "GROUPS_PER_REQUEST", 1)
    finding = {
        "group": 0,
        "kind": "framing",
        "severity": "medium",
        "explanation": "The tabloid says the police crushed the protest.",
        "quotes": [{"document": "tabloid", "quote": "brutally crushed"}],
    }
    settings = llm_settings.model_copy(update={"concurrency": 1})
    openai_server.script(answer(json.dumps({"findings": [finding]})), *[answer("no.")] * 3)

    result = check_framing_llm(_analysis(), GROUPS, settings)

    assert len(result.findings) == 1
    assert "1 of 2 request(s) got no valid answer" in result.notes[-1]


def test_no_valid_answer_at_all_is_an_error(openai_server, llm_settings):
    openai_server.script(*[answer("no.")] * 3)

    with pytest.raises(LLMError, match="no valid JSON answer"):
        check_framing_llm(_analysis(), GROUPS, llm_settings)
