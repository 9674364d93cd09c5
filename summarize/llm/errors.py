"""The one error the LLM backend raises: a line a user can act on, never a key or a traceback."""


class LLMError(RuntimeError):
    pass
