"""The faithfulness judge: is a written sentence supported by the reports, unsupported, or
contradicted by them?

It guards LLM-written summaries, scores faithfulness and citation precision in the evals, and is
the offline inconsistency detector measured on SummEdits (`evals/summedits.py`). No model: cheap,
deterministic word-level checks on top of the analyzers.

1. Alignment. The claim's content stems (irregular verb forms folded to their base: "got" is
   "get") are looked up in an inverted index of the source sentences; candidates are ranked by
   the stems they share, weighted by rarity (IDF over the sources), and up to three are picked
   greedily for the weight they add: the evidence. `score` is the share of the claim's weight
   they cover (a stem the sources never use weighs as much as the rarest). At least
   MIN_KNOWN_SHARE of the claim's content words must occur in the sources.
2. Numbers. Every quantity of the claim needs a source quantity whose interval overlaps (20 km =
   12 miles); a comparable one with another value in the evidence contradicts it. Other numbers
   ("since Jan. 19"), years, weekdays and months must occur in the sources.
3. Names. Every name in the claim must be in the sources: the same name after resolution
   (spellings, surnames, initialisms), another name of the same country ("U.K."/"British"), or
   each of its words, as written or as a word made from a source word ("Israeli" from
   "Israel"). A name between the same two words as a different name of the evidence ("Bank of
   China said" / "Bank of Japan said") contradicts.
4. Negation. A negation in the claim that no negation of the evidence shares words with, or a
   negation in the evidence whose negated words the claim asserts without one, contradicts.
5. Opposites. A claim word the evidence lacks, while the evidence has its antonym, its
   negating-prefix twin ("unknown"/"known") or another member of its closed class (another
   weekday, colour, ordinal...) in the same place, contradicts. "The same place" means the two
   words share a neighbouring content word, so "raised prices" does not clash with "profits
   dropped" in the same sentence.
6. Swapped nouns. A noun the sources never use, between the same words as a different noun of
   the evidence that WordNet does not relate to it (neither the same nor a kind of the other),
   contradicts: "a loss of navigation" where the source says "a loss of propulsion".

A claim is contradicted when any check finds a conflict, unsupported when one finds something
missing, and supported otherwise.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from summarize.analyze import analyze
from summarize.analyze.dates import MONTH_NAMES, WEEKDAYS
from summarize.analyze.entities import find_mentions, name_key, resolve_entities
from summarize.analyze.nouns import noun_senses
from summarize.analyze.quantities import comparable, find_quantities, overlaps
from summarize.analyze.terms import (
    STOPWORDS,
    content_terms,
    lexicon,
    stem,
    tokenize,
    word_set,
    word_tokens,
)
from summarize.ingest import document_from_text, split_sentences
from summarize.models import Analysis, Quantity, SentenceRef, SupportVerdict

# At least this share of the claim's content words must occur in the sources it is judged
# against. Chosen on the dev half of SummEdits (evals/summedits.py): the highest value that costs
# nothing there, since paraphrases of supported sentences bring in many words of their own.
MIN_KNOWN_SHARE = 0.5
MAX_EVIDENCE = 3
# A further source sentence joins the evidence only when it adds this share of the claim's weight.
MIN_GAIN = 0.15
CANDIDATES = 10
CONTEXT_WINDOW = 3
# Two negations whose words within this many tokens overlap negate the same thing, however
# differently worded ("did not get the balance right" / "failed to strike the right balance").
NEGATION_REACH = 6

Label = Literal["supported", "unsupported", "contradicted"]

# ---------------------------------------------------------------- lexicons (generic English)

NEGATIONS = word_set(
    """not no never without none nobody nothing neither nor cannot nowhere
    dont doesnt didnt isnt arent wasnt werent hasnt havent hadnt wont wouldnt cant couldnt
    shouldnt aint"""
)
# "failed to win" and "unable to win" negate "win" as much as "did not win" does.
NEGATING_VERBS = word_set("fail fails failed failing refuse refuses refused refusing unable")

# Pairs of opposites, "a b" separated by "|".
ANTONYMS = """
new old|young old|modern ancient|high low|higher lower|highest lowest|large small|larger smaller|
largest smallest|big small|bigger smaller|huge tiny|long short|longer shorter|wide narrow|
deep shallow|thick thin|heavy light|fast slow|faster slower|quick slow|rapid slow|early late|
earlier later|earliest latest|first last|initial final|strong weak|stronger weaker|rich poor|
wealthy poor|cheap expensive|easy difficult|easy hard|hot cold|warm cool|bright dark|loud quiet|
safe dangerous|healthy sick|alive dead|guilty innocent|public private|publicly privately|
secret public|secretly publicly|secretly openly|true false|right wrong|real fake|genuine fake|
positive negative|good bad|better worse|best worst|happy sad|optimistic pessimistic|
friendly hostile|friend enemy|ally enemy|peace war|peaceful violent|present absent|full empty|
same different|similar different|simple complex|specific general|common rare|frequent rare|
often rarely|always never|all none|everyone nobody|everything nothing|many few|more less|
more fewer|most least|much little|maximum minimum|majority minority|major minor|
primary secondary|temporary permanent|voluntary mandatory|voluntary compulsory|
optional mandatory|optional required|formal informal|strict lenient|profit loss|surplus deficit|
surplus shortage|abundant scarce|domestic foreign|internal external|urban rural|indoor outdoor|
inside outside|interior exterior|inner outer|upper lower|top bottom|forward backward|
ahead behind|gain loss|upward downward|above below|before after|past future|previous next|near far|
nearby distant|close distant|together apart|buy sell|bought sold|buyer seller|import export|
lend borrow|send receive|give take|push pull|enter exit|arrive depart|arrival departure|
join leave|hire fire|attack defend|arrest release|convict acquit|conviction acquittal|
support oppose|supporter opponent|confirm deny|admit deny|remember forget|find lose|
keep remove|keep delete|save spend|include exclude|inclusion exclusion|open close|open shut|
start end|start stop|start finish|begin end|begin finish|launch cancel|continue stop|
continue halt|resume suspend|reveal conceal|reveal hide|show hide|praise criticize|
praise condemn|praise blame|love hate|trust suspect|build destroy|create destroy|
repair damage|help hurt|help harm|benefit harm|protect endanger|survive die|live die|
unite divide|cooperate compete|advance retreat|lead trail|overestimate underestimate|
struggle thrive|male female|man woman|men women|boy girl|son daughter|father mother|
brother sister|husband wife|king queen|child adult|junior senior|amateur professional|
north south|east west|northern southern|eastern western|day night|summer winter|
spring autumn|wet dry|clean dirty
"""
# Groups of words that all oppose every word of the other group.
OPPOSED_GROUPS = (
    (
        "increase rise rose risen grow grew grown climb jump surge soar gain boost raise expand "
        "rally swell accelerate improve strengthen",
        "decrease fall fell fallen drop decline shrink shrank plunge plummet tumble slump sink "
        "slide dip reduce cut lower lose lost contract slow worsen weaken",
    ),
    (
        "allow permit legalize authorize approve accept welcome enable",
        "ban forbid prohibit outlaw bar block reject refuse prevent veto",
    ),
    ("win won victory triumph succeed success", "lose lost defeat loss fail failure"),
    (
        "help aid assist support promote encourage boost spur stimulate foster ease",
        "hinder hamper impede obstruct curb stifle discourage slow hurt harm",
    ),
    ("reveal unveil disclose show expose publish", "hide conceal withhold suppress"),
)
# Members of one class exclude each other in the same slot ("on Tuesday" / "on Wednesday").
CLOSED_CLASSES = (
    "red orange yellow green blue purple pink brown black white grey gray silver gold violet",
    "first second third fourth fifth sixth seventh eighth ninth tenth last",
    "north south east west northern southern eastern western northeast northwest southeast "
    "southwest",
    "monday tuesday wednesday thursday friday saturday sunday",
    "january february march april may june july august september october november december",
    "morning afternoon evening night",
    "spring summer autumn winter",
    "small medium large",
    "hundred thousand million billion trillion hundreds thousands millions billions trillions",
)
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")

# A number standing alone; one joined to a word by a hyphen names something ("COVID-19").
_NUMBER = re.compile(r"(?<![\w.,-])\d+(?:[.,]\d+)*(?![\w.,-]?\w)")
_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTH_NAMES)
_YEAR = re.compile(r"(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![\d.,]|\w)")


@cache
def _base_forms() -> dict[str, str]:
    """Stem of an irregular verb form -> stem of its base form ("got" -> "get")."""
    bases = {}
    for line in lexicon("irregular_verbs.txt"):
        base, *forms = line.split()
        bases |= {stem(form): stem(base) for form in forms}
    return bases


def _term(word_stem: str) -> str:
    """A stem with irregular verb forms folded to their base, so "got" meets "get"."""
    return _base_forms().get(word_stem, word_stem)


def _terms(text: str) -> frozenset[str]:
    return frozenset(_term(term) for term in content_terms(text))


@cache
def _opposites() -> dict[str, frozenset[str]]:
    """stem -> stems of its opposites, from ANTONYMS and OPPOSED_GROUPS."""
    pairs = [pair.split() for pair in ANTONYMS.replace("\n", "").split("|") if pair.strip()]
    for one, other in OPPOSED_GROUPS:
        pairs += [[a, b] for a in one.split() for b in other.split()]
    opposites: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        opposites[_term(stem(a))].add(_term(stem(b)))
        opposites[_term(stem(b))].add(_term(stem(a)))
    return {word: frozenset(found) for word, found in opposites.items()}


@cache
def _classes() -> dict[str, frozenset[int]]:
    """stem -> the closed classes it belongs to."""
    classes: dict[str, set[int]] = defaultdict(set)
    for number, members in enumerate(CLOSED_CLASSES):
        for word in members.split():
            classes[stem(word)].add(number)
    return {word: frozenset(found) for word, found in classes.items()}


@cache
def _lexicon_words() -> frozenset[str]:
    """Stopwords that still carry meaning for the opposites check (more/less, before/after)."""
    return frozenset(w for w in STOPWORDS if stem(w) in _opposites() or stem(w) in _classes())


# ---------------------------------------------------------------- words of one sentence


@dataclass(frozen=True)
class _Negation:
    words: frozenset[str]  # the first two content words it applies to
    scope: frozenset[str]  # the content words around it, to tell whether two negate one thing


@dataclass(frozen=True)
class _Wording:
    """What the negation, opposites, names and nouns checks need of one sentence."""

    stems: frozenset[str]
    neighbours: dict[str, frozenset[str]]  # stem -> stems within CONTEXT_WINDOW of it
    negated: tuple[_Negation, ...]
    surfaces: dict[str, str]  # stem -> the word as written, for the reasons
    # stem -> the content words before and after it, and the words right before and after it
    slots: dict[str, frozenset[tuple[str, str, str, str]]]
    title_case: bool  # a headline: capitals do not mark names
    # stem of a word of a name inside the sentence -> the content words before and after the name
    names: dict[str, frozenset[tuple[str, str]]]


@lru_cache(maxsize=50_000)
def _wording(text: str) -> _Wording:
    written = [t.text.replace("'", "").replace("’", "") for t in word_tokens(text)]
    written = [word for word in written if word[:1].isalnum()]
    tokens = [word.lower() for word in written]
    sequence: list[str] = []
    capitalised: list[int] = []  # token index of each capitalised word of `sequence`, else -1
    positions: list[int] = []  # token index of each word of `sequence`
    negated: list[_Negation] = []
    surfaces: dict[str, str] = {}
    keep = _lexicon_words()
    for index, token in enumerate(tokens):
        is_negation = token in NEGATIONS or (
            token in NEGATING_VERBS and tokens[index + 1 : index + 2] == ["to"]
        )
        if is_negation:
            negated.append(_negation(tokens, index))
        elif token not in STOPWORDS or token in keep:
            for part in _parts(written[index]):
                sequence.append(_term(stem(part.lower())))
                surfaces.setdefault(sequence[-1], part)
                is_name = part[0].isupper() and not _is_acronym(part) and token not in _CALENDAR
                capitalised.append(index if is_name else -1)
                positions.append(index)
    title_case = _is_title_case(written)
    neighbours: dict[str, set[str]] = defaultdict(set)
    slots: dict[str, set[tuple[str, str, str, str]]] = defaultdict(set)
    padded = ["", *sequence, ""]
    for index, word in enumerate(sequence):
        window = sequence[max(0, index - CONTEXT_WINDOW) : index + CONTEXT_WINDOW + 1]
        neighbours[word].update(w for w in window if w != word)
        at = positions[index]
        before, after = tokens[at - 1] if at else "", tokens[at + 1 : at + 2] or [""]
        slots[word].add((padded[index], before, after[0], padded[index + 2]))
    return _Wording(
        stems=frozenset(sequence),
        neighbours={word: frozenset(found) for word, found in neighbours.items()},
        negated=tuple(negated),
        surfaces=surfaces,
        slots={word: frozenset(found) for word, found in slots.items()},
        title_case=title_case,
        names={} if title_case else _name_places(sequence, capitalised),
    )


def _negation(tokens: list[str], index: int) -> _Negation:
    """The negation at tokens[index]."""
    scope = _content_stems(tokens[max(0, index - 2) : index + 1 + NEGATION_REACH])
    words = _content_stems(tokens[index + 1 : index + 6])[:2]
    return _Negation(frozenset(words), frozenset(scope))


def _is_acronym(word: str) -> bool:
    """ "NATO", "U.N.", "NCAAs" (the possessive's apostrophe is gone by then)."""
    return word.removesuffix("s").replace(".", "").isupper()


def _is_title_case(written: list[str]) -> bool:
    """A headline ("Intel Chief Surprised By Putin Invite"), where capitals do not mark names."""
    words = [word for word in written if word[:1].isalpha() and word.lower() not in STOPWORDS]
    return len(words) > 2 and sum(word[0].isupper() for word in words) > 0.6 * len(words)


def _name_places(
    sequence: list[str], capitalised: list[int]
) -> dict[str, frozenset[tuple[str, str]]]:
    """Each word of a run of capitalised words with the content words around the run. A run
    opening the sentence is left out: its first word may be capitalised only for being first."""
    places: dict[str, set[tuple[str, str]]] = defaultdict(set)
    start = 0
    while start < len(sequence):
        end = start
        if capitalised[start] >= 0:
            while end + 1 < len(sequence) and capitalised[end + 1] == capitalised[end] + 1:
                end += 1
            if capitalised[start] > 0:
                before = sequence[start - 1] if start else ""
                after = sequence[end + 1] if end + 1 < len(sequence) else ""
                for word in sequence[start : end + 1]:
                    places[word].add((before, after))
        start = end + 1
    return {word: frozenset(found) for word, found in places.items()}


def _parts(token: str) -> list[str]:
    """The words of a hyphenated compound; "non-specific" stays one negated word."""
    parts = [part for part in token.split("-") if part]
    if len(parts) > 1 and parts[0].lower() in NEGATING_PREFIXES:
        parts[:2] = [parts[0] + parts[1]]
    return parts


def _content_stems(tokens: Iterable[str]) -> list[str]:
    return [
        _term(stem(part))
        for token in tokens
        if token not in STOPWORDS and token not in NEGATIONS
        for part in _parts(token)
    ]


def _merge(wordings: Sequence[_Wording]) -> _Wording:
    neighbours: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[tuple[str, str]]] = defaultdict(set)
    slots: dict[str, set[tuple[str, str, str, str]]] = defaultdict(set)
    for wording in wordings:
        for word, found in wording.neighbours.items():
            neighbours[word] |= found
        for word, places in wording.slots.items():
            slots[word] |= places
        for word, places in wording.names.items():
            names[word] |= places
    return _Wording(
        stems=frozenset().union(*(w.stems for w in wordings)),
        neighbours={word: frozenset(found) for word, found in neighbours.items()},
        negated=tuple(n for w in wordings for n in w.negated),
        surfaces={k: v for w in reversed(wordings) for k, v in w.surfaces.items()},
        slots={word: frozenset(found) for word, found in slots.items()},
        title_case=any(w.title_case for w in wordings),
        names={word: frozenset(found) for word, found in names.items()},
    )


