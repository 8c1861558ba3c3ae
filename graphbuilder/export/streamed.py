"""A build's graph written one document graph at a time: graph.ttl, graph.trig and the Oxigraph copy.

After entity resolution (which must see every document: persons are joined across
them), each document's named graph is made, printed into the TriG body, its Turtle
subject blocks put aside in sorted runs, its quads handed to the Oxigraph copy, and
then dropped. Only the shared entities graph is held whole, until the end. The files
are byte for byte those ``rdf_files.SortedGraph`` writes from the whole graph:

- TriG prints graphs in IRI order; documents are made in that order and every
  document graph (``…/id/document/…``) sorts before the entities graph (``…/id/graph/…``).
- Turtle merges all graphs and sorts by subject; a subject's graph follows from its
  kind (``triples.ENTITY_KINDS``), so no subject is in two graphs and the sorted runs
  only need merging, not combining.
- Prefix headers depend on which IRI kinds occur, known only at the end: bodies go to
  temporary files and are copied after the header.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from graphbuilder.entities.keys import BASE
from graphbuilder.export.key_text import KeyTexts, nquads_of_key, turtle_of_key
from graphbuilder.export.runs import SortedRuns
from graphbuilder.export.rdf_files import RDF_TYPE, STANDARD_PREFIXES, RE_KIND, prefix_header, write_atomic
from graphbuilder.rdf.quads import key_of

Subjects = dict        # subject key → predicate key → set of object keys
RUN_BYTES = 16_000_000      # characters of Turtle held before a sorted run is written out
COPY_CHUNK = 1 << 20
LINES_AT_ONCE = 10_000      # N-Quads lines handed to the loader together


def add_triples(subjects: Subjects, triples: Iterable[tuple], canon: dict | None = None) -> None:
    """Index rdflib triples by plain keys: subject → predicate → object key, or a set of them.

    A single object is kept bare (a one-element set costs 216 bytes, more than the key),
    and ``canon`` shares one object per distinct key: the entities graph, held whole
    until the end, names the same predicates, classes and entities in many triples.
    """
    for s, p, o in triples:
        subject, predicate, value = key_of(s), key_of(p), key_of(o)
        if canon is not None:
            subject, predicate, value = (canon.setdefault(subject, subject), canon.setdefault(predicate, predicate),
                                         canon.setdefault(value, value))
        predicates = subjects.get(subject)
        if predicates is None:
            predicates = subjects[subject] = {}
        objects = predicates.get(predicate)
        if objects is None:
            predicates[predicate] = value
        elif type(objects) is set:
            objects.add(value)
        elif objects != value:
            predicates[predicate] = {objects, value}


def objects_of(objects) -> Iterable:
    """The object keys of one subject and predicate (:func:`add_triples` keeps one bare)."""
    return objects if type(objects) is set else (objects,)


def block(subject: str, predicates: dict, texts: KeyTexts, indent: str = "") -> str:
    """``rdf_files.block`` over keys: ``rdf:type`` first, then predicates in IRI order, objects sorted."""
    lines = []
    for predicate in sorted(predicates, key=lambda p: (p != RDF_TYPE, p)):
        name = "a" if predicate == RDF_TYPE else texts[predicate]
        objects = sorted([texts[o] for o in objects_of(predicates[predicate])])
        lines.append(f"{indent}    {name} {', '.join(objects)}")
    return f"{indent}{texts[subject]}\n" + " ;\n".join(lines) + " .\n"


def unindent(indented: str) -> str:
    """A TriG block as its Turtle block: the same lines, four spaces less (no literal holds a
    raw line break, ``rdf_files.escape`` writes them as \\n), cheaper than rendering it again."""
    return indented.replace("\n    ", "\n")[4:]


class StoreLoader:
    """N-Quads lines into the Oxigraph copy in batches.

    An on-disk store takes ``bulk_load`` (RocksDB's transactional ``load`` kept ~1 KB a
    quad of write buffers: 709k quads +620 MB, against +13 MB in 100k-quad bulk loads);
    an in-memory one ``load``, which is faster there.
    """

    def __init__(self, store: ox.Store, on_disk: bool, batch: int = 100_000):
        self.store, self.on_disk, self.batch, self.lines = store, on_disk, batch, []

    def add(self, lines: list[str]) -> None:
        self.lines += lines
        if len(self.lines) >= self.batch:
            self.flush()

    def flush(self) -> None:
        if not self.lines:
            return
        data = "".join(self.lines).encode("utf-8")
        self.lines = []
        if self.on_disk:
            self.store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        else:
            self.store.load(data, format=ox.RdfFormat.N_QUADS)


class StreamedGraph:
    """Receives document graphs in graph-IRI order, then the entities graph; writes the files."""

    def __init__(self, folder: Path, store: ox.Store, on_disk: bool):
        self.folder = Path(folder)
        self.turtle = KeyTexts(turtle_of_key)
        self.nquads = KeyTexts(nquads_of_key)
        self.runs = SortedRuns(self.folder, "turtle", RUN_BYTES)    # subject → block
        self.loader = StoreLoader(store, on_disk)
        self.trig_body = (self.folder / "trig-body").open("w", encoding="utf-8")
        self.term_kinds: set[str] = set()        # IRI kinds used as subject, predicate or object
        self.graph_kinds: set[str] = set()       # IRI kinds of graph names
        self.graphs = 0
        self.last_graph = ""

    def add_graph(self, name: str, subjects: Subjects) -> None:
        """One named graph, whole: printed, its Turtle blocks put in the sorted runs, loaded
        into the store; the caller can drop it afterwards. Text goes out a subject at a
        time (the entities graph of 100 MB of gazettes is ~1 million quads)."""
        if name <= self.last_graph:
            raise ValueError(f"graphs must come in IRI order: {name} after {self.last_graph}")
        self.last_graph = name
        self.graph_kinds.add(kind_of_key(name))
        graph = self.nquads[name]
        lines: list[str] = []
        self.trig_body.write(("\n" if self.graphs else "") + self.turtle[name] + " {\n")
        for i, subject in enumerate(sorted(subjects)):
            predicates = subjects[subject]
            indented = block(subject, predicates, self.turtle, "    ")
            self.trig_body.write(("\n" if i else "") + indented)
            self.runs.add(subject, unindent(indented))
            head = self.nquads[subject] + " "
            self.term_kinds.add(kind_of_key(subject))
            for predicate, objects in predicates.items():
                self.term_kinds.add(kind_of_key(predicate))
                start = head + self.nquads[predicate] + " "
                for value in objects_of(objects):
                    if type(value) is str:
                        self.term_kinds.add(kind_of_key(value))
                    lines.append(f"{start}{self.nquads[value]} {graph} .\n")
            if len(lines) >= LINES_AT_ONCE:
                self.loader.add(lines)
                lines = []
        self.trig_body.write("}\n")
        self.loader.add(lines)
        self.graphs += 1

    def finish(self, entities_graph: str, entities: Subjects, *after: tuple[str, Subjects]) -> None:
        """The entities graph, then the small graphs that sort after it (the summaries); the
        store then holds every quad."""
        for name, subjects in ((entities_graph, entities), *after):
            if subjects:
                self.add_graph(name, subjects)
        self.loader.flush()
        self.trig_body.close()

    def write(self, out: Path) -> None:
        """graph.ttl and graph.trig: the prefix header, then the merged runs / the TriG body."""
        self.term_kinds.discard("")
        ttl_header = prefix_header(prefixes_of(self.term_kinds))
        trig_header = prefix_header(prefixes_of(self.term_kinds | self.graph_kinds))
        write_atomic(Path(out) / "graph.ttl", self.turtle_pieces(ttl_header))
        write_atomic(Path(out) / "graph.trig", self.trig_pieces(trig_header))

    def turtle_pieces(self, header: str) -> Iterator[str]:
        yield header
        for i, text in enumerate(self.runs.merged()):
            yield ("\n" if i else "") + text

    def trig_pieces(self, header: str) -> Iterator[str]:
        if not self.graphs:
            yield header.rstrip("\n") + "\n"
            return
        yield header
        with (self.folder / "trig-body").open(encoding="utf-8") as body:
            while chunk := body.read(COPY_CHUNK):
                yield chunk


def kind_of_key(key) -> str:
    """The IRI kind a prefix is made for (``person`` of ``…/id/person/3f2a…``), or ""."""
    if type(key) is not str or not key.startswith(BASE):
        return ""
    kind, _, rest = key[len(BASE):].partition("/")
    return kind if rest and RE_KIND.match(kind) else ""


def prefixes_of(kinds: set[str]) -> dict[str, str]:
    """``rdf_files.prefixes_for`` from the kinds found: the standard prefixes, one per kind."""
    prefixes = dict(STANDARD_PREFIXES)
    for kind in kinds:
        if kind and kind not in prefixes:
            prefixes[kind] = BASE + kind + "/"
    return dict(sorted(prefixes.items()))


def stream_graph(results: list, resolve, folder: Path, store: ox.Store, on_disk: bool) -> StreamedGraph:
    """Make, print and load each document graph in turn, then the entities graph and the
    summaries graph (rdf/summaries.py); the returned writer then writes graph.ttl and
    graph.trig (:meth:`StreamedGraph.write`)."""
    from graphbuilder.rdf.summaries import SUMMARIES_GRAPH, summary_triples
    from graphbuilder.rdf.triples import ENTITIES_GRAPH, closing_triples, document_graphs

    writer = StreamedGraph(folder, store, on_disk)
    entities: Subjects = {}
    canon: dict = {}
    events: list = []
    for part in document_graphs(results, resolve, events):
        subjects: Subjects = {}
        add_triples(subjects, part.triples)
        writer.add_graph(str(part.name), subjects)
        add_triples(entities, part.entities, canon)
    add_triples(entities, closing_triples(resolve, events), canon)
    summaries: Subjects = {}
    add_triples(summaries, summary_triples(results, resolve))
    writer.finish(str(ENTITIES_GRAPH), entities, (str(SUMMARIES_GRAPH), summaries))
    return writer
