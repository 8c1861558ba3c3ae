"""Fixtures for the PDF / HTML / DOCX readers: files rendered from the seeds, once per session.

`make_fixtures.py` is a script (and the benchmark uses it); with ``--import-mode=importlib``
test folders are not packages, so it is loaded by path and handed out as a fixture.
"""
from __future__ import annotations

import dataclasses
import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from graphbuilder.documents.read import read_issue
from graphbuilder.documents.split import split_issue
from graphbuilder.facts import extract

HERE = Path(__file__).resolve().parent
FORMAT_SEEDS = ("002", "003", "004")   # one notice; an issue with contents, tables, two columns; honours


def _load_make_fixtures():
    name = "graphbuilder_tests_make_fixtures"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module           # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def make_fixtures():
    """The fixture renderer module (render_pdf, render_html, render_docx, blocks_of …)."""
    return _load_make_fixtures()


@pytest.fixture(scope="session")
def rendered(tmp_path_factory, make_fixtures) -> dict[str, Path]:
    """"002.pdf", "003.html", "004.docx", "scan.pdf" … rendered from the seeds into a temp dir."""
    return make_fixtures.make_all(tmp_path_factory.mktemp("formats"), FORMAT_SEEDS)


@pytest.fixture(scope="session")
def read_rendered(rendered):
    """`read_rendered("003.pdf")` -> (Issue, diagnostics), cached: each PDF is read once."""
    cache: dict[str, tuple] = {}

    def get(name: str):
        if name not in cache:
            cache[name] = read_issue(rendered[name])
        return cache[name]

    return get


def fact_key(fact) -> tuple:
    """A fact without its position: offsets and lines differ between formats, the rest must not.
    The quote is compared without whitespace and table pipes (a markdown table row and
    the same row read from a real table say the same thing)."""
    values = []
    for field in dataclasses.fields(fact):
        value = getattr(fact, field.name)
        if field.name == "source":
            value = (value.doc, "".join(value.quote.replace("|", "").split()))
        values.append((field.name, value))
    return type(fact).__name__, tuple(values)


def extract_facts(issue, vocab) -> Counter:
    """Fact keys of an issue, segmented and extracted as the pipeline does."""
    documents, _ = split_issue(issue, vocab)
    return Counter(fact_key(fact) for document in documents if document.number
                   for fact in extract(document, vocab).facts)


@pytest.fixture(scope="session")
def facts_of(vocab, seed_issue, read_rendered):
    """`facts_of("003.pdf")` / `facts_of("003")` (the seed's .txt) -> Counter of fact keys (cached)."""
    cache: dict[str, Counter] = {}

    def get(name: str) -> Counter:
        if name not in cache:
            if "." in name:
                issue, _ = read_rendered(name)
            else:
                issue = seed_issue(name)
            cache[name] = extract_facts(issue, vocab)
        return cache[name]

    return get
