"""ns.py is generated from the ontology: rebuild it and compare (run make_ns after edits)."""
import pytest

from graphbuilder.rdf import make_ns
from graphbuilder.rdf.ns import GB


def test_ns_is_up_to_date():
    assert make_ns.TARGET.read_text(encoding="utf-8") == make_ns.render(), \
        "graphbuilder/rdf/ns.py is stale: run `python -m graphbuilder.rdf.make_ns`"


def test_namespace_is_closed():
    assert str(GB.Membership) == "https://w3id.org/graphbuilder/ontology#Membership"
    with pytest.raises(AttributeError):
        GB.Membershp
