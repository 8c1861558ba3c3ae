"""`graphbuilder build` on a folder mixing text, PDF, HTML, Word and a scanned PDF."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory, rendered, seed_paths):
    folder = tmp_path_factory.mktemp("mixed")
    shutil.copy(seed_paths["001"], folder / "001.txt")
    for name in ("002.pdf", "003.docx", "004.html", "scan.pdf"):
        shutil.copy(rendered[name], folder / name)
    out = tmp_path_factory.mktemp("out")
    done = subprocess.run([sys.executable, "-m", "graphbuilder", "build", str(folder), "--out", str(out), "-q"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    return folder, out, done


def test_mixed_folder_builds_and_names_the_scan(mixed_build):
    folder, out, done = mixed_build
    assert done.returncode == 1, done.stderr           # a file could not be read: the scan
    assert f"{folder / 'scan.pdf'}: GB108 error: no text layer" in done.stderr
    assert "Traceback" not in done.stderr
    report = json.loads((out / "report.json").read_text("utf-8"))
    kinds = {Path(issue["path"]).name: (issue["encoding"], issue["documents"]) for issue in report["issues"]}
    assert kinds == {"001.txt": ("utf-8", 15), "002.pdf": ("pdf", 1), "003.docx": ("docx", 7),
                     "004.html": ("html/gb18030", 10)}
    assert report["validation"]["conforms"] is True


def test_facts_from_the_pdf_carry_their_page(mixed_build):
    _, out, _ = mixed_build
    rows = [json.loads(line) for line in (out / "facts.jsonl").read_text("utf-8").splitlines()]
    from_pdf = [row for row in rows if row["doc"] == "三政办〔2020〕6号"]
    others = [row for row in rows if row["doc"] != "三政办〔2020〕6号"]
    assert len(from_pdf) == 130 and len(others) > 1000
    assert {row["page"] for row in from_pdf} == {1, 2, 3, 4}      # pages 5-6: closing lines, no facts
    assert not any("page" in row for row in others)
    first = min(from_pdf, key=lambda row: row["start"])
    assert first["page"] == 1 and first["quote"].startswith("（主要责任单位：市人力资源社会保障局")


def test_graph_states_the_page(mixed_build):
    _, out, _ = mixed_build
    from graphbuilder.query.store import open_output, select

    store = open_output(out)
    rows = select(store, """
        PREFIX gb: <https://w3id.org/graphbuilder/ontology#>
        SELECT ?page (COUNT(?fact) AS ?facts) WHERE { ?fact gb:page ?page } GROUP BY ?page ORDER BY ?page""")
    assert [row["page"] for row in rows] == [1, 2, 3, 4]
    assert sum(row["facts"] for row in rows) > 130       # tasks carry pages too
