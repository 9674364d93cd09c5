"""What a cut leaves: still a whole sentence. Dropping a part must keep what a part modifies
with its modifiers, a main verb, nothing left open or dangling, and what bounds the claim ("at
least from the Canadians", "Some ..., while others ..."): `leaves_whole`. `compression` finds
the parts and decides which of them may go; this module is its grammar of what remains.
"""

from __future__ import annotations

import re

from summarize.analyze.attribution import STATEMENT_NOUNS
from summarize.compose.sentence_parts import (
    APPOSITIVE,
    FINITE_VERB,
    NAME_ONLY,
    PREPOSITIONS,
    RELATIVE,
    SUBORDINATORS,
    TO_THE_END,
)
from summarize.text.inflection import AUXILIARY

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
# A capitalised word ending the text before a part: a name (an appositive after it describes it;
# a day right after it is part of it: "the Black Monday crash").
NAME_BEFORE = re.compile(r"\b[A-Z][\w.’'-]*$")
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
VIEW_GIVEN_IN = re.compile(
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


def leaves_whole(kind: str, head: str, match: re.Match[str]) -> bool:
    """Dropping `match` leaves a sentence: what the part modifies keeps its modifiers, a main
    verb stays, and nothing is left open or dangling."""
    before = head[: match.start()]
    if match.start() > 0 and _MODIFIES_WHAT_BEFORE.match(head, match.end()):
        return False
    if _DANGLING_END.search(before) or any(before.count(dash) % 2 for dash in _DASHES):
        return False  # "... Representatives and." or a dashed phrase left open
    if (
        _RESTRICTS.match(match.group())
        or VIEW_GIVEN_IN.match(match.group())
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
    if kind == "weekday" and NAME_BEFORE.search(before) and match.group()[1:2].isupper():
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
        or _PART_OF_THEM.search(before)
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
    if (
        kind == "relative clause"
        and _LAST_NOUNS_APPOSITIVE.match(head, match.end())
        and not FINITE_VERB.search(head, match.end())
    ):
        # "..., whose nomination was backed by the MPP and its partner, the Democratic Party.":
        # the phrase after the clause describes its last noun, and would be left describing none
        return False
    # "the summit, which was cut short in Hanoi, Vietnam on Thursday": the comma is the place's
    return not (
        kind in ("relative clause", "appositive")
        and _NAME_AND_COMMA.search(head, 0, match.end())
        and _PLACE_GOES_ON.match(head, match.end())
    )


# A noun phrase after a comma that runs to the sentence's end: ", the Democratic Party."
_LAST_NOUNS_APPOSITIVE = re.compile(
    r",?\s+(?:the|a|an|its|their|his|her)\s+[^,;:]*?[.!?]?[\"”’']?\s*$"
)
# A phrase naming a part of the subject before it, set off by commas: "Young people, many of them
# students, marched": the verb after it is the main verb, no participle.
_PART_OF_THEM = re.compile(r",\s+\w+\s+of\s+(?:them|whom|those)\b[^,]*$", re.I)


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