# ---------------------------------------------------------------- names


@dataclass(frozen=True)
class _Names:
    """The names and words of the sources, to tell whether a name in a claim occurs in them."""

    surfaces: tuple[str, ...]
    keys: frozenset[tuple[str, ...]]
    words: frozenset[str]
    common_words: frozenset[str]  # written in lower case somewhere: not only a name

    @classmethod
    def of(cls, texts: Sequence[str], surfaces: Iterable[str]) -> _Names:
        unique = tuple(dict.fromkeys(surfaces))
        keys = frozenset(name_key(surface) for surface in unique)
        words = {w for text in texts for w in tokenize(text)} | {w for key in keys for w in key}
        common = {t.text for text in texts for t in word_tokens(text) if t.text.islower()}
        return cls(unique, keys, frozenset(words), frozenset(common))

    def knows(self, name: str) -> bool:
        """The same name (after resolution: spellings, surnames, initialisms), or each of its
        words in the sources as written or as a word made from a source word ("Israeli" from
        "Israel"). Word by word because a run of capitals can join two names ("London Russian
        embassy")."""
        key = name_key(name)
        if self._knows_key(key) or any(self._knows_key(other) for other in _aliases().get(key, ())):
            return True
        for entity in resolve_entities([("source", s) for s in self.surfaces] + [("claim", name)]):
            if name in entity.variants:
                return any(self._stands_for(s, name) for s in entity.variants if s != name)
        return False

    def _knows_key(self, key: tuple[str, ...]) -> bool:
        return key in self.keys or all(self._knows_word(word) for word in key)

    def _stands_for(self, source: str, claim: str) -> bool:
        """A source name backs a claim name it resolves with, unless the claim's is longer and
        the source's is also a common word: "Trump" backs "Donald Trump", but "Cluster" (the
        sources also say "the cluster") does not back "Coma Cluster"."""
        shorter = len(name_key(source)) < len(name_key(claim))
        is_name = any(word not in self.common_words for word in tokenize(source))
        return not shorter or source.replace(".", "").isupper() or is_name

    def _knows_word(self, word: str) -> bool:
        return (
            word in self.words
            or any(_derived(word, known) for known in self.words)
            or any(all(w in self.words for w in other) for other in _aliases().get((word,), ()))
        )


