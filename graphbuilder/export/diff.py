"""Two builds → what changed: facts added and removed, per document and type.

Facts are compared by IRI, which is a hash of the fact's key (``entities/keys``), so
the same line of the same notice has the same IRI in both builds; a fact whose key
is the same but whose fields differ (a post read differently) is "changed". The
facts come from each build's ``facts.jsonl``, the flat form analysts already read.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

FACTS_FILE = "facts.jsonl"
IGNORED = frozenset({"iri", "src_line", "start", "end", "page"})   # where, not what
SUMMARY_FIELDS = {   # what a line of the report shows of a fact
    "appointment": ("person", "action", "post"),
    "membership": ("group", "person", "role"),
    "office": ("group", "unit"),
    "assignment": ("task", "task_title", "unit", "kind"),
    "commendation": ("recipient", "award"),
}


class DiffError(ValueError):
    """A build folder without a readable facts.jsonl (message names the file and line)."""


@dataclass
class DocumentChanges:
    doc: str
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[tuple[dict, dict]] = field(default_factory=list)

    def counts(self) -> dict[str, Counter]:
        return {"added": Counter(f["type"] for f in self.added),
                "removed": Counter(f["type"] for f in self.removed),
                "changed": Counter(new["type"] for _, new in self.changed)}


def read_facts(out: Path) -> dict[str, dict]:
    path = Path(out) / FACTS_FILE
    if not path.is_file():
        raise DiffError(f"{path}: no facts here (run `graphbuilder build` first)")
    facts = {}
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                fact = json.loads(line)
                facts[fact["iri"]] = fact
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise DiffError(f"{path}:{number}: not a facts line ({error})") from None
    return facts


def content(fact: dict) -> dict:
    return {k: v for k, v in fact.items() if k not in IGNORED}


def compare(old_out: Path, new_out: Path) -> list[DocumentChanges]:
    """Changes per document (document number order); documents without changes left out."""
    old, new = read_facts(old_out), read_facts(new_out)
    by_doc: dict[str, DocumentChanges] = {}

    def of(fact: dict) -> DocumentChanges:
        return by_doc.setdefault(fact["doc"], DocumentChanges(fact["doc"]))

    for iri in sorted(new.keys() - old.keys()):
        of(new[iri]).added.append(new[iri])
    for iri in sorted(old.keys() - new.keys()):
        of(old[iri]).removed.append(old[iri])
    for iri in sorted(old.keys() & new.keys()):
        if content(old[iri]) != content(new[iri]):
            of(new[iri]).changed.append((old[iri], new[iri]))
    return [by_doc[doc] for doc in sorted(by_doc)]


def summary(fact: dict) -> str:
    fields = SUMMARY_FIELDS.get(fact["type"], ())
    return " | ".join(str(fact.get(f, "")) for f in fields if fact.get(f, "") != "")


def counts_text(counts: Counter) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))


def report_text(changes: list[DocumentChanges], old_out: Path, new_out: Path, detail: int = 20) -> str:
    """The human-readable report: totals, then per document the counts and the facts."""
    if not changes:
        return f"no facts changed between {old_out} and {new_out}\n"
    totals = {k: sum((c.counts()[k] for c in changes), Counter()) for k in ("added", "removed", "changed")}
    lines = [f"{old_out} → {new_out}: {len(changes)} documents changed"]
    lines += [f"  {k}: {counts_text(v)}" for k, v in totals.items() if v]
    for change in changes:
        lines.append("")
        counts = change.counts()
        lines.append(f"{change.doc}: " + "; ".join(f"{k} {counts_text(v)}" for k, v in counts.items() if v))
        for mark, facts in (("+", change.added), ("-", change.removed)):
            lines += [f"  {mark} {f['type']}: {summary(f)}" for f in facts[:detail]]
            if len(facts) > detail:
                lines.append(f"  {mark} … {len(facts) - detail} more")
        for before, after in change.changed[:detail]:
            fields = sorted(k for k in content(after).keys() | content(before).keys()
                            if before.get(k) != after.get(k))
            lines.append(f"  ~ {after['type']}: {summary(after)} ("
                         + "; ".join(f"{k}: {before.get(k, '')!r} → {after.get(k, '')!r}" for k in fields) + ")")
    return "\n".join(lines) + "\n"


def report_json(changes: list[DocumentChanges]) -> str:
    return json.dumps([{"doc": c.doc, "added": c.added, "removed": c.removed,
                        "changed": [{"old": o, "new": n} for o, n in c.changed]} for c in changes],
                      ensure_ascii=False, indent=1) + "\n"
