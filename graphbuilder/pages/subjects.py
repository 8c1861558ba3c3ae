"""One page per group, person and agency: the subject's own network and the facts behind it.

- group: members coloured by the tier of their role, the units hosting its office,
  its parent and sub-groups;
- person: an ego network of posts (appointments, and posts stated in rosters, over
  time), groups, honours, and the documents behind each;
- agency: staff seen in its posts, in rosters or beside its honours; tasks it leads or
  supports; groups whose office it hosts or in which one of its officers sits.

Every node and edge carries the facts it rests on (document number, date, line,
quote), and every table row ends with them.
"""
from __future__ import annotations

from graphbuilder.pages.context import Context, dated, membership_text, relation_text
from graphbuilder.pages.corpus import (AppointmentFact, AssignmentFact, HonourFact, MembershipFact,
                                       ObservationFact, OfficeFact, Subject, SubgroupFact)
from graphbuilder.pages.model import EVIDENCE_COLUMNS as EVIDENCE, Page, Table, evidence_cells
from graphbuilder.pages.network import Fact, Network, NetworkBuilder, bounded
from graphbuilder.pages.style import ACTION_RELATIONS

SUBJECT_LIMIT = 1500           # nodes drawn on one subject's page; the tables list everything
GROUP_CLASSES = {"LeadingGroup": "领导小组 leading group", "CommandHQ": "指挥部 command HQ",
                 "Committee": "委员会 committee", "GroupOffice": "办公室 office"}
AGENCY_CLASSES = {"GovernmentDepartment": "政府部门 department",
                  "LocalGovernment": "地方政府 local government", "PartyOrgan": "党的机关 party organ",
                  "Enterprise": "企业 enterprise", "CollectiveUnit": "集合单位 collective unit",
                  "OtherOrganization": "其他机构 other"}
MEMBER_COLUMNS = ("角色 role", "成员 member", "所任职务 stated post", *EVIDENCE)
OFFICE_COLUMNS = ("设在 hosted by", "原文单位 as printed", *EVIDENCE)
LISTING_COLUMNS = ("关系 relation", "机构 group", *EVIDENCE)
TIMELINE_COLUMNS = ("事项 event", "职务 post", "单位 organisation", *EVIDENCE)
GROUPS_COLUMNS = ("机构 group", "角色 role", "所任职务 stated post", *EVIDENCE)
HONOUR_COLUMNS = ("奖项 award", "所在单位 affiliation", *EVIDENCE)
STAFF_COLUMNS = ("人员 person", "事项 event", "职务 post", *EVIDENCE)
TASK_COLUMNS = ("序号 path", "任务 task", "原文单位 unit as written", *EVIDENCE)
REPRESENTED_COLUMNS = ("机构 group", "角色 role", "成员 member", *EVIDENCE)


def class_label(subject: Subject, labels: dict[str, str]) -> str:
    return "、".join(labels[c] for c in subject.classes if c in labels)


def documents_figure(*fact_lists) -> str:
    return str(len({fact.evidence.doc for facts in fact_lists for fact in facts}))


def also_printed(subject: Subject) -> tuple[tuple[str, str], ...]:
    return (("又称 also printed as", "、".join(subject.alt_names)),) if subject.alt_names else ()


def action_of(fact: AppointmentFact) -> str:
    return ACTION_RELATIONS.get(fact.action, "appoint")


# --- groups -----------------------------------------------------------------------------

def group_page(ctx: Context, group: Subject) -> Page:
    members = [f for f in ctx.corpus.facts_of(group.iri, MembershipFact) if f.group == group.iri]
    members.sort(key=lambda f: (ctx.role_order(f.role), f.person_name or f.stated_post, f.evidence.doc))
    offices = [f for f in ctx.corpus.facts_of(group.iri, OfficeFact) if f.group == group.iri]
    listings = ctx.corpus.facts_of(group.iri, SubgroupFact)
    member_rows = tuple((f.role, ctx.link(f.person, f.person_name) if f.person else f"（按职务）{f.stated_post}",
                         f.stated_post, *evidence_cells(f.evidence)) for f in members)
    office_rows = tuple((ctx.link(f.unit, f.unit_text), f.unit_text, *evidence_cells(f.evidence)) for f in offices)
    listing_rows = tuple(("上级 parent" if f.group == group.iri else "下设 sub-group",
                          ctx.link(f.parent if f.group == group.iri else f.group), *evidence_cells(f.evidence))
                         for f in listings)
    figures = (("成员 members", str(len({f.person or f.stated_post for f in members}))),
               ("办公室 offices", str(len(offices))),
               ("文件 documents", documents_figure(members, offices, listings)), *also_printed(group))
    return Page(path=ctx.href(group.iri), title=group.name, kind="group", iri=group.iri,
                subtitle=class_label(group, GROUP_CLASSES) or "议事协调机构 group", figures=figures,
                network=group_network(ctx, group, members, offices, listings),
                tables=(Table("成员 members", MEMBER_COLUMNS, member_rows),
                        Table("办公室 office", OFFICE_COLUMNS, office_rows),
                        Table("上级与下设机构 parent and sub-groups", LISTING_COLUMNS, listing_rows)))


