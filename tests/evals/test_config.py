"""The eval config (summarize-eval.toml or pyproject's [tool.summarize.eval]); errors name keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.config import ConfigError, find_config, load_config

CONFIG = """
datasets = ["data/news.jsonl", {path = "data/hard.v2.jsonl", name = "hard"}]
suites = ["seeds"]

[[runs]]
name = "extractive"

[[runs]]
name = "llm"
backend = "llm"
model = "gpt-4o-mini"
base_url = "http://localhost:8080/v1"
prompts = "prompts-v2"
max_words = 120

[runs.thresholds.minimum]
"news.merge.coverage" = 0.5

[thresholds.minimum]
"news.merge.faithfulness" = 0.9
"""


def write(directory: Path, text: str, name: str = "summarize-eval.toml") -> Path:
    (directory / "prompts-v2").mkdir(exist_ok=True)
    path = directory / name
    path.write_text(text)
    return path


def test_a_config_names_datasets_runs_and_thresholds_relative_to_itself(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, CONFIG))
    assert [(d.name, d.path) for d in config.datasets] == [
        ("news", tmp_path / "data/news.jsonl"),
        ("hard", tmp_path / "data/hard.v2.jsonl"),
    ]
    assert config.suites == ["seeds"]
    extractive, llm = config.runs
    assert (extractive.name, extractive.backend, extractive.thresholds) == (
        "extractive",
        "extractive",
        {},
    )
    assert (llm.model, llm.base_url, llm.max_words) == (
        "gpt-4o-mini",
        "http://localhost:8080/v1",
        120,
    )
    assert llm.prompts == tmp_path / "prompts-v2"
    assert llm.thresholds == {"minimum": {"news.merge.coverage": 0.5}}
    assert config.thresholds == {"minimum": {"news.merge.faithfulness": 0.9}}


def test_pyproject_holds_the_same_table(tmp_path: Path) -> None:
    text = (
        CONFIG.replace("[[runs]]", "[[tool.summarize.eval.runs]]")
        .replace("[runs.", "[tool.summarize.eval.runs.")
        .replace("[thresholds.", "[tool.summarize.eval.thresholds.")
    )
    path = write(tmp_path, "[tool.summarize.eval]\n" + text, "pyproject.toml")
    config = load_config(path)
    assert [run.name for run in config.runs] == ["extractive", "llm"]
    assert find_config(tmp_path) == path


def test_a_summarize_eval_toml_is_found_before_pyproject(tmp_path: Path) -> None:
    assert find_config(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None
    path = write(tmp_path, CONFIG)
    assert find_config(tmp_path) == path


def test_no_runs_means_one_extractive_run(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, 'datasets = ["a.jsonl"]\n'))
    assert [(run.name, run.backend) for run in config.runs] == [("extractive", "extractive")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("datasets = [\n", "not a readable TOML file"),
        ('datasets = ["a.jsonl"]\nmodel = "x"\n', "model: Extra inputs are not permitted"),
        ('datasets = ["a.jsonl"]\n[[runs]]\nbackend = "gpt"\n', "runs[0].backend: Input should be"),
        ('datasets = ["a.jsonl"]\n[[runs]]\nmodle = "x"\n', "runs[0].modle: Extra inputs"),
        (
            'datasets = ["a.jsonl"]\n[[runs]]\nname = "x"\n[[runs]]\nname = "x"\n',
            "two runs named x",
        ),
        ('datasets = ["a.jsonl", "b/a.jsonl"]\n', "two datasets or suites named a"),
        (
            'datasets = ["a.jsonl"]\n[thresholds.minimum]\n"b.merge.coverage" = 1\n',
            "threshold 'b.merge.coverage' names no dataset",
        ),
        (
            'datasets = ["a.jsonl"]\n[thresholds.minimun]\n"a.merge.coverage" = 1\n',
            "thresholds.minimun",
        ),
        (
            'datasets = ["a.jsonl"]\n[[runs]]\nbackend = "llm"\nprompts = "nowhere"\n',
            "prompts directory not found",
        ),
        ('datasets = ["a.jsonl"]\nruns = []\n', "name at least one run"),
    ],
)
def test_a_bad_config_is_one_line_naming_the_file_and_key(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")) as error:
        load_config(path)
    assert str(error.value).startswith(str(path))
    assert "\n" not in str(error.value)


def test_a_pyproject_without_the_table_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no \[tool.summarize.eval\] table"):
        load_config(write(tmp_path, "[project]\nname = 'x'\n", "pyproject.toml"))
    with pytest.raises(ConfigError, match="config not found"):
        load_config(tmp_path / "missing.toml")
