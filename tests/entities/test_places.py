"""Jurisdictions: reading 市/县 names in the place of their notice."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphbuilder.entities.places import Places, clean
from graphbuilder.paths import ontology_dir

PLACES = Places.load(ontology_dir() / "lexicon" / "jurisdictions.tsv")


@pytest.mark.parametrize("issuer, jurisdiction", [
    ("三门峡市人民政府", "三门峡市"), ("三门峡市人民政府办公室", "三门峡市"), ("三门峡市教育局", "三门峡市"),
    ("三门峡市湖滨区人民政府", "湖滨区"), ("渑池县人民政府", "渑池县"), ("河南省人民政府", "河南省"),
    ("郑州市人民政府办公厅", "郑州市"), ("某某县人民政府", "某某县"),        # unlisted: by its level word
    ("国务院", ""), ("三门峡经济开发区管理委员会", "三门峡市"),
])
def test_jurisdiction_of_an_issuer(issuer, jurisdiction):
    assert PLACES.of_issuer(issuer) == jurisdiction


@pytest.mark.parametrize("name, scope, relative", [
    ("三门峡市财政局", "三门峡市", "市财政局"), ("市财政局", "三门峡市", "市财政局"),
    ("三门峡市市场监督管理局", "三门峡市", "市市场监督管理局"),     # 市场 is not the level word
    ("三门峡经济开发区", "三门峡市", "市经济开发区"), ("三门峡市", "三门峡市", "三门峡市"),
    ("三门峡市湖滨区人民政府", "湖滨区", "区人民政府"), ("渑池县教育局", "三门峡市", "渑池县教育局"),
    ("郑州市财政局", "郑州市", "市财政局"),
])
def test_relative_names(name, scope, relative):
    assert PLACES.relative(name, scope) == relative


def test_named_in_finds_the_innermost_listed_place():
    assert PLACES.named_in("三门峡市湖滨区人民政府") == "湖滨区"
    assert PLACES.named_in("渑池县教育局") == "渑池县"
    assert PLACES.named_in("市财政局") == ""


def test_scopes_climb_to_the_nation():
    assert PLACES.scopes("湖滨区") == ["湖滨区", "三门峡市", "河南省", ""]
    assert PLACES.scopes("某某市") == ["某某市", ""]


BODY = st.text(alphabet="财政教育公安水利局委办中心", min_size=1, max_size=8)


@given(scope=st.sampled_from(sorted(PLACES.by_name)), body=BODY)
def test_absolute_and_relative_are_inverse(scope, body):
    level = scope[-1]
    relative = level + body
    absolute = PLACES.absolute(relative, scope)
    assert absolute == scope + body
    assert PLACES.relative(absolute, scope) == relative


@given(st.text(max_size=30))
def test_clean_is_idempotent_and_drops_whitespace(text):
    once = clean(text)
    assert clean(once) == once and not any(ch.isspace() for ch in once)


PREFIXES = [p for p, _ in PLACES.prefixes_longest_first]


@given(st.sampled_from(PREFIXES), st.text(alphabet="三门峡市县区局人民政府湖滨渑池", max_size=8),
       st.text(alphabet="市县区局教育", max_size=3))
def test_places_that_may_start_a_name_are_every_prefix_in_order(prefix, rest, before):
    """``starting`` (grouped by first character) keeps every candidate, longest first."""
    for text in (prefix + rest, before + prefix + rest, rest):
        expected = [(p, j) for p, j in PLACES.prefixes_longest_first if text.startswith(p)]
        assert [(p, j) for p, j in PLACES.starting(text) if text.startswith(p)] == expected
