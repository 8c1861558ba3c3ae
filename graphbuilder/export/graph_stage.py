"""The graph stage: persons resolved over the build, then the document graphs made in the workers.

Person resolution must see every document (a person's IRI depends on every mention of
the name). After it, a document's graph needs nothing from the others, so forked
workers make and render the document graphs ``GRAPHS_A_PART`` at a time
(:func:`render_part`), each writing its part's quads to the spool itself, while this
process writes what they return into the TriG body and the Turtle runs
(``export/streamed.StreamedGraph``), in graph order: the files are the same bytes
whatever the number of workers. The entities graph (with the tenures over every event)
and the summaries graph follow.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from graphbuilder.export.spool import batch_path
from graphbuilder.export.streamed import (RenderedGraph, StreamedGraph, Subjects, add_keys, add_triples, key_texts,
                                          key_triples, render_graph)

GRAPHS_A_PART = 16          # document graphs a worker makes and renders per task
SENT_LIMIT = 500_000        # entity triples a worker remembers having returned


class RenderedPart(NamedTuple):
    """What a worker made of consecutive document graphs: their text (the quads written to
    the spool batch ``batch`` already, only their rdf:type quads carried), the entity
    triples they named (as keys, those it had not sent before), their tenure events, and
    the organisation resolutions it logged (``Resolver.log``), which the parent's resolver
    adds up."""
    graphs: list[RenderedGraph]
    batch: Path
    size: int                   # bytes in ``batch``
    quads: int
    types: dict[str, bytes]     # their rdf:type quads, by the subject's IRI kind
    classes: frozenset[str]     # the classes its document nodes are typed with
    entities: list[tuple]
    events: list
    log: Counter


def render_part(part: tuple[int, list[str]], by_graph: dict, resolve, sent: set, spool: Path) -> RenderedPart:
    """Document graphs ``names`` (of ``triples.results_by_graph``), part ``index`` of the
    build, made and rendered in a worker process or in this one; their quads go to the
    spool batch of the part. ``resolve``'s own log is left as it was.

    ``sent``: entity triples this process already returned in this build. Every notice
    names the same agencies, posts and groups again; the parent keeps each once anyway,
    so they are not pickled again (up to ``SENT_LIMIT``, then the memory is started afresh).
    """
    from graphbuilder.rdf.triples import document_graph

    index, names = part
    turtle, nquads = key_texts()
    kept_log, resolve.log = resolve.log, Counter()
    try:
        graphs, entities, events = [], [], []
        for name in names:
            graph, found = document_graph(name, by_graph[name], resolve)
            subjects: Subjects = {}
            add_triples(subjects, graph.triples)
            graphs.append(render_graph(name, subjects, turtle, nquads))
            for key in key_triples(graph.entities):
                if key not in sent:
                    sent.add(key)
                    entities.append(key)
            events.extend(found)
        if len(sent) > SENT_LIMIT:
            sent.clear()
        data = b"".join(graph.nquads for graph in graphs)
        path = batch_path(spool, index)
        path.write_bytes(data)
        types: dict[str, list[bytes]] = {}
        for graph in graphs:
            for kind, text in graph.types.items():
                types.setdefault(kind, []).append(text)
        graphs = [graph._replace(nquads=b"", types={}) for graph in graphs]
        classes = frozenset().union(*(graph.classes for graph in graphs))
        return RenderedPart(graphs, path, len(data), data.count(b"\n"),
                            {kind: b"".join(texts) for kind, texts in types.items()}, classes, entities, events,
                            resolve.log)
    finally:
        resolve.log = kept_log


def keys_of(triples) -> list[tuple]:
    """rdflib triples as plain keys, to hand to another process."""
    return list(key_triples(triples))


def counted_keys(results: list, resolve) -> tuple[list[tuple], list[tuple]]:
    """What needs every record but no document graph: the summaries graph's triples
    (``rdf/summaries.py``) and those of how persons were resolved, as keys."""
    from graphbuilder.rdf.summaries import summary_triples
    from graphbuilder.rdf.triples import resolved_person_triples

    return keys_of(summary_triples(results, resolve)), keys_of(resolved_person_triples(resolve))


def tenure_keys(index: int, holders: list[list]) -> list[tuple]:
    """The tenures of the events of holder group ``index``: a tenure joins the events of one
    person and post, so groups of persons make their tenures apart."""
    from graphbuilder.rdf.tenures import events_tenures

    return keys_of(events_tenures(holders[index]))


def tenures_in_processes(events: list, workers: int) -> Iterator[Iterable[tuple]]:
    """:func:`tenure_keys` over ``workers`` × 2 groups of persons (in sorted order, dealt in
    turn), made by forked processes that inherit the events; with one worker, the keys
    of every tenure made here one at a time (a list of them all held ~300 MB at 100 MB)."""
    from graphbuilder.parallel import map_in_order
    from graphbuilder.rdf.tenures import events_tenures

    if workers <= 1:
        return iter([key_triples(events_tenures(events))])
    count = workers * 2
    group = {person: n % count for n, person in enumerate(sorted({event.person for event in events}))}
    holders: list[list] = [[] for _ in range(count)]
    for event in events:
        holders[group[event.person]].append(event)
    return map_in_order(tenure_keys, range(count), holders, workers=workers)


def stream_graph(results: list, resolve, folder: Path, workers: int = 1) -> StreamedGraph:
    """Make, print and load each document graph in turn, then the entities graph and the
    summaries graph (rdf/summaries.py, counted meanwhile by a process of its own); the
    returned writer then writes graph.ttl and graph.trig (:meth:`StreamedGraph.write`).

    Persons are resolved here, over every document; after that a document graph needs
    nothing from the others, so with ``workers`` > 1 forked processes make and render
    them ``GRAPHS_A_PART`` at a time while this one writes and loads what they return,
    in graph order: the files are the same bytes whatever the number of workers.
    """
    from graphbuilder.parallel import Beside, map_in_order
    from graphbuilder.rdf.summaries import SUMMARIES_GRAPH
    from graphbuilder.rdf.triples import ENTITIES_GRAPH, named_lexicon_triples, results_by_graph

    writer = StreamedGraph(folder)
    by_graph = results_by_graph(results, resolve)
    # counted by a process of its own while the workers make the graphs; with one worker,
    # at the end (the keys would be held through every document graph)
    counting = Beside(counted_keys, results, resolve, workers=workers) if workers > 1 else None
    names = sorted(by_graph)
    parts = list(enumerate(names[i:i + GRAPHS_A_PART] for i in range(0, len(names), GRAPHS_A_PART)))
    entities: Subjects = {}
    canon: dict = {}
    events: list = []
    for part in map_in_order(render_part, parts, by_graph, resolve, set(), writer.spool.spooled.folder,
                             workers=workers):
        for graph in part.graphs:
            writer.add_rendered(graph)
        writer.spool.add_batch(part.batch, [graph.name for graph in part.graphs], part.size, part.quads,
                               part.types, part.classes)
        add_keys(entities, part.entities, canon)
        events.extend(part.events)
        resolve.log.update(part.log)
        if counting:
            counting.poll()
    del by_graph
    add_triples(entities, named_lexicon_triples(resolve), canon)
    for keys in tenures_in_processes(events, workers):
        add_keys(entities, keys, canon)
    summary, persons = counting.join() if counting else counted_keys(results, resolve)
    add_keys(entities, persons, canon)
    summaries: Subjects = {}
    add_keys(summaries, summary)
    writer.finish(str(ENTITIES_GRAPH), entities, (str(SUMMARIES_GRAPH), summaries), workers=workers)
    return writer
