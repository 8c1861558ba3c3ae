"""Records → dataset: one graph per document, shared entities, provenance on every fact."""
import sys
from pathlib import Path

import pytest
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV

from graphbuilder.entities.keys import doc_iri, kind_of, make_iri
from graphbuilder.entities.resolve import Resolver
from graphbuilder.rdf.ns import GB
from graphbuilder.rdf.summaries import SUMMARIES_GRAPH
from graphbuilder.rdf.triples import ENTITIES_GRAPH, ENTITY_KINDS, build_dataset, document_triples, graph_iri
from graphbuilder.rdf.validate import union

sys.path.insert(0, str(Path(__file__).resolve().parent))
import rdf_samples  # noqa: E402

SUMMARY_KINDS = ("partnership", "bridge", "roster_period")      # rdf/summaries.py

FACT_CLASSES = (GB.AppointmentEvent, GB.Membership, GB.OfficeSite, GB.Assignment, GB.Commendation,
                GB.Task, GB.GroupListing, GB.PostObservation)
NO_LEXICON = Resolver(Path("/nonexistent/agencies.tsv"))


@pytest.fixture(scope="module")
def dataset():
    return build_dataset(rdf_samples.all_results(), NO_LEXICON)


def graphs_of(dataset) -> dict:
    graphs = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graphs.setdefault(g, set()).add((s, p, o))
    return graphs


def test_one_named_graph_per_document_plus_entities_and_summaries(dataset):
    expected = {graph_iri(r.document.number) for r in rdf_samples.all_results()} | {ENTITIES_GRAPH,
                                                                                   SUMMARIES_GRAPH}
    assert set(graphs_of(dataset)) == expected


def test_no_blank_nodes(dataset):
    assert not any(isinstance(t, BNode) for quad in dataset.quads((None, None, None, None)) for t in quad)


def test_entities_and_facts_are_in_their_graphs(dataset):
    for graph, triples in graphs_of(dataset).items():
        for s, _, _ in triples:
            assert (kind_of(s) in ENTITY_KINDS) == (graph == ENTITIES_GRAPH), (graph, s)
            assert (kind_of(s) in SUMMARY_KINDS) == (graph == SUMMARIES_GRAPH), (graph, s)


def test_every_fact_is_derived_from_its_document_with_a_quote(dataset):
    for graph, triples in graphs_of(dataset).items():
        if graph in (ENTITIES_GRAPH, SUMMARIES_GRAPH):
            continue
        facts = {s for s, p, o in triples if p == RDF.type and o in FACT_CLASSES}
        assert facts
        documents = {s for s, p, o in triples if p == RDF.type and o == GB.SourceDocument}
        assert len(documents) == 1 and str(graph).startswith(str(next(iter(documents))))
        for fact in facts:
            assert {o for s, p, o in triples if s == fact and p == PROV.wasDerivedFrom} == documents
            assert any(s == fact and p == GB.quote for s, p, o in triples)


def test_quotes_match_the_issue_text():
    for result in rdf_samples.all_results():
        text = rdf_samples.issue_text(result.document)
        graph = set(document_triples(result.document, result.facts, NO_LEXICON))
        nodes = {s for s, p, o in graph if p == GB.quote}
        for node in nodes:
            start, end, quote = (next(o for s, p, o in graph if s == node and p == pred).toPython()
                                 for pred in (GB.startOffset, GB.endOffset, GB.quote))
            assert text[start:end] == quote


def test_document_node(dataset):
    union_graph = union(dataset)
    node = doc_iri("三政任〔2018〕2号")
    assert union_graph.value(node, DCTERMS.date) == Literal("2018-11-30", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#date"))
    assert str(union_graph.value(node, GB.numberPrinted)) == "三政任〔2018〕2 号"
    assert str(union_graph.value(node, GB.section)) == "人事任免"
    assert str(union_graph.value(node, GB.issue)) == rdf_samples.ISSUE_A


def test_city_prefix_variants_share_organisation_and_post_nodes(dataset):
    g = union(dataset)
    org = make_iri("organization", "三门峡市住房和城乡建设局")     # no lexicon: keyed by its absolute name
    assert (org, RDF.type, GB.GovernmentDepartment) in g
    posts = set(g.subjects(ORG.postIn, org))
    assert len(posts) == 1 and str(g.value(next(iter(posts)), GB.title)) == "副调研员"


def test_assignment_links_unit_and_keeps_printed_forms(dataset):
    g = union(dataset)
    node = next(a for a in g.subjects(RDF.type, GB.Assignment) if str(g.value(a, GB.unitPrinted)) == "工业和信息化局")
    assert str(g.value(node, GB.unitText)) == "市工业和信息化局"
    assert g.value(node, GB.unit) == make_iri("organization", "三门峡市工业和信息化局")
    assert (g.value(node, GB.task), RDF.type, GB.Task) in g


def test_tasks_named_only_by_assignments_are_implied(dataset):
    g = union(dataset)
    tasks = {str(g.value(t, GB.path)) for t in g.subjects(RDF.type, GB.Task)}
    assert tasks == {"表1", "二、(一)1."}


def test_group_types_and_position_memberships(dataset):
    g = union(dataset)
    group = make_iri("group", "三门峡市/市促进建筑业转型发展工作领导小组")
    assert (group, RDF.type, GB.LeadingGroup) in g
    positions = {str(g.value(m, GB.heldByPosition)) for m in g.subjects(ORG.organization, group)}
    assert positions == {"市长", "常务副市长", "市住房城乡建设局局长"}


def test_unit_and_person_recipients(dataset):
    g = union(dataset)
    kinds = {str(g.value(c, GB.recipientName)): kind_of(g.value(c, GB.recipient))
             for c in g.subjects(RDF.type, GB.Commendation)}
    assert kinds == {"李发军": "person", "三门峡市工业和信息化局": "organization"}


def test_adding_a_document_keeps_existing_iris():
    results = rdf_samples.all_results()
    before = graphs_of(build_dataset(results[:3] + results[4:], NO_LEXICON))
    after = graphs_of(build_dataset(results, NO_LEXICON))
    for graph, triples in before.items():
        if graph != ENTITIES_GRAPH:
            assert after[graph] == triples, "a document's graph changed when another was added"
    assert {s for s, _, _ in before[ENTITIES_GRAPH]} <= {s for s, _, _ in after[ENTITIES_GRAPH]}


def test_unknown_record_type_names_the_document():
    result = rdf_samples.appointments_2018()
    with pytest.raises(TypeError, match="三政任〔2018〕2号"):
        list(document_triples(result.document, [object()], NO_LEXICON))


def test_a_working_group_name_is_its_own_only_within_its_notice():
    """综合协调组 under two notices' groups is two nodes; a name with a body's ending (…领导小组) is
    one node across notices, within its jurisdiction; the same notice gives the same IRI again."""
    from graphbuilder.rdf.entities import group_entity

    def notice(number: str, month: int):
        title = "关于成立三门峡市脱贫攻坚普查工作领导小组的通知"
        text = f"{title}\n{number}\n…\n2020年{month}月21日\n"
        return rdf_samples.document(number, text, number, title, "三门峡市人民政府办公室", f"2020-{month:02d}-21")

    first, second = notice("三政办文〔2020〕2号", 1), notice("三政办文〔2020〕3号", 2)
    working = [group_entity(NO_LEXICON, "综合协调组", doc).iri for doc in (first, second, first)]
    assert working[0] != working[1] and working[0] == working[2]
    leading = {group_entity(NO_LEXICON, "三门峡市脱贫攻坚普查工作领导小组", doc).iri for doc in (first, second)}
    assert len(leading) == 1