@cache
def _aliases() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Name key -> keys of the other names of the same country ("U.K." -> "Britain")."""
    aliases: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    for line in lexicon("country_names.txt"):
        keys = [name_key(name) for name in line.split("|")]
        for key in keys:
            aliases[key] = tuple(other for other in keys if other != key)
    return aliases


def _derived(a: str, b: str) -> bool:
    """One word made from the other by a short ending: "israeli"/"israel", "chinese"/"china"."""
    shorter = min(len(a), len(b))
    if shorter < 4:
        return False
    shared = 0
    while shared < shorter and a[shared] == b[shared]:
        shared += 1
    return shared >= 4 and shared >= 0.75 * shorter and max(len(a), len(b)) - shared <= 3


def _claim_names(claim: str) -> list[str]:
    """Names in the claim. A single capitalised word opening it may be an ordinary word
    ("Shares fell"), so it counts only when it is an acronym."""
    first = re.search(r"\w", claim)
    opening = first.start() if first else 0
    return [
        mention.text
        for mention in find_mentions(claim)
        if mention.start != opening or " " in mention.text or mention.text.isupper()
    ]


# ---------------------------------------------------------------- nouns (WordNet)


def _unrelated_nouns(said: str, written: str) -> bool:
    """`written` is only ever a noun (a verb or adjective may be paraphrased more freely),
    `said` is a noun too, and neither is the other or a kind of it (up to HYPERNYM_LEVELS), nor
    a compound of it ("smartphones" / "phones")."""
    nouns = noun_senses()
    source_lemmas, claim_lemmas = nouns.lemmas(written), nouns.lemmas(said)
    if (
        not source_lemmas
        or not claim_lemmas
        or written.endswith(("ing", "ed"))
        or any(lemma in nouns.also_other for lemma in source_lemmas)
        or any(c.endswith(s) or s.endswith(c) for c in claim_lemmas for s in source_lemmas)
    ):
        return False
    claim_senses = nouns.senses_of(claim_lemmas)
    source_senses = nouns.senses_of(source_lemmas)
    return not (
        claim_senses & nouns.near(source_senses) or source_senses & nouns.near(claim_senses)
    )


# ---------------------------------------------------------------- the sources


@dataclass
class _Sources:
    """The source sentences one judgement may use, indexed for alignment."""

    refs: list[SentenceRef]
    texts: list[str]
    terms: list[frozenset[str]]
    quantities: list[list[Quantity]]
    postings: dict[str, list[int]]
    frequency: Counter[str]
    names: _Names
    years: frozenset[str]
    calendar_names: frozenset[str]
    negations: frozenset[frozenset[str]]  # the words each negation in the sources applies to

    @classmethod
    def of(cls, analysis: Analysis, documents: Sequence[str] | None) -> _Sources:
        wanted = set(documents) if documents is not None else None
        items = [s for s in analysis.sentences if wanted is None or s.document in wanted]
        texts = [analysis.sentence(item).text for item in items]
        # A report's date backs "On December 3" as much as its text does.
        published = [
            d.published
            for d in analysis.documents
            if d.published and (wanted is None or d.id in wanted)
        ]
        terms = [frozenset(_term(term) for term in item.terms) for item in items]
        postings: dict[str, list[int]] = defaultdict(list)
        for index, found in enumerate(terms):
            for term in found:
                postings[term].append(index)
        return cls(
            refs=[SentenceRef(document=s.document, sentence=s.sentence) for s in items],
            texts=texts,
            terms=terms,
            quantities=[item.quantities for item in items],
            postings=postings,
            frequency=Counter(term for found in terms for term in found),
            names=_Names.of(texts, (m.text for item in items for m in item.entities)),
            years=frozenset(year for text in texts for year in _YEAR.findall(text))
            | {str(day.year) for day in published},
            calendar_names=frozenset().union(*(_calendar_names(text) for text in texts))
            | {f"{day:%B}" for day in published}
            | {f"{day:%A}" for day in published},
            negations=frozenset(n.words for text in texts for n in _wording(text).negated),
        )

    def weight(self, term: str) -> float:
        """IDF over the source sentences; an unseen term weighs as much as the rarest."""
        return math.log((len(self.texts) + 1) / (max(self.frequency.get(term, 0), 1) + 0.5))

    def align(self, terms: frozenset[str]) -> tuple[list[int], float]:
        """Up to MAX_EVIDENCE sentences covering the claim's weight best, and the share covered."""
        ordered = sorted(terms)  # a fixed order: float sums, and so ties, do not vary by run
        weights = {term: self.weight(term) for term in ordered}
        total = sum(weights.values())
        if not total:
            return [], 0.0
        shared: dict[int, float] = defaultdict(float)
        for term in ordered:
            for index in self.postings.get(term, ()):
                shared[index] += weights[term]
        candidates = sorted(shared, key=lambda index: (-shared[index], index))[:CANDIDATES]
        chosen: list[int] = []
        covered: set[str] = set()
        while len(chosen) < MAX_EVIDENCE:
            gains = [
                (sum(weights[t] for t in ordered if t in self.terms[i] and t not in covered), -i)
                for i in candidates
                if i not in chosen
            ]
            gain, best = max(gains, default=(0.0, 0))
            if gain <= 0 or (chosen and gain < MIN_GAIN * total):
                break
            chosen.append(-best)
            covered |= terms & self.terms[-best]
        return chosen, sum(weights[t] for t in ordered if t in covered) / total


