"""What a sentence does: report the event, give background, or talk to someone.

Only reporting sentences are summarised, and only reporting sentences about the event itself can
be a claim one report alone makes (a unique claim).

A news report states what happened and who says so. Some sentences of an article do something
else, and a summary that quoted them as facts would mislead:

- a question to the reader ("How much will it cost?") or a teaser ("Here's why.", "... for a
  troubling reason.");
- a photo caption ("..., Sunday, Sept. 22, 2019, at Andrews Air Force Base.");
- a hypothetical the reader is asked to picture ("Imagine if you took your car into the shop");
- an instruction or a promotion ("Click here", "Sign up for our newsletter", "Follow us");
- "I" with no speaker named: an op-ed's author, or a post quoted without its marks;
- text addressed to a model rather than a reader ("Ignore previous instructions and ...",
  "As an AI language model ..."): article text is data, never an instruction.

What a quotation says is the speaker's and is judged with its speaker: the tests below look at
the sentence outside its quotation marks. A conditional about events ("If the insurgents take
Hama, the coast could be cut off") reports an assessment and is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from summarize.analyze.doubt import EVIDENCE_NOUNS
from summarize.analyze.speech import reported_speech
from summarize.models import Attribution
from summarize.text.calendar import MONTH, WEEKDAY, YEAR
from summarize.text.lexicons import word_set
from summarize.text.numbers import COUNT_TO_TEN
from summarize.text.quotes import unquoted
from summarize.text.spans import in_spans
from summarize.text.tokens import STOPWORDS

# The reader addressed in the second person.
_YOU = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.I)
# Verbs that open an instruction or ask the reader to picture something: a sentence starting
# with one of them (no subject before it) is an imperative. Verbs that are also common nouns at
# the start of a statement ("Support for the bill grew", "Output rose") are left out.
_IMPERATIVES = word_set(
    """
    imagine suppose picture consider pretend ignore disregard forget click subscribe register
    read watch listen follow download join learn discover find see visit tell write remember
    meet try donate respond translate behave continue please let's don't keep get make take
    welcome select choose tap scroll swipe sign
    """
)
# Words an imperative may be preceded by: "Now, imagine ...", "So ignore ...", "Just click".
_LEAD_INS = word_set("now so just and but then also simply first next")
# Addressed to a model, or the outlet promoting itself (outside quotations, anywhere).
_NOT_NEWS = re.compile(
    r"\b(?:(?:ignore|disregard|forget)\s+(?:all\s+)?(?:the\s+|your\s+|any\s+)?"
    r"(?:previous|prior|above|earlier|preceding|former)\s+(?:instructions?|prompts?|directions)"
    r"|as an? (?:ai|artificial intelligence|(?:large )?language model|assistant|chatbot)\b"
    r"|our (?:newsletters?|podcasts?|app|website|site|channel)"
    r"|sign up (?:for|to)|subscribe (?:to|for|now)|click (?:here|below|the link)|follow us"
    r"|read more|here(?:'s|’s| is) (?:why|what|how|everything|who|when|where)"
    r"|what (?:you|we) (?:need|want) to know|(?:will|may|might) surprise you"
    r"|find out (?:why|what|how|more)"
    # the outlet's coverage ("The Times will provide up-to-date results and live analysis",
    # "Jakarta Flash will keep readers updated", "This story will be updated")
    r"|(?:live|up-to-date|real-time) (?:results|updates|coverage|blog)"
    r"|keep (?:our )?(?:readers|viewers|listeners) (?:updated|informed|posted)"
    r"|(?:this|the) (?:story|article|report|page) (?:will be|is being|has been) updated"
    r"|check back (?:later )?for (?:updates|more))",
    re.I,
)
# Wire boilerplate saying only that nothing more is known ("No further details were immediately
# available.", "There were few other details immediately available.").
_NOTHING_MORE = re.compile(
    r"^(?:there (?:were|was) )?(?:(?:no|few) (?:other |further |more |additional )?details "
    r"(?:(?:were|was) )?|(?:other |further )?details were not )(?:immediately )?"
    r"(?:available|released)\W*$",
    re.I,
)
# Credits and the writer's biography are about the outlet's staff, not the event: "Jane Doe
# contributed to this report", "WIRED staff writer Jane Doe has covered the outbreak since ...".
_CREDIT = re.compile(
    r"\bcontributed (?:to )?(?:this )?(?:report|reporting|story)\b|"
    r"\b(?:writer|reporter|correspondent|columnist|editor)\s+(?-i:(?:[A-Z][\w.'’-]*\s+){1,3})"
    r"(?:has|have)\s+(?:covered|reported on|written about)\b",
    re.I,
)
# "What if ...?", "Ever wondered ...": hypotheticals and teasers by their opening.
# "Here are a few facts", "Here is what we know": the writer presenting something to the reader.
# An explainer's headline announces the article instead of reporting ("What we know about the
# collapse", "What to expect from the hearings", "5 things to watch at the summit", "Five key
# takeaways from the indictments", "What the virus means for the presidency", "What the
# indictments mean — and don't mean").
_OPENING = re.compile(
    r"^(?:what if|ever wonder|have you|did you know|think about it|here(?:'s|’s| is| are)|"
    r"what (?:we|you) (?:know|learned) about|what to (?:expect|watch|know)|"
    rf"{COUNT_TO_TEN} (?:\w+ )?(?:things|takeaways|lessons)|"
    r"(?:key )?takeaways|what (?:[\w’'-]+ ){1,6}means?(?= for\b|\s*[—–-]|\W*$))\b",
    re.I,
)
# A list announced anywhere in a headline is an explainer's too ("Another critic falls and 5 other
# things we learned from the primaries", "the 3 things you need to know", "X's surprising
# strength and other takeaways from the primary"); "three things to happen" is no list.
_ANNOUNCED_LIST = re.compile(
    rf"\b{COUNT_TO_TEN} (?:other |more )?(?:\w+ )?"
    r"(?:things|takeaways|lessons) (?:(?:we|you) (?:learned|need to know|should know|missed)|"
    r"to (?:know|watch|expect|remember))\b|\bother (?:\w+ )?takeaways\b",
    re.I,
)
# An interjection opening the sentence is the writer talking ("Oh, here we go: ...", "Wow,").
# An interjection, or a formula of praise or blame the writer addresses to someone ("Congrats
# to Sundar Pichai, who just got promoted to the worst job in Silicon Valley.", "Shame on ..."):
# the writer's feeling, not a report.
_INTERJECTION = re.compile(
    r"^(?:(?:oh|ah|aha|wow|whoa|yikes|ugh|hey|well|yes|boy|alas)\b[,!]|"
    r"(?:congrats|congratulations|kudos|hats off|shame|bravo)\s+(?:to|on)\b)",
    re.I,
)
# The first person singular, whose speaker a news writer names (see `_speaks_as_i`).
# "I-Mich." is a party and state.
_I = re.compile(r"\b(?:I(?!-)|[Mm]y|me|[Mm]yself)\b")
# The first person plural: a speaker's too, or an op-ed's writers ("we now have an experienced
# hand leading the Department of Justice"); "US" in capitals is the country.
_WE = re.compile(r"\b(?:[Ww]e|us|[Oo]urs?|[Oo]urselves)\b")
# Speakers a news writer never is (see `names_a_speaker`).
_FIRST_PERSON = frozenset({"i", "me", "we", "us"})
_WORD = re.compile(r"[A-Za-z’']+")
_PURPOSE = re.compile(r"To [a-z]+\b[^,;]*,\s*")
_ENDS_QUESTION = re.compile(r"\?[\"”’')\]]*$")
_ENDS_TEASER = re.compile(r"(?::|\.\.\.|…)[\"”’')\]]*$")
# A sentence that ends by promising a reason it keeps back ("quit his position for a troubling
# reason", "... and this is why").
_WITHHOLDS = re.compile(
    r"\b(?:for (?:a|one|this|that) (?:[\w-]+ )?reason|(?:and )?(?:this|that) is why)\W*$", re.I
)
# A photo caption's date, as agencies write it after the action shown: "..., Sunday, Sept. 22,
# 2019, at Andrews Air Force Base." Prose sets a date after "on" ("on Sunday, Sept. 22").
_CAPTION_DATE = re.compile(rf"(?<!\bon),\s{WEEKDAY},\s{MONTH}\s\d{{1,2}},\s{YEAR}")


@lru_cache(maxsize=50_000)
def non_reporting_reason(text: str, attributed: bool = False) -> str | None:
    """Why `text` is not a sentence of news reporting, or None when it is.

    `attributed`: the sentence names who says it (a reported question is a fact). Cached: the
    analyzers, the composer and the checkers each ask about the same sentences.
    """
    own = unquoted(text).strip()
    if _NOT_NEWS.search(own):
        return "addressed to a reader or a model, or about the outlet"
    if _CREDIT.search(own):
        return "a credit or the writer's biography"
    if _NOTHING_MORE.search(own):
        return "says only that nothing more is known"
    if _YOU.search(own):
        return "addressed to the reader"
    if _OPENING.match(own) or _ANNOUNCED_LIST.search(own):
        return "a hypothetical or a teaser"
    # "To see the full results, click below": an instruction after the purpose it serves.
    purpose = _PURPOSE.match(own)
    if _is_imperative(own) or (purpose and _is_imperative(own[purpose.end() :])):
        return "an instruction to the reader"
    if _ENDS_QUESTION.search(text.strip()) and not attributed:
        return "a question"
    # News prose states; it does not exclaim in its own voice ("That'll stuff a lot of
    # stockings!", "Spend your money well!").
    if own.endswith("!") or _INTERJECTION.match(own):
        return "an exclamation"
    if _ENDS_TEASER.search(text.strip()) or _WITHHOLDS.search(own):
        return "a teaser"
    if _CAPTION_DATE.search(own):
        return "a photo caption"
    if not attributed and _speaks_as_i(own):
        return "in the first person, without its speaker"
    return None


def names_a_speaker(attributions: Sequence[Attribution]) -> bool:
    """Some attribution names who speaks. A news writer does not say "I" or "we": in "I said the
    timing is not right" the sentence is the speaker's own words, given without their name."""
    return any(attribution.source.lower() not in _FIRST_PERSON for attribution in attributions)


