"""Built graph → typed rows: what the projections need, read by the SPARQL in ``queries/``.

Each reader runs one query over the union of the graphs and turns its rows into
frozen dataclasses; an empty string stands for "the graph does not say" (an undated
notice, a tenure with no known start), as in the facts export. One row per fact node:
should a node carry a property twice (two names after a merge), the first row wins.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterator

from graphbuilder.query.store import select

QUERIES = Path(__file__).resolve().parent / "queries"
SEPARATOR = "\x1f"      # GROUP_CONCAT separator in the queries
GB = "https://w3id.org/graphbuilder/ontology#"
GROUP_KINDS = {GB + "LeadingGroup": "leading_group", GB + "CommandHQ": "command_hq",
               GB + "Committee": "committee", GB + "GroupOffice": "office"}


@cache
def read_query(name: str) -> str:
    """The text of ``graphbuilder/analytics/queries/NAME.rq``."""
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class MembershipRow:
    membership: str
    person: str
    person_name: str
    group: str
    group_name: str
    group_kind: str     # leading_group, command_hq, committee, office or other
    parent: str         # the group this one sits under, "" if none
    role: str
    doc: str
    date: str
    start: int          # offset of the roster line in its gazette: the roster's order

    @property
    def year(self) -> int | None:
        return year_of(self.date)


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    assignment: str
    task: str
    task_title: str
    unit: str
    unit_name: str
    collective: bool    # a set of units (各县（市、区）政府), not one agency
    kind: str           # lead or support
    doc: str
    date: str


@dataclass(frozen=True, slots=True)
class TenureRow:
    tenure: str
    person: str
    person_name: str
    post: str
    post_name: str
    organization: str
    organization_name: str
    start: str          # time:hasBeginning: the appointment's date
    end: str            # time:hasEnd: the removal's date
    first_evidence: str  # the dates notices attest it (appointment or roster), bounds or not
    last_evidence: str
    opened_doc: str
    closed_doc: str
    observed_docs: tuple[str, ...]      # rosters that saw the post held


@dataclass(frozen=True, slots=True)
class AppointmentRow:
    event: str
    action: str         # appoint, remove or nominate
    person: str
    person_name: str
    post: str
    post_name: str
    organization: str
    organization_name: str
    doc: str
    date: str

    @property
    def year(self) -> int | None:
        return year_of(self.date)


def year_of(date: str) -> int | None:
    return int(date[:4]) if date[:4].isdigit() else None


def first_per_node(rows: list[dict], key: str) -> Iterator[dict]:
    seen: set[str] = set()
    for row in rows:
        if row[key] not in seen:
            seen.add(row[key])
            yield row


def read_memberships(store) -> list[MembershipRow]:
    rows = first_per_node(select(store, read_query("memberships")), "membership")
    return [MembershipRow(r["membership"], r["person"], r["person_name"], r["group"], r["group_name"],
                          GROUP_KINDS.get(r["group_class"], "other"), r["parent"], r["role"],
                          r["doc"], r["date"], r["start"]) for r in rows]


def read_assignments(store) -> list[AssignmentRow]:
    rows = first_per_node(select(store, read_query("assignments")), "assignment")
    return [AssignmentRow(r["assignment"], r["task"], r["task_title"], r["unit"], r["unit_name"],
                          bool(r["collective"]), r["kind"], r["doc"], r["date"]) for r in rows]


def read_tenures(store) -> list[TenureRow]:
    rows = first_per_node(select(store, read_query("tenures")), "tenure")
    return [TenureRow(**{**r, "observed_docs": tuple(sorted(filter(None, r["observed_docs"].split(SEPARATOR))))})
            for r in rows]


def read_appointments(store) -> list[AppointmentRow]:
    rows = first_per_node(select(store, read_query("appointments")), "event")
    return [AppointmentRow(**r) for r in rows]
