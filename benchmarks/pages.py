"""Network pages: generation time and time to a stable drawing in headless Chromium.

    .venv/bin/python benchmarks/pages.py            # 100, 1,000 and 10,000 nodes
    .venv/bin/python benchmarks/pages.py --sizes 100 1000 --no-add-node

For each size a synthetic corpus of groups and members is made (one group per ten
nodes, a member in one or two groups, roles drawn from roles.tsv) and its "all groups
and members" overview is generated as shipped: full below the overview limit, groups
linked by shared members above it. The 10,000-node network is also drawn in full
(positions from networkx, physics off) to show what the limit saves. Generation is
page model + layout + pyvis + template + file; the drawing time is
``performance.now()`` (ms since navigation started) when ``static/network.js`` marks
the network stable; a redraw is the median of five synchronous ``network.redraw()``
calls at the fitted zoom (what panning and zooming cost). Debian's chromium, flags as in tests/pages. Also timed: pyvis's
own ``add_node``/``add_edge`` loop against filling its lists in one step, and the
whole seeds site.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphbuilder.entities.keys import make_iri  # noqa: E402
from graphbuilder.pages.context import Context  # noqa: E402
from graphbuilder.pages.corpus import Corpus, Evidence, MembershipFact, Subject  # noqa: E402
from graphbuilder.pages.overview import OVERVIEW_LIMIT, groups_overview  # noqa: E402
from graphbuilder.pages.render import environment, render_page  # noqa: E402
from graphbuilder.pages.site import write_assets  # noqa: E402
from graphbuilder.vocab import load_vocab  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红"


def synthetic_corpus(nodes: int, seed: int = 1) -> Corpus:
    """Groups and members whose full overview has exactly ``nodes`` nodes."""
    rng = random.Random(seed)
    vocab = load_vocab()
    surnames = sorted(vocab.surnames)
    roles = sorted(vocab.roles)
    weights = [8 if role in ("成员", "委员") else 1 for role in roles]
    groups = max(1, nodes // 10)
    subjects: dict[str, Subject] = {}
    for g in range(groups):
        iri = str(make_iri("group", f"synthetic-{g}"))
        subjects[iri] = Subject(iri, "group", f"三门峡市第{g + 1}专项工作领导小组", (), ("Group", "LeadingGroup"))
    group_iris = sorted(subjects)
    memberships = []
    for p in range(nodes - groups):
        name = rng.choice(surnames) + rng.choice(GIVEN) + rng.choice(GIVEN)
        iri = str(make_iri("person", f"synthetic-{p}"))
        subjects[iri] = Subject(iri, "person", name, (), ("Person",))
        for group in rng.sample(group_iris, min(len(group_iris), rng.choice([1, 1, 1, 2]))):
            role = rng.choices(roles, weights)[0]
            number = f"三政办文〔{2018 + p % 5}〕{p % 97 + 1}号"
            evidence = Evidence(number, f"{2018 + p % 5}-0{p % 9 + 1}-1{p % 9}", f"{role}：{name}（市某局局长）", p + 1)
            memberships.append(MembershipFact(f"{iri}/m/{group[-6:]}", group, iri, name, role, "市某局局长",
                                              False, evidence))
    return Corpus(subjects=subjects, memberships=tuple(memberships))


def generate(corpus: Corpus, folder: Path, limit: int) -> tuple[float, int, int, str]:
    """Write the groups overview; (seconds, nodes, edges, note)."""
    vocab = load_vocab()
    started = time.perf_counter()
    ctx = Context(corpus, vocab.role_tiers, vocab.roles)
    page = groups_overview(ctx, limit=limit)
    html = render_page(environment(), page)
    (folder / "groups.html").write_text(html, encoding="utf-8")
    seconds = time.perf_counter() - started
    return seconds, len(page.network.nodes), len(page.network.edges), page.network.note


REDRAW = """() => {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    window.gbNetwork.redraw();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2];
}"""


def time_to_stable(browser, page_path: Path, timeout_s: float, screenshot: Path | None) -> tuple[float, float]:
    """Seconds from navigation to a stable drawing, and the median milliseconds of one redraw."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(page_path.as_uri(), timeout=timeout_s * 1000)
        page.wait_for_function("window.gbNetworkState && window.gbNetworkState.ready", timeout=timeout_s * 1000,
                               polling=100)
        ready = page.evaluate("window.gbNetworkState.readyAt")
        frame = page.evaluate(REDRAW)
        if screenshot:
            page.screenshot(path=str(screenshot))
    finally:
        context.close()
    if errors:
        raise RuntimeError(f"{page_path}: script errors {errors}")
    return ready / 1000, frame


