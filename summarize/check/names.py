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

from summarize.analyze.entities import initials, person_words
from summarize.check.evidence import quote_span
from summarize.models import Analysis, Entity, EntityMention, Evidence, Finding
from summarize.text.tokens import is_acronym


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