_cached: tuple[Analysis, dict[tuple[str, ...] | None, _Sources]] | None = None


def _sources(analysis: Analysis, documents: Sequence[str] | None) -> _Sources:
    """The index for (analysis, documents), kept while the same analysis is being judged."""
    global _cached
    if _cached is None or _cached[0] is not analysis:
        _cached = (analysis, {})
    key = tuple(sorted(set(documents))) if documents is not None else None
    if key not in _cached[1]:
        _cached[1][key] = _Sources.of(analysis, documents)
    return _cached[1][key]


# ---------------------------------------------------------------- the checks


@dataclass(frozen=True)
class _Problem:
    label: Label
    reason: str


def _check_quantities(claim: str, sources: _Sources, aligned: list[int]) -> list[_Problem]:
    """Values must match; what is counted may be worded differently ("seven people" is backed
    by "killed seven"), so matching looks at the value and its dimension only."""
    problems = []
    nearby = [q for i in aligned for q in sources.quantities[i]]
    everywhere = [q for found in sources.quantities for q in found]
    claimed = find_quantities(claim)
    for quantity in claimed:
        if any(overlaps(quantity, q) for q in nearby):
            continue
        rivals = [
            q
            for q in nearby
            if comparable(quantity, q) and not any(overlaps(q, other) for other in claimed)
        ]
        if rivals:
            problems.append(
                _Problem(
                    "contradicted", f'"{quantity.text}" but the source says "{rivals[0].text}"'
                )
            )
        elif not any(overlaps(quantity, q) for q in everywhere):
            problems.append(_Problem("unsupported", f'"{quantity.text}" is not in the sources'))
    spans = [(q.start, q.end) for q in claimed]
    for number in _NUMBER.finditer(claim):
        inside = any(start <= number.start() < end for start, end in spans)
        written = number.group().replace(",", "")
        if not inside and not _YEAR.fullmatch(written) and written not in sources.frequency:
            problems.append(_Problem("unsupported", f'"{number.group()}" is not in the sources'))
    for year in _YEAR.findall(claim):
        if year not in sources.years:
            problems.append(_Problem("unsupported", f"the year {year} is not in the sources"))
    for day in _calendar_names(claim) - sources.calendar_names:
        problems.append(_Problem("unsupported", f'"{day}" is not in the sources'))
    return problems


