"""The named queries shipped in ``query/queries/*.rq``, read from their comment headers.

Each file opens with a header the analyst reads with ``graphbuilder query --list``::

    # name: group_members
    # purpose: Members of a group, by role, with the document that lists them.
    # param: group — the group's name as printed, or its IRI (required)
    # param: on — a date YYYY-MM-DD (optional, default: any)
    # example: graphbuilder query group_members --param group=三门峡市人民政府应急救援总指挥部

A parameter binds the SPARQL variable of the same name (``?group``) everywhere in the
query (``store.select``); an optional parameter left out stays unbound, which the
query handles (``!BOUND(?on) || …``). ``facts_*.rq`` are the facts export's own
queries, not the analyst's catalogue. A malformed header names its file and line.

A query whose answer without a parameter is a corpus-wide ranking the build has
already counted (``rdf/summaries.py``) names the query that reads it::

    # without: agency — rankings/agencies_shared_tasks.rq

One text cannot serve both: Oxigraph plans a UNION of "read the ranking" and "count
for this agency" as a whole, and the counting branch then costs 200 ms even when the
ranking is asked for (``benchmarks/RESULTS.md``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Mapping

from graphbuilder.paths import queries_dir

EXPORT_PREFIX = "facts_"
RE_HEADER = re.compile(r"^#\s*(name|purpose|param|example|returns|without):\s*(.*?)\s*$")
RE_WITHOUT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s+[—–-]+\s+(\S+\.rq)$")
RE_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s+[—–-]+\s+(.+?)\s*\((required|optional[^)]*)\)\s*(.*)$")
RE_DATE_PARAM = re.compile(r"YYYY-MM-DD")


class CatalogueError(ValueError):
    """A query file whose header cannot be read, or parameters that do not fit a query."""


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    required: bool
    default: str = ""          # what an optional parameter means when left out, as documented

    @property
    def is_date(self) -> bool:
        return bool(RE_DATE_PARAM.search(self.description))


@dataclass(frozen=True)
class NamedQuery:
    name: str
    purpose: str
    params: tuple[Param, ...]
    examples: tuple[str, ...]
    returns: str
    text: str
    path: Path
    without: tuple[tuple[str, str], ...] = ()   # (optional parameter, text to run when it is left out)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def text_for(self, given: Mapping[str, str]) -> str:
        """The SPARQL to run with these parameters: a ``without:`` form when its parameter is absent."""
        return next((text for name, text in self.without if not given.get(name)), self.text)


def parse_param(value: str, where: str) -> Param:
    match = RE_PARAM.match(value)
    if not match:
        raise CatalogueError(f"{where}: param line must read 'NAME — description (required)' "
                             f"or '(optional, default: …)', got {value!r}")
    name, description, kind, rest = match.groups()
    default = kind.partition("default:")[2].strip() if kind.startswith("optional") else ""
    return Param(name, (description + (" " + rest if rest else "")).strip(), kind == "required", default)


def parse_query(path: Path) -> NamedQuery:
    """A query file's header and text; CatalogueError names the file and line of a bad header."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {}
    params: list[Param] = []
    without: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        match = RE_HEADER.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key == "param":
            params.append(parse_param(value, f"{path}:{number}"))
        elif key == "without":
            without.append(parse_without(value, path, f"{path}:{number}"))
        else:
            fields.setdefault(key, []).append(value)
    for key in ("name", "purpose"):
        if not fields.get(key):
            raise CatalogueError(f"{path}:1: the header has no '# {key}:' line")
    name = fields["name"][0]
    if name != path.stem:
        raise CatalogueError(f"{path}:1: '# name: {name}' does not match the file name {path.name}")
    unknown = [param for param, _ in without if not any(p.name == param and not p.required for p in params)]
    if unknown:
        raise CatalogueError(f"{path}:1: '# without: {unknown[0]}' names no optional parameter of the query")
    return NamedQuery(name, fields["purpose"][0], tuple(params), tuple(fields.get("example", ())),
                      " ".join(fields.get("returns", ())), text, path, tuple(without))


def parse_without(value: str, path: Path, where: str) -> tuple[str, str]:
    """``PARAM — FILE.rq`` (FILE relative to the query's folder): the parameter and FILE's text."""
    match = RE_WITHOUT.match(value)
    if not match:
        raise CatalogueError(f"{where}: without line must read 'PARAM — FILE.rq', got {value!r}")
    other = path.parent / match.group(2)
    if not other.is_file():
        raise CatalogueError(f"{where}: {other} does not exist")
    return match.group(1), other.read_text(encoding="utf-8")


def load_catalogue(directory: Path | None = None) -> dict[str, NamedQuery]:
    """Every analyst query by name (the facts export's ``facts_*.rq`` are left out)."""
    folder = directory or queries_dir()
    return {q.name: q for q in (parse_query(path) for path in sorted(folder.glob("*.rq"))
                                if not path.name.startswith(EXPORT_PREFIX))}


def find_query(name: str, catalogue: Mapping[str, NamedQuery] | None = None) -> NamedQuery:
    catalogue = load_catalogue() if catalogue is None else catalogue
    if name not in catalogue:
        raise CatalogueError(f"no query named {name!r}; known: {', '.join(sorted(catalogue))}")
    return catalogue[name]


def parse_assignments(pairs: list[str] | None) -> dict[str, str]:
    """``["k=v", …]`` from the command line as a dict; a pair without ``=`` is an error."""
    params: dict[str, str] = {}
    for pair in pairs or ():
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CatalogueError(f"--param takes NAME=VALUE, got {pair!r}")
        params[name.strip()] = value.strip()
    return params


def check_params(query: NamedQuery, given: Mapping[str, str]) -> dict[str, str]:
    """The bindings for ``query``: every required parameter given, none unknown, dates valid."""
    known = ", ".join(f"{p.name}{'' if p.required else '?'}" for p in query.params) or "none"
    for name in given:
        if query.param(name) is None:
            raise CatalogueError(f"{query.name}: no parameter {name!r} (parameters: {known})")
    missing = [p.name for p in query.params if p.required and not given.get(p.name)]
    if missing:
        raise CatalogueError(f"{query.name}: missing required parameter {', '.join(missing)} "
                             f"(e.g. {query.examples[0] if query.examples else '--param NAME=VALUE'})")
    for name, value in given.items():
        if query.param(name).is_date:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise CatalogueError(f"{query.name}: {name}={value!r} is not a date YYYY-MM-DD") from None
    return {name: value for name, value in given.items() if value != ""}


def describe(query: NamedQuery) -> str:
    """A few lines for ``--list``: name, purpose, parameters, example."""
    lines = [f"{query.name}: {query.purpose}"]
    for param in query.params:
        need = "required" if param.required else f"optional, default: {param.default or 'unbound'}"
        lines.append(f"    --param {param.name}=…  {param.description} ({need})")
    lines.extend(f"    e.g. {example}" for example in query.examples)
    return "\n".join(lines)


def run_named(store, name: str, params: Mapping[str, str] | None = None) -> list[dict[str, object]]:
    """The rows of a named query over ``store`` (a pyoxigraph Store), parameters checked."""
    from graphbuilder.query.store import select

    query = find_query(name)
    given = check_params(query, dict(params or {}))
    return select(store, query.text_for(given), given)
