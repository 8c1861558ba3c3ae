"""The facts export, SHACL validation and N-Quads partitions of a spooled graph, batch by batch.

``export/spool.py`` keeps a build's quads as the shared graphs plus batches of whole
document graphs. Each batch is loaded into an in-memory Oxigraph store beside the part
of the shared graphs a document node can reach (``reachable.nq``), and there

- the facts queries (``query/queries/facts_*.rq``) give the batch's facts: a fact's
  node, source and document are in its document's graph, what it names in the shared
  ones;
- the SHACL checks whose target classes have instances in document graphs give the
  findings about those nodes.

The checks of nodes in the shared graphs run once, in a task of their own beside the
batches, on the shared graphs plus the ``rdf:type`` quads of the document nodes they
point at (what a shared node's ``sh:class`` may read: shapes follow predicate paths
forward). Findings are kept only where their focus node lives, so that a node is judged
once, on all the data its shapes read. The result is the one a store of the whole graph
gives, row for row (tested), in memory that grows with a batch and the shared graphs,
not with the corpus, and in as many processes as there are workers.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graphbuilder.export.facts import RUN_CHARS, fact_runs
from graphbuilder.export.rdf_files import write_atomic
from graphbuilder.export.runs import SortedRuns
from graphbuilder.export.spool import SpooledGraph
from graphbuilder.paths import ontology_dir
from graphbuilder.rdf import shacl_sparql
from graphbuilder.rdf.quads import write_graph_partitions
from graphbuilder.rdf.validate import ValidationResult, load_shapes, report_text, union, validate_with_pyshacl

NQUADS = ox.RdfFormat.N_QUADS
TASKS_A_WORKER = 2
TASK_BYTES = (32_000_000, 96_000_000)     # N-Quads bytes of batches a task reads, at least and at most


@dataclass
class Checked:
    """What the pass over the batches found."""
    validation: ValidationResult | None
    seconds: Counter                 # CPU seconds by part (load, facts, shacl, partitions), all processes


@dataclass
class BatchResult:
    runs: list[Path]                                     # the task's facts lines, sorted (runs.SortedRuns)
    findings: list[tuple[int, shacl_sparql.Finding]]     # (check number, finding)
    seconds: Counter


@dataclass(frozen=True)
class BatchJob:
    """What every task shares: the spool, the checks of document nodes and those of shared
    nodes (each by its number), where partitions go."""
    spooled: SpooledGraph
    checks: tuple[tuple[int, object], ...]
    shared_checks: tuple[tuple[int, object], ...]
    partitions: Path | None
    scratch: Path                    # where tasks write their sorted facts lines


SHARED_TASK = None     # the task of the shared graphs' own checks and partitions (the others: batch numbers)


def check_spooled(spooled: SpooledGraph, facts_path: Path, folder: Path, validate: bool = True,
                  workers: int = 1, partitions: Path | None = None) -> Checked:
    """Write ``facts_path`` (and ``partitions``), and validate unless ``validate`` is False.

    The shared graphs' own task goes first, so that a worker reads them while the others
    take the batches; each task sorts its facts lines into run files, which this process
    merges into ``facts_path`` at the end (the lines never pass through it unsorted).
    """
    from graphbuilder.parallel import map_in_order

    seconds: Counter = Counter()
    checks = compiled_checks(spooled) if validate else []
    if checks is None:
        return Checked(whole_graph_validation(spooled, facts_path, partitions), seconds)
    document_checks = tuple((number, check) for number, check in enumerate(checks)
                            if spooled.states_subclasses or spooled.document_classes & set(check.targets))
    lines = SortedRuns(folder, "facts", RUN_CHARS, unique=False)
    findings: list = []
    job = BatchJob(spooled, document_checks, tuple(enumerate(checks)), partitions, Path(folder))
    tasks = tasks_of([batch.size for batch in spooled.batches], workers)
    if checks or partitions is not None:
        tasks.insert(0, SHARED_TASK)
    for result in map_in_order(check_task, tasks, job, workers=workers):
        lines.adopt(result.runs)
        findings += result.findings
        seconds.update(result.seconds)
    write_atomic(facts_path, lines.merged())
    return Checked(validation_of(checks, findings) if validate else None, seconds)


def compiled_checks(spooled: SpooledGraph) -> list | None:
    """The shapes as SPARQL checks, or None when they use SHACL the compiler does not know
    (then pySHACL reads the whole graph). Instances follow rdfs:subClassOf where the shared
    graphs state it; a document graph holds a notice's facts, never class axioms."""
    shapes = load_shapes((ontology_dir() / "shapes.ttl").resolve())
    try:
        return shacl_sparql.compile_shapes(shapes, spooled.states_subclasses)
    except shacl_sparql.Unsupported:
        return None


def load_spooled(store: ox.Store, path: Path) -> None:
    """Parse a spool file into ``store`` without checking its IRIs (``lenient``: 30 % less CPU,
    1.55 against 1.08 s for 715,088 quads). The spool is this build's own N-Quads: every IRI
    in it is made by ``keys.make_iri`` or is an ontology or standard term, and every literal
    was escaped by ``quads.nquads_escape``; tests load the seeds' spool both ways and compare."""
    store.load(path=str(path), format=NQUADS, lenient=True)


def shared_store(spooled: SpooledGraph) -> ox.Store:
    """The shared graphs, and the types of the document nodes they point at, in memory."""
    store = ox.Store()
    for path in (spooled.base, *spooled.types_linked()):
        load_spooled(store, path)
    return store


