"""The faithfulness judge: is a written sentence supported by the reports it cites,
unsupported, or contradicted by them? `Judge(analysis).judge(sentence, citations)`.

It guards LLM-written summaries, scores faithfulness and citation precision in the evals, and is
the offline inconsistency detector measured on SummEdits. No model: cheap, deterministic
word-level checks on top of the analyzers.

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
7. Quotations. Words in quotation marks are someone's own: the cited reports must give their
   content words in order, none between, in a sentence or a headline ("“leave it to law
   enforcement”" is not backed by "should be left to law enforcement"); the sentence giving them
   joins the evidence.
8. Causes. A claim that the cause of something is not yet known, against a best evidence
   sentence telling one ("too early to say why the tower fell" / "collapsed because restoration
   work removed its buttresses"), or the other way round, contradicts.

A claim is contradicted when any check finds a conflict, unsupported when one finds something
missing, and supported otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarize.judge.checks import (
    Problem,
    check_causes,
    check_names,
    check_negation,
    check_opposites,
    check_quantities,
    check_quotations,
    check_swapped_nouns,
)
from summarize.judge.lexicon import content_stems
from summarize.judge.sources import Sources
from summarize.judge.wording import read_wording, read_wordings
from summarize.models import Analysis, SupportVerdict

# At least this share of the claim's content words must occur in the sources it is judged
# against. Chosen on the dev half of SummEdits (evals/summedits.py): the highest value that costs
# nothing there, since paraphrases of supported sentences bring in many words of their own.
MIN_KNOWN_SHARE = 0.5

__all__ = ["Judge"]


class Judge:
    """Judges sentences against the reports of one analysis; the index of each set of cited
    reports is built once and kept for the judge's life, and so is each verdict (the composer
    asks about the same version and reports more than once): treat verdicts as read-only."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self._sources: dict[tuple[str, ...] | None, Sources] = {}
        self._verdicts: dict[tuple[str, tuple[str, ...] | None], SupportVerdict] = {}

    def coverage(self, claim: str, citations: Sequence[str] | None = None) -> float:
        """The verdict's score alone: the weighted share of `claim`'s content words that the
        cited reports' best-matching sentences cover, without the checks a verdict runs."""
        aligned, coverage = self._sources_of(citations).align(content_stems(claim))
        return round(coverage, 3) if aligned else 0.0

    def coverage_by_others(self, claim: str, document: str) -> float:
        """`coverage` by every report but `document`."""
        aligned, coverage = self._sources_of(None).align(content_stems(claim), without=document)
        return round(coverage, 3) if aligned else 0.0

    def judge(self, claim: str, citations: Sequence[str] | None = None) -> SupportVerdict:
        """Judge `claim` against the sentences of the cited reports (all reports when None)."""
        key = (claim, _key(citations))
        if key not in self._verdicts:
            self._verdicts[key] = self._judge(claim, self._sources_of(citations))
        return self._verdicts[key]

    def _judge(self, claim: str, sources: Sources) -> SupportVerdict:
        terms = content_stems(claim)
        aligned, coverage = sources.align(terms)
        misquoted, quoting = check_quotations(claim, sources)
        evidence = [sources.refs[i] for i in dict.fromkeys([*aligned, *quoting])]
        if not aligned:
            return SupportVerdict(
                label="unsupported", score=0.0, reason="no source sentence shares its words"
            )
        wording = read_wording(claim)
        source_wording = read_wordings(tuple(sources.texts[i] for i in aligned))
        # The best sentence alone too: a swapped-in weekday or name draws in another sentence that
        # has it ("on Tuesday" where the best sentence says "on Wednesday").
        best = read_wording(sources.texts[aligned[0]])
        problems = (
            check_quantities(claim, sources, aligned)
            + check_names(claim, sources)
            + misquoted
            + check_negation(wording, source_wording, sources)
            + check_opposites(wording, source_wording)
            + (check_opposites(wording, best) if len(aligned) > 1 else [])
            + check_swapped_nouns(wording, source_wording, sources)
            + check_causes(claim, sources.texts[aligned[0]])
        )
        known = sum(term in sources.frequency for term in terms) / len(terms)
        if known < MIN_KNOWN_SHARE:
            problems.append(
                Problem("unsupported", f"only {known:.0%} of its content words are in the sources")
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

    def _sources_of(self, citations: Sequence[str] | None) -> Sources:
        key = _key(citations)
        if key not in self._sources:
            self._sources[key] = Sources.of(self.analysis, citations)
        return self._sources[key]


def _key(citations: Sequence[str] | None) -> tuple[str, ...] | None:
    return tuple(sorted(set(citations))) if citations is not None else None
