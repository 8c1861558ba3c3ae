"""How nodes and edges look: one table per kind, tone and relation.

The legend of every page is drawn from these tables, so a style and its explanation
cannot drift apart. Role tiers come from ``ontology/lexicon/roles.tsv`` (the ``tier``
column); a role word the lexicon does not know is drawn in the ``other`` tone rather
than guessed into a tier.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NodeStyle:
    label: str          # legend text, Chinese then English
    shape: str          # vis-network shape
    color: str
    size: int


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    label: str
    color: str
    dashes: bool = False
    width: float = 1.5
    arrows: bool = True


NODE_STYLES: dict[str, NodeStyle] = {
    "person": NodeStyle("人员 person", "dot", "#4e79a7", 12),
    "group": NodeStyle("议事协调机构 group", "diamond", "#e15759", 18),
    "agency": NodeStyle("机构 agency", "square", "#59a14f", 14),
    "post": NodeStyle("职务 post", "triangle", "#f28e2b", 11),
    "position": NodeStyle("按职务担任 position", "hexagon", "#b07aa1", 11),
    "task": NodeStyle("任务 task", "dot", "#9c9c9c", 7),
    "honour": NodeStyle("表彰 honour", "star", "#edc948", 13),
}

# Colours within a kind ("tones"): members by the tier of their role (group pages,
# group overview), agencies by their class. The shape still tells the kind.
TONE_STYLES: dict[str, tuple[str, str]] = {
    "leader": ("组长、指挥长 leader", "#c0392b"),
    "deputy": ("副职 deputy", "#e67e22"),
    "secretary": ("秘书长 secretary", "#8e44ad"),
    "office": ("办公室 office", "#16a085"),
    "member": ("成员 member", "#2e86c1"),
    "other": ("其他角色 other role", "#7f8c8d"),
    "GovernmentDepartment": ("政府部门 department", "#59a14f"),
    "LocalGovernment": ("地方政府 local government", "#1b7837"),
    "PartyOrgan": ("党的机关 party organ", "#b2182b"),
    "Enterprise": ("企业 enterprise", "#4393c3"),
    "CollectiveUnit": ("集合单位 collective unit", "#a6761d"),
    "OtherOrganization": ("其他机构 other organisation", "#8c8c8c"),
}
ROLE_TIERS = ("leader", "deputy", "secretary", "office", "member", "other")
TONE_ORDER = tuple(TONE_STYLES)

EDGE_STYLES: dict[str, EdgeStyle] = {
    "member": EdgeStyle("成员关系 member of", "#2e86c1"),
    "office": EdgeStyle("办公室设在 office in", "#59a14f", dashes=True),
    "subgroup": EdgeStyle("下设 sub-group of", "#e15759", width=2.5),
    "appoint": EdgeStyle("任命 appointed", "#27ae60", width=2),
    "remove": EdgeStyle("免去 removed", "#c0392b", dashes=True, width=2),
    "nominate": EdgeStyle("提名 nominated", "#b7950b", dashes=True),
    "observed": EdgeStyle("名单所载职务 post stated in a roster", "#95a5a6", dashes=True),
    "post_in": EdgeStyle("职务所属 post in", "#f28e2b", arrows=False),
    "honoured": EdgeStyle("表彰 honoured", "#d4ac0d", width=2),
    "affiliation": EdgeStyle("所在单位 affiliated with", "#bab0ac", dashes=True),
    "lead": EdgeStyle("牵头 leads", "#c0392b", width=2),
    "support": EdgeStyle("配合 supports", "#7f8c8d", dashes=True),
    "represented": EdgeStyle("派员 represented in", "#8e44ad", dashes=True),
    "shared_tasks": EdgeStyle("共同任务 shared tasks", "#76b7b2", arrows=False),
    "shared_members": EdgeStyle("共同成员 shared members", "#ff9da7", arrows=False),
}

ACTION_RELATIONS = {"appoint": "appoint", "remove": "remove", "nominate": "nominate"}


def tier_of(role: str, role_tiers: dict[str, str]) -> str:
    """The tier of a role word from the lexicon, ``other`` when the lexicon lacks it."""
    tier = role_tiers.get(role, "other")
    return tier if tier in ROLE_TIERS else "other"


def agency_tone(classes: tuple[str, ...]) -> str:
    """The tone of an agency: its first class with a colour, "" when none has one."""
    return next((c for c in classes if c in TONE_STYLES and c not in ROLE_TIERS), "")


def better_tone(a: str, b: str) -> str:
    """The first of two tones in TONE_ORDER (leader before deputy …); "" counts as none."""
    if not a:
        return b
    if not b:
        return a
    return min(a, b, key=TONE_ORDER.index)
