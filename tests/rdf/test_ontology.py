"""The ontology is complete: labelled terms, declared domains and ranges, every used term defined."""
import sys
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from graphbuilder.paths import ontology_dir
from graphbuilder.rdf.triples import build_dataset

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rdf_samples import all_results  # noqa: E402

NS = "https://w3id.org/graphbuilder/ontology#"
ONTOLOGY = Graph().parse(ontology_dir() / "graphbuilder.ttl")
TERMS = sorted({s for s in ONTOLOGY.subjects() if isinstance(s, URIRef) and s.startswith(NS)})
PROPERTIES = [t for t in TERMS if (t, RDF.type, OWL.ObjectProperty) in ONTOLOGY
              or (t, RDF.type, OWL.DatatypeProperty) in ONTOLOGY]


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t[len(NS):])
def test_term_has_labels_and_definition(term):
    languages = {label.language for label in ONTOLOGY.objects(term, RDFS.label)}
    assert {"en", "zh"} <= languages
    assert ONTOLOGY.value(term, SKOS.definition) or ONTOLOGY.value(term, RDFS.comment)


@pytest.mark.parametrize("prop", PROPERTIES, ids=lambda t: t[len(NS):])
def test_property_has_domain_and_range(prop):
    assert ONTOLOGY.value(prop, RDFS.domain) is not None
    assert ONTOLOGY.value(prop, RDFS.range) is not None


def test_every_gb_term_in_a_built_graph_is_defined():
    dataset = build_dataset(all_results())
    used = {term for quad in dataset.quads((None, None, None, None)) for term in quad[:3]
            if isinstance(term, URIRef) and term.startswith(NS)}
    assert used - set(TERMS) == set()
