"""The agency lexicon: canonical organisations, their names, parents, validity and changes.

Reads ``lexicon/agencies.tsv`` (one row per body, with every short form printed in
gazettes), ``lexicon/renames.tsv`` (the changes of the institutional reforms: renamed,
merged into, split from) and ``lexicon/abbreviations.tsv`` (the regular ways a full
name is shortened: 人民政府 → 政府, 委员会 → 委, dropping 和). Every name is indexed in
the jurisdiction of its row, relative to it (市财政局 for 三门峡市财政局), so that a
mention is matched by the same rule whichever way it was printed.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from graphbuilder.entities.places import Places, clean

# lexicon types → gb: classes. The lexicon is finer than the ontology: bodies that are
# neither government, party nor enterprise become OtherOrganization.
CLASS_OF_TYPE = {
    "government_department": "GovernmentDepartment", "central_agency_branch": "GovernmentDepartment",
    "development_zone": "GovernmentDepartment", "local_government": "LocalGovernment",
    "party_organ": "PartyOrgan", "enterprise": "Enterprise", "financial_institution": "Enterprise",
    "peoples_congress": "OtherOrganization", "cppcc": "OtherOrganization",
    "court_procuratorate": "OtherOrganization", "mass_organization": "OtherOrganization",
    "military": "OtherOrganization", "public_institution": "OtherOrganization",
    "other": "OtherOrganization",
}
COLLECTIVE_ID_PREFIX = "coll-"
ANYWHERE = "*"    # the scope of names that carry their place (国道三一零南移工程灵宝段建设指挥部)


@dataclass(frozen=True, slots=True)
class Agency:
    """One row of ``agencies.tsv``."""
    id: str
    name: str
    type: str              # the lexicon's type (government_department …)
    parent: str = ""
    valid_from: str = ""
    valid_to: str = ""
    aliases: tuple[str, ...] = ()
    jurisdiction: str = ""

    @property
    def gb_class(self) -> str:
        if self.id.startswith(COLLECTIVE_ID_PREFIX):
            return "CollectiveUnit"
        return CLASS_OF_TYPE.get(self.type, "OtherOrganization")

    def valid_on(self, date: str) -> bool:
        """Undated mentions match every row; empty bounds are open."""
        return not date or ((not self.valid_from or self.valid_from <= date) and
                            (not self.valid_to or date <= self.valid_to))


@dataclass(frozen=True, slots=True)
class Change:
    """One row of ``renames.tsv``: ``old`` became (part of) ``new`` on ``date``."""
    old: str
    new: str
    date: str
    kind: str      # renamed | merged_into | split_from
    note: str = ""


@dataclass(frozen=True, slots=True)
class Abbreviation:
    rule: str
    find: str
    replace: str

    def apply(self, text: str) -> str:
        return text.replace(self.find, self.replace)


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    agency: Agency
    rule: str          # lexicon:name | lexicon:alias | abbreviation:<rules> …
    matched: str       # the lexicon name or alias that matched


def read_rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items() if k}
                for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def short_forms(text: str, abbreviations: tuple[Abbreviation, ...]) -> dict[str, tuple[str, ...]]:
    """Every form the abbreviation rules make of a name, applied in file order, each subset once.

    Rules compete (监督管理委员会 is shortened 监督管理委 in 国资委, 管委会 in a zone's name), so
    every subset is tried: short form → the rules that made it (the fewest, first found).
    """
    forms: dict[str, tuple[str, ...]] = {text: ()}
    for abbreviation in abbreviations:
        for form, rules in list(forms.items()):
            shorter = abbreviation.apply(form)
            if shorter != form and shorter not in forms:
                forms[shorter] = (*rules, abbreviation.rule)
    return forms


@dataclass
class AgencyLexicon:
    """Agencies indexed by (scope, relative name) and by (scope, short form)."""
    places: Places
    agencies: dict[str, Agency] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    abbreviations: tuple[Abbreviation, ...] = ()
    collectives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    names: dict[tuple[str, str], list[tuple[Agency, str]]] = field(default_factory=dict)
    short_forms: dict[tuple[str, str], list[tuple[Agency, str, tuple[str, ...]]]] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path, places: Places) -> "AgencyLexicon":
        """Load the lexicon files of ``folder`` (missing files: an empty lexicon)."""
        lexicon = cls(places)
        for row in read_rows(folder / "agencies.tsv"):
            if row.get("id") and row.get("name"):
                lexicon.add(Agency(row["id"], clean(row["name"]), row.get("type", ""), row.get("parent", ""),
                                   row.get("valid_from", ""), row.get("valid_to", ""),
                                   tuple(clean(a) for a in row.get("aliases", "").split("|") if a.strip()),
                                   row.get("jurisdiction", "")))
        lexicon.changes = [Change(r["old_id"], r["new_id"], r.get("date", ""), r.get("kind", ""), r.get("note", ""))
                           for r in read_rows(folder / "renames.tsv") if r.get("old_id") and r.get("new_id")]
        lexicon.abbreviations = tuple(Abbreviation(r["rule"], r["find"], r.get("replace", ""))
                                      for r in read_rows(folder / "abbreviations.tsv") if r.get("find"))
        members: dict[str, list[str]] = {}
        for row in read_rows(folder / "collectives.tsv"):
            members.setdefault(row["collective_id"], []).append(row["member_id"])
        lexicon.collectives = {k: tuple(v) for k, v in members.items()}
        lexicon.index_short_forms()
        return lexicon

    def add(self, agency: Agency) -> None:
        self.agencies[agency.id] = agency
        for name in dict.fromkeys((agency.name, *agency.aliases)):
            keys = [(agency.jurisdiction, self.places.relative(name, agency.jurisdiction))]
            if agency.jurisdiction and self.places.names_a_place(name):
                keys.append((ANYWHERE, name))
            for key in keys:
                self.names.setdefault(key, []).append((agency, name))

    def index_short_forms(self) -> None:
        self.short_forms = {}
        for (scope, name), entries in self.names.items():
            for short, rules in short_forms(name, self.abbreviations).items():
                for agency, printed in entries:
                    bucket = self.short_forms.setdefault((scope, short), [])
                    if agency not in [a for a, _, _ in bucket]:
                        bucket.append((agency, printed, rules))

    def lookup(self, mention: str, scope: str, date: str = "") -> LexiconMatch | None:
        """The agency a cleaned mention names in one scope: by name or alias, then by short form."""
        relative = mention if scope == ANYWHERE else self.places.relative(mention, scope)
        for agency, printed in self.pick(self.names.get((scope, relative), ()), date):
            return LexiconMatch(agency, "lexicon:name" if printed == agency.name else "lexicon:alias", printed)
        for short, rules in sorted(short_forms(relative, self.abbreviations).items(), key=lambda f: len(f[1])):
            candidates = self.pick(self.short_forms.get((scope, short), ()), date)
            if len({a.id for a, *_ in candidates}) == 1:      # an ambiguous short form resolves nothing
                agency, printed, lexicon_rules = candidates[0]
                used = [r.rule for r in self.abbreviations if r.rule in (*rules, *lexicon_rules)]
                return LexiconMatch(agency, "abbreviation:" + "+".join(used), printed)
        return None

    @staticmethod
    def pick(entries, date: str) -> list[tuple[Agency, str]]:
        """Entries valid on the date first; the others after them (a body printed under its old name)."""
        entries = list(entries)
        return [e for e in entries if e[0].valid_on(date)] + [e for e in entries if not e[0].valid_on(date)]

    def successor(self, agency: Agency, date: str) -> tuple[Agency, Change] | None:
        """The body that had taken over ``agency`` by ``date`` (renamed or merged into), if any."""
        for change in sorted(self.changes, key=lambda c: (c.date, c.new)):
            if change.old == agency.id and change.kind in ("renamed", "merged_into") \
                    and change.date and date and change.date <= date and change.new in self.agencies:
                return self.agencies[change.new], change
        return None

    def ancestors(self, agency_id: str) -> list[Agency]:
        """The parent chain of an agency (parent first), cycles cut."""
        chain, seen = [], {agency_id}
        parent = self.agencies[agency_id].parent if agency_id in self.agencies else ""
        while parent in self.agencies and parent not in seen:
            seen.add(parent)
            chain.append(self.agencies[parent])
            parent = self.agencies[parent].parent
        return chain
