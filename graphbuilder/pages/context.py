"""What every page builder needs: the corpus, the role tiers and where each page lives."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from graphbuilder.pages.corpus import Corpus, Evidence, MembershipFact
from graphbuilder.pages.model import Link, page_path
from graphbuilder.pages.network import Fact, NetworkBuilder
from graphbuilder.pages.style import EDGE_STYLES, agency_tone, tier_of



@dataclass(frozen=True)
class Context:
    corpus: Corpus
    role_tiers: dict[str, str]           # roles.tsv: role word -> tier
    role_ranks: dict[str, int]           # roles.tsv: role word -> rank

    @cached_property
    def paths(self) -> dict[str, str]:
        """Site-relative page of every person, group and agency; two IRIs never share one."""
        paths: dict[str, str] = {}
        seen: dict[str, str] = {}
        for iri, subject in sorted(self.corpus.subjects.items()):
            path = page_path(subject)
            if path in seen:
                raise ValueError(f"pages of {seen[path]} and {iri} would both be {path}")
            seen[path] = iri
            paths[iri] = path
        return paths

    def href(self, iri: str) -> str:
        return self.paths.get(iri, "")

    def link(self, iri: str, fallback: str = "") -> Link:
        subject = self.corpus.subjects.get(iri)
        return Link(subject.name if subject else (fallback or iri), self.href(iri))

    def tier(self, role: str) -> str:
        return tier_of(role, self.role_tiers)

    def role_order(self, role: str) -> tuple[int, str]:
        return self.role_ranks.get(role, 999), role

    def add_subject(self, builder: NetworkBuilder, iri: str, *, fallback: str = "", tone: str = "",
                    fact: Fact | None = None, is_subject: bool = False, size: float = 0.0) -> str:
        """A node for a person, group or agency, linked to its page; agencies toned by class."""
        subject = self.corpus.subjects.get(iri)
        kind = subject.kind if subject else "agency"
        name = subject.name if subject else (fallback or iri)
        if kind == "agency" and subject and not tone:
            tone = agency_tone(subject.classes)
        return builder.node(iri, name, kind, tone=tone, href=self.href(iri), fact=fact,
                            is_subject=is_subject, size=size)

    @cached_property
    def represented(self) -> dict[str, list[MembershipFact]]:
        """Memberships whose seat resolves to a post in an agency: the agency is represented.

        ``（市发展改革委主任）`` after a member's name (or 市财政局主要负责同志 holding a seat)
        is a post of 三门峡市发展和改革委员会, as entity resolution found it.
        """
        found: dict[str, list[MembershipFact]] = {}
        for fact in self.corpus.memberships:
            for agency in self.corpus.membership_agencies.get(fact.iri, ()):
                found.setdefault(agency, []).append(fact)
        return found


def relation_text(relation: str) -> str:
    """The Chinese half of a relation's legend label (任命, 免去 …)."""
    return EDGE_STYLES[relation].label.split(" ", 1)[0]


def membership_text(fact: MembershipFact, group_name: str = "") -> str:
    who = fact.person_name or fact.stated_post or "（按职务）"
    post = f"（{fact.stated_post}）" if fact.stated_post and fact.person_name else ""
    where = f" · {group_name}" if group_name else ""
    return f"{fact.role or '成员'}：{who}{post}{where}"


def dated(evidence: Evidence) -> str:
    return evidence.date or "未注明日期"
