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

These are the cuts; `cuts` applies them, `attribution_cuts` finds the words attributing a claim
that may go, `modifiers` the loaded words, and `truncation` shortens a sentence the report cut
off.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.analyze.attribution import STATEMENT_NOUNS
from summarize.analyze.doubt import doubt_spans
from summarize.compose.cuts import Cut, disjoint
from summarize.compose.sentence_parts import (
    APPOSITIVE,
    FINITE_VERB,
    NAME_ONLY,
    PARTS,
    PREPOSITIONS,
    RELATIVE,
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

# A cut must not leave its sentence ending on a word that needs another after it.
_DANGLING_END = re.compile(
    r"\b(?:and|or|but|nor|both|either|the|a|an|of|to|in|on|at|by|for|with|from|as|than)\s*$",
    re.I,
)
# The dashes that set a phrase off, whichever way they are typed: an en dash between spaces is
# one ("a candidate – the governor – had"), one between digits a range ("1–2").
_DASHES = ("—", " – ", " -- ")
# A comma inside a place's name ("Hanoi, Vietnam on Thursday"), not one closing a clause: a
# capitalised word before it and after it, the latter going on with a preposition or a stop.
_NAME_AND_COMMA = re.compile(r"\b[A-Z][a-z]+,$")
_PLACE_GOES_ON = re.compile(
    r"\s[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*)*"
    r"(?=[.;]|\s(?:on|in|at|and|for|from|to|with|after|before|during)\b)"
)
# A sentence opening on a subordinate clause, which a comma closes before the main clause.
_SUBORDINATE_OPENING = re.compile(
    rf"(?:{'|'.join(word.title() for word in SUBORDINATORS)})\b[^,]*$"
)
# A name's party and state ("D-Ore.", "R-Calif.") or age (", 61") set off by commas.
_PARTY_OR_AGE = re.compile(r",\s(?:[DRI]-[A-Z][\w.]*|\d{1,3})$")
# A capitalised word ending the text before a part: a name (an appositive after it describes it;
# a day right after it is part of it: "the Black Monday crash").
_NAME_BEFORE = re.compile(r"\b[A-Z][\w.’'-]*$")
# A name set off by commas, or a relative clause, straight after a part modifies that part's
# last noun ("David Weiss, whose office is investigating the president's son, Hunter, a senior
# official said"): the part cannot go without it.
_MODIFIES_WHAT_BEFORE = re.compile(
    r"\s(?:[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,2}(?:,|\.$)|(?:who|whom|whose|which)\b)"
)
# After a comma, a lower-case content word running without another comma to "and" or "or": the
# comma is one of a list's ("a decision sure to reshape A, rattle B and rock C"), not the one
# closing an appositive before it.
_LIST_GOES_ON = re.compile(
    r"\s(?!(?:and|or|but|nor|the|an?|to|of|in|on|at|by|for|with|from|as|who|which|that)\b)"
    r"[a-z][\w’'-]*[^,;:.]*?\s(?:and|or)\s"
)
# An item of a list set off by commas right before ", and", a name or a noun phrase without a
# verb: the ", and" closes the list ("joins Rosa Parks, John Lewis, and Abraham Lincoln as those
# who lay in state"), and what follows it is the list's last item, not a clause of its own
# ("retook Hama, and the insurgents retreated": a verb's object ends a clause).
_LIST_ITEM = re.compile(r",\s(?:[A-Z]|(?:the|an?|his|her|its|their|our|\d)\b)[^,;:]*$")
# ", and" with a verb at once: a second predicate of the sentence's subject ("flew into Dulles
# outside Washington, D.C., and were to be bused to a base"), never a list's last item.
_AND_VERB = re.compile(rf",\sand\s(?:{AUXILIARY}|said|says|told|[a-z]+ed)\b")
# An inserted phrase giving examples, and what may follow its closing comma besides more of the
# list: a name (the list's next item) or an article (an appositive of its last item).
_EXAMPLES = re.compile(r",\s(?:including|such as)\b")
_NAME_OR_ARTICLE = re.compile(r"\s+(?:(?:a|an|the)\s|[A-Z])")
# A clause with its own subject after a comma, right before ", and": the ", and" closes a series of
# clauses ("Mattis could be leaving, Saudis can expect punishment, and climate change is real"),
# and without its last item the series is clauses joined by a comma.
_SERIES_ITEM = re.compile(
    rf",\s+(?!(?:and|but|or|nor|yet|so)\b)[\w’'-]+(?:\s+[\w’'-]+){{0,3}}\s+"
    rf"(?:{AUXILIARY})\b[^,]*$"
)
# A sentence opening on a phrase or clause of circumstance not yet closed by a comma ("Yet
# unlike wearing a mask"): a pair of dashes after it also closes it, so it stays.
_OPENING_ADJUNCT = re.compile(
    rf"(?:(?:Yet|But|And|So|Still)\s+)?(?:{'|'.join(SUBORDINATORS)}|{PREPOSITIONS}|unlike|like)"
    r"\b[^,]*(?:,\s(?:the|an?)\s[^,]*)?$",
    re.I,
)
# A noun phrase after an opening phrase's comma that a dash closes: an appositive of the phrase
# ("For Merrick Garland, a well-regarded lawyer and federal judge — and onetime nominee — there
# was"), which the opening phrase cannot leave behind.
_APPOSITIVE_TO_DASH = re.compile(r"(?:the|an?)\s[^,;—–]*\s(?:—|–|--)\s", re.I)
# A clause about what is to happen, up to the day: "could wrap up", "is expected to vote".
_AHEAD = re.compile(
    r"\b(?:will|would|could|can|may|might|should|shall|(?:set|expected|due|scheduled|plans?|"
    r"planning|poised) to)\b[^,;]*$"
)
_APPOSITIVE_AFTER = re.compile(r",\s(?:the|a|an)\s")
# A participle set off by a comma, the day its only complement ("The takeover, announced on
# Monday, hands ...", "The ban, confirmed on Thursday, rests on ..."): without the day it is left
# alone between its commas.
_LONE_PARTICIPLE = re.compile(r",\s[a-z]+(?:ed|en)$")
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
# A part that bounds the claim ("— at least from the Canadians", ", except in Texas", ", not the
# crew"): without it the claim says more than the report does. So does a comparison without its
# baseline (", compared with nine in the placebo group", ", as opposed to 58% four years
# earlier", which the participle and adverbial patterns would take for a clause): a figure
# without it says another thing.
_RESTRICTS = re.compile(
    r"[\s,;:(—–-]*(?:at (?:least|most)|except|excluding|other than|apart from|save for|only|not|"
    r"unless|compared (?:with|to)|in comparison (?:with|to)|as opposed to)\b",
    re.I,
)
# "..., while others held banners" after "Some people carried signs": the other part of a whole
# the sentence divides ("but others", "whereas others": `_COUNTERPOINT` keeps them in any case).
_OTHERS_CLAUSE = re.compile(r"[\s,;—–-]*(?:(?:while|and)\s+)?others\b", re.I)
# A part that qualifies the claim before it with a counterpoint ("acknowledged a 'stressful
# challenge' while insisting the influx is no crisis", "..., but the talks continue"): without it
# the claim reads one-sided.
_COUNTERPOINT = re.compile(
    r"[\s,;—–-]*(?:but|yet|although|though|even though|even as|whereas|while\s+[a-z]+ing)\b",
    re.I,
)
_SOME = re.compile(r"\b(?:[Ss]ome|[Mm]any|[Ss]everal)\b")
# A phrase saying whose view, or what statement, the claim is given in ("In a dissent,", "In her
# opinion,", "in a statement"): without it a dissent reads as the court's view, one person's as
# the report's.
_VIEW_GIVEN_IN = re.compile(
    r"[\s,]*(?:in|on)\s+(?:a|an|the|his|her|their|its|my|our)\s+(?:[a-z-]+\s+)?"
    rf"(?:{'|'.join(sorted(STATEMENT_NOUNS))})s?\b",
    re.I,
)
# "There is" with "one", "a" or "an": a sentence that only brings something in for what follows.
_INTRODUCES = re.compile(r"There(?:['’]s|\s(?:is|was|are|were))\s(?:one|an?)\s")
# The verb of a main clause setting the news against another event, and the words that open a
# relative clause.
_SETTING_VERB = re.compile(r"\s(?:comes?|came)\s")
_RELATIVE_WORD = re.compile(r"\b(?:that|which|who|whom|whose)\b")
# A participle phrase set off after the sentence's first comma, up to the next.
_PARTICIPLE_PHRASE = re.compile(r",\s[a-z]+(?:ed|en|ing)\b[^,]*$")


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
                    or not _NAME_BEFORE.search(head[: match.start()])
                ):
                    continue
                if kind in TO_THE_END and not _one_clause(match.group()):
                    continue
                if not _fits_kind(kind, match.group()) or not _leaves_whole(kind, head, match):
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
        if _VIEW_GIVEN_IN.match(text, start, end):
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


