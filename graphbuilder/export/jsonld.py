"""Graph → JSON-LD with the published graphbuilder context, named graphs kept.

The context (``graphbuilder/export/context.jsonld``, served at
https://w3id.org/graphbuilder/context.jsonld) gives the ontology's prefixes, the id
kinds (``person:``, ``group:`` …) and short names for the common properties, with
their datatypes. It is embedded in the output, so the file reads offline, and
written beside it as ``context.jsonld`` for tools that want the file. Each source
document's facts stay in their own named graph (``@graph`` per graph IRI).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import rdflib

from graphbuilder.export.rdf_files import write_atomic

CONTEXT_FILE = Path(__file__).resolve().parent / "context.jsonld"
CONTEXT_URL = "https://w3id.org/graphbuilder/context.jsonld"


@lru_cache(maxsize=1)
def context() -> dict:
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def as_dataset(source) -> rdflib.Dataset:
    """An rdflib Dataset of a build folder, a pyoxigraph Store or a Dataset (as is)."""
    if isinstance(source, rdflib.Dataset):
        return source
    if isinstance(source, (str, Path)):
        dataset = rdflib.Dataset()
        dataset.parse(str(Path(source) / "graph.trig"), format="trig")
        return dataset
    from graphbuilder.query.store import as_rdflib

    copy = rdflib.Dataset()
    copy.addN(as_rdflib(source).quads((None, None, None, None)))
    return copy


def jsonld_text(source) -> str:
    """The whole graph as compacted JSON-LD (named graphs as ``@graph`` blocks)."""
    return as_dataset(source).serialize(format="json-ld", context=context(), auto_compact=True, indent=1)


def write_jsonld(source, path: Path) -> list[Path]:
    """``path`` (the graph) and ``context.jsonld`` beside it, each written atomically."""
    path = Path(path)
    text = jsonld_text(source)
    write_atomic(path, text.encode("utf-8"))
    context_path = path.parent / "context.jsonld"
    write_atomic(context_path, CONTEXT_FILE.read_bytes())
    return [path, context_path]
