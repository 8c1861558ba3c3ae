"""Page models → HTML: pyvis builds the network data, our autoescaped template writes the page.

pyvis's own template is not used: it fetches vis-network and Bootstrap from CDNs
even with ``cdn_resources="local"`` and turns a tooltip containing "href" into raw
``innerHTML``. Here pyvis holds the node and edge lists (filled in one step:
``add_node`` checks every earlier node and is quadratic) and the vis options, and
``templates/page.html`` writes the page with Jinja2 autoescaping.

Escaping lives in this module only. Text from the gazettes reaches a page in three
ways: template variables (autoescaped), the JSON block a network is read from
(:func:`script_json`: ``<``, ``>``, ``&`` and the JavaScript line separators become
``\\u`` escapes, so ``</script>`` or ``<!--`` in a name cannot end the block), and
tooltips, which ``static/network.js`` builds with ``textContent`` only.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pyvis.network import Network as PyvisNetwork

from graphbuilder.pages.layout import compute_positions, uses_physics
from graphbuilder.pages.model import Page
from graphbuilder.pages.network import Edge, Fact, Network, Node
from graphbuilder.pages.style import EDGE_STYLES, NODE_STYLES, ROLE_TIERS, TONE_STYLES

TEMPLATES = Path(__file__).resolve().parent / "templates"
FONT_STACK = ('"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", '
              '"PingFang SC", "Microsoft YaHei", sans-serif')
STABILISATION_ITERATIONS = 200     # bounded: small networks settle, then physics stops
TOOLTIP_FACTS = 12                 # facts per tooltip; the details panel shows the same list
LABELLED_EDGES = 150               # above this many edges, edge labels are left to the tooltips
SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(value: object) -> Markup:
    """JSON safe to place inside a ``<script>`` element (and valid JavaScript)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return Markup(text.translate(SCRIPT_ESCAPES))


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["script_json"] = script_json
    return env


def render_page(env: Environment, page: Page) -> str:
    data = network_data(page.network, page.root) if page.network else None
    return env.get_template("page.html").render(
        page=page, root=page.root, network_data=data, legend=legend(page.network) if page.network else None,
        href=lambda path: page.root + path if path else "")


# --- network data ------------------------------------------------------------------------

def fact_row(fact: Fact) -> list[str]:
    e = fact.evidence
    return [fact.text, e.doc, e.date, e.quote, e.line] if e else [fact.text, "", "", "", 0]


def tip(title: str, kind: str, facts: tuple[Fact, ...]) -> dict:
    shown = [fact_row(f) for f in facts[:TOOLTIP_FACTS]]
    return {"title": title, "kind": kind, "facts": shown, "more": max(0, len(facts) - TOOLTIP_FACTS)}


def node_dict(node: Node, position: tuple[float, float], root: str) -> dict:
    style = NODE_STYLES[node.kind]
    kind = style.label + (f" · {TONE_STYLES[node.tone][0]}" if node.tone else "")
    data = {"id": node.id, "label": node.label, "group": node.kind, "x": position[0], "y": position[1],
            "tip": tip(node.name, kind, node.facts)}
    if node.href:
        data["href"] = root + node.href
    if node.tone:
        data["color"] = TONE_STYLES[node.tone][1]
    if node.size:
        data["size"] = node.size
    if node.is_subject:
        data.update(subject=True, size=max(node.size, style.size * 1.8), borderWidth=4,
                    font={"size": 18, "strokeWidth": 3})
    return data


def edge_dict(edge: Edge, number: int, labelled: bool) -> dict:
    style = EDGE_STYLES[edge.relation]
    data = {"id": f"e{number}", "from": edge.source, "to": edge.target, "rel": edge.relation,
            "tip": tip("、".join(edge.labels) or style.label, style.label, edge.facts)}
    if labelled and edge.labels:
        data["label"] = "、".join(edge.labels)
    if edge.weight > 1:
        data["width"] = round(style.width + math.log2(edge.weight) * 1.5, 2)
    return data


def vis_options(physics: bool, nodes: int) -> dict:
    large = nodes > 1000
    return {
        "autoResize": True,
        "groups": {kind: {"shape": s.shape, "size": s.size, "color": {"background": s.color, "border": "#333333"}}
                   for kind, s in NODE_STYLES.items()},
        "nodes": {"font": {"face": FONT_STACK, "size": 13}, "borderWidth": 1},
        "edges": {"smooth": False, "font": {"face": FONT_STACK, "size": 10, "align": "middle"},
                  "arrows": {"to": {"enabled": False, "scaleFactor": 0.5}}},
        "physics": {"enabled": physics, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 140, "springConstant": 0.02,
                                  "damping": 0.3, "avoidOverlap": 0.5},
                    "stabilization": {"enabled": physics, "iterations": STABILISATION_ITERATIONS,
                                      "updateInterval": 50, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large},
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }


def network_data(network: Network, root: str) -> dict:
    """Nodes, edges and options for vis-network, built with pyvis."""
    positions = compute_positions(network)
    physics = uses_physics(network)
    labelled = len(network.edges) <= LABELLED_EDGES
    net = PyvisNetwork(directed=True, cdn_resources="local")
    net.nodes = [node_dict(node, positions[node.id], root) for node in network.nodes]
    net.node_ids = [node.id for node in network.nodes]
    net.node_map = dict(zip(net.node_ids, net.nodes))
    net.edges = [edge_dict(edge, number, labelled) for number, edge in enumerate(network.edges)]
    net.options = vis_options(physics, len(network.nodes))
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    styles = {rel: {"color": s.color, "dashes": s.dashes, "width": s.width, "arrows": s.arrows}
              for rel, s in EDGE_STYLES.items()}
    return {"nodes": nodes, "edges": edges, "options": json.loads(options), "edgeStyles": styles}


def legend(network: Network) -> dict:
    """The kinds, tones and relations this network uses, with their styles."""
    return {"kinds": [(NODE_STYLES[k].label, NODE_STYLES[k].shape, NODE_STYLES[k].color) for k in network.kinds()],
            "tones": [(*TONE_STYLES[t], "dot" if t in ROLE_TIERS else "square")
                      for t in sorted(network.tones(), key=list(TONE_STYLES).index)],
            "relations": [(EDGE_STYLES[r].label, EDGE_STYLES[r].color, EDGE_STYLES[r].dashes)
                          for r in network.relations()]}