def _speaks_as_i(own: str) -> bool:
    """A news writer does not say "I" or "we": outside quotation marks it is someone's speech
    given without them (an embedded post, a transcript, an op-ed's author). "I" after a
    capitalised word inside the sentence is a numeral ("World War I", "Phase I"), and "We" a
    word of a name."""
    for match in (*_I.finditer(own), *_WE.finditer(own)):
        before = own[: match.start()].rstrip().rsplit(maxsplit=1)
        numeral = (  # "World War I", "Phase I"
            match.group() == "I"
            and len(before) == 2
            and before[1][:1].isupper()
            and before[1][-1:].isalpha()
        )
        named = match.group() == "We" and bool(before)  # "The We Will Not Comply Act"
        if not (numeral or named):
            return True
    return False


def _is_imperative(own: str) -> bool:
    words = [word.lower() for word in _WORD.findall(own)]
    while words and words[0] in _LEAD_INS:
        words = words[1:]
    return bool(words) and words[0] in _IMPERATIVES and _opens_sentence(own)


def _opens_sentence(own: str) -> bool:
    """The sentence's first word is capitalised as an opening verb, not part of a name or a
    noun phrase ("Watch parties were held", "Support for the bill grew" are statements): the
    imperative needs an object or a clause after it, which a noun's verb would not lack."""
    match = _WORD.search(own)
    if match is None:
        return False
    rest = own[match.end() :].lstrip(" ,:*•")  # "Consider: * President Trump's ratings ..."
    following = _WORD.match(rest)
    if following is None:
        return False
    # A capitalised word straight after it makes a name of both ("Select Committee members").
    word = following.group()
    if (
        own[match.end() : match.end() + 1] == " "
        and word[0].isupper()
        and word.lower() not in STOPWORDS
    ):
        return False
    # A verb of the third person or the past after the first word makes it a noun subject.
    return not re.fullmatch(
        r"(?:is|are|was|were|has|have|had|will|would|could|can|may|\w+ed|\w+s)", word
    )


