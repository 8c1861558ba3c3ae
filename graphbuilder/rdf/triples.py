"""Records → triples: one generator per record type, PROV on every fact.

Each source document becomes its own named graph holding the document node and its
fact nodes; persons, organisations, posts, groups, roles and tenures live in one
shared entities graph. The graph a triple belongs to follows from its subject's IRI
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

from graphbuilder.entities.keys import BASE, doc_iri, kind_of, make_iri
from graphbuilder.entities.resolve import OrganizationResolver, Resolver, canonical_key
from graphbuilder.rdf.ns import GB
from graphbuilder.rdf.tenures import tenures_triples
from graphbuilder.records import (Appointment, Assignment, Commendation, Document, DocumentResult,
                                  Group, Membership, Office, Source, Task)

Triple = tuple[Node, Node, Node]
ENTITIES_GRAPH = URIRef(BASE + "graph/entities")
ENTITY_KINDS = frozenset({"person", "organization", "post", "group", "role", "tenure", "interval", "instant"})
GROUP_SUFFIXES = (("领导小组", GB.LeadingGroup), ("指挥部", GB.CommandHQ),
                  ("委员会", GB.Committee), ("办公室", GB.GroupOffice))
GROUP_KINDS = {"leading_group": GB.LeadingGroup, "command_hq": GB.CommandHQ,
               "committee": GB.Committee, "office": GB.GroupOffice}
PREFIXES = {"gb": GB._NS, "org": ORG, "prov": PROV, "dcterms": DCTERMS, "skos": SKOS}


class Entity(NamedTuple):
    iri: URIRef
    name: str
    triples: tuple[Triple, ...]


def graph_iri(number: str) -> URIRef:
    """The named graph of one source document."""
    return URIRef(str(doc_iri(number)) + "/graph")


def value_of(enum_or_str) -> str:
    return getattr(enum_or_str, "value", enum_or_str)


def texts(node: URIRef, predicate: URIRef, *values: str) -> Iterator[Triple]:
    """A plain literal per non-empty value."""
    for value in values:
        if value:
            yield node, predicate, Literal(value)


# --- entities -------------------------------------------------------------------------

def person_entity(name: str) -> Entity:
    iri = make_iri("person", name)
    return Entity(iri, name, ((iri, RDF.type, GB.Person), (iri, GB.name, Literal(name))))


def organization_entity(mention: str, date: str, resolve: OrganizationResolver) -> Entity:
    iri, name, kind = resolve.organization(mention, date)
    triples = [(iri, RDF.type, GB.Organization), (iri, RDF.type, GB[kind]), (iri, GB.name, Literal(name))]
    printed = "".join(mention.split())
    if printed != name:
        triples.append((iri, SKOS.altLabel, Literal(printed)))
    for member, member_name, member_kind in getattr(resolve, "members", lambda *_: [])(mention, date):
        triples += [(iri, RDF.type, GB.CollectiveUnit), (iri, GB.standsFor, member),
                    (member, RDF.type, GB.Organization), (member, RDF.type, GB[member_kind]),
                    (member, GB.name, Literal(member_name))]
    return Entity(iri, name, tuple(triples))


def post_entity(fact: Appointment, date: str, resolve: OrganizationResolver) -> Entity:
    """A post is keyed by its organisation's canonical name and its title."""
    title = fact.title or ("" if fact.organization else fact.post)
    triples: list[Triple] = []
    org_name = ""
    if fact.organization:
        org = organization_entity(fact.organization, date, resolve)
        org_name, triples = org.name, list(org.triples)
    iri = make_iri("post", org_name, title)
    triples += [(iri, RDF.type, GB.Post), (iri, GB.name, Literal(org_name + title))]
    triples += texts(iri, GB.title, title)
    if fact.organization:
        triples.append((iri, ORG.postIn, org.iri))
    return Entity(iri, org_name + title, tuple(triples))


def group_entity(name: str, kind: str = "") -> Entity:
    """Keyed like organisations, so 三门峡市X领导小组 and 市X领导小组 share a node."""
    key = canonical_key(name)
    iri = make_iri("group", key)
    by_suffix = next((cls for suffix, cls in GROUP_SUFFIXES if key.endswith(suffix)), None)
    triples = [(iri, RDF.type, GB.Group), (iri, GB.name, Literal(key))]
    triples += [(iri, RDF.type, cls) for cls in {by_suffix, GROUP_KINDS.get(kind)} if cls is not None]
    if key != "".join(name.split()):
        triples.append((iri, SKOS.altLabel, Literal("".join(name.split()))))
    return Entity(iri, key, tuple(triples))


def role_entity(role: str) -> Entity:
    iri = make_iri("role", role)
    return Entity(iri, role, ((iri, RDF.type, GB.Role), (iri, GB.name, Literal(role))))


# --- facts ----------------------------------------------------------------------------

def fact_iri(kind: str, document: Document, source: Source, *fields: str) -> URIRef:
    return make_iri(kind, document.number, *fields, str(source.start))


def task_iri(document: Document, path: str) -> URIRef:
    """Tasks are keyed by path alone, so assignments can point to them."""
    return make_iri("task", document.number, path)


def provenance(node: URIRef, cls: URIRef, source: Source, document: Document) -> Iterator[Triple]:
    yield node, RDF.type, cls
    yield node, PROV.wasDerivedFrom, doc_iri(document.number)
    yield node, GB.quote, Literal(source.quote)
    yield node, GB.startOffset, Literal(source.start)
    yield node, GB.endOffset, Literal(source.end)
    yield node, GB.line, Literal(source.line)


