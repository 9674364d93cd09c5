"""Fixtures for the local OpenAI-compatible test server (see tests/openai_server.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.llm.settings import LLMSettings
from tests.openai_server import FakeOpenAIServer

TEST_KEY = "sk-test-do-not-print-0123456789"


@pytest.fixture
def openai_server() -> Iterator[FakeOpenAIServer]:
    server = FakeOpenAIServer().start()
    yield server
    server.stop()


@pytest.fixture
def llm_settings(openai_server: FakeOpenAIServer, tmp_path: Path) -> LLMSettings:
    """Settings pointing at the test server: short timeout, fast back-off, a fresh cache."""
    return LLMSettings(
        model="gpt-4o-mini",
        base_url=openai_server.base_url,
        api_key=TEST_KEY,
        timeout=2,
        max_retries=2,
        backoff_base=0.05,
        backoff_max=2,
        cache_path=tmp_path / "llm.sqlite",
    )
