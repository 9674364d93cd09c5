"""Where another report tells the same claim, and whether it tells it plainly.

The same claim in another report is its most similar sentence there (at least
WORDING_SIMILARITY, sharing at least SHARED_TELLING_TERMS content words; neighbours from
alignment's candidates, never all pairs); for a loaded word, a sentence mostly in quotation
marks is the speaker's telling, passed over for the report's own. A telling is plain when it is
in the report's own words (not mostly a quotation), without charged words of its own, and
without the compared words in any form, in it or anywhere in its report's own voice; for a word
that disputes the claim ("falsely", "debunked"), a telling that doubts it too ("unsubstantiated
claims") is not plain. Each word is judged apart: a word both tellings use is no difference,
the others still are. Where a plain telling puts its own words in the loaded word's place
(before the same noun, after the same word), `counterpart` finds them; `used_elsewhere` names
the other reports that use the words in their own voice too, and `told_without` says how the
other reports tell the claim without the framing. The speaker helpers say whether two sentences
report the same statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarize.align import Similarities
from summarize.analyze.doubt import casts_doubt, disputes
from summarize.analyze.framing import charged_in_own_voice
from summarize.check.evidence import report_name
from summarize.models import (
    Analysis,
    SentenceAnalysis,
    SentenceRef,
    Span,
)
from summarize.text.calendar import CALENDAR_NAMES
from summarize.text.lexicons import word_set
from summarize.text.quotes import mostly_quoted, unquoted
from summarize.text.tokens import STOPWORDS, Token, content_terms, stem, word_tokens

# Another report's most similar sentence tells the same claim when at least this similar
# (reports of one event word their leads differently: whole leads often score 0.05 to 0.1);
# words shared around the word that matters count LOCAL_WEIGHT each.
WORDING_SIMILARITY = 0.05
LOCAL_WEIGHT = 0.1
AROUND_WORDS = 6
MIN_TELLING_TERMS = 4
# Two sentences tell the same claim only when they share at least this many content words: one
# shared word ("suggest", "coronavirus") is a shared topic, not a shared fact.
SHARED_TELLING_TERMS = 2
# A telling at least this similar is close; below it, readers judged half of the findings false
# (the "plain" sentence was about another fact), so a finding resting on it is low.
CLOSE_TELLING = 0.1
# What a finding resting on a telling below CLOSE_TELLING says of it, so a reader checks it first.
LOOSELY = "only loosely similar, perhaps about another fact"
# Quotes of the other side shown for a framing finding; the finding still names every report.
MAX_COUNTER_QUOTES = 3
# A word with its inner hyphens and apostrophes ("anti-rioting", "Trump's").
_WORDS = re.compile(r"[\w'’-]+")


class Tellings:
    """Where another report tells the same claim: for a sentence, the most similar sentence of
    each other report (at least WORDING_SIMILARITY), most similar first."""

    def __init__(self, analysis: Analysis, similarities: Similarities) -> None:
        self.analysis = analysis
        self.similarities = similarities
        self.index_of = {(s.document, s.sentence): i for i, s in enumerate(analysis.sentences)}
        self._voices: dict[str, dict[str, tuple[int, str, bool]]] = {}

    def of(self, ref: SentenceRef, near: Span | None = None) -> list[SentenceRef]:
        """The telling in each other report, most similar first. With `near` (the words that
        matter, such as a loaded word), sentences sharing the words around it score higher:
        "penalties for crimes during riots" is told by "penalties for ... during protests"; and
        a sentence mostly in quotation marks is passed over for the report's own telling."""
        index = self.index_of[(ref.document, ref.sentence)]
        local = self.around(ref, near) if near is not None else frozenset()
        terms = set(self.analysis.sentences[index].terms)
        best: dict[str, tuple[float, SentenceRef]] = {}
        for score, other in self.similarities.near(index):
            item = self.analysis.sentences[other]
            if len(item.terms) < MIN_TELLING_TERMS or score < WORDING_SIMILARITY:
                continue  # a cut-off fragment ("But Gov.") tells nothing
            if len(terms & set(item.terms)) < SHARED_TELLING_TERMS:
                continue  # a shared topic word, not the same fact
            telling = SentenceRef(document=item.document, sentence=item.sentence)
            if near is not None and mostly_quoted(self.analysis.sentence(telling).text):
                continue  # the speaker's telling: the report's own is the one to compare
            shared = len(local & set(item.terms))
            ranked = score + LOCAL_WEIGHT * shared
            if item.document not in best or ranked > best[item.document][0]:
                best[item.document] = (ranked, telling)
        return [telling for _, telling in sorted(best.values(), key=lambda b: -b[0])]

    def voice(self, document: str) -> dict[str, tuple[int, str, bool]]:
        """Every word family the report uses in its own voice, its headline too (quotations
        aside): where it first does, the word as written, and whether in the headline. Read
        once per report: every loaded word of the story asks about every report."""
        if document not in self._voices:
            found = self.analysis.document(document)
            used: dict[str, tuple[int, str, bool]] = {}
            texts = ((found.title or "", True), (found.text, False))
            words = ((w, head) for text, head in texts for w in _WORDS.findall(unquoted(text)))
            for position, (word, in_headline) in enumerate(words):
                for family in _families({word, *word.split("-")}):
                    used.setdefault(family, (position, word, in_headline))
            self._voices[document] = used
        return self._voices[document]

    def close(self, ref: SentenceRef, others: Iterable[SentenceRef]) -> bool:
        """One of the other tellings is close (CLOSE_TELLING): a finding resting only on loosely
        similar ones is low, for such a telling is often about another fact."""
        return max(self.similarity(ref, o) for o in others) >= CLOSE_TELLING

    def similarity(self, a: SentenceRef, b: SentenceRef) -> float:
        index = self.index_of
        return self.similarities.similarity(
            index[(a.document, a.sentence)], index[(b.document, b.sentence)]
        )

    def around(self, ref: SentenceRef, span: Span) -> frozenset[str]:
        """The content words (stems) within AROUND_WORDS of `span` in the sentence."""
        sentence = self.analysis.sentence(ref)
        start, end = span.within(sentence)
        left = sentence.text[:start].split()[-AROUND_WORDS:]
        right = sentence.text[end:].split()[:AROUND_WORDS]
        return frozenset(content_terms(" ".join(left + right)))


