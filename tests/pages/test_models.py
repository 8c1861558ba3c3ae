"""Page models from the seeds' graph: what each page shows, checked against the gazettes."""
from collections import Counter

import pytest

from graphbuilder.pages.corpus import AssignmentFact
from graphbuilder.pages.model import Link, page_stem
from graphbuilder.pages.overview import agencies_overview, groups_overview, index_page
from graphbuilder.pages.subjects import agency_page, group_page, person_page

OXYGEN_GROUP = "市中国天然氧吧城市创建工作领导小组"
OXYGEN_DOC = "三政办文〔2020〕2号"


def test_corpus_reads_every_fact_of_the_seeds(seed_context, seed_store):
    corpus = seed_context.corpus
    assert len(corpus.documents) == 37
    assert len(corpus.tasks) == 278
    assert (len(corpus.memberships), len(corpus.offices), len(corpus.appointments)) == (236, 22, 91)
    assert (len(corpus.honours), len(corpus.assignments), len(corpus.subgroups)) == (102, 1543, 11)
    direct = {kind: seed_store.query(
        f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <https://w3id.org/graphbuilder/ontology#{kind}> }}",
        use_default_graph_as_union=True) for kind in ("Person", "Group", "Organization")}
    counts = {kind: int(next(iter(rows))["n"].value) for kind, rows in direct.items()}
    assert corpus.counts()["persons"] == counts["Person"]
    assert corpus.counts()["groups"] == counts["Group"] == 22
    assert corpus.counts()["agencies"] == counts["Organization"]


def test_membership_keeps_its_evidence(seed_context, subject_named):
    group, person = subject_named(OXYGEN_GROUP), subject_named("安伟")
    [fact] = [f for f in seed_context.corpus.memberships if f.group == group.iri and f.person == person.iri]
    assert (fact.role, fact.stated_post, fact.by_position) == ("组长", "市长", False)
    assert (fact.evidence.doc, fact.evidence.date, fact.evidence.quote) == (OXYGEN_DOC, "2020-01-21", "安 伟（市长）")


def test_group_page_draws_members_by_role_and_the_office(seed_context, subject_named):
    page = group_page(seed_context, subject_named(OXYGEN_GROUP))
    nodes = {node.name: node for node in page.network.nodes}
    assert len(nodes) == 22                        # the group, 20 members, 三门峡市气象局 hosting its office
    assert nodes[OXYGEN_GROUP].is_subject
    assert (nodes["安伟"].tone, nodes["高永瑞"].tone, nodes["聂建英"].tone) == ("leader", "deputy", "deputy")
    assert nodes["柴贵海"].tone == "deputy"          # 副组长 and 办公室主任: the higher tier wins
    assert nodes["三门峡市气象局"].kind == "agency"
    edges = {(e.source, e.relation): e for e in page.network.edges}
    assert edges[nodes["柴贵海"].id, "member"].labels == ("副组长", "办公室主任")
    assert edges[nodes[OXYGEN_GROUP].id, "office"].facts[0].evidence.doc == OXYGEN_DOC
    members = page.tables[0]
    assert len(members.rows) == 21 and members.rows[0][:3] == ("组长", Link("安伟", nodes["安伟"].href), "市长")
    assert page.path == f"group/{page_stem(page.iri)}.html" and nodes["安伟"].href.startswith("person/")


def test_person_page_is_an_ego_network_with_its_documents(seed_context, subject_named):
    page = person_page(seed_context, subject_named("安伟"))
    kinds = Counter(node.kind for node in page.network.nodes)
    assert kinds == {"person": 1, "group": 4, "post": 1}
    assert {e.relation for e in page.network.edges} == {"member", "observed"}
    timeline, groups, honours, documents = page.tables
    assert [row[1] for row in timeline.rows] == ["市长"] * 4
    assert {row[1] for row in groups.rows} == {"组长", "指挥长", "总指挥长"}
    assert OXYGEN_DOC in [row[0] for row in documents.rows]
    assert [row[1] for row in documents.rows] == sorted(row[1] for row in documents.rows)


def test_person_page_shows_appointment_and_removal(seed_context, subject_named):
    page = person_page(seed_context, subject_named("赵国选"))
    relations = {e.relation: e for e in page.network.edges}
    assert relations["appoint"].facts[0].evidence.doc == "三政任〔2018〕2号"
    assert relations["remove"].labels == ("2018-11-30",)
    posts = {n.name for n in page.network.nodes if n.kind == "post"}
    assert posts == {"三门峡市退役军人事务局副局长", "三门峡市民政局副局长"}
    agencies = {n.name for n in page.network.nodes if n.kind == "agency"}
    assert agencies == {"三门峡市退役军人事务局", "三门峡市民政局"}


