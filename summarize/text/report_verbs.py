"""Reporting verbs: the verbs of the lexicon of Recasens et al. 2013 (lexicons/report_verbs.txt)
plus a few generic ones, every inflected form of each, and which of them report speech by
themselves."""

from __future__ import annotations

from functools import cache

from summarize.text.inflection import word_forms
from summarize.text.lexicons import lexicon, word_set

# Verbs that report speech by themselves; the other reporting verbs of the lexicon ("show",
# "find", "hope", "express") only count when "that", a colon or a quotation follows.
SPEECH_VERBS = word_set(
    """
    say tell report claim allege announce state add warn deny confirm insist declare note
    explain argue assert acknowledge admit maintain contend write reveal disclose stress
    emphasize reiterate repeat reply respond remark comment testify predict estimate accuse
    concede caution complain boast hint counter speculate recall observe mention vow pledge
    promise threaten urge tweet believe fear purport dispute
    """
)
_EXTRA_VERBS = word_set("tweet believe purport")
# Lemmas whose base and -s forms are also nouns ("the claims", "state media", "reports from"):
# those forms need "that", a colon or a quotation after them to count.
ALSO_NOUNS = word_set(
    """
    claim report state comment estimate counter note charge promise pledge vow fear tweet
    warn repeat reply respond remark
    """
)

# Reporting verbs that present what was said as true (factives, Hooper 1975): "Corvane confirmed
# that data was taken", "the company announced it had cut 300 jobs" report a fact, not only a
# statement.
FACTIVE_VERBS = word_set("confirm acknowledge admit reveal disclose announce")
# Verbs of the lexicon that in news say what something amounts to, not what someone says ("The
# new agreement means that ...").
_NOT_SPEECH = word_set("mean")


@cache
def _forms() -> dict[str, str]:
    """Every inflected form of a reporting verb -> its lemma (lexicon loaded on first use)."""
    forms: dict[str, str] = {}
    for lemma in (*lexicon("report_verbs.txt"), *sorted(_EXTRA_VERBS)):
        if " " in lemma or lemma in _NOT_SPEECH:
            continue
        for form in word_forms(lemma):
            if not form.endswith("ly"):
                forms.setdefault(form, lemma)
    return forms


def reporting_lemma(word: str) -> str | None:
    """The reporting verb `word` (lower case) is a form of: "said" -> "say"; None for others."""
    return _forms().get(word)


def is_speech_verb(word: str) -> bool:
    """A form of a verb that reports speech by itself ("said", "announced", "told")."""
    return _forms().get(word) in SPEECH_VERBS


def is_reporting_verb(word: str) -> bool:
    """A form of a reporting verb that is no noun as well: "says", "cites", "found", "shows";
    not "claims" or "reports"."""
    lemma = _forms().get(word)
    return lemma is not None and not (
        lemma in ALSO_NOUNS and word in {lemma, lemma + "s", lemma + "es"}
    )


def takes_a_hearer(word: str) -> bool:
    """A form of "tell": what follows it is who heard it ("told Fox News"), never who spoke."""
    return _forms().get(word) == "tell"


def presents_as_true(cue: str) -> bool:
    """The cue ("confirmed", "announced on Monday") is a factive reporting verb: what it
    reports, the report presents as true."""
    words = cue.lower().split()
    return bool(words) and _forms().get(words[0]) in FACTIVE_VERBS