def group_network(ctx: Context, group: Subject, members, offices, listings) -> Network:
    builder = NetworkBuilder()
    centre = ctx.add_subject(builder, group.iri, is_subject=True)
    for fact in members:
        tier, said = ctx.tier(fact.role), Fact(membership_text(fact), fact.evidence)
        if fact.person:
            node = ctx.add_subject(builder, fact.person, fallback=fact.person_name, tone=tier, fact=said)
        else:
            node = builder.node(f"position:{fact.stated_post}", fact.stated_post or fact.role, "position",
                                tone=tier, fact=said)
        builder.edge(node, centre, "member", label=fact.role, fact=said)
    for fact in offices:
        said = Fact(f"办公室设在{ctx.corpus.name(fact.unit)}", fact.evidence)
        builder.edge(centre, ctx.add_subject(builder, fact.unit, fallback=fact.unit_text, fact=said), "office",
                     fact=said)
    for fact in listings:
        said = Fact(f"{ctx.corpus.name(fact.parent)} 下设 {ctx.corpus.name(fact.group)}", fact.evidence)
        builder.edge(ctx.add_subject(builder, fact.group), ctx.add_subject(builder, fact.parent), "subgroup",
                     fact=said)
    return bounded(builder.build(), SUBJECT_LIMIT)


# --- persons ----------------------------------------------------------------------------

def person_page(ctx: Context, person: Subject) -> Page:
    appointments = [f for f in ctx.corpus.facts_of(person.iri, AppointmentFact) if f.person == person.iri]
    observations = ctx.corpus.facts_of(person.iri, ObservationFact)
    memberships = [f for f in ctx.corpus.facts_of(person.iri, MembershipFact) if f.person == person.iri]
    honours = [f for f in ctx.corpus.facts_of(person.iri, HonourFact) if f.recipient == person.iri]
    timeline = sorted([*appointments, *observations], key=lambda f: (f.evidence.date or "9999", f.evidence.doc))
    group_rows = tuple((ctx.link(f.group), f.role, f.stated_post, *evidence_cells(f.evidence))
                       for f in sorted(memberships, key=lambda f: (f.evidence.date, ctx.corpus.name(f.group))))
    honour_rows = tuple((f.award_text or f.award, ctx.link(f.affiliation) if f.affiliation else "",
                         *evidence_cells(f.evidence)) for f in sorted(honours, key=lambda f: f.evidence.date))
    everything = [*appointments, *observations, *memberships, *honours]
    figures = (("职务记录 post records", str(len(timeline))),
               ("机构 groups", str(len({f.group for f in memberships}))),
               ("表彰 honours", str(len(honours))), ("文件 documents", documents_figure(everything)))
    return Page(path=ctx.href(person.iri), title=person.name, kind="person", iri=person.iri,
                subtitle="人员 person", figures=figures,
                network=person_network(ctx, person, appointments, observations, memberships, honours),
                tables=(Table("职务变动 posts over time", TIMELINE_COLUMNS,
                              tuple(post_row(ctx, fact) for fact in timeline)),
                        Table("所在机构 groups", GROUPS_COLUMNS, group_rows),
                        Table("表彰 honours", HONOUR_COLUMNS, honour_rows),
                        documents_table(ctx, everything)))


