"""The command line end to end, in subprocesses: `graphbuilder build` and `graphbuilder facts`.

The five seeds are built twice per module, in parallel, into two folders: one build is
checked for content, the pair for byte-identical output.
"""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("graph.ttl", "graph.trig", "facts.jsonl", "report.json")
TYPES = {"appointment", "membership", "office", "assignment", "commendation"}
SMALL_SEED = "002"             # one notice, 130 assignments: a quick "good file"
TIMEOUT = 300


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "graphbuilder", *map(str, args)]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)


@pytest.fixture(scope="module")
def seed_builds(tmp_path_factory, seed_paths):
    """Two builds of the five seeds into two folders, run side by side."""
    folders = [tmp_path_factory.mktemp(f"build{k}") for k in (1, 2)]
    procs = [subprocess.Popen(command("build", *sorted(map(str, seed_paths.values())), "--out", folder),
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for folder in folders]
    results = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=TIMEOUT)
        results.append((proc.returncode, stdout, stderr))
    return list(zip(folders, results))


@pytest.fixture(scope="module")
def seed_build(seed_builds):
    folder, (code, stdout, stderr) = seed_builds[0]
    return folder, code, stderr


@pytest.fixture(scope="module")
def facts_rows(seed_build):
    folder, _, _ = seed_build
    return [json.loads(line) for line in (folder / "facts.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def report(seed_build):
    folder, _, _ = seed_build
    return json.loads((folder / "report.json").read_text(encoding="utf-8"))


# the seeds --------------------------------------------------------------------------------

def test_build_succeeds(seed_build):
    folder, code, stderr = seed_build
    assert code == 0, stderr[-3000:]
    for name in OUTPUTS:
        assert (folder / name).stat().st_size > 0, name
    assert "built 37 documents from 5 files" in stderr


def test_graph_ttl_parses(seed_build, report):
    folder, _, _ = seed_build
    graph = rdflib.Graph()
    graph.parse(folder / "graph.ttl", format="turtle")
    assert len(graph) > 1000
    assert len(graph) <= report["triples"]


def test_facts_lines_are_json_with_type_doc_date(facts_rows):
    assert len(facts_rows) > 1000
    for row in facts_rows:
        assert row["type"] in TYPES, row
        assert row["doc"] and not re.search(r"\s", row["doc"]), row
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"]), row
    assert {row["type"] for row in facts_rows} == TYPES


def test_facts_cover_every_seed(facts_rows):
    docs = {row["doc"] for row in facts_rows}
    assert {"三政〔2019〕9号", "三政任〔2019〕2号", "三政办〔2020〕6号", "三政办文〔2020〕4号", "三政〔2021〕3号"} <= docs


def test_report_lists_37_documents(report):
    assert len(report["documents"]) == 37
    assert len(report["issues"]) == 5
    assert sum(issue["documents"] for issue in report["issues"]) == 40      # 3 unnumbered reports
    numbers = [d["number"] for d in report["documents"]]
    assert len(set(numbers)) == 37 and all(numbers)
    assert report["errors"] == 0


def test_report_facts_agree_with_export(report, facts_rows):
    exported = {kind: sum(row["type"] == kind for row in facts_rows) for kind in TYPES}
    counts = report["facts"]
    assert exported["appointment"] == counts["Appointment"]
    assert exported["commendation"] == counts["Commendation"]
    assert exported["office"] == counts["Office"]


@pytest.mark.parametrize("name", OUTPUTS)
def test_builds_are_byte_identical(name, seed_builds):
    (first, (code1, _, _)), (second, (code2, _, _)) = seed_builds
    assert code1 == code2 == 0
    assert (first / name).read_bytes() == (second / name).read_bytes(), name


# damaged corpora --------------------------------------------------------------------------

def binary_bytes() -> bytes:
    rng = random.Random(7)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(2000))


def undecodable_bytes() -> bytes:
    # 0x80 and 0xFF are invalid lead bytes in UTF-8, GB18030 and Big5 alike.
    return "第一行\n".encode("gb18030") + bytes([0x80, 0xFF, 0xC3, 0x80, 0xFF, 0xFE, 0x80] * 40)


BAD_FILES = {
    "empty.txt": b"",
    "image.txt": binary_bytes(),
    "garbled.txt": undecodable_bytes(),
    "minutes.txt": "会议纪要\n\n三门峡市城市管理工作会议于2020年5月6日召开。\n与会同志讨论了有关问题。\n".encode(),
}


def corpus(tmp_path: Path, seed_paths, bad: tuple[str, ...]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    good = seed_paths[SMALL_SEED]
    (folder / good.name).write_bytes(good.read_bytes())
    for name in bad:
        (folder / name).write_bytes(BAD_FILES[name])
    return folder


def test_damaged_corpus_still_builds_the_good_file(tmp_path, seed_paths):
    folder = corpus(tmp_path, seed_paths, tuple(BAD_FILES))
    out = tmp_path / "out"
    result = run("build", folder, "--out", out)
    assert result.returncode == 1, result.stderr
    for name in BAD_FILES:
        assert str(folder / name) in result.stderr, name
    assert re.search(r"empty\.txt: GB102", result.stderr)
    assert re.search(r"image\.txt: GB103 error", result.stderr)
    assert re.search(r"garbled\.txt: GB106 error", result.stderr)
    assert re.search(r"minutes\.txt: GB202", result.stderr)
    rows = [json.loads(line) for line in (out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 130 and {row["doc"] for row in rows} == {"三政办〔2020〕6号"}
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [d["number"] for d in report["documents"]] == ["三政办〔2020〕6号"]
    assert report["errors"] == 2
    graph = rdflib.Graph()
    graph.parse(out / "graph.ttl", format="turtle")
    assert len(graph) > 0


@pytest.mark.parametrize("bad,code", [
    (("image.txt",), 1),
    (("garbled.txt",), 1),
    (("empty.txt", "minutes.txt"), 0),          # warnings only: the build still succeeds
])
def test_exit_status_by_damage(bad, code, tmp_path, seed_paths):
    folder = corpus(tmp_path, seed_paths, bad)
    result = run("build", folder, "--out", tmp_path / "out", "--no-validate")
    assert result.returncode == code, result.stderr
    for name in bad:
        assert name in result.stderr
    assert (tmp_path / "out" / "facts.jsonl").stat().st_size > 0


def test_missing_path_is_named(tmp_path):
    missing = tmp_path / "no_such_gazette.txt"
    result = run("build", missing, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert str(missing) in result.stderr and "GB101" in result.stderr


def test_missing_path_beside_a_good_one(tmp_path, seed_paths):
    missing = tmp_path / "gone"
    result = run("facts", seed_paths[SMALL_SEED], missing, "--out", tmp_path / "facts.jsonl")
    assert result.returncode == 1
    assert str(missing) in result.stderr
    assert len((tmp_path / "facts.jsonl").read_text(encoding="utf-8").splitlines()) == 130


def test_usage_error_exits_2(tmp_path):
    result = run("build")
    assert result.returncode == 2 and "paths" in result.stderr


# the facts subcommand ---------------------------------------------------------------------

def test_facts_writes_only_the_facts_file(tmp_path, seed_paths, seed_build):
    out = tmp_path / "only" / "facts.jsonl"
    result = run("facts", seed_paths[SMALL_SEED], "--out", out)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["facts.jsonl"]
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 130 and {(row["type"], row["doc"], row["date"]) for row in rows} == {
        ("assignment", "三政办〔2020〕6号", "2020-03-25")}
    folder, _, _ = seed_build
    key = ("task", "unit", "kind", "unit_printed", "list_label", "start", "end")
    full = [tuple(row[k] for k in key) for row in
            map(json.loads, (folder / "facts.jsonl").read_text(encoding="utf-8").splitlines())
            if row["doc"] == "三政办〔2020〕6号"]
    assert sorted(tuple(row[k] for k in key) for row in rows) == sorted(full)
