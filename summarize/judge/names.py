"""Names in a claim, and whether the reports name them: after resolution (spellings,
surnames, initialisms), another name of the same country, or each of their words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from summarize.analyze.entities import name_key, resolve_entities
from summarize.analyze.mentions import find_mentions
from summarize.text.lexicons import lexicon_rows
from summarize.text.tokens import lowercase_words, tokenize


@dataclass(frozen=True)
class Names:
    """The names and words of the sources, to tell whether a name in a claim occurs in them."""

    surfaces: tuple[str, ...]
    keys: frozenset[tuple[str, ...]]
    words: frozenset[str]
    common_words: frozenset[str]  # written in lower case somewhere: not only a name
    # name -> whether the sources know it (a summary's candidates name the same few names)
    _known: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, texts: Sequence[str], surfaces: Iterable[str]) -> Names:
        unique = tuple(dict.fromkeys(surfaces))
        keys = frozenset(name_key(surface) for surface in unique)
        words = frozenset().union(*(_words(text) for text in texts))
        common = frozenset().union(*(lowercase_words(text) for text in texts))
        return cls(unique, keys, words | {w for key in keys for w in key}, common)

    def knows(self, name: str) -> bool:
        """The same name (after resolution: spellings, surnames, initialisms), or each of its
        words in the sources as written or as a word made from a source word ("Israeli" from
        "Israel"). Word by word because a run of capitals can join two names ("London Russian
        embassy")."""
        if name not in self._known:
            self._known[name] = self._knows(name)
        return self._known[name]

    def _knows(self, name: str) -> bool:
        key = name_key(name)
        if self._knows_key(key) or any(self._knows_key(other) for other in _aliases().get(key, ())):
            return True
        for entity in resolve_entities([("source", s) for s in self.surfaces] + [("claim", name)]):
            if name in entity.variants:
                return any(self._stands_for(s, name) for s in entity.variants if s != name)
        return False

    def _knows_key(self, key: tuple[str, ...]) -> bool:
        return key in self.keys or all(self._knows_word(word) for word in key)

    def _stands_for(self, source: str, claim: str) -> bool:
        """A source name backs a claim name it resolves with, unless the claim's is longer and
        the source's is also a common word: "Trump" backs "Donald Trump", but "Cluster" (the
        sources also say "the cluster") does not back "Coma Cluster"."""
        shorter = len(name_key(source)) < len(name_key(claim))
        is_name = any(word not in self.common_words for word in tokenize(source))
        return not shorter or source.replace(".", "").isupper() or is_name

    def _knows_word(self, word: str) -> bool:
        return (
            word in self.words
            or any(derived(word, known) for known in self.words)
            or any(all(w in self.words for w in other) for other in _aliases().get((word,), ()))
        )


@lru_cache(maxsize=50_000)
def _words(text: str) -> frozenset[str]:
    return frozenset(tokenize(text))


@cache
def _aliases() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Name key -> keys of the other names of the same country ("U.K." -> "Britain")."""
    aliases: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    for names in lexicon_rows("country_names.txt"):
        keys = [name_key(name) for name in names]
        for key in keys:
            aliases[key] = tuple(other for other in keys if other != key)
    return aliases


def derived(a: str, b: str) -> bool:
    """One word made from the other by a short ending: "israeli"/"israel", "chinese"/"china"."""
    shorter = min(len(a), len(b))
    if shorter < 4:
        return False
    shared = 0
    while shared < shorter and a[shared] == b[shared]:
        shared += 1
    return shared >= 4 and shared >= 0.75 * shorter and max(len(a), len(b)) - shared <= 3


@lru_cache(maxsize=50_000)
def claim_names(claim: str) -> tuple[str, ...]:
    """Names in the claim. A single capitalised word opening it may be an ordinary word
    ("Shares fell"), so it counts only when it is an acronym."""
    first = re.search(r"\w", claim)
    opening = first.start() if first else 0
    return tuple(
        mention.text
        for mention in find_mentions(claim)
        if mention.start != opening or " " in mention.text or mention.text.isupper()
    )
