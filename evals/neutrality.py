"""Neutrality measures, computed the same way for our summaries, the peers' and the references.

Both count the loaded terms `summarize.analyze.framing` finds (the bias lexicon of Recasens et al.,
ACL 2013), per 100 words of the text.
"""

from __future__ import annotations

from summarize.analyze.framing import find_loaded_terms

from evals.metrics import stems, word_count


def loaded_word_rate(text: str) -> float:
    """Loaded terms per 100 words."""
    words = word_count(text)
    return 100 * len(find_loaded_terms(text)) / words if words else 0.0


def novel_loaded_rate(text: str, reference: str) -> float:
    """Loaded terms the reference does not use (compared by stem), per 100 words: the framing
    a summary adds beyond what the human-written neutral summary needed."""
    words = word_count(text)
    if not words:
        return 0.0
    used = set(stems(reference))
    novel = [span for span in find_loaded_terms(text) if not set(stems(span.text)) <= used]
    return 100 * len(novel) / words
