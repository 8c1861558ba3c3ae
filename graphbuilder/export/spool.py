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
- ``batch-NNNNN.nq``: whole document graphs in graph-IRI order, ``BATCH_BYTES`` or so each
  (the checks read a few consecutive batches at a time).
- ``types.nq``: the ``rdf:type`` quads of every document graph: what a shape of the
  shared graphs needs to know of a document node it points at (a roster period's
  ``gb:listedIn`` document must be a ``gb:SourceDocument``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

BATCH_BYTES = 16_000_000     # N-Quads bytes of document graphs a batch holds (~70,000 quads)


@dataclass
class SpooledGraph:
    """What the writer spooled: the files, and which graphs each batch holds (in order)."""
    folder: Path
    batches: list[Path] = field(default_factory=list)
    graphs: list[list[str]] = field(default_factory=list)    # graph names of each batch
    sizes: list[int] = field(default_factory=list)           # bytes of each batch
    base_graphs: list[str] = field(default_factory=list)
    quads: int = 0

    @property
    def base(self) -> Path:
        return self.folder / "base.nq"

    @property
    def types(self) -> Path:
        return self.folder / "types.nq"

    @property
    def reachable(self) -> Path:
        return self.folder / "reachable.nq"


class QuadSpool:
    """Receives each graph's N-Quads once, document graphs first (in IRI order), then the
    shared graphs; writes them where :class:`SpooledGraph` says."""

    def __init__(self, folder: Path, batch_bytes: int | None = None):
        self.spooled = SpooledGraph(Path(folder))
        self.batch_bytes = batch_bytes or BATCH_BYTES
        self.size = 0
        self.batch = None
        self.base = self.spooled.base.open("wb")
        self.types = self.spooled.types.open("wb")
        self.reachable = self.spooled.reachable.open("wb")

    def add_document_graph(self, name: str, nquads: bytes, types: bytes) -> None:
        if self.batch is None or self.size >= self.batch_bytes:
            self.start_batch()
        self.batch.write(nquads)
        self.types.write(types)
        self.size += len(nquads)
        self.spooled.sizes[-1] += len(nquads)
        self.spooled.quads += nquads.count(b"\n")
        self.spooled.graphs[-1].append(name)

    def add_shared_graph(self, name: str, nquads: bytes, reachable: bytes) -> None:
        """Part or all of a shared graph's quads (a large one comes in runs of subjects), and
        those of them document nodes can reach."""
        if not self.spooled.base_graphs or self.spooled.base_graphs[-1] != name:
            self.spooled.base_graphs.append(name)
        self.base.write(nquads)
        self.reachable.write(reachable)
        self.spooled.quads += nquads.count(b"\n")

    def start_batch(self) -> None:
        if self.batch is not None:
            self.batch.close()
        path = self.spooled.folder / f"batch-{len(self.spooled.batches):05d}.nq"
        self.batch = path.open("wb")
        self.spooled.batches.append(path)
        self.spooled.graphs.append([])
        self.spooled.sizes.append(0)
        self.size = 0

    def close(self) -> SpooledGraph:
        for handle in (self.batch, self.base, self.types, self.reachable):
            if handle is not None:
                handle.close()
        return self.spooled