def pyvis_fill(nodes: int) -> tuple[float, float]:
    """pyvis's add_node/add_edge loop against filling its node and edge lists in one step."""
    from pyvis.network import Network

    edges = [(f"n{i}", f"n{i // 10}") for i in range(1, nodes)]
    started = time.perf_counter()
    net = Network()
    for i in range(nodes):
        net.add_node(f"n{i}", label=str(i))
    for a, b in edges:
        net.add_edge(a, b)
    looped = time.perf_counter() - started
    started = time.perf_counter()
    net = Network()
    net.nodes = [{"id": f"n{i}", "label": str(i), "shape": "dot"} for i in range(nodes)]
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    net.edges = [{"from": a, "to": b} for a, b in edges]
    return looped, time.perf_counter() - started


def seeds_site() -> tuple[float, int]:
    from graphbuilder import pipeline
    from graphbuilder.pages.site import write_site
    from graphbuilder.query.store import load_store

    store = load_store(pipeline.build_graph(pipeline.extract_corpus([ROOT / "seeds"])))
    with tempfile.TemporaryDirectory() as folder:
        summary = write_site(store, Path(folder) / "pages")
    return summary.seconds, summary.pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for one drawing")
    parser.add_argument("--no-add-node", action="store_true", help="skip the pyvis add_node comparison")
    parser.add_argument("--screenshots", type=Path, help="save a screenshot of each drawing in this folder")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    work = Path(tempfile.mkdtemp(prefix="gb-pages-bench-"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            for nodes in args.sizes:
                corpus = synthetic_corpus(nodes)
                runs = [("as shipped", OVERVIEW_LIMIT)]
                if nodes > OVERVIEW_LIMIT:
                    runs.append(("drawn in full", 10 * nodes))
                for label, limit in runs:
                    folder = work / f"{nodes}-{limit}"
                    folder.mkdir()
                    write_assets(folder, Context(corpus, {}, {}))
                    seconds, drawn, edges, note = generate(corpus, folder, limit)
                    physics = "bounded physics" if drawn <= 300 else "positions, physics off"
                    shot = args.screenshots / f"bench-{nodes}-{label.replace(' ', '-')}.png" if args.screenshots else None
                    stable, frame = time_to_stable(browser, folder / "groups.html", args.timeout, shot)
                    rows.append((nodes, label, drawn, edges, physics, seconds, stable, frame))
                    print(f"{nodes} nodes, {label}: drew {drawn} nodes / {edges} edges ({physics}); "
                          f"generated in {seconds:.2f} s, stable after {stable:.2f} s, redraw {frame:.0f} ms",
                          flush=True)
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n| corpus nodes | view | nodes drawn | edges | layout | generation (s) | stable drawing (s) "
          "| one redraw (ms) |")
    print("|---:|---|---:|---:|---|---:|---:|---:|")
    for nodes, label, drawn, edges, physics, seconds, stable, frame in rows:
        print(f"| {nodes:,} | {label} | {drawn:,} | {edges:,} | {physics} | {seconds:.2f} | {stable:.2f} "
              f"| {frame:.0f} |")
    if not args.no_add_node:
        for nodes in (1000, 10000):
            looped, filled = pyvis_fill(nodes)
            print(f"\npyvis, {nodes:,} nodes: add_node/add_edge loop {looped:.2f} s; lists filled in one step "
                  f"{filled:.3f} s")
    seconds, pages = seeds_site()
    print(f"\nseeds site: {pages} pages written in {seconds:.1f} s (graph to files, SPARQL included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
