"""A SQLite log of every LLM exchange that doubles as a response cache (like Simon Willison's llm),
and cassettes: the answers a run used, in a file a team commits, replayed with no network.

One row per HTTP attempt: the request (messages and parameters, never the key), the response or
the error, tokens and duration. A successful, valid answer is found again by its cache key, a
hash of model + prompt versions + parameters + the input text, so a re-run costs nothing.
Inspect it with `sqlite3 <path> 'select model, prompt_version, tokens_in, tokens_out from llm_log'`.

A cassette (`Cassette`) is a JSON Lines file of valid answers under the same keys. Replaying it
(`LLMSettings.replay`) serves only what it holds: a request it lacks is a `NotRecorded` error,
never a network call, so an edited prompt shows up as requests to record again. Recording
(`LLMSettings.record`) answers as usual (cassette, cache, then the model) and keeps every answer
used on a tape; `Cassette.finish_recording` writes exactly those to the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ValidationError

from summarize.llm.errors import LLMError

if TYPE_CHECKING:
    from summarize.llm.settings import LLMSettings

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


# The prompt version of a server's answers about itself (its context, slots and token counts).
PROBE_VERSION = "server-probe@1"


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

    @classmethod
    def of_probe(cls, model: str, route: str, body: Mapping[str, Any] | None) -> RequestKey:
        """What a self-hosted server was asked about itself (`route`: "GET /props"), kept
        apart from the model's answers by its prompt version."""
        return cls(
            model=model,
            prompt_version=PROBE_VERSION,
            params_hash=_sha256(route),
            input_hash=_sha256(body),
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
    """The SQLite file; safe to share between the threads of one process.

    Every text written (request, response, error) goes through `redact` first, so no key or
    credential a server echoes back reaches the disk.
    """

    def __init__(self, path: Path, redact: Callable[[str], str] = lambda text: text) -> None:
        self.path = path
        self._redact = redact
        self._lock = threading.Lock()
        self._ready = False

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                if not self._ready:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=30)
            except (OSError, sqlite3.Error) as error:
                raise self._unusable(error) from error
            try:
                if not self._ready:
                    connection.executescript(_SCHEMA)
                    self._ready = True
                with connection:
                    yield connection
            except (OSError, sqlite3.Error) as error:
                raise self._unusable(error) from error
            finally:
                connection.close()

    def _unusable(self, error: Exception) -> LLMError:
        """A cache that cannot be opened or written (not a SQLite file, a directory, a folder
        that cannot be made): one line naming it, as for any bad input."""
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        try:
            folder = next((p for p in self.path.parents if p.exists()), None)
            if folder is not None and not folder.is_dir():
                reason = f"{folder} is a file, not a folder"
        except OSError:  # a path too long to look up: the reason already says so
            pass
        return LLMError(f"cannot use the LLM cache {self.path}: {reason}; give another --cache")

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
                    self._redact(json.dumps(exchange.request, ensure_ascii=False)),
                    None
                    if exchange.response is None
                    else self._redact(json.dumps(exchange.response)),
                    None if exchange.error is None else self._redact(exchange.error),
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

    def valid_answers(self) -> list[tuple[RequestKey, dict[str, Any]]]:
        """Every valid answer logged, oldest first."""
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT model, prompt_version, params_hash, input_hash, response_json"
                " FROM llm_log WHERE valid = 1 ORDER BY id"
            ).fetchall()
        return [
            (
                RequestKey(
                    model=model,
                    prompt_version=prompt_version,
                    params_hash=params_hash,
                    input_hash=input_hash,
                ),
                json.loads(response),
            )
            for model, prompt_version, params_hash, input_hash, response in rows
        ]


# ---------------------------------------------------------------- cassettes


class AnswerStore(Protocol):
    """Where the client looks answers up and logs exchanges."""

    def lookup(self, key: RequestKey) -> dict[str, Any] | None: ...

    def record(self, exchange: Exchange) -> None: ...


class Recorded(BaseModel):
    """One line of a cassette: a request's key and the model's valid answer to it."""

    model: str
    prompt_version: str
    params_hash: str
    input_hash: str
    response: dict[str, Any]

    @property
    def key(self) -> RequestKey:
        return RequestKey(
            model=self.model,
            prompt_version=self.prompt_version,
            params_hash=self.params_hash,
            input_hash=self.input_hash,
        )


