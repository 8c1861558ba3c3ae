"""Document → facts: every extractor is a pure function (Document, Vocab) -> Extraction."""
from __future__ import annotations

from graphbuilder.facts.appointments import extract_appointments
from graphbuilder.facts.duties import extract_duties
from graphbuilder.facts.honours import extract_honours
from graphbuilder.facts.rosters import extract_rosters
from graphbuilder.records import Document, DocumentResult
from graphbuilder.vocab import Vocab

EXTRACTORS = (extract_appointments, extract_rosters, extract_duties, extract_honours)


def extract(document: Document, vocab: Vocab) -> DocumentResult:
    """All facts of one document, in extractor order, with what could not be read."""
    result = DocumentResult(document)
    for extractor in EXTRACTORS:
        extraction = extractor(document, vocab)
        result.facts.extend(extraction.facts)
        result.diagnostics.extend(extraction.diagnostics)
    return result
