"""Graph → GEXF (with dynamics, for Gephi's timeline) and GraphML (scalar attributes).

Both files hold the same career network, built from the analytics projections:
persons → groups they sit on (``membership``), persons → posts they held (``tenure``),
posts → the agency they sit in (``post_in``). Node and edge ``kind`` let Gephi or yEd
filter and colour by type; ``label`` is the canonical name.

Time: a membership starts on the date of the notice that lists it (rosters state no
end); a tenure runs from the notice that opened it to the one that closed it, either
bound missing where the gazettes hold no such notice. In GEXF a single interval is the
element's ``start``/``end`` and several (a person who held one post twice) are
``spells``, so that Gephi's timeline plays careers. GraphML has no time model and
networkx's writer rejects lists and None: there, ``start`` and ``end`` are plain
strings, ``spells`` is written as ISO 8601 intervals (``2019-01-31/..``) and tuples
are joined with "; ".

Outputs are written atomically: a failed export leaves the previous file (or none).
"""
from __future__ import annotations

import re
from itertools import chain
from pathlib import Path

import networkx as nx

from graphbuilder.analytics.projections import person_group_graph, person_post_graph
from graphbuilder.analytics.rows import read_memberships, read_tenures
from graphbuilder.export.rdf_files import write_atomic

GEXF_VERSION = "1.2draft"
LIST_SEPARATOR = "; "
OPEN = ".."                 # ISO 8601 for an unknown or open bound
DROPPED = {"bipartite"}     # meaningful inside a projection only
RE_MODIFIED = re.compile(r'lastmodifieddate="[^"]*"')


def career_network(store) -> nx.DiGraph:
    """Persons, groups, posts and agencies of the graph in ``store``, with typed attributes."""
    memberships = person_group_graph(read_memberships(store))
    tenures = person_post_graph(read_tenures(store))
    network = nx.DiGraph(name="graphbuilder careers: memberships and tenures")
    for node, data in sorted(chain(memberships.nodes(data=True), tenures.nodes(data=True)), key=lambda n: n[0]):
        network.add_node(node, **{**network.nodes.get(node, {}), **data})
    edges = [(a, b, data) if memberships.nodes[a]["kind"] == "person" else (b, a, data)
             for a, b, data in memberships.edges(data=True)]
    edges += list(tenures.edges(data=True))
    network.add_edges_from(sorted(edges, key=lambda e: (e[0], e[1])))
    return network


def scalar(value):
    """A value GraphML and GEXF accept: tuples joined; None for nothing to say ("", (), None)."""
    if isinstance(value, tuple):
        value = LIST_SEPARATOR.join(map(str, value))
    return None if value == "" else value


def latest_date(network: nx.DiGraph) -> str:
    """The newest date on any edge: the GEXF's last-modified date, so that bytes depend on data only."""
    dates = [d for _, _, data in network.edges(data=True)
             for d in (data.get("start"), data.get("end"), *chain.from_iterable(data.get("spells", ()))) if d]
    return max(dates, default="1970-01-01")


def gexf_attributes(data: dict) -> dict:
    """Scalar attributes, plus ``start``/``end`` or ``spells`` for the timeline."""
    out = {k: scalar(v) for k, v in data.items() if k not in DROPPED | {"spells", "start", "end"}}
    spells = data.get("spells") or ((data.get("start"), data.get("end")),)
    if len(spells) > 1:
        out["spells"] = list(spells)
    else:
        out.update({k: v for k, v in zip(("start", "end"), spells[0]) if v})
    return {k: v for k, v in out.items() if v is not None}


def graphml_attributes(data: dict) -> dict:
    out = {k: scalar(v) for k, v in data.items() if k not in DROPPED | {"spells"}}
    if data.get("spells"):
        out["spells"] = LIST_SEPARATOR.join(f"{s or OPEN}/{e or OPEN}" for s, e in data["spells"])
    return {k: v for k, v in out.items() if v is not None}


def converted(network: nx.DiGraph, convert) -> nx.DiGraph:
    graph = nx.DiGraph(name=network.graph["name"])
    graph.add_nodes_from((n, convert(d)) for n, d in network.nodes(data=True))
    graph.add_edges_from((a, b, convert(d)) for a, b, d in network.edges(data=True))
    return graph


def write_gexf(store, path: str | Path) -> Path:
    """The career network as GEXF 1.2 with dynamics (``mode="dynamic"``, dates)."""
    network = career_network(store)
    text = "\n".join(nx.generate_gexf(converted(network, gexf_attributes), version=GEXF_VERSION)) + "\n"
    text = RE_MODIFIED.sub(f'lastmodifieddate="{latest_date(network)}"', text, count=1)
    write_atomic(Path(path), text.encode("utf-8"))
    return Path(path)


def write_graphml(store, path: str | Path) -> Path:
    """The career network as GraphML with scalar attributes only."""
    graph = converted(career_network(store), graphml_attributes)
    text = "\n".join(nx.generate_graphml(graph)) + "\n"
    write_atomic(Path(path), text.encode("utf-8"))
    return Path(path)
