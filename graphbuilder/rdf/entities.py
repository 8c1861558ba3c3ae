"""Resolved entities → triples: persons, organisations, posts, groups, roles, agency changes.

Fact triples (``triples.py``) name entities through these functions, which ask the
resolver for the node a mention stands for. What is said of an entity once per build
(the lexicon's parent chain and validity, org:ChangeEvents of the reforms, which
mention clusters a person joined) comes from :func:`lexicon_triples` and
:func:`person_triples`, called after every document.
"""
from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, SKOS
from rdflib.term import Node

from graphbuilder.entities.agencies import AgencyLexicon
from graphbuilder.entities.evidence import PostText
from graphbuilder.entities.keys import make_iri
from graphbuilder.entities.persons import Person, person_iri
from graphbuilder.entities.resolve import OrgResolution, Resolver, organization_iri
from graphbuilder.rdf.literals import literal
from graphbuilder.rdf.ns import GB
from graphbuilder.records import Document

Triple = tuple[Node, Node, Node]
GROUP_SUFFIXES = (("领导小组", GB.LeadingGroup), ("指挥部", GB.CommandHQ),
                  ("委员会", GB.Committee), ("办公室", GB.GroupOffice))
GROUP_KINDS = {"leading_group": GB.LeadingGroup, "command_hq": GB.CommandHQ,
               "committee": GB.Committee, "office": GB.GroupOffice}


class Entity(NamedTuple):
    iri: URIRef
    name: str
    triples: tuple[Triple, ...]


def jurisdiction(resolver: Resolver, document: Document) -> str:
    return resolver.jurisdiction_of(document.issuer)


def person_entity(resolver: Resolver, name: str, document: Document, start: int) -> Entity:
    person = resolver.person(name, jurisdiction(resolver, document), document.number, start)
    return Entity(person.iri, person.name, ((person.iri, RDF.type, GB.Person),
                                            (person.iri, GB.name, literal(person.name))))


def resolution_triples(found: OrgResolution) -> list[Triple]:
    triples = [(found.iri, RDF.type, GB.Organization), (found.iri, RDF.type, GB[found.gb_class]),
               (found.iri, GB.name, literal(found.name))]
    if found.mention and found.mention != found.name:
        triples.append((found.iri, SKOS.altLabel, literal(found.mention)))
    if found.part_of is not None:
        triples.append((found.iri, ORG.subOrganizationOf, found.part_of))
    if not found.lexicon_id:
        triples.append((found.iri, GB.resolutionRule, literal(found.rule)))
    return triples


def organization_entity(resolver: Resolver, mention: str, document: Document) -> Entity:
    return organization_node(resolver, mention, document)[1]


def organization_node(resolver: Resolver, mention: str, document: Document) -> tuple[OrgResolution, Entity]:
    """The resolution of an organisation mention, and its node (with a collective's members).

    Every mention is logged; the node of a mention read on a date in a jurisdiction is made
    once (``Resolver.nodes``): notices name the same bodies again and again.
    """
    place = jurisdiction(resolver, document)
    found = resolver.organization(mention, document.date, place)
    key = ("organization", mention, document.date, place)
    entity = resolver.nodes.get(key)
    if entity is None:
        triples = resolution_triples(found)
        for member in resolver.members(mention, document.date, place):
            triples += [(found.iri, RDF.type, GB.CollectiveUnit), (found.iri, GB.standsFor, member.iri),
                        *resolution_triples(member)]
        entity = resolver.nodes[key] = Entity(found.iri, found.name, tuple(triples))
    return found, entity


def post_iri(organization_key: str, title: str) -> URIRef:
    return make_iri("post", organization_key, title)


def post_entity(resolver: Resolver, post: PostText, document: Document) -> Entity:
    """A post is keyed by its organisation's resolved key and its title."""
    triples: list[Triple] = []
    found = None
    if post.organization:
        found, org = organization_node(resolver, post.organization, document)
        triples = list(org.triples)
    key, name = (found.key, found.name) if found else ("", "")
    iri = post_iri(key, post.title)
    triples += [(iri, RDF.type, GB.Post), (iri, GB.name, literal(name + post.title))]
    if post.title:
        triples.append((iri, GB.title, literal(post.title)))
    if found:
        triples.append((iri, ORG.postIn, found.iri))
    return Entity(iri, name + post.title, tuple(triples))