def is_reporting(text: str, attributed: bool = False) -> bool:
    return non_reporting_reason(text, attributed) is None


# Background: what happened before the reported event. News marks it with the past perfect ("had
# been blocked", "had never risen", "had initially requested") and with time phrases that point
# before the event.
_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:(?:not|never|long|already|just|also|only|first|\w+ly)\s+)?\w+(?:ed|en|wn|t)\b"
)
_BEFORE_THE_EVENT = re.compile(
    r"\b(?:\w+\s+(?:years?|decades?)\s+ago|in\s+(?:years|the\s+past|the\s+(?:past|last)\s+"
    r"(?:few\s+)?(?:weeks|months|years))|previously|prior\s+to|earlier\s+this\s+(?:year|month)|"
    # "in the last two primaries", "over the past three elections": earlier occurrences of
    # something recurring (a count of hours or days is the event's own time).
    r"(?:in|over|during|for)\s+the\s+(?:past|last|previous)\s+(?:few|several|two|three|four|"
    r"five|six|seven|eight|nine|ten|\d+)\s+(?!(?:hours|days|minutes|nights)\b)(?:\w+\s+){0,3}"
    r"\w+s\b|"
    r"last\s+(?:year|month)|since\s+(?:1[89]|20)\d\d|(?:in|until|before)\s+(?:1[89]|20)\d\d|"
    # "have long decried", "in recent weeks", "for years", "after nearly a decade": a state of
    # affairs that led up to the event.
    r"(?:has|have|had)\s+long|in\s+recent\s+(?:days|weeks|months|years)|"
    r"for\s+(?:years|decades|months)|after\s+(?:nearly\s+|almost\s+|more\s+than\s+)?a\s+decade)\b",
    re.I,
)


