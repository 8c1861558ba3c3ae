"""Analysts' judgements: "same", "different" or "unsure" for a pair of entities.

Resolution is a log of judgements applied at build time, not an edit of the data (the
way nomenklatura keeps OpenSanctions' resolver): ``ontology/judgements.tsv`` (or the file
given to ``build --judgements``) has one judgement per row::

    kind          left                         right                        judgement  author  date        note
    person        三门峡市/张伟@三政〔2019〕1号   三门峡市/张伟@三政〔2021〕3号   different  lw      2026-11-20  two people
    organization  三门峡市统战部                 smx-tzb                      same       lw      2026-11-20  统战部 short form

Persons are named by their key (``jurisdiction/name``) or by a document cluster of
their mentions (``jurisdiction/name@document number``), as ``graphbuilder candidates``
prints them; organisations by the key the report lists, or a lexicon id. "unsure" changes
nothing and is listed by ``candidates`` for review.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from graphbuilder.records import Diagnostic, Severity

VERDICTS = ("same", "different", "unsure")
KINDS = ("person", "organization")
COLUMNS = ("kind", "left", "right", "judgement", "author", "date", "note")


@dataclass(frozen=True, slots=True)
class Judgement:
    kind: str
    left: str
    right: str
    verdict: str
    author: str = ""
    date: str = ""
    note: str = ""
    line: int = 0

    def names(self, key: str) -> bool:
        return key in (self.left, self.right)

    def other(self, key: str) -> str:
        return self.right if key == self.left else self.left


@dataclass
class Judgements:
    items: list[Judgement] = field(default_factory=list)
    path: str = ""

    @classmethod
    def load(cls, path: Path) -> tuple["Judgements", list[Diagnostic]]:
        """Read a judgements file; malformed rows are reported (GB601) and skipped."""
        if not path.is_file():
            return cls(path=str(path)), []
        judgements, problems = cls(path=str(path)), []
        with path.open(encoding="utf-8", newline="") as fh:
            rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            for line, cells in enumerate(rows, start=1):
                if line == 1 or not any(c.strip() for c in cells) or cells[0].startswith("#"):
                    continue
                row = dict(zip(COLUMNS, (c.strip() for c in cells)))
                problem = cls.problem(row)
                if problem:
                    problems.append(Diagnostic(str(path), line, "GB601", problem, Severity.ERROR,
                                               excerpt="\t".join(cells)[:120]))
                    continue
                judgements.items.append(Judgement(row["kind"], row["left"], row["right"], row["judgement"],
                                                  row.get("author", ""), row.get("date", ""),
                                                  row.get("note", ""), line))
        return judgements, problems

    @staticmethod
    def problem(row: dict[str, str]) -> str:
        if row.get("kind") not in KINDS:
            return f"kind must be one of {', '.join(KINDS)}, not {row.get('kind')!r}"
        if row.get("judgement") not in VERDICTS:
            return f"judgement must be one of {', '.join(VERDICTS)}, not {row.get('judgement')!r}"
        if not row.get("left") or not row.get("right") or row["left"] == row["right"]:
            return "left and right must name two different entities"
        return ""

    def of(self, kind: str, verdict: str) -> list[Judgement]:
        return [j for j in self.items if j.kind == kind and j.verdict == verdict]

    def different(self, kind: str, a: str, b: str) -> bool:
        return any(j.names(a) and j.other(a) == b for j in self.of(kind, "different"))

    def same_as(self, kind: str, key: str) -> str:
        """Where a "same" judgement sends a key (followed through chains), or ""."""
        seen, target = {key}, ""
        while True:
            step = next((j.other(key) for j in self.of(kind, "same") if j.left == key), "")
            if not step or step in seen:
                return target
            seen.add(step)
            target = key = step
