"""What the analyst notebooks share: a built graph to read, Chinese labels in plots, tables, pages.

Kept in the package rather than copied into each notebook, so that the notebooks
stay short stories and the tests that execute them exercise this code too.
"""
from __future__ import annotations

import base64
import hashlib
import html
import os
import re
import tempfile
import warnings
from pathlib import Path
from typing import Iterable, Mapping

from graphbuilder.paths import ROOT

OUT_VARIABLE = "GRAPHBUILDER_OUT"
CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
             "Source Han Sans CN", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC",
             "AR PL UMing CN", "Droid Sans Fallback")
RE_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
RE_SCRIPT = re.compile(r'<script src="([^"]+)"></script>')


def seeds_output() -> Path:
    """A build folder: ``$GRAPHBUILDER_OUT`` if it names one, else the seeds built into a temporary folder.

    The variable lets the tests (or an analyst with their own corpus) build once and
    run every notebook on that build.
    """
    given = os.environ.get(OUT_VARIABLE)
    if given:
        out = Path(given)
        if not (out / "graph.trig").is_file():
            raise FileNotFoundError(f"{OUT_VARIABLE}={given}: no graph.trig there (run `graphbuilder build`)")
        return out
    from graphbuilder.cli import main as graphbuilder

    out = Path(tempfile.mkdtemp(prefix="graphbuilder-notebook-"))
    status = graphbuilder(["build", str(ROOT / "seeds"), "--out", str(out), "--no-validate", "-q"])
    if status != 0:
        raise RuntimeError(f"building the seeds into {out} failed with exit status {status}")
    return out


def use_cjk_font() -> str | None:
    """Make matplotlib draw Chinese with the first CJK font installed; None if there is none.

    Without one, labels come out as empty boxes but the plots still draw: the missing
    glyph warnings are silenced so that the notebook stays readable.
    """
    import matplotlib
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    found = next((name for name in CJK_FONTS if name in installed), None)
    if found:
        matplotlib.rcParams["font.sans-serif"] = [found, *matplotlib.rcParams["font.sans-serif"]]
        matplotlib.rcParams["font.family"] = "sans-serif"
    else:
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
    matplotlib.rcParams["axes.unicode_minus"] = False
    return found


class Table:
    """Rows of dicts shown as an HTML table in a notebook and as aligned text elsewhere."""

    def __init__(self, rows: Iterable[Mapping[str, object]], columns: list[str] | None = None):
        self.rows = [dict(r) for r in rows]
        self.columns = columns or (list(self.rows[0]) if self.rows else [])

    def __len__(self) -> int:
        return len(self.rows)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(r.get(c, '')))}</td>" for c in self.columns)
                       + "</tr>" for r in self.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def __repr__(self) -> str:
        from graphbuilder.cli.stats import render_table
        return render_table(f"{len(self.rows)} rows", self.columns,
                            [[r.get(c, "") for c in self.columns] for r in self.rows])


def self_contained(page: Path) -> str:
    """The page's HTML with its stylesheets and scripts inlined, so it can be shown in an iframe's srcdoc.

    The pages forbid inline code by their Content-Security-Policy (``'self'`` only);
    inside ``srcdoc`` there is no "self", so the policy is rewritten to allow exactly
    the inlined blocks, by their SHA-256, and nothing else.
    """
    text = page.read_text(encoding="utf-8")
    hashes: dict[str, list[str]] = {"script-src": [], "style-src": []}

    def inline(tag: str, directive: str):
        def replace(match: re.Match) -> str:
            code = (page.parent / match.group(1)).read_text(encoding="utf-8").replace("</" + tag, "<\\/" + tag)
            digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")
            hashes[directive].append(f"'sha256-{digest}'")
            return f"<{tag}>{code}</{tag}>"
        return replace

    text = RE_STYLESHEET.sub(inline("style", "style-src"), text)
    text = RE_SCRIPT.sub(inline("script", "script-src"), text)
    for directive, allowed in hashes.items():
        text = text.replace(f"{directive} 'self'", " ".join([directive, *allowed]) if allowed else f"{directive} 'none'")
    return text


def inline_page(page: Path, height: int = 600):
    """An IPython HTML object showing one generated page inside the notebook."""
    from IPython.display import HTML

    return HTML(f'<div><iframe srcdoc="{html.escape(self_contained(page), quote=True)}" '
                f'style="width:100%;height:{height}px;border:1px solid #ccc"></iframe></div>')


def find_page(pages: Path, kind: str, name: str) -> Path | None:
    """The page of the group, person or agency called ``name`` (by its <title>), if it was written."""
    for page in sorted((pages / kind).glob("*.html")):
        title = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)
        if title and name in html.unescape(title.group(1)):
            return page
    return None
