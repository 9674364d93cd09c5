"""LLMSettings: environment, overrides, secrecy of the key, limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.llm.settings import LLMSettings


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("SUMMARIZE_MODEL", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_defaults_without_environment(clean_env):
    settings = LLMSettings.from_env()

    assert settings.model == "gpt-4o-mini"
    assert settings.base_url is None and settings.api_key is None
    assert (settings.timeout, settings.max_retries, settings.concurrency) == (60, 4, None)
    assert settings.use_cache and settings.temperature == 0
    assert settings.cache_path.parts[-2:] == ("summarize", "llm.sqlite")
    assert settings.endpoint == "https://api.openai.com/v1"


def test_environment_is_read(clean_env):
    clean_env.setenv("SUMMARIZE_MODEL", "llama3.1:8b")
    clean_env.setenv("OPENAI_BASE_URL", "http://localhost:11434/v1")
    clean_env.setenv("OPENAI_API_KEY", "sk-env-secret-123")

    settings = LLMSettings.from_env()

    assert settings.model == "llama3.1:8b"
    assert settings.endpoint == "http://localhost:11434/v1"
    assert settings.api_key.get_secret_value() == "sk-env-secret-123"


def test_overrides_win_and_none_keeps_the_environment(clean_env, tmp_path: Path):
    clean_env.setenv("SUMMARIZE_MODEL", "gpt-4.1-mini")

    settings = LLMSettings.from_env(
        model=None, base_url="http://127.0.0.1:8000/v1", cache_path=tmp_path / "x.sqlite"
    )

    assert settings.model == "gpt-4.1-mini"
    assert settings.base_url == "http://127.0.0.1:8000/v1"
    assert settings.cache_path == tmp_path / "x.sqlite"


def test_the_key_is_never_shown(clean_env):
    settings = LLMSettings.from_env(api_key="sk-very-secret-987")

    shown = [repr(settings), str(settings), settings.model_dump_json()]
    assert not any("sk-very-secret-987" in text for text in shown)


def test_explicit_none_cache_path_means_the_default(clean_env):
    assert LLMSettings(cache_path=None).cache_path == LLMSettings().cache_path


@pytest.mark.parametrize(
    "field", ["timeout", "concurrency", "max_input_tokens", "prompt_tokens_per_second"]
)
def test_nonsense_limits_are_refused(clean_env, field):
    with pytest.raises(ValueError, match=field):
        LLMSettings(**{field: 0})
