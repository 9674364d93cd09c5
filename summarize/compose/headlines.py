"""Which part of a report's title states something, for the summary to give as a sentence.

`headline` reads a title: a quotation on one side of its colon goes, a label on the other side
stays when it is who says the claim or a topic of the reports' text, a section label in capitals
before it goes; a question, a teaser, an explainer, a quotation without its speaker or a label
of fewer than MIN_HEADLINE_WORDS words is no statement. `headline_label` finds the label a colon
joins to a title, and `labelled_with_source` whether it names a source. How the title's words
are then written as running text is `casing.py`'s.
"""

from __future__ import annotations

import re

from summarize.analyze.nouns import noun_senses
from summarize.analyze.reporting import is_reporting
from summarize.analyze.speakers import ADJUNCT_PREPOSITIONS
from summarize.compose.casing import Casing, bare_word
from summarize.text.inflection import AUXILIARIES, verb_form
from summarize.text.quotes import QUOTE_MARKS, QUOTED
from summarize.text.sentences import is_finished
from summarize.text.tokens import content_terms

# A title of fewer words is a label ("Live updates"), not a statement.
MIN_HEADLINE_WORDS = 5
# A word in capitals opening a title before a capitalised word: a section label ("TECH Tech's
# big five lost ...") or an acronym ("CDC Recommends ...").
_KICKER = re.compile(r"([A-Z]{3,})\s+(?=[A-Z][a-z])")
_QUESTION_WORDS = ("what", "how", "why", "where", "when", "who")
# A side of a title's colon that opens an explainer: "What it means", "Here's what happened".
_EXPLAINER = re.compile(rf"(?:{'|'.join(_QUESTION_WORDS)}|here)\b", re.I)
# A headline opening on a question word explains or teases; it states no event ("WHO" is no
# question word).
_OPENS_EXPLAINER = re.compile(rf"(?:{'|'.join(word.title() for word in _QUESTION_WORDS)})\b")
# A label naming who says a headline's claim: a kind of source, or an outlet's initials.
_SOURCE_LABEL = re.compile(
    r"(?i:(?:new\s)?(?:reports?|poll|survey|study|sources?|officials?|documents?|data|memos?))"
    r"|[A-Z]{2,5}"
)


def headline(casing: Casing, title: str) -> str | None:
    """A report's title as a sentence of the summary ("Trump Orders Providers To Reveal
    Prices" -> "Trump orders providers to reveal prices."), or None for a title that is no
    statement: a question, a teaser, a quotation without its speaker.

    A quotation on one side of a colon is left out: the other side is the statement ("Trump
    Cancels Military Parade: 'Maybe Next Year'", "'State decision': Governors defy Trump").
    Any other colon joins a label to the statement, and the title is kept whole: the label
    is a topic ("Sri Lanka bombings: 207 dead"), or who says it ("Poll: ...", "...: report"),
    which must stay with the claim. A label none of the reports' text uses is the outlet's
    own ("The Latest: ...", "OPINION: ..."), unless it names a source ("Report: ...", "...:
    WSJ"); and a side that opens with a question word an explainer's ("...: What it
    means"): no statement."""
    title = title.strip().rstrip(".")
    kicker = _KICKER.match(title)
    if kicker and casing.shouted_only_here(kicker.group(1)):
        title = title[kicker.end() :]  # a section label: "TECH Tech's big five lost ..."
    head, colon, tail = (part.strip() for part in title.partition(":"))
    if colon and tail[:1] in QUOTE_MARKS + "'’":
        if not _states_something(head):
            return None  # "Obama on Alleged Russian Hacking: 'We Need to Take Action'"
        title = head  # "Trump Cancels Military Parade: 'Maybe Next Year'"
    elif colon and QUOTED.fullmatch(head):
        title = tail  # "'State decision': Governors defy Trump with coronavirus pacts"
    elif colon and not _labels_a_statement(casing, head, tail):
        return None
    if title.count(":") > 1 or title[:1] in QUOTE_MARKS:
        return None
    # A label kept may be who says it: "Clinton: I am done with being a candidate".
    if not is_reporting(title + ".", attributed=":" in title):
        return None
    if _OPENS_EXPLAINER.match(title):
        return None  # "Where Iowa voters stand ahead of the caucus", "How the vote works"
    if is_finished(title) or len(title.split()) < MIN_HEADLINE_WORDS:
        return None  # "?" or "!" ends it, or it is a label
    return casing.title_as_running_text(title) + "."


def _labels_a_statement(casing: Casing, head: str, tail: str) -> bool:
    """One side of a title's colon is a label the reports' text uses, and neither side is
    an explainer's ("What it means", "Here's what happened")."""
    if any(_EXPLAINER.match(part) for part in (head, tail)):
        return False
    label = _label(head, tail)
    if _names_a_source(label):
        return True  # who says it: "Report: ...", "...: WSJ"; not "NEWS: ...", "VIDEO: ..."
    terms = set(content_terms(label))
    return not terms.isdisjoint(casing.story_terms)


def _states_something(head: str) -> bool:
    """A headline's side before its quotation says something of its own: it has a verb
    ("Trump Cancels Military Parade", "Playbooks Unsealed in Lawsuit", "Trump to Visit
    Ohio"), not only a topic ("Obama on Alleged Russian Hacking", "Trump to Supporters")."""
    words = [bare_word(word).lower() for word in head.split()[1:]]
    for index, word in enumerate(words):
        before = words[index - 1] if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        form = verb_form(word)
        if word in AUXILIARIES or form == "s" or (form == "base" and before == "to"):
            return True
        if form == "ed" and (not after or after in ADJUNCT_PREPOSITIONS):
            return True  # a participle as the predicate, "Unsealed in Lawsuit"
    return False


def headline_label(headline: str) -> str | None:
    """The label a colon joins to a headline's statement (the shorter side: "Report" of
    "Report: ...", "Colin Powell" of "Colin Powell: It's now ..."), if it has one."""
    head, colon, tail = (part.strip(" .") for part in headline.partition(":"))
    return _label(head, tail) if colon else None


def labelled_with_source(headline: str) -> bool:
    """The headline's label names a kind of source ("Report: ...", "...: poll", "...: WSJ"):
    the label attributes its claim, as "X said" does in a sentence."""
    label = headline_label(headline)
    return label is not None and _names_a_source(label)


def _label(head: str, tail: str) -> str:
    """The label of a title's two sides around its colon: the shorter."""
    return min((head, tail), key=lambda part: len(part.split()))


def _names_a_source(label: str) -> bool:
    """A kind of source or an outlet's initials; not a section's word in capitals ("NEWS",
    "VIDEO")."""
    return bool(_SOURCE_LABEL.fullmatch(label)) and not (
        label.isupper() and noun_senses().lemmas(label.lower())
    )
