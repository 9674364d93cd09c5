"""Cuts in the words that attribute a claim; who says it, and that they say it, stay:

- what stands between the speaker and the reporting verb, a phrase set off by commas or opened
  by a preposition ("The insurgency, through its Telegram channel, said" -> "The insurgency
  said"): spans `compression.optional_cuts` may cut;
- "that" after a reporting verb ("said that the army" -> "said the army"), unless a phrase or
  clause opens what was said ("warned that without talks ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.compose.cuts import Cut
from summarize.compose.sentence_parts import FINITE_VERB, NAME_ONLY, PREPOSITIONS, SUBORDINATORS
from summarize.text.calendar import WEEKDAY
from summarize.text.quotes import quotation_spans

# Words that take a phrase after them: "familiar with", "close to", "meeting in".
_COMPLETED = re.compile(r"\b(?:[a-z]+ing|familiar|close|knowledgeable|privy|briefed)$")
# "that" after a reporting verb. Not before a phrase or clause opening what was said: "warned
# that without talks the crisis would deepen" without "that" reads "warned without talks", "said
# that of the 136 units, 55 collapsed" reads "said of the units"; nor before a day ("said that
# Monday would be the last day" would read as said on Monday); nor when a second "that" clause
# follows it ("said that he supports spending, but that the plan is wasteful": a pair).
_SAID_THAT = re.compile(
    r"\b(?:said|says|say|announced|reported|confirmed|stated|added|noted|argued|claimed|alleged"
    r"|alleges|warned|insisted|acknowledged|revealed|shows|showed|found|believes|told \w+)\s"
    r"(that)\s(?!(?:is|was|are|were|has|had|have|will|would|could|can|may|might|should|must"
    rf"|does|did|of|about|{PREPOSITIONS}|{'|'.join(SUBORDINATORS)}|{WEEKDAY})(?![\w-]))"
    r"(?![^.;]*\b(?:and|but|or|yet)\s+that\s)"
)


# A phrase ending on a conjunction joins a verb before it to the reporting verb ("Cohen stood in
# court on Tuesday and said"): what it holds is no detail between a speaker and a verb.
_JOINS_VERBS = re.compile(r"\b(?:and|or|but|then)$")


def attribution_details(
    text: str, attributions: Sequence[tuple[int, int, str, str]]
) -> list[tuple[int, int]]:
    """For each attribution (start, end, source, cue) in `text`: what stands between its
    speaker and its verb when it is a phrase set off by commas or opened by a preposition
    ("The insurgency, through its Telegram channel, said", "Trump on Friday said"), as the
    span to drop; the speaker and the verb stay."""
    spans = []
    for start, end, source, cue in attributions:
        written = text[start:end]
        at_source, at_cue = written.find(source), written.rfind(cue)
        if not source or not cue or at_source < 0 or at_cue < 0:
            continue
        if FINITE_VERB.search(source):
            continue  # a verb read as the speaker ("included in ... Trump's written briefings")
        gap_start, gap_end = start + at_source + len(source), start + at_cue
        gap = text[gap_start:gap_end]
        if gap_end <= gap_start or any(mark in gap for mark in '"“”()'):
            continue
        inner = gap.strip()
        set_off = gap.startswith(", ") and inner.endswith(",") and inner.count(",") == 2
        # "officials familiar with the matter", "leaders meeting in Japan": the phrase completes
        # the speaker's last word, an adjective or a participle; it is no detail.
        # A verb after the phrase is the sentence's own, and the "cue" a word of its object
        # ("Trump on Wednesday decried reported efforts").
        opened = (
            re.match(rf"{PREPOSITIONS}\s[^,]+$", inner) is not None
            and not _COMPLETED.search(source)
            and not FINITE_VERB.search(inner)
        )
        if NAME_ONLY.fullmatch(inner.strip(", ")):
            continue  # the speaker's name: "Biden's nominee, Merrick Garland, vowed"
        if _JOINS_VERBS.search(inner):
            continue  # "Cohen stood in court and said": the verb before it is the speaker's
        if inner and (set_off or opened):
            spans.append((gap_start, gap_end - 1 if gap.endswith(" ") else gap_end))
    return spans


def function_word_cuts(text: str) -> list[Cut]:
    """Words that say nothing: "that" after a reporting verb ("said that the army" -> "said the
    army"), unless it is the subject of what follows ("said that was wrong")."""
    quotes = quotation_spans(text)
    cuts = []
    for match in _SAID_THAT.finditer(text):
        cut = Cut(match.start(1), match.end(1) + 1, "function word")
        if not cut.touches(quotes):
            cuts.append(cut)
    return cuts
