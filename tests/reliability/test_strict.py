"""`graphbuilder build --strict` fails (exit 3) on a line not understood; report.json lists it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXTRA = "王五同志另有任用。"


def build(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graphbuilder", "build", *map(str, args),
                           "--no-validate", "-q"], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_paths, document):
    """Seed 002 and a personnel notice (三政任〔2018〕1号) with one line nobody can read."""
    folder = tmp_path_factory.mktemp("strict")
    (folder / seed_paths["002"].name).write_bytes(seed_paths["002"].read_bytes())
    notice = document("001", "三政任〔2018〕1号").text.replace("徐鹏举不再担任", f"{EXTRA}\n\n徐鹏举不再担任")
    (folder / "notice.txt").write_text(notice + "\n", encoding="utf-8")
    return folder


def test_strict_fails_on_an_unread_line(corpus, tmp_path):
    result = build(corpus, "--out", tmp_path / "out", "--strict")
    assert result.returncode == 3, result.stderr
    assert f"{corpus / 'notice.txt'}:11: GB341 warning: personnel line not understood" in result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    [notice] = [d for d in report["documents"] if d["issue"] == "notice"]
    assert notice["genre"] == "personnel" and notice["coverage"] == 90.0
    assert notice["lines"] == {"total": 10, "facts": 2, "boilerplate": 7, "not_understood": 1}
    assert notice["unread"] == [{"line": 11, "text": EXTRA}]
    assert [d["line"] for d in report["not_understood"]] == [11]
    assert report["coverage"] == {"documents": 2, "lines": 51, "facts": 30, "boilerplate": 20,
                                  "unread": 1, "coverage": 98.0}


def test_without_strict_the_same_corpus_builds(corpus, tmp_path):
    result = build(corpus, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "GB341" in result.stderr


def test_strict_passes_when_every_line_is_explained(seed_paths, tmp_path):
    result = build(seed_paths["002"], "--out", tmp_path / "out", "--strict")
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    [document] = report["documents"]
    assert (document["genre"], document["coverage"], document["unread"]) == ("task_division", 100.0, [])
    assert document["boilerplate"] == {"attached_title": 1, "attachment_list": 1, "date": 1,
                                       "document_number": 1, "masthead": 1, "preamble": 1,
                                       "salutation": 1, "section_heading": 4, "title": 1,
                                       "transmittal": 1}
