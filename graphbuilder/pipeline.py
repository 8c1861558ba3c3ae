"""The only module that knows the order of the stages.

gazette files → Issue → Documents → facts (via mentions) → RDF dataset → outputs.
Files are read, split and extracted one at a time and their text released, so
memory grows with the graph, not with the corpus.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from graphbuilder.documents.read import find_inputs, read_issue
from graphbuilder.documents.split import split_issue
from graphbuilder.facts import extract
from graphbuilder.records import Diagnostic, DocumentResult, Severity
from graphbuilder.vocab import Vocab, load_vocab


@dataclass
class IssueSummary:
    path: str
    name: str
    encoding: str
    sha256: str
    documents: int


@dataclass
class Build:
    """Everything a build produced, before anything is written."""
    issues: list[IssueSummary] = field(default_factory=list)
    results: list[DocumentResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    resolution: dict[str, object] = field(default_factory=dict)   # set by build_graph

    @property
    def failed(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def fact_counts(self) -> Counter:
        return Counter(type(f).__name__ for r in self.results for f in r.facts)


def extract_corpus(paths: Iterable[str | Path], vocab: Vocab | None = None,
                   on_file: Callable[[Path], None] | None = None) -> Build:
    """Read, segment and extract every gazette under `paths`; problems become diagnostics."""
    vocab = vocab or load_vocab()
    build = Build()
    files, found = find_inputs(paths)
    build.diagnostics.extend(found)
    clock = Counter()
    for path in files:
        if on_file:
            on_file(path)
        started = time.perf_counter()
        issue, problems = read_issue(path)
        build.diagnostics.extend(problems)
        clock["read"] += time.perf_counter() - started
        if issue is None:
            continue
        started = time.perf_counter()
        documents, problems = split_issue(issue, vocab)
        build.diagnostics.extend(problems)
        clock["split"] += time.perf_counter() - started
        build.issues.append(IssueSummary(issue.path, issue.name, issue.encoding, issue.sha256,
                                         len(documents)))
        started = time.perf_counter()
        for document in documents:
            if not document.number:
                continue        # facts cite a document number; unnumbered reports hold none
            result = extract(document, vocab)
            build.results.append(result)
            build.diagnostics.extend(result.diagnostics)
        clock["extract"] += time.perf_counter() - started
    build.timings = {k: round(v, 4) for k, v in clock.items()}
    return build


def build_graph(build: Build, judgements: Path | None = None):
    """The RDF dataset of a build: one named graph per source document.

    ``judgements`` is the analysts' resolution log (default ``ontology/judgements.tsv``);
    how organisations and persons were resolved is kept in ``build.resolution``.
    """
    from graphbuilder.entities import persons
    from graphbuilder.entities.judgements import Judgements
    from graphbuilder.entities.resolve import Resolver
    from graphbuilder.paths import ontology_dir
    from graphbuilder.rdf.triples import build_dataset

    started = time.perf_counter()
    log, problems = Judgements.load(judgements or ontology_dir() / "judgements.tsv")
    build.diagnostics.extend(problems)
    resolver = Resolver(judgements=log)
    dataset = build_dataset(build.results, resolver)
    build.resolution = {"organizations": resolver.summary(), **persons.summary(resolver.persons),
                        "judgements": {"file": Path(log.path).name, "applied": len(log.items)}}
    build.timings["graph"] = round(time.perf_counter() - started, 4)
    return dataset
