"""Nothing invented: every fact quotes its gazette exactly, at the span and line it records.

Checked on the whole seed corpus twice: on the extracted records (Source offsets into the
decoded file text) and on the facts export computed from the graph (`start`, `end`,
`src_line`, `quote` of every facts.jsonl row), against the files as read from disk.
"""
from __future__ import annotations

import pytest

from graphbuilder.documents.read import read_issue
from graphbuilder.export.facts import export_facts
from graphbuilder.export.report import UNREAD_CODES


@pytest.fixture(scope="module")
def texts(seed_paths):
    """Issue.path -> the decoded text of that seed file."""
    out = {}
    for path in seed_paths.values():
        issue, _ = read_issue(path)
        out[issue.path] = issue.text
    return out


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def test_every_record_quotes_its_file(build_seeds, texts):
    build, _ = build_seeds()
    checked = 0
    for result in build.results:
        document, text = result.document, texts[result.document.path]   # (the build drops .text)
        for fact in result.facts:
            source = fact.source
            assert document.start <= source.start < source.end <= document.end, fact
            assert text[source.start:source.end] == source.quote, fact
            assert source.quote.strip() == source.quote and source.quote, fact
            assert source.line == line_of(text, source.start), fact
            assert source.doc == document.number, fact
            checked += 1
    assert checked == sum(build.fact_counts().values()) > 2000


def test_every_exported_row_quotes_its_file(build_seeds, texts):
    build, dataset = build_seeds()
    rows = export_facts(dataset)
    path_of = {r.document.number: r.document.path for r in build.results}
    for row in rows:
        text = texts[path_of[row["doc"]]]
        assert text[row["start"]:row["end"]] == row["quote"], row
        assert row["src_line"] == line_of(text, row["start"]), row
    assert len(rows) > 1900


def test_the_seeds_build_clean_in_strict_mode(build_seeds):
    """`build --strict` would pass: no line of an accounted genre is left unexplained."""
    build, _ = build_seeds()
    assert [str(d) for d in build.diagnostics if d.code in UNREAD_CODES] == []
    assert sum(r.coverage is not None for r in build.results) == 17
