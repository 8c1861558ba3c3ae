"""The only module that knows the order of the stages.

gazette files → Issue → Documents → facts (via mentions) → RDF dataset → outputs.
Files are read, split and extracted one at a time and their text released, so
memory grows with the graph, not with the corpus.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

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


@dataclass
class FileExtraction:
    """What the per-file stages made of one gazette file (documents without their text)."""
    path: str
    issue: IssueSummary | None
    diagnostics: list[Diagnostic]
    results: list[DocumentResult]
    timings: dict[str, float]


class SourceFile(NamedTuple):
    """A file to extract: where a worker reads it, and the path it is named by in the build."""
    read_from: Path
    named: Path


def extract_file(source: SourceFile | Path, vocab: Vocab | None = None) -> FileExtraction:
    """Read, segment and extract one gazette file; the documents' text is released afterwards.

    Facts keep their quotes and offsets, so nothing later needs the text: dropping it
    is what keeps a build's memory proportional to its graph, not its corpus.
    """
    source = source if isinstance(source, SourceFile) else SourceFile(Path(source), Path(source))
    vocab = vocab or load_vocab()
    clock: Counter = Counter()
    started = time.perf_counter()
    issue, diagnostics = read_issue(source.read_from)
    if source.read_from != source.named:
        issue, diagnostics = renamed(issue, diagnostics, source)
    clock["read"] += time.perf_counter() - started
    if issue is None:
        return FileExtraction(str(source.named), None, diagnostics, [], dict(clock))
    started = time.perf_counter()
    documents, problems = split_issue(issue, vocab)
    diagnostics.extend(problems)
    clock["split"] += time.perf_counter() - started
    started = time.perf_counter()
    results = []
    for document in documents:
        if not document.number:
            continue        # facts cite a document number; unnumbered reports hold none
        result = extract(document, vocab)
        result.document = replace(result.document, text="")
        results.append(result)
        diagnostics.extend(result.diagnostics)
    clock["extract"] += time.perf_counter() - started
    summary = IssueSummary(issue.path, issue.name, issue.encoding, issue.sha256, len(documents))
    return FileExtraction(issue.path, summary, diagnostics, results, dict(clock))


def renamed(issue, diagnostics: list[Diagnostic], source: SourceFile):
    """An issue read from an absolute path, named as the user gave it."""
    named = str(source.named)
    diagnostics = [replace(d, path=named) if d.path == str(source.read_from) else d for d in diagnostics]
    return (replace(issue, path=named) if issue is not None else None), diagnostics


def extract_corpus(paths: Iterable[str | Path], vocab: Vocab | None = None,
                   on_file: Callable[[Path], None] | None = None, workers: int = 1,
                   scheduler: str | None = None) -> Build:
    """Read, segment and extract every gazette under `paths`; problems become diagnostics.

    ``workers`` > 1 spreads files over that many processes, ``scheduler`` (a Dask
    scheduler address) over a cluster; either way the Build is the one a single
    process makes, since results are merged in file order.
    """
    from graphbuilder.parallel import map_in_order

    vocab = vocab or load_vocab()
    build = Build()
    files, found = find_inputs(paths)
    build.diagnostics.extend(found)
    sources = [SourceFile(path.resolve() if scheduler else path, path) for path in files]
    clock: Counter = Counter()
    for done in map_in_order(extract_file, sources, vocab, workers=workers, scheduler=scheduler,
                             warm=warm):
        if on_file:
            on_file(Path(done.path))
        build.diagnostics.extend(done.diagnostics)
        if done.issue is not None:
            build.issues.append(done.issue)
        build.results.extend(done.results)
        clock.update(done.timings)
    build.timings = {k: round(v, 4) for k, v in clock.items()}
    return build


def warm() -> None:
    """Build the spaCy pipeline before forking workers, so that they inherit it ready."""
    from graphbuilder.mentions.nlp import build_nlp

    build_nlp()


def build_graph(build: Build, judgements: Path | None = None):
    """The RDF dataset of a build: one named graph per source document.

    ``judgements`` is the analysts' resolution log (default ``ontology/judgements.tsv``);
    how organisations and persons were resolved is kept in ``build.resolution``.
    """
    from graphbuilder.rdf.triples import build_dataset

    return _resolved(build, judgements, build_dataset)


def build_index(build: Build, judgements: Path | None = None):
    """The same graph as :func:`build_graph`, straight into a QuadIndex (rdf/quads.py).

    What the build command writes from: no rdflib Dataset is made, which costs more time
    and memory than the triples themselves.
    """
    from graphbuilder.rdf.quads import QuadIndex
    from graphbuilder.rdf.triples import dataset_quads

    return _resolved(build, judgements, lambda results, resolver: QuadIndex(dataset_quads(results, resolver)))


def stream_graph(build: Build, folder: Path, judgements: Path | None = None, workers: int = 1):
    """The same graph, made and printed one document graph at a time into ``folder``, its
    quads spooled there (export/graph_stage.py): what the build command does, in memory that
    grows with the entities, not with every quad; ``workers`` processes make the document
    graphs. Returns the writer of graph.ttl and graph.trig."""
    from graphbuilder.export.graph_stage import stream_graph as stream

    return _resolved(build, judgements, lambda results, resolver: stream(results, resolver, folder, workers))


def _resolved(build: Build, judgements: Path | None, make):
    """``make(results, resolver)``, with the judgements loaded and the resolution summarised."""
    from graphbuilder.entities import persons
    from graphbuilder.entities.judgements import Judgements
    from graphbuilder.entities.resolve import Resolver
    from graphbuilder.paths import ontology_dir

    started = time.perf_counter()
    log, problems = Judgements.load(judgements or ontology_dir() / "judgements.tsv")
    build.diagnostics.extend(problems)
    resolver = Resolver(judgements=log)
    graph = make(build.results, resolver)
    build.resolution = {"organizations": resolver.summary(), **persons.summary(resolver.persons),
                        "judgements": {"file": Path(log.path).name, "applied": len(log.items)}}
    build.timings["graph"] = round(time.perf_counter() - started, 4)
    return graph