def _calendar_names(text: str) -> frozenset[str]:
    """Weekdays and months named in `text`, capitalised as names are ("may" is a verb)."""
    return frozenset(
        token.text
        for token in word_tokens(text)
        if token.text[0].isupper() and token.text.lower() in _CALENDAR
    )


def _check_names(claim: str, sources: _Sources) -> list[_Problem]:
    return [
        _Problem("unsupported", f'"{name}" is not named in the sources')
        for name in dict.fromkeys(_claim_names(claim))
        if not sources.names.knows(name)
    ]


def _check_negation(claim: _Wording, evidence: _Wording, sources: _Sources) -> list[_Problem]:
    """A negation of the claim the evidence does not share, or one of the evidence the claim
    drops. Negations are matched by the words around them, so an unrelated "not" elsewhere in
    either sentence changes nothing."""
    for negation in claim.negated:
        if not negation.words or any(negation.scope & n.scope for n in evidence.negated):
            continue
        if negation.words in sources.negations:  # another source sentence says the same "not"
            continue
        if negation.words & evidence.stems:
            return [_Problem("contradicted", "the claim negates what the sources state")]
        if not evidence.negated:
            return [_Problem("unsupported", "the claim negates what the sources state")]
    for negation in evidence.negated:
        words = negation.words
        # Two negated words, so that "not yet approved" elsewhere does not clash with "approval".
        if (
            len(words) == 2
            and words <= claim.stems
            and not any(negation.scope & n.scope for n in claim.negated)
        ):
            written = " ".join(evidence.surfaces.get(word, word) for word in sorted(words))
            return [_Problem("contradicted", f'the sources negate "{written}"')]
    return []


