"""Which words of a sentence are someone else's speech rather than the report's own voice.

Quotations; the complement of a reporting verb ("officials said [the regime fell]"); the words
before a closing "..., X said" (a time or a place may end it: "..., X said Friday."; so may who
heard it: "..., two people told ByteLine."); everything
around "according to X"; what follows "saying", "to say", "claims", "what she called" and the
like; and what follows a participle of speech or judgement after a comma ("..., adding that",
"..., ruling the rules violate"). The reporting verbs and speakers come from
`attribution.find_attributions`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarize.analyze.attribution import find_attributions
from summarize.text.calendar import WEEKDAYS
from summarize.text.inflection import AUXILIARIES, is_past_form, looks_past
from summarize.text.lexicons import word_set
from summarize.text.negation import VERB_NEGATION
from summarize.text.quotes import QUOTED, blanked, quotation_spans
from summarize.text.report_verbs import presents_as_true, takes_a_hearer
from summarize.text.tokens import content_terms

# Words that make what follows someone's speech: "saying the film sexualizes girls",
# "claims it hypersexualizes", "what she said was unchecked bullying", "he called it a hoax".
_SPEECH_OPENERS = re.compile(
    r"(?:\b(?:saying|claiming|alleging|arguing|insisting|warning|noting|contending|asserting|"
    r"complaining|charging|accus(?:ing|ed|es)\s+(?:[\w.’']+\s+){0,5}?of|"
    # after a comma, a participle of a verb of speech or judgement reports the subject's words:
    # "endorsed Moore, adding that", "sided with the athletes, ruling the rules violate"
    r"(?<=,\s)(?:adding|explaining|stating|declaring|stressing|writing|ruling)|"
    # "took to Twitter to say the leader bears responsibility"; "too early to say whether" asks
    r"to\s+(?:say|argue|claim|insist|warn)\s+(?:that\s+)?(?!whether|how|what|when|if|why)|"
    r"claims?\s+(?:that\s+)?(?=it|they|he|she|the)|"
    # a speaker set inside a relative clause: "policies that DeVos claims led to ...", "a plan
    # which he says will fail": the rest of the clause is the speaker's
    r"(?:that|which|who)\s+(?:(?:(?-i:[A-Z])[\w.’'-]*\s+){1,3}?|(?:he|she|they)\s+|"
    # or a speaker in lower case: "who federal authorities say had ties to"
    r"(?:(?!(?:is|are|was|were|be|been|has|have|had|not|never|also)\b)[a-z][\w’'-]*\s+){1,3}?)"
    r"(?:claim(?:s|ed)?|sa(?:ys?|id)|argue[sd]?|contend(?:s|ed)?|insist(?:s|ed)?|allege[sd]?|"
    r"believe[sd]?|maintain(?:s|ed)?)(?=\s+[a-z])|"
    r"allegations?\s+(?:that\s+)?|what\s+(?:\w+\s+){1,3}(?:called|termed|described\s+as|said\s+"
    r"(?:was|were|is|are)|says\s+(?:is|are)|views?\s+as|sees?\s+as))|"
    # what someone is said not to have said is no claim of the report's: "he never said Russia
    # did not interfere", "didn't say the vote was rigged"
    rf"{VERB_NEGATION}\s+(?:(?:have|has|had)\s+)?(?:said|say|says|told|tell|claimed|claim|"
    r"stated|suggested|suggest)\s+(?:that\s+)?)\b",
    re.IGNORECASE,
)
_SPEECH_END = re.compile(r"[;:—]|\s[-–]\s")
_SAY = frozenset({"said", "says", "say"})
# A stance others hold, and what it is about: "raise concerns about political prejudice", "amid
# fears of a recession", "accusations that he lied". What follows "that" is a clause; after
# "about", "over" or "of" a noun phrase, which a comma or a relative clause ends ("expressed
# their concern of the conflict's impact, and have backed the president", "concerns over fund
# flows into companies that support China's totalitarian regime": the report's own words).
_STANCE = re.compile(
    r"\b(?:concerns?|fears?|worries|complaints?|accusations?)\s+(?:(?P<that>that)|about|over|of)"
    r"\s+",
    re.IGNORECASE,
)
_NOUN_PHRASE_END = re.compile(r",|\b(?:that|which|who|whom|whose)\b")
# What may stand between a reporting verb and its "that": a time or a place ("said on Monday
# that", "said in a statement that", "told reporters Tuesday that"), up to this many words.
_ADJUNCT_OPENERS = word_set(
    "on in during at after before late early earlier later last this yesterday today tonight "
    "again repeatedly"
) | frozenset(WEEKDAYS)
MAX_ADJUNCT_WORDS = 16
# Who heard what was told: "told reporters", "told The Associated Press".
MAX_HEARER_WORDS = 4
_WORD = re.compile(r"[\w’'-]+")


@lru_cache(maxsize=4096)
def reported_speech(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of `text` (one sentence) that are someone else's words, not the report's own voice:
    quotations (one left open too), the complement of a reporting verb ("officials said [the
    regime fell]"), the words before a closing "..., X said (on Friday)", everything around
    "according to X", what follows "saying", "claims", "what she called" and the like, and what
    a stance others hold is about ("concerns about political prejudice"). A
    reporting verb with a plain object ("touted the strike against the Assad regime") reports no
    speech: its object is the report's description. Cached (read only): the analysis, the
    framing and the composer ask about the same sentences."""
    spans = quotation_spans(text)
    for attribution in find_attributions(text):
        start, end = attribution.start, attribution.end
        after = text[end:]
        if _closes_sentence(
            _after_hearer(after) if takes_a_hearer(attribution.cue.lower()) else after
        ):
            spans.append((_clause_start(text, start), start))
        elif attribution.cue.lower().startswith(("according", "citing")):
            spans += [(0, start), (end, len(text))]
        elif _opens_clause(after, said=attribution.cue.lower() in _SAY):
            spans.append((end, _clause_end(text, end)))
    for match in _SPEECH_OPENERS.finditer(text):
        spans.append((match.end(), _clause_end(text, match.end())))
    for match in _STANCE.finditer(text):
        end = _clause_end(text, match.end())
        phrase_end = _NOUN_PHRASE_END.search(text, match.end(), end)
        spans.append((match.end(), end if match["that"] or not phrase_end else phrase_end.start()))
    return tuple(spans)


