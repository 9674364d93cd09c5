"""U.S. parties: the labels after a name ("Sen. Mitch McConnell (R-Ky.)", "(D., Calif.)", "Rep.
Ilhan Omar, D-Minn."), which a reader takes for "Kentucky Republican", so the words a label
stands for are words its report gives (lexicons/us_states.txt has the states' abbreviations);
and the words for a party's members, which running text writes with a capital."""

from __future__ import annotations

import re
from functools import cache

from summarize.text.lexicons import lexicon_rows

_PARTIES = {"R": "Republican", "D": "Democrat", "I": "Independent"}
# A member of one of the two U.S. parties, which running text writes with a capital ("House
# Democrats"): a headline's capital on it is no headline style.
PARTY_MEMBERS = frozenset({"democrat", "democrats", "republican", "republicans"})
# A party letter, a hyphen (or AP's period and comma), and a state's abbreviation, ended by a
# bracket, a comma, a stop or a space.
_LABEL = re.compile(r"(?<![\w.])([RDI])(?:-|\.,\s?)((?:[A-Z][a-z]*\.?\s?){1,2})(?=[),.;:\s]|$)")


@cache
def _states() -> dict[str, str]:
    """Every abbreviation, without spaces and its final stop -> its state's name."""
    states: dict[str, str] = {}
    for name, *abbreviations in lexicon_rows("us_states.txt"):
        for abbreviation in (name, *abbreviations):
            states[_key(abbreviation)] = name
    return states


def _key(abbreviation: str) -> str:
    return abbreviation.replace(" ", "").rstrip(".")


def party_label_words(text: str) -> list[str]:
    """The words each party label in `text` stands for: "(R-Ky.)" -> "Republican", "Kentucky"."""
    words = []
    for match in _LABEL.finditer(text):
        state = _states().get(_key(match.group(2)))
        if state is not None:
            words += [_PARTIES[match.group(1)], state]
    return words
