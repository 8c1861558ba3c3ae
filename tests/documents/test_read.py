"""Reading gazette files: input discovery, encoding detection, damaged and non-text input."""
from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuilder.documents.read import find_inputs, read_issue
from graphbuilder.records import Severity

SEED = Path(__file__).resolve().parents[2] / "seeds" / "001_511888d95ad1bf48.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")

ENCODINGS = {  # fixture name -> (bytes of the seed, expected Issue.encoding)
    "utf8": (SEED_TEXT.encode("utf-8"), "utf-8"),
    "utf8_bom": (SEED_TEXT.encode("utf-8-sig"), "utf-8-sig"),
    "gb18030": (SEED_TEXT.encode("gb18030"), "gb18030"),
    "gbk": (SEED_TEXT.encode("gbk"), "gb18030"),
    "utf16le_bom": (codecs.BOM_UTF16_LE + SEED_TEXT.encode("utf-16-le"), "utf-16-le"),
    "utf16be_bom": (codecs.BOM_UTF16_BE + SEED_TEXT.encode("utf-16-be"), "utf-16-be"),
    "utf16le": (SEED_TEXT.encode("utf-16-le"), "utf-16-le"),
}


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def codes(diags) -> list[str]:
    return [d.code for d in diags]


@pytest.mark.parametrize("name", ENCODINGS)
def test_seed_decodes_identically_in_every_encoding(tmp_path, name):
    data, encoding = ENCODINGS[name]
    issue, diags = read_issue(write(tmp_path, f"{name}.txt", data))
    assert diags == []
    assert issue.text == SEED_TEXT
    assert issue.encoding == encoding
    assert issue.name == name
    assert issue.path == str(tmp_path / f"{name}.txt")
    assert len(issue.sha256) == 64


def test_crlf_and_cr_become_lf(tmp_path):
    text = "三门峡市人民政府\r\n关于任命的通知\r任命张三为局长。\n"
    issue, _ = read_issue(write(tmp_path, "crlf.txt", text.encode("utf-8")))
    assert issue.text == "三门峡市人民政府\n关于任命的通知\n任命张三为局长。\n"


def test_empty_file(tmp_path):
    issue, diags = read_issue(write(tmp_path, "empty.txt", b""))
    assert issue is None and codes(diags) == ["GB102"]
    assert diags[0].severity is Severity.WARNING


def test_whitespace_only_file(tmp_path):
    issue, diags = read_issue(write(tmp_path, "blank.txt", b" \r\n\t\n  \n"))
    assert issue is None and codes(diags) == ["GB102"]


def test_utf16_whitespace_only_file(tmp_path):
    issue, diags = read_issue(write(tmp_path, "blank16.txt", "\ufeff \n\u3000\n".encode("utf-16-le")))
    assert issue is None and codes(diags) == ["GB102"]


def test_binary_file(tmp_path):
    rng = random.Random(1)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(2000))
    path = write(tmp_path, "image.txt", png)
    issue, diags = read_issue(path)
    assert issue is None and codes(diags) == ["GB103"]
    assert diags[0].severity is Severity.ERROR
    assert "offset 8" in diags[0].message
    assert str(diags[0]).startswith(f"{path}: GB103 error: binary file")


def test_control_bytes_without_nul_are_binary(tmp_path):
    issue, diags = read_issue(write(tmp_path, "ctl.txt", bytes(range(1, 32)) * 20 + "中文".encode()))
    assert issue is None and codes(diags) == ["GB103"]


def test_undecodable_bytes(tmp_path):
    # 0x80 and 0xFF are invalid lead bytes in UTF-8, GB18030 and Big5 alike.
    data = "第一行\n".encode("gb18030") + bytes([0x80, 0xFF, 0xC3, 0x80, 0xFF, 0xFE, 0x80] * 40)
    path = write(tmp_path, "garbled.txt", data)
    issue, diags = read_issue(path)
    assert issue is None and codes(diags) == ["GB106"]
    message = diags[0].message
    assert "gb18030 (byte 7, line 2)" in message and "utf-8 (byte 0, line 1)" in message
    assert str(path) in str(diags[0]) and "\n" not in str(diags[0])