def person_network(ctx: Context, person: Subject, appointments, observations, memberships, honours) -> Network:
    builder = NetworkBuilder()
    centre = ctx.add_subject(builder, person.iri, is_subject=True)
    for fact in appointments:
        said = Fact(f"{relation_text(action_of(fact))} {fact.post_text or fact.post_name}", fact.evidence)
        post = builder.node(fact.post, fact.post_name, "post", fact=said)
        builder.edge(centre, post, action_of(fact), label=dated(fact.evidence), fact=said)
        if fact.organization:
            builder.edge(post, ctx.add_subject(builder, fact.organization), "post_in")
    for fact in observations:
        said = Fact(f"名单所载职务 {fact.stated_post}", fact.evidence)
        post = builder.node(f"stated:{fact.stated_post}", fact.stated_post, "post", fact=said)
        builder.edge(centre, post, "observed", label=dated(fact.evidence), fact=said)
    for fact in memberships:
        said = Fact(membership_text(fact, ctx.corpus.name(fact.group)), fact.evidence)
        builder.edge(centre, ctx.add_subject(builder, fact.group, fact=said), "member", label=fact.role, fact=said)
    for fact in honours:
        said = Fact(f"表彰 {fact.award_text or fact.award}", fact.evidence)
        honour = builder.node(f"honour:{fact.iri}", fact.award_text or fact.award, "honour", fact=said)
        builder.edge(centre, honour, "honoured", label=dated(fact.evidence), fact=said)
        if fact.affiliation:
            said = Fact(f"所在单位 {ctx.corpus.name(fact.affiliation)}", fact.evidence)
            builder.edge(centre, ctx.add_subject(builder, fact.affiliation), "affiliation", fact=said)
    return bounded(builder.build(), SUBJECT_LIMIT)


def post_row(ctx: Context, fact: AppointmentFact | ObservationFact) -> tuple:
    if isinstance(fact, ObservationFact):
        return ("名单所载 stated in a roster", fact.stated_post, "", *evidence_cells(fact.evidence))
    unit = ctx.link(fact.organization) if fact.organization else ""
    return (relation_text(action_of(fact)), fact.post_text or fact.post_name, unit, *evidence_cells(fact.evidence))


def documents_table(ctx: Context, facts: list) -> Table:
    counts: dict[str, int] = {}
    for fact in facts:
        counts[fact.evidence.doc] = counts.get(fact.evidence.doc, 0) + 1
    dates = {d.number: d.date for d in ctx.corpus.documents}
    numbers = sorted(counts, key=lambda number: (dates.get(number, ""), number))
    rows = tuple((number, dates.get(number, ""), ctx.corpus.document_titles.get(number, ""), str(counts[number]))
                 for number in numbers)
    return Table("来源文件 documents", ("文号 document", "日期 date", "标题 title", "事实 facts"), rows)


# --- agencies ---------------------------------------------------------------------------

def agency_page(ctx: Context, agency: Subject) -> Page:
    facts = {
        "staff": [f for f in ctx.corpus.facts_of(agency.iri, AppointmentFact) if f.organization == agency.iri],
        "honours": ctx.corpus.facts_of(agency.iri, HonourFact),
        "assignments": ctx.corpus.facts_of(agency.iri, AssignmentFact),
        "offices": [f for f in ctx.corpus.facts_of(agency.iri, OfficeFact) if f.unit == agency.iri],
        "represented": ctx.represented.get(agency.iri, []),
    }
    staff = ({f.person for f in facts["staff"]} | {f.person for f in facts["represented"] if f.person}
             | {f.recipient for f in facts["honours"] if f.recipient != agency.iri})
    tasks = facts["assignments"]
    figures = (("人员 staff seen", str(len(staff))),
               ("牵头任务 tasks led", str(len({f.task for f in tasks if f.kind == "lead"}))),
               ("配合任务 tasks supported", str(len({f.task for f in tasks if f.kind != "lead"}))),
               ("机构 groups", str(len({f.group for f in [*facts["offices"], *facts["represented"]]}))),
               *also_printed(agency))
    return Page(path=ctx.href(agency.iri), title=agency.name, kind="agency", iri=agency.iri,
                subtitle=class_label(agency, AGENCY_CLASSES) or "机构 agency", figures=figures,
                network=agency_network(ctx, agency, **facts), tables=agency_tables(ctx, agency, **facts))


