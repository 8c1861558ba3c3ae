"""Mentions of a piece of document text, as plain records with original offsets.

Only the text an extractor needs goes through spaCy (operative clauses, roster
lines, unit lists), which keeps the pipeline off long policy prose.
"""
from __future__ import annotations

from graphbuilder.documents.normalize import NormalText
from graphbuilder.mentions.nlp import build_nlp, spans
from graphbuilder.records import Mention


class Mentions:
    """Mentions of one squashed text, queryable by position and label."""

    def __init__(self, text: NormalText, mentions: list[Mention], local: list[tuple[int, int]]):
        self.text = text
        self.items = mentions
        self._local = local                       # (start, end) in text.text per mention

    def local(self, label: str) -> list[tuple[int, int, Mention]]:
        return sorted((i, j, m) for m, (i, j) in zip(self.items, self._local) if m.label == label)


def find_mentions(text: NormalText, ontology_root: str | None = None) -> Mentions:
    """Run the spaCy pipeline over an already squashed NormalText."""
    doc = build_nlp(ontology_root)(text.text)
    mentions, local = [], []
    for span in sorted(spans(doc), key=lambda s: (s.start_char, s.end_char, s.label_)):
        start, end = text.span(span.start_char, span.end_char)
        mentions.append(Mention(span.label_, start, end, span.text, span.text, span.id_ or ""))
        local.append((span.start_char, span.end_char))
    return Mentions(text, mentions, local)
