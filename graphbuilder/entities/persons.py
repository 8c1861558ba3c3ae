"""Person mentions → persons: one name in one jurisdiction is one person, unless the evidence conflicts.

The unit of resolution is a *cluster*: the mentions of one name in one document
(``三门峡市/裴宗杰@三政〔2019〕9号``). Clusters of the same name are joined, in date order,
into the first person they do not conflict with. Two mentions conflict when

* both state a gender and the genders differ, or
* on the same date both say the person holds an exclusive post (a principal head:
  ``titles.tsv`` column ``exclusive``) of two different organisations.

A cluster that conflicts with every person so far starts a new person, and the conflict
is reported. Analysts' judgements (``judgements.py``) join or part clusters before and
above these rules. Every person keeps the clusters it joined.

Keys are stable: a name's first person is ``jurisdiction/name`` whatever else is added;
a person split off is keyed by the first document it appears in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from typing import Iterable

from rdflib import URIRef

from graphbuilder.entities.judgements import Judgements
from graphbuilder.entities.keys import make_iri

UNDATED = "9999-12-31"


@dataclass(frozen=True, slots=True)
class PersonMention:
    """One mention of a person in a fact, with the evidence resolution weighs."""
    name: str
    jurisdiction: str
    doc: str
    date: str
    start: int
    gender: str = ""
    organization: str = ""     # the resolved key of the post's organisation
    title: str = ""
    holds: bool = False        # the fact says the person holds the post on ``date``
    exclusive: bool = False    # the title is a principal head's

    @property
    def name_key(self) -> str:
        return f"{self.jurisdiction}/{self.name}" if self.jurisdiction else self.name

    @property
    def where(self) -> tuple[str, str, str, int]:
        return self.jurisdiction, self.name, self.doc, self.start


@dataclass(frozen=True, slots=True)
class Cluster:
    key: str                               # jurisdiction/name@doc (#n when split inside a document)
    mentions: tuple[PersonMention, ...]

    @property
    def first(self) -> tuple[str, str]:
        return min((m.date or UNDATED, m.doc) for m in self.mentions)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Why two clusters of one name were kept apart."""
    name: str
    left: str          # a cluster of the person kept
    right: str         # the cluster that started another person
    reason: str        # gender | exclusive-posts
    evidence: str
    overridden: bool = False    # a "same" judgement joined them anyway


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    iri: URIRef
    name: str
    jurisdiction: str
    clusters: tuple[str, ...]
    rule: str                       # same-name | split | judgement:same
    absorbed: tuple[str, ...] = ()  # keys of persons a "same" judgement merged into this one


@dataclass
class PersonResolution:
    persons: list[Person] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    by_mention: dict[tuple[str, str, str, int], Person] = field(default_factory=dict)

    def person(self, jurisdiction: str, name: str, doc: str, start: int) -> Person:
        found = self.by_mention.get((jurisdiction, name, doc, start))
        return found or plain_person(jurisdiction, name)

    def merged_across_documents(self) -> list[Person]:
        return [p for p in self.persons if len({c.split("@")[1].split("#")[0] for c in p.clusters}) > 1]


def person_iri(key: str) -> URIRef:
    return make_iri("person", key)


def plain_person(jurisdiction: str, name: str) -> Person:
    key = f"{jurisdiction}/{name}" if jurisdiction else name
    return Person(key, person_iri(key), name, jurisdiction, (), "same-name")


def conflict(a: PersonMention, b: PersonMention) -> tuple[str, str] | None:
    """(reason, evidence) when two mentions cannot be one person, else None."""
    if a.gender and b.gender and a.gender != b.gender:
        return "gender", f"{a.gender} in {a.doc}, {b.gender} in {b.doc}"
    if a.date and a.date == b.date and a.holds and b.holds and a.exclusive and b.exclusive \
            and a.organization and b.organization and a.organization != b.organization:
        return "exclusive-posts", (f"{a.organization}{a.title} ({a.doc}) and "
                                   f"{b.organization}{b.title} ({b.doc}) on {a.date}")
    return None


def first_conflict(left: Iterable[PersonMention], right: Iterable[PersonMention]) -> tuple[str, str] | None:
    right = list(right)
    return next((found for a in left for b in right if (found := conflict(a, b))), None)


def document_clusters(mentions: list[PersonMention]) -> list[Cluster]:
    """The mentions of one name in one document, split only where they conflict."""
    groups: list[list[PersonMention]] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        home = next((g for g in groups if not first_conflict(g, [mention])), None)
        if home is None:
            groups.append(home := [])
        home.append(mention)
    base = f"{mentions[0].name_key}@{mentions[0].doc}"
    return [Cluster(base if n == 0 else f"{base}#{n + 1}", tuple(g)) for n, g in enumerate(groups)]


class Components:
    """Union-find over cluster keys, for "same" judgements."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = sorted((self.find(a), self.find(b)))
        self.parent[rb] = ra


def expand(reference: str, clusters: dict[str, Cluster], by_name: dict[str, list[str]]) -> list[str]:
    """The clusters a judgement's side names: a cluster key, or every cluster of a person key."""
    return [reference] if reference in clusters else by_name.get(reference, [])


