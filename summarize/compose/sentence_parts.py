"""The parts of a sentence a compression may drop, each found by the punctuation and words that
set it off (`PARTS`: kind -> pattern), and the word classes the patterns share:

- parentheticals: "(NRA)", "(six miles)";
- appositives after a name: "Geir Pedersen, the U.N. special envoy for Syria," and ages ", 31,";
- non-restrictive relative clauses: ", who was elected in 2016,";
- trailing participle clauses: ", killing at least 40 people.", ", backed by Russian airpower.";
- trailing clauses and phrases of time and circumstance: ", as thousands mourned.",
  ", while the insurgency says ...", ", in a statement.";
- phrases of time or circumstance set off by commas: "On Thursday, ...", "Trump, in an order
  issued Monday, directed ...";
- the day of the event inside the clause: "struck on Tuesday over pay", "said Friday that"
  (never the object of another preposition, "by Friday", nor one of several days);
- more of the same thing closing the sentence, without a verb: "... parts of Aleppo as well as
  towns in Idlib.", and a second clause after a dash or ", and" (with a verb); never one after
  ", but", which sets a contrast the first clause needs ("claims dropped, but remain high");
- a middle clause of a series of clauses ("A will reopen, B will double, and C will stop" -> "A
  will reopen, and C will stop"), never the last;
- a phrase between a pair of dashes, and a relative clause after a preposition (", of whom two
  were from Afghanistan,"), an ", including ...," phrase;
- a main clause that only sets the news against another event, opening the sentence ("The
  latest flare-up comes after rebels captured Aleppo" -> "Rebels captured Aleppo"): what a
  clause of time tells is presupposed, stated as fact.

Word order and punctuation only, no parser: each part needs the commas that mark it off, which is
how English punctuates material that is not essential to its clause; the exceptions are the day
of the week, an adjunct news writing sets without commas ("said Friday"), and the setting
clause, which news writing's "comes after" and "came as" mark. Whether dropping
one leaves the claim and a sentence is `compression`'s.
"""

from __future__ import annotations

import re

from summarize.text.calendar import WEEKDAY, YEAR
from summarize.text.inflection import AUXILIARY

