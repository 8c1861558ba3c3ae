"""The index and the two overview networks: all groups with their members, agencies by shared tasks.

Overviews grow with the corpus, so each has a plan for size. Up to ``OVERVIEW_LIMIT``
nodes the groups overview draws every member; above it, it draws the groups alone,
linked by the members they share (edge width = how many), and each group's own page
keeps the full roster. The agencies overview draws the pairs that share the most
tasks, about ``EDGES_PER_NODE`` per agency (most pairs share a single task, and all of
them together are a hairball), and the best-connected agencies when there are more
than ``OVERVIEW_LIMIT``. What was left out is said above the drawing.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations

from graphbuilder.pages.context import Context, membership_text
from graphbuilder.pages.corpus import MembershipFact
from graphbuilder.pages.model import Link, Page, Table
from graphbuilder.pages.network import Fact, Network, NetworkBuilder, bounded
from graphbuilder.pages.subjects import AGENCY_CLASSES, GROUP_CLASSES, class_label

OVERVIEW_LIMIT = 2000          # nodes an overview draws before it aggregates
EDGE_LIMIT = 4000              # edges an overview draws before it keeps only the strongest
EDGE_FACTS = 6                 # example facts kept on an aggregated edge
EDGES_PER_NODE = 3             # agencies overview: the strongest pairs, about this many per agency
INDEX_PAGE = "index.html"
GROUPS_PAGE = "groups.html"
AGENCIES_PAGE = "agencies.html"
INDEX_FIGURES = {"documents": "文件 documents", "persons": "人员 persons", "groups": "议事协调机构 groups",
                 "agencies": "机构 agencies", "tasks": "任务 tasks"}
AGENCY_COLUMNS = ("机构 agency", "类别 kind", "牵头 led", "配合 supported", "任免 appointments")


def size_for(count: int) -> float:
    return round(10 + 2.5 * math.sqrt(count), 1)


# --- all groups and their members -------------------------------------------------------

def groups_overview(ctx: Context, limit: int = OVERVIEW_LIMIT) -> Page:
    groups = ctx.corpus.of_kind("group")
    members = sorted(ctx.corpus.memberships, key=lambda f: (f.group, f.person or f.stated_post, f.iri))
    drawn_members = {f.person or f"position:{f.stated_post}" for f in members}
    if len(groups) + len(drawn_members) <= limit:
        network = groups_with_members(ctx, groups, members)
    else:
        network = bounded(groups_by_shared_members(ctx, groups, members, len(drawn_members), limit), limit, "groups")
    figures = (("机构 groups", str(len(groups))), ("成员 members", str(len(drawn_members))),
               ("成员关系 memberships", str(len(members))))
    return Page(path=GROUPS_PAGE, title="议事协调机构及其成员 All groups and their members", kind="overview",
                subtitle="领导小组、指挥部、委员会 leading groups, command HQs, committees", figures=figures,
                links=(Link("机构协同网络 agencies by shared tasks", AGENCIES_PAGE), Link("首页 index", INDEX_PAGE)),
                network=network, tables=(group_table(ctx, groups),))


def groups_with_members(ctx: Context, groups, members: list[MembershipFact]) -> Network:
    builder = NetworkBuilder()
    for group in groups:
        ctx.add_subject(builder, group.iri)
    labelled = len(members) <= 150
    for fact in members:
        tier, said = ctx.tier(fact.role), Fact(membership_text(fact, ctx.corpus.name(fact.group)), fact.evidence)
        if fact.person:
            node = ctx.add_subject(builder, fact.person, fallback=fact.person_name, tone=tier, fact=said)
        else:
            node = builder.node(f"position:{fact.stated_post}", fact.stated_post or fact.role, "position",
                                tone=tier, fact=said)
        builder.edge(node, ctx.add_subject(builder, fact.group), "member", label=fact.role if labelled else "",
                     fact=said)
    add_subgroup_edges(ctx, builder)
    return builder.build()


def groups_by_shared_members(ctx: Context, groups, members: list[MembershipFact], member_count: int,
                             limit: int) -> Network:
    rosters: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for fact in members:
        key = fact.person or f"position:{fact.stated_post}"
        rosters[fact.group].add(key)
        names[key] = fact.person_name or fact.stated_post
    builder = NetworkBuilder()
    for group in groups:
        size = len(rosters[group.iri])
        ctx.add_subject(builder, group.iri, size=size_for(size), fact=Fact(f"成员 {size} members"))
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_member: dict[str, list[str]] = defaultdict(list)
    for group, roster in sorted(rosters.items()):
        for member in roster:
            by_member[member].append(group)
    for member, in_groups in sorted(by_member.items()):
        for pair in combinations(sorted(in_groups), 2):
            shared[pair].append(names[member])
    for (a, b), people in strongest(shared):
        builder.edge(a, b, "shared_members", label=str(len(people)), weight=len(people),
                     facts=tuple(Fact(f"共同成员 {name}") for name in sorted(people)[:EDGE_FACTS]))
    add_subgroup_edges(ctx, builder)
    note = (f"{len(groups) + member_count} nodes exceed the drawing limit ({limit}): the {len(groups)} groups are "
            f"drawn alone, linked by the members they share (label = how many); each group's page lists its members.")
    return builder.build(note)


def add_subgroup_edges(ctx: Context, builder: NetworkBuilder) -> None:
    for fact in ctx.corpus.subgroups:
        if fact.group in builder.nodes and fact.parent in builder.nodes:
            said = Fact(f"{ctx.corpus.name(fact.parent)} 下设 {ctx.corpus.name(fact.group)}", fact.evidence)
            builder.edge(fact.group, fact.parent, "subgroup", fact=said)


def strongest(pairs: dict[tuple[str, str], list]) -> list[tuple[tuple[str, str], list]]:
    """The pairs with the most shared items, at most EDGE_LIMIT, heaviest first, ties by name."""
    ranked = sorted(pairs.items(), key=lambda item: (-len(item[1]), item[0]))
    return ranked[:EDGE_LIMIT]


def group_table(ctx: Context, groups) -> Table:
    counts = Counter(f.group for f in ctx.corpus.memberships)
    return Table("机构 groups", ("机构 group", "类别 kind", "成员关系 memberships"),
                 tuple((ctx.link(g.iri), class_label(g, GROUP_CLASSES), str(counts[g.iri])) for g in groups))


# --- agencies linked by shared tasks ----------------------------------------------------

def agencies_overview(ctx: Context, limit: int = OVERVIEW_LIMIT) -> Page:
    units_of: dict[str, set[str]] = defaultdict(set)
    for fact in ctx.corpus.assignments:
        units_of[fact.task].add(fact.unit)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for task, units in sorted(units_of.items()):
        for pair in combinations(sorted(units), 2):
            shared[pair].append(task)
    tasks_of = Counter(unit for units in units_of.values() for unit in units)
    floor = weight_floor([len(tasks) for tasks in shared.values()], EDGES_PER_NODE * len(tasks_of))
    closest = {unit: pair for pair, _ in sorted(shared.items(), key=lambda item: (len(item[1]), item[0]))
               for unit in pair}       # heaviest last: each agency's own strongest pair wins
    backbone = set(closest.values())
    kept = [(pair, tasks) for pair, tasks in strongest(shared) if len(tasks) >= floor or pair in backbone]
    builder = NetworkBuilder()
    for unit in sorted(tasks_of, key=lambda u: (ctx.corpus.name(u), u)):
        ctx.add_subject(builder, unit, size=size_for(tasks_of[unit]), fact=Fact(f"任务 {tasks_of[unit]} tasks"))
    for (a, b), tasks in kept:
        builder.edge(a, b, "shared_tasks", label=str(len(tasks)), weight=len(tasks),
                     facts=tuple(task_fact(ctx, task) for task in tasks[:EDGE_FACTS]))
    note = ""
    if len(kept) < len(shared):
        note = (f"{len(shared)} pairs of agencies share tasks; drawn are the {len(kept)} pairs sharing at "
                f"least {floor} and each agency's closest partner. Each agency's page lists all its tasks.")
    network = bounded(builder.build(note), limit, "agencies")
    figures = (("机构 agencies", str(len(tasks_of))), ("任务 tasks", str(len(units_of))),
               ("机构对 pairs", str(len(shared))), ("绘出 drawn", str(len(kept))))
    return Page(path=AGENCIES_PAGE, title="机构协同网络 Agencies linked by shared tasks", kind="overview",
                subtitle="两个机构共同承担的任务（牵头或配合） tasks two agencies lead or support together",
                figures=figures, network=network, tables=(agency_table(ctx),),
                links=(Link("议事协调机构 all groups", GROUPS_PAGE), Link("首页 index", INDEX_PAGE)))


def weight_floor(weights: list[int], budget: int) -> int:
    """The smallest weight such that the edges at least that heavy fit in ``budget``."""
    counts = Counter(weights)
    total = len(weights)
    for weight in sorted(counts):
        if total <= budget:
            return weight
        total -= counts[weight]
    return max(counts, default=1) + 1


def task_fact(ctx: Context, task_iri: str) -> Fact:
    task = ctx.corpus.tasks.get(task_iri)
    return Fact(f"{task.path} {task.title}".strip(), task.evidence) if task else Fact(task_iri)


def agency_table(ctx: Context) -> Table:
    led, supported = Counter(), Counter()
    for fact in ctx.corpus.assignments:
        (led if fact.kind == "lead" else supported)[fact.unit] += 1
    staff = Counter(f.organization for f in ctx.corpus.appointments if f.organization)
    rows = tuple((ctx.link(a.iri), class_label(a, AGENCY_CLASSES), str(led[a.iri]), str(supported[a.iri]),
                  str(staff[a.iri])) for a in ctx.corpus.of_kind("agency"))
    return Table("机构 agencies", AGENCY_COLUMNS, rows)


# --- index ------------------------------------------------------------------------------

def index_page(ctx: Context) -> Page:
    counts = ctx.corpus.counts()
    groups_of = Counter(f.person for f in ctx.corpus.memberships if f.person)
    posts_of = Counter(f.person for f in ctx.corpus.appointments)
    persons = tuple((ctx.link(p.iri), str(groups_of[p.iri]), str(posts_of[p.iri]))
                    for p in ctx.corpus.of_kind("person"))
    documents = tuple((d.number, d.date, d.title) for d in ctx.corpus.documents)
    figures = tuple((label, str(counts[key])) for key, label in INDEX_FIGURES.items())
    return Page(path=INDEX_PAGE, title="政府公报知识图谱 Gazette knowledge graph", kind="index",
                subtitle="人员、机构、议事协调机构与任务分工 officials, agencies, groups and duties",
                figures=figures,
                links=(Link("议事协调机构及其成员 all groups and their members", GROUPS_PAGE),
                       Link("机构协同网络 agencies by shared tasks", AGENCIES_PAGE)),
                tables=(group_table(ctx, ctx.corpus.of_kind("group")), agency_table(ctx),
                        Table("人员 persons", ("姓名 name", "机构 groups", "任免 appointments"), persons),
                        Table("文件 documents", ("文号 document", "日期 date", "标题 title"), documents)))