def _check_opposites(claim: _Wording, source: _Wording) -> list[_Problem]:
    """Claim words the sources lack where the sources have an opposite in the same place."""
    problems = []
    classes = _classes()
    opposites = _opposites()
    for word in sorted(claim.stems - source.stems):
        for other in sorted(source.stems - claim.stems):
            same_place = (claim.neighbours.get(word, frozenset()) & source.neighbours[other]) - {
                word,
                other,
            }
            if not same_place or _agent_noun(claim.surfaces[word], word):
                continue
            said, written = claim.surfaces[word], source.surfaces[other]
            if (
                other in opposites.get(word, ())
                or _negating_twins(word, other)
                or _unfolded_twins(said.lower(), written.lower())
                or classes.get(word, frozenset()) & classes.get(other, frozenset())
                or _swapped_names(word, claim, other, source)
            ):
                problems.append(
                    _Problem("contradicted", f'"{said}" where the sources say "{written}"')
                )
    return problems


def _swapped_names(word: str, claim: _Wording, other: str, source: _Wording) -> bool:
    """Two different names between the same two words: "Bank of China said" where the source
    says "Bank of Japan said"."""
    if word not in claim.names or other not in source.names:
        return False
    if _derived(word, other) or _abbreviates(word, other) or _abbreviates(other, word):
        return False
    return bool(claim.names[word] & source.names[other])


