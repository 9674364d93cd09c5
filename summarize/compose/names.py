"""People the summary names by surname alone, named in full where it first names them.

A report introduces a person in full ("House Speaker Nancy Pelosi") and goes on by surname
("Pelosi said"); a summary sentence taken from further down names them by surname, and a reader
of the summary alone has not met them. Where the summary first names such a person, by surname
alone, and the reports give one full name ending in it, the sentence names them in full ("Nancy
Pelosi said"): one word more, while the budget has room, and only where the judge finds the
sentence still supported by the reports it cites, each of them alone as before, and each gives
the full name.

A name is a person's when its first word is no title ("President", "Gov.") and its last is
never written after "the" ("the House", "the White House": a body, not a person); a surname that
ends two full names ("Biden": Joe and Hunter) is left alone. A courtesy title ("Mr. Trump") is
a later mention's form: where the summary first names the person so, the full name takes its
place, in as many words.
"""

from __future__ import annotations

import re
from collections import defaultdict

from summarize.analyze.mentions import ORGANISATION_HEADS, is_title
from summarize.analyze.nouns import noun_senses
from summarize.judge import Judge
from summarize.models import Analysis, SummarySentence
from summarize.text.tokens import POSSESSIVE_RE, STOPWORDS, WORD_RUN

_WORD = re.compile(r"[A-Z][a-z][\w’'-]*")


def full_names(analysis: Analysis) -> dict[str, str]:
    """surname -> the one full name (a first name and the surname) the reports give for it."""
    text = _Text("\n".join(f"{d.title or ''}\n{d.text}" for d in analysis.documents))
    found: dict[str, set[str]] = defaultdict(set)
    for entity in analysis.entities:
        for variant in entity.variants:
            words = variant.split()
            if len(words) == 2 and all(_WORD.fullmatch(word) for word in words):
                first, surname = words
                lower = {first.lower(), surname.lower()}
                if not any(map(is_title, lower)) and not lower & (ORGANISATION_HEADS | STOPWORDS):
                    found[surname].add(variant)
    return {
        surname: next(iter(names))
        for surname, names in found.items()
        if len(names) == 1 and _a_person(next(iter(names)), text)
    }


class _Text:
    """The reports' text, and where each whole word of it starts: a name's words are looked up
    there, where a pattern searched through every report for every full name cost seconds in a
    story of 900 reports."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: dict[str, list[int]] = defaultdict(list)
        for match in WORD_RUN.finditer(text):
            self.starts[match.group()].append(match.start())

    def after_the(self, start: int) -> bool:
        """The whole word "the" (or "The") and a space stand just before `start`."""
        before = start - 4
        return (
            before >= 0
            and self.text[before:start] in ("the ", "The ")
            and (before == 0 or not WORD_RUN.match(self.text, before - 1))
        )


def _a_person(full: str, text: _Text) -> bool:
    """The reports write the first name only before the surname (a first name; "House" and
    "Senate" head other names too), it is no inflected common word, and they write no "the"
    before the surname (a body: "the White House") or the name."""
    first, surname = full.split()
    lemmas = noun_senses().lemmas(first.lower())
    if lemmas and first.lower() not in lemmas:
        return False  # an inflected common word ("Congresses Democratic"), no first name
    if not (WORD_RUN.fullmatch(first) and WORD_RUN.fullmatch(surname)):
        written = text.text  # a name with an apostrophe or a hyphen: searched for as written
        if re.search(rf"\b[Tt]he (?:{re.escape(first)} )?{re.escape(surname)}\b", written):
            return False
        return all(
            written.startswith(f" {surname}", match.end())
            for match in re.finditer(rf"\b{re.escape(first)}\b", written)
        )
    for start in text.starts.get(surname, ()):
        named = start - len(first) - 1
        if text.after_the(start) or (
            named >= 0
            and text.text[named:start] == f"{first} "
            and named in text.starts.get(first, ())
            and text.after_the(named)
        ):
            return False
    return all(
        text.text.startswith(f" {surname}", start + len(first))
        for start in text.starts.get(first, ())
    )


def named_in_full(
    sentences: list[SummarySentence], analysis: Analysis, judge: Judge, room: int
) -> None:
    """Each person the summary first names by surname alone named in full there, while `room`
    (words left in the budget) allows and the judge still finds the sentence supported."""
    if room <= 0:
        return
    names = full_names(analysis)
    told = ""  # the summary so far
    for sentence in sentences:
        for surname, full in names.items():
            # not a word of a compound ("Trump-appointed") nor of a case's name ("Sanchez v.")
            first = re.search(rf"(?<![-‐])\b{re.escape(surname)}\b(?![-‐]| v\.)", sentence.text)
            if room <= 0 or first is None or full in told + sentence.text:
                continue
            before = sentence.text[: first.start()]
            # A courtesy title is for a later mention: "Mr. Trump" is named "Donald Trump".
            courtesy = _COURTESY_TITLE.search(before)
            if not courtesy and _in_another_name(before):
                continue  # "San Joaquin Valley": the word before is part of this name
            start = courtesy.start() if courtesy else first.start()
            text = sentence.text[:start] + full + sentence.text[first.end() :]
            if _still_supported(judge, sentence, text, full):
                sentence.text = text
                room -= 0 if courtesy else 1
        told += " " + sentence.text


def _still_supported(judge: Judge, sentence: SummarySentence, text: str, full: str) -> bool:
    """Every report the sentence cites gives the full name, and each that supported the
    sentence alone supports `text` alone too."""
    reports = [judge.analysis.document(document) for document in sentence.citations]
    return (
        all(full in f"{report.title or ''} {report.text}" for report in reports)
        and all(
            judge.judge(text, [document]).label == "supported"
            for document in sentence.citations
            if judge.judge(sentence.text, [document]).label == "supported"
        )
        and judge.judge(text, sentence.citations).label == "supported"
    )


_COURTESY_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s$")
# Words that may stand before a surname without being part of the name: a party or a side.
_DESCRIPTORS = frozenset({"republican", "democrat", "democratic", "independent", "gop"})


def _in_another_name(before: str) -> bool:
    """The word just before the surname is capitalised and is no title ("Gov.", "Secretary"),
    possessive ("GOP's"), acronym or party ("Republican"): it names with the surname something
    else ("San Joaquin Valley")."""
    words = before.split()
    if not words or before[-1:] != " ":
        return False
    word = words[-1]
    bare = POSSESSIVE_RE.sub("", word).rstrip(".").lower()
    return (
        word[:1].isupper()
        and word == word.rstrip(",;:")
        and POSSESSIVE_RE.search(word) is None
        and not word.isupper()
        and not is_title(bare)
        and not {bare, bare.removesuffix("s")} & _DESCRIPTORS
    )
