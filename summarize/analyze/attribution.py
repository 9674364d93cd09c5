"""Who a sentence says a claim comes from, and the words that hedge or doubt it.

`find_attributions` finds a reporting cue (the reporting verbs of Recasens et al. 2013 plus a
few generic ones, "according to", "citing") and the speaker's noun phrase next to it:
"SANA said", "..., Geir Pedersen, the U.N. special envoy, said", "said the minister",
"according to the Observatory", "was confirmed by the army". It reads word order and
punctuation only (no parser), so a speaker is the phrase as written, trimmed at clause words
and at adjunct prepositions ("The insurgency through its Telegram channel said" -> "The
insurgency").
"""

from __future__ import annotations

import re
from functools import cache

from summarize.analyze.terms import Token, lexicon, word_forms, word_set, word_tokens
from summarize.models import Attribution, Span

# Verbs that report speech by themselves; the other reporting verbs of the lexicon ("show",
# "find", "hope", "express") only count when "that", a colon or a quotation follows.
_SPEECH_VERBS = word_set(
    """
    say tell report claim allege announce state add warn deny confirm insist declare note
    explain argue assert acknowledge admit maintain contend write reveal disclose stress
    emphasize reiterate repeat reply respond remark comment testify predict estimate accuse
    concede caution complain boast hint counter speculate recall observe mention vow pledge
    promise threaten urge tweet believe fear purport
    """
)
_EXTRA_VERBS = word_set("tweet believe purport")
# Lemmas whose base and -s forms are also nouns ("the claims", "state media", "reports from"):
# those forms need "that", a colon or a quotation after them to count.
_ALSO_NOUNS = word_set(
    """
    claim report state comment estimate counter note charge promise pledge vow fear tweet
    warn repeat reply respond answer
    """
)
_DOUBT_VERBS = word_set("claim allege purport")
_COMPLEMENT_MARKS = frozenset({"that", ":", '"', "“", "‘", "'"})
_BE = word_set("is are was were be been being")
# Words between a speaker and its verb: "has also said", "on Tuesday said", "later told".
_BETWEEN = word_set(
    """
    has have had will would could should can may might must do does did not never also further
    later earlier previously then still again already repeatedly reportedly separately
    initially once today yesterday tonight on
    monday tuesday wednesday thursday friday saturday sunday
    """
)
_CLAUSE_WORDS = word_set(
    """
    that which who whom whose while whereas as because since but or nor when if after before
    although though where so then to than than unless until whether
    """
)
_AUXILIARIES = word_set("is are was were be been has have had will would could should can may")
# Prepositions that open an adjunct, not part of the speaker's name ("for" and "of" are:
# "envoy for Syria", "Ministry of Defence").
_ADJUNCT_PREPOSITIONS = word_set(
    """
    through via in on at with from during after amid amidst between among against over under by
    near inside outside within without into toward towards across behind beyond like including
    """
)
_LEADING_FILLERS = word_set("however meanwhile also but and so then yet instead still")
_DETERMINERS = word_set("the a an this that these those its their his her our my your some")
_STATEMENT_NOUNS = word_set(
    "statement post interview address speech video briefing tweet letter report message"
)
_MAX_SPEAKER_WORDS = 12
_QUOTE_MARKS = frozenset('"“”‘’\'')

_DOUBT_RE = re.compile(
    r"\b(?:could|can|has|have|had|was|were|is|are|did|do|does)\s*(?:not|n[’']t)\s+(?:yet\s+)?"
    r"(?:be(?:en)?\s+)?(?:independently\s+|immediately\s+|officially\s+)*"
    r"(?:confirm|verify|corroborate)(?:ed)?\b"
    r"|\bwithout\s+(?:providing\s+|offering\s+|citing\s+|giving\s+|presenting\s+)?(?:any\s+)?"
    r"(?:evidence|proof)\b"
    r"|\b(?:unverified|unconfirmed|unsubstantiated|uncorroborated)\b"
    r"|\bno\s+(?:independent\s+)?(?:confirmation|verification|evidence)\b",
    re.IGNORECASE,
)
# Approximators hedge a number only: "about 10 km" yes, "about the war" no.
_APPROXIMATORS = word_set("about around")
_NUMBER_START_RE = re.compile(
    r"\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens|hundreds|"
    r"thousands|half|a third|a quarter)",
    re.IGNORECASE,
)