def group_entity(resolver: Resolver, name: str, document: Document, kind: str = "") -> Entity:
    """三门峡市X领导小组 and 市X领导小组 share a node within a jurisdiction. A name without a
    body's ending (综合协调组, a working group under a roster's group) is its own only within
    its notice: two leading groups' 综合协调组 are two nodes."""
    key, display = resolver.group_key(name, jurisdiction(resolver, document))
    if not display.endswith(resolver.vocab.bodies_longest_first):
        key = f"{key}@{document.number}"
    iri = make_iri("group", key)
    by_suffix = next((cls for suffix, cls in GROUP_SUFFIXES if display.endswith(suffix)), None)
    triples = [(iri, RDF.type, GB.Group), (iri, GB.name, literal(display))]
    triples += [(iri, RDF.type, cls) for cls in {by_suffix, GROUP_KINDS.get(kind)} if cls is not None]
    printed = "".join(name.split())
    if display != printed:
        triples.append((iri, SKOS.altLabel, literal(printed)))
    return Entity(iri, display, tuple(triples))


def role_entity(role: str) -> Entity:
    iri = make_iri("role", role)
    return Entity(iri, role, ((iri, RDF.type, GB.Role), (iri, GB.name, literal(role))))


def date_literal(date: str) -> Literal:
    return Literal(date, datatype=XSD.date)


def lexicon_triples(lexicon: AgencyLexicon, used: Iterable[str]) -> Iterator[Triple]:
    """What the lexicon knows of the agencies a build named: parents, validity, changes.

    The closure over parents and reform partners is described too, so that a query can
    walk from 市安全生产监督管理局 to the 市应急管理局 that took it over.
    """
    wanted, queue = set(), [i for i in used if i in lexicon.agencies]
    while queue:
        agency_id = queue.pop()
        if agency_id in wanted:
            continue
        wanted.add(agency_id)
        queue += [a.id for a in lexicon.ancestors(agency_id)[:1]]
        queue += [c.new if c.old == agency_id else c.old for c in lexicon.changes if agency_id in (c.old, c.new)]
    for agency_id in sorted(wanted):
        yield from agency_triples(lexicon, agency_id)
    for change in lexicon.changes:
        if change.old in wanted and change.new in wanted:
            yield from change_triples(change)


def agency_triples(lexicon: AgencyLexicon, agency_id: str) -> Iterator[Triple]:
    agency, iri = lexicon.agencies[agency_id], organization_iri(agency_id, agency_id)
    yield iri, RDF.type, GB.Organization
    yield iri, RDF.type, GB[agency.gb_class]
    yield iri, GB.name, Literal(agency.name)
    yield iri, GB.lexiconId, Literal(agency.id)
    for alias in agency.aliases:
        yield iri, SKOS.altLabel, Literal(alias)
    if agency.jurisdiction:
        yield iri, GB.jurisdiction, Literal(agency.jurisdiction)
    if agency.parent in lexicon.agencies:
        yield iri, ORG.subOrganizationOf, organization_iri(agency.parent, agency.parent)
    if agency.valid_from:
        yield iri, GB.validFrom, date_literal(agency.valid_from)
    if agency.valid_to:
        yield iri, GB.validTo, date_literal(agency.valid_to)


def change_triples(change) -> Iterator[Triple]:
    """A reform step as an org:ChangeEvent between the old and the new body."""
    node = make_iri("change", change.old, change.new, change.date)
    old, new = organization_iri(change.old, change.old), organization_iri(change.new, change.new)
    yield node, RDF.type, ORG.ChangeEvent
    yield node, ORG.originalOrganization, old
    yield node, ORG.resultingOrganization, new
    yield node, GB.changeKind, Literal(change.kind)
    if change.date:
        yield node, DCTERMS.date, date_literal(change.date)
    if change.note:
        yield node, SKOS.note, Literal(change.note)
    yield old, ORG.changedBy, node
    yield new, ORG.resultedFrom, node


def person_triples(person: Person) -> Iterator[Triple]:
    """How a person was resolved: the rule and the mention clusters it joined."""
    yield person.iri, GB.resolutionRule, Literal(person.rule)
    yield person.iri, GB.resolutionKey, Literal(person.key)
    for cluster in person.clusters:
        yield person.iri, GB.mentionCluster, Literal(cluster)
    for key in person.absorbed:
        yield person.iri, OWL.sameAs, person_iri(key)
