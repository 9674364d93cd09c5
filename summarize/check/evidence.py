"""Building blocks the detectors share: exact quotes and how to name a report in a sentence."""

from __future__ import annotations

from summarize.models import Analysis, Evidence, Sentence, SentenceRef, Span


def quote_span(analysis: Analysis, document: str, span: Span | Sentence) -> Evidence:
    """The exact text at the span, with the sentence it stands in when it is only part of one."""
    source = analysis.document(document)
    quote = source.text[span.start : span.end]
    around = source.sentence_at(span.start)
    sentence = around.text if around and around.text.strip() != quote.strip() else None
    return Evidence(
        document=document, quote=quote, start=span.start, end=span.end, sentence=sentence
    )


def quote_sentence(analysis: Analysis, ref: SentenceRef) -> Evidence:
    sentence = analysis.sentence(ref)
    return quote_span(analysis, ref.document, sentence)


def names(documents: list[str]) -> str:
    return ", ".join(documents)


def report_name(analysis: Analysis, document: str) -> str:
    """How a finding names a report: its outlet with its id ("AP 000_82ce..."), or its id."""
    outlet = analysis.document(document).outlet
    return f"{outlet} {document}" if outlet and outlet not in document else document
