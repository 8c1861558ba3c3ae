"""Records → triples: one generator per record type, PROV on every fact.

Each source document becomes its own named graph holding the document node and its
fact nodes; persons, organisations, posts, groups, roles and tenures live in one
shared entities graph; the corpus rankings the build counts (`rdf/summaries.py`) in a
summaries graph. The graph a triple belongs to follows from its subject's IRI
kind (``keys.kind_of``), so the record functions just yield triples.

Fact nodes keep the text as printed (post, role, stated post, unit, labels …) beside
the links to resolved entities: the facts export is rebuilt from these literals, and
the entities can be re-resolved without losing what the notice said. Empty strings
are not written; the export reads a missing literal as "".
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator, NamedTuple

from rdflib import RDF, XSD, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS
from rdflib.term import Node

from graphbuilder.entities.evidence import appointment_post, person_mentions, stated_posts
from graphbuilder.entities.persons import resolve_persons
from graphbuilder.entities.keys import BASE, doc_iri, kind_of, make_iri
from graphbuilder.entities.resolve import Resolver
from graphbuilder.rdf.entities import (group_entity, lexicon_triples, organization_entity, person_entity,
                                       person_triples, post_entity, role_entity)
from graphbuilder.rdf.literals import literal
from graphbuilder.rdf.ns import GB
from graphbuilder.rdf.summaries import SUMMARIES_GRAPH, summary_triples
from graphbuilder.rdf.tenures import Event, TripleLookup, events_tenures, read_events
from graphbuilder.records import (Appointment, Assignment, Commendation, Document, DocumentResult,
                                  Group, Membership, Office, Source, Task)

Triple = tuple[Node, Node, Node]
ENTITIES_GRAPH = URIRef(BASE + "graph/entities")
ENTITY_KINDS = frozenset({"person", "organization", "post", "group", "role", "tenure", "interval", "instant",
                          "change"})
TENURE_EVIDENCE_KINDS = frozenset({"appointment", "observation", "document"})   # what tenures read
PREFIXES = {"gb": GB._NS, "org": ORG, "prov": PROV, "dcterms": DCTERMS, "skos": SKOS}


def graph_iri(number: str) -> URIRef:
    """The named graph of one source document."""
    return URIRef(str(doc_iri(number)) + "/graph")


def value_of(enum_or_str) -> str:
    return getattr(enum_or_str, "value", enum_or_str)


def texts(node: URIRef, predicate: URIRef, *values: str) -> Iterator[Triple]:
    """A plain literal per non-empty value."""
    for value in values:
        if value:
            yield node, predicate, literal(value)


# --- facts ----------------------------------------------------------------------------

def fact_iri(kind: str, document: Document, source: Source, *fields: str) -> URIRef:
    return make_iri(kind, document.number, *fields, str(source.start))


def task_iri(document: Document, path: str) -> URIRef:
    """Tasks are keyed by path alone, so assignments can point to them."""
    return make_iri("task", document.number, path)


# predicates of every fact, looked up once (a namespace attribute is a Python-level lookup)
TYPE, DERIVED_FROM, QUOTE, START, END, LINE = (RDF.type, PROV.wasDerivedFrom, GB.quote, GB.startOffset,
                                               GB.endOffset, GB.line)


def provenance(node: URIRef, cls: URIRef, source: Source, document: Document) -> Iterator[Triple]:
    yield node, TYPE, cls
    yield node, DERIVED_FROM, doc_iri(document.number)
    yield node, QUOTE, Literal(source.quote)          # quotes rarely recur: not worth caching
    yield node, START, literal(source.start)
    yield node, END, literal(source.end)
    yield node, LINE, literal(source.line)
    page = document.page_of(source.start)
    if page:                                         # PDF sources only
        yield node, GB.page, literal(page)


def document_node(document: Document) -> Iterator[Triple]:
    node = doc_iri(document.number)
    yield node, RDF.type, GB.SourceDocument
    yield from texts(node, GB.documentNumber, document.number)
    yield from texts(node, GB.numberPrinted, document.number_printed)
    yield from texts(node, DCTERMS.title, document.title)
    if document.date:
        yield node, DCTERMS.date, literal(document.date, datatype=XSD.date)
    yield from texts(node, GB.issuer, document.issuer)
    yield from texts(node, GB.section, document.section)
    yield from texts(node, GB.issue, document.issue)


def appointment_triples(fact: Appointment, document: Document, resolve) -> Iterator[Triple]:
    action = value_of(fact.action)
    node = fact_iri("appointment", document, fact.source, fact.person, action, fact.post)
    person = person_entity(resolve, fact.person, document, fact.source.start)
    post = post_entity(resolve, appointment_post(fact, resolve.vocab), document)
    yield from provenance(node, GB.AppointmentEvent, fact.source, document)
    yield from person.triples
    yield from post.triples
    yield node, GB.action, literal(action)
    yield node, GB.person, person.iri
    yield node, GB.post, post.iri
    yield from texts(node, GB.personName, fact.person)
    yield from texts(node, GB.postText, fact.post)
    yield from texts(node, GB.organizationText, fact.organization)
    yield from texts(node, GB.titleText, fact.title)
    yield from texts(node, GB.qualifier, *fact.qualifiers)
    yield from texts(node, GB.gender, fact.gender)


def membership_triples(fact: Membership, document: Document, resolve) -> Iterator[Triple]:
    node = fact_iri("membership", document, fact.source, fact.group, fact.person, fact.role, fact.stated_post)
    group, role = group_entity(resolve, fact.group, document), role_entity(fact.role)
    yield from provenance(node, GB.Membership, fact.source, document)
    yield from group.triples
    yield from role.triples
    yield node, ORG.organization, group.iri
    yield node, ORG.role, role.iri
    yield from texts(node, GB.groupName, fact.group)
    yield from texts(node, GB.roleText, fact.role)
    yield from texts(node, GB.statedPost, fact.stated_post)
    yield from texts(node, GB.qualifier, *fact.qualifiers)
    if fact.by_position:
        yield node, GB.heldByPosition, Literal(fact.stated_post)
    for post in stated_posts(fact.stated_post, resolve.vocab) if fact.stated_post else ():
        entity = post_entity(resolve, post, document)     # the post (and body) the seat stands for
        yield from entity.triples
        yield node, GB.post, entity.iri
    if fact.person:
        person = person_entity(resolve, fact.person, document, fact.source.start)
        yield from person.triples
        yield node, ORG.member, person.iri
        yield from texts(node, GB.personName, fact.person)
    if fact.person and fact.stated_post:
        yield from observation_triples(fact, document, resolve)


def observation_triples(fact: Membership, document: Document, resolve: Resolver) -> Iterator[Triple]:
    """A roster line with a bracketed post also records that post (or posts) on the notice's date."""
    node = fact_iri("observation", document, fact.source, fact.person, fact.stated_post)
    yield from provenance(node, GB.PostObservation, fact.source, document)
    yield node, GB.person, person_entity(resolve, fact.person, document, fact.source.start).iri
    for post in stated_posts(fact.stated_post, resolve.vocab):
        entity = post_entity(resolve, post, document)
        yield from entity.triples
        yield node, GB.post, entity.iri
    yield from texts(node, GB.personName, fact.person)
    yield from texts(node, GB.statedPost, fact.stated_post)
    if document.date:
        yield node, GB.observedOn, literal(document.date, datatype=XSD.date)