def resolve_persons(mentions: Iterable[PersonMention], judgements: Judgements | None = None) -> PersonResolution:
    judgements = judgements or Judgements()
    by_document = sorted(mentions, key=lambda m: (m.name_key, m.doc))
    clusters: dict[str, Cluster] = {}
    for _, group in groupby(by_document, key=lambda m: (m.name_key, m.doc)):
        for cluster in document_clusters(list(group)):
            clusters[cluster.key] = cluster
    by_name: dict[str, list[str]] = {}
    for key in clusters:
        by_name.setdefault(key.split("@")[0], []).append(key)
    components = Components()
    for judgement in judgements.of("person", "same"):
        sides = [expand(judgement.left, clusters, by_name), expand(judgement.right, clusters, by_name)]
        for a in sides[0] + sides[1]:
            components.union(a, (sides[0] + sides[1])[0])
    units: dict[str, list[Cluster]] = {}
    for key in clusters:
        units.setdefault(components.find(key), []).append(clusters[key])
    parted = {(a, b) for j in judgements.of("person", "different")
              for a in expand(j.left, clusters, by_name) for b in expand(j.right, clusters, by_name)}
    return place_units(sorted(units.values(), key=lambda u: min(c.first for c in u)), parted)


def place_units(units: list[list[Cluster]], parted: set[tuple[str, str]]) -> PersonResolution:
    """Join each unit (clusters a judgement tied together) to the first compatible person of its name."""
    resolution = PersonResolution()
    people: list[list[Cluster]] = []
    bearing: dict[str, set[int]] = {}      # name → positions in ``people`` of the persons with that name
    for unit in units:
        keys = {c.key for c in unit}
        names = {c.key.split("@")[0] for c in unit}
        home, reasons = None, []
        # Only persons sharing a name can take the unit, tried in the order they were made:
        # looking them up by name keeps this linear in the number of persons.
        for position in sorted(set().union(*(bearing.get(name, ()) for name in names))):
            person = people[position]
            if any((a, c.key) in parted or (c.key, a) in parted for a in keys for c in person):
                reasons.append((person, ("judgement", "judged different")))
                continue
            found = first_conflict([m for c in person for m in c.mentions], [m for c in unit for m in c.mentions])
            if found:
                reasons.append((person, found))
                continue
            home = person
            break
        for person, (reason, evidence) in reasons:
            resolution.conflicts.append(Conflict(unit[0].mentions[0].name, person[0].key, unit[0].key,
                                                 reason, evidence))
        if home is None:
            people.append(home := [])
            position = len(people) - 1
        for name in names:
            bearing.setdefault(name, set()).add(position)
        home.extend(sorted(unit, key=lambda c: c.first))
        resolution.conflicts.extend(overridden_conflicts(unit))
    taken: set[str] = set()
    for clusters in people:
        person = make_person(clusters, taken)
        resolution.persons.append(person)
        for cluster in clusters:
            for mention in cluster.mentions:
                resolution.by_mention[mention.where] = person
    return resolution


def overridden_conflicts(unit: list[Cluster]) -> list[Conflict]:
    """Conflicts inside a unit a "same" judgement tied together: kept, but marked overridden."""
    found = []
    for i, a in enumerate(unit):
        for b in unit[i + 1:]:
            clash = first_conflict(a.mentions, b.mentions)
            if clash:
                found.append(Conflict(a.mentions[0].name, a.key, b.key, *clash, overridden=True))
    return found


def make_person(clusters: list[Cluster], taken: set[str]) -> Person:
    """A person's key: its earliest name's plain key, or that key and its first document once taken."""
    first = min(clusters, key=lambda c: c.first)
    name_keys = sorted({c.key.split("@")[0] for c in clusters})
    plain = first.key.split("@")[0]
    key = plain if plain not in taken else f"{plain}#{first.first[1]}"
    taken.add(key)
    mention = first.mentions[0]
    rule = "judgement:same" if len(name_keys) > 1 else ("same-name" if key == plain else "split")
    return Person(key, person_iri(key), mention.name, mention.jurisdiction,
                  tuple(sorted(c.key for c in clusters)), rule,
                  tuple(k for k in name_keys if k != plain))


def summary(resolution: PersonResolution) -> dict[str, object]:
    """For report.json: persons, those joined across documents, and the conflicts that split names."""
    merged = resolution.merged_across_documents()
    return {
        "persons": len(resolution.persons),
        "merged_across_documents": len(merged),
        "merges": [{"key": p.key, "name": p.name, "rule": p.rule, "clusters": list(p.clusters)} for p in merged],
        "conflicts": [{"name": c.name, "kept": c.left, "split_off": c.right, "reason": c.reason,
                       "evidence": c.evidence, "overridden_by_judgement": c.overridden}
                      for c in resolution.conflicts],
    }