def agency_network(ctx: Context, agency: Subject, staff, honours, assignments, offices, represented) -> Network:
    builder = NetworkBuilder()
    centre = ctx.add_subject(builder, agency.iri, is_subject=True)
    for fact in staff:
        said = Fact(f"{relation_text(action_of(fact))} {fact.person_name} {fact.post_text}", fact.evidence)
        person = ctx.add_subject(builder, fact.person, fallback=fact.person_name, fact=said)
        title = fact.post_name.removeprefix(agency.name) or fact.post_name
        builder.edge(person, centre, action_of(fact), label=title, fact=said)
    for fact in honours:
        award = fact.award_text or fact.award
        if fact.recipient == agency.iri:
            said = Fact(f"表彰 {award}", fact.evidence)
            builder.edge(centre, builder.node(f"honour:{fact.iri}", award, "honour", fact=said), "honoured",
                         fact=said)
        else:
            said = Fact(f"{fact.recipient_name} 受表彰（{award}）", fact.evidence)
            person = ctx.add_subject(builder, fact.recipient, fallback=fact.recipient_name, fact=said)
            builder.edge(person, centre, "affiliation", fact=said)
    for fact in assignments:
        task = ctx.corpus.tasks.get(fact.task)
        name = f"{task.path} {task.title}".strip() if task else fact.task
        node = builder.node(fact.task, name, "task", fact=Fact(name, task.evidence) if task else None)
        relation = "lead" if fact.kind == "lead" else "support"
        builder.edge(centre, node, relation, fact=Fact(f"{relation_text(relation)}：{fact.unit_text}", fact.evidence))
    for fact in offices:
        said = Fact(f"{ctx.corpus.name(fact.group)} 办公室设在{agency.name}", fact.evidence)
        builder.edge(ctx.add_subject(builder, fact.group, fact=said), centre, "office", fact=said)
    for fact in represented:
        said = Fact(membership_text(fact, ctx.corpus.name(fact.group)), fact.evidence)
        builder.edge(centre, ctx.add_subject(builder, fact.group, fact=said), "represented", label=fact.role,
                     fact=said)
        if fact.person:
            person = ctx.add_subject(builder, fact.person, fallback=fact.person_name, fact=said)
            builder.edge(person, centre, "observed", label=fact.stated_post,
                         fact=Fact(f"名单所载职务 {fact.person_name}（{fact.stated_post}）", fact.evidence))
    return bounded(builder.build(), SUBJECT_LIMIT)


def agency_tables(ctx: Context, agency: Subject, staff, honours, assignments, offices, represented) -> tuple:
    staff_rows = tuple((ctx.link(f.person, f.person_name), relation_text(action_of(f)), f.post_text or f.post_name,
                        *evidence_cells(f.evidence))
                       for f in sorted(staff, key=lambda f: (f.evidence.date, f.person_name)))
    staff_rows += tuple((ctx.link(f.person, f.person_name), "名单所载 stated in a roster", f.stated_post,
                         *evidence_cells(f.evidence)) for f in represented if f.person)
    staff_rows += tuple((ctx.link(f.recipient, f.recipient_name), "表彰 honoured", f.award_text or f.award,
                         *evidence_cells(f.evidence)) for f in honours if f.recipient != agency.iri)
    group_rows = tuple((ctx.link(f.group), "办公室设在本单位 hosts the office", "", *evidence_cells(f.evidence))
                       for f in offices)
    group_rows += tuple((ctx.link(f.group), f.role, membership_text(f), *evidence_cells(f.evidence))
                        for f in represented)
    honour_rows = tuple((f.award_text or f.award, "", *evidence_cells(f.evidence))
                        for f in honours if f.recipient == agency.iri)
    return (Table("人员 staff seen", STAFF_COLUMNS, staff_rows),
            Table("牵头任务 tasks led", TASK_COLUMNS, task_rows(ctx, assignments, lead=True)),
            Table("配合任务 tasks supported", TASK_COLUMNS, task_rows(ctx, assignments, lead=False)),
            Table("所在机构 groups", REPRESENTED_COLUMNS, group_rows),
            Table("单位表彰 honours", HONOUR_COLUMNS, honour_rows))


def task_rows(ctx: Context, assignments: list[AssignmentFact], lead: bool) -> tuple:
    rows = []
    for fact in assignments:
        if (fact.kind == "lead") != lead:
            continue
        task = ctx.corpus.tasks.get(fact.task)
        rows.append((task.path if task else "", task.title if task else "", fact.unit_text,
                     *evidence_cells(fact.evidence)))
    return tuple(sorted(rows, key=lambda row: (row[3], row[0])))