def office_triples(fact: Office, document: Document, resolve) -> Iterator[Triple]:
    node = fact_iri("office", document, fact.source, fact.group, fact.unit)
    group, unit = group_entity(resolve, fact.group, document), organization_entity(resolve, fact.unit, document)
    yield from provenance(node, GB.OfficeSite, fact.source, document)
    yield from group.triples
    yield from unit.triples
    yield node, GB.group, group.iri
    yield node, GB.unit, unit.iri
    yield from texts(node, GB.groupName, fact.group)
    yield from texts(node, GB.unitText, fact.unit)


def group_triples(fact: Group, document: Document, resolve) -> Iterator[Triple]:
    node = fact_iri("group_listing", document, fact.source, fact.name)
    group = group_entity(resolve, fact.name, document, fact.kind)
    yield from provenance(node, GB.GroupListing, fact.source, document)
    yield from group.triples
    yield node, GB.group, group.iri
    yield from texts(node, GB.groupName, fact.name)
    yield from texts(node, GB.groupKind, fact.kind)
    if fact.parent:
        parent = group_entity(resolve, fact.parent, document)
        yield from parent.triples
        yield node, GB.parentGroup, parent.iri
        yield group.iri, ORG.subOrganizationOf, parent.iri


def task_triples(fact: Task, document: Document, resolve) -> Iterator[Triple]:
    node = task_iri(document, fact.path)
    yield from provenance(node, GB.Task, fact.source, document)
    yield from texts(node, GB.path, fact.path)
    yield from texts(node, DCTERMS.title, fact.title)
    yield from texts(node, GB.text, fact.text)
    if fact.parent:
        yield node, GB.parentTask, task_iri(document, fact.parent)


