"""Node positions computed in Python, so the browser draws instead of simulating.

vis-network's physics is quadratic in practice: a thousand nodes leave a page blank
for a minute and a half. Every network gets positions here. Networks up to
``PHYSICS_LIMIT`` nodes also get a short, bounded stabilisation in the browser
(starting from these positions, so it settles quickly); larger ones are drawn with
physics off.

Each connected component is laid out on its own and the components are then packed
in rows, largest first (as Graphviz packs components). Inside a component, networkx's
spring layout places only a skeleton, because it is quadratic per iteration (and
needs scipy above 500 nodes): the best-connected nodes ("anchors", ``MAX_ANCHORS``
over the whole network), joined where they share neighbours. Every other node is then
set on a sunflower spiral around the centre of its already-placed neighbours: members
around their group, a person in two groups between the two. Everything is seeded and
ordered by node id: the same network always gets the same drawing.
"""
from __future__ import annotations

import math
from collections import Counter

import networkx as nx
import numpy as np

from graphbuilder.pages.network import Network

PHYSICS_LIMIT = 300        # above this many nodes: positions only, physics off
MAX_ANCHORS = 300          # skeleton size for networkx's spring layout (dense method, < 500)
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
LEAF_SPACING = 26.0        # pixels between neighbouring leaves on a spiral
FIRST_RING = 60.0          # pixels from a node to the first leaf around it
MARGIN = 90.0              # pixels between packed components
SEED = 7

Position = tuple[float, float]


def uses_physics(network: Network) -> bool:
    return len(network.nodes) <= PHYSICS_LIMIT


def to_graph(network: Network) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(sorted(node.id for node in network.nodes))
    graph.add_edges_from((e.source, e.target) for e in network.edges if e.source != e.target)
    return graph


def compute_positions(network: Network) -> dict[str, Position]:
    """Pixel positions for every node of ``network``."""
    graph = to_graph(network)
    total = graph.number_of_nodes()
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    layouts = []
    for component in components:
        budget = max(1, round(MAX_ANCHORS * len(component) / total))
        layouts.append(layout_component(graph.subgraph(component), budget))
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in pack(layouts).items()}


def layout_component(graph: nx.Graph, budget: int) -> dict[str, Position]:
    """Positions of one connected component around (0, 0)."""
    degree = dict(graph.degree())
    ranked = sorted(graph, key=lambda n: (-degree[n], n))
    anchors = [n for n in ranked[:budget] if degree[n] >= 2] or ranked[:1]
    placed = place_skeleton(graph, anchors)
    place_around(graph, placed, list(anchors))
    return placed


def place_skeleton(graph: nx.Graph, anchors: list[str]) -> dict[str, Position]:
    """Spring layout of the anchors, linked directly or through shared neighbours, then spaced."""
    if len(anchors) == 1:
        return {anchors[0]: (0.0, 0.0)}
    chosen = set(anchors)
    weights: Counter = Counter()
    for node in graph:
        near = sorted(n for n in graph[node] if n in chosen)
        if node in chosen:
            weights.update((min(node, n), max(node, n)) for n in near)
            continue
        near = near[:8]
        weights.update((a, b) for i, a in enumerate(near) for b in near[i + 1:])
    skeleton = nx.Graph()
    skeleton.add_nodes_from(anchors)
    skeleton.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    raw = nx.spring_layout(skeleton, seed=SEED, iterations=100 if len(anchors) > 20 else 50, method="force")
    radii = np.array([disc_radius(sum(1 for n in graph[a] if n not in chosen)) for a in anchors])
    points = np.array([raw[a] for a in anchors], dtype=float) * radii.mean() * math.sqrt(len(anchors)) * 1.5
    points = separate(points, radii)
    return {a: (float(x), float(y)) for a, (x, y) in zip(anchors, points)}


def disc_radius(leaves: int) -> float:
    """How far the spiral of ``leaves`` nodes around an anchor reaches."""
    return FIRST_RING + LEAF_SPACING * math.sqrt(max(leaves, 1)) * 1.2


def separate(points: np.ndarray, radii: np.ndarray, rounds: int = 60) -> np.ndarray:
    """Push apart anchors whose discs overlap, keeping the spring layout's arrangement."""
    points = points.copy()
    wanted = radii[:, None] + radii[None, :] + LEAF_SPACING
    np.fill_diagonal(wanted, 0.0)
    for _ in range(rounds):
        delta = points[:, None, :] - points[None, :, :]
        distance = np.sqrt((delta ** 2).sum(axis=2))
        np.fill_diagonal(distance, np.inf)
        overlap = np.clip(wanted - distance, 0.0, None)
        if not overlap.any():
            break
        safe = np.where(distance > 1e-6, distance, 1.0)
        safe[~np.isfinite(safe)] = 1.0
        push = (delta / safe[:, :, None]) * (overlap / 2)[:, :, None]
        points += push.sum(axis=1) * 0.6
    return points


def spiral(centre: Position, index: int) -> Position:
    radius = FIRST_RING + LEAF_SPACING * math.sqrt(index) * 1.2
    angle = index * GOLDEN_ANGLE
    return centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle)


def place_around(graph: nx.Graph, placed: dict[str, Position], frontier: list[str]) -> None:
    """Breadth-first from placed nodes: each new node spirals around its placed neighbours."""
    taken: Counter = Counter()
    while frontier:
        layer = sorted({n for node in frontier for n in graph[node] if n not in placed})
        wanted = {n: tuple(sorted(m for m in graph[n] if m in placed))[:6] for n in layer}
        for node in layer:
            centres = wanted[node]
            centre = (sum(placed[c][0] for c in centres) / len(centres),
                      sum(placed[c][1] for c in centres) / len(centres))
            placed[node] = spiral(centre, taken[centres])
            taken[centres] += 1
        frontier = layer


def pack(layouts: list[dict[str, Position]]) -> dict[str, Position]:
    """Components side by side in rows about as wide as the whole drawing is tall."""
    boxes = []
    for layout in layouts:
        xs, ys = [x for x, _ in layout.values()], [y for _, y in layout.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + MARGIN, max(ys) - min(ys) + MARGIN))
    row_width = max(max((w for *_, w, _ in boxes), default=0.0),
                    math.sqrt(sum(w * h for *_, w, h in boxes)) * 1.3)
    placed: dict[str, Position] = {}
    x = y = row_height = 0.0
    for layout, (left, top, width, height) in zip(layouts, boxes):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (nx_, ny) in layout.items():
            placed[node] = (x + nx_ - left, y + ny - top)
        x += width
        row_height = max(row_height, height)
    return placed
