"""The errors the LLM backend raises, and the one redaction every message and log row goes through.

An `LLMError` is a line a user can act on, never a key or a traceback. `ContextExceeded` is the
server saying a request does not fit its context window: the caller splits the work instead of
asking the same thing again. `InvalidAnswer` is a model that answered, but never usably.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

REDACTED = "***"
# Shorter "keys" are the placeholders local servers accept ("x", "none", vLLM's "EMPTY"): not
# secrets, and replacing them everywhere would mangle ordinary words ("index", "text") in the
# logs and in a recorded cassette. A header carrying one is still redacted by its field.
MIN_SECRET_LENGTH = 8
# "Authorization: Bearer x", '"api-key": "x"', "x-api-key=x": the value after the name.
_CREDENTIAL_FIELD = re.compile(
    r"(?i)(\b(?:proxy-)?authorization|\bx?-?api[-_]?key)(['\"]?\s*[:=]\s*['\"]?)"
    r"(?:(?:bearer|basic|token)\s+)?[^\s'\",;}]+"
)
# A bearer or basic credential anywhere else ("... sent Bearer sk-abc ...").
_SCHEME_CREDENTIAL = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}")
# user:password@ in a URL, to its last "@" (a password may hold "/", "?" or "#" unencoded).
_URL_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)(?:[^\s@]*+@)++")
# A secret in a URL's query: "?token=...", "&api_key=...", "&sig=...".
_QUERY_SECRET = re.compile(
    r"(?i)([?&][\w.-]*(?:token|key|secret|password|passwd|pwd|sig|signature|auth)[\w.-]*=)"
    r"[^&\s#'\"]+"
)


class LLMError(RuntimeError):
    pass


class NothingSupported(LLMError):
    """The model answered, but the guard found none of its sentences backed by the reports: a
    poor answer, not a failure to reach the model (an eval scores it as an empty summary)."""


class InvalidAnswer(LLMError):
    """The model answered, but with nothing usable, even after the repair turns."""


class ContextExceeded(LLMError):
    """The request (prompt plus room for the answer) is larger than the server's context.

    `context_tokens` and `prompt_tokens` are the server's figures when its message gives them;
    `sent_tokens` (as the client counted the prompt) and `max_tokens` describe the request.
    """

    def __init__(
        self, message: str, context_tokens: int | None = None, prompt_tokens: int | None = None
    ) -> None:
        super().__init__(message)
        self.context_tokens = context_tokens
        self.prompt_tokens = prompt_tokens
        self.sent_tokens = 0
        self.max_tokens = 0


def url_secrets(url: str | None) -> list[str]:
    """The secrets a URL's user:password@ carries, in every form a request or an echo of it may
    show: the password, "user:password", their percent-decoded forms, and the Basic credential
    (base64 of "user:password") an HTTP client sends for them."""
    if not url:
        return []
    userinfo = urlsplit(url)
    if userinfo.password is None:
        return []
    user, password = userinfo.username or "", userinfo.password
    pairs = {f"{user}:{password}", f"{unquote(user)}:{unquote(password)}"}
    encoded = {base64.b64encode(pair.encode("utf-8")).decode("ascii") for pair in pairs}
    return sorted({password, unquote(password), *pairs, *encoded}, key=len, reverse=True)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` without the given secrets, credential header values or URL passwords."""
    for secret in secrets:
        if len(secret) >= MIN_SECRET_LENGTH:
            text = text.replace(secret, REDACTED)
    text = _CREDENTIAL_FIELD.sub(lambda m: f"{m[1]}{m[2]}{REDACTED}", text)
    text = _SCHEME_CREDENTIAL.sub(lambda m: f"{m[1]} {REDACTED}", text)
    text = _QUERY_SECRET.sub(lambda m: f"{m[1]}{REDACTED}", text)
    return _URL_USERINFO.sub(lambda m: f"{m[1]}{REDACTED}@", text)


def shown_url(url: str) -> str:
    """A URL as an error message shows it: whatever stands between "://" and its last "@" (a
    user and a password, however they are written, spaces too) taken out, and query secrets."""
    scheme, separator, rest = url.partition("://")
    if separator and "@" in rest:
        rest = f"{REDACTED}@{rest.rpartition('@')[2]}"
    return redact(f"{scheme}{separator}{rest}")
