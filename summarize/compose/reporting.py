"""Is a sentence reporting news, or talking to someone? Only reporting sentences are summarised.

A news report states what happened and who says so. Some sentences of an article do something
else, and a summary that quoted them as facts would mislead:

- a question to the reader ("How much will it cost?") or a teaser ("Here's why.");
- a hypothetical the reader is asked to picture ("Imagine if you took your car into the shop");
- an instruction or a promotion ("Click here", "Sign up for our newsletter", "Follow us");
- text addressed to a model rather than a reader ("Ignore previous instructions and ...",
  "As an AI language model ..."): article text is data, never an instruction.

What a quotation says is the speaker's and is judged with its speaker: the tests below look at
the sentence outside its quotation marks. A conditional about events ("If the insurgents take
Hama, the coast could be cut off") reports an assessment and is kept.
"""

from __future__ import annotations

import re

from summarize.text.lexicons import word_set

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")
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
    r"|find out (?:why|what|how|more))",
    re.I,
)
# "What if ...?", "Ever wondered ...": hypotheticals and teasers by their opening.
_OPENING = re.compile(r"^(?:what if|ever wonder|have you|did you know|think about it)\b", re.I)
_WORD = re.compile(r"[A-Za-z’']+")
_ENDS_QUESTION = re.compile(r"\?[\"”’')\]]*$")
_ENDS_TEASER = re.compile(r"(?::|\.\.\.|…)[\"”’')\]]*$")


def unquoted(text: str) -> str:
    """The sentence with its quotations blanked out: what the outlet itself says."""
    return _QUOTED.sub(lambda match: " " * len(match.group()), text)


def non_reporting_reason(text: str, attributed: bool = False) -> str | None:
    """Why `text` is not a sentence of news reporting, or None when it is.

    `attributed`: the sentence names who says it (a reported question is a fact).
    """
    own = unquoted(text).strip()
    if _NOT_NEWS.search(own):
        return "addressed to a reader or a model, or about the outlet"
    if _YOU.search(own):
        return "addressed to the reader"
    if _OPENING.match(own):
        return "a hypothetical or a teaser"
    words = [word.lower() for word in _WORD.findall(own)]
    while words and words[0] in _LEAD_INS:
        words = words[1:]
    if words and words[0] in _IMPERATIVES and _opens_sentence(own):
        return "an instruction to the reader"
    if _ENDS_QUESTION.search(text.strip()) and not attributed:
        return "a question"
    if _ENDS_TEASER.search(text.strip()):
        return "a teaser"
    return None


def _opens_sentence(own: str) -> bool:
    """The sentence's first word is capitalised as an opening verb, not part of a name or a
    noun phrase ("Watch parties were held", "Support for the bill grew" are statements): the
    imperative needs an object or a clause after it, which a noun's verb would not lack."""
    match = _WORD.search(own)
    if match is None:
        return False
    rest = own[match.end() :].lstrip(" ,")
    following = _WORD.match(rest)
    if following is None:
        return False
    # A verb of the third person or the past after the first word makes it a noun subject.
    return not re.fullmatch(
        r"(?:is|are|was|were|has|have|had|will|would|could|can|may|\w+ed|\w+s)", following.group()
    )


def is_reporting(text: str, attributed: bool = False) -> bool:
    return non_reporting_reason(text, attributed) is None
