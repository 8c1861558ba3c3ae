"""Escaping for Turtle and N-Quads: the fast path (no character to escape) changes nothing."""
from hypothesis import given
from hypothesis import strategies as st

from graphbuilder.entities.keys import BASE, kind_of, make_iri
from graphbuilder.export.rdf_files import ESCAPE_TABLE, escape
from graphbuilder.rdf.literals import escaper
from graphbuilder.rdf.quads import NQUADS_ESCAPES, nquads_escape

# gazette text, and the characters either table escapes, mixed in
TEXT = st.text(alphabet=st.one_of(st.characters(), st.sampled_from('\\"\n\r\t\x00\x1f任命')), max_size=80)


@given(TEXT)
def test_turtle_escape_is_translate(text):
    assert escape(text) == text.translate(ESCAPE_TABLE)


@given(TEXT)
def test_nquads_escape_is_translate(text):
    assert nquads_escape(text) == text.translate(NQUADS_ESCAPES)


@given(TEXT, st.dictionaries(st.sampled_from("ab\\-]^[\x00"), st.text(max_size=3), min_size=1, max_size=4))
def test_any_table_escapes_as_translate(text, mapping):
    """Characters a regex class treats specially (] ^ - \\) are escaped in it."""
    table = str.maketrans(mapping)
    assert escaper(table)(text + "".join(mapping)) == (text + "".join(mapping)).translate(table)
    assert escaper(table)(text) == text.translate(table)


@given(st.sampled_from(["person", "tenure", "post", "group_listing"]),
       st.text(alphabet=st.characters(blacklist_characters="\x1f"), max_size=10))
def test_kind_of_an_iri_and_its_string(kind, part):
    from rdflib import URIRef

    iri = make_iri(kind, part)
    assert kind_of(iri) == kind_of(str(iri)) == kind
    assert kind_of(URIRef("http://example.org/" + kind)) == ""
    assert kind_of(BASE + "graph/entities") == "graph"