SENTENCE_END = r"(?=[.!?][\"”’')\]]*$)"
_PARENTHETICAL = re.compile(r"\s*\([^()]{1,80}\)")
# ", the U.N. special envoy for Syria," after a capitalised word; ", 31," after a name.
APPOSITIVE = re.compile(
    r",\s(?:(?:the|an?|one of|among|former|longtime|then)\s[^,;:()\"“”]{2,90}?"
    r"|[A-Z][\w.-]*['’]s\s[^,;:()\"“”]{2,60}?|\d{1,3})"
    rf"(?:,(?=\s)|{SENTENCE_END})"
)
# A name alone: before the first comma, the subject, whose verb comes after its modifiers.
NAME_ONLY = re.compile(r"(?:[A-Z][\w.’'-]*\s?)+")
# Conjunctions opening a subordinate clause ("after" and "before" are prepositions too). The
# first six open an adjunct of time, cause or concession, whose loss leaves the claim (as where
# `truncation` ran into one); the others open a condition or a bound the claim depends on ("if",
# "once", "until"), or may ("when" of a condition; "since" and "as" have other uses).
ADJUNCT_SUBORDINATORS = ("after", "before", "while", "because", "although", "though")
SUBORDINATORS = (
    *ADJUNCT_SUBORDINATORS, "if", "unless", "when", "since", "once", "as", "until",
)  # fmt: skip
# A middle clause of a series of clauses, with its own subject and verb: "The port will reopen,
# the tolls will double, and the ferry will stop" -> "The port will reopen, and the ferry will
# stop". The series keeps its "and" (its last clause never goes: `_SERIES_ITEM`).
_SERIES_MIDDLE = re.compile(
    rf",\s(?!(?:and|but|or|nor|yet|so)\b)(?:[\w’'-]+\s+){{1,4}}"
    rf"(?:{AUXILIARY})\b[^,;:()]{{3,160}}?(?=,\s+and\s)"
)
# A relative clause set off by commas; a comma closes it only when no "that" follows (", which
# said in an update, that the issue was fixed" goes on with what was said).
RELATIVE = re.compile(
    rf",\s(?:(?:of|in|for|from|with|by)\s)?(?:who|whom|whose|which)\s[^;:()]{{3,160}}?"
    rf"(?:,(?=\s)(?!\s+that\b)|{SENTENCE_END})"
)
# A clause opened by a participle after a comma, to the end of the sentence: ", killing 40
# people", ", backed by Russian airpower". "according to" is an attribution, never a clause.
_PARTICIPLE = re.compile(
    rf",\s(?!according\b)(?:[a-z]+ing|[a-z]+(?:ed|en)\s+(?:by|to|in|on|at|from|with))\b"
    rf"[^;]*?{SENTENCE_END}"
)
PREPOSITIONS = (
    r"(?:in|on|at|during|after|before|amid|amidst|following|despite|with|without|under|through"
    r"|ahead of|as part of|in the wake of|for|including|such as)"
)
# Words the day is bound to, so dropping the day would leave them dangling: prepositions ("by
# Friday"), "as soon as Tuesday", and determiners ("next Tuesday", "that Monday").
_BINDING_WORDS = (
    "as",
    "next",
    "this",
    "that",
    "every",
    "each",
    "the",
    "by",
    "for",
    "until",
    "till",
    "since",
    "before",
    "after",
    "from",
    "through",
    "to",
    "of",
    "and",
    "or",
    "between",
    "than",
    "by late",
    "by early",
)
# A clause of time or circumstance, or a prepositional phrase, closing the sentence after a
# comma: ", as thousands mourned.", ", in a statement."
# Never the alternative chosen ("scaled down, in favor of a speech in Jacksonville"): that is
# the claim.
_ADVERBIAL = re.compile(
    rf",\s(?!(?:in favou?r|instead|in place) of\b)"
    rf"(?:as|while|whereas|just as|in a move|in what|{PREPOSITIONS})\s[^;]*?{SENTENCE_END}"
)
# The same phrase set off by commas inside the sentence: "Trump, in an executive order issued
# Monday, directed ..."
# Neither drops what the claim holds under: "Under the hypothetical deal, Democrats would offer
# ...", "Without talks, the crisis would deepen".
_CONDITION = r"(?!(?:under|without)\s)"
# Nor a place the claim holds in: "In Mexico, politicians were cut off from their constituents"
# is no claim about every politician.
_PLACE_NAMED = r"(?!(?-i:In\s[A-Z]))"
_INSERTED_PHRASE = re.compile(rf",\s{_CONDITION}{PREPOSITIONS}\s[^,;()“”\"]{{3,80}},(?=\s)")
# A phrase of time, place or circumstance opening the sentence: "On Thursday, ...", "After a
# week of talks, ...". Conditions ("If ...,") are never dropped: the claim would change. Nor a
# year ("In 2025, a quake in the same province killed two people"): without it another event's
# toll reads as this one's.
_YEAR_NAMED = rf"(?![^,]*\b(?:{YEAR}|(?:last\s+year|years?\s+(?:ago|earlier|before))\b))"
_OPENING_PHRASE = re.compile(
    rf"^{_CONDITION}{_PLACE_NAMED}{_YEAR_NAMED}{PREPOSITIONS}\s[^,;()“”\"]{{3,70}},\s", re.I
)
# More of the same thing closing the sentence: "captured parts of Aleppo as well as towns in
# Idlib." The sentence still claims what stays; never a part holding a verb, which would leave
# its subject without one ("Assad as well as his backers have killed ...").
_ADDITION = re.compile(rf",?\s(?:as well as|along with|together with)\s[^;]*?{SENTENCE_END}")
# A second clause closing the sentence after a dash or ", and": its claim goes whole, the first
# clause's stays. Only a clause (it has a verb): ", and C." ending a list stays. A dash before
# another dash opens a dashed phrase, whichever way the dashes are typed ("--"). A clause after
# ", but" is a contrast, which both clauses make together: it stays.
_SECOND_CLAUSE = re.compile(rf"(?:\s(?:—|–|--)\s|,\sand\s)(?:(?!--)[^;—–])*?{SENTENCE_END}")
# A phrase set off by a pair of dashes: "the group — a coalition of militias — said".
_DASHED_PHRASE = re.compile(r"\s(?:—|–|--)\s[^;—–“”\"]{3,80}?\s(?:—|–|--)(?=\s)")
# The day of the event inside the clause, without commas ("struck on Tuesday over pay", "said
# Friday"): the claim stays without it. Never the object of another preposition ("by Friday",
# "until Monday"), a day a word binds ("as soon as Tuesday", "next Tuesday"), nor one of several
# days ("on Monday and Tuesday").
_WEEKDAY = re.compile(
    r"".join(rf"(?<!\b{word})" for word in _BINDING_WORDS)
    + rf"\s(?:(?:on|late|early|last)\s)?{WEEKDAY}"
    r"(?:\s(?:morning|afternoon|evening|night))?"
    r"(?=[,.;]|\s(?!(?:and|or|to|through|-|–)(?![\w-])))"
)
# A main clause that only sets the news against another event, opening the sentence: "The
# latest flare-up in the war comes after rebels captured Aleppo", "The vote came a day after
# Democrats introduced ...". What a clause of time tells is stated as fact (it is presupposed:
# "A comes after B" is true only when B happened), so the clause alone is a sentence of the
# report's; the main clause adds only when. Whether a clause follows is `compression`'s.
_SET_AGAINST = re.compile(
    r"^[A-Z][^,;:()“”\"]{2,90}?\s(?:comes?|came)\s(?:(?:just|only|shortly|soon)\s)?"
    r"(?:(?:a|an|one|two|three|four|five|six|several|a few|\d+)\s"
    r"(?:hours?|days?|weeks?|months?|years?)\s)?(?:after|as)\s"
)
# The parts that run to the end of the sentence.
TO_THE_END = frozenset({"participle clause", "adverbial clause", "addition"})
PARTS = (
    ("parenthetical", _PARENTHETICAL),
    ("appositive", APPOSITIVE),
    ("relative clause", RELATIVE),
    ("participle clause", _PARTICIPLE),
    ("adverbial clause", _ADVERBIAL),
    ("inserted phrase", _INSERTED_PHRASE),
    ("opening phrase", _OPENING_PHRASE),
    ("addition", _ADDITION),
    ("second clause", _SECOND_CLAUSE),
    ("series clause", _SERIES_MIDDLE),
    ("dashed phrase", _DASHED_PHRASE),
    ("weekday", _WEEKDAY),
    ("setting clause", _SET_AGAINST),
)
# A finite verb, as far as word forms tell without a parser.
FINITE_VERB = re.compile(rf"\b(?:said|says|say|told|{AUXILIARY})\b|(?<![\w-])[a-z]{{3,}}ed\b")
