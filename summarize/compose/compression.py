"""Sentence compression: shorter versions of a report's sentence that make the same claim.

A summary with a word budget either cuts sentences mid-way or leaves budget unused; instead it
drops the parts of a sentence that its claim does not need (the safe deletions of Knight &
Marcu 2002 and Clarke & Lapata 2008): the kinds of part `sentence_parts` finds, and what stands
between a speaker and the reporting verb ("The insurgency, through its Telegram channel, said"
-> "The insurgency said"), as `attribution_cuts` finds it. This module decides which of them may
go: what a part modifies keeps its modifiers, a main verb stays, nothing is left open, and what
bounds or completes the claim stays.

A phrase set off by commas just before an attribution leaves its closing comma ("by the
fighting, which started last week, Pedersen said" -> "by the fighting, Pedersen said").

Never dropped: who says a claim that stays (an attribution's speaker and cue; a clause goes
whole with its own speaker and claim), a phrase saying whose view or what statement the claim is
given in ("In a dissent,", "In her opinion,", "Fiori, in a dissent, warned": without it a
dissent reads as the court's view), part of a quotation (a quotation goes whole or stays whole),
a condition ("If ...,"), a comparison's baseline (", compared with nine in the placebo group",
", as opposed to ...": a figure without it claims another thing), the day a participle set off by
commas says ("The ban, confirmed on Thursday, rests on ..."), a list's last item after ", and"
("Rosa Parks, John Lewis, and Abraham Lincoln"), or so much that fewer than
`cuts.MIN_KEPT_WORDS` words or `cuts.MIN_KEPT_SHARE` of the sentence remain. A main clause
setting the news against another event goes only before a clause with its own verb ("comes
after rebels captured Aleppo", not "comes after months of talks"), and only when it is the
sentence's own ("a meeting that comes as ..." is a relative clause's).

These are the cuts; `remainder` checks that what a cut leaves is still a whole sentence, `cuts`
applies them, `attribution_cuts` finds the words attributing a claim that may go, `modifiers` the
loaded words, and `truncation` shortens a sentence the report cut off.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.analyze.doubt import doubt_spans
from summarize.compose.cuts import Cut, disjoint
from summarize.compose.remainder import NAME_BEFORE, VIEW_GIVEN_IN, leaves_whole
from summarize.compose.sentence_parts import (
    APPOSITIVE,
    FINITE_VERB,
    PARTS,
    SUBORDINATORS,
    TO_THE_END,
)
from summarize.text.inflection import AUXILIARY
from summarize.text.quotes import quotation_spans

# A dropped clause carries its own claim when this many words follow its attribution in it.
CLAIM_WORDS = 3
# At most this many words follow a closing attribution: its own adjuncts ("in an interview aired
# Sunday on CBS"), not a claim of its own.
ADJUNCT_WORDS = 10
# At most this many optional cuts are combined (2**n variants per sentence).
MAX_CUTS = 6

# A sentence opening on a subordinate clause, which a comma closes before the main clause.
_SUBORDINATE_OPENING = re.compile(
    rf"(?:{'|'.join(word.title() for word in SUBORDINATORS)})\b[^,]*$"
)
# A name's party and state ("D-Ore.", "R-Calif.") or age (", 61") set off by commas.
_PARTY_OR_AGE = re.compile(r",\s(?:[DRI]-[A-Z][\w.]*|\d{1,3})$")
# Words of a clause that is not an appositive but a sentence of its own ("the army said", "the
# Journal created a shift": a past tense before its object's determiner is a verb).
_VERB_LIKE = re.compile(
    r"\b(?:said|says|say|told|is|was|are|were|has|have|had|will)\b|\b[a-z]+ed,?$"
    r"|\b[a-z]{3,}ed\s(?:a|an|the|his|her|their|its|this|that|these|those)\b"
)
# A comma followed at once by an auxiliary or a verb of saying: what the comma closed stood
# between a subject and its verb ("Amara Okonkwo, the port's chief, and Lena Berg, her deputy,
# say they ...").
_VERB_AFTER_COMMA = re.compile(rf",\s(?:{AUXILIARY}|say|says|said|told)\b")
# A capitalised subject of up to three words and its auxiliary: a clause, not a name.
_SUBJECT_AND_VERB = re.compile(rf"[A-Z][\w’'-]*(?:\s[\w’'-]+){{0,2}}\s(?:{AUXILIARY})\b")


def optional_cuts(
    text: str, protected: list[tuple[int, int]], details: Sequence[tuple[int, int]] = ()
) -> list[Cut]:
    """The constituents of `text` that may be dropped, none touching a protected span (an
    attribution) and none cutting into a quotation. `details` are the parts of an attribution
    between its speaker and its verb ("The insurgency, through its Telegram channel, said"),
    which may go: who says it and that they say it stay."""
    quotes = quotation_spans(text)
    # The doubt a report casts on a claim goes with the claim: "wrote on Twitter, repeating
    # unsubstantiated claims of election fraud" keeps its participle.
    doubts = doubt_spans(text)
    allowed = list(details)
    # "..., killing 40 people, officials said.": a closing attribution ends the clause before it.
    ends = [len(text)]
    for start, end in protected:
        if _closes_sentence(text, start, end):
            ends.append(text.rfind(",", 0, start))
    found: list[Cut] = []
    for end in ends:
        head = text[:end] if end == len(text) else text[:end] + "."
        for kind, pattern in PARTS:
            for match in pattern.finditer(head):
                if kind == "appositive" and (
                    _VERB_LIKE.search(match.group())
                    or not NAME_BEFORE.search(head[: match.start()])
                ):
                    continue
                if kind in TO_THE_END and not _one_clause(match.group()):
                    continue
                if not _fits_kind(kind, match.group()) or not leaves_whole(kind, head, match):
                    continue
                cut = Cut(match.start(), min(match.end(), end), kind)
                cut = _keep_comma_before(cut, text, protected)
                if not (
                    _drops_attribution(cut, protected, text, allowed)
                    or cut.splits(quotes)
                    or cut.touches(doubts)
                ):
                    found.append(cut)
    for start, end in details:
        cut = _keep_comma_before(Cut(start, end, "attribution detail"), text, protected)
        if VIEW_GIVEN_IN.match(text, start, end):
            continue  # "Justice Fiori, in a dissent, warned": whose view it is
        if not (cut.splits(quotes) or cut.touches(doubts)) and text[start:end].strip(" ,"):
            found.append(cut)
    return disjoint(found, text)[:MAX_CUTS]


def _fits_kind(kind: str, span: str) -> bool:
    """An addition holds no verb; a second clause after ", and" holds one, and no comma in it
    is followed at once by a verb: in "The conflict between A on one side, and B on the other,
    has resulted in ..." that verb is the sentence's own, and ", and B on the other" is part of
    its subject."""
    if kind == "addition":
        return FINITE_VERB.search(span) is None
    if kind == "second clause" and span.lstrip().startswith(","):
        if _VERB_AFTER_COMMA.search(span.lstrip()[1:]):
            return False
        return bool(FINITE_VERB.search(span) or re.match(r",\s\w+\s(?:he|she|they|it|we)\b", span))
    return True


def _keep_comma_before(cut: Cut, text: str, protected: list[tuple[int, int]]) -> Cut:
    """A phrase set off by commas leaves its closing comma just before an attribution ("by the
    fighting, which started last week, Pedersen said" -> "by the fighting, Pedersen said"), and
    after a name's party and state or age, which that comma closes ("Ron Wyden, D-Ore., the
    panel's top Democrat, said" -> "Ron Wyden, D-Ore., said"), and before another appositive,
    which it opens ("Yovanovitch, 61, the former envoy, said" -> "Yovanovitch, the former
    envoy, said"), and after an opening subordinate clause, which it closes ("When the checks,
    which were sent out on Monday, arrive, ..." -> "When the checks arrive, ...")."""
    if cut.end < len(text) and text[cut.end - 1] == ",":
        following = cut.end + len(text[cut.end :]) - len(text[cut.end :].lstrip())
        if (
            any(start == following for start, _ in protected)
            or _PARTY_OR_AGE.search(text, 0, cut.start)
            or APPOSITIVE.match(text, cut.end - 1)
            or _SUBORDINATE_OPENING.match(text, 0, cut.start)
        ):
            return Cut(cut.start, cut.end - 1, cut.kind)
    return cut


def _one_clause(span: str) -> bool:
    """A clause running to the end of the sentence is one clause when each comma inside it
    only opens a name or an appositive ("..., the slain leader of the Quds Force, Qassem
    Soleimani."); "..., backed by Russia, have entrenched themselves" hides the main verb, and
    so does a capitalised subject with its verb ("..., including X, Democrats are preparing")."""
    pieces = span.lstrip(", ").split(", ")[1:]
    return all(
        re.match(r"(?:[A-Z]|(?:the|an?)\s)", piece) and not _SUBJECT_AND_VERB.match(piece)
        for piece in pieces
    )


def _closes_sentence(text: str, start: int, end: int) -> bool:
    """The attribution at `start`..`end` closes the sentence after a comma, followed at most by
    its own adjuncts ("..., according to a report by the Post.", "..., Trump said in an
    interview aired Sunday."): it attributes the whole sentence before it."""
    comma = text.rfind(",", 0, start)
    rest = text[end:]
    return (
        comma > 0
        and not text[comma + 1 : start].strip()
        and "," not in rest
        and len(rest.split()) <= ADJUNCT_WORDS
    )


def _drops_attribution(
    cut: Cut,
    attributions: list[tuple[int, int]],
    text: str,
    details: Sequence[tuple[int, int]] = (),
) -> bool:
    """The cut takes an attribution away from a claim it leaves: it cuts into it, or takes the
    whole of it when the claim is outside the cut. A clause dropped whole with its own
    attribution and claim ("..., while the insurgency says it captured troops.") is fine, and
    so is a cut inside the attribution's `details` (between speaker and verb)."""
    for start, end in attributions:
        if not (cut.start < end and start < cut.end):
            continue
        if any(a <= cut.start and cut.end <= b + 1 for a, b in details):
            continue
        inside = cut.start <= start and end <= cut.end
        if _closes_sentence(text, start, end):
            return True
        claim_inside = len(text[end : cut.end].split()) >= CLAIM_WORDS
        if not (inside and claim_inside):
            return True
    return False
