"""The whole site: every page, the search index and the assets, written in one swap.

The site is rendered into a temporary folder beside ``pages/`` and renamed into place,
so a reader never sees half a site. vis-network's script and style are copied from the
pyvis package (which ships them under ``pyvis/lib/vis-<version>/``) into ``lib/`` with
their licence note: the pages fetch nothing from the network.
"""
from __future__ import annotations

import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pyvis

from graphbuilder.pages.context import Context
from graphbuilder.pages.corpus import load_corpus
from graphbuilder.pages.model import Page
from graphbuilder.pages.overview import agencies_overview, groups_overview, index_page
from graphbuilder.pages.render import environment, render_page, script_json
from graphbuilder.pages.style import NODE_STYLES
from graphbuilder.pages.subjects import agency_page, group_page, person_page
from graphbuilder.vocab import Vocab, load_vocab

STATIC = Path(__file__).resolve().parent / "static"
RE_VIS_FOLDER = re.compile(r"^vis-(\d+)\.(\d+)\.(\d+)$")
VIS_FILES = ("vis-network.min.js", "vis-network.css")


@dataclass(frozen=True, slots=True)
class SiteSummary:
    pages: int
    nodes: int          # nodes drawn over all pages
    seconds: float
    index: Path


def build_pages(ctx: Context) -> list[Page]:
    """Every page of the site, in a stable order."""
    pages = [index_page(ctx), groups_overview(ctx), agencies_overview(ctx)]
    builders = {"group": group_page, "person": person_page, "agency": agency_page}
    for kind, build in builders.items():
        pages += [build(ctx, subject) for subject in ctx.corpus.of_kind(kind)]
    return pages


def search_index(ctx: Context) -> list[list[str]]:
    """[name, kind, path, other names] for every subject with a page."""
    return [[s.name, NODE_STYLES[s.kind].label, ctx.href(s.iri), " ".join(s.alt_names)]
            for kind in ("group", "agency", "person") for s in ctx.corpus.of_kind(kind)]


def vis_assets() -> Path:
    """The newest vis-network folder shipped inside the pyvis package."""
    lib = Path(pyvis.__file__).resolve().parent / "lib"
    found = sorted((tuple(int(p) for p in m.groups()), folder) for folder in lib.glob("vis-*")
                   if (m := RE_VIS_FOLDER.match(folder.name)) and all((folder / f).is_file() for f in VIS_FILES))
    if not found:
        raise FileNotFoundError(f"{lib}: no vis-<version>/ folder with {', '.join(VIS_FILES)} "
                                f"(the pyvis package ships vis-network there; reinstall pyvis)")
    return found[-1][1]


def licence_note(script: Path) -> str:
    """The licence header of vis-network's script, with where the copy came from."""
    text = script.read_text(encoding="utf-8", errors="replace")
    header = text[:text.find("*/") + 2] if text.startswith("/**") else ""
    return (f"vis-network, copied from the pyvis {pyvis.__version__} package ({script.parent.name}).\n"
            f"Its licence, as stated at the head of vis-network.min.js:\n\n{header}\n\n"
            "Apache License 2.0: http://www.apache.org/licenses/LICENSE-2.0\n"
            "MIT License: http://opensource.org/licenses/MIT\n")


def write_assets(folder: Path, ctx: Context) -> None:
    vis = vis_assets()
    (folder / "lib").mkdir(parents=True)
    for name in VIS_FILES:
        shutil.copyfile(vis / name, folder / "lib" / name)
    (folder / "lib" / "LICENSE-vis-network.txt").write_text(licence_note(vis / VIS_FILES[0]), encoding="utf-8")
    shutil.copytree(STATIC, folder / "static")
    (folder / "search-index.js").write_text(
        f"window.GB_SEARCH_INDEX = {script_json(search_index(ctx))};\n", encoding="utf-8")


def write_site(store: ox.Store, pages_dir: str | Path, vocab: Vocab | None = None) -> SiteSummary:
    """Read the graph in ``store`` and write the whole site to ``pages_dir``."""
    started = time.perf_counter()
    vocab = vocab or load_vocab()
    ctx = Context(load_corpus(store), vocab.role_tiers, vocab.roles)
    pages = build_pages(ctx)
    target = Path(pages_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        env = environment()
        for page in pages:
            path = staging / page.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render_page(env, page), encoding="utf-8")
        write_assets(staging, ctx)
        staging.chmod(0o755)
        swap_into_place(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    drawn = sum(len(page.network.nodes) for page in pages if page.network)
    return SiteSummary(len(pages), drawn, time.perf_counter() - started, target / "index.html")


def swap_into_place(staging: Path, target: Path) -> None:
    """Rename the finished site over the old one; the old one is removed afterwards."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        target.rename(old / target.name)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
