"""A sentence as the frame readers see it: its tokens (each figure one token), its clauses, and
where its figures stand."""

from __future__ import annotations

from summarize.text.lexicons import word_set
from summarize.text.tokens import Token, word_tokens

# Punctuation and words that end a clause: a cue or a time on the other side is not the figure's.
_HARD_BOUNDARIES = frozenset(';:—–()[]"“”')
_CLAUSE_WORDS = word_set("while whereas but although though which who whom unlike")
# Words between a figure and the verb or owner before it: "rose by about", "at least", "a solid".
SOFT = word_set(
    """
    a an the about around some nearly almost roughly approximately approx estimated just only
    more less fewer than over under least most at up to as many much another additional extra
    further solid whopping mere record by of its their his her
    """
)


class Sentence:
    """One sentence's tokens, clauses and figures, which each reader of a part of a frame walks."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.tokens = _tokens(text, spans)
        self.lower = [token.text.lower() for token in self.tokens]
        self.clause = self._clauses()
        self.figures = [self._token_range(start, end) for start, end in spans]

    def _clauses(self) -> list[int]:
        clause, clauses = 0, []
        for index, word in enumerate(self.lower):
            after_comma = index > 0 and self.lower[index - 1] == ","
            opens = after_comma and word in ("and", "or", "as", "with")
            if word in _HARD_BOUNDARIES or word in _CLAUSE_WORDS or opens:
                clause += 1
            clauses.append(clause)
        return clauses

    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        first = next((i for i, t in enumerate(self.tokens) if t.end > start), len(self.tokens))
        last = next((i for i, t in enumerate(self.tokens) if t.start >= end), len(self.tokens))
        return first, max(last, first + 1)

    def token_at(self, position: int) -> int:
        return next((i for i, t in enumerate(self.tokens) if t.end > position), len(self.tokens))

    def in_figure(self, index: int) -> bool:
        return any(first <= index < last for first, last in self.figures)

    def left(self, first: int, skip: frozenset[str]) -> int:
        """Index of the first token left of `first` that is not in `skip` (-1 if none)."""
        index = first - 1
        while index >= 0 and self.lower[index] in skip and not self.in_figure(index):
            index -= 1
        return index

    def join(self, words: list[Token]) -> str | None:
        if not words:
            return None
        return self.text[words[0].start : words[-1].end]


def _tokens(text: str, spans: list[tuple[int, int]]) -> list[Token]:
    """Words and marks, each figure one token ("29,000", "$1.2 trillion" are one)."""
    tokens: list[Token] = []
    for token in word_tokens(text):
        span = next(((s, e) for s, e in spans if s < token.end and token.start < e), None)
        if span is None:
            tokens.append(token)
        elif not tokens or tokens[-1].start != span[0]:
            tokens.append(Token(span[0], span[1], text[span[0] : span[1]]))
    return tokens
