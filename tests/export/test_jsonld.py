"""JSON-LD with the published context: parsed back by rdflib, the same triples, graphs kept."""
from __future__ import annotations

import json

import rdflib

from graphbuilder.export.jsonld import CONTEXT_FILE, context, write_jsonld


def test_round_trip_through_rdflib(seeds_out, tmp_path):
    paths = write_jsonld(seeds_out, tmp_path / "graph.jsonld")
    assert [p.name for p in paths] == ["graph.jsonld", "context.jsonld"]
    original = rdflib.Dataset()
    original.parse(str(seeds_out / "graph.trig"), format="trig")
    parsed = rdflib.Dataset()
    parsed.parse(str(paths[0]), format="json-ld")
    assert len(list(parsed.quads((None, None, None, None)))) == len(list(original.quads((None, None, None, None))))
    named = {str(g.identifier) for g in original.graphs()} - {"urn:x-rdflib:default"}
    assert named <= {str(g.identifier) for g in parsed.graphs()}
    assert set(original.triples((None, None, None))) == set(parsed.triples((None, None, None)))


def test_the_published_context_is_used(seeds_out, tmp_path):
    path = write_jsonld(seeds_out, tmp_path / "graph.jsonld")[0]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["@context"] == context() == json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    text = path.read_text(encoding="utf-8")
    assert '"gb:name": "安伟"' in text or '"name": "安伟"' in text
    assert (tmp_path / "context.jsonld").read_bytes() == CONTEXT_FILE.read_bytes()
