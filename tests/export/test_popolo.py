"""Popolo JSON: persons, organizations, posts and memberships that refer to each other."""
from __future__ import annotations

import json

from graphbuilder.export.popolo import popolo, write_popolo
from graphbuilder.query.store import open_output, select

GB = "https://w3id.org/graphbuilder/ontology#"


def test_popolo_document(seeds_out, seeds_facts, tmp_path):
    store = open_output(seeds_out)
    path = write_popolo(store, tmp_path / "popolo.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"persons", "organizations", "posts", "memberships"}
    persons = {p["id"]: p["name"] for p in data["persons"]}
    organizations = {o["id"]: o for o in data["organizations"]}
    posts = {p["id"]: p for p in data["posts"]}
    assert len(persons) == select(store, f"SELECT (COUNT(?p) AS ?n) WHERE {{ ?p a <{GB}Person> }}")[0]["n"]
    for membership in data["memberships"]:   # every reference resolves
        assert membership["person_id"] in persons
        assert membership.get("organization_id") is None or membership["organization_id"] in organizations
        assert membership.get("post_id") is None or membership["post_id"] in posts
        assert membership["sources"] and all(s["url"].startswith("https://w3id.org/graphbuilder/id/document/")
                                             for s in membership["sources"])
    rosters = [m for m in data["memberships"] if "/membership/" in m["id"]]
    assert len(rosters) == sum(1 for f in seeds_facts if f["type"] == "membership" and f["person"])


def test_roster_membership_and_group(seeds_out):
    data = popolo(open_output(seeds_out))
    organizations = {o["id"]: o for o in data["organizations"]}
    persons = {p["id"]: p["name"] for p in data["persons"]}
    leader = next(m for m in data["memberships"] if persons.get(m["person_id"]) == "安伟" and m.get("role") == "总指挥长")
    group = organizations[leader["organization_id"]]
    assert group["classification"] == "command_headquarters"
    assert "三门峡市人民政府应急救援总指挥部" in [group["name"]] + [n["name"] for n in group.get("other_names", [])]
    assert leader["start_date"] == "2019-06-06" and leader["label"] == "市长"
    assert leader["sources"][0]["note"].startswith("三政〔2019〕9号: ")
    tenures = [m for m in data["memberships"] if "post_id" in m]
    assert tenures and any(m.get("end_date") for m in tenures) and any(m.get("start_date") for m in tenures)
