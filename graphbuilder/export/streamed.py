"""A build's graph written one document graph at a time: graph.ttl, graph.trig and the quad spool.

Each document's named graph is made and rendered (``export/graph_stage.py``, in a
worker process when there are several), then printed into the TriG body, its Turtle
subject blocks put aside in sorted runs, its quads spooled (``export/spool.py``, read
by the facts export and SHACL in ``export/checked.py``), and dropped. Only the shared
entities graph is held whole, until the end. The files are byte for byte those
``rdf_files.SortedGraph`` writes from the whole graph:

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
from typing import Iterable, Iterator, NamedTuple

from graphbuilder.entities.keys import BASE, kind_and_local
from graphbuilder.export.key_text import KeyTexts, nquads_of_key, turtle_of_key
from graphbuilder.export.runs import SortedRuns
from graphbuilder.export.spool import QuadSpool, SpooledGraph
from graphbuilder.export.rdf_files import RDF_TYPE, STANDARD_PREFIXES, prefix_header, write_atomic
from graphbuilder.rdf.quads import key_of

Subjects = dict        # subject key → predicate key → set of object keys
RUN_BYTES = 16_000_000      # characters of Turtle held before a sorted run is written out
COPY_CHUNK = 1 << 20
SUBJECT_RUNS_A_WORKER = 8   # runs of subjects a large graph is rendered in, per worker


def key_triples(triples: Iterable[tuple]) -> Iterator[tuple]:
    """rdflib triples as plain keys, one at a time.

    A node's triples come together and name a few predicates over and over: the key of
    the same subject object is reused, and each predicate's is looked up by identity
    (the term is held beside its key, so its id stays its own), not made again.
    """
    subject = subject_key = None
    predicates: dict[int, tuple] = {}
    for s, p, o in triples:
        if s is not subject:
            subject, subject_key = s, key_of(s)
        known = predicates.get(id(p))
        if known is None or known[0] is not p:
            known = predicates[id(p)] = (p, key_of(p))
        yield subject_key, known[1], key_of(o)


def add_triples(subjects: Subjects, triples: Iterable[tuple], canon: dict | None = None) -> None:
    """Index rdflib triples by plain keys: subject → predicate → object key, or a set of them."""
    add_keys(subjects, key_triples(triples), canon)


def add_keys(subjects: Subjects, triples: Iterable[tuple], canon: dict | None = None) -> None:
    """:func:`add_triples` over key triples.

    A single object is kept bare (a one-element set costs 216 bytes, more than the key),
    and ``canon`` shares one object per distinct key: the entities graph, held whole
    until the end, names the same predicates, classes and entities in many triples.
    """
    for subject, predicate, value in triples:
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
    head = indent + "    "
    for predicate in sorted(predicates):
        objects = predicates[predicate]
        text = ", ".join(sorted([texts[o] for o in objects])) if type(objects) is set else texts[objects]
        if predicate == RDF_TYPE:
            lines.insert(0, f"{head}a {text}")
        else:
            lines.append(f"{head}{texts[predicate]} {text}")
    return f"{indent}{texts[subject]}\n" + " ;\n".join(lines) + " .\n"


def unindent(indented: str) -> str:
    """A TriG block as its Turtle block: the same lines, four spaces less (no literal holds a
    raw line break, ``rdf_files.escape`` writes them as \\n), cheaper than rendering it again."""
    return indented.replace("\n    ", "\n")[4:]


class RenderedGraph(NamedTuple):
    """One named graph (or a run of its subjects) as text: what a worker hands the writer."""
    name: str
    trig: str                        # its TriG blocks (indented), in subject order
    turtle: list[tuple[str, str]]    # (subject key, its Turtle block) in subject order
    turtle_chars: int                # characters of those Turtle blocks
    nquads: bytes                    # UTF-8, encoded where it was rendered
    types: dict[str, bytes]          # its rdf:type quads (also in ``nquads``), by the subject's IRI kind
    classes: frozenset[str]          # the classes they name
    reachable: bytes                 # the quads of subjects of the ``reachable`` kinds asked for
    kinds: frozenset[str]            # IRI kinds used as subject, predicate or object
    object_kinds: frozenset[str]     # IRI kinds used as object


def render_graph(name: str, subjects: Subjects, turtle: KeyTexts, nquads: KeyTexts,
                 reachable: frozenset[str] = frozenset()) -> RenderedGraph:
    """A graph's TriG and Turtle blocks and N-Quads lines, made from its keys alone (no
    writer state): the writer then takes the text whole, not block by block."""
    graph = nquads[name]
    indented: list[str] = []                      # TriG blocks
    turtle_blocks: list[tuple[str, str]] = []     # (subject, Turtle block)
    lines: list[str] = []
    types: dict[str, list[str]] = {}
    classes: set = set()
    reached: list[str] = []
    kinds: set[str] = set()
    used: set = set()            # objects, and predicates below: their kinds read once at the end
    used_predicates: set = set()
    for subject in sorted(subjects):
        predicates = subjects[subject]
        indented.append(block(subject, predicates, turtle, "    "))
        turtle_blocks.append((subject, unindent(indented[-1])))
        head = nquads[subject] + " "
        kind, first = kind_of_key(subject), len(lines)
        for predicate, objects in predicates.items():
            start = head + nquads[predicate] + " "
            if type(objects) is set:
                used.update(objects)
                lines += [f"{start}{nquads[value]} {graph} .\n" for value in objects]
            else:
                used.add(objects)
                lines.append(f"{start}{nquads[objects]} {graph} .\n")
            if predicate == RDF_TYPE:
                types.setdefault(kind, []).extend(lines[-len(objects_of(objects)):])
                classes.update(objects_of(objects))
        used_predicates.update(predicates)
        kinds.add(kind)
        if kind in reachable:
            reached += lines[first:]
    object_kinds = {kind_of_key(value) for value in used}
    kinds.update(kind_of_key(predicate) for predicate in used_predicates)
    return RenderedGraph(name, "\n".join(indented), turtle_blocks, sum(len(text) for _, text in turtle_blocks),
                         "".join(lines).encode("utf-8"),
                         {kind: "".join(texts).encode("utf-8") for kind, texts in types.items()},
                         frozenset(classes), "".join(reached).encode("utf-8"), frozenset(kinds | object_kinds),
                         frozenset(object_kinds))


def reachable_kinds(seeds: set[str], graphs: Iterable[Subjects]) -> frozenset[str]:
    """The IRI kinds a node can reach from ``seeds`` kinds by following triples forward
    through ``graphs``: what of the shared graphs a document's facts and shapes can read
    (a post's organisation, a person's …), not what only points at them (tenures, rankings)."""
    links: dict[str, set[str]] = {}
    for subjects in graphs:
        for subject, predicates in subjects.items():
            out = links.setdefault(kind_of_key(subject), set())
            for objects in predicates.values():
                out.update(kind_of_key(value) for value in objects_of(objects) if type(value) is str)
    reached: set[str] = set()
    queue = list(seeds)
    while queue:
        kind = queue.pop()
        if kind and kind not in reached:
            reached.add(kind)
            queue += links.get(kind, ())
    return frozenset(reached)


class StreamedGraph:
    """Receives document graphs in graph-IRI order, then the entities graph; writes the files."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.turtle, self.nquads = key_texts()
        self.runs = SortedRuns(self.folder, "turtle", RUN_BYTES)    # subject → block
        (self.folder / "quads").mkdir(exist_ok=True)
        self.spool = QuadSpool(self.folder / "quads")
        self.spooled: SpooledGraph | None = None     # set by finish()
        self.trig_body = (self.folder / "trig-body").open("w", encoding="utf-8")
        self.term_kinds: set[str] = set()        # IRI kinds used as subject, predicate or object
        self.graph_kinds: set[str] = set()       # IRI kinds of graph names
        self.document_links: set[str] = set()    # IRI kinds document graphs point at
        self.reachable: frozenset[str] = frozenset()   # kinds of shared nodes documents can reach
        self.graphs = 0
        self.last_graph = ""

    def add_graph(self, name: str, subjects: Subjects, workers: int = 1) -> None:
        """A shared graph (entities, summaries), after every document graph, rendered in runs
        of subjects (by ``workers`` processes; one at a time with one): the text of a whole
        entities graph, held at once, was a few hundred MB at 100 MB of gazettes."""
        self.add_pieces(name, render_in_processes(name, subjects, workers, self.reachable), shared=True)

    def add_rendered(self, graph: RenderedGraph) -> None:
        """A document graph rendered here or in a worker (:func:`render_graph`), in graph-IRI order."""
        self.add_pieces(graph.name, [graph], shared=False)

    def add_pieces(self, name: str, pieces: Iterable[RenderedGraph], shared: bool) -> None:
        """One graph from renderings of consecutive runs of its subjects, in subject order:
        printed, its Turtle blocks put in the sorted runs, its quads spooled."""
        if name <= self.last_graph:
            raise ValueError(f"graphs must come in IRI order: {name} after {self.last_graph}")
        self.last_graph = name
        self.graph_kinds.add(kind_of_key(name))
        self.trig_body.write(("\n" if self.graphs else "") + self.turtle[name] + " {\n")
        first = True
        for piece in pieces:
            self.term_kinds |= piece.kinds
            if piece.turtle:
                self.trig_body.write(("" if first else "\n") + piece.trig)
                self.runs.extend(piece.turtle, piece.turtle_chars)
                first = False
            if shared:
                self.spool.add_shared_graph(name, piece.nquads, piece.reachable, piece.object_kinds)
            else:                    # its quads are spooled by the worker (graph_stage.render_part)
                self.document_links |= piece.object_kinds
        self.trig_body.write("}\n")
        self.graphs += 1

    def finish(self, entities_graph: str, entities: Subjects, *after: tuple[str, Subjects],
               workers: int = 1) -> SpooledGraph:
        """The entities graph, then the small graphs that sort after it (the summaries); the
        spool then holds every quad."""
        self.reachable = reachable_kinds(self.document_links, [entities, *(subjects for _, subjects in after)])
        for name, subjects in ((entities_graph, entities), *after):
            if subjects:
                self.add_graph(name, subjects, workers)
        self.trig_body.close()
        self.spooled = self.spool.close()
        return self.spooled

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
    split = kind_and_local(key) if type(key) is str else None
    return split[0] if split else ""