def _abbreviates(short: str, long: str) -> bool:
    """ "fla" for "florida", "calif" for "california": same first letter, the rest in order."""
    if len(short) >= len(long) or short[:1] != long[:1]:
        return False
    rest = iter(long[1:])
    return all(letter in rest for letter in short[1:])


def _agent_noun(written: str, word_stem: str) -> bool:
    """ "publisher" is no "publish" to oppose "hide"; "lower" and "higher" keep their stems."""
    return written.lower().removesuffix("s") in {word_stem + "er", word_stem + "or"}


def _check_swapped_nouns(claim: _Wording, source: _Wording, sources: _Sources) -> list[_Problem]:
    """A noun the sources never use, between the same two words as a different noun of the
    evidence that it neither means nor names a kind of: "a loss of navigation" where the source
    says "a loss of propulsion". Paraphrases swap nouns too, but for ones WordNet relates
    ("street" for "road") or for verbs and adjectives, which are left alone."""
    problems: list[_Problem] = []
    if claim.title_case:
        return problems
    for word in sorted(claim.stems - source.stems):
        said = claim.surfaces[word].lower()
        if word in sources.frequency or said in STOPWORDS:
            continue
        for other in sorted(source.stems - claim.stems):
            places = claim.slots[word] & source.slots[other]
            if not any(place[0] and place[-1] for place in places):
                continue
            written = source.surfaces[other].lower()
            if _unrelated_nouns(said, written):
                problems.append(
                    _Problem("contradicted", f'"{said}" where the sources say "{written}"')
                )
    return problems