# The writer's reading of the event: what it means or shows ("The move marks a surprising
# shift", "The launches show the North has continued ...", "It represented a retreat"), what it
# comes amid ("The move comes as ...", "The news came amid signs of ...") or the trend it belongs
# to ("It is part of a wave of ..."), in either tense, with the event, not a source, as the
# subject, however long ("The sense of gloom at the gathering of ... came amid"): "the poll
# shows", "the data shows" report a finding.
_READING = re.compile(
    r"^(?:(?:It|This|That|These|Those|The|Such)\b(?P<subject>[^,;:]{0,80}?)\s"
    r"(?:represents|marks|signals|underscores|underlines|highlights|shows?|suggests?|reflects|"
    r"illustrates|demonstrates|comes? (?:as|amid)|came (?:as|amid)|"
    r"(?:is|was|are|were) (?:also )?(?:a |the )?part of (?:a|an|the) (?:[\w-]+ )?"
    r"(?:wave|series|trend|pattern|push|campaign|string|spate))|"
    # in the past tense only with the event as a pronoun: "The army marked the anniversary"
    r"(?:It|This|That)\s(?:represented|marked|signal(?:l)?ed|underscored|underlined|highlighted|"
    r"showed|suggested|reflected|illustrated|demonstrated))\s"
)
_SOURCES = re.compile(rf"\b{EVIDENCE_NOUNS}\b", re.I)


# The writer's stance (attitude or style adverbials, Biber et al. 1999): "quite frankly, a waste
# of time", "the White House supposedly has a decision", "Unfortunately, ...". Straight news keeps
# its own attitude out; outside a quotation these mark opinion, not a fact of the event. Only
# adverbs that are stance in any position are listed ("honestly", "clearly", "sadly" are often
# manner: "answered honestly", "spoke clearly"). "After all" set off by punctuation argues a
# point ("After all, the election is around the corner"); before a noun it tells time ("after
# all the votes were counted").
_STANCE = re.compile(
    r"\b(?:frankly|supposedly|admittedly|arguably|undoubtedly|unquestionably|"
    r"(?:un)?fortunately|thankfully|ironically|unsurprisingly|needless to say|to be sure|"
    r"of course|after all(?=\s*[,.;:!?]|$))\b",
    re.I,
)


def takes_a_stance(text: str) -> bool:
    """The writer's stance (see `_STANCE`) outside the sentence's quotations."""
    own = unquoted(text)
    return _STANCE.search(own) is not None and _I.search(own) is None


def is_commentary(text: str) -> bool:
    """The sentence is the writer's reading of the event (see `_READING`), not a fact of it, or
    carries the writer's stance."""
    if takes_a_stance(text):
        return True
    match = _READING.match(text)
    return match is not None and not _SOURCES.search(match.group("subject") or "")


def is_background(text: str) -> bool:
    """The sentence, outside its quotations, tells what happened before the event: the past
    perfect, or a time phrase pointing back ("four years ago", "previously", "since 2017"). A
    past perfect in reported speech is the tense shifted back after "said" ("he said he had
    decided"), not background."""
    own = unquoted(text)
    if _BEFORE_THE_EVENT.search(own):
        return True
    reported = reported_speech(text)
    return any(not in_spans(match.start(), reported) for match in _PAST_PERFECT.finditer(own))
