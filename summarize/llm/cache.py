"""A SQLite log of every LLM exchange that doubles as a response cache (like Simon Willison's llm).

One row per HTTP attempt: the request (messages and parameters, never the key), the response or
the error, tokens and duration. A successful, valid answer is found again by its cache key, a
hash of model + prompt versions + parameters + the input text, so a re-run costs nothing.
Inspect it with `sqlite3 <path> 'select model, prompt_version, tokens_in, tokens_out from llm_log'`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel

_SCHEMA = """
CREATE TABLE IF NOT EXISTS llm_log (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    cache_key TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    params_hash TEXT NOT NULL,
    input_hash TEXT NOT NULL,
    request_json TEXT NOT NULL,
    response_json TEXT,
    error TEXT,
    valid INTEGER NOT NULL,
    tokens_in INTEGER NOT NULL,
    tokens_out INTEGER NOT NULL,
    duration_ms REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS llm_log_cache_key ON llm_log (cache_key, valid);
"""


def _sha256(value: Any) -> str:
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class RequestKey(BaseModel):
    """What identifies an answer: the same key means the same question to the same model."""

    model: str
    prompt_version: str
    params_hash: str
    input_hash: str

    @classmethod
    def of(
        cls,
        model: str,
        prompt_version: str,
        params: Mapping[str, Any],
        messages: list[dict[str, str]],
    ) -> RequestKey:
        return cls(
            model=model,
            prompt_version=prompt_version,
            params_hash=_sha256(params),
            input_hash=_sha256(messages),
        )

    @property
    def digest(self) -> str:
        return _sha256(self.model_dump())


class Exchange(BaseModel):
    """One attempt: what was sent, what came back (or the error), and what it cost."""

    key: RequestKey
    request: dict[str, Any]
    response: dict[str, Any] | None = None
    error: str | None = None
    valid: bool = False
    tokens_in: int = 0
    tokens_out: int = 0
    duration_ms: float = 0


class ResponseLog:
    """The SQLite file; safe to share between the threads of one process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._ready = False

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if not self._ready:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=30)
            try:
                if not self._ready:
                    connection.executescript(_SCHEMA)
                    self._ready = True
                with connection:
                    yield connection
            finally:
                connection.close()

    def record(self, exchange: Exchange) -> None:
        key = exchange.key
        with self._connect() as connection:
            connection.execute(
                "INSERT INTO llm_log (created_at, cache_key, model, prompt_version, params_hash,"
                " input_hash, request_json, response_json, error, valid, tokens_in, tokens_out,"
                " duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
                    key.digest,
                    key.model,
                    key.prompt_version,
                    key.params_hash,
                    key.input_hash,
                    json.dumps(exchange.request, ensure_ascii=False),
                    None if exchange.response is None else json.dumps(exchange.response),
                    exchange.error,
                    int(exchange.valid),
                    exchange.tokens_in,
                    exchange.tokens_out,
                    exchange.duration_ms,
                ),
            )

    def lookup(self, key: RequestKey) -> dict[str, Any] | None:
        """The latest valid response stored under `key`, if any."""
        with self._connect() as connection:
            row = connection.execute(
                "SELECT response_json FROM llm_log WHERE cache_key = ? AND valid = 1"
                " ORDER BY id DESC LIMIT 1",
                (key.digest,),
            ).fetchone()
        return None if row is None else json.loads(row[0])