def assignment_triples(fact: Assignment, document: Document, resolve) -> Iterator[Triple]:
    kind = value_of(fact.kind)
    node = fact_iri("assignment", document, fact.source, fact.task, fact.unit, kind)
    unit = organization_entity(resolve, fact.unit, document)
    yield from provenance(node, GB.Assignment, fact.source, document)
    yield from unit.triples
    yield node, GB.task, task_iri(document, fact.task)
    yield node, GB.unit, unit.iri
    yield node, GB.kind, literal(kind)
    yield from texts(node, GB.taskPath, fact.task)
    yield from texts(node, GB.taskTitle, fact.task_title)
    yield from texts(node, GB.unitText, fact.unit)
    yield from texts(node, GB.unitPrinted, fact.unit_printed)
    yield from texts(node, GB.listLabel, fact.list_label)
    yield from texts(node, GB.deadline, fact.deadline)


def commendation_triples(fact: Commendation, document: Document, resolve) -> Iterator[Triple]:
    node = fact_iri("commendation", document, fact.source, fact.recipient, fact.award)
    recipient = (organization_entity(resolve, fact.recipient, document) if fact.is_unit
                 else person_entity(resolve, fact.recipient, document, fact.source.start))
    yield from provenance(node, GB.Commendation, fact.source, document)
    yield from recipient.triples
    yield node, GB.recipient, recipient.iri
    yield node, GB.recipientIsUnit, literal(bool(fact.is_unit))
    yield from texts(node, GB.recipientName, fact.recipient)
    yield from texts(node, GB.award, fact.award)
    yield from texts(node, GB.awardText, fact.award_text)
    yield from texts(node, GB.affiliationText, fact.affiliation)
    if fact.affiliation:
        affiliation = organization_entity(resolve, fact.affiliation, document)
        yield from affiliation.triples
        yield node, GB.affiliation, affiliation.iri


RECORD_TRIPLES: dict[type, Callable[..., Iterator[Triple]]] = {
    Appointment: appointment_triples, Membership: membership_triples, Office: office_triples,
    Group: group_triples, Task: task_triples, Assignment: assignment_triples,
    Commendation: commendation_triples,
}


def implied_tasks(facts: list) -> list[Task]:
    """Tasks that assignments name but no Task record describes, sourced at their first assignment."""
    known = {fact.path for fact in facts if isinstance(fact, Task)}
    first: dict[str, Assignment] = {}
    for fact in facts:
        if isinstance(fact, Assignment) and fact.task not in known:
            seen = first.get(fact.task)
            if seen is None or (fact.source.start, fact.source.end) < (seen.source.start, seen.source.end):
                first[fact.task] = fact
    return [Task(path, a.task_title, "", "", a.source) for path, a in sorted(first.items())]


def document_triples(document: Document, facts: list, resolve: Resolver) -> Iterator[Triple]:
    """The document node, its facts and the entities they name."""
    yield from document_node(document)
    for fact in [*facts, *implied_tasks(facts)]:
        make = RECORD_TRIPLES.get(type(fact))
        if make is None:
            raise TypeError(f"no triples for record type {type(fact).__name__} in {document.number}; "
                            f"register it in RECORD_TRIPLES")
        yield from make(fact, document, resolve)


