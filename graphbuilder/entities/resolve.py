"""Organisation and group mentions → one node per real body, with the reason it matched.

A mention is read in its document's jurisdiction and looked up in the agency lexicon
there, then in the enclosing jurisdictions, then nationally (``agencies.AgencyLexicon``):
by name or alias, then by the abbreviation rules. A mention no rule matches stays a node
of its own, keyed by its absolute name (市统战部 in a 三门峡 notice → 三门峡市统战部), is
linked to the known body it is part of where its name extends one (市公安局交通管理支队 →
市公安局), and is counted in ``unknown`` so the lexicon can grow from real data.
Analysts' judgements (``judgements.py``) override both.

Every call is logged (:attr:`Resolver.log`), which gives the report its resolution rate.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from rdflib import URIRef

from graphbuilder.entities.agencies import ANYWHERE, AgencyLexicon, read_rows
from graphbuilder.entities.judgements import Judgements
from graphbuilder.entities.keys import make_iri
from graphbuilder.entities.persons import Person, PersonResolution
from graphbuilder.entities.places import Places, clean
from graphbuilder.paths import ontology_dir
from graphbuilder.vocab import Vocab, load_vocab

MIN_PARENT_NAME = 3       # 市委 is too short to be the parent prefix of 市委党校-like names reliably
MIN_PART_SUFFIX = 2


@dataclass(frozen=True, slots=True)
class OrgResolution:
    """What an organisation mention resolved to, and why."""
    mention: str             # as printed, whitespace removed
    iri: URIRef
    name: str                # the canonical name
    gb_class: str            # local name of a gb: organisation class
    key: str                 # lexicon id, or the absolute / scoped name of an unknown body
    lexicon_id: str = ""     # "" for bodies not in the lexicon
    rule: str = "unknown"    # lexicon:name | lexicon:alias | abbreviation:… | judgement:same | unknown
    matched: str = ""        # the lexicon name or alias the rule matched
    part_of: URIRef | None = None
    note: str = ""           # e.g. printed under a name no longer valid on the date

    def as_json(self) -> dict[str, object]:
        return {"mention": self.mention, "iri": str(self.iri), "name": self.name, "type": self.gb_class,
                "lexicon_id": self.lexicon_id, "rule": self.rule, "matched": self.matched,
                "part_of": str(self.part_of) if self.part_of else "", "note": self.note}


def organization_iri(key: str, lexicon_id: str = "") -> URIRef:
    return make_iri("organization", "lexicon", lexicon_id) if lexicon_id else make_iri("organization", key)


class Resolver:
    """Lexicon first, abbreviation rules second, a node of its own otherwise.

    ``lexicon`` is the path of ``agencies.tsv``; its folder holds the other lexicon files.
    A path that does not exist resolves by name alone (tests use that).
    """

    def __init__(self, lexicon: Path | None = None, judgements: Judgements | None = None,
                 vocab: Vocab | None = None):
        self.vocab = vocab or load_vocab()
        folder = (lexicon or ontology_dir() / "lexicon" / "agencies.tsv").parent
        self.places = Places.load(ontology_dir() / "lexicon" / "jurisdictions.tsv")
        if lexicon is not None and not lexicon.is_file():
            self.lexicon = AgencyLexicon(self.places)
        else:
            self.lexicon = AgencyLexicon.load(folder, self.places)
        self.type_rules = [(r["position"], r["text"], r["class"])
                           for r in read_rows(ontology_dir() / "lexicon" / "organization_types.tsv")]
        self.judgements = judgements or Judgements()
        self.log: Counter[tuple[str, str, str, str]] = Counter()   # (key, name, lexicon id, rule)
        self.jurisdictions: dict[str, str] = {}
        self.resolved: dict[tuple[str, str, str], OrgResolution] = {}
        self.persons = PersonResolution()     # filled by the build once every document is read
        self.nodes: dict[tuple, object] = {}  # entity nodes the RDF layer made once (rdf/entities.py)

    # --- organisations ----------------------------------------------------------------

    def organization(self, mention: str, date: str = "", jurisdiction: str = "") -> OrgResolution:
        """The body a mention names, read in ``jurisdiction`` on ``date``."""
        resolution = self.resolve(mention, date, jurisdiction)
        self.log[(resolution.key, resolution.name, resolution.lexicon_id, resolution.rule)] += 1
        return resolution

    def resolve(self, mention: str, date: str = "", jurisdiction: str = "") -> OrgResolution:
        """Like :meth:`organization`, without logging (for the ``resolve`` command)."""
        key = (mention, date, jurisdiction)
        if key not in self.resolved:          # pure for a given lexicon and judgements: memoised
            self.resolved[key] = self.lookup(mention, date, jurisdiction)
        return self.resolved[key]

    def lookup(self, mention: str, date: str, jurisdiction: str) -> OrgResolution:
        text = clean(mention)
        key = self.unknown_key(text, jurisdiction)
        for candidate, scope, rule in self.lookups(text, jurisdiction):
            match = self.lexicon.lookup(candidate, scope, date)
            if match and not self.judgements.different("organization", key, match.agency.id):
                return self.from_lexicon(text, match.agency.id, match.rule + rule, match.matched, date)
        same = self.judgements.same_as("organization", key)
        if same in self.lexicon.agencies:
            return self.from_lexicon(text, same, "judgement:same", key, date)
        target = same or key
        return OrgResolution(text, organization_iri(target), target, self.guess_class(target), target,
                             rule="judgement:same" if same else "unknown",
                             part_of=self.part_of(text, jurisdiction, date))

    def from_lexicon(self, text: str, agency_id: str, rule: str, matched: str, date: str) -> OrgResolution:
        agency = self.lexicon.agencies[agency_id]
        note = ""
        if not agency.valid_on(date):
            after = self.lexicon.successor(agency, date)
            note = f"{agency.name} is not valid on {date}" + (
                f"; {after[1].kind.replace('_', ' ')} {after[0].name} on {after[1].date}" if after else "")
        return OrgResolution(text, organization_iri(agency.id, agency.id), agency.name, agency.gb_class,
                             agency.id, agency.id, rule, matched, note=note)

    def lookups(self, text: str, jurisdiction: str) -> Iterator[tuple[str, str, str]]:
        """(name, scope, rule suffix) to try in order: the name in each scope, then anywhere, then
        without a level word the extractor may have supplied (统战部 printed in 市委外事办、统战部)."""
        for scope in [*self.scopes(text, jurisdiction), ANYWHERE]:
            yield text, scope, ""
        level = self.places.get(jurisdiction).level if jurisdiction else ""
        if level and text.startswith(level) and len(text) > 2:
            for scope in [*self.places.scopes(jurisdiction), ANYWHERE]:
                yield text[1:], scope, "+implied-prefix"

    def scopes(self, text: str, jurisdiction: str) -> list[str]:
        """Where to look a name up: the place it names, its document's jurisdiction and upwards."""
        named = self.places.named_in(text)
        chain = self.places.scopes(jurisdiction)
        return [named, *[s for s in chain if s != named]] if named else chain

    def unknown_key(self, text: str, jurisdiction: str) -> str:
        """An unknown body's key: its absolute name, or else the name scoped by the jurisdiction.

        市统战部 in a 三门峡 notice → 三门峡市统战部; 县教育局 in a 渑池 notice → 渑池县教育局;
        卫生健康部门 → 三门峡市/卫生健康部门 (unplaceable, so kept apart from other cities').
        """
        scope = self.places.named_in(text) or jurisdiction
        absolute = self.places.absolute(self.places.relative(text, scope), scope)
        if absolute:
            return absolute
        return f"{jurisdiction}/{text}" if jurisdiction and not self.places.named_in(text) else text

    def part_of(self, text: str, jurisdiction: str, date: str) -> URIRef | None:
        """The known body whose name an unknown name extends (市公安局 for 市公安局交通管理支队)."""
        for end in range(len(text) - MIN_PART_SUFFIX, MIN_PARENT_NAME - 1, -1):
            for scope in self.scopes(text[:end], jurisdiction):
                match = self.lexicon.lookup(text[:end], scope, date)
                if match and match.rule.startswith("lexicon:") and match.agency.gb_class != "CollectiveUnit":
                    return organization_iri(match.agency.id, match.agency.id)
        return None

    def guess_class(self, key: str) -> str:
        """The organisation class an unknown name's wording points to (``organization_types.tsv``)."""
        name = key.rsplit("/", 1)[-1]
        relative = self.places.relative(name, self.places.named_in(name))
        for position, text, gb_class in self.type_rules:
            if (relative.startswith(text) if position == "prefix" else relative.endswith(text)):
                return gb_class
        return "OtherOrganization"

    def members(self, mention: str, date: str = "", jurisdiction: str = "") -> list[OrgResolution]:
        """The bodies a collective mention stands for, where the lexicon lists them."""
        resolution = self.resolve(mention, date, jurisdiction)
        ids = self.lexicon.collectives.get(resolution.lexicon_id, ())
        return [self.from_lexicon(self.lexicon.agencies[i].name, i, "lexicon:collective", "", date)
                for i in ids if i in self.lexicon.agencies]

    # --- groups and jurisdictions -----------------------------------------------------

    def group_key(self, name: str, jurisdiction: str = "") -> tuple[str, str]:
        """(key, display name) of a group: 三门峡市X领导小组 and 市X领导小组 share a node."""
        text = clean(name)
        scope = self.places.named_in(text) or jurisdiction
        relative = self.places.relative(text, scope)
        return (f"{scope}/{relative}" if scope else relative), relative

    def jurisdiction_of(self, issuer: str) -> str:
        if issuer not in self.jurisdictions:
            self.jurisdictions[issuer] = self.places.of_issuer(issuer)
        return self.jurisdictions[issuer]

    def person(self, name: str, jurisdiction: str, doc: str, start: int) -> Person:
        """The person a mention was resolved to (by name alone before persons are resolved)."""
        return self.persons.person(jurisdiction, clean(name), doc, start)

    # --- the report -------------------------------------------------------------------

    def summary(self) -> dict[str, object]:
        """Resolution rate and the unknown bodies with their mention counts, most frequent first."""
        total = sum(self.log.values())
        resolved = sum(n for (_, _, lexicon_id, _), n in self.log.items() if lexicon_id)
        rules = Counter()
        for (_, _, _, rule), n in self.log.items():
            rules[rule.split(":")[0] + (":" + rule.split(":")[1] if rule.startswith("lexicon") else "")] += n
        unknown = Counter()
        for (key, _, lexicon_id, _), n in self.log.items():
            if not lexicon_id:
                unknown[key] += n
        return {"organization_mentions": total, "resolved_to_lexicon": resolved,
                "resolution_rate": round(resolved / total, 4) if total else 1.0,
                "by_rule": dict(sorted(rules.items())),
                "unknown_organizations": [{"name": k, "mentions": n}
                                          for k, n in sorted(unknown.items(), key=lambda kv: (-kv[1], kv[0]))]}
