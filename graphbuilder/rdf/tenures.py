"""Appointment events and roster observations → tenures: who held which post, from when to when.

Tenures join events from different notices, so they are computed once over the whole
build, after every document's graph exists, and read the events back from those
graphs: a tenure can only rest on facts the graph holds.

An appointment opens a tenure (time:hasBeginning), a removal closes it (time:hasEnd),
a roster that states the post (gb:PostObservation) shows it running on its date. A
removal with no known start, or observations with no appointment, make a partial tenure;
an end is never invented: a tenure no removal closes has status "unknown", not "current".

A tenure is keyed by holder, post and the removal that ended the holder's previous
tenure of that post ("none" for the first one the gazettes show). Neither its first nor
its last evidence enters the key: a later notice that closes it, or an older one that
shows its appointment or an earlier roster, extends the same node instead of minting a
new IRI. Holding a post twice gives two tenures, told apart by the removal between.
Only an older notice revealing an earlier, separate holding of the same post (a removal
before all of a tenure's evidence) re-keys the tenures after it: they now follow a removal.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, TIME

from graphbuilder.entities.keys import make_iri
from graphbuilder.rdf.ns import GB

UNDATED = "9999-12-31"   # undated notices sort after every dated one
OBSERVE = "observe"
TENURE_ACTIONS = frozenset({"appoint", "remove", OBSERVE})   # nominations neither open nor close
NO_REMOVAL = "none"


@dataclass(frozen=True, slots=True)
class Event:
    """What a tenure needs to know about one AppointmentEvent node."""
    iri: URIRef
    person: URIRef
    post: URIRef
    action: str
    date: str
    number: str
    start: int

    def order(self) -> tuple:
        return (self.date or UNDATED, self.number, self.start, str(self.iri))


@dataclass(slots=True)
class Tenure:
    iri: URIRef
    person: URIRef
    post: URIRef
    opened: Event | None = None
    closed: Event | None = None
    confirmed: list[Event] = field(default_factory=list)
    observed: list[Event] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "ended" if self.closed else "unknown"

    def evidence_dates(self) -> list[str]:
        """Dates the gazettes show the tenure running (not its removal)."""
        events = [self.opened, *self.confirmed, *self.observed]
        return sorted(e.date for e in events if e is not None and e.date)


def read_events(graph: Graph) -> Iterator[Event]:
    """The appointment events and post observations (one per stated post) of one document graph."""
    for node in graph.subjects(RDF.type, GB.AppointmentEvent):
        yield event(graph, node, graph.value(node, GB.post), str(graph.value(node, GB.action)))
    for node in graph.subjects(RDF.type, GB.PostObservation):
        for post in sorted(graph.objects(node, GB.post)):
            yield event(graph, node, post, OBSERVE)


class TripleLookup:
    """The three lookups :func:`read_events` makes, over one document's plain triples.

    A build reads every document's events as the document is made; an rdflib Graph a
    document cost ~10 µs a triple, and its store holds reference cycles that the build's
    paused collector never freed. ``value`` takes the least of several values (rdflib
    takes any), so that a doubled date cannot make two builds differ.
    """

    def __init__(self, triples: Iterable[tuple]):
        self.index: dict = {}
        for s, p, o in triples:
            self.index.setdefault(s, {}).setdefault(p, set()).add(o)

    def subjects(self, predicate, value) -> list:
        return [s for s, predicates in self.index.items() if value in predicates.get(predicate, ())]

    def objects(self, subject, predicate) -> set:
        return self.index.get(subject, {}).get(predicate, set())

    def value(self, subject, predicate):
        values = self.objects(subject, predicate)
        return min(values, key=lambda v: (type(v).__name__, str(v))) if values else None


def event(graph: Graph, node: URIRef, post: URIRef, action: str) -> Event:
    doc = graph.value(node, PROV.wasDerivedFrom)
    return Event(node, graph.value(node, GB.person), post, action,
                 str(graph.value(doc, DCTERMS.date) or ""), str(graph.value(doc, GB.documentNumber) or ""),
                 int(graph.value(node, GB.startOffset)))


def pair_events(events: Iterable[Event]) -> list[Tenure]:
    """Walk each person × post's events in date order: appoint opens (or extends), remove closes."""
    by_holding: dict[tuple[URIRef, URIRef], list[Event]] = {}
    for event in events:
        by_holding.setdefault((event.person, event.post), []).append(event)
    tenures: list[Tenure] = []
    for (person, post), holding in sorted(by_holding.items()):
        current: Tenure | None = None
        after = NO_REMOVAL        # the removal that ended this holder's previous tenure of the post
        for event in sorted(holding, key=Event.order):
            if event.action not in TENURE_ACTIONS:
                continue
            if current is None:
                current = Tenure(make_iri("tenure", person, post, "after", after), person, post)
                tenures.append(current)
                if event.action == "appoint":
                    current.opened = event
                    continue
            if event.action == OBSERVE:
                current.observed.append(event)
            elif event.action == "appoint":
                current.confirmed.append(event)
            else:
                current.closed = event
                current, after = None, event.iri
    return tenures


def instant(date: str) -> tuple[URIRef, list[tuple]]:
    node = make_iri("instant", date)
    return node, [(node, RDF.type, TIME.Instant), (node, TIME.inXSDDate, Literal(date, datatype=XSD.date))]


def tenure_triples(tenure: Tenure) -> Iterator[tuple]:
    """A tenure, its interval and the instants that bound it."""
    interval = make_iri("interval", tenure.iri)
    yield tenure.iri, RDF.type, GB.Tenure
    yield tenure.iri, GB.holder, tenure.person
    yield tenure.iri, GB.post, tenure.post
    yield tenure.iri, GB.during, interval
    yield interval, RDF.type, TIME.Interval
    for event, predicate, bound in ((tenure.opened, GB.openedBy, TIME.hasBeginning),
                                    (tenure.closed, GB.closedBy, TIME.hasEnd)):
        if event is None:
            continue
        yield tenure.iri, predicate, event.iri
        if event.date:
            node, triples = instant(event.date)
            yield interval, bound, node
            yield from triples
    for event in tenure.confirmed:
        yield tenure.iri, GB.confirmedBy, event.iri
    for event in tenure.observed:
        yield tenure.iri, GB.observedBy, event.iri
    yield tenure.iri, GB.tenureStatus, Literal(tenure.status)
    dates = tenure.evidence_dates()
    if dates:
        yield tenure.iri, GB.firstEvidence, Literal(dates[0], datatype=XSD.date)
        yield tenure.iri, GB.lastEvidence, Literal(dates[-1], datatype=XSD.date)


def events_tenures(events: Iterable[Event]) -> Iterator[tuple]:
    """All tenures over events already read (a build reads them document by document,
    keeping a small Event each instead of the documents' triples)."""
    for tenure in pair_events(events):
        yield from tenure_triples(tenure)
