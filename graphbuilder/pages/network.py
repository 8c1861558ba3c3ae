"""The network a page draws, as plain records: nodes, edges and the facts behind them.

Page builders add nodes and edges through :class:`NetworkBuilder`, which merges
repeats (the same member listed by two notices is one node, one edge, two facts) and
keeps insertion order, so the same corpus always gives the same network. Nothing here
knows about vis-network or HTML: :mod:`graphbuilder.pages.render` draws these records.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from graphbuilder.pages.corpus import Evidence
from graphbuilder.pages.style import better_tone

MAX_LABEL = 14          # characters of a node label; the tooltip has the full name


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement shown in a tooltip, with the evidence it rests on."""
    text: str
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str                        # full name; ``label`` is the short form drawn
    kind: str                        # a key of style.NODE_STYLES
    tone: str = ""                   # a key of style.TONE_STYLES: role tier or agency class
    href: str = ""                   # site-relative page of this node's subject, "" when none
    facts: tuple[Fact, ...] = ()
    size: float = 0.0                # 0: the kind's size
    is_subject: bool = False         # the page's own subject

    @property
    def label(self) -> str:
        return self.name if len(self.name) <= MAX_LABEL else self.name[:MAX_LABEL - 1] + "…"


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    relation: str                    # a key of style.EDGE_STYLES
    labels: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Network:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    note: str = ""                   # what was aggregated or left out, shown above the drawing

    def kinds(self) -> list[str]:
        return list(dict.fromkeys(node.kind for node in self.nodes))

    def tones(self) -> list[str]:
        return list(dict.fromkeys(node.tone for node in self.nodes if node.tone))

    def relations(self) -> list[str]:
        return list(dict.fromkeys(edge.relation for edge in self.edges))


@dataclass
class NetworkBuilder:
    """Collects nodes and edges, merging repeats; ``build()`` freezes them."""
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)

    def node(self, id: str, name: str, kind: str, *, tone: str = "", href: str = "",
             fact: Fact | None = None, size: float = 0.0, is_subject: bool = False) -> str:
        facts = (fact,) if fact else ()
        known = self.nodes.get(id)
        if known is None:
            self.nodes[id] = Node(id, name, kind, tone, href, facts, size, is_subject)
        else:
            self.nodes[id] = replace(known, tone=better_tone(known.tone, tone),
                                     facts=merge_facts(known.facts, facts),
                                     size=max(known.size, size), is_subject=known.is_subject or is_subject)
        return id

    def edge(self, source: str, target: str, relation: str, *, label: str = "",
             fact: Fact | None = None, facts: tuple[Fact, ...] = (), weight: float = 1.0) -> None:
        key = (source, target, relation)
        labels, facts = ((label,) if label else ()), ((fact,) if fact else ()) + facts
        known = self.edges.get(key)
        if known is None:
            self.edges[key] = Edge(source, target, relation, labels, facts, weight)
        else:
            self.edges[key] = replace(known, labels=tuple(dict.fromkeys(known.labels + labels)),
                                      facts=merge_facts(known.facts, facts), weight=known.weight + weight)

    def build(self, note: str = "") -> Network:
        missing = {end for edge in self.edges.values() for end in (edge.source, edge.target)} - set(self.nodes)
        if missing:
            raise ValueError(f"edges point to nodes never added: {sorted(missing)[:5]}")
        return Network(tuple(self.nodes.values()), tuple(self.edges.values()), note)


def merge_facts(known: tuple[Fact, ...], new: tuple[Fact, ...]) -> tuple[Fact, ...]:
    return tuple(dict.fromkeys(known + new))


def bounded(network: Network, limit: int, what: str = "nodes") -> Network:
    """At most ``limit`` nodes: the subject, then the best-connected; the rest counted in the note.

    The fallback for a page whose own network outgrows the browser; the tables below
    the drawing still list every fact.
    """
    if len(network.nodes) <= limit:
        return network
    degree: dict[str, int] = {node.id: 0 for node in network.nodes}
    for edge in network.edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    ranked = sorted(network.nodes, key=lambda n: (not n.is_subject, -degree[n.id], n.id))
    keep = {node.id for node in ranked[:limit]}
    nodes = tuple(node for node in network.nodes if node.id in keep)
    edges = tuple(e for e in network.edges if e.source in keep and e.target in keep)
    note = (f"{len(network.nodes) - len(nodes)} of {len(network.nodes)} {what} with the fewest links "
            f"are not drawn (limit {limit}); the tables list every fact.")
    return Network(nodes, edges, "; ".join(filter(None, [network.note, note])))
