"""The language layer every stage shares: word lists, tokens and stems, inflection, number words,
calendar names and date patterns, sentence splitting with offsets, and units.

Nothing here knows about reports or findings; ingest, analyze, the judge and the evals build on
it, so each fact about English is written once.
"""
