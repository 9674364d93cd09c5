"""The SQLite log that doubles as the response cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from summarize.llm.cache import Exchange, RequestKey, ResponseLog

MESSAGES = [{"role": "user", "content": "Summarise: the bridge reopened on Monday."}]
PARAMS = {"temperature": 0, "response_schema": {"type": "object"}}


def key(**changes: object) -> RequestKey:
    values = {
        "model": "gpt-4o-mini",
        "prompt_version": "merge_user@1",
        "params": PARAMS,
        "messages": MESSAGES,
    } | changes
    return RequestKey.of(**values)


def reply(text: str) -> dict:
    return {"choices": [{"message": {"role": "assistant", "content": text}}]}


def test_a_valid_answer_is_found_again(tmp_path: Path):
    log = ResponseLog(tmp_path / "deep" / "llm.sqlite")
    log.record(
        Exchange(key=key(), request={"messages": MESSAGES}, response=reply("{}"), valid=True)
    )

    assert log.lookup(key()) == reply("{}")


def test_invalid_answers_and_errors_are_logged_but_not_reused(tmp_path: Path):
    log = ResponseLog(tmp_path / "llm.sqlite")
    log.record(Exchange(key=key(), request={}, response=reply("oops"), error="not JSON"))
    log.record(Exchange(key=key(), request={}, error="HTTP 503", duration_ms=12.5))

    assert log.lookup(key()) is None
    rows = (
        sqlite3.connect(tmp_path / "llm.sqlite")
        .execute("SELECT model, prompt_version, error, valid, duration_ms FROM llm_log")
        .fetchall()
    )
    assert rows == [
        ("gpt-4o-mini", "merge_user@1", "not JSON", 0, 0.0),
        ("gpt-4o-mini", "merge_user@1", "HTTP 503", 0, 12.5),
    ]


def test_the_latest_valid_answer_wins(tmp_path: Path):
    log = ResponseLog(tmp_path / "llm.sqlite")
    for text in ("first", "second"):
        log.record(Exchange(key=key(), request={}, response=reply(text), valid=True))

    assert log.lookup(key()) == reply("second")


def test_key_depends_on_everything_that_changes_the_answer():
    other_text = [{"role": "user", "content": "Summarise: the bridge closed on Monday."}]
    variants = [
        key(),
        key(model="gpt-4.1"),
        key(prompt_version="merge_user@2"),
        key(params={**PARAMS, "temperature": 0.5}),
        key(messages=other_text),
    ]

    assert len({variant.digest for variant in variants}) == len(variants)
    assert key().digest == key(params=dict(reversed(list(PARAMS.items())))).digest


def test_the_log_survives_a_new_process(tmp_path: Path):
    path = tmp_path / "llm.sqlite"
    ResponseLog(path).record(Exchange(key=key(), request={}, response=reply("x"), valid=True))

    assert ResponseLog(path).lookup(key()) == reply("x")
