"""Parameters become a VALUES block that opens the WHERE group (and each subquery's)."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings, strategies as st

from graphbuilder.query.bindings import bind_values, where_group
from graphbuilder.query.store import QueryError, as_term, select


@pytest.fixture(scope="module")
def tiny():
    store = ox.Store()
    for s, o in (("a", "一"), ("b", "二{}#")):
        store.add(ox.Quad(ox.NamedNode(f"http://x/{s}"), ox.NamedNode("http://x/name"), ox.Literal(o)))
    return store


def test_where_group_skips_strings_iris_comments_and_templates():
    query = 'PREFIX x: <http://x/> # { not this\nSELECT ?s WHERE { ?s x:name "}{" }'
    assert query[where_group(query)] == "{" and query[where_group(query) + 1:].startswith(' ?s x:name')
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert where_group(construct) == construct.index("WHERE {") + len("WHERE ")
    assert where_group("ASK { ?s ?p ?o }") == 4
    assert where_group("DESCRIBE <http://x/a>") is None


def test_subqueries_see_the_parameters(tiny):
    query = """SELECT ?s ?n WHERE { { SELECT ?s WHERE { ?s <http://x/name> ?name } } ?s <http://x/name> ?n }"""
    assert select(tiny, query, {"name": "一"}) == [{"s": "http://x/a", "n": "一"}]
    assert len(select(tiny, query)) == 2


def test_optional_parameters_left_out_stay_unbound(tiny):
    query = "SELECT ?s WHERE { ?s <http://x/name> ?n FILTER (!BOUND(?want) || ?n = ?want) }"
    assert len(select(tiny, query)) == 2
    assert select(tiny, query, {"want": "二{}#"}) == [{"s": "http://x/b"}]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
       .filter(lambda text: not text.startswith(("http://", "https://"))))
def test_any_text_binds_as_itself(text):
    """Quotes, braces, backslashes, newlines and CJK survive the VALUES block."""
    assert select(ox.Store(), "SELECT ?v WHERE { }", {"v": text}) == [{"v": text}]


def test_iris_bind_as_iris(tiny):
    assert select(tiny, "SELECT ?n WHERE { ?s <http://x/name> ?n }", {"s": "http://x/a"}) == [{"n": "一"}]
    assert str(as_term("https://w3id.org/x")) == "<https://w3id.org/x>"


def test_syntax_errors_point_into_the_text_as_written():
    text = "SELECT ?s WHERE {\n  ?s ?p\n}"
    with pytest.raises(SyntaxError) as parser:
        ox.Store().query(text)
    with pytest.raises(QueryError) as caught:
        select(ox.Store(), text, {"s": "x"})   # the bound text has a VALUES block on line 1
    assert caught.value.where.startswith("3:") and str(parser.value).startswith(f"error at {caught.value.where}:")
    with pytest.raises(ValueError, match="not a SPARQL variable"):
        bind_values("SELECT * WHERE { }", {"a b": '"x"'})