def prefixes_of(kinds: set[str]) -> dict[str, str]:
    """``rdf_files.prefixes_for`` from the kinds found: the standard prefixes, one per kind."""
    prefixes = dict(STANDARD_PREFIXES)
    for kind in kinds:
        if kind and kind not in prefixes:
            prefixes[kind] = BASE + kind + "/"
    return dict(sorted(prefixes.items()))


def render_in_processes(name: str, subjects: Subjects, workers: int,
                        reachable: frozenset[str] = frozenset()) -> Iterator[RenderedGraph]:
    """:func:`render_graph` of ``subjects`` as consecutive runs of subjects, rendered by
    ``workers`` forked processes (which inherit ``subjects``; with one worker, here, a run
    at a time), given back in order."""
    from graphbuilder.parallel import map_in_order

    keys = sorted(subjects)
    step = max(1, -(-len(keys) // (workers * SUBJECT_RUNS_A_WORKER)))
    spans = [(start, min(start + step, len(keys))) for start in range(0, len(keys), step)]
    yield from map_in_order(render_span, spans, name, keys, subjects, reachable, workers=workers)


def render_span(span: tuple[int, int], name: str, keys: list, subjects: Subjects,
                reachable: frozenset[str]) -> RenderedGraph:
    """The rendering of subjects ``keys[start:end]`` of graph ``name``."""
    start, end = span
    return render_graph(name, {key: subjects[key] for key in keys[start:end]}, *key_texts(), reachable)


_KEY_TEXTS: tuple[KeyTexts, KeyTexts] | None = None


def key_texts() -> tuple[KeyTexts, KeyTexts]:
    """This process's Turtle and N-Quads text caches (bounded; shared by every graph it renders)."""
    global _KEY_TEXTS
    if _KEY_TEXTS is None:
        _KEY_TEXTS = KeyTexts(turtle_of_key), KeyTexts(nquads_of_key)
    return _KEY_TEXTS
