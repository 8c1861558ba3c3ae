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
    # Each attribute of a spaCy span is computed on access: read each once.
    found = [(s.start_char, s.end_char, s.label_, s.text, s.id_) for s in spans(doc)]
    found.sort(key=lambda f: f[:3])
    mentions, local = [], []
    for i, j, label, quote, id_ in found:
        start, end = text.span(i, j)
        mentions.append(Mention(label, start, end, quote, quote, id_ or ""))
        local.append((i, j))
    return Mentions(text, mentions, local)
