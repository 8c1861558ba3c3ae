"""Document → facts: every extractor is a pure function (Document, Vocab) -> Extraction."""
from __future__ import annotations

from graphbuilder.facts.appointments import extract_appointments
from graphbuilder.facts.coverage import account_lines, unread_diagnostics
from graphbuilder.facts.duties import extract_duties
from graphbuilder.facts.honours import extract_honours
from graphbuilder.facts.rosters import extract_rosters
from graphbuilder.records import Document, DocumentResult
from graphbuilder.vocab import Vocab

EXTRACTORS = (extract_appointments, extract_rosters, extract_duties, extract_honours)


def extract(document: Document, vocab: Vocab) -> DocumentResult:
    """All facts of one document, in extractor order, with what could not be read.

    Documents of the accounted genres also get their line accounting (facts/coverage.py),
    fed by the spans the extractors report as consumed.
    """
    result = DocumentResult(document)
    consumed: list[tuple[int, int]] = []
    for extractor in EXTRACTORS:
        extraction = extractor(document, vocab)
        result.facts.extend(extraction.facts)
        result.diagnostics.extend(extraction.diagnostics)
        consumed.extend(extraction.consumed)
    result.coverage = account_lines(document, consumed, vocab)
    if result.coverage is not None:
        result.diagnostics.extend(unread_diagnostics(document, result.coverage, result.diagnostics))
    return result
