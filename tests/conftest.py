"""Shared fixtures: the vocabulary, the seed gazettes, and helpers that turn text into documents.

Helpers are handed out as fixtures (not importable functions) because the suite runs
with ``--import-mode=importlib``, where test folders are not packages.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuilder.documents.read import read_issue
from graphbuilder.documents.split import split_issue
from graphbuilder.records import Diagnostic, Document, Issue
from graphbuilder.vocab import Vocab, load_vocab

ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = ROOT / "seeds"
SEEDS = {path.name[:3]: path for path in sorted(SEEDS_DIR.glob("*.txt"))}   # "001" -> path


@pytest.fixture(scope="session")
def vocab() -> Vocab:
    return load_vocab()


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    """The five seed gazettes by their three-digit prefix ("000" … "004")."""
    assert set(SEEDS) == {"000", "001", "002", "003", "004"}, f"unexpected seeds: {sorted(SEEDS)}"
    return dict(SEEDS)


@pytest.fixture(scope="session")
def seed_issue(seed_paths):
    """`seed_issue("001")` -> the Issue read from that seed (cached)."""
    cache: dict[str, Issue] = {}

    def get(seed: str) -> Issue:
        if seed not in cache:
            issue, diagnostics = read_issue(seed_paths[seed])
            assert issue is not None, diagnostics
            assert diagnostics == [], diagnostics
            cache[seed] = issue
        return cache[seed]

    return get


@pytest.fixture(scope="session")
def split_seed(seed_issue, vocab):
    """`split_seed("001")` -> (documents, diagnostics) of that seed (cached)."""
    cache: dict[str, tuple[list[Document], list[Diagnostic]]] = {}

    def get(seed: str) -> tuple[list[Document], list[Diagnostic]]:
        if seed not in cache:
            cache[seed] = split_issue(seed_issue(seed), vocab)
        return cache[seed]

    return get


@pytest.fixture(scope="session")
def documents_of(split_seed):
    """`documents_of("001")` -> the documents of that seed, in reading order."""
    return lambda seed: split_seed(seed)[0]


@pytest.fixture(scope="session")
def document(documents_of):
    """`document("001", "三政任〔2019〕1号")` -> that numbered document of the seed."""

    def get(seed: str, number: str) -> Document:
        found = [d for d in documents_of(seed) if d.number == number]
        assert len(found) == 1, f"{number} in {seed}: {[d.number for d in documents_of(seed)]}"
        return found[0]

    return get


@pytest.fixture(scope="session")
def make_issue():
    """`make_issue(text)` -> an Issue for text written in a test (path `<name>.txt`)."""

    def make(text: str, name: str = "variant") -> Issue:
        return Issue(f"{name}.txt", name, text, "utf-8", "")

    return make


@pytest.fixture(scope="session")
def split_text(make_issue, vocab):
    """`split_text(text)` -> (issue, documents, diagnostics) for text written in a test."""

    def split(text: str, name: str = "variant") -> tuple[Issue, list[Document], list[Diagnostic]]:
        issue = make_issue(text, name)
        documents, diagnostics = split_issue(issue, vocab)
        return issue, documents, diagnostics

    return split


@pytest.fixture(scope="session")
def only_document(split_text):
    """`only_document(text)` -> (issue, document) for a text that holds exactly one notice."""

    def get(text: str, name: str = "variant") -> tuple[Issue, Document]:
        issue, documents, diagnostics = split_text(text, name)
        assert [d.code for d in diagnostics] == [], [str(d) for d in diagnostics]
        assert len(documents) == 1, [d.number for d in documents]
        return issue, documents[0]

    return get


@pytest.fixture(scope="session")
def run_extractor(document, only_document, vocab):
    """`run_extractor(extract_x)` -> (on_seed(seed, number), on_text(text)).

    Seed extractions are cached; every extraction from written text has its quotes
    checked against the original text.
    """

    def run(extractor):
        cache = {}

        def on_seed(seed: str, number: str):
            if (seed, number) not in cache:
                cache[seed, number] = extractor(document(seed, number), vocab)
            return cache[seed, number]

        def on_text(text: str):
            issue, doc = only_document(text)
            extraction = extractor(doc, vocab)
            for fact in extraction.facts:
                assert fact.source.quote == issue.text[fact.source.start:fact.source.end]
            return extraction, issue

        return on_seed, on_text

    return run


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory) -> Path:
    """The five seeds built once per test session (graph, facts, report) into a temporary folder."""
    from graphbuilder.cli import main

    out = tmp_path_factory.mktemp("seeds_out")
    assert main(["build", str(SEEDS_DIR), "--out", str(out), "-q", "--no-validate"]) == 0
    return out


@pytest.fixture(scope="session")
def seeds_facts(seeds_out) -> list[dict]:
    """The seeds build's facts.jsonl, one dict per line."""
    return [json.loads(line) for line in (seeds_out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def run_cli():
    """`run_cli(*args, timeout=600)` -> CompletedProcess of `python -m graphbuilder ARGS` in a
    subprocess run from the project folder: for tests of the real command line."""

    def graphbuilder(*args, timeout: float = 600) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "graphbuilder", *map(str, args)], cwd=ROOT,
                              capture_output=True, text=True, timeout=timeout)

    return graphbuilder


@pytest.fixture(scope="session")
def seeds_store(seeds_out):
    """An Oxigraph store of the seeds build."""
    from graphbuilder.query.store import open_output

    return open_output(seeds_out)


@pytest.fixture(scope="session")
def tiny_store():
    """A hand-made graph small enough to solve by hand (tests/analytics/data/tiny.trig; its
    header lists the known answers), for the analytics and the network exports."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(ROOT / "tests" / "analytics" / "data" / "tiny.trig"), format=ox.RdfFormat.TRIG)
    return store