def build_dataset(results: Iterable[DocumentResult], resolve: Resolver | None = None) -> Dataset:
    """One named graph per document plus the shared entities graph (and tenures over all)."""
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    dataset.addN(dataset_quads(results, resolve, dataset.graph))
    return dataset


def dataset_quads(results: Iterable[DocumentResult], resolve: Resolver | None = None,
                  make_graph: Callable[[URIRef], object] = URIRef) -> Iterator[tuple]:
    """The quads of :func:`build_dataset`, as they are made: (s, p, o, graph made by ``make_graph``)."""
    resolve = resolve or Resolver()
    results = list(results)
    events: list[Event] = []
    entities = make_graph(ENTITIES_GRAPH)
    for part in document_graphs(results, resolve, events):
        graph = make_graph(part.name)
        for triple in part.triples:
            yield (*triple, graph)
        for triple in part.entities:
            yield (*triple, entities)
    for triple in closing_triples(resolve, events):
        yield (*triple, entities)
    summaries = make_graph(SUMMARIES_GRAPH)
    for triple in summary_triples(results, resolve):
        yield (*triple, summaries)


class DocumentGraph(NamedTuple):
    """One document's named graph as made: its own triples, and the entity triples it named
    (which belong to the shared entities graph)."""
    name: URIRef
    triples: list[Triple]
    entities: list[Triple]


def document_graphs(results: Iterable[DocumentResult], resolve: Resolver,
                    events: list[Event]) -> Iterator[DocumentGraph]:
    """Each document's graph, in graph-IRI order (the order TriG prints them; results that
    share a document number make one graph), so that a writer can print and drop each.

    The tenures need the appointment events and observations of every document: each
    graph's are read as it is made and appended to ``events`` (a small record each), so
    no document's triples are kept for them.
    """
    by_graph = results_by_graph(results, resolve)
    for name in sorted(by_graph):
        graph, found = document_graph(name, by_graph[name], resolve)
        events.extend(found)
        yield graph


def results_by_graph(results: Iterable[DocumentResult], resolve: Resolver) -> dict[str, list[DocumentResult]]:
    """The results of each named graph, with persons resolved over the whole build first
    (a person's IRI depends on every mention of the name): what :func:`document_graph`
    needs, in any process and any order."""
    results = list(results)
    resolve.persons = resolve_persons(person_mentions(results, resolve.vocab, resolve), resolve.judgements)
    by_graph: dict[str, list[DocumentResult]] = {}
    for result in results:
        by_graph.setdefault(str(graph_iri(result.document.number)), []).append(result)
    return by_graph


def document_graph(name: str, results: list[DocumentResult], resolve: Resolver) -> tuple[DocumentGraph, list[Event]]:
    """One named graph (``name``, of :func:`results_by_graph`) and the tenure events it holds."""
    own: list[Triple] = []
    entities: list[Triple] = []
    evidence: list[Triple] = []
    for result in results:
        subject, kind = None, ""
        for triple in document_triples(result.document, result.facts, resolve):
            if triple[0] is not subject:          # a node's triples come together: its kind once
                subject, kind = triple[0], kind_of(triple[0])
            if kind in ENTITY_KINDS:
                entities.append(triple)
                continue
            own.append(triple)
            if kind in TENURE_EVIDENCE_KINDS:
                evidence.append(triple)
    return DocumentGraph(URIRef(name), own, entities), list(read_events(TripleLookup(evidence)))


def closing_triples(resolve: Resolver, events: Iterable[Event]) -> Iterator[Triple]:
    """What the entities graph gets once every document is made: the lexicon's agencies the
    build named, how persons were resolved, and the tenures over all events."""
    yield from named_lexicon_triples(resolve)
    yield from resolved_person_triples(resolve)
    yield from events_tenures(events)


def named_lexicon_triples(resolve: Resolver) -> Iterator[Triple]:
    """The lexicon's agencies the build named (``Resolver.log``, complete once every document is made)."""
    return lexicon_triples(resolve.lexicon, {lexicon_id for _, _, lexicon_id, _ in resolve.log})


def resolved_person_triples(resolve: Resolver) -> Iterator[Triple]:
    """How each person was resolved (known once persons are resolved, before any graph is made)."""
    for person in resolve.persons.persons:
        yield from person_triples(person)
