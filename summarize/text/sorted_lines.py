"""Large tables of lines sorted by a key (WordNet's nouns, lemminflect's lemmas), searched by
bisection in the text itself: a run looks up a few hundred of their 100,000 lines, and splitting
a table into lines first costs more than all its lookups (6 to 9 ms a table, of a cold run's
half second)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

Key = TypeVar("Key", str, int)


class SortedLines(Generic[Key]):
    """The lines of `text[start:end]`, sorted by `key`. `start` is where a line starts, `end`
    where one ends (at its newline, or the end of the text)."""

    def __init__(
        self, text: str, key: Callable[[str], Key], start: int = 0, end: int | None = None
    ) -> None:
        self.text = text
        self.key: Callable[[str], Key] = key
        self.start = start
        self.end = len(text) if end is None else end

    def matching(self, value: Key) -> list[str]:
        """The lines whose key is `value`, in their order."""
        found = []
        at = self._first(value)
        while at < self.end:
            ends = self._line_end(at)
            line = self.text[at:ends]
            if self.key(line) != value:
                break
            found.append(line)
            at = ends + 1
        return found

    def _line_end(self, start: int) -> int:
        ends = self.text.find("\n", start, self.end)
        return self.end if ends == -1 else ends

    def _first(self, value: Key) -> int:
        """Where the first line whose key is not below `value` starts (`end` when none is)."""
        low, high = self.start, self.end  # `low` is always where a line starts
        while low < high:
            middle = (low + high) // 2
            start = max(low, self.text.rfind("\n", low, middle) + 1)
            ends = self._line_end(start)
            if self.key(self.text[start:ends]) < value:
                low = ends + 1
            else:
                high = start
        return min(low, self.end)
