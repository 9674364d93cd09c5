"""What the comparison of figures works on: a figure of one report (`Figure`, with the frame it
is read in), how surely two figures are one (`Edge`), and what the sentences around them say
(`Sentences`: their words and names, their claim groups).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from summarize.align import CONTEXT_SIMILARITY
from summarize.models import (
    Analysis,
    Quantity,
    QuantityFrame,
)
from summarize.text.calendar import CALENDAR_NAMES
from summarize.text.figures import OUTCOMES
from summarize.text.inflection import AUXILIARIES, BE_FORMS
from summarize.text.lexicons import word_set
from summarize.text.tokens import STOPWORDS, content_terms, word_tokens

Key = tuple[int, int]  # (sentence index in analysis.sentences, quantity index in that sentence)
Match = Literal["same", "likely"]
# Capitalised words that name nothing: determiners opening a sentence, months and weekdays.
_NOT_NAMES = (
    word_set("the a an this that these those its their his her our some many most all both")
    | CALENDAR_NAMES
)


@dataclass(frozen=True)
class Figure:
    key: Key
    document: str
    quantity: Quantity
    restated: QuantityFrame | None = None  # the frame of the report's fuller mention

    @property
    def frame(self) -> QuantityFrame:
        if self.restated is not None:
            return self.restated
        return self.quantity.frame or QuantityFrame(measure=self.quantity.base_unit)


def _bare(frame: QuantityFrame | None) -> bool:
    """A frame that says nothing but the measure: "the $5 trillion total"."""
    return frame is not None and (
        (frame.subject, frame.time, frame.period, frame.form, frame.statement)
        == (None, None, None, "level", "actual")
    )


_Mention = tuple[str, str, str, float]  # report, unit, measure, value: one figure of one report


def _mention(document: str, quantity: Quantity) -> _Mention:
    measure = quantity.frame.measure if quantity.frame else quantity.base_unit
    return (document, quantity.base_unit, measure, round(quantity.normalized, 6))


def restated_frames(analysis: Analysis) -> dict[Key, QuantityFrame]:
    """A report that repeats a figure says what it is once: "$5 trillion in new federal spending
    over the next decade ... the $5 trillion total". A bare mention takes the frame of the
    report's first fuller mention of the same value and measure."""
    fuller: dict[_Mention, QuantityFrame] = {}
    bare: list[tuple[Key, _Mention]] = []
    for index, sentence in enumerate(analysis.sentences):
        for position, quantity in enumerate(sentence.quantities):
            if quantity.frame is None:
                continue
            key = _mention(sentence.document, quantity)
            if _bare(quantity.frame):
                bare.append(((index, position), key))
            else:
                fuller.setdefault(key, quantity.frame)
    return {figure: fuller[key] for figure, key in bare if key in fuller}


def hedged_repeats(analysis: Analysis) -> dict[Key, Quantity]:
    """A report that hedges or bounds a figure once means it so wherever it gives it: a headline
    or a later mention drops the hedge ("60 Percent Say ..." over "More than 60 percent of
    Americans say ..."). An exact mention takes the hedge or bound of the report's first
    mention of the same value and measure that has one."""
    hedged: dict[_Mention, Quantity] = {}
    exact: list[tuple[Key, Quantity, _Mention]] = []
    for index, sentence in enumerate(analysis.sentences):
        for position, quantity in enumerate(sentence.quantities):
            key = _mention(sentence.document, quantity)
            if quantity.bound == "exact":
                exact.append(((index, position), quantity, key))
            elif quantity.bound in ("approximate", "at_least", "at_most"):
                hedged.setdefault(key, quantity)
    return {
        figure: quantity.model_copy(
            update={"bound": hedged[key].bound, "low": hedged[key].low, "high": hedged[key].high}
        )
        for figure, quantity, key in exact
        if key in hedged
    }


@dataclass
class Edge:
    match: Match
    aligned: bool  # the sentences are one claim group, or similar enough to be about one fact


