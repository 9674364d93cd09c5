"""Analyze: what each sentence says (numbers, dates, names, who says it, loaded words)."""

from __future__ import annotations

from summarize.analyze.attribution import find_attributions
from summarize.analyze.dates import find_dates
from summarize.analyze.entities import canonical_map, resolve_entities
from summarize.analyze.framing import find_loaded_terms
from summarize.analyze.links import find_links
from summarize.analyze.mentions import find_mentions
from summarize.analyze.quantities import find_quantities
from summarize.models import Analysis, Document, EntityMention, SentenceAnalysis, Span
from summarize.text.tokens import content_terms


def analyze(documents: list[Document]) -> Analysis:
    sentences: list[SentenceAnalysis] = []
    mentions: list[list[Span]] = []
    for document in documents:
        for sentence in document.sentences:
            text, offset = sentence.text, sentence.start
            sentences.append(
                SentenceAnalysis(
                    document=document.id,
                    sentence=sentence.index,
                    terms=content_terms(text),
                    quantities=find_quantities(text, offset),
                    dates=find_dates(text, offset, document.published),
                    attributions=find_attributions(text, offset),
                    loaded_terms=find_loaded_terms(text, offset),
                    links=find_links(text),
                )
            )
            mentions.append(find_mentions(text, offset))

    entities = resolve_entities(
        [
            (analysis.document, span.text)
            for analysis, spans in zip(sentences, mentions, strict=True)
            for span in spans
        ]
    )
    canonical = canonical_map(entities)
    for analysis, spans in zip(sentences, mentions, strict=True):
        analysis.entities = [
            EntityMention(**span.model_dump(), canonical=canonical.get(span.text, span.text))
            for span in spans
        ]
    return Analysis(documents=documents, sentences=sentences, entities=entities)
