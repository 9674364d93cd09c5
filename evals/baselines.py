"""Offline baselines computed live, at the same word budget as our summary: the lead floor and
sumy's LexRank.

- **Lead floor**: the reports' titles, then their first sentences, then their second ones, ...
  taken round-robin over the reports and cut at the budget (mid-sentence if need be). News puts
  the core fact first, so this is the floor any summariser of news must clear.
- **LexRank** (Erkan & Radev, 2004) as sumy implements it, over every sentence of every report
  (titles included), sentences added best-first while they fit in the budget, printed in
  reading order. sumy's own tokenizer needs nltk's punkt data, which cannot be downloaded here,
  so the sentences come from `summarize.text.sentences` and the words from
  `summarize.text.tokens`: the same splitter and stems our summary is built on.

sumy is an eval-only dependency (the `eval` extra); it is imported only when LexRank runs.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import cache
from typing import Any

from summarize.models import Document
from summarize.text.sentences import split_sentences
from summarize.text.tokens import stem, tokenize


def _words(text: str) -> list[str]:
    return text.split()


def report_sentences(document: Document) -> list[str]:
    """The title (when the report has one) and the body's sentences, in reading order."""
    title = [document.title] if document.title else []
    return [*title, *(sentence.text for sentence in document.sentences)]


def lead_floor(documents: Sequence[Document], max_words: int) -> str:
    """Titles, then lead sentences, round-robin over the reports, cut at `max_words` words."""
    titles = [document.title for document in documents if document.title]
    bodies = [[sentence.text for sentence in document.sentences] for document in documents]
    rounds = itertools.zip_longest(*bodies) if bodies else iter(())
    ordered = [*titles, *(text for row in rounds for text in row if text)]
    words = [word for text in ordered for word in _words(text)]
    return " ".join(words[:max_words])


class _ProjectTokenizer:
    """sumy's tokenizer interface, backed by the project's sentence splitter and tokens."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(tokenize(sentence))


@cache
def _lexrank() -> Any:
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(stem)
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def lexrank(documents: Sequence[Document], max_words: int) -> str:
    """sumy's LexRank over all sentences of all reports, best first while they fit the budget,
    then in reading order."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _ProjectTokenizer()
    texts = [text for document in documents for text in report_sentences(document)]
    unique = list(dict.fromkeys(text for text in texts if tokenize(text)))
    if not unique:
        return ""
    model = ObjectDocumentModel([Paragraph([Sentence(text, tokenizer) for text in unique])])

    def fitting(ranked: Sequence[Any]) -> list[Any]:
        """sumy hands the sentences best first; keep each one that still fits."""
        kept, used = [], 0
        for info in ranked:
            length = len(_words(str(info.sentence)))
            if used + length <= max_words:
                kept.append(info)
                used += length
        return kept

    return " ".join(str(sentence) for sentence in _lexrank()(model, fitting))
