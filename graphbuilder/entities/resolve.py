"""Organisation mentions → one node per organisation: the default resolver.

A stand-in until the entity-resolution work lands: a mention's canonical key is the
mention with whitespace removed, brackets made full-width and a leading 三门峡市/三门峡
written 市, so that 市财政局 and 三门峡市财政局 share a node. Where
``ontology/lexicon/agencies.tsv`` exists it is consulted first, so renamed or
abbreviated agencies (国调队) land on the lexicon's node.

Any object with ``organization(mention, date) -> (iri, canonical_name, type)`` can
replace :class:`Resolver`; ``type`` is the local name of a gb: organisation class.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rdflib import URIRef

from graphbuilder.entities.keys import make_iri
from graphbuilder.paths import ontology_dir

RE_SPACE = re.compile(r"\s+")
CITY_PREFIXES = ("三门峡市", "三门峡")
BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "（", "]": "）", "［": "（", "］": "）",
                          "〔": "（", "〕": "）"})

TYPES = ("GovernmentDepartment", "LocalGovernment", "PartyOrgan", "Enterprise",
         "OtherOrganization", "CollectiveUnit")
# Suffix and prefix rules, tried in order: the first that matches gives the type.
COLLECTIVE_PREFIXES = ("各", "相关", "有关")
COLLECTIVE_SUFFIXES = ("有关部门", "有关单位", "成员单位", "各部门")
PARTY_PREFIXES = ("市委", "中共", "团市委", "市纪委")
ENTERPRISE_SUFFIXES = ("公司", "集团")
GOVERNMENT_SUFFIXES = ("政府",)
DEPARTMENT_SUFFIXES = ("委员会", "管委会", "局", "委", "办", "厅", "署", "部门", "海关")
# lexicon/agencies.tsv types → classes. The lexicon is finer than the ontology: bodies
# that are neither government, party nor enterprise become OtherOrganization.
LEXICON_TYPES = {
    "government_department": "GovernmentDepartment", "central_agency_branch": "GovernmentDepartment",
    "development_zone": "GovernmentDepartment", "local_government": "LocalGovernment",
    "party_organ": "PartyOrgan", "enterprise": "Enterprise", "financial_institution": "Enterprise",
    "collective": "CollectiveUnit", "collective_unit": "CollectiveUnit",
    "peoples_congress": "OtherOrganization", "cppcc": "OtherOrganization",
    "court_procuratorate": "OtherOrganization", "mass_organization": "OtherOrganization",
    "military": "OtherOrganization", "public_institution": "OtherOrganization",
}


class OrganizationResolver(Protocol):
    def organization(self, mention: str, date: str = "") -> tuple[URIRef, str, str]: ...


def canonical_key(mention: str) -> str:
    """The comparison form of a name: 三门峡市财政局, 三门峡 市财政局 and 市财政局 → 市财政局."""
    text = RE_SPACE.sub("", unicodedata.normalize("NFC", mention)).translate(BRACKETS)
    for prefix in CITY_PREFIXES:
        if text.startswith(prefix):
            rest = text[len(prefix):]
            return "市" + rest if rest not in ("", "市") else text
    return text


def guess_type(key: str) -> str:
    """The organisation class a canonical key's wording points to."""
    if key.startswith(COLLECTIVE_PREFIXES) or key.endswith(COLLECTIVE_SUFFIXES):
        return "CollectiveUnit"
    if key.startswith(PARTY_PREFIXES) or (key.endswith("部") and "市委" in key):
        return "PartyOrgan"
    if key.endswith(ENTERPRISE_SUFFIXES):
        return "Enterprise"
    if key.endswith(GOVERNMENT_SUFFIXES):
        return "LocalGovernment"
    if key.endswith(DEPARTMENT_SUFFIXES):
        return "GovernmentDepartment"
    return "OtherOrganization"


@dataclass(frozen=True, slots=True)
class Agency:
    """One row of ``lexicon/agencies.tsv``."""
    id: str
    name: str
    type: str
    valid_from: str
    valid_to: str

    def valid_on(self, date: str) -> bool:
        """Undated mentions match every row; empty bounds are open."""
        if not date:
            return True
        return (not self.valid_from or self.valid_from <= date) and \
               (not self.valid_to or date <= self.valid_to)


def agency_type(value: str, key: str) -> str:
    """A lexicon type as a gb: class name; "other" and unknown types fall back to the wording."""
    value = value.strip()
    if value in TYPES:
        return value
    return LEXICON_TYPES.get(value) or guess_type(key)


def load_agencies(path: Path) -> dict[str, list[Agency]]:
    """Index the lexicon by the canonical key of every name and alias, in file order."""
    index: dict[str, list[Agency]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name = (row.get("name") or "").strip()
            if not name or not (row.get("id") or "").strip():
                continue
            agency = Agency(row["id"].strip(), RE_SPACE.sub("", name),
                            agency_type(row.get("type") or "", canonical_key(name)),
                            (row.get("valid_from") or "").strip(), (row.get("valid_to") or "").strip())
            aliases = [a for a in (row.get("aliases") or "").split("|") if a.strip()]
            for alias in {canonical_key(n) for n in [name, *aliases]}:
                index.setdefault(alias, []).append(agency)
    return index


def load_collectives(path: Path) -> dict[str, tuple[str, ...]]:
    """collective id -> member ids, from ``lexicon/collectives.tsv`` (absent: no links)."""
    members: dict[str, list[str]] = {}
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                members.setdefault(row["collective_id"].strip(), []).append(row["member_id"].strip())
    return {k: tuple(v) for k, v in members.items()}


class Resolver:
    """Default organisation resolver: lexicon first, canonical key otherwise.

    ``lexicon`` defaults to ``ontology/lexicon/agencies.tsv``; a path that does not
    exist (or ``Path()``) resolves by canonical key alone.
    """

    def __init__(self, lexicon: Path | None = None):
        path = lexicon or ontology_dir() / "lexicon" / "agencies.tsv"
        self.agencies = load_agencies(path) if path.is_file() else {}
        self.by_id = {a.id: a for rows in self.agencies.values() for a in rows}
        self.collectives = load_collectives(path.with_name("collectives.tsv"))

    def members(self, mention: str, date: str = "") -> list[tuple[URIRef, str, str]]:
        """(IRI, name, class) of the units a collective mention stands for, where known."""
        key = canonical_key(mention)
        ids = next((self.collectives.get(a.id, ()) for a in self.agencies.get(key, ())
                    if a.valid_on(date)), ())
        return [(make_iri("organization", "lexicon", i), self.by_id[i].name, self.by_id[i].type)
                for i in ids if i in self.by_id]

    def organization(self, mention: str, date: str = "") -> tuple[URIRef, str, str]:
        """(IRI, canonical name, gb class name) of the organisation a mention names on a date."""
        key = canonical_key(mention)
        for agency in self.agencies.get(key, ()):
            if agency.valid_on(date):
                return make_iri("organization", "lexicon", agency.id), agency.name, agency.type
        return make_iri("organization", key), key, guess_type(key)
