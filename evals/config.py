"""The eval config: `summarize-eval.toml`, or the `[tool.summarize.eval]` table of pyproject.toml.

    datasets = ["evals/clusters.jsonl"]   # or {path = "...", name = "..."}; relative to the file
    suites = ["seeds"]                    # built-in suites to run as well (optional)

    [[runs]]                              # one column each; the first is the one compared with
    name = "extractive"

    [[runs]]
    name = "llm"
    backend = "llm"
    model = "gpt-4o-mini"
    base_url = "http://localhost:8080/v1"
    prompts = "prompts-v2"                # a directory of edited prompt templates
    max_words = 120

    [thresholds.minimum]                  # for every run; a run may add [runs.thresholds.minimum]
    "clusters.merge.coverage" = 0.6

`summarize eval init` writes a commented one (evals/templates/summarize-eval.toml).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from evals.dataset import field_path
from evals.runs import Run, Thresholds

CONFIG_NAME = "summarize-eval.toml"
PYPROJECT = "pyproject.toml"


class ConfigError(ValueError):
    """A config that cannot be used; the message names the file and the key."""


class DatasetEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: Path
    name: str = Field(default="", description="the prefix of its metrics; default: the file stem")

    @model_validator(mode="before")
    @classmethod
    def _bare_path(cls, value: object) -> object:
        return {"path": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _named(self) -> DatasetEntry:
        self.name = self.name or self.path.stem.replace(".", "-")
        if "." in self.name:
            raise ValueError(f"a dataset name may not contain '.': '{self.name}'")
        return self


class EvalConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    datasets: list[DatasetEntry] = Field(default_factory=list)
    suites: list[str] = Field(default_factory=list)
    runs: list[Run] = Field(default_factory=lambda: [Run()])
    thresholds: Thresholds = Field(default_factory=dict)

    @field_validator("runs")
    @classmethod
    def _distinct_runs(cls, runs: list[Run]) -> list[Run]:
        if not runs:
            raise ValueError("name at least one run")
        names = [run.name for run in runs]
        if twice := sorted({name for name in names if names.count(name) > 1}):
            raise ValueError(f"two runs named {', '.join(twice)}: give each a distinct 'name'")
        return runs

    @model_validator(mode="after")
    def _names(self) -> EvalConfig:
        names = [entry.name for entry in self.datasets] + self.suites
        if twice := sorted({name for name in names if names.count(name) > 1}):
            raise ValueError(f"two datasets or suites named {', '.join(twice)}: give each a 'name'")
        for table in [self.thresholds, *(run.thresholds for run in self.runs)]:
            for limits in table.values():
                for metric in limits:
                    if metric.partition(".")[0] not in names:
                        raise ValueError(
                            f"threshold '{metric}' names no dataset or suite of this config "
                            f"(names are 'dataset.metric'; datasets: {', '.join(names)})"
                        )
        return self

    def relative_to(self, directory: Path) -> EvalConfig:
        """Paths written relative to the config file, made usable from anywhere."""
        for entry in self.datasets:
            entry.path = directory / entry.path
        for run in self.runs:
            if run.prompts is not None:
                run.prompts = directory / run.prompts
        return self


def load_config(path: Path) -> EvalConfig:
    """The config in `path`: a summarize-eval.toml, or a pyproject.toml's [tool.summarize.eval]."""
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config not found: {path}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: not a readable TOML file ({error})") from None
    prefix = ""
    if path.name == PYPROJECT:
        table = table.get("tool", {}).get("summarize", {}).get("eval")
        if table is None:
            raise ConfigError(f"{path} has no [tool.summarize.eval] table")
        prefix = "tool.summarize.eval."
    try:
        config = EvalConfig.model_validate(table)
    except ValidationError as error:
        first = error.errors()[0]
        where = prefix + field_path(first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        raise ConfigError(f"{path}: {where or 'the file'}: {message}") from None
    config = config.relative_to(path.parent)
    for run in config.runs:
        if run.prompts is not None and not run.prompts.is_dir():
            raise ConfigError(
                f"{path}: run '{run.name}': prompts directory not found: {run.prompts}"
            )
    return config


def find_config(directory: Path) -> Path | None:
    """summarize-eval.toml in `directory`, else its pyproject.toml if that has the table."""
    own = directory / CONFIG_NAME
    if own.is_file():
        return own
    pyproject = directory / PYPROJECT
    if pyproject.is_file():
        try:
            table = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None
        if "eval" in table.get("tool", {}).get("summarize", {}):
            return pyproject
    return None
