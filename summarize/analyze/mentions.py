"""Proper names in a sentence: runs of capitalised tokens, with name connectors inside
("Syrian Observatory for Human Rights", "Bashar al-Assad"), acronyms ("U.N.", "SDF"), titles
stripped ("President Bashar Assad" -> "Bashar Assad"). Capitalisation is all it reads; which
names of a set of reports are one entity is `summarize.analyze.entities`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarize.models import Analysis, SentenceAnalysis, Span
from summarize.text.calendar import CALENDAR_NAMES, MONTH_ABBREVIATIONS
from summarize.text.lexicons import word_set
from summarize.text.numbers import NUMBER_WORDS
from summarize.text.tokens import (
    POSSESSIVE_RE,
    STOPWORDS,
    Token,
    content_terms,
    is_acronym,
    is_title_case,
    word_tokens,
)

_OPENING_MARKS = frozenset("\"'“‘([{—–-:;")

# Lowercase words that may sit inside a name between capitalised words.
CONNECTORS = word_set(
    "of for and the de del della di da du des la le van von der den bin ibn al el"
)
_ARTICLE_PARTICLES = word_set("al el")
_LEADING_CONNECTORS = CONNECTORS - _ARTICLE_PARTICLES  # trimmed from the start of a name
_MONTHS_AND_DAYS = CALENDAR_NAMES | frozenset(MONTH_ABBREVIATIONS)
# Titles before a person's name; the mention keeps only the name after them.
TITLES = word_set(
    """
    mr mrs ms miss dr prof professor sen senator rep representative gov governor president
    minister premier chancellor secretary king queen prince princess emir sheikh sultan pope
    ayatollah rev reverend sir dame lord lady gen lt col capt sgt adm cmdr maj judge mayor
    ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman ceo director
    commander chief executive justice speaker leader adviser advisor congressman congresswoman
    sheriff commissioner councilmember councilman councilwoman councillor councilor alderman
    alderwoman coach officer detective superintendent constable trooper
    """
)


def is_title(word: str, after: str = "") -> bool:
    """A title of a person, lower-cased and bare, or its plural before names ("Sens.",
    "Councilmembers Dale Pruitt and Lena Alvarez"); not before "of", where a plural names a
    body ("the Joint Chiefs of Staff")."""
    plural = word.endswith("s") and word[:-1] in TITLES and after != "of"
    return word in TITLES or plural


# Words that only qualify a title ("Prime Minister", "Foreign Minister"): not names themselves.
_TITLE_MODIFIERS = word_set(
    """
    prime vice deputy foreign defense defence interior finance health former acting interim
    supreme senior first crown state special general attorney surgeon inspector solicitor
    lieutenant major majority minority
    """
)
# When one of these heads the words after a title, the title is part of an organisation's name
# ("Justice Department", "Chief Executive Office"), so the run is kept whole.
ORGANISATION_HEADS = word_set(
    """
    department ministry council committee party agency office court university association
    forces army navy commission bank company corporation group league union organization
    organisation institute foundation administration authority service services affairs
    """
)
# Capitalised only because they open the sentence: function words, discourse markers, and
# generic subjects of news sentences. A name in first position is not in this list.
_GENERIC_OPENERS = word_set(
    """
    according additionally afterwards also amid amidst asked both despite earlier eventually
    finally following furthermore hence including instead later lastly likewise meanwhile
    moreover nevertheless nonetheless overall regarding separately similarly speaking still
    today tomorrow tonight yesterday yes many most officials police authorities government
    troops forces residents witnesses protesters rebels militants lawmakers voters critics
    experts analysts investigators prosecutors researchers scientists doctors tens hundreds
    thousands millions dozens scores efforts fighting heavy fierce there here it's state local
    federal national world similar other new recent latest former current
    """
)
SENTENCE_STARTERS = STOPWORDS | _GENERIC_OPENERS | frozenset(NUMBER_WORDS)
_ADVERB_ENDINGS = (
    "ally", "ably", "ibly", "ately", "ously", "ently", "antly", "edly",
    "ingly", "fully", "lessly", "ively", "arly",
)  # fmt: skip


@lru_cache(maxsize=200_000)
def _is_name_word(word: str) -> bool:
    """Capitalised word or acronym; "al-Assad" yes, "Iran-backed" or "U.S.-led" no."""
    parts = word.split("-")
    opens_name = word[0].isupper() or (len(parts) > 1 and parts[0] in CONNECTORS)
    return opens_name and parts[-1][:1].isupper() and re.split(r"['’]", word)[0] != "I"


def _opens_sentence(tokens: list[Token], index: int) -> bool:
    return (
        index == 0
        or all(token.text in _OPENING_MARKS for token in tokens[:index])
        or (tokens[index - 1].text in _OPENING_MARKS and tokens[index - 1].text not in "-—–")
    )


def _is_common_opener(word: str) -> bool:
    lower = word.lower()
    return (
        lower in SENTENCE_STARTERS or lower in _MONTHS_AND_DAYS or lower.endswith(_ADVERB_ENDINGS)
    )


def _bare(word: str) -> str:
    return POSSESSIVE_RE.sub("", word).rstrip(".").lower()


def find_mentions(text: str, offset: int = 0) -> list[Span]:
    """Proper names in one sentence; `offset` is the sentence's start in its document."""
    tokens = word_tokens(text)
    if is_title_case([token.text for token in tokens]):
        runs = [[token] for token in tokens if is_acronym(token.text)]
    else:
        runs = _name_runs(tokens)
    spans = []
    for run in runs:
        for part in _strip_titles(run):
            start, end = part[0].start, part[-1].end
            if part[-1].text != POSSESSIVE_RE.sub("", part[-1].text):
                end -= 2
            spans.append(Span(start=offset + start, end=offset + end, text=text[start:end]))
    return spans


