"""The LLM backend: an OpenAI-compatible client with budgets, retries, a cache and prompts.

Importing this package is cheap: the openai SDK and tiktoken are imported only when a request
is actually made, so the default (extractive) path never pays for them.
"""

from summarize.llm.errors import LLMError
from summarize.llm.settings import LLMSettings

__all__ = ["LLMError", "LLMSettings"]
