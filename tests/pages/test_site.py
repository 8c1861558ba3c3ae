"""The written site: complete, offline, deterministic; and the `graphbuilder pages` command."""
import re
import subprocess
import sys

from graphbuilder.export.rdf_files import write_rdf_files
from graphbuilder.pages.site import search_index, write_site
from graphbuilder.rdf.triples import build_dataset

RE_EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def files_of(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_site_has_a_page_per_subject_and_the_assets(seed_site, seed_context):
    corpus = seed_context.corpus
    for kind in ("person", "group", "agency"):
        assert len(list((seed_site / kind).glob("*.html"))) == len(corpus.of_kind(kind))
    for name in ("index.html", "groups.html", "agencies.html", "search-index.js", "static/pages.css",
                 "static/network.js", "static/search.js", "lib/vis-network.min.js", "lib/vis-network.css"):
        assert (seed_site / name).is_file(), name
    licence = (seed_site / "lib" / "LICENSE-vis-network.txt").read_text(encoding="utf-8")
    assert "vis.js is dual licensed" in licence and "Apache" in licence and "MIT" in licence


def test_no_page_refers_to_the_network(seed_site):
    for path in [*seed_site.rglob("*.html"), *seed_site.glob("static/*")]:
        text = path.read_text(encoding="utf-8")
        assert not RE_EXTERNAL.search(text), path
        if path.suffix == ".html":
            assert "connect-src 'none'" in text and "script-src 'self'" in text


def test_search_index_lists_every_subject(seed_context, seed_site):
    entries = search_index(seed_context)
    assert len(entries) == sum(len(seed_context.corpus.of_kind(k)) for k in ("person", "group", "agency"))
    assert all((seed_site / path).is_file() for _, _, path, _ in entries)
    weather = [e for e in entries if e[0] == "三门峡市气象局"]
    assert weather and "市气象局" in weather[0][3].split(" ")


def test_the_same_graph_gives_the_same_bytes(seed_store, seed_site, tmp_path):
    again = tmp_path / "pages"
    write_site(seed_store, again)
    assert files_of(again) == files_of(seed_site)


def test_rewriting_replaces_the_old_site_whole(seed_store, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "stale.html").write_text("old", encoding="utf-8")
    summary = write_site(seed_store, pages)
    assert not (pages / "stale.html").exists() and summary.index == pages / "index.html"
    assert [p.name for p in tmp_path.iterdir()] == ["pages"]           # no staging folders left


def run_cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "graphbuilder", "pages", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def test_cli_without_a_graph_names_the_file(tmp_path):
    result = run_cli(str(tmp_path / "nowhere"), cwd=tmp_path)
    assert result.returncode == 1
    assert "nowhere/graph.trig: no built graph here" in result.stderr and "Traceback" not in result.stderr


def test_cli_with_a_broken_graph_names_the_file(tmp_path):
    (tmp_path / "graph.trig").write_text("<a> <b> ", encoding="utf-8")
    result = run_cli(str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert "graph.trig: not a readable TriG graph" in result.stderr and "Traceback" not in result.stderr


def test_cli_writes_pages_of_a_build_folder(tmp_path):
    from graphbuilder.records import Document, DocumentResult, Membership, Source

    text = "组长：安伟（市长）\n"
    document = Document("x", "x.txt", "三政办文〔2020〕2号", "三政办文〔2020〕2号", "关于成立领导小组的通知",
                        "三门峡市人民政府办公室", "2020-01-21", "", 0, len(text), text, 1)
    fact = Membership("市创建工作领导小组", "安伟", "组长", "市长", False, (),
                      Source(document.number, 0, len(text) - 1, text[:-1], 1))
    write_rdf_files(build_dataset([DocumentResult(document, [fact])]), tmp_path)
    result = run_cli(str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pages = tmp_path / "pages"
    assert (pages / "index.html").is_file() and result.stderr.startswith("wrote ")
    assert len(list((pages / "group").glob("*.html"))) == len(list((pages / "person").glob("*.html"))) == 1