def _unfolded_twins(a: str, b: str) -> bool:
    """ "unknown"/"known" as written, since "known" is folded into "know"."""
    return a == "un" + b or b == "un" + a


def _negating_twins(a: str, b: str) -> bool:
    """ "unknown"/"known", "illegal"/"legal", "disagree"/"agree"."""
    short, long = sorted((a, b), key=len)
    return any(long == prefix + short for prefix in NEGATING_PREFIXES)


# ---------------------------------------------------------------- the judge


def judge_sentence(
    claim: str, analysis: Analysis, documents: Sequence[str] | None = None
) -> SupportVerdict:
    """Judge `claim` against the sentences of `analysis`, only those of `documents` when given."""
    sources = _sources(analysis, documents)
    terms = _terms(claim)
    aligned, coverage = sources.align(terms)
    evidence = [sources.refs[i] for i in aligned]
    if not aligned:
        return SupportVerdict(
            label="unsupported", score=0.0, reason="no source sentence shares its words"
        )
    wording = _wording(claim)
    source_wording = _merge([_wording(sources.texts[i]) for i in aligned])
    # The best sentence alone too: a swapped-in weekday or name draws in another sentence that
    # has it ("on Tuesday" where the best sentence says "on Wednesday").
    best = _wording(sources.texts[aligned[0]])
    problems = (
        _check_quantities(claim, sources, aligned)
        + _check_names(claim, sources)
        + _check_negation(wording, source_wording, sources)
        + _check_opposites(wording, source_wording)
        + (_check_opposites(wording, best) if len(aligned) > 1 else [])
        + _check_swapped_nouns(wording, source_wording, sources)
    )
    known = sum(term in sources.frequency for term in terms) / len(terms)
    if known < MIN_KNOWN_SHARE:
        problems.append(
            _Problem("unsupported", f"only {known:.0%} of its content words are in the sources")
        )
    score = round(coverage, 3)
    for label in ("contradicted", "unsupported"):
        found = list(dict.fromkeys(p.reason for p in problems if p.label == label))
        if found:
            return SupportVerdict(
                label=label, score=score, reason="; ".join(found), evidence=evidence
            )
    return SupportVerdict(
        label="supported",
        score=score,
        reason=f"{len(evidence)} source sentence(s) cover {coverage:.0%} of its content",
        evidence=evidence,
    )


def judge_summary(summary: str, source_text: str) -> list[SupportVerdict]:
    """Judge each sentence of `summary` against one source text (SummEdits-style pairs)."""
    analysis = _analysis_of_text(source_text)
    return [judge_sentence(s.text, analysis) for s in split_sentences(summary)]


@lru_cache(maxsize=64)
def _analysis_of_text(text: str) -> Analysis:
    return analyze([document_from_text(text, "source")])
