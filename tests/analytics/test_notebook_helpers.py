"""What the notebooks share: their build folder, the CJK font, tables, and a page shown inline."""
from __future__ import annotations

import base64
import hashlib
import re
import tempfile

import pytest

from graphbuilder.analytics import notebook


def test_without_the_variable_the_seeds_are_built(monkeypatch, tmp_path):
    """The path a fresh checkout takes: no GRAPHBUILDER_OUT, so the notebook builds the seeds itself."""
    monkeypatch.delenv(notebook.OUT_VARIABLE, raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))      # its temporary folder, under pytest's
    out = notebook.seeds_output()
    assert out.parent == tmp_path and out.name.startswith("graphbuilder-notebook-")
    assert (out / "graph.trig").is_file() and (out / "report.json").is_file()
    assert "三政〔2019〕9号" in (out / "facts.jsonl").read_text(encoding="utf-8")


def test_the_variable_names_a_build(monkeypatch, seeds_out, tmp_path):
    monkeypatch.setenv(notebook.OUT_VARIABLE, str(seeds_out))
    assert notebook.seeds_output() == seeds_out
    monkeypatch.setenv(notebook.OUT_VARIABLE, str(tmp_path))
    with pytest.raises(FileNotFoundError, match="GRAPHBUILDER_OUT=.*no graph.trig there"):
        notebook.seeds_output()


def test_cjk_font_is_used_when_installed():
    import matplotlib
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    found = notebook.use_cjk_font()
    if any(name in installed for name in notebook.CJK_FONTS):
        assert found in installed and matplotlib.rcParams["font.sans-serif"][0] == found
    else:
        assert found is None


def test_table_shows_as_html_and_text():
    table = notebook.Table([{"person": "刘向东", "bodies": 12}, {"person": "<b>", "bodies": 5}])
    assert len(table) == 2
    assert "<td>刘向东</td><td>12</td>" in table._repr_html_() and "&lt;b&gt;" in table._repr_html_()
    assert repr(table).splitlines()[3].split() == ["刘向东", "12"]


def test_a_page_is_inlined_under_its_own_policy(tmp_path):
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "app.js").write_text("document.title = '</script>';", encoding="utf-8")
    (tmp_path / "static" / "app.css").write_text("body { color: red; }", encoding="utf-8")
    page = tmp_path / "group.html"
    page.write_text('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
                    'script-src \'self\'; style-src \'self\'"><link rel="stylesheet" href="static/app.css">'
                    '</head><body><script src="static/app.js"></script></body></html>', encoding="utf-8")
    text = notebook.self_contained(page)
    assert "src=" not in text and "href=" not in text
    script = re.search(r"<script>(.*?)</script>", text, re.S).group(1)
    assert script == "document.title = '<\\/script>';"          # cannot close its own block
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    assert f"script-src 'sha256-{digest}'" in text and "'self'" not in text
    assert 'srcdoc="&lt;html&gt;' in notebook.inline_page(page).data


def test_find_page_by_title(tmp_path):
    (tmp_path / "group").mkdir()
    (tmp_path / "group" / "a.html").write_text("<title>市防汛抗旱应急指挥部 · graphbuilder</title>", encoding="utf-8")
    assert notebook.find_page(tmp_path, "group", "防汛抗旱应急指挥部") == tmp_path / "group" / "a.html"
    assert notebook.find_page(tmp_path, "group", "森林防火") is None
    assert notebook.find_page(tmp_path, "person", "刘向东") is None
