"""A built graph as the pages see it: typed records read by the SPARQL in ``queries/``.

The pages never touch triples: :func:`load_corpus` runs the ``pages_*.rq`` queries
through ``graphbuilder.query.store.select`` once and turns every row into a frozen
record carrying its :class:`Evidence` (document number, date, quoted line), so any
fact a page shows can say where it was read. Indexes by person, group and unit are
built once here, not by each page.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from graphbuilder.query.store import select

QUERIES = Path(__file__).resolve().parent / "queries"
GB = "https://w3id.org/graphbuilder/ontology#"
SEPARATOR = "\x1f"
BASE_KINDS = {GB + "Person": "person", GB + "Group": "group", GB + "Organization": "agency"}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: the notice's number and date and the quoted text."""
    doc: str
    date: str
    quote: str
    line: int


@dataclass(frozen=True, slots=True)
class Subject:
    """A person, group or agency: the things that get a page of their own."""
    iri: str
    kind: str                    # person | group | agency
    name: str
    alt_names: tuple[str, ...]
    classes: tuple[str, ...]     # local names of its gb: classes (LeadingGroup, Enterprise …)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    iri: str
    number: str
    date: str
    title: str


@dataclass(frozen=True, slots=True)
class MembershipFact:
    iri: str
    group: str
    person: str                  # "" when the role is held by a position
    person_name: str
    role: str
    stated_post: str
    by_position: bool
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class OfficeFact:
    iri: str
    group: str
    unit: str
    unit_text: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class SubgroupFact:
    iri: str
    group: str
    parent: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class AppointmentFact:
    iri: str
    person: str
    person_name: str
    action: str                  # appoint | remove | nominate
    post: str
    post_name: str
    organization: str            # "" when the post names no organisation
    post_text: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class ObservationFact:
    iri: str
    person: str
    stated_post: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class HonourFact:
    iri: str
    recipient: str
    recipient_name: str
    is_unit: bool
    award: str
    award_text: str
    affiliation: str             # "" when no unit is printed beside the person
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class TaskInfo:
    iri: str
    path: str
    title: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class AssignmentFact:
    iri: str
    unit: str
    task: str
    kind: str                    # lead | support
    unit_text: str
    evidence: Evidence


@dataclass(frozen=True)
class Corpus:
    """Everything the pages show, read once from a built graph."""
    documents: tuple[DocumentInfo, ...] = ()
    subjects: dict[str, Subject] = field(default_factory=dict)
    memberships: tuple[MembershipFact, ...] = ()
    membership_agencies: dict[str, tuple[str, ...]] = field(default_factory=dict)   # seat → bodies
    offices: tuple[OfficeFact, ...] = ()
    subgroups: tuple[SubgroupFact, ...] = ()
    appointments: tuple[AppointmentFact, ...] = ()
    observations: tuple[ObservationFact, ...] = ()
    honours: tuple[HonourFact, ...] = ()
    tasks: dict[str, TaskInfo] = field(default_factory=dict)
    assignments: tuple[AssignmentFact, ...] = ()

    def of_kind(self, kind: str) -> list[Subject]:
        """Subjects of one kind, by name then IRI (a stable order for lists and layouts)."""
        return sorted((s for s in self.subjects.values() if s.kind == kind), key=lambda s: (s.name, s.iri))

    def name(self, iri: str) -> str:
        subject = self.subjects.get(iri)
        return subject.name if subject else iri.rsplit("/", 1)[-1]

    def counts(self) -> dict[str, int]:
        return {"documents": len(self.documents), "persons": len(self.of_kind("person")),
                "groups": len(self.of_kind("group")), "agencies": len(self.of_kind("agency")),
                "tasks": len(self.tasks)}

    # Indexes, built on first use: every page looks its facts up by subject.
    @cached_property
    def by_subject(self) -> dict[str, list]:
        index: dict[str, list] = defaultdict(list)
        for fact in self.memberships:
            index[fact.group].append(fact)
            if fact.person:
                index[fact.person].append(fact)
        for fact in self.offices:
            index[fact.group].append(fact)
            index[fact.unit].append(fact)
        for fact in self.subgroups:
            index[fact.group].append(fact)
            index[fact.parent].append(fact)
        for fact in [*self.appointments, *self.observations]:
            index[fact.person].append(fact)
        for fact in self.appointments:
            if fact.organization:
                index[fact.organization].append(fact)
        for fact in self.honours:
            index[fact.recipient].append(fact)
            if fact.affiliation:
                index[fact.affiliation].append(fact)
        for fact in self.assignments:
            index[fact.unit].append(fact)
        return index

    def facts_of(self, iri: str, cls: type) -> list:
        return [fact for fact in self.by_subject.get(iri, ()) if isinstance(fact, cls)]

    @cached_property
    def document_titles(self) -> dict[str, str]:
        return {d.number: d.title for d in self.documents}