def shared_findings(shared: ox.Store, spooled: SpooledGraph, checks: tuple[tuple[int, object], ...]) -> list:
    """(check number, finding) for the nodes of the shared graphs: the checks whose targets
    have instances there, on the shared graphs plus the types of the document nodes they point at."""
    classes = {c for _, check in checks for c in check.targets}
    in_shared = {c for c in classes if spooled.states_subclasses or has_instances(shared, c, spooled.base_graphs)}
    return [(number, finding) for number, check in checks if in_shared & set(check.targets)
            for finding in check.findings(shared)
            if lives_in(shared, finding.focus, spooled.base_graphs)]


def has_instances(store: ox.Store, cls: str, graphs: list[str]) -> bool:
    """Whether ``cls`` has instances typed in one of the graphs named."""
    return found_in(store, f"?x a <{cls}>", graphs)


def lives_in(store: ox.Store, node: str, graphs: list[str]) -> bool:
    """Whether ``node`` is a subject in one of the graphs named (every subject lives in one graph)."""
    return found_in(store, f"<{node}> ?p ?o", graphs)


def found_in(store: ox.Store, pattern: str, graphs: list[str]) -> bool:
    values = " ".join(f"<{g}>" for g in graphs)
    return bool(store.query(f"ASK {{ VALUES ?g {{ {values} }} GRAPH ?g {{ {pattern} }} }}"))


def tasks_of(sizes: list[int], workers: int) -> list[list[int]]:
    """Consecutive batches grouped into tasks: about ``TASKS_A_WORKER`` a worker, each between
    ``TASK_BYTES`` bounds. Each task loads the reachable shared nodes again, so fewer and
    larger tasks cost less; more and smaller ones keep the workers evenly busy and a
    worker's store small."""
    target = min(max(sum(sizes) // (workers * TASKS_A_WORKER), TASK_BYTES[0]), TASK_BYTES[1])
    tasks: list[list[int]] = []
    held = target
    for index, size in enumerate(sizes):
        if held >= target:
            tasks.append([])
            held = 0
        tasks[-1].append(index)
        held += size
    return tasks


class Laps(Counter):
    """CPU seconds by part: :meth:`lap` books the time since the last lap to ``part``."""

    def __init__(self):
        super().__init__()
        self.clock = time.process_time()

    def lap(self, part: str) -> None:
        now = time.process_time()
        self[part] += now - self.clock
        self.clock = now


def check_task(indices: list[int] | None, job: BatchJob) -> BatchResult:
    """:func:`check_batches`, or for ``SHARED_TASK`` :func:`check_shared`."""
    return check_shared(job) if indices is SHARED_TASK else check_batches(indices, job)


def check_shared(job: BatchJob) -> BatchResult:
    """The shared graphs' own findings and partitions (their facts are the batches')."""
    laps = Laps()
    spooled = job.spooled
    shared = shared_store(spooled)
    laps.lap("load")
    findings = shared_findings(shared, spooled, job.shared_checks)
    laps.lap("shacl")
    if job.partitions is not None:
        write_graph_partitions(shared, spooled.base_graphs, job.partitions,
                               first=spooled.graphs_before(len(spooled.batches)))
        laps.lap("partitions")
    return BatchResult([], findings, Counter(laps))


def check_batches(indices: list[int], job: BatchJob) -> BatchResult:
    """Consecutive batches beside the shared nodes they can reach: facts lines, findings, partitions.

    A fresh store each time: Oxigraph's in-memory store keeps the strings of removed quads,
    and a worker swapping batches in one store grew by ~100 MB a batch.
    """
    laps = Laps()
    lap = laps.lap
    spooled = job.spooled
    store = ox.Store()
    load_spooled(store, spooled.reachable)
    for index in indices:
        load_spooled(store, spooled.batches[index].path)
    lap("load")
    runs = fact_runs(store, job.scratch, f"facts-{indices[0]:06d}", (indices[0],)).finish()   # ties: batch first
    lap("facts")
    findings = [(number, finding) for number, check in job.checks for finding in check.findings(store)
                if not lives_in(store, finding.focus, spooled.base_graphs)]
    lap("shacl")
    if job.partitions is not None:
        first = spooled.graphs_before(indices[0])
        names = [name for index in indices for name in spooled.batches[index].graphs]
        write_graph_partitions(store, names, job.partitions, first)
        lap("partitions")
    return BatchResult(runs, findings, Counter(laps))


def validation_of(checks: list, findings: list[tuple[int, shacl_sparql.Finding]]) -> ValidationResult:
    """The findings in the order a whole-graph run gives: check by check, each check's own order."""
    by_check: dict[int, list] = {}
    for number, finding in findings:
        by_check.setdefault(number, []).append(finding)
    ordered = [finding for number in sorted(by_check)
               for finding in sorted(by_check[number], key=checks[number].order)]
    return ValidationResult(not ordered, report_text(ordered), len(ordered))


def whole_graph_validation(spooled: SpooledGraph, facts_path: Path, partitions: Path | None) -> ValidationResult:
    """Shapes beyond the compiler: the whole graph in one store, the facts from it, pySHACL."""
    from graphbuilder.export.facts import write_store_facts

    store = ox.Store()
    for path in [spooled.base, *(batch.path for batch in spooled.batches)]:
        load_spooled(store, path)
    write_store_facts(store, facts_path)
    if partitions is not None:
        graphs = [name for batch in spooled.batches for name in batch.graphs] + spooled.base_graphs
        write_graph_partitions(store, graphs, partitions, 0)
    return validate_with_pyshacl(union(store), load_shapes((ontology_dir() / "shapes.ttl").resolve()))
