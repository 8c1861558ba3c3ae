"""Push a build's named graphs to a SPARQL 1.1 Graph Store Protocol server.

Each named graph of ``graph.trig`` (one per source document, plus the entities graph)
is sent with ``PUT <endpoint>?graph=<iri>``, which the protocol defines as replacing
that graph's content: pushing the same or a newer build again never duplicates a fact,
and a document whose facts changed loses its old ones. Each PUT is one request, so
each graph is replaced atomically by the server; graphs are sent one by one, so a
failure leaves earlier graphs updated and names the graph that failed.

A build made with ``--nquads`` (always on Dask) has ``nquads/part-*.nq``, one file per
named graph: push then reads and sends one partition at a time, so its memory is that
of the largest graph, never the whole dataset. Otherwise it reads ``graph.trig``.

Works with any Graph Store Protocol server (Oxigraph's ``/store``, Fuseki's
``/<dataset>/data``, GraphDB's ``/repositories/<id>/rdf-graphs/service``).
"""
from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from graphbuilder.query.store import GRAPH_FILE, load_trig
from graphbuilder.rdf.quads import PARTITIONS, partition_files

CONTENT_TYPE = "application/n-triples"


class PushError(RuntimeError):
    """A graph the server did not accept (message names the graph and the server's answer)."""


@dataclass(frozen=True)
class Pushed:
    graph: str           # the graph's IRI, or "default"
    triples: int
    status: int


def source_of(out: Path) -> str:
    """What push reads in the build folder ``out``: its N-Quads partitions, or graph.trig."""
    parts = partition_files(Path(out) / PARTITIONS)
    return f"{len(parts)} N-Quads partitions in {PARTITIONS}/" if parts else GRAPH_FILE


def graphs_of(out: Path) -> Iterator[tuple[ox.NamedNode | ox.DefaultGraph, bytes, int]]:
    """(graph name, N-Triples, triple count) for each graph of a build, in IRI order."""
    parts = partition_files(Path(out) / PARTITIONS)
    if parts:
        for part in parts:
            yield partition_graph(part)
        return
    path = Path(out) / GRAPH_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no built graph here (run `graphbuilder build` first)")
    store = ox.Store()
    load_trig(store, path)
    names = sorted(store.named_graphs(), key=lambda g: g.value)
    if any(True for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph())):
        names.insert(0, ox.DefaultGraph())
    for name in names:
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, name)]
        yield name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), len(triples)


def partition_graph(path: Path) -> tuple[ox.NamedNode | ox.DefaultGraph, bytes, int]:
    """The one graph an N-Quads partition holds, as (name, N-Triples, triple count)."""
    try:
        quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    except SyntaxError as error:
        raise PushError(f"{path}: not valid N-Quads ({error}); build again with --nquads") from None
    names = {quad.graph_name for quad in quads}
    if len(names) != 1:
        found = ", ".join(sorted(str(n) for n in names)[:3]) or "no quads"
        raise PushError(f"{path}: a partition holds exactly one graph, this one {found}; "
                        f"build again with --nquads")
    body = ox.serialize((quad.triple for quad in quads), format=ox.RdfFormat.N_TRIPLES)
    return names.pop(), body, len(quads)


def graph_url(endpoint: str, name: ox.NamedNode | ox.DefaultGraph) -> str:
    """``endpoint?graph=<iri>`` (indirect graph identification), or ``endpoint?default``."""
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if isinstance(name, ox.DefaultGraph):
        return f"{endpoint}{separator}default"
    return f"{endpoint}{separator}graph={urllib.parse.quote(name.value, safe='')}"


def put_graph(url: str, body: bytes, auth: str | None, timeout: float) -> int:
    request = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": CONTENT_TYPE})
    if auth:
        request.add_header("Authorization", "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii"))
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status


def push(out: Path, endpoint: str, auth: str | None = None, timeout: float = 300.0,
         on_graph=None) -> list[Pushed]:
    """PUT every graph of the build in ``out`` to the Graph Store endpoint; PushError on refusal."""
    if not endpoint.startswith(("http://", "https://")):
        raise PushError(f"{endpoint}: the endpoint must be an http(s) URL of a Graph Store Protocol service")
    pushed = []
    for name, body, count in graphs_of(Path(out)):
        label = "default" if isinstance(name, ox.DefaultGraph) else name.value
        try:
            status = put_graph(graph_url(endpoint, name), body, auth, timeout)
        except urllib.error.HTTPError as error:
            detail = error.read(500).decode("utf-8", "replace").strip()
            raise PushError(f"{endpoint}: graph {label} refused with HTTP {error.code} {error.reason}"
                            f"{': ' + detail if detail else ''}") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise PushError(f"{endpoint}: cannot reach the server ({reason}) while sending graph {label}") from None
        pushed.append(Pushed(label, count, status))
        if on_graph:
            on_graph(pushed[-1])
    return pushed

