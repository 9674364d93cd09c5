"""The LLM backend: an OpenAI-compatible client with budgets, retries, a cache and prompts.

Nothing is imported here, so `summarize.llm.errors` stays cheap for the default (extractive)
path; the openai SDK and tiktoken are imported only when a request is actually made.
"""