def read_rows(store: ox.Store, name: str) -> list[dict[str, object]]:
    return select(store, (QUERIES / f"{name}.rq").read_text(encoding="utf-8"))


def evidence(row: dict[str, object]) -> Evidence:
    return Evidence(str(row["doc"]), str(row["date"]), str(row["quote"]), int(row["line"] or 0))


def records(store: ox.Store, name: str, cls: type) -> tuple:
    """Rows of ``queries/NAME.rq`` as ``cls`` records, in IRI order (stable output)."""
    fields = [f for f in cls.__dataclass_fields__ if f != "evidence"]
    rows = sorted(read_rows(store, name), key=lambda row: str(row["iri"]))
    return tuple(cls(**{f: row[f] for f in fields}, evidence=evidence(row)) for row in rows)


def pairs(store: ox.Store, name: str, key: str, value: str) -> dict[str, tuple[str, ...]]:
    """Rows of ``queries/NAME.rq`` as key → sorted values."""
    found: dict[str, set[str]] = {}
    for row in read_rows(store, name):
        found.setdefault(str(row[key]), set()).add(str(row[value]))
    return {k: tuple(sorted(v)) for k, v in found.items()}


def split_joined(value: object) -> tuple[str, ...]:
    return tuple(sorted(part for part in str(value).split(SEPARATOR) if part))


def read_subjects(store: ox.Store) -> dict[str, Subject]:
    subjects = {}
    for row in sorted(read_rows(store, "pages_subjects"), key=lambda row: (str(row["iri"]), str(row["base"]))):
        iri, kind = str(row["iri"]), BASE_KINDS[str(row["base"])]
        if iri in subjects:      # an IRI typed both group and agency keeps its first kind
            continue
        classes = tuple(c.removeprefix(GB) for c in split_joined(row["types"]) if c.startswith(GB))
        subjects[iri] = Subject(iri, kind, str(row["name"]), split_joined(row["alt_names"]), classes)
    return subjects


def load_corpus(store: ox.Store) -> Corpus:
    """Read everything the pages show from a store holding a built graph."""
    documents = tuple(DocumentInfo(**{k: str(v) for k, v in row.items()})
                      for row in read_rows(store, "pages_documents"))
    return Corpus(
        documents=documents,
        subjects=read_subjects(store),
        memberships=records(store, "pages_memberships", MembershipFact),
        membership_agencies=pairs(store, "pages_membership_agencies", "iri", "agency"),
        offices=records(store, "pages_offices", OfficeFact),
        subgroups=records(store, "pages_subgroups", SubgroupFact),
        appointments=records(store, "pages_appointments", AppointmentFact),
        observations=records(store, "pages_observations", ObservationFact),
        honours=records(store, "pages_commendations", HonourFact),
        tasks={t.iri: t for t in records(store, "pages_tasks", TaskInfo)},
        assignments=records(store, "pages_assignments", AssignmentFact),
    )
