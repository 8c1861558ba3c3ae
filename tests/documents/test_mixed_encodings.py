"""UTF-8 files with lines in GB18030 (pasted text) or in neither encoding: read line by line."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from graphbuilder import pipeline
from graphbuilder.documents.mixed import decode_by_line
from graphbuilder.documents.read import read_issue

SEED = Path(__file__).resolve().parents[2] / "seeds" / "002_becb4cfa247965de.txt"
LINES = SEED.read_text(encoding="utf-8").split("\n")
PASTED = range(40, 52)          # 0-based lines written in GB18030 below (12 lines of a notice)


def mixed_bytes(lines: list[str], pasted, codec: str = "gb18030", newline: str = "\n") -> bytes:
    return newline.encode().join(line.encode(codec if k in pasted else "utf-8") for k, line in enumerate(lines))


def non_ascii(lines: list[str], numbers) -> list[int]:
    """1-based numbers of the lines among `numbers` (0-based) that are not plain ASCII."""
    return [k + 1 for k in numbers if not lines[k].isascii()]


@pytest.fixture
def write(tmp_path):
    def make(data: bytes, name: str = "mixed.txt") -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path
    return make


def test_gb18030_lines_inside_utf8_are_decoded_and_named(write):
    path = write(mixed_bytes(LINES, PASTED))
    issue, diags = read_issue(path)
    assert issue.text == "\n".join(LINES) and issue.encoding == "utf-8+gb18030"
    [diag] = diags
    named = non_ascii(LINES, PASTED)
    assert diag.code == "GB111" and diag.path == str(path) and diag.line == named[0]
    assert str(diag).startswith(f"{path}:{named[0]}: GB111 warning: lines ")
    assert all(str(n) in diag.message for n in (named[0], named[-1])) and "GB18030" in diag.message


def test_line_numbers_count_crlf_and_cr_as_the_file_does(write):
    for newline in ("\r\n", "\r"):
        issue, [diag] = read_issue(write(mixed_bytes(LINES[:20], {3, 4, 9}, newline=newline)))
        assert issue.text == "\n".join(LINES[:20])
        assert diag.line == non_ascii(LINES, [3, 4, 9])[0]


def test_a_line_in_neither_encoding_gets_replacement_characters_and_is_named(write):
    bad = "三门峡市人民政府关于任命的通知".encode("utf-8")[:-1] + b"\xff\x80\xff"   # cut, then junk
    lines = [line.encode("utf-8") for line in LINES[:30]]
    lines[12] = bad
    lines[20] = LINES[20].encode("gb18030")
    issue, diags = read_issue(write(b"\n".join(lines)))
    out = issue.text.split("\n")
    assert len(out) == 30 and "\ufffd" in out[12] and out[12].startswith("三门峡市人民政府关于任命的")
    assert out[20] == LINES[20] and [o for k, o in enumerate(out) if k != 12] == \
        [line for k, line in enumerate(LINES[:30]) if k != 12]
    assert [(d.code, d.line) for d in diags] == [("GB111", 21), ("GB107", 13)]
    assert "(line 13)" in diags[1].message


def test_utf8_bom_with_pasted_lines(write):
    issue, diags = read_issue(write(codecs.BOM_UTF8 + mixed_bytes(LINES, PASTED)))
    assert issue.text == "\n".join(LINES) and issue.encoding == "utf-8-sig+gb18030"
    assert [d.code for d in diags] == ["GB111"]


def test_a_big5_line_is_not_taken_for_gb18030(write):
    # Every Big5 pair is a GB18030 pair too; its GB18030 reading is not mainland text.
    line = "中華民國總統府公報：任命王大明為行政院經濟部政務次長。"
    data = mixed_bytes(LINES[:30], set()) + b"\n" + line.encode("big5")
    issue, diags = read_issue(write(data))
    assert issue.text.split("\n")[:30] == LINES[:30] and "\ufffd" in issue.text.split("\n")[30]
    assert [(d.code, d.line) for d in diags] == [("GB107", 31)]


def test_a_gb18030_file_is_still_read_whole():
    data = "\n".join(LINES).encode("gb18030")
    assert decode_by_line(data) is None      # most lines are not UTF-8: not a mixed file


def test_facts_and_spans_are_those_of_the_pure_utf8_file(write, vocab):
    pure = pipeline.extract_corpus([SEED], vocab)
    mixed = pipeline.extract_corpus([write(mixed_bytes(LINES, PASTED), SEED.name)], vocab)
    facts = [[(type(f).__name__, f.source.quote, f.source.start, f.source.line) for r in build.results
              for f in r.facts] for build in (pure, mixed)]
    pasted_facts = [f for f in facts[1] if f[3] - 1 in PASTED]
    assert facts[0] == facts[1] and pasted_facts
    issue, _ = read_issue(SEED)
    assert all(issue.text[start:start + len(quote)] == quote for _, quote, start, _ in facts[1])


def test_a_stray_nul_in_utf8_is_a_bad_byte_not_a_reason_to_read_utf16(write):
    """Found by fuzzing: one NUL made a UTF-8 file pass for UTF-16, silently turned to nonsense."""
    lines = [line.encode("utf-8") for line in LINES[:30]]
    lines[2] = b"\x00" + lines[2]
    issue, diags = read_issue(write(b"\n".join(lines)))
    out = issue.text.split("\n")
    assert issue.encoding == "utf-8" and out[2] == "\ufffd" + LINES[2]
    assert out[:2] + out[3:] == LINES[:2] + LINES[3:30]
    assert [(d.code, d.line) for d in diags] == [("GB107", 3)]