# Adverbs a verb takes after its object ("shipping the white supremacist back"): no noun that a
# loaded word before them describes.
_PARTICLES = word_set("back up down out off away")


def counterpart(text: str, start: int, end: int, other: str) -> str | None:
    """What another report's telling (`other`) says where `text` has a loaded word (at `start`
    to `end` in it): its word before the same next word ("far-right conspiracy theorist" ->
    "right-wing conspiracy", "North Korean dictator Kim Jong Un" -> "leader Kim Jong Un"), or
    after the same word before ("Trump spouted" -> "Trump told", "white supremacist" -> "White
    nationalist"). None when it has neither, or nothing in the word's place ("the council
    voted" for "the council shamelessly voted"): it tells the claim in other words."""
    mine, theirs = word_tokens(text), word_tokens(other)
    inside = [i for i, token in enumerate(mine) if token.start < end and start < token.end]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    skip = {mine[i].text.lower() for i in inside}
    if first > 0 and _content(mine[first - 1].text):
        skip.add(mine[first - 1].text.lower())  # the word before: no replacement of it
    lower = [token.text.lower() for token in theirs]
    after = mine[last + 1].text if last + 1 < len(mine) else ""
    if _content(after) and after.lower() not in _PARTICLES and after.lower() in lower:
        at = lower.index(after.lower())
        if at > 0 and _in_place(theirs[at - 1].text, skip):
            return _through_name(other, theirs, at - 1, at)
        return None
    if first > 0 and _content(mine[first - 1].text):
        anchor = mine[first - 1].text.lower()
        for j, word in enumerate(lower[:-1]):
            if word == anchor and _in_place(theirs[j + 1].text, skip):
                return _through_name(other, theirs, j, j + 1)
    return None


def _content(word: str) -> bool:
    return word[:1].isalnum() and word.lower() not in STOPWORDS


def _in_place(word: str, skip: set[str]) -> bool:
    """A word that can stand in a loaded word's place: a content word in lower case (a
    modifier, a noun, a verb) or a number, none of `skip`; a capital starts a name, whose
    phrase is built otherwise ("the New York Times opinion section")."""
    return _content(word) and not word[:1].isupper() and word.lower() not in skip


def _through_name(text: str, tokens: list[Token], first: int, last: int) -> str:
    """`text` from token `first` to `last`, and on to the end of a name `last` is in ("Kim
    Jong" -> "Kim Jong Un")."""
    while (
        tokens[last].text[:1].isupper()
        and last + 1 < len(tokens)
        and tokens[last + 1].text[:1].isupper()
        and tokens[last + 1].text.lower() not in CALENDAR_NAMES  # "Roy Moore Monday"
    ):
        last += 1
    return text[tokens[first].start : tokens[last].end]


def plain_words(tellings: Tellings, ref: SentenceRef, words: set[str]) -> set[str]:
    """Which of the words the sentence tells plainly: it tells its claim in the report's own
    words (not mostly a quotation: that is the speaker's telling), without charged words of its
    own, and without the word in any form at all ("anti-rioting" uses "riot"); nor does its
    report use it in its own voice elsewhere, its headline too ("sparked controversy" shares
    "controversial"): a word both reports use is no difference in framing between them, though
    the others they do not share still are. Where a word disputes the claim ("falsely
    claimed"), a sentence that doubts it too ("repeating unsubstantiated claims") frames it
    alike."""
    analysis = tellings.analysis
    sentence = analysis.sentence(ref)
    if mostly_quoted(sentence.text):
        return set()
    if charged_in_own_voice(sentence.text, sentence.start, analysis.analysis_of(ref).loaded_terms):
        return set()
    used = _families_in(sentence.text) | tellings.voice(ref.document).keys()
    doubted = casts_doubt(sentence.text)
    return {
        word for word in words if not _families({word}) & used and not (doubted and disputes(word))
    }


