"""One live line on stderr while a model reads prompts and writes answers (terminals only).

    LLM smollm2: 1 of 3 answer(s); reading 1 prompt (5,412 tokens, 21 s)
    LLM smollm2: 2 of 3 answer(s); writing 1 (143 tokens, 18 tok/s)

Redrawn at most every `interval` seconds, and at least that often while requests run (the
seconds count while a server reads a prompt and sends nothing), and erased when the last request
ends, so a pipe or a log file never sees it (nothing is written unless the stream is a terminal).
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass
from typing import TextIO


@dataclass
class _Request:
    prompt_tokens: int
    started: float
    first_token: float | None = None
    tokens: int = 0


class Progress:
    def __init__(self, label: str, stream: TextIO | None = None, interval: float = 0.5) -> None:
        self.label = "".join(ch for ch in label if ch.isprintable())
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(isatty and isatty())
        self._lock = threading.Lock()
        self._running: dict[int, _Request] = {}
        self._next_id = 0
        self._planned = 0
        self._done = 0
        self._drawn = 0.0
        self._shown = False
        self._ticker: threading.Thread | None = None

    def expect(self, requests: int) -> None:
        """`requests` more requests are about to be made (for the 'of N' count)."""
        with self._lock:
            self._planned += requests

    def start(self, prompt_tokens: int) -> int:
        """A request was sent; returns its handle for `tokens` and `finish`."""
        with self._lock:
            self._next_id += 1
            self._running[self._next_id] = _Request(prompt_tokens, time.monotonic())
            self._draw(force=True)
            if self.enabled and self._ticker is None:
                self._ticker = threading.Thread(target=self._tick, name="llm-progress", daemon=True)
                self._ticker.start()
            return self._next_id

    def _tick(self) -> None:
        """Redraws the line every `interval` seconds while requests run."""
        while True:
            time.sleep(self.interval)
            with self._lock:
                if not self._running:
                    self._ticker = None
                    return
                self._draw(force=True)

    def tokens(self, handle: int, count: int = 1) -> None:
        """`count` more answer tokens (or streamed pieces) arrived for `handle`."""
        with self._lock:
            request = self._running.get(handle)
            if request is None:
                return
            if request.first_token is None:
                request.first_token = time.monotonic()
            request.tokens += count
            self._draw()

    def finish(self, handle: int, answered: bool = True) -> None:
        with self._lock:
            if self._running.pop(handle, None) is not None and answered:
                self._done += 1
            if self._running:
                self._draw(force=True)
            else:
                self._erase()

    def line(self) -> str:
        """The text of the progress line as it stands."""
        now = time.monotonic()
        reading = [r for r in self._running.values() if r.first_token is None]
        writing = [r for r in self._running.values() if r.first_token is not None]
        total = max(self._planned, self._done + len(self._running))
        parts = [f"LLM {self.label}: {self._done} of {total} answer(s)"]
        if reading:
            tokens = sum(r.prompt_tokens for r in reading)
            waited = max(now - r.started for r in reading)
            parts.append(f"reading {len(reading)} prompt(s) ({tokens:,} tokens, {waited:.0f} s)")
        if writing:
            written = sum(r.tokens for r in writing)
            seconds = sum(now - (r.first_token or now) for r in writing)
            rate = f", {written / seconds:.0f} tok/s" if seconds > 1 else ""
            plural = "" if written == 1 else "s"
            parts.append(f"writing {len(writing)} ({written:,} token{plural}{rate})")
        return "; ".join(parts)

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._drawn < self.interval:
            return
        self._drawn = now
        self.stream.write("\r\x1b[K" + self.line())
        self.stream.flush()
        self._shown = True

    def _erase(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
