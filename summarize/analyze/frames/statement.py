"""What kind of statement a figure is: actual, or expected, forecast, estimate, target by a cue
in its clause, expected under a modal of possibility (see the package docstring)."""

from __future__ import annotations

from summarize.analyze.frames.sentence import SOFT, Sentence
from summarize.models import Statement
from summarize.text.figures import (
    FALL_NOUNS,
    RISE_NOUNS,
    SETTING_VERBS,
    STATEMENT_CUES,
    change_verbs,
)
from summarize.text.lexicons import word_set
from summarize.text.report_verbs import is_speech_verb
from summarize.text.tokens import STOPWORDS

# Verbs of intent: "plans to raise admissions to 125,000" aims at a level not yet reached.
_INTENT_VERBS = word_set(
    """
    plan plans planned planning aim aims aimed aiming intend intends intended intending want
    wants wanted seek seeks sought seeking propose proposes proposed proposing vow vows vowed
    pledge pledges pledged promise promises promised
    """
)
_CUE_VERBS = word_set(
    "expect expected expects expecting forecast forecasts predicted predict projected"
)
# Modals of possibility: what "could", "may", "might", "would" or "is likely to" happen has not
# happened ("parts of the coast could see up to 15 inches" is no rainfall measured).
_POSSIBILITY = word_set("could may might would likely")
# After the figure, governing its own verb: not "would" (a plan told in reported speech).
_POSSIBILITY_AFTER = _POSSIBILITY - {"would", "likely"}
# Words opening a clause of their own between a modal and a figure: "could move forward after
# two Democrats said".
_SUBORDINATORS = word_set("after before when whenever because if unless since until that")
# Verbs whose object is the size of something: "expected to top $1 trillion", "to hit 3.6%",
# "expected to take five years".
_MEASURE_VERBS = word_set(
    """
    top tops reach reaches hit hits exceed exceeds total totals be come remain stay peak cost
    number amount run surpass near earn earns take takes last lasts fetch fetches sell sells
    """
)
# A target named right after its figure: "above the bank's 2% target", "its 2% goal".
_TARGET_NOUNS_AFTER = word_set("target targets goal goals")
_MAX_CUE_DISTANCE = 8
# A verb of intent reaches the level its verb sets across a long object: "is planning to
# increase the maximum number of refugees allowed into the United States next year to 125,000".
_MAX_INTENT_DISTANCE = 20
_MAX_CUE_AFTER = 4


def statement_of(sentence: Sentence, first: int, last: int) -> Statement:
    """The nearest cue in the figure's clause (see `_cue`), or one just after it ("the
    75,000 economists expected", a modal of possibility governing the figure's own verb:
    "aftershocks of up to magnitude 5.5 could occur"; not "would", which reports a plan in
    reported speech); "actual" otherwise."""
    clause = sentence.clause[first]
    if _put_at(sentence, first):
        return "estimate"
    index = first - 1
    while index >= 0 and first - index <= _MAX_INTENT_DISTANCE and sentence.clause[index] == clause:
        near = first - index <= _MAX_CUE_DISTANCE
        cue = _cue(sentence, index, first)
        if cue is not None and (near or sentence.lower[index] in _INTENT_VERBS):
            return cue
        if sentence.in_figure(index) and index < first - 1:
            break  # a cue before another figure is that figure's
        index -= 1
    for index in range(last, min(len(sentence.lower), last + _MAX_CUE_AFTER)):
        word = sentence.lower[index]
        if sentence.clause[index] != clause or sentence.lower[index - 1] == "than":
            break
        if word in ("expected", "forecast", "predicted", "projected", "estimated"):
            return STATEMENT_CUES.get(word, "estimate")  # type: ignore[return-value]
        if _possible_after(sentence, index):
            return "expected"  # "aftershocks of up to magnitude 5.5 could occur"
        if word in _TARGET_NOUNS_AFTER and index == last:
            return "target"  # "the bank's 2% target", "a 2 percent inflation goal"
    return "actual"


# "officials put the damage at about 1.2 million euros", "police put the crowd at 5,000": a
# verb of placing a figure gives an estimate.
_PLACING = word_set("put puts putting placed places placing pegged pegs")
_PUT_REACH = 6
_PARTICLES = word_set("into in on onto to out up off back through down over")


def _put_at(sentence: Sentence, first: int) -> bool:
    at = sentence.left(first, SOFT - {"at"})
    if at < 1 or sentence.lower[at] != "at":
        return False
    return any(
        sentence.lower[index] in _PLACING
        and sentence.clause[index] == sentence.clause[first]
        and not _PARTICLES & set(sentence.lower[index + 1 : at])  # "put into service at"
        for index in range(max(0, at - _PUT_REACH), at)
    )