@cache
def _cue_forms() -> dict[str, str]:
    """Every inflected form of a reporting verb -> its lemma (lexicon loaded on first use)."""
    forms: dict[str, str] = {}
    for lemma in (*lexicon("report_verbs.txt"), *sorted(_EXTRA_VERBS)):
        if " " in lemma:
            continue
        for form in word_forms(lemma):
            if not form.endswith("ly"):
                forms.setdefault(form, lemma)
    return forms


@cache
def _hedge_re() -> re.Pattern[str]:
    phrases = sorted(lexicon("hedges_hyland2005.txt"), key=len, reverse=True)
    alternatives = "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)
    return re.compile(rf"(?<![\w’'-])(?:{alternatives})(?![\w’'-])", re.IGNORECASE)


def find_attributions(text: str, offset: int = 0) -> list[Attribution]:
    """Speakers and reporting cues in one sentence; `offset` is its start in the document."""
    tokens = word_tokens(text)
    lowered = [token.text.lower() for token in tokens]
    doubted = bool(_DOUBT_RE.search(text))
    found: list[Attribution] = []
    for index, token in enumerate(tokens):
        lower = lowered[index]
        if lower in {"according", "citing"}:
            to = index + 1 if lower == "citing" else index + 2
            if lower == "according" and lowered[index + 1 : index + 2] != ["to"]:
                continue
            speaker = _phrase_after(tokens, lowered, to)
            cue = tokens[index : to]
        else:
            lemma = _cue_forms().get(lower)
            if lemma is None or not token.text.islower() or not _counts_as_cue(lemma, lowered, index):
                continue
            speaker = _speaker_of(tokens, lowered, index)
            cue = tokens[index : _statement_end(lowered, index) + 1]
            doubt_cue = lemma in _DOUBT_VERBS
        if not speaker:
            continue
        first = min(speaker[0].start, cue[0].start)
        last = max(speaker[-1].end, cue[-1].end)
        cue_text = text[cue[0].start : cue[-1].end]
        found.append(
            Attribution(
                start=offset + first,
                end=offset + last,
                text=text[first:last],
                source=text[speaker[0].start : speaker[-1].end],
                cue=cue_text,
                doubt=doubted or (lower not in {"according", "citing"} and doubt_cue),
            )
        )
    return found


def _counts_as_cue(lemma: str, lowered: list[str], index: int) -> bool:
    form = lowered[index]
    if form.endswith("ing"):
        return lemma in _DOUBT_VERBS  # "the insurgency claiming to have captured"
    followed = lowered[index + 1] if index + 1 < len(lowered) else ""
    has_complement = followed in _COMPLEMENT_MARKS
    if lemma not in _SPEECH_VERBS:
        return has_complement
    if lemma in _ALSO_NOUNS and form in {lemma, lemma + "s", lemma + "es"}:
        return has_complement
    if lemma in _DOUBT_VERBS and followed not in {"to", ",", ".", ""} and not has_complement:
        return False  # "the war has claimed half a million lives"
    return True


def _statement_end(lowered: list[str], index: int) -> int:
    """Index of the last word of "said in a statement", or of the verb itself."""
    window = lowered[index + 1 : index + 4]
    if len(window) == 3 and window[0] in {"in", "on"} and window[1] in {"a", "an", "its", "their"}:
        if window[2] in _STATEMENT_NOUNS:
            return index + 3
    return index


def _speaker_of(tokens: list[Token], lowered: list[str], cue: int) -> list[Token]:
    """The speaker of the verb at `cue`: before it, after "by" in a passive, or after it."""
    before = cue - 1
    while before >= 0 and lowered[before] in _BETWEEN:
        before -= 1
    if before >= 0 and lowered[before] in _BE:
        if lowered[cue + 1 : cue + 2] == ["by"]:
            return _phrase_after(tokens, lowered, cue + 2)  # "was confirmed by the army"
        return []
    if before >= 0 and tokens[before].text == ",":
        speaker = _speaker_before_comma(tokens, lowered, before)
    else:
        speaker = _phrase_before(tokens, lowered, before)
        if speaker and lowered[tokens.index(speaker[0])] in _ADJUNCT_PREPOSITIONS:
            start = tokens.index(speaker[0])
            speaker = _phrase_before(tokens, lowered, start - 2) if start >= 2 else []
            speaker = speaker if start >= 1 and tokens[start - 1].text == "," else []
        speaker = _trim(speaker, lowered, tokens)
    if speaker:
        return speaker
    if before < 0 or tokens[before].text in {",", *_QUOTE_MARKS}:
        return _phrase_after(tokens, lowered, cue + 1)  # '"...," said Pedersen.'
    return []


