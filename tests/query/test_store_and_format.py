"""The store helpers (rdflib view, persistence) and the table formatter."""
from __future__ import annotations

import json

import pyoxigraph as ox
import rdflib

from graphbuilder.query.format import Table, display_width, format_rows, write_solutions
from graphbuilder.query.store import as_rdflib, open_output, select


def test_rdflib_view_shares_the_store(seeds_store):
    dataset = as_rdflib(seeds_store)
    count = select(seeds_store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    assert len(dataset) == count
    person = rdflib.URIRef("https://w3id.org/graphbuilder/ontology#Person")
    assert len(set(dataset.subjects(rdflib.RDF.type, person))) == \
        select(seeds_store, "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <%s> }" % person)[0]["n"]
    rows = list(dataset.query("SELECT ?n WHERE { ?p a <%s> ; <https://w3id.org/graphbuilder/ontology#name> ?n } "
                              "ORDER BY ?n LIMIT 1" % person))
    assert len(rows) == 1


def test_persistent_store_holds_the_same_quads(seeds_out, seeds_store, tmp_path):
    on_disk = open_output(seeds_out, tmp_path / "store")
    assert len(on_disk) == len(seeds_store)
    del on_disk
    reopened = open_output(seeds_out, tmp_path / "store")   # read-only, from the stamp
    assert len(reopened) == len(seeds_store)


def test_table_aligns_chinese_by_display_width():
    table = Table(("name", "n"), (("安伟", 2), ("刘向东", 12), ("x", True)))
    lines = format_rows(table, "table").splitlines()
    assert display_width("刘向东") == 6
    assert [display_width(line[:line.index(" ")]) for line in lines[2:4]] == [4, 6]
    assert lines[0] == "name    n" and lines[3] == "刘向东  12" and lines[4] == "x       true"
    assert lines[-1] == "(3 rows)"
    assert json.loads(format_rows(table, "json")) == [{"name": "安伟", "n": 2}, {"name": "刘向东", "n": 12},
                                                      {"name": "x", "n": True}]
    assert format_rows(Table(("a",), (("x\ty\nz",),)), "tsv") == "a\nx y z\n"


def test_sparql_results_stop_at_the_row_limit():
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"http://x/{k}"), ox.NamedNode("http://x/p"), ox.Literal(str(k), language="zh"))
                 for k in range(7))
    body, rows, truncated = write_solutions(store.query("SELECT ?s ?o WHERE { ?s ?p ?o }"), "json", 5)
    data = json.loads(body)
    assert rows == 5 and truncated and len(data["results"]["bindings"]) == 5
    assert data["results"]["bindings"][0]["o"]["xml:lang"] == "zh"
    body, rows, truncated = write_solutions(store.query("SELECT ?s WHERE { ?s ?p ?o }"), "csv", 10)
    assert rows == 7 and not truncated and body.decode().splitlines()[0] == "s"