class NotRecorded(LLMError):
    """Replaying, a request the cassette has no answer for (a prompt, the inputs or the model
    changed): it must be recorded again; nothing was sent."""

    def __init__(self, key: RequestKey, cassette: Path) -> None:
        super().__init__(
            f"no recorded answer in {cassette} for model '{key.model}', prompts "
            f"{key.prompt_version} (request {key.input_hash[:12]}); record it again with --record"
        )
        self.key = key


@lru_cache(maxsize=8)
def _read_cassette(path: Path, stamp: tuple[int, int]) -> dict[str, Recorded]:
    """The cassette's answers by cache key (`stamp` = mtime and size: re-read when it changes)."""
    answers: dict[str, Recorded] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            recorded = Recorded.model_validate_json(line)
        except ValidationError as error:
            problem = error.errors()[0]
            where = ".".join(str(part) for part in problem["loc"]) or "the line"
            raise LLMError(
                f"{path} line {number}: not a recorded answer ({where}: {problem['msg']})"
            ) from None
        answers[recorded.key.digest] = recorded
    return answers


class Cassette:
    """Recorded answers in a JSON Lines file a team commits, one answer a line, sorted by model,
    prompt versions and key so that a re-recording diffs line by line."""

    def __init__(self, path: Path, redact: Callable[[str], str] = lambda text: text) -> None:
        self.path = path
        self._redact = redact

    def answers(self, missing_ok: bool = False) -> dict[str, Recorded]:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            if missing_ok:
                return {}
            raise LLMError(f"cassette not found: {self.path}") from None
        return _read_cassette(self.path, (stat.st_mtime_ns, stat.st_size))

    @property
    def tape(self) -> ResponseLog:
        """Where a recording keeps the answers it used until `finish_recording` (SQLite, so
        that the worker processes of one run can share it)."""
        return ResponseLog(self.path.with_name(self.path.name + ".recording"), self._redact)

    def start_recording(self) -> None:
        """Forget the answers an interrupted recording left on the tape."""
        self.tape.path.unlink(missing_ok=True)

    def finish_recording(self) -> int:
        """Write the answers used since `start_recording` (the latest per key) to the file,
        replacing what it held; returns how many."""
        tape = self.tape
        used: dict[str, Recorded] = {}
        if tape.path.exists():
            for key, response in tape.valid_answers():
                used[key.digest] = Recorded(**key.model_dump(), response=response)
        ordered = sorted(
            used.items(), key=lambda item: (item[1].model, item[1].prompt_version, item[0])
        )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_text(
            "".join(
                json.dumps(recorded.model_dump(), ensure_ascii=False, sort_keys=True) + "\n"
                for _, recorded in ordered
            ),
            encoding="utf-8",
        )
        partial.replace(self.path)
        tape.path.unlink(missing_ok=True)
        return len(used)


class ReplayLog:
    """Answers from a cassette only. Nothing is sent when replaying, so nothing is logged."""

    def __init__(self, cassette: Cassette) -> None:
        self._answers = cassette.answers()

    def lookup(self, key: RequestKey) -> dict[str, Any] | None:
        recorded = self._answers.get(key.digest)
        return None if recorded is None else recorded.response

    def record(self, exchange: Exchange) -> None:
        pass


class RecordingLog:
    """The cassette's answers, then the cache, then the model, as usual; every valid answer
    used also goes on the cassette's tape."""

    def __init__(self, log: ResponseLog, cassette: Cassette) -> None:
        self._log = log
        self._answers = cassette.answers(missing_ok=True)
        self._tape = cassette.tape

    def lookup(self, key: RequestKey) -> dict[str, Any] | None:
        recorded = self._answers.get(key.digest)
        response = recorded.response if recorded is not None else self._log.lookup(key)
        if response is not None:
            self._tape.record(Exchange(key=key, request={}, response=response, valid=True))
        return response

    def record(self, exchange: Exchange) -> None:
        self._log.record(exchange)
        if exchange.valid:
            self._tape.record(exchange.model_copy(update={"request": {}}))


def open_log(settings: LLMSettings, redact: Callable[[str], str]) -> AnswerStore:
    """The store the client uses: the SQLite log, or a cassette replayed or being recorded.
    Everything written goes through `redact` first."""
    if settings.replay is not None:
        return ReplayLog(Cassette(settings.replay))
    log = ResponseLog(settings.cache_path, redact=redact)
    if settings.record is not None:
        return RecordingLog(log, Cassette(settings.record, redact=redact))
    return log