def test_agency_page_counts_tasks_staff_and_groups(seed_context, subject_named):
    agency = subject_named("三门峡市气象局")
    page = agency_page(seed_context, agency)
    figures = dict(page.figures)
    mine = [f for f in seed_context.corpus.assignments if f.unit == agency.iri]
    assert figures["牵头任务 tasks led"] == str(len({f.task for f in mine if f.kind == "lead"})) == "3"
    assert figures["配合任务 tasks supported"] == "1"
    assert figures["人员 staff seen"] == "1"      # 柴贵海（市气象局局长）, from the rosters
    groups = {n.name for n in page.network.nodes if n.kind == "group"}
    assert OXYGEN_GROUP in groups                   # its office sits here
    assert "市人民政府应急救援总指挥部" in groups     # 柴贵海 sits there as 市气象局局长


def test_overviews_and_index(seed_context):
    corpus = seed_context.corpus
    groups = groups_overview(seed_context)
    members = {f.person or f"position:{f.stated_post}" for f in corpus.memberships}
    assert len(groups.network.nodes) == 22 + len(members) and groups.network.note == ""
    agencies = agencies_overview(seed_context)
    with_tasks = {f.unit for f in corpus.assignments}
    assert {n.id for n in agencies.network.nodes} == with_tasks
    units_of = {}
    for fact in corpus.assignments:
        units_of.setdefault(fact.task, set()).add(fact.unit)
    sharing = {unit for units in units_of.values() if len(units) > 1 for unit in units}
    linked = {end for e in agencies.network.edges for end in (e.source, e.target)}
    assert linked == sharing                        # every agency sharing a task keeps its closest partner
    index = index_page(seed_context)
    assert dict(index.figures)["文件 documents"] == "37" and dict(index.figures)["任务 tasks"] == "278"


def test_groups_overview_aggregates_above_the_limit(seed_context):
    page = groups_overview(seed_context, limit=50)
    assert {n.kind for n in page.network.nodes} == {"group"} and len(page.network.nodes) == 22
    assert {e.relation for e in page.network.edges} <= {"shared_members", "subgroup"}
    shared = [e for e in page.network.edges if e.relation == "shared_members"]
    assert shared and all(e.weight == int(e.labels[0]) for e in shared)
    assert "exceed the drawing limit (50)" in page.network.note


@pytest.mark.parametrize("kind", ["person", "group", "agency"])
def test_page_names_come_from_iris(seed_context, kind):
    for subject in seed_context.corpus.of_kind(kind):
        assert seed_context.href(subject.iri) == f"{kind}/{subject.iri.rsplit('/', 1)[-1]}.html"


def test_page_stem_of_a_foreign_iri_is_a_stable_hash():
    assert page_stem("http://example.org/x y/<script>") == page_stem("http://example.org/x y/<script>")
    assert len(page_stem("http://example.org/a")) == 16 and page_stem("http://example.org/a").isalnum()


def test_task_nodes_carry_the_task_evidence(seed_context, subject_named):
    agency = subject_named("三门峡市气象局")
    page = agency_page(seed_context, agency)
    tasks = [n for n in page.network.nodes if n.kind == "task"]
    assert len(tasks) == len({f.task for f in seed_context.corpus.facts_of(agency.iri, AssignmentFact)})
    assert all(n.facts and n.facts[0].evidence.quote for n in tasks)


def test_an_agency_is_represented_where_a_seat_resolves_to_one_of_its_posts(seed_context, subject_named):
    # 裴宗杰（市水利局局长） sits on 市防汛抗旱应急指挥部: 三门峡市水利局 is represented there
    water = subject_named("三门峡市水利局")
    seats = seed_context.represented[water.iri]
    groups = {seed_context.corpus.subjects[f.group].name for f in seats}
    assert "市防汛抗旱应急指挥部" in groups
    assert {f.person_name for f in seats if f.person_name} >= {"裴宗杰"}
    finance = subject_named("三门峡市财政局")      # also seats held by position: 市财政局主要负责同志
    assert any(f.by_position for f in seed_context.represented[finance.iri])