def _possible_after(sentence: Sentence, index: int) -> bool:
    """A modal of possibility after the figure, governing its verb ("could occur", "may have
    died"); not "would" (a plan, in reported speech), nor a negated past ability ("two could
    not be found"), nor the month ("in May")."""
    word = sentence.lower[index]
    if word not in _POSSIBILITY_AFTER or not sentence.tokens[index].text.islower():
        return False
    return sentence.lower[index + 1 : index + 2] not in (["not"], ["n't"], ["never"])


def _possible(sentence: Sentence, index: int, first: int) -> bool:
    """The modal at `index` makes the figure a possibility: it governs the figure's verb (no
    comma or subordinating word between: "the firm, which could face fines, reported $5
    billion" reports a fact, as does "a deal could move forward after two Democrats said"),
    and the figure is no size of a thing named after it ("could introduce a $908 billion bill":
    the bill is that size; "could see a 5% rise" is a possible change). "Would" is a
    possibility only where it is no "will" told in reported speech ("said it would cut 5,000
    jobs" is a plan, as "will cut" is) and no content of what a relative clause describes ("a
    bill that would ban abortions after 20 weeks" says what the bill bans)."""
    between = sentence.lower[index + 1 : first]
    if "," in between or _SUBORDINATORS & set(between) or _sizes_a_thing(sentence, first):
        return False
    if sentence.lower[index] != "would":
        return True
    clause = sentence.clause[index]
    reported = any(
        is_speech_verb(sentence.lower[before]) and sentence.clause[before] == clause
        for before in range(index)
    )
    return not reported and sentence.lower[index - 1 : index] not in (["that"], ["which"])


def _sizes_a_thing(sentence: Sentence, first: int) -> bool:
    """The figure after an article describes the noun after it: "a $908 billion bill", "the
    $7.25 minimum wage"; a noun of change is no thing ("a 5% rise")."""
    figure = next(last for start, last in sentence.figures if start == first)
    after = sentence.lower[figure] if figure < len(sentence.lower) else ""
    return (
        sentence.lower[first - 1 : first] in (["a"], ["an"], ["the"])
        and after.isalpha()
        and after not in STOPWORDS
        and after not in RISE_NOUNS | FALL_NOUNS
    )


def _cue(sentence: Sentence, index: int, first: int) -> Statement | None:
    """A statement cue at `index` that governs the figure at `first`.

    Nouns count as they are ("the estimate of 75,000", "expectations"); a target noun only
    right before the figure ("a goal of 200 million", "a limit of 5%", "the cap to"). A
    verb of expectation counts with its own subject ("economists had expected the economy
    to add 75,000") or before a verb of measure ("expected to top $1 trillion"), not before
    another action ("expected to introduce a $908 billion bill": the bill's size is a fact).
    A modal of possibility makes the figure of the verb it governs expected (`_possible`).
    The level a verb of intent aims at is a target ("plans to raise
    admissions to 125,000", like "the cap to 125,000"); the size of a planned change is
    not ("plans to cut 5,000 jobs" is what it will do). "An estimated 500" is an
    approximate actual figure.
    """
    word = sentence.lower[index]
    if word in _POSSIBILITY and sentence.tokens[index].text.islower():
        return "expected" if _possible(sentence, index, first) else None
    cue = STATEMENT_CUES.get(word)
    if word == "estimated":
        if index == first - 1 or sentence.lower[index - 1 : index] in (["an"], ["the"]):
            return None
        return "estimate"
    if word in _INTENT_VERBS and sentence.lower[index + 1 : index + 2] == ["to"]:
        verb = sentence.lower[index + 2] if index + 2 < len(sentence.lower) else ""
        changes = verb in change_verbs() or verb in SETTING_VERBS
        to_level = sentence.lower[first - 1 : first] == ["to"]
        return "target" if changes and to_level and change_verbs().get(verb) != 0 else None
    if cue is None:
        return None
    if cue == "target":  # a noun right before its figure: "a goal of", "the cap to"
        near = first - index <= 3 and sentence.lower[index + 1 : index + 2] in (["of"], ["to"])
        return "target" if near or index == first - 1 else None
    if word in _CUE_VERBS and sentence.lower[index + 1 : index + 2] == ["to"]:
        verb = sentence.lower[index + 2] if index + 2 < len(sentence.lower) else ""
        return cue if verb in change_verbs() or verb in _MEASURE_VERBS else None  # type: ignore[return-value]
    return cue  # type: ignore[return-value]
