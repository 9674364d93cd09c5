"""Numbers: the same figure given by several reports, compared by its frame, after unit
conversion and rounding.

Two figures of different reports are compared only when their frames match
(`summarize/analyze/frames/`): the same measure (unit kind; for counts the same counted noun or a
synonym, and the same outcome: killed, injured...; for a multiplier what it multiplies), the same
kind of statement (actual, expected, forecast, estimate, target), the same form (level, change,
rate, share, total: "of 5" is compared with no level 4) and period, no different time (another
month, year, quarter, day, trading session; the "from" value of a change), and no different subject
(a name the other figure's sentence does not give: the Dow vs the Nasdaq, Alexandria vs the whole
country). Raw numbers are never compared: "expected 75,000" and "added 128,000" measure different
things. A part one sentence leaves unsaid is unknown, not a match; but a weekday one report gives
and the other leaves out is no other time when the sentences tell the same fact (reports of one
event name its day or not), and a running tally (the killed, the injured, the arrested) that
reports of other dates give on other weekdays is one count as it rose, not two figures, while a
figure dated to a year before its report's ("since December 2017, when ... killing three people")
is background, no figure of the event. A distance from a place is compared only with a distance
from the same place. A report that repeats a figure bare ("the $5 trillion total") means what its
fuller mention says ("$5 trillion in new spending over the next decade"), and a figure it hedges
once it hedges wherever it gives it (a headline's "60 Percent" over its lead's "More than 60
percent").

Which sentences: those of claim groups and of candidate pairs of similar sentences; sentences
less alike (down to FIGURE_SIMILARITY) only for figures whose frames match in every stated part
and name the same subject or time. Each figure is compared with its best partner in each other
sentence (one it agrees with if any, else the surest match, else the nearest value).

A report never disagrees with itself: two values are reported as a disagreement only between
reports none of which gives both. A bound ("above $1.3 trillion") fits every value beyond it: it
never makes two values that disagree agree, and giving it is not giving the value it fits. Across
reports of different dates a bound is the number it names, what was known that day: "at least 60
homes" on Tuesday and "143 homes" on Wednesday are a count that rose. Findings:

- `quantity_equivalent`, low: one value in several wordings (20 kilometers / 12 miles); bounds
  only when they name about the same number ("more than three-quarters" fits "more than 60
  percent" without being the same figure);
- `temporal_update`, medium: the values differ, the reports giving each are of other dates, and
  the figure is one that moves as news comes in: a running tally (the killed, the rescued ...),
  a forecast or estimate, a count given as a lower bound, or a figure told as it stands so far
  ("have now died", "has burned", "rose to", "still"). A fact of a moment or a thing (how many
  were aboard, how fast the train went, what a contract is worth) does not change from one
  day's report to the next: reports of other dates giving it differently disagree (a
  `quantity_conflict`, medium, saying the dates differ);
- `quantity_conflict`: the values differ beyond rounding and hedges. **high** only when a
  careful reader would confirm it: every part of both frames matches, and the sentences are
  about the same fact (aligned, similar, or the same subject named); **medium** when a part of a
  frame is unknown on one side (say less when unsure), and none when such values are more than
  ten times apart (two things counted with one noun: a town's people and a church's).

The disagreements of one kind and severity among a component's values are one finding over all
of them (`_grouped`): twenty reports saying 5 against one saying 7 is one conflict about the odd
one out, and k different values are one conflict, not one for each of their k(k-1)/2 pairs.

The package, one job a module: `figures` (what is compared: a figure and its frame, the
sentences around it), `compare` (whether two figures are one, and how surely), `grouping` (which
figures are compared, and which values agree), `explain` (the words of a finding), `checker`
(the findings of a cluster).
"""

from summarize.check.quantities.checker import check_quantities
from summarize.check.quantities.explain import describe_frame

__all__ = ["check_quantities", "describe_frame"]
