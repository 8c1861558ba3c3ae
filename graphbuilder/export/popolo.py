"""Graph → Popolo JSON (persons, organizations, posts, memberships), for Popolo-speaking tools.

Popolo (popoloproject.com) is what parliamentary and officials databases exchange.
Mapping: gb:Person → person; gb:Organization and gb:Group → organization (with
``classification`` from the most specific class, ``parent_id`` from
org:subOrganizationOf); gb:Post → post (``organization_id`` from org:postIn); a
roster line (gb:Membership) → membership of the person in the group with the role
printed, dated by its notice; a tenure (gb:Tenure) → membership of the holder in
the post's organization with ``post_id`` and the start and end the notices give.
Every membership cites its notices in ``sources``. Ids are the graph's IRIs.
"""
from __future__ import annotations

import json
from pathlib import Path

from graphbuilder.export.rdf_files import write_atomic
from graphbuilder.query.store import load_store, select

PREFIXES = """PREFIX gb: <https://w3id.org/graphbuilder/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX time: <http://www.w3.org/2006/time#>
"""
PERSONS = PREFIXES + """SELECT ?id ?name WHERE { ?id a gb:Person ; gb:name ?name } ORDER BY ?id"""
ORGANIZATIONS = PREFIXES + """
SELECT ?id ?name (GROUP_CONCAT(DISTINCT ?alt; separator="\\u001F") AS ?other_names)
       (GROUP_CONCAT(DISTINCT STRAFTER(STR(?class), "#"); separator=" ") AS ?classes) (SAMPLE(?up) AS ?parent_id)
WHERE {
  { ?id a gb:Organization } UNION { ?id a gb:Group }
  ?id gb:name ?name ; a ?class .
  OPTIONAL { ?id skos:altLabel ?alt }
  OPTIONAL { ?id org:subOrganizationOf ?up }
}
GROUP BY ?id ?name ORDER BY ?id"""
POSTS = PREFIXES + """
SELECT ?id ?label ?role ?organization_id WHERE {
  ?id a gb:Post ; gb:name ?label .
  OPTIONAL { ?id gb:title ?role }
  OPTIONAL { ?id org:postIn ?organization_id }
} ORDER BY ?id"""
ROSTER_MEMBERSHIPS = PREFIXES + """
SELECT ?id ?person_id ?organization_id ?role ?stated_post ?date ?doc ?document ?quote WHERE {
  ?id a gb:Membership ; org:member ?person_id ; org:organization ?organization_id ;
      prov:wasDerivedFrom ?document ; gb:quote ?quote .
  ?document gb:documentNumber ?doc .
  OPTIONAL { ?document dcterms:date ?date }
  OPTIONAL { ?id gb:roleText ?role }
  OPTIONAL { ?id gb:statedPost ?stated_post }
} ORDER BY ?id"""
TENURES = PREFIXES + """
SELECT ?id ?person_id ?post_id ?organization_id ?role ?start_date ?end_date ?document ?doc ?quote WHERE {
  ?id a gb:Tenure ; gb:holder ?person_id ; gb:post ?post_id .
  OPTIONAL { ?post_id org:postIn ?organization_id }
  OPTIONAL { ?post_id gb:title ?role }
  OPTIONAL { ?id gb:during/time:hasBeginning/time:inXSDDate ?start_date }
  OPTIONAL { ?id gb:during/time:hasEnd/time:inXSDDate ?end_date }
  OPTIONAL { ?id gb:openedBy|gb:closedBy|gb:observedBy ?fact .
             ?fact prov:wasDerivedFrom ?document ; gb:quote ?quote . ?document gb:documentNumber ?doc }
} ORDER BY ?id ?doc"""
CLASSIFICATIONS = {   # most specific first
    "LeadingGroup": "leading_group", "CommandHQ": "command_headquarters", "Committee": "committee",
    "GroupOffice": "group_office", "GovernmentDepartment": "government_department",
    "LocalGovernment": "local_government", "PartyOrgan": "party_organ", "Enterprise": "enterprise",
    "CollectiveUnit": "collective", "OtherOrganization": "other", "Group": "group", "Organization": "organization",
}


def compact(record: dict[str, object]) -> dict[str, object]:
    """Popolo leaves out unknown fields rather than giving them empty."""
    return {k: v for k, v in record.items() if v not in ("", None, [])}


def source(document: str, doc: str, quote: str) -> dict[str, str]:
    return compact({"url": document, "note": f"{doc}: {quote}" if quote else doc})


def organizations(store) -> list[dict[str, object]]:
    out = []
    for row in select(store, ORGANIZATIONS):
        classes = str(row["classes"]).split()
        kind = next((CLASSIFICATIONS[c] for c in CLASSIFICATIONS if c in classes), "organization")
        others = [{"name": n} for n in sorted(set(str(row["other_names"]).split("\x1f")) - {"", row["name"]})]
        out.append(compact({"id": row["id"], "name": row["name"], "classification": kind,
                            "other_names": others, "parent_id": row["parent_id"]}))
    return out


def memberships(store) -> list[dict[str, object]]:
    out = []
    for row in select(store, ROSTER_MEMBERSHIPS):
        out.append(compact({"id": row["id"], "person_id": row["person_id"],
                            "organization_id": row["organization_id"], "role": row["role"],
                            "label": row["stated_post"], "start_date": row["date"],
                            "sources": [source(row["document"], row["doc"], row["quote"])]}))
    tenures: dict[str, dict[str, object]] = {}
    for row in select(store, TENURES):
        record = tenures.setdefault(row["id"], compact({
            "id": row["id"], "person_id": row["person_id"], "post_id": row["post_id"],
            "organization_id": row["organization_id"], "role": row["role"],
            "start_date": row["start_date"], "end_date": row["end_date"], "sources": []}))
        if row["document"]:
            record.setdefault("sources", []).append(source(row["document"], row["doc"], row["quote"]))
    return out + list(tenures.values())


def popolo(dataset) -> dict[str, list]:
    """The Popolo document of a graph (an rdflib Dataset or a pyoxigraph Store)."""
    store = load_store(dataset)
    return {
        "persons": [compact({"id": r["id"], "name": r["name"]}) for r in select(store, PERSONS)],
        "organizations": organizations(store),
        "posts": [compact(r) for r in select(store, POSTS)],
        "memberships": memberships(store),
    }


def write_popolo(dataset, path: Path) -> Path:
    data = json.dumps(popolo(dataset), ensure_ascii=False, indent=1) + "\n"
    write_atomic(Path(path), data.encode("utf-8"))
    return Path(path)
