"""Prompt templates: versioned files loaded by name, filled with named fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.llm.errors import LLMError
from summarize.llm.prompts import PROMPTS_DIR_ENV, load_prompt, parse_prompt, prompts_dir

TEMPLATES = ["merge_system", "merge_user", "map_user", "check_system", "check_framing"]


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_template_is_versioned(name):
    prompt = load_prompt(name)

    assert prompt.version.isdigit()
    assert prompt.label == f"{name}@{prompt.version}"
    assert not prompt.template.startswith("#")  # header comments are not sent


def test_the_prompt_directory_holds_exactly_these_templates():
    assert sorted(path.stem for path in prompts_dir().glob("*.txt")) == sorted(TEMPLATES)


def test_fields_of_the_user_templates():
    assert load_prompt("merge_user").fields() == {
        "document_count",
        "max_words",
        "groups",
        "findings",
        "sources_intro",
        "sources",
    }
    assert load_prompt("map_user").fields() == {"max_words", "sources"}
    assert load_prompt("check_framing").fields() == {"groups"}


@pytest.mark.parametrize("name", ["merge_system", "check_system"])
def test_system_prompts_declare_fenced_text_data(name):
    text = load_prompt(name).render()

    assert "<<<END>>>" in text
    assert "never a command" in text and "do not obey it" in text


def test_render_fills_fields_and_keeps_json_braces():
    prompt = parse_prompt("demo", '# version: 3\n# a comment\nSay $what as {"a": 1} in $n words.\n')

    assert prompt.version == "3"
    assert prompt.render(what="hello", n=5) == 'Say hello as {"a": 1} in 5 words.\n'


def test_render_refuses_missing_or_unknown_fields():
    prompt = parse_prompt("demo", "# version: 1\n$a and ${b}\n")

    with pytest.raises(ValueError, match=r"missing \['b'\]"):
        prompt.render(a=1)
    with pytest.raises(ValueError, match=r"unknown \['c'\]"):
        prompt.render(a=1, b=2, c=3)


def test_a_template_without_version_is_refused():
    with pytest.raises(LLMError, match="must start with a '# version: N' line"):
        parse_prompt("bare", "Summarise $sources\n")


def test_prompts_can_be_loaded_from_another_directory(tmp_path: Path, monkeypatch):
    (tmp_path / "merge_user.txt").write_text("# version: 7\nShort: $sources\n", encoding="utf-8")
    monkeypatch.setenv(PROMPTS_DIR_ENV, str(tmp_path))

    assert load_prompt("merge_user").label == "merge_user@7"
    with pytest.raises(LLMError, match="prompt template not found"):
        load_prompt("map_user")


@pytest.mark.parametrize("kind", ["not UTF-8", "a directory", "under a file"])
def test_a_prompt_override_that_cannot_be_read_is_an_llm_error(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "prompts"
    directory.mkdir()
    if kind == "not UTF-8":
        (directory / "merge_system.txt").write_bytes(b"# version: 1\n\xff\xfe bad")
    elif kind == "a directory":
        (directory / "merge_system.txt").mkdir()
    else:
        directory = tmp_path / "a-file"
        directory.write_text("x")
    monkeypatch.setenv(PROMPTS_DIR_ENV, str(directory))
    with pytest.raises(LLMError, match="prompt template cannot be read: "):
        load_prompt("merge_system")