def _speaker_before_comma(tokens: list[Token], lowered: list[str], comma: int) -> list[Token]:
    """"X, the U.N. envoy, said" and "X, through its channel, said" -> X."""
    opening = comma - 1
    while opening >= 0 and tokens[opening].text not in {",", ";", ":", *_QUOTE_MARKS}:
        opening -= 1
    if opening < 0 or tokens[opening].text != ",":
        return []
    return _trim(_phrase_before(tokens, lowered, opening - 1), lowered, tokens)


def _phrase_before(tokens: list[Token], lowered: list[str], end: int) -> list[Token]:
    """Words of the noun phrase ending at index `end`, walking left to a clause boundary."""
    start = end
    while start >= 0 and end - start < _MAX_SPEAKER_WORDS:
        word = tokens[start].text
        lower = lowered[start]
        if not word[0].isalnum() or lower in _CLAUSE_WORDS or lower in _AUXILIARIES:
            break
        if lower == "and" and not (start > 0 and tokens[start - 1].text[:1].isupper()):
            break
        if lower in _cue_forms() and start != end and word.islower() and not _is_adjective(lower):
            break
        start -= 1
    if start >= 0 and end - start >= _MAX_SPEAKER_WORDS:
        return []
    if start >= 0 and lowered[start] == "to":
        return []  # "... groups that tried to overthrow X, have expressed": not a speaker
    return tokens[start + 1 : end + 1]


def _is_adjective(word: str) -> bool:
    return word.endswith(("ed", "ing")) is False and False


def _phrase_after(tokens: list[Token], lowered: list[str], start: int) -> list[Token]:
    """The noun phrase starting at index `start`: "the Observatory", "Geir Pedersen"."""
    end = start
    while end < len(tokens) and end - start < _MAX_SPEAKER_WORDS:
        word = tokens[end].text
        if not word[0].isalnum() or lowered[end] in _CLAUSE_WORDS or lowered[end] in _BETWEEN:
            break
        end += 1
    phrase = tokens[start:end]
    while phrase and lowered[tokens.index(phrase[-1])] in _DETERMINERS | {"and"}:
        phrase = phrase[:-1]
    return _trim(phrase, lowered, tokens)


def _trim(phrase: list[Token], lowered: list[str], tokens: list[Token]) -> list[Token]:
    """Drop leading fillers ("However"), cut at an adjunct preposition, refuse bare words
    that cannot be a speaker ("The" before "claims")."""
    words = [lowered[tokens.index(token)] for token in phrase]
    while words and words[0] in _LEADING_FILLERS:
        phrase, words = phrase[1:], words[1:]
    for position, word in enumerate(words):
        if word in _ADJUNCT_PREPOSITIONS and position > 0:
            phrase, words = phrase[:position], words[:position]
            break
    if not words or words[-1] in _DETERMINERS or words[0] in _ADJUNCT_PREPOSITIONS:
        return []
    return phrase


def find_hedges(text: str, offset: int = 0) -> list[Span]:
    """Hedges (Hyland 2005) and doubt phrases ("could not be independently confirmed")."""
    spans: list[tuple[int, int]] = [match.span() for match in _DOUBT_RE.finditer(text)]
    for match in _hedge_re().finditer(text):
        start, end = match.span()
        word = match.group()
        if word[0].isupper() and text[:start].strip(" \"“'‘([") != "":
            continue  # a capitalised hedge inside a sentence is a name or a month ("May")
        if word.lower() in _APPROXIMATORS and not _NUMBER_START_RE.match(text, end):
            continue
        if not any(s <= start and end <= e for s, e in spans):
            spans.append((start, end))
    return [
        Span(start=offset + start, end=offset + end, text=text[start:end])
        for start, end in sorted(spans)
    ]


def is_unverified(text: str) -> bool:
    """True when the sentence says a claim is unverified, unconfirmed or without evidence."""
    return bool(_DOUBT_RE.search(text))
