"""Datasets: clusters to evaluate on, each with the gold it is scored against.

A dataset file is JSON Lines, one cluster a line in the shape `summarize merge` reads
({"id", "sources": [...]}), plus any of the fields of `evals.gold.Gold`: `reference`,
`key_facts`, `expected_findings`, `not_conflicts`, `max_words`; a line is read within the JSON
bounds of `summarize merge` (`load_json`). A line that cannot be used gets a `DatasetProblem`
naming the line and the field, and the other lines are still used.
Clusters are ingested here, once, so that every quote of the gold is checked against the text
as `summarize` reads it and every run of a matrix reuses the same documents.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from evals.gold import Gold
from evals.metrics import locate
from summarize.ingest import cluster_from_record, load_json
from summarize.models import Cluster


class EvalCase(BaseModel):
    """One cluster of a dataset and its gold."""

    id: str
    line: int = Field(description="where it is in its file (1-based), for messages")
    cluster: Cluster
    gold: Gold


class DatasetProblem(BaseModel):
    """A line that was not used, and why."""

    line: int
    field: str
    message: str

    def describe(self, source: str) -> str:
        return f"{source} line {self.line}: {self.field}: {self.message}"


class Dataset(BaseModel):
    name: str
    source: str = Field(description="the file it was read from, as given")
    cases: list[EvalCase]
    problems: list[DatasetProblem] = Field(default_factory=list)

    def limited(self, limit: int | None) -> Dataset:
        """The first `limit` cases (all when None)."""
        if limit is None:
            return self
        return self.model_copy(update={"cases": self.cases[:limit]})


class DatasetError(ValueError):
    """A dataset that cannot be read at all (missing file, not UTF-8) or holds no line."""


def field_path(location: Sequence[int | str]) -> str:
    """('key_facts', 0, 'terms') -> 'key_facts[0].terms'."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def _gold_problems(gold: Gold, cluster: Cluster) -> list[tuple[str, str]]:
    """Quotes that name a document the cluster lacks, or that are not in its text."""
    texts = {document.id: document.text for document in cluster.documents}
    problems = []
    for field, quote in gold.quotes:
        if quote.document not in texts:
            problems.append(
                (
                    f"{field}.document",
                    f"no document '{quote.document}' in this cluster "
                    f"(its documents: {', '.join(texts)})",
                )
            )
        elif not locate(quote.quote, texts[quote.document]):
            problems.append(
                (f"{field}.quote", f"not in document '{quote.document}': {quote.quote[:80]!r}")
            )
    return problems


def read_case(record: Any, line: int) -> EvalCase | DatasetProblem:
    """One parsed line as a case, or the first problem that keeps it from being one."""
    if not isinstance(record, dict):
        return DatasetProblem(line=line, field="the line", message="expected a JSON object")
    try:
        gold = Gold.model_validate(record)
    except ValidationError as error:
        first = error.errors()[0]
        return DatasetProblem(
            line=line,
            field=field_path(first["loc"]) or "the line",
            message=first["msg"].removeprefix("Value error, "),
        )
    cluster = cluster_from_record(record, source=f"line {line}")
    if cluster.problems:
        problem = cluster.problems[0]
        field = problem.source.removeprefix(f"line {line}").strip() or "sources"
        return DatasetProblem(line=line, field=field, message=problem.message)
    for field, message in _gold_problems(gold, cluster):
        return DatasetProblem(line=line, field=field, message=message)
    return EvalCase(id=cluster.id, line=line, cluster=cluster, gold=gold)


def parse_dataset(name: str, source: str, text: str) -> Dataset:
    cases: list[EvalCase] = []
    problems: list[DatasetProblem] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = load_json(line)
        except json.JSONDecodeError as error:
            problems.append(
                DatasetProblem(line=number, field="the line", message=f"not JSON ({error.msg})")
            )
            continue
        except ValueError as error:  # JSON beyond merge's bounds: nested too deeply, say
            problems.append(DatasetProblem(line=number, field="the line", message=str(error)))
            continue
        case = read_case(record, number)
        if isinstance(case, DatasetProblem):
            problems.append(case)
        elif case.id in first_line:
            message = f"'{case.id}' is the id of line {first_line[case.id]} too"
            problems.append(DatasetProblem(line=number, field="id", message=message))
        else:
            first_line[case.id] = number
            cases.append(case)
    return Dataset(name=name, source=source, cases=cases, problems=problems)


def load_dataset(path: Path, name: str | None = None) -> Dataset:
    """A JSONL dataset; its name (the prefix of its metrics) defaults to the file's stem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(f"dataset not found: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DatasetError(f"cannot read dataset {path}: {error}") from None
    if not text.strip():
        what = "has only blank lines" if text else "is empty"
        raise DatasetError(f"dataset {path} has no clusters: the file {what}")
    return parse_dataset(name or path.stem, str(path), text)