def document_node(document: Document) -> Iterator[Triple]:
    node = doc_iri(document.number)
    yield node, RDF.type, GB.SourceDocument
    yield from texts(node, GB.documentNumber, document.number)
    yield from texts(node, GB.numberPrinted, document.number_printed)
    yield from texts(node, DCTERMS.title, document.title)
    if document.date:
        yield node, DCTERMS.date, Literal(document.date, datatype=XSD.date)
    yield from texts(node, GB.issuer, document.issuer)
    yield from texts(node, GB.section, document.section)
    yield from texts(node, GB.issue, document.issue)


def appointment_triples(fact: Appointment, document: Document, resolve) -> Iterator[Triple]:
    action = value_of(fact.action)
    node = fact_iri("appointment", document, fact.source, fact.person, action, fact.post)
    person, post = person_entity(fact.person), post_entity(fact, document.date, resolve)
    yield from provenance(node, GB.AppointmentEvent, fact.source, document)
    yield from person.triples
    yield from post.triples
    yield node, GB.action, Literal(action)
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
    group, role = group_entity(fact.group), role_entity(fact.role)
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
    if fact.person:
        person = person_entity(fact.person)
        yield from person.triples
        yield node, ORG.member, person.iri
        yield from texts(node, GB.personName, fact.person)
    if fact.person and fact.stated_post:
        yield from observation_triples(fact, document)


def observation_triples(fact: Membership, document: Document) -> Iterator[Triple]:
    """A roster line with a bracketed post also records that post on the notice's date."""
    node = fact_iri("observation", document, fact.source, fact.person, fact.stated_post)
    yield from provenance(node, GB.PostObservation, fact.source, document)
    yield node, GB.person, person_entity(fact.person).iri
    yield from texts(node, GB.personName, fact.person)
    yield from texts(node, GB.statedPost, fact.stated_post)
    if document.date:
        yield node, GB.observedOn, Literal(document.date, datatype=XSD.date)


def office_triples(fact: Office, document: Document, resolve) -> Iterator[Triple]:
    node = fact_iri("office", document, fact.source, fact.group, fact.unit)
    group, unit = group_entity(fact.group), organization_entity(fact.unit, document.date, resolve)
    yield from provenance(node, GB.OfficeSite, fact.source, document)
    yield from group.triples
    yield from unit.triples
    yield node, GB.group, group.iri
    yield node, GB.unit, unit.iri
    yield from texts(node, GB.groupName, fact.group)
    yield from texts(node, GB.unitText, fact.unit)


def group_triples(fact: Group, document: Document, resolve) -> Iterator[Triple]:
    node = fact_iri("group_listing", document, fact.source, fact.name)
    group = group_entity(fact.name, fact.kind)
    yield from provenance(node, GB.GroupListing, fact.source, document)
    yield from group.triples
    yield node, GB.group, group.iri
    yield from texts(node, GB.groupName, fact.name)
    yield from texts(node, GB.groupKind, fact.kind)
    if fact.parent:
        parent = group_entity(fact.parent)
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
    unit = organization_entity(fact.unit, document.date, resolve)
    yield from provenance(node, GB.Assignment, fact.source, document)
    yield from unit.triples
    yield node, GB.task, task_iri(document, fact.task)
    yield node, GB.unit, unit.iri
    yield node, GB.kind, Literal(kind)
    yield from texts(node, GB.taskPath, fact.task)
    yield from texts(node, GB.taskTitle, fact.task_title)
    yield from texts(node, GB.unitText, fact.unit)
    yield from texts(node, GB.unitPrinted, fact.unit_printed)
    yield from texts(node, GB.listLabel, fact.list_label)
    yield from texts(node, GB.deadline, fact.deadline)


def commendation_triples(fact: Commendation, document: Document, resolve) -> Iterator[Triple]:
    node = fact_iri("commendation", document, fact.source, fact.recipient, fact.award)
    recipient = (organization_entity(fact.recipient, document.date, resolve) if fact.is_unit
                 else person_entity(fact.recipient))
    yield from provenance(node, GB.Commendation, fact.source, document)
    yield from recipient.triples
    yield node, GB.recipient, recipient.iri
    yield node, GB.recipientIsUnit, Literal(bool(fact.is_unit))
    yield from texts(node, GB.recipientName, fact.recipient)
    yield from texts(node, GB.award, fact.award)
    yield from texts(node, GB.awardText, fact.award_text)
    yield from texts(node, GB.affiliationText, fact.affiliation)
    if fact.affiliation:
        affiliation = organization_entity(fact.affiliation, document.date, resolve)
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


def document_triples(document: Document, facts: list, resolve: OrganizationResolver) -> Iterator[Triple]:
    """The document node, its facts and the entities they name."""
    yield from document_node(document)
    for fact in [*facts, *implied_tasks(facts)]:
        make = RECORD_TRIPLES.get(type(fact))
        if make is None:
            raise TypeError(f"no triples for record type {type(fact).__name__} in {document.number}; "
                            f"register it in RECORD_TRIPLES")
        yield from make(fact, document, resolve)


def build_dataset(results: Iterable[DocumentResult], resolve: OrganizationResolver | None = None) -> Dataset:
    """One named graph per document plus the shared entities graph (and tenures over all)."""
    resolve = resolve or Resolver()
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    entities = dataset.graph(ENTITIES_GRAPH)
    numbers = set()
    for result in results:
        numbers.add(result.document.number)
        graph = dataset.graph(graph_iri(result.document.number))
        for triple in document_triples(result.document, result.facts, resolve):
            (entities if kind_of(triple[0]) in ENTITY_KINDS else graph).add(triple)
    for triple in tenures_triples(dataset.graph(graph_iri(number)) for number in sorted(numbers)):
        entities.add(triple)
    return dataset