def _leaves_whole(kind: str, head: str, match: re.Match[str]) -> bool:
    """Dropping `match` leaves a sentence: what the part modifies keeps its modifiers, a main
    verb stays, and nothing is left open or dangling."""
    before = head[: match.start()]
    if match.start() > 0 and _MODIFIES_WHAT_BEFORE.match(head, match.end()):
        return False
    if _DANGLING_END.search(before) or any(before.count(dash) % 2 for dash in _DASHES):
        return False  # "... Representatives and." or a dashed phrase left open
    if (
        _RESTRICTS.match(match.group())
        or _VIEW_GIVEN_IN.match(match.group())
        or _COUNTERPOINT.match(match.group())
        or (_OTHERS_CLAUSE.match(match.group()) and _SOME.search(before))
    ):
        # "featured ceremony but not much celebration — at least from the Canadians": the claim
        # holds only so far; "Some carried signs, while others held banners": a part's other part
        return False
    if _INTRODUCES.match(before) and (kind == "relative clause" or kind in TO_THE_END):
        # "There's one agency, the CFPB, which is tasked with ...": the clause is the claim
        return False
    if kind == "appositive" and _LIST_GOES_ON.match(head, match.end()):
        return False
    if kind == "inserted phrase" and _EXAMPLES.match(match.group()):
        # ", including X," may open a list or take an appositive, and then its comma closes
        # nothing: "calls, including reports of assault, burglary and theft", "cities,
        # including New York City, Washington and Philadelphia", "in Congress, including Rep.
        # Mac Thornberry, a Republican from Texas". It goes before a verb or a phrase only.
        end = match.end()
        return not (_LIST_GOES_ON.match(head, end) or _NAME_OR_ARTICLE.match(head, end))
    if kind == "second clause" and match.group().startswith(",") and _SERIES_ITEM.search(before):
        return False  # "A could go, B can expect punishment, and C is real": the series' last
    if kind == "second clause" and match.group().startswith(","):
        item = _LIST_ITEM.search(before)
        if item and not FINITE_VERB.search(item.group()) and not _AND_VERB.match(match.group()):
            return False  # "joins Rosa Parks, John Lewis, and Abraham Lincoln as ...": its last
    if kind == "dashed phrase" and _OPENING_ADJUNCT.match(before):
        # "Unlike X — an aside — there is", "For X, a judge — and nominee — there was": the
        # dash closes the opening phrase
        return False
    if kind == "opening phrase" and _APPOSITIVE_TO_DASH.match(head, match.end()):
        return False
    if kind == "setting clause":
        # "Republicans will meet for a session that comes as ...": the setting is a relative
        # clause's, and the sentence's own verb comes before it
        subject = _SETTING_VERB.split(match.group(), maxsplit=1)[0]
        if FINITE_VERB.search(subject) or _RELATIVE_WORD.search(subject):
            return False
        return _clause_follows(head, match.end())
    if kind == "addition" and re.search(r"\bboth\b", before):
        return False  # "both X as well as Y"
    if kind == "weekday" and _NAME_BEFORE.search(before) and match.group()[1:2].isupper():
        return False  # the day is part of a name: "the Black Monday crash", "Super Tuesday"
    if kind == "weekday" and _LONE_PARTICIPLE.search(before) and head[match.end() :][:1] == ",":
        return False  # "The takeover, announced on Monday, hands ...": the day is all it says
    if kind == "weekday" and (_AHEAD.search(before) or _APPOSITIVE_AFTER.match(head, match.end())):
        # "said the trial could wrap up on Saturday": when something is to happen is what was
        # said; "on Sunday, the final day of the summit": the day a phrase describes.
        return False
    if kind == "participle clause" and (
        NAME_ONLY.fullmatch(before.split(",")[0])
        or _subject_and_participle(before)
        or any(
            modifier.end() == match.start() + 1
            for pattern in (APPOSITIVE, RELATIVE)
            for modifier in pattern.finditer(head)
        )
    ):
        # "Walter Mondale, a former vice president, died at 93", "Claims, a gauge of layoffs,
        # climbed to 1.1 million", "The study, published Friday, looked at 250 patients":
        # after the subject and its modifier comes the main verb.
        return False
    # "the summit, which was cut short in Hanoi, Vietnam on Thursday": the comma is the place's
    return not (
        kind in ("relative clause", "appositive")
        and _NAME_AND_COMMA.search(head, 0, match.end())
        and _PLACE_GOES_ON.match(head, match.end())
    )


def _clause_follows(head: str, start: int) -> bool:
    """What follows `start` is a clause of its own: a subject and a finite verb before any
    comma ("after rebels captured Aleppo"), not a noun phrase ("after hours of talks")."""
    comma = head.find(",", start)
    end = comma if comma > 0 else len(head)
    first = FINITE_VERB.search(head, start, end)
    return first is not None and first.start() > start


def _subject_and_participle(before: str) -> bool:
    """`before` is a subject without a verb and a participle phrase set off after it ("The
    study, published Friday by the C.D.C."): what the next comma opens is the main verb."""
    comma = before.find(",")
    return (
        comma > 0
        and FINITE_VERB.search(before, 0, comma) is None
        and _PARTICIPLE_PHRASE.match(before, comma) is not None
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
