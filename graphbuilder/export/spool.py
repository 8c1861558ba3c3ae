"""A build's quads as N-Quads files: document graphs in batches, the shared graphs apart.

The facts export and SHACL read the graph through SPARQL. An Oxigraph store of the whole
graph holds ~300 bytes a quad in memory (7 million quads for 100 MB of gazettes: over
2 GB) and answers three to four times slower on disk. But every subject lives in one
graph, and a fact's node, its source and its document all live in their document's
graph; what else a fact names (persons, agencies, posts, groups) is in the shared
graphs. So the checks can read the reachable part of the shared graphs plus one batch
of whole document graphs at a time, in memory, in as many processes as there are workers
(``export/checked.py``).

- ``base.nq``: the shared graphs (entities, summaries), whole.
- ``reachable.nq``: the part of them a document node can reach by following triples
  forward (persons, agencies, posts, groups, roles; not tenures or rankings, which point
  at documents but are not pointed at): what a batch is read beside.
- ``batch-NNNNNN.nq``: whole document graphs in graph-IRI order, one file for each task of
  the graph stage's workers, which write them themselves (the checks read a few
  consecutive batches at a time).
- ``types-KIND.nq``: the ``rdf:type`` quads of every document graph, one file per IRI kind
  of their subjects: what a shape of the shared graphs needs to know of a document node it
  points at (a roster period's ``gb:listedIn`` document must be a ``gb:SourceDocument``).
  Shapes follow predicate paths forward, so only the kinds the shared graphs use as
  objects are ever read (documents, appointments, observations; not the assignments
  and tasks that make up most of a build).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

SUBCLASS_OF = b"<http://www.w3.org/2000/01/rdf-schema#subClassOf>"


@dataclass(frozen=True)
class SpooledBatch:
    """One batch file of whole document graphs."""
    path: Path
    graphs: tuple[str, ...]          # the names of its graphs, in IRI order
    size: int                        # bytes


@dataclass
class SpooledGraph:
    """What the writer spooled: the files, and which graphs each batch holds (in order)."""
    folder: Path
    batches: list[SpooledBatch] = field(default_factory=list)
    base_graphs: list[str] = field(default_factory=list)
    document_classes: set[str] = field(default_factory=set)  # what document nodes are typed with
    states_subclasses: bool = False                           # rdfs:subClassOf in the shared graphs
    shared_links: set[str] = field(default_factory=set)      # IRI kinds the shared graphs use as objects
    type_kinds: set[str] = field(default_factory=set)        # subject kinds of the document types spooled
    quads: int = 0

    @property
    def base(self) -> Path:
        return self.folder / "base.nq"

    def graphs_before(self, index: int) -> int:
        """How many document graphs the batches before batch ``index`` hold (the number of the
        first N-Quads partition of that batch)."""
        return sum(len(batch.graphs) for batch in self.batches[:index])

    def types_of(self, kind: str) -> Path:
        return self.folder / f"types-{kind or 'other'}.nq"

    def types_linked(self) -> list[Path]:
        """The type files of the document nodes the shared graphs point at."""
        return [self.types_of(kind) for kind in sorted(self.type_kinds & self.shared_links)]

    @property
    def reachable(self) -> Path:
        return self.folder / "reachable.nq"


def batch_path(folder: Path, index: int) -> Path:
    """Where the worker that renders part ``index`` of the document graphs writes their quads."""
    return Path(folder) / f"batch-{index:06d}.nq"


class QuadSpool:
    """Receives the batches of document graphs (in IRI order) as the workers wrote them, then
    the shared graphs; keeps them where :class:`SpooledGraph` says."""

    def __init__(self, folder: Path):
        self.spooled = SpooledGraph(Path(folder))
        self.base = self.spooled.base.open("wb")
        self.types: dict[str, BinaryIO] = {}
        self.reachable = self.spooled.reachable.open("wb")

    def add_batch(self, path: Path, names: list[str], size: int, quads: int, types: dict[str, bytes],
                  classes: frozenset[str]) -> None:
        """A batch of whole document graphs ``names`` that a worker wrote to ``path`` itself
        (the text never passes through this process), their ``rdf:type`` quads and the
        classes those name."""
        self.spooled.batches.append(SpooledBatch(Path(path), tuple(names), size))
        self.spooled.quads += quads
        for kind, text in types.items():
            if kind not in self.types:
                self.spooled.type_kinds.add(kind)
                self.types[kind] = self.spooled.types_of(kind).open("wb")
            self.types[kind].write(text)
        self.spooled.document_classes |= classes

    def add_shared_graph(self, name: str, nquads: bytes, reachable: bytes, links: frozenset[str]) -> None:
        """Part or all of a shared graph's quads (a large one comes in runs of subjects), those
        of them document nodes can reach, and the IRI kinds they use as objects."""
        if not self.spooled.base_graphs or self.spooled.base_graphs[-1] != name:
            self.spooled.base_graphs.append(name)
        self.base.write(nquads)
        self.spooled.states_subclasses |= SUBCLASS_OF in nquads
        self.reachable.write(reachable)
        self.spooled.shared_links |= links
        self.spooled.quads += nquads.count(b"\n")

    def close(self) -> SpooledGraph:
        for handle in (self.base, *self.types.values(), self.reachable):
            handle.close()
        return self.spooled
