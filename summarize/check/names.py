"""Names: one entity written differently by different reports (`entity_variant`, always low).

A short form that is part of a longer one (Assad / Bashar Assad) is ordinary usage, not a
variant, and so are one name written with or without dots and spaces ("U.S." / "US", "U.S.
Capitol" / "US Capitol") and an initialism beside the name it abbreviates ("GM" / "General
Motors", "SANA" / "Syrian Arab News Agency", "FDA" / "US Food and Drug Administration"), and a
person's name with or without a title or a middle initial, or with the short given name ("Joe
Biden" / "Joseph R. Biden"): news introduces and uses these forms as a matter of style, and a
reader resolves them. What is reported is two or more spellings, each used by some report, that
differ in their letters (Lattakia / Latakia, Hay’at / Hayat; a straight and a curly apostrophe
are one) or words (Burma / Myanmar).
"""

from __future__ import annotations

import re
from itertools import combinations

from summarize.analyze.entities import initials, person_words
from summarize.analyze.nouns import is_a_kind_of_person, kind_of_either, names_a_person
from summarize.check.evidence import quote_span
from summarize.models import Analysis, Entity, EntityMention, Evidence, Finding
from summarize.text.tokens import STOPWORDS, is_acronym


def _is_short_form(variant: str, others: list[str]) -> bool:
    words = set(variant.lower().split())
    return any(words < set(other.lower().split()) for other in others)


def _person(name: str) -> list[str]:
    words = [w for w in re.sub(r"[.,]", " ", name.lower()).split() if len(w) > 1]
    return person_words(words)


def _same_person(a: list[str], b: list[str]) -> bool:
    """Given and family name alike, whatever title comes before ("Special Counsel Robert
    Mueller" / "Robert S. Mueller")."""
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 2 and longer[-len(shorter) :] == shorter


def _letters(name: str) -> str:
    """The name's letters and apostrophes, one apostrophe for both styles: "O'Connor" and
    "O’Connor" are one spelling."""
    return re.sub(r"[^\w']", "", name.lower().replace("’", "'"))


def _same_writing(a: str, b: str) -> bool:
    """One spelling with or without dots and spaces, one person's name with or without a title or
    a middle initial or with the short given name, or an initialism and what it stands for."""
    if _letters(a) == _letters(b) or _same_person(_person(a), _person(b)):
        return True
    short, long = sorted((a, b), key=len)
    if not is_acronym(short):
        return False
    # The initialism may leave out the words that place the name: "FDA" / "US Food and Drug
    # Administration".
    words = long.split()
    return any(
        _letters(short).upper() in initials(" ".join(words[start:]))
        for start in range(len(words) - 1)
    )


# A role set off after a name: ", a spokesman for the kidnappers", ", the province's governor".
# past an age set off after the name: "Rocio Menendez, 45, a seamstress"
_ROLE_AFTER = re.compile(
    r"(?:\s*,\s+\d{1,3})?\s*,\s+(?:a|an|the)\s+(?P<words>(?:[\w'’-]+\s+){0,3}[\w'’-]+)"
)
_ROLE_BEFORE_WORDS = 4


def _role_words(text: str, start: int, end: int) -> set[str]:
    """The nouns for a kind of person that say what the named one is: a title run before the
    name ("Deputy Interior Minister Ahmad al-Saidi", "district head Andi Rahmat": there a noun
    naming a person in any sense, as "head" does in one of its many, is the title) or an
    appositive after it ("Ahmed al-Saadi, a spokesman for the kidnappers"), up to the first word
    of another phrase."""
    before: list[str] = []
    for word in reversed(text[:start].split()[-_ROLE_BEFORE_WORDS:]):
        if not word.isalpha() or word.lower() in STOPWORDS:
            break  # "The star was Shahzeb Qureshi": no title
        before.append(word.lower())
    after: list[str] = []
    if appositive := _ROLE_AFTER.match(text, end):
        for word in appositive["words"].split():
            if word.lower() in STOPWORDS:
                break
            after.append(word.lower())
    return {word for word in before if names_a_person(word)} | {
        word for word in after if is_a_kind_of_person(word)
    }


def _roles(analysis: Analysis, entity: Entity) -> dict[str, set[str]]:
    """spelling -> the roles its mentions give the named one."""
    roles: dict[str, set[str]] = {}
    for sentence in analysis.sentences:
        for mention in sentence.entities:
            if mention.canonical == entity.canonical:
                start, end = mention.within(analysis.sentence(sentence))
                text = analysis.sentence(sentence).text
                roles.setdefault(mention.text, set()).update(_role_words(text, start, end))
    return roles


def _other_roles(a: set[str], b: set[str]) -> bool:
    """Both names come with what the person is, and no role of one is a role of the other or a
    kind of it: a minister and a kidnappers' spokesman with near names are two people."""
    return bool(a and b) and not any(x == y or kind_of_either(x, y) for x in a for y in b)


def _first_mentions(analysis: Analysis, entity: Entity) -> dict[str, tuple[str, EntityMention]]:
    """variant -> (document, mention) of its first use."""
    first: dict[str, tuple[str, EntityMention]] = {}
    for sentence in analysis.sentences:
        for mention in sentence.entities:
            if mention.canonical == entity.canonical and mention.text not in first:
                first[mention.text] = (sentence.document, mention)
    return first


def check_names(analysis: Analysis) -> list[Finding]:
    findings = []
    for entity in analysis.entities:
        if len(entity.documents) < 2:
            continue
        spellings = [v for v in entity.variants if not _is_short_form(v, entity.variants)]
        distinct: list[str] = []
        # Full spellings first: an initialism is "the same writing" as each of them, and taken
        # first it would hide that they differ ("BC" / "Ciampolini" / "Ciampollini").
        for spelling in sorted(spellings, key=len, reverse=True):
            if not any(_same_writing(spelling, kept) for kept in distinct):
                distinct.append(spelling)
        if len(distinct) < 2:
            continue
        roles = _roles(analysis, entity)  # read only for names written two ways
        if all(
            _other_roles(roles.get(a, set()), roles.get(b, set()))
            for a, b in combinations(distinct, 2)
        ):
            continue
        first = _first_mentions(analysis, entity)
        used = [(spelling, *first[spelling]) for spelling in spellings if spelling in first]
        if len({document for _, document, _ in used}) < 2:
            continue
        evidence: list[Evidence] = [
            quote_span(analysis, document, mention) for _, document, mention in used
        ]
        findings.append(
            Finding(
                kind="entity_variant",
                severity="low",
                documents=list(dict.fromkeys(document for _, document, _ in used)),
                evidence=evidence,
                explanation=(
                    "One entity, several spellings (not a disagreement): "
                    + "; ".join(f"“{spelling}” in {document}" for spelling, document, _ in used)
                    + "."
                ),
            )
        )
    return findings
