"""report.json: documents, facts per type, warnings and the lines not understood."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from graphbuilder.export.rdf_files import write_atomic
from graphbuilder.records import Severity

UNREAD_CODES = ("GB301", "GB321")


def report(build, triples: int, validation=None) -> dict:
    """A JSON-ready summary of a build; deterministic (no clock, no absolute paths)."""
    documents = [{
        "issue": r.document.issue, "number": r.document.number, "title": r.document.title,
        "date": r.document.date, "section": r.document.section, "issuer": r.document.issuer,
        "first_line": r.document.first_line,
        "facts": dict(sorted(Counter(type(f).__name__ for f in r.facts).items())),
    } for r in build.results]
    diagnostics = [{"path": d.path, "line": d.line, "code": d.code, "severity": d.severity.value,
                    "message": d.message, "doc": d.doc, "excerpt": d.excerpt}
                   for d in build.diagnostics]
    return {
        "issues": [vars(i) for i in build.issues],
        "documents": documents,
        "facts": dict(sorted(build.fact_counts().items())),
        "triples": triples,
        "errors": sum(d.severity is Severity.ERROR for d in build.diagnostics),
        "warnings": [d for d in diagnostics if d["code"] not in UNREAD_CODES],
        "not_understood": [d for d in diagnostics if d["code"] in UNREAD_CODES],
        "resolution": getattr(build, "resolution", None) or None,
        "validation": None if validation is None else
        {"conforms": validation.conforms, "violations": validation.violations},
    }


def write_report(data: dict, path: Path) -> Path:
    write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return path
