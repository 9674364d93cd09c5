"""What a report alone says: the share of a sentence's content words no other report uses, and
the figures and names only its report gives (`unique_claim` findings rest on both). A figure
another report gives in other units or words ("3 km" / "nearly two miles") is not its own."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from summarize.analyze.mentions import names_inside_sentences
from summarize.analyze.quantities import find_quantities, same_figure
from summarize.check.quantities.figures import is_vague
from summarize.models import Analysis, Quantity, Sentence, SentenceAnalysis
from summarize.text.inflection import AUXILIARIES, is_past_form
from summarize.text.party_labels import party_label_words
from summarize.text.spans import in_spans
from summarize.text.tokens import content_terms

_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
# A headline is read this far: longer "titles" (a hostile input's, or a page's whole text put
# there) are no headline a reader takes a name or a figure from.
HEADLINE_CHARS = 300
# A person's age set off after the name ("Rice, 56, was passed over"): a description, no claim.
_AGE = re.compile(r", \d{1,3},")
# "One department of the agency", "only one aspect of the effort": "one" written as a word is
# mostly a determiner, and a count of one is no figure a reader checks.
_ONE = re.compile(r"(?i)one\b")


def new_material(analysis: Analysis) -> Novelty:
    """Which content stems, names and figures each report alone gives."""
    stems_of: dict[str, set[str]] = defaultdict(set)
    figures_of: dict[str, list[Quantity]] = defaultdict(list)
    for item in analysis.sentences:
        stems_of[item.document].update(item.terms)
        figures_of[item.document].extend(item.quantities)
    for document in analysis.documents:
        # "(R-Ky.)" gives "Kentucky Republican": another report's words for the same person.
        stems_of[document.id].update(content_terms(" ".join(party_label_words(document.text))))
    reports = Counter(stem for stems in stems_of.values() for stem in stems)
    # A name of several words is one wherever it stands; a lone capital opening a sentence only
    # when written so elsewhere too.
    names = names_inside_sentences(analysis) | {
        mention.canonical
        for item in analysis.sentences
        for mention in item.entities
        if " " in mention.text
    }
    named_in = {
        entity.canonical: len(entity.documents)
        for entity in analysis.entities
        if entity.canonical in names
    }
    titles = {
        document.id: (document.title or "")[:HEADLINE_CHARS] for document in analysis.documents
    }
    return Novelty(reports, figures_of, named_in, len(analysis.documents), titles)


class Novelty:
    """How much of a sentence no other report says: the IDF-weighted share of its content stems
    only its report uses, and whether it brings a figure or a name of its own."""

    def __init__(
        self,
        reports: Counter[str],
        figures_of: dict[str, list[Quantity]],
        named_in: dict[str, int],
        total: int,
        titles: dict[str, str],
    ):
        self.reports, self.named_in, self.total = reports, named_in, total
        self.titles = titles
        # a report's figures, its headline's too: a reader of that report has them
        self.figures_of = {
            document: [*figures_of.get(document, []), *find_quantities(title)]
            for document, title in titles.items()
        }

    def _in_another_title(self, document: str, words: str) -> bool:
        """Another report's headline gives `words` ("Arizona", "At Least 50 Dead"): a reader
        of that report has them too."""
        pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)", re.I)
        return any(
            pattern.search(title) for other, title in self.titles.items() if other != document
        )

    def _given_elsewhere(self, document: str, quantity: Quantity) -> bool:
        """Another report, in its text or its headline, gives the figure, in any unit or wording
        that is the same figure ("3 km" / "nearly two miles")."""
        return any(
            _same_figure(quantity, theirs)
            for other, figures in self.figures_of.items()
            if other != document
            for theirs in figures
        )

    def share(self, terms: list[str]) -> float:
        # A fixed order: float sums, and so ties between candidates, do not vary by run.
        weights = {t: math.log(1 + self.total / self.reports[t]) for t in sorted(set(terms))}
        total = sum(weights.values())
        new = sum(w for t, w in weights.items() if self.reports[t] <= 1)
        return new / total if total else 0.0

    def substance(self, item: SentenceAnalysis, sentence: Sentence) -> list[str]:
        """The figures and names only this report gives, as written: what makes a claim
        substantive rather than colour."""
        aside = _asides(sentence)
        figures = [
            _whole_word(sentence, q.start, q.end)
            for q in item.quantities
            if not self._given_elsewhere(item.document, q)
            and not _AGE.match(sentence.text, q.start - sentence.start - 2)
            and not in_spans(q.start - sentence.start, aside)
            and not (q.normalized == 1 and _ONE.match(q.text))
        ]
        # An ordinal is a figure too ("the 20th person to die"), though it counts nothing.
        figures += [
            match.group()
            for match in _ORDINAL.finditer(sentence.text)
            if self.reports[match.group(1)] <= 1 and not in_spans(match.start(), aside)
        ]
        # A name another report uses in another form ("Trump" for "Donald Trump") is not its
        # own.
        names = [
            mention.text
            for mention in item.entities
            if self.named_in.get(mention.canonical) == 1
            and any(self.reports[term] <= 1 for term in content_terms(mention.text))
            and not _only_where(sentence, mention.start, mention.end)
            and not in_spans(mention.start - sentence.start, aside)
            and not self._in_another_title(item.document, mention.text)
        ]
        return list(dict.fromkeys(figures + names))


def _same_figure(a: Quantity, b: Quantity) -> bool:
    """One figure, however worded; a vague size ("tens of thousands") is no figure another
    one gives unless it is written the same."""
    if a.base_unit != b.base_unit or a.normalized == b.normalized:
        return a.base_unit == b.base_unit
    return not (is_vague(a) or is_vague(b)) and same_figure(a, b)


# A preposition of place right before a name, an article and one word allowed between ("in the
# Oval Office", "at a Grafton clinic"), or the second place of "between X and Y" or of places
# joined after one ("in Virginia and Oregon"). "On" and "from" are left out: "on Fox News", "a
# letter from Senate Democrats" name a source.
_PLACE_PREPOSITION = r"(?i:in|at|inside|outside|near|across|around|along|between)"
_PLACE_BEFORE = re.compile(
    rf"\b(?:{_PLACE_PREPOSITION}|(?<=between )[^,.;]{{1,60}} and|"
    rf"{_PLACE_PREPOSITION}\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+(?:and|or))"
    r"\s+(?i:the\s+)?(?:[\w’'-]+\s+)?$"
)

# What follows a place named at the head of its phrase: punctuation, the end, a conjunction, a
# preposition, a time word or another name; a lower-case noun after it makes it a modifier ("in
# the Russia probe" is about the probe).
_PHRASE_ENDS = re.compile(
    r"\s*(?:[,.;:)!?—–]|$|[A-Z]|(?:and|or|but|on|at|in|to|for|from|with|after|before|as|when|"
    r"where|while|following|amid|last|this|next|early|late|earlier|later)\b)"
)


def _only_where(sentence: Sentence, start: int, end: int) -> bool:
    """The name only says where something happened ("informed him in the Oval Office", "a bomb
    exploded between Times Square and the Port Authority"): a setting, not a claim of its own."""
    offset = sentence.start
    return bool(
        _PLACE_BEFORE.search(sentence.text, 0, start - offset)
        and _PHRASE_ENDS.match(sentence.text, end - offset)
    )


# A clause of time: "after", "since", "before" or "until" with a verb of its own, to the next
# break ("just weeks after President Jovenel Moïse was killed in his bedroom", "since Pat Buchanan
# ran against George H.W. Bush"). Not after "come" ("The comments came after the president spent
# ..."), whose clause of time is what the sentence tells.
_TIME_CLAUSE = re.compile(r"\b(?:after|since|before|until)\b[^,;:—–()]*", re.I)
_COME_BEFORE = re.compile(r"\b(?:comes?|came|coming)(?:\s+[\w-]+){0,3}\s*$", re.I)
# Examples of a group the sentence names, to the next break: "pro-privacy groups such as the
# American Civil Liberties Union (ACLU)", "buildings including the Capitol".
_EXAMPLES = re.compile(r"\b(?:such as|including)\b[^;:—–]*", re.I)
_WORD = re.compile(r"[A-Za-z’']+")


def _asides(sentence: Sentence) -> list[tuple[int, int]]:
    """Where the sentence's names and figures are not its claim's (offsets in the sentence): in
    a clause of time they belong to the event the claim is timed against, in examples to the
    group the claim is about."""
    text = sentence.text
    return [
        match.span()
        for match in _TIME_CLAUSE.finditer(text)
        if _has_own_verb(match.group()) and not _COME_BEFORE.search(text, 0, match.start())
    ] + [match.span() for match in _EXAMPLES.finditer(text)]


def _has_own_verb(clause: str) -> bool:
    """A finite verb after the opening word, as far as word forms tell: an auxiliary or a past
    form ("was killed", "conceded", "ran"); "after 12 hours of questions" is a phrase, no
    clause."""
    return any(
        word.lower() in AUXILIARIES or (word.islower() and is_past_form(word))
        for word in _WORD.findall(clause)[1:]
    )


# The rest of a hyphenated word a figure opens ("23-year" + "-old").
_REST_OF_WORD = re.compile(r"(?:-[A-Za-z]+)+")


def _whole_word(sentence: Sentence, start: int, end: int) -> str:
    """The figure as the reader sees it in the sentence: "23-year-old", not "23-year"."""
    text, offset = sentence.text, sentence.start
    match = _REST_OF_WORD.match(text, end - offset)
    return text[start - offset : match.end() if match else end - offset]
