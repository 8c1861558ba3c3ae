"""A corpus with damaged files builds the rest and names each damaged file.

In process (the CLI's exit statuses are tested in tests/test_cli.py): a good seed next to
a truncated copy of another seed, a binary file, an undecodable file and a UTF-8 file with
a GBK-encoded passage inside (read line by line, the passage by fallback).
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from graphbuilder import pipeline
from graphbuilder.documents.read import read_issue
from graphbuilder.records import Severity

GOOD, TRUNCATED = "002", "001"


def damaged_files(seed_paths) -> dict[str, bytes]:
    rng = random.Random(10)
    full = seed_paths[TRUNCATED].read_bytes()
    text = seed_paths[GOOD].read_text(encoding="utf-8").split("\n")
    return {
        # cut two thirds in, inside a 3-byte character: an interrupted download
        "truncated.txt": full[:next(k for k in range(2 * len(full) // 3, len(full)) if full[k] >= 0xC0) + 1],
        "scan.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4000)),
        "garbled.txt": bytes(rng.choice([0x80, 0xFF, 0xFE, 0xC0]) for _ in range(3000)),
        "mixed.txt": ("\n".join(text[:30]) + "\n").encode("utf-8") + ("\n".join(text[30:33]) + "\n").encode("gbk")
        + "\n".join(text[33:]).encode("utf-8"),
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_paths, vocab):
    folder = tmp_path_factory.mktemp("damaged")
    (folder / seed_paths[GOOD].name).write_bytes(seed_paths[GOOD].read_bytes())
    for name, data in damaged_files(seed_paths).items():
        (folder / name).write_bytes(data)
    build = pipeline.extract_corpus([folder], vocab)
    return folder, build


def by_file(build) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for diagnostic in build.diagnostics:
        out.setdefault(Path(diagnostic.path).name, []).append(diagnostic.code)
    return out


def test_each_damaged_file_is_named_with_its_damage(corpus):
    _, build = corpus
    codes = by_file(build)
    assert codes["scan.txt"] == ["GB103"]                 # binary
    assert codes["garbled.txt"] == ["GB106"]
    assert codes["truncated.txt"][0] == "GB107"
    assert codes["mixed.txt"] == ["GB111"]                # GBK lines read by fallback
    assert build.failed and all(d.severity is Severity.ERROR for d in build.diagnostics
                                if d.code in ("GB103", "GB106"))


def test_the_truncated_line_is_named(corpus):
    folder, build = corpus
    [diagnostic] = [d for d in build.diagnostics if d.code == "GB107" and d.path.endswith("truncated.txt")]
    issue, _ = read_issue(folder / "truncated.txt")
    assert diagnostic.line == issue.text.count("\n") + 1 == issue.text[:issue.text.index("\ufffd")].count("\n") + 1


def test_the_pasted_gbk_lines_are_read_and_named(corpus, seed_paths):
    folder, build = corpus
    [diagnostic] = [d for d in build.diagnostics if d.path.endswith("mixed.txt")]
    issue, _ = read_issue(folder / "mixed.txt")
    assert issue.text == seed_paths[GOOD].read_text(encoding="utf-8") and issue.encoding == "utf-8+gb18030"
    assert diagnostic.line == 31 and "lines 31, 33 not UTF-8" in diagnostic.message   # 32 is empty
    assert {r.document.issue for r in build.results} >= {"mixed", seed_paths[GOOD].stem}


def test_the_good_file_is_built_as_if_alone(corpus, seed_paths, vocab):
    _, build = corpus
    alone = pipeline.extract_corpus([seed_paths[GOOD]], vocab)
    good = [r for r in build.results if r.document.issue == seed_paths[GOOD].stem]
    assert [(type(f).__name__, f.source.quote, f.source.start) for r in good for f in r.facts] == \
        [(type(f).__name__, f.source.quote, f.source.start) for r in alone.results for f in r.facts]
    assert sum(len(r.facts) for r in good) == 152


def test_the_readable_part_of_a_truncated_file_is_kept(corpus):
    _, build = corpus
    numbers = {r.document.number for r in build.results if r.document.issue == "truncated"}
    assert {"三政〔2019〕1号", "三政办〔2018〕47号"} <= numbers
    assert all(f.source.quote and "\ufffd" not in f.source.quote
               for r in build.results if r.document.issue == "truncated" for f in r.facts)


def test_a_damaged_corpus_still_makes_a_graph(corpus):
    _, build = corpus
    dataset = pipeline.build_graph(build)
    assert sum(1 for _ in dataset.quads((None, None, None, None))) > 1000