def test_truncated_utf8_keeps_issue_and_names_line(tmp_path):
    data = SEED_TEXT.encode("utf-8")
    cut = data.rindex("。".encode()) + 1  # inside the 3-byte 。 : a truncated download
    issue, diags = read_issue(write(tmp_path, "cut.txt", data[:cut]))
    assert issue is not None and issue.encoding == "utf-8"
    assert codes(diags) == ["GB107"]
    expected_line = data[:cut].count(b"\n") + 1
    assert diags[0].line == expected_line and f"line {expected_line}" in diags[0].message
    assert issue.text.endswith("\ufffd")
    assert issue.text[:-1] == data[:cut - 1].decode("utf-8")


def test_few_bad_bytes_inside_utf8(tmp_path):
    lines = [f"第{i}条　任命张三为某某局局长。" for i in range(12)]
    data = "\n".join(lines).encode("utf-8").replace("张".encode(), "张".encode()[:2], 7)
    issue, diags = read_issue(write(tmp_path, "bad.txt", data))
    assert issue.text.count("\ufffd") == 7
    assert codes(diags) == ["GB107"]
    assert "7 invalid byte sequence(s)" in diags[0].message and "(lines 1–7)" in diags[0].message


def test_read_missing_file(tmp_path):
    issue, diags = read_issue(tmp_path / "nope.txt")
    assert issue is None and codes(diags) == ["GB101"]


def test_find_inputs_missing_path(tmp_path):
    files, diags = find_inputs([tmp_path / "nope"])
    assert files == [] and codes(diags) == ["GB101"]
    assert diags[0].severity is Severity.ERROR and "nope" in str(diags[0])


def test_find_inputs_directory(tmp_path):
    for name in ["b.txt", "a.txt", "image.png", ".hidden.txt", "sub/c.txt", "sub/d.pdf",
                 ".git/x.txt", "z/notes.md"]:
        write(tmp_path, name, "中文".encode())
    files, diags = find_inputs([tmp_path, str(tmp_path / "a.txt")])
    rel = [f.relative_to(tmp_path).as_posix() for f in files]
    assert rel == ["a.txt", "b.txt", "sub/c.txt", "sub/d.pdf"]   # PDF, HTML, DOCX: tests/documents/formats/
    by_name = {Path(d.path).name: d for d in diags}
    assert by_name["image.png"].code == "GB105" and by_name["image.png"].severity is Severity.INFO
    assert by_name[".hidden.txt"].code == "GB105"
    assert by_name[".git"].code == "GB105"
    assert by_name["notes.md"].code == "GB105"
    assert "x.txt" not in by_name


def test_find_inputs_explicit_files(tmp_path):
    odd = write(tmp_path, "gazette.dat", "中文".encode())
    html = write(tmp_path, "page.html", b"<html></html>")
    files, diags = find_inputs([odd, html])
    assert files == [odd, html] and diags == []


CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
OTHER = st.sampled_from(list("，。、；：（）《》〔〕“”—！？ \t\n\rabcXYZ0123456789-./"))


@st.composite
def chinese_text(draw) -> str:
    """Chinese runs with ASCII / punctuation / newlines between, mostly CJK like a gazette."""
    chunks = draw(st.lists(st.tuples(st.text(CJK, min_size=2, max_size=12),
                                     st.text(OTHER, max_size=3)), min_size=4, max_size=20))
    return "".join(a + b for a, b in chunks)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=chinese_text(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_round_trip(tmp_path, text, encoding):
    issue, diags = read_issue(write(tmp_path, "prop.txt", text.encode(encoding)))
    assert diags == []
    assert issue.text == text.replace("\r\n", "\n").replace("\r", "\n")


def test_short_gbk_text_is_not_taken_for_big5(tmp_path):
    # Every GBK byte pair is also a Big5 pair; charset-normalizer alone picks Big5 here.
    text = "令付：\n。令付：\n。令付：\n。亳不“"
    issue, _ = read_issue(write(tmp_path, "short.txt", text.encode("gbk")))
    assert (issue.encoding, issue.text) == ("gb18030", text)


def test_big5_is_still_detected(tmp_path):
    text = ("中華民國總統府公報\n總統令\n任命王大明為行政院經濟部政務次長。\n"
            "免去陳小華臺北市政府秘書長職務。\n")
    issue, diags = read_issue(write(tmp_path, "big5.txt", text.encode("big5")))
    assert (issue.encoding, issue.text, diags) == ("big5", text, [])


def test_truncated_gb18030_keeps_issue(tmp_path):
    data = SEED_TEXT.encode("gb18030")
    cut = data.rindex("。".encode("gb18030")) + 1
    issue, diags = read_issue(write(tmp_path, "cut.txt", data[:cut]))
    assert issue.encoding == "gb18030" and codes(diags) == ["GB107"]
