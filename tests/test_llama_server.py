"""Smoke test: the real llama-server from .ci/llama-server answers the OpenAI SDK."""

from __future__ import annotations

import pytest
from openai import OpenAI


@pytest.mark.llama_server
def test_llama_server_answers_a_chat_completion(llama_server: str) -> None:
    client = OpenAI(base_url=llama_server, api_key="sk-no-key-needed", timeout=60, max_retries=0)
    reply = client.chat.completions.create(
        model="smollm2",  # llama-server serves its one model whatever the name
        messages=[{"role": "user", "content": "Name one colour."}],
        max_tokens=16,
        temperature=0,
    )
    assert reply.choices[0].message.content.strip()
    assert reply.usage is not None and 0 < reply.usage.completion_tokens <= 16
