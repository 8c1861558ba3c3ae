"""report.json: documents, facts per type, warnings and the lines not understood."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from graphbuilder.export.rdf_files import write_atomic
from graphbuilder.records import Coverage, LineStatus, Severity

UNREAD_CODES = ("GB301", "GB321", "GB341")   # clause, roster line, accounted line not understood


def report(build, triples: int, validation=None) -> dict:
    """A JSON-ready summary of a build; deterministic (no clock, no absolute paths)."""
    documents = [{
        "issue": r.document.issue, "number": r.document.number, "title": r.document.title,
        "date": r.document.date, "section": r.document.section, "issuer": r.document.issuer,
        "first_line": r.document.first_line,
        "facts": dict(sorted(Counter(type(f).__name__ for f in r.facts).items())),
        **coverage_summary(r.coverage),
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
        "coverage": corpus_coverage(build.results),
        "resolution": getattr(build, "resolution", None) or None,
        "validation": None if validation is None else
        {"conforms": validation.conforms, "violations": validation.violations},
    }


def coverage_summary(coverage: Coverage | None) -> dict:
    """Per document: genre, line counts by use, coverage %, boilerplate classes, unread lines."""
    if coverage is None:
        return {"genre": None, "coverage": None}
    return {
        "genre": coverage.genre or None,          # None: only attached parts are accounted
        "accounted": [{"genre": g, "first_line": a, "last_line": b} for g, a, b in coverage.parts],
        "lines": {"total": len(coverage.lines), "facts": coverage.count(LineStatus.FACTS),
                  "boilerplate": coverage.count(LineStatus.BOILERPLATE),
                  "not_understood": coverage.count(LineStatus.UNREAD)},
        "coverage": coverage.percent,
        "boilerplate": dict(sorted(Counter(a.reason for a in coverage.lines
                                           if a.status is LineStatus.BOILERPLATE).items())),
        "unread": [{"line": a.line, "text": a.text} for a in coverage.lines
                   if a.status is LineStatus.UNREAD],
    }


def corpus_coverage(results) -> dict:
    """Line totals over every accounted document of the build."""
    accounted = [r.coverage for r in results if r.coverage is not None]
    lines = {status.value: sum(c.count(status) for c in accounted) for status in LineStatus}
    total = sum(lines.values())
    return {"documents": len(accounted), "lines": total, **lines,
            "coverage": 100.0 if not total else round(100 * (total - lines["unread"]) / total, 1)}


def write_report(data: dict, path: Path) -> Path:
    write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return path
