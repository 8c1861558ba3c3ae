"""Page models: what one HTML page shows, before any HTML is written.

A :class:`Page` is a title, a few key figures, an optional :class:`Network` and tables
of the facts behind it. Links are site-relative (``person/3f2a….html``); the renderer
makes them relative to the page. Page file names come from the subject's IRI, never
from a counter, so a bookmark survives a rebuild with more gazettes.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from graphbuilder.entities.keys import BASE
from graphbuilder.pages.corpus import Evidence, Subject
from graphbuilder.pages.network import Network

RE_SAFE_STEM = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
KIND_FOLDERS = {"person": "person", "group": "group", "agency": "agency"}


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    href: str = ""                   # site-relative; "" renders as plain text


Cell = str | Link


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True, slots=True)
class Page:
    path: str                        # site-relative output path
    title: str
    kind: str                        # index | overview | person | group | agency
    subtitle: str = ""
    iri: str = ""
    figures: tuple[tuple[str, str], ...] = ()     # (label, value) shown under the title
    links: tuple[Link, ...] = ()                  # related pages shown under the figures
    network: Network | None = None
    tables: tuple[Table, ...] = ()

    @property
    def root(self) -> str:
        """The way back to the site root from this page's folder ("", "../")."""
        return "../" * self.path.count("/")


def page_stem(iri: str) -> str:
    """The file stem of a subject's page: the IRI's own hash where it has one.

    IRIs minted by ``entities.keys.make_iri`` end in a 16-digit hash, which is used as
    is; any other IRI is hashed, so the stem is always safe in a file name and stable.
    """
    last = iri.rsplit("/", 1)[-1]
    if iri.startswith(BASE) and RE_SAFE_STEM.match(last):
        return last
    return hashlib.sha1(iri.encode("utf-8")).hexdigest()[:16]


def page_path(subject: Subject) -> str:
    return f"{KIND_FOLDERS[subject.kind]}/{page_stem(subject.iri)}.html"


def evidence_cells(evidence: Evidence) -> tuple[str, str, str, str]:
    """Document number, date, line in the gazette file and quote: the last columns of every fact table."""
    return evidence.doc, evidence.date or "未注明日期", str(evidence.line or ""), evidence.quote


EVIDENCE_COLUMNS = ("文号 document", "日期 date", "行 line", "原文 quote")
