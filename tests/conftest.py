"""Fixtures for the local OpenAI-compatible test servers: the scripted fake
(tests/openai_server.py) and a real llama.cpp llama-server (tests/llama_server.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from summarize.llm.settings import LLMSettings
from tests.llama_server import DEFAULT_CTX_SIZE, LlamaServer, running_llama_server
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


LLAMA_FIXTURES = {"llama_server", "start_llama_server"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that asks for a llama-server fixture gets the `llama_server` marker too."""
    for item in items:
        if LLAMA_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.llama_server)


@pytest.fixture
def start_llama_server(tmp_path: Path) -> Iterator[Callable[..., LlamaServer]]:
    """A factory: `start_llama_server(ctx_size=2048)` starts a real llama-server on 127.0.0.1
    and returns it (`.base_url` is the /v1 URL, `.url` the root); all are stopped at teardown.
    Skips the test when the binary or model is missing (fails it with SUMMARIZE_REQUIRE_LLAMA=1).
    """
    with ExitStack() as stack:

        def start(ctx_size: int = DEFAULT_CTX_SIZE, **options) -> LlamaServer:
            return stack.enter_context(running_llama_server(ctx_size, log_dir=tmp_path, **options))

        yield start


@pytest.fixture
def llama_server(start_llama_server: Callable[..., LlamaServer]) -> str:
    """The OpenAI base URL (http://127.0.0.1:PORT/v1) of a real llama-server, 8192-token context."""
    return start_llama_server().base_url