@dataclass
class Sentences:
    """What the comparison needs about the sentences: their stems, their groups."""

    analysis: Analysis
    group_of: dict[int, int]
    stems: dict[int, frozenset[str]] = field(default_factory=dict)
    nearby: dict[Key, frozenset[str]] = field(default_factory=dict)
    restated: dict[Key, QuantityFrame] = field(default_factory=dict)
    hedged: dict[Key, Quantity] = field(default_factory=dict)

    def figure(self, key: Key) -> Figure:
        """The figure at `key`, read with what its report says of it elsewhere: the frame of a
        fuller mention, the hedge or bound of a hedged one."""
        sentence = self.analysis.sentences[key[0]]
        quantity = self.hedged.get(key) or sentence.quantities[key[1]]
        return Figure(key, sentence.document, quantity, self.restated.get(key))

    def terms(self, index: int) -> frozenset[str]:
        if index not in self.stems:
            sentence = self.analysis.sentence(self.analysis.sentences[index])
            self.stems[index] = frozenset(content_terms(sentence.text)) | name_words(sentence.text)
        return self.stems[index]

    def text(self, index: int) -> str:
        return self.analysis.sentence(self.analysis.sentences[index]).text

    def near(self, figure: Figure) -> frozenset[str]:
        """The content words next to a figure (NEAR_WORDS either side), without numbers and
        without the words of the figure itself ("jobs", "percent")."""
        if figure.key not in self.nearby:
            sentence = self.analysis.sentence(self.analysis.sentences[figure.key[0]])
            start = figure.quantity.start - sentence.start
            end = figure.quantity.end - sentence.start
            left = sentence.text[:start].split()[-NEAR_WORDS:]
            right = sentence.text[end:].split()[:NEAR_WORDS]
            words = frozenset(content_terms(" ".join(left + right)))
            own = frozenset(content_terms(figure.quantity.text))
            self.nearby[figure.key] = frozenset(
                w for w in words - own if not w[0].isdigit() and w not in _MEASURE_WORDS
            )
        return self.nearby[figure.key]

    def listed_total(self, key: Key) -> float | None:
        """The sum of the counts a sentence lists side by side, when the figure is one of them:
        "Two foreign aid workers and their two Yemeni colleagues" are four people, and "two" is a
        part of them. None when the figure stands alone."""
        sentence = self.analysis.sentences[key[0]]
        text = self.analysis.sentence(sentence).text
        offset = self.analysis.sentence(sentence).start
        quantities = sentence.quantities
        first = last = key[1]
        while first > 0 and _listed(text, quantities[first - 1], quantities[first], offset):
            first -= 1
        while last + 1 < len(quantities) and _listed(
            text, quantities[last], quantities[last + 1], offset
        ):
            last += 1
        if first == last:
            return None
        return sum(quantity.normalized for quantity in quantities[first : last + 1])

    def sources(self, index: int) -> frozenset[str]:
        """The names of whom the sentence gives its claim to ("according to Nielsen")."""
        attributions = self.analysis.sentences[index].attributions
        return frozenset(word for a in attributions for word in name_words(a.source))

    def aligned(self, a: int, b: int, similarity: float) -> bool:
        grouped = self.group_of.get(a, -1) == self.group_of.get(b, -2)
        return grouped or similarity >= CONTEXT_SIMILARITY


# ------------------------------------------------------------------------ comparing frames


def name_words(text: str) -> frozenset[str]:
    """Capitalised words and acronyms, lowercased without dots: "U.S." and "US" are one, and so
    are a name of several capitalised words and its initials ("United States" / "U.S.")."""
    words = [
        re.sub(r"[.'’]", "", token.text.lower())
        for token in word_tokens(text)
        if token.text[:1].isupper() and token.text.lower() not in _NOT_NAMES
    ]
    runs = [
        [word for word in run.group().split() if word.lower() not in _NOT_NAMES]
        for run in _NAME_RUN.finditer(text)
    ]
    return frozenset(words) | {"".join(w[0] for w in run).lower() for run in runs if len(run) > 1}


# A name of two to four capitalised words: "United States", "World Health Organization" is not
# one (its "of"-less initials are its own), "Justice Department".
_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,3}\b")


# Words either side of a figure that describe it ("seeking $2.7 billion in damages").
NEAR_WORDS = 4
_MEASURE_WORDS = frozenset(content_terms("percent per cent points point year years")) | frozenset(
    content_terms(" ".join(OUTCOMES))
)  # what the measure says already ("killed": people killed) describes nothing more


_VAGUE = re.compile(r"(?:tens|hundreds|dozens|thousands|millions|billions|scores)\b", re.I)


def is_vague(quantity: Quantity) -> bool:
    """ "dozens", "thousands", "tens of thousands": a size, no figure ("several thousand" is
    one)."""
    return quantity.bound == "range" and bool(_VAGUE.match(quantity.text))


# What stands between two counts a sentence lists as parts of one group: the first count's noun
# of one to four words, then "and" or a comma, and at most a determiner ("two adults and three
# children", "Two foreign aid workers and their two Yemeni colleagues").
_LIST_LINK = re.compile(
    r"\s+(?P<noun>[A-Za-z'’-]+(?:\s+[A-Za-z'’-]+){0,3}?)\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
    r"(?:(?:their|the|his|her|its|other)\s+)?"
)
_NOT_IN_A_LIST_NOUN = AUXILIARIES | BE_FORMS | STOPWORDS | frozenset(OUTCOMES)


def _listed(text: str, a: Quantity, b: Quantity, offset: int) -> bool:
    """`a` and `b` are two parts of one list of counts: each counts its own noun, with no verb,
    outcome or clause between ("12 dead and 40 injured" and "killed five and injured 20" are two
    figures, not parts of one)."""
    if a.base_unit != "count" or b.base_unit != "count" or a.counted is None:
        return False
    link = _LIST_LINK.fullmatch(text, a.end - offset, b.start - offset)
    return link is not None and not any(
        word.lower() in _NOT_IN_A_LIST_NOUN for word in link["noun"].split()
    )
