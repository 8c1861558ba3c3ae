"""Parameters into SPARQL text: a ``VALUES`` block at the head of the query's WHERE group.

Why not pyoxigraph's ``substitutions``: Oxigraph plans a query before it substitutes,
so a pattern like ``?g skos:altLabel ?group`` is planned as "every label" and joined
by hashing (0.3 ms with the name written in the query, 250 ms substituted, on a
1e6-triple graph); it also folds ``BOUND(?on)`` to false and insists that every
substituted variable be projected. A ``VALUES`` block is plain SPARQL 1.1: the planner
sees the constants, FILTERs in the group see the variables, and any engine runs it.

The WHERE group is found by a small scanner that skips strings, IRIs and comments;
for CONSTRUCT the template group comes first and is skipped. A parameter names the
same thing everywhere in a query, so the block also opens the WHERE group of every
subquery (which would otherwise not see it: SPARQL scopes subquery variables).
"""
from __future__ import annotations

import re
from typing import Mapping

RE_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
RE_STRING = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', re.S)
RE_WORD = re.compile(r"[A-Za-z_]+")
RE_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def groups(sparql: str) -> list[tuple[int, int, str]]:
    """Each ``{``: its offset, its depth and the keyword read last before it."""
    found, depth, position, last_word = [], 0, 0, ""
    while position < len(sparql):
        char = sparql[position]
        if char == "#":
            end = sparql.find("\n", position)
            position = len(sparql) if end < 0 else end
            continue
        if char in "\"'" or char == "<":
            match = (RE_IRI if char == "<" else RE_STRING).match(sparql, position)
            position = match.end() if match else position + 1
            last_word = ""
            continue
        if char.isalpha():
            match = RE_WORD.match(sparql, position)
            last_word = match.group(0).upper()
            position = match.end()
            continue
        if char == "{":
            found.append((position, depth, last_word))
            depth += 1
        elif char == "}":
            depth -= 1
        if not char.isspace():
            last_word = ""   # the keyword must come right before the brace
        position += 1
    return found


def where_group(sparql: str) -> int | None:
    """The offset of the ``{`` that opens the query's WHERE clause, or None."""
    top = [(offset, word) for offset, depth, word in groups(sparql) if depth == 0]
    if not top:
        return None
    keywords = [word for _, word in top]
    if "WHERE" in keywords:
        return top[keywords.index("WHERE")][0]
    first_word = next((m.group(0).upper() for m in RE_WORD.finditer(strip_prologue(sparql))), "")
    if first_word == "CONSTRUCT":
        return top[1][0] if len(top) > 1 else None
    return top[0][0]


def subquery_groups(sparql: str) -> list[int]:
    """Offsets of the ``{`` opening each subquery's WHERE clause."""
    return [offset for offset, depth, word in groups(sparql) if depth > 0 and word == "WHERE"]


def strip_prologue(sparql: str) -> str:
    """The query without comments, PREFIX and BASE declarations (to read its form)."""
    text = re.sub(r"#[^\n]*", "", sparql)
    return re.sub(r"(?is)\b(PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>)", "", text)


def values_block(bindings: Mapping[str, str]) -> str:
    """``VALUES (?a ?b) { (term term) }`` from variable names to terms in SPARQL syntax."""
    for name in bindings:
        if not RE_VARIABLE.match(name):
            raise ValueError(f"not a SPARQL variable name: {name!r}")
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(bindings.values())
    return f" VALUES ({names}) {{ ({terms}) }} "


def bind_values(sparql: str, bindings: Mapping[str, str]) -> str:
    """The query with ``bindings`` (name → term text) as a VALUES block opening its WHERE
    group and the WHERE group of each subquery."""
    if not bindings:
        return sparql
    opening = where_group(sparql)
    if opening is None:
        raise ValueError("parameters need a query with a WHERE { … } group")
    block = values_block(bindings)
    for offset in sorted({opening, *subquery_groups(sparql)}, reverse=True):
        sparql = sparql[:offset + 1] + block + sparql[offset + 1:]
    return sparql
