"""Answers to analysts' questions about people and posts, from a built graph.

``holders`` and ``career`` run the shipped queries ``post_holders.rq`` and
``person_career.rq``; a post typed as printed (市水利局局长) is resolved the way the build
resolved posts, in every jurisdiction the graph's notices come from, so that it finds
the canonical post (三门峡市水利局局长). ``candidates`` lists the pairs of persons an analyst
should look at: namesakes the resolver kept apart, and pairs judged "unsure".
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graphbuilder.entities.evidence import stated_posts
from graphbuilder.entities.judgements import Judgements
from graphbuilder.entities.places import clean
from graphbuilder.entities.resolve import Resolver
from graphbuilder.query.store import read_query, select
from graphbuilder.rdf.entities import post_iri

ISSUERS = """PREFIX gb: <https://w3id.org/graphbuilder/ontology#>
SELECT DISTINCT ?issuer WHERE { ?d a gb:SourceDocument ; gb:issuer ?issuer } ORDER BY ?issuer"""

CLUSTER_FACTS = """PREFIX gb: <https://w3id.org/graphbuilder/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?name ?doc ?date ?kind ?quote WHERE {
  ?fact gb:personName|gb:recipientName ?printed ; a ?class ; prov:wasDerivedFrom ?d ; gb:quote ?quote .
  FILTER (REPLACE(?printed, "\\\\s", "") = ?name)
  ?d gb:documentNumber ?doc . OPTIONAL { ?d dcterms:date ?date }
  VALUES (?class ?kind) { (gb:AppointmentEvent "appointment") (gb:Membership "membership")
                          (gb:Commendation "honour") }
} ORDER BY ?date ?doc"""


def post_candidates(store: ox.Store, text: str, on: str, resolver: Resolver) -> list[str]:
    """IRIs of the posts a printed post names, in each jurisdiction of the graph's notices."""
    iris = []
    jurisdictions = {resolver.jurisdiction_of(str(r["issuer"])) for r in select(store, ISSUERS)}
    for jurisdiction in sorted(jurisdictions):
        for post in stated_posts(text, resolver.vocab)[:1]:
            key = resolver.resolve(post.organization, on, jurisdiction).key if post.organization else ""
            iris.append(str(post_iri(key, post.title)))
    return iris


def holders(store: ox.Store, text: str, on: str, resolver: Resolver | None = None) -> list[dict[str, object]]:
    """Who held the post ``text`` (a name as printed, a canonical name or an IRI) on ``on``."""
    resolver = resolver or Resolver()
    query, rows, seen = read_query("post_holders"), [], set()
    targets = [text] if text.startswith("http") else [clean(text), *post_candidates(store, text, on, resolver)]
    for target in targets:
        for row in select(store, query, {"post": target, "on": on}):
            if row["tenure"] not in seen:
                seen.add(row["tenure"])
                rows.append(row)
    return rows


def career(store: ox.Store, person: str) -> list[dict[str, object]]:
    """The timeline of every person with this name (namesakes apart) or IRI."""
    return select(store, read_query("person_career"), {"person": person})


@dataclass(frozen=True, slots=True)
class Candidate:
    left: str
    right: str
    why: str                   # kept-apart: <reason> | judged unsure
    evidence: str
    facts: tuple[dict, ...]    # the notices naming the name on each side

    def as_json(self) -> dict[str, object]:
        return {"left": self.left, "right": self.right, "why": self.why, "evidence": self.evidence,
                "facts": list(self.facts)}


def candidates(out: Path, judgements: Judgements, store: ox.Store) -> list[Candidate]:
    """Pairs to review: namesakes split by conflicting evidence, and pairs judged "unsure"."""
    report = json.loads((Path(out) / "report.json").read_text(encoding="utf-8"))
    resolution = report.get("resolution") or {}
    pairs = [(c["kept"], c["split_off"], f"kept apart: {c['reason']}"
              + (" (joined by a judgement)" if c.get("overridden_by_judgement") else ""), c["evidence"])
             for c in resolution.get("conflicts", [])]
    pairs += [(j.left, j.right, "judged unsure", j.note) for j in judgements.of("person", "unsure")]
    pairs += [(j.left, j.right, "judged unsure (organisations)", j.note)
              for j in judgements.of("organization", "unsure")]
    return [Candidate(left, right, why, evidence, tuple(side_facts(store, left) + side_facts(store, right)))
            for left, right, why, evidence in pairs]


def side_facts(store: ox.Store, key: str) -> list[dict[str, object]]:
    """The facts behind one side of a pair: a person key (jurisdiction/name[@doc]) or an organisation."""
    name = key.split("@")[0].split("#")[0].rsplit("/", 1)[-1]
    doc = key.split("@")[1].split("#")[0] if "@" in key else ""
    rows = select(store, CLUSTER_FACTS, {"name": name})
    return [{"side": key, **r} for r in rows if not doc or r["doc"] == doc]
