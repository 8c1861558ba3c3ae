"""Organisation mentions → one node per body: lexicon, abbreviation rules, unknowns (issue 6).

Pairs come from the seeds: short and full names that must meet, and bodies that must
stay apart (a unit and its parent, a body and its reform successor, one city's 市政府
and another's).
"""
from __future__ import annotations

import pytest

from graphbuilder.entities.resolve import Resolver

SMX = "三门峡市"


@pytest.fixture(scope="module")
def resolver():
    return Resolver()


SAME = [   # (short form printed in the seeds, the full name)
    ("市发展改革委", "三门峡市发展和改革委员会"),
    ("市政府国资委", "三门峡市人民政府国有资产监督管理委员会"),
    ("人行三门峡市中心支行", "中国人民银行三门峡市中心支行"),
    ("市住房城乡建设局", "三门峡市住房和城乡建设局"),
    ("市卫生健康委", "三门峡市卫生健康委员会"),
    ("市政府办", "三门峡市人民政府办公室"),
    ("市委统战部", "中共三门峡市委统一战线工作部"),
    ("三门峡市政府", "三门峡市人民政府"),
    # not in the lexicon as printed: found by the abbreviation rules
    ("市人民政府国有资产监督管理委", "三门峡市人民政府国有资产监督管理委员会"),
    ("三门峡市发展改革委员会", "三门峡市发展和改革委员会"),
]


@pytest.mark.parametrize("short, full", SAME)
def test_short_and_full_names_share_a_node(resolver, short, full):
    a, b = resolver.resolve(short, "2020-01-01", SMX), resolver.resolve(full, "2020-01-01", SMX)
    assert a.iri == b.iri and a.lexicon_id and a.name == full


APART = [
    ("市公安局交通管理支队", "市公安局"),
    ("市安全生产监督管理局", "市应急管理局"),
    ("市城乡规划局", "市自然资源和规划局"),
    ("市工业和信息化委", "市工业和信息化局"),
    ("市财政局", "市财政局办公室"),
]


@pytest.mark.parametrize("a, b", APART)
def test_related_bodies_stay_apart(resolver, a, b):
    assert resolver.resolve(a, "2020-01-01", SMX).iri != resolver.resolve(b, "2020-01-01", SMX).iri


def test_a_unit_is_part_of_its_parent_not_the_parent(resolver):
    unit, parent = resolver.resolve("市公安局交通管理支队", "", SMX), resolver.resolve("市公安局", "", SMX)
    assert unit.lexicon_id and parent.lexicon_id in [a.id for a in resolver.lexicon.ancestors(unit.lexicon_id)]


def test_an_unknown_unit_is_linked_to_the_body_its_name_extends(resolver):
    found = resolver.resolve("市公安局网络安全保卫支队", "", SMX)
    assert found.rule == "unknown" and found.name == "三门峡市公安局网络安全保卫支队"
    assert found.part_of == resolver.resolve("市公安局", "", SMX).iri


def test_an_old_name_after_the_reform_keeps_its_body_and_says_what_became_of_it(resolver):
    found = resolver.resolve("市安全生产监督管理局", "2020-01-01", SMX)
    assert found.name == "三门峡市安全生产监督管理局"
    assert "应急管理局" in found.note and "2019-01-31" in found.note


def test_a_name_valid_on_the_date_wins_over_an_expired_one(tmp_path):
    (tmp_path / "agencies.tsv").write_text(
        "id\tname\ttype\tparent\tvalid_from\tvalid_to\taliases\tjurisdiction\n"
        "old-ag\t三门峡市农业局\tgovernment_department\t\t\t2019-01-30\t市农业局\t三门峡市\n"
        "new-ag\t三门峡市农业农村局\tgovernment_department\t\t2019-01-31\t\t市农业局\t三门峡市\n",
        encoding="utf-8")
    resolver = Resolver(tmp_path / "agencies.tsv")
    assert resolver.resolve("市农业局", "2018-12-01", SMX).lexicon_id == "old-ag"
    assert resolver.resolve("市农业局", "2019-05-01", SMX).lexicon_id == "new-ag"
    assert resolver.resolve("市农业局", "", SMX).lexicon_id == "old-ag"     # undated: the first row


def test_relative_names_belong_to_their_city(resolver):
    smx, zz = resolver.resolve("市政府", "", SMX), resolver.resolve("市政府", "", "郑州市")
    assert smx.lexicon_id and not zz.lexicon_id and smx.iri != zz.iri
    assert zz.name == "郑州市政府"
    assert resolver.resolve("市统计局", "", "郑州市").iri != resolver.resolve("市统计局", "", SMX).iri


def test_a_county_body_named_from_the_city_or_the_county_is_one_node(resolver):
    from_city = resolver.resolve("三门峡市湖滨区人民政府", "", SMX)
    from_county = resolver.resolve("区人民政府", "", "湖滨区")
    assert from_city.iri == from_county.iri and from_city.lexicon_id


def test_province_short_forms_resolve_from_a_city_notice(resolver):
    assert resolver.resolve("省政府", "", SMX).name == "河南省人民政府"


def test_unknown_bodies_are_kept_with_a_wording_type(resolver):
    found = resolver.resolve("市某某产业发展中心", "", SMX)
    assert (found.lexicon_id, found.rule, found.name) == ("", "unknown", "三门峡市某某产业发展中心")
    assert resolver.resolve("各县（市、区）有关部门", "", "郑州市").gb_class == "CollectiveUnit"


def test_the_seed_build_resolves_95_percent_and_names_each_body_once(seeds_out):
    import json

    resolution = json.loads((seeds_out / "report.json").read_text(encoding="utf-8"))["resolution"]
    organizations = resolution["organizations"]
    assert organizations["organization_mentions"] > 1500
    assert organizations["resolution_rate"] >= 0.95
    assert all(u["mentions"] >= 1 for u in organizations["unknown_organizations"])


def test_no_body_has_two_nodes_in_the_seed_graph(seeds_store):
    from graphbuilder.query.store import select

    rows = select(seeds_store, """PREFIX gb: <https://w3id.org/graphbuilder/ontology#>
        SELECT ?name (COUNT(DISTINCT ?org) AS ?nodes) WHERE { ?org a gb:Organization ; gb:name ?name }
        GROUP BY ?name HAVING (COUNT(DISTINCT ?org) > 1)""")
    assert rows == []


def test_reform_changes_are_in_the_graph(seeds_store):
    from graphbuilder.query.store import select

    rows = select(seeds_store, """PREFIX gb: <https://w3id.org/graphbuilder/ontology#>
        PREFIX org: <http://www.w3.org/ns/org#>
        SELECT ?old ?new ?kind WHERE { ?e a org:ChangeEvent ; org:originalOrganization/gb:name ?old ;
              org:resultingOrganization/gb:name ?new ; gb:changeKind ?kind }""")
    assert {"old": "三门峡市安全生产监督管理局", "new": "三门峡市应急管理局", "kind": "merged_into"} in rows