def told_plainly(
    tellings: Tellings, others: Iterable[SentenceRef], terms: list[Span]
) -> tuple[list[SentenceRef], list[Span]]:
    """The tellings among `others` that tell some of the terms plainly (`plain_words`), and the
    terms some of them tell plainly."""
    words = {term.text.lower() for term in terms}
    told = [(o, plain_words(tellings, o, words)) for o in others]
    plain = [o for o, said in told if said]
    said_plainly = set[str]().union(*(said for _, said in told))
    return plain, [term for term in terms if term.text.lower() in said_plainly]


def own_use(tellings: Tellings, document: str, words: set[str]) -> tuple[str, bool] | None:
    """Where the report first uses one of `words` in any form in its own voice, as
    `plain_words` reads it (its headline first): the word as written, and whether it is in the
    headline."""
    voice = tellings.voice(document)
    found = [voice[family] for family in _families(words) if family in voice]
    if not found:
        return None
    _, word, in_headline = min(found)
    return word, in_headline


def used_elsewhere(
    tellings: Tellings, users: list[SentenceRef], plain: list[SentenceRef], words: Iterable[str]
) -> str:
    """The other reports that use the words in any form in their own voice too, so a reader
    sees how the reports divide ("[2] says “Riot” too, in its headline"): neither among the
    `users` of the words nor the `plain` tellings."""
    analysis = tellings.analysis
    taking_part = {ref.document for ref in [*users, *plain]}
    wanted = set(words)
    said = []
    for document in analysis.documents:
        used = None if document.id in taking_part else own_use(tellings, document.id, wanted)
        if used is not None:
            word, in_headline = used
            where = ", in its headline" if in_headline else ""
            said.append(f" {report_name(analysis, document.id)} says “{word}” too{where}.")
    return "".join(said)


def told_without(reports: str, count: int, close: bool, what: str, words: str) -> str:
    """How `count` other reports tell the claim or fact without the framing `words` ("it",
    "them"): the same one when their telling is close, else only their nearest sentences, which
    may tell another."""
    if close:
        return f"{reports} {'tells' if count == 1 else 'tell'} the same {what} without {words}"
    sentences, verb = ("sentence", "does") if count == 1 else ("sentences", "do")
    return f"the nearest {sentences} of {reports} ({LOOSELY}) {verb} without {words}"


def _families(words: set[str]) -> set[str]:
    """The stems of the words, and of an agent noun its verb: one family for "controversy" and
    "controversial", and for "riot" and "rioters"."""
    stems = {stem(word.lower()) for word in words}
    return stems | {s[:-2] for s in stems if s.endswith("er") and len(s) > 5}


def _families_in(text: str) -> set[str]:
    """The stems of every word of `text`, compounds whole and split ("anti-rioting":
    "anti-rioting", "anti", "riot"), so a loaded compound ("far-right") is found too."""
    words = _WORDS.findall(text)
    return _families({*words, *(part for word in words for part in word.split("-"))})


def sentence_text(analysis: Analysis, ref: SentenceRef) -> str:
    return analysis.sentence(ref).text


def speaker_words(item: SentenceAnalysis) -> tuple[set[str], set[str]]:
    """The names and the content words of who the sentence says is speaking."""
    sources = [a.source for a in item.attributions]
    names = {w.lower() for source in sources for w in source.split() if w[:1].isupper()}
    return names, {term for source in sources for term in content_terms(source)}


def names_speaker(text: str, speaker: tuple[set[str], set[str]]) -> bool:
    """The sentence names the speaker ("was slammed by immigrant advocates" names the
    advocates): one of its names, or, when it has none, one of its words."""
    names, words = speaker
    if names:
        written = {_bare(w) for w in text.split()}
        return bool({_bare(name) for name in names} & written)
    return bool(words & set(content_terms(text)))


def _bare(word: str) -> str:
    """A word without punctuation or a possessive: "Greene’s" -> "greene"."""
    word = word.strip('.,;:!?"“”‘’()').lower()
    return re.sub(r"['’]s$", "", word)


def same_speaker(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> bool:
    """The same statement has the same speaker: a shared name ("Syria said" / "Syria
    announced"), or two shared words when neither names one ("officials" alone is anyone)."""
    if a[0] and b[0]:
        return bool(a[0] & b[0])
    return len(a[1] & b[1]) >= 2
