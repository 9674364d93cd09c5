"""The frame of each figure in a sentence: what it measures, whose it is, when, what kind of
statement it is and in what form, read from word order (no parser; see the README for why).

- measure: the counted noun, with what happened to it when the sentence says so ("37 killed",
  "40 people dead" are both "people killed"; a partitive counts its whole's noun: "nine of his
  officers were injured" is "officer injured") or the participle picking out part of them ("two
  members dissenting" are no count of the board), or the kind of unit ("length", "money
  (USD)"); a multiplier is of what it multiplies ("2.6 times the size of Earth" is "multiple
  (size)", no "8.6 times Earth's mass"); "a 33-year-old" is an age, as is a bare number after a
  word for a kind of person and "was" ("the youngest victim was 16", WordNet).
- subject: whose or of what, as written: the "of" phrase of a share ("38% of voters"), the noun a
  sum of money buys ("a $6 trillion budget"), the noun a compound figure describes ("a
  two-page memo", "the 15-minute halt", which is how long the halt lasts), the person an age
  belongs to, what a verb of sizing sizes ("Police put the crowd at 28,000": the crowd's, the
  police its source), or the owner before the verb ("the unemployment rate rose to 3.6%"); a
  count after "the N of" has none there ("the families of 12 victims" are no owner of the victims),
  one after "a N of" is N's ("a town of 17,000 people"). A phrase
  that only says when, or is headed by a span of time or a weekday ("on Palm Sunday"), is never
  it: "$1 trillion in 2019", "in
  the current budget year", "positions on the last day of May rose" (the positions), "closed
  the day down 10%".
- time: the time expression nearest the figure in its clause (month names, years, quarters,
  "last week", "a year ago", weekdays, "since March", a trading session: "after-hours", "in
  early trading", "at the open", "at the close", for a price move after hours is not the
  day's); a weekday right after a reporting verb ("said Thursday") dates the statement, not the
  figure. The "from" value of a change is "earlier" ("down from about $6 billion"), and a time
  right after it is its own ("fell to 3.5% from 3.6% in October"); so is a value "previously",
  and a previous or earlier forecast's, estimate's or record's ("a previous forecast of $6.0
  billion"). A record's "since" ("the highest level since January") and "until Friday" (when
  something else happens) date nothing.
- statement: "expected", "forecast", "estimate", "target" when such a cue precedes the figure in
  its clause ("economists had expected 75,000", "the estimate of 75,000", "aims to raise ... to
  125,000") or follows it ("the 75,000 economists expected"); "expected" under a modal of
  possibility ("the coast could see up to 15 inches": no rain measured; not "would" of reported
  speech or of a relative clause: "said it would cut 5,000 jobs", "a bill that would ban");
  "actual" otherwise. "An estimated 500" is an approximate actual figure.
- form: a change after a verb of change ("rose 5%", "dropped 29,000") or before a noun of change
  ("a 5% drop"); the figure after "to" is the new level ("dropped 29,000 to 348,000"); a rate
  with a period ("$300 a month", "annual", "a year-over-year gain of 3.1%", read in the figure's
  clause up to the next figure; a change's period: "fell 18% over the past 12 months"); a share
  for fractions, "N% of" and a part ("4 of 5"); a total for the whole of a part ("of 5", "of the
  seven board members"), compared with totals only; else a level.

A fall is a negative change: "fell 5%" is read as -5%, so that it disagrees with "rose 5%" and
agrees with "a 5% drop".

The package, one job a module: `sentence` (the tokens, clauses and figures the readers walk),
`times` (when), `form` (level, change, rate, share or total; what restates or is the whole of
what), `statement` (actual, expected, forecast, estimate, target), `subject` (whose, of what),
`measure` (what is measured), `reader` (the frames of a sentence's figures).
"""

from summarize.analyze.frames.reader import Reading, read_frames

__all__ = ["Reading", "read_frames"]
