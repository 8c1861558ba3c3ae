"""IRIs are hashes of key parts: stable, distinct, independent of call order."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphbuilder.entities.keys import BASE, doc_iri, kind_of, make_iri, normalise_part

parts = st.lists(st.text(alphabet=st.characters(blacklist_characters="\x1f"), max_size=12),
                 min_size=1, max_size=4)
kinds = st.sampled_from(["person", "organization", "post", "group", "appointment"])


def test_iri_shape():
    iri = make_iri("person", "安伟")
    assert iri.startswith(BASE + "person/")
    assert len(iri.rsplit("/", 1)[1]) == 16
    assert kind_of(iri) == "person"
    assert kind_of("http://example.org/x") == ""


@given(kinds, parts)
def test_made_iris_are_the_urirefs_rdflib_makes(kind, key_parts):
    """``make_iri`` skips URIRef's character check (its IRIs have nothing to check): the
    term is still the one ``URIRef(...)`` gives, equal, hashed and typed alike, and valid."""
    from rdflib import URIRef
    from rdflib.term import _is_valid_uri

    iri = make_iri(kind, *key_parts)
    made = URIRef(str(iri))
    assert type(iri) is URIRef and iri == made and hash(iri) == hash(made) and _is_valid_uri(str(iri))


def test_doc_iri_ignores_whitespace_in_the_number():
    assert doc_iri("三政任〔2019〕1 号") == doc_iri("三政任〔2019〕1号") == make_iri("document", "三政任〔2019〕1号")


def test_nfc_and_surrounding_whitespace_do_not_matter():
    assert make_iri("person", " 安伟\n") == make_iri("person", "安伟")
    assert make_iri("group", "Cafe\u0301") == make_iri("group", "Caf\u00e9")


@pytest.mark.parametrize("kind", ["", "Person", "person/x", "1abc"])
def test_bad_kind_is_refused(kind):
    with pytest.raises(ValueError):
        make_iri(kind, "x")


def test_separator_in_a_part_is_refused():
    with pytest.raises(ValueError):
        make_iri("person", "a\x1fb")


@given(kinds, parts)
def test_same_parts_same_iri(kind, key):
    assert make_iri(kind, *key) == make_iri(kind, *list(key))


@given(kinds, parts, parts)
def test_different_parts_different_iri(kind, a, b):
    if [normalise_part(p) for p in a] != [normalise_part(p) for p in b]:
        assert make_iri(kind, *a) != make_iri(kind, *b)


@given(st.lists(parts, min_size=1, max_size=8), st.randoms())
def test_order_of_calls_is_irrelevant(keys, rnd):
    first = {tuple(k): make_iri("post", *k) for k in keys}
    shuffled = list(keys)
    rnd.shuffle(shuffled)
    assert {tuple(k): make_iri("post", *k) for k in shuffled} == first