def said_terms(text: str) -> frozenset[str]:
    """The content words (stems) of `text` (one sentence) that are someone else's speech, not
    the report's own voice (`reported_speech`): what the sentence gives as someone's statement.
    None when its every reporting verb is factive: "Amash announced that he has launched a
    committee", "Corvane confirmed the data was taken" present what they report as true."""
    attributions = find_attributions(text)
    if attributions and all(presents_as_true(a.cue) for a in attributions):
        return frozenset()
    return frozenset(content_terms(" ".join(text[a:b] for a, b in reported_speech(text))))


def own_voice_terms(text: str) -> frozenset[str]:
    """The content words a sentence states in its own voice: not those inside quotation marks
    (scare quotes give a word to the person it is about) or in someone's reported speech."""
    return frozenset(content_terms(blanked(text, reported_speech(text))))


def _closes_sentence(after: str) -> bool:
    """Nothing but a time or a place follows the reporting verb to the end of the sentence
    ("..., the Labor Department said Friday.", "..., he said in a statement on Monday."): the
    attribution closes what came before it."""
    if not after.strip(" .,!?\"”’'"):
        return True
    words = re.findall(r"[\w’']+|[:\"“,;—]", QUOTED.sub(" ", after.lower()))
    return (
        bool(words)
        and words[0] in _ADJUNCT_OPENERS
        and len(words) <= MAX_ADJUNCT_WORDS
        and not set(words) & {":", '"', "“", ",", ";", "—", "that"}
        and not _opens_clause(after)
    )


def _after_hearer(after: str) -> str:
    """What follows the hearer of "told" ("..., two people told ByteLine.", "..., he told
    reporters on Tuesday."): up to MAX_HEARER_WORDS words before a time, a place or the end."""
    end = 0
    for count, word in enumerate(_WORD.finditer(after)):
        if count == MAX_HEARER_WORDS or word.group().lower() in _ADJUNCT_OPENERS:
            break
        end = word.end()
    return after[end:]


def _opens_clause(after: str, said: bool = False) -> bool:
    """The words after a reporting verb start a clause ("that", a colon, or a verb soon), not
    a plain object: "said the advance shows", but "touted the “perfectly executed strike”". A
    time or place may come first: "said during the hearing on Monday that ...". After "said", a
    past form after a determiner is a verb too ("officials said the regime fell"): what "said"
    reports is words, where "touted" takes an object a participle may describe."""
    words = re.findall(r"[\w’']+|[:\"“]", QUOTED.sub(" ", after.lower()))
    if words and words[0] in _ADJUNCT_OPENERS and "that" in words[1:MAX_ADJUNCT_WORDS]:
        # "wrote before falsely claiming that ...": the "that" is another verb's.
        adjunct = " ".join(words[: words.index("that")])
        return _SPEECH_OPENERS.search(adjunct) is None
    words = words[:6]
    if words and words[0] in ("that", ":", '"', "“"):
        return True
    participles = said or words[:1] not in (
        ["the"],
        ["a"],
        ["an"],
        ["his"],
        ["her"],
        ["its"],
        ["their"],
    )
    past = is_past_form if said else looks_past  # irregular too: "the regime fell"
    return any(word in AUXILIARIES or (participles and past(word)) for word in words[1:5])


def _clause_start(text: str, end: int) -> int:
    found = [m.end() for m in _SPEECH_END.finditer(text, 0, end)]
    return found[-1] if found else 0


def _clause_end(text: str, start: int) -> int:
    match = _SPEECH_END.search(text, start)
    return match.start() if match else len(text)
