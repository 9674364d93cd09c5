"""Neutrality measures, computed the same way for our summaries, the peers' and the references.

Both count the loaded terms `summarize.analyze.framing` finds (evaluative, intensifying and
one-sided words, mostly from the bias lexicon of Recasens et al., ACL 2013), sentence by sentence
so that a reported label ("officials called them terrorists") is not counted, per 100 words.
"""

from __future__ import annotations

from evals.metrics import stems, word_count
from summarize.analyze.framing import find_loaded_terms
from summarize.models import Span
from summarize.text.sentences import split_sentences


def loaded_terms(text: str) -> list[Span]:
    return [span for sentence in split_sentences(text) for span in find_loaded_terms(sentence)]


def loaded_word_rate(text: str) -> float:
    """Loaded terms per 100 words."""
    words = word_count(text)
    return 100 * len(loaded_terms(text)) / words if words else 0.0


def novel_loaded_rate(text: str, reference: str) -> float:
    """Loaded terms the reference does not use (compared by stem), per 100 words: the framing
    a summary adds beyond what the human-written neutral summary needed."""
    words = word_count(text)
    if not words:
        return 0.0
    used = set(stems(reference))
    novel = [span for span in loaded_terms(text) if not set(stems(span.text)) <= used]
    return 100 * len(novel) / words
