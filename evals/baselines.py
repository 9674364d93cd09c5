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


def _title(document: Document) -> list[str]:
    """The title as a sentence of its own (a final stop, so ROUGE-Lsum sees it as one)."""
    title = (document.title or "").strip()
    if not title:
        return []
    return [title if title[-1] in ".!?" else title + "."]


def report_sentences(document: Document) -> list[str]:
    """The title (when the report has one) and the body's sentences, in reading order."""
    return [*_title(document), *(sentence.text for sentence in document.sentences)]


def lead_floor(documents: Sequence[Document], max_words: int) -> str:
    """Titles, then lead sentences, round-robin over the reports, cut at `max_words` words."""
    titles = [title for document in documents for title in _title(document)]
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


def lexrank_ranking(documents: Sequence[Document]) -> list[str]:
    """Every sentence of every report (titles included, repeats once), best first by sumy's
    LexRank."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _ProjectTokenizer()
    texts = [text for document in documents for text in report_sentences(document)]
    unique = list(dict.fromkeys(text for text in texts if tokenize(text)))
    if not unique:
        return []
    model = ObjectDocumentModel([Paragraph([Sentence(text, tokenizer) for text in unique])])
    ranked: list[str] = []

    def keep_order(infos: Sequence[Any]) -> list[Any]:
        """sumy hands the sentences best first: note that order, keep them all."""
        ranked.extend(str(info.sentence) for info in infos)
        return list(infos)

    _lexrank()(model, keep_order)
    return ranked


def lexrank(documents: Sequence[Document], max_words: int, ranked: list[str] | None = None) -> str:
    """sumy's LexRank summary: the best sentences while they fit in `max_words`, in reading
    order. `ranked` reuses a `lexrank_ranking` of the same documents."""
    ranked = lexrank_ranking(documents) if ranked is None else ranked
    order = {
        text: position
        for position, text in enumerate(
            dict.fromkeys(t for d in documents for t in report_sentences(d))
        )
    }
    chosen, used = [], 0
    for text in ranked:
        length = len(_words(text))
        if used + length <= max_words:
            chosen.append(text)
            used += length
    return " ".join(sorted(chosen, key=lambda text: order.get(text, len(order))))