def _name_runs(tokens: list[Token]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    run: list[Token] = []
    pending: list[Token] = []  # connectors seen after the run, kept if a name follows

    def close() -> None:
        nonlocal run, pending
        if run:
            runs.extend(_split_at_and(run))
        run, pending = [], []

    for index, token in enumerate(tokens):
        word = token.text
        lower = word.lower()
        is_name = word[0].isalpha() and _is_name_word(word)
        if is_name and _opens_sentence(tokens, index) and _is_common_opener(word):
            is_name = lower == "the"  # "The Associated Press": the run drops it again
        elif is_name and lower in STOPWORDS and lower not in {"the", "us"}:
            is_name = False  # "And" in "The NRA And Russia", "AS" in an all-capitals line
        if is_name and lower in _MONTHS_AND_DAYS and not (run and lower in {"may", "march"}):
            is_name = False
        if is_name:
            if _glued(run + pending, token):
                run.extend(pending)
            elif run:
                close()
            run.append(token)
            pending = []
            if POSSESSIVE_RE.search(word):
                close()
        elif word == "." and run and _is_abbreviation(run[-1], token):
            run.append(token)
        elif run and lower in CONNECTORS and len(pending) < 2:
            pending.append(token)
        elif not run and lower in _ARTICLE_PARTICLES:
            pending = [token]  # "al Qaeda"
        else:
            close()
    close()
    return runs


def _split_at_and(run: list[Token]) -> list[list[Token]]:
    """One name for "Food and Drug Administration"; two for "Tartous and Lattakia" and for
    "South Korea and the European Union"."""
    run = _drop_connectors(run)  # also "The" of "The Associated Press"
    names_an_organisation = bool(run) and _bare(run[-1].text) in ORGANISATION_HEADS
    parts: list[list[Token]] = [[]]
    for index, token in enumerate(run):
        joins_words = 0 < index < len(run) - 1 and run[index + 1].text[0].isupper()
        if token.text.lower() == "and" and not (names_an_organisation and joins_words):
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in map(_drop_connectors, parts) if part]


def _glued(run: list[Token], token: Token) -> bool:
    """True when `token` continues the run: separated from it by spaces only."""
    return bool(run) and token.start - run[-1].end <= 1


def _is_abbreviation(previous: Token, dot: Token) -> bool:
    """The period of "Sen." or of a middle initial "R.", not the end of the sentence."""
    word = previous.text.lower()
    return dot.start == previous.end and (is_title(word) or word in {"jr", "sr"} or len(word) == 1)


def _strip_titles(run: list[Token]) -> list[list[Token]]:
    """Split "Syrian President Bashar Assad" into ["Syrian"], ["Bashar", "Assad"]."""
    words = [token for token in run if token.text != "."]
    bare = [_bare(t.text) for t in words]
    title_at = max(
        (
            i
            for i, word in enumerate(bare)
            if is_title(word, bare[i + 1] if i + 1 < len(bare) else "")
            or (word == "general" and i and bare[i - 1] in _TITLE_MODIFIERS)
        ),
        default=-1,
    )  # "Attorney General" is a title, "General Electric" is not
    if title_at < 0:
        return [words]
    name = words[title_at + 1 :]
    if all(_bare(t.text) in {"jr", "sr", "ii", "iii", "iv"} for t in name):
        # "Martin Luther King III", "Syrian President": no name follows the title
        return [words] if any(not _titular(t) for t in words) else []
    if len(name) >= 2 and name[0].text.lower() == "of":  # "Secretary of State Antony Blinken"
        name = name[2:]
    while name and name[0].text.lower() in CONNECTORS:
        name = name[1:]
    if any(_bare(t.text) in ORGANISATION_HEADS for t in words[title_at:]):
        return [words]
    prefix = [t for t in words[:title_at] if not _titular(t)]
    return [part for part in (_drop_connectors(prefix), name) if part]


def _titular(token: Token) -> bool:
    """A title or a word qualifying one ("Prime", "Foreign")."""
    return _bare(token.text) in _TITLE_MODIFIERS or is_title(_bare(token.text))


def _drop_connectors(words: list[Token]) -> list[Token]:
    """Trim connectors from both ends, keeping a leading article particle ("al Qaeda")."""
    start, end = 0, len(words)
    while start < end and words[start].text.lower() in _LEADING_CONNECTORS:
        start += 1
    while end > start and words[end - 1].text.lower() in CONNECTORS:
        end -= 1
    return words[start:end]


def name_terms(item: SentenceAnalysis) -> frozenset[str]:
    """The content stems of the names a sentence mentions."""
    return frozenset(content_terms(" ".join(mention.text for mention in item.entities)))


def names_inside_sentences(analysis: Analysis) -> frozenset[str]:
    """The names (canonical) the reports write after a sentence's first word: a lone capital
    opening a sentence ("Plenty", "Things have not worked out") may be capital only for that,
    and is a name when written so there too ("the village of Khanaser")."""
    return frozenset(
        mention.canonical
        for item in analysis.sentences
        for mention in item.entities
        if mention.start != analysis.document(item.document).sentences[item.sentence].start
    )
