"""Hostile input: seed gazettes mutated at random must never crash a stage or bend a fact.

Each property takes real text from the seeds and damages it the way scans, copy-paste and
broken converters do: lines deleted, duplicated, swapped, joined or cut, punctuation swapped
between its full- and half-width forms, spaces inside names, very long lines, control
characters, runs of layout spaces, digits changed, a line shown in the wrong codec
(mojibake), and (through `documents/read.py`) a GBK chunk inside UTF-8 bytes, or UTF-8 bytes
with lines re-encoded and bytes changed, inserted or cut. The invariants:

- the segmenter and every extractor return without raising;
- every span lies inside the text and its document, and `quote == text[start:end]`;
- no fact has an empty or whitespace-only name, unit, group, post or recipient, nor a
  control character in one, and names printed without spaces stay so;
- the line accounting accounts each non-blank line of its regions exactly once;
- reading a mutated UTF-8 file gives back every line: as its UTF-8 text, or named in a
  GB107 / GB111 warning as decoded with replacement characters or by GB18030 fallback.

The example budget comes from the hypothesis profile named by $GB_FUZZ_PROFILE: `fuzz`
(default, `make test`) or `fuzz-long`; `benchmarks/fuzz.py` runs them for minutes.
"""
from __future__ import annotations

import codecs
import dataclasses
import datetime
import functools
import os
import re
from collections import Counter
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuilder.documents.normalize import NormalText, drop_lines, squash
from graphbuilder.documents.read import read_issue
from graphbuilder.documents.split import split_issue
from graphbuilder.facts import EXTRACTORS, extract
from graphbuilder.facts.common import page_header_pattern
from graphbuilder.facts.members import RE_MEMBER, RE_MEMBER_LINE
from graphbuilder.records import (Appointment, Assignment, Commendation, Document, Group, Issue,
                                  LineStatus, Membership, Office, Task)
from graphbuilder.vocab import load_vocab

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
VOCAB = load_vocab()

settings.register_profile("fuzz", max_examples=60, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz-long", max_examples=int(os.environ.get("GB_FUZZ_EXAMPLES", 5000)),
                          deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FUZZ = settings.get_profile(os.environ.get("GB_FUZZ_PROFILE", "fuzz"))
EXAMPLES: Counter = Counter()     # examples run per property, read by benchmarks/fuzz.py


def counted(test):
    @functools.wraps(test)
    def run(*args, **kwargs):
        EXAMPLES[test.__name__] += 1
        return test(*args, **kwargs)
    return run


def _seed_documents() -> list[tuple[Issue, Document]]:
    out = []
    for path in SEEDS:
        issue, _ = read_issue(path)
        documents, _ = split_issue(issue, VOCAB)
        out.extend((issue, d) for d in documents if d.number)
    return out


SEED_ISSUES = [read_issue(path)[0] for path in SEEDS]
SEED_DOCUMENTS = _seed_documents()

# mutations -------------------------------------------------------------------------------

PUNCTUATION_SWAPS = {"，": ",", ",": "，", "：": ":", ":": "：", "（": "(", "(": "（", "）": ")",
                     ")": "）", "。": ".", "、": "，", "；": ";", "〔": "[", "〕": "]", "—": "-"}
CONTROL = ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\u200b", "\ufeff", "\u3000",
           "\xa0", "\u2028", "\u2029", "\x85", "\r", "\t", "\ufffd", "\U0002a6a5", "\u0301"]


@st.composite
def mutated_lines(draw, lines: list[str]) -> list[str]:
    """The lines after a few random damages."""
    lines = list(lines)
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        k = draw(st.integers(0, len(lines) - 1))
        damage = draw(st.sampled_from(["delete", "duplicate", "swap", "punctuation", "space",
                                       "long", "control", "join", "cut", "digit", "mojibake",
                                       "space_run"]))
        line = lines[k]
        if damage == "delete":
            del lines[k]
        elif damage == "duplicate":
            lines.insert(k, line)
        elif damage == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[k], lines[j] = lines[j], lines[k]
        elif damage == "punctuation":
            lines[k] = "".join(PUNCTUATION_SWAPS.get(ch, ch) if draw(st.booleans()) else ch
                               for ch in line[:200]) + line[200:]
        elif damage == "space" and line:
            at = draw(st.integers(0, len(line)))
            lines[k] = line[:at] + draw(st.sampled_from([" ", "  ", "\u3000", "\t"])) + line[at:]
        elif damage == "long":
            lines[k] = line * draw(st.integers(20, 200))
        elif damage == "control":
            at = draw(st.integers(0, len(line)))
            lines[k] = line[:at] + draw(st.sampled_from(CONTROL)) + line[at:]
        elif damage == "join" and k + 1 < len(lines):
            lines[k:k + 2] = [line + lines[k + 1]]
        elif damage == "cut" and line:
            lines[k] = line[:draw(st.integers(0, len(line)))]
        elif damage == "space_run":         # layout spaces of a PDF-to-text converter
            at = draw(st.integers(0, len(line)))
            lines[k] = line[:at] + " " * draw(st.integers(20, 5000)) + line[at:]
        elif damage == "mojibake":          # GBK bytes shown as Latin-1: a wrong-codec copy
            lines[k] = line.encode("gbk", errors="replace").decode("latin-1")
        elif damage == "digit" and any(ch.isdigit() for ch in line):
            at = draw(st.sampled_from([i for i, ch in enumerate(line) if ch.isdigit()]))
            lines[k] = line[:at] + draw(st.sampled_from("0123456789９")) + line[at + 1:]
    return lines


@st.composite
def hostile_documents(draw) -> tuple[Issue, Document]:
    """A seed document whose text is mutated; the Issue holds exactly that text."""
    _, document = draw(st.sampled_from(SEED_DOCUMENTS))
    lines = document.text.split("\n")
    if len(lines) > 120:                    # keep examples small: a window of the document
        at = draw(st.integers(0, len(lines) - 120))
        lines = lines[:8] + lines[at:at + 112]
    text = "\n".join(draw(mutated_lines(lines)))
    issue = Issue("hostile.txt", "hostile", text, "utf-8", "")
    return issue, dataclasses.replace(document, path=issue.path, start=0, end=len(text), text=text,
                                      first_line=1)


@st.composite
def hostile_issues(draw) -> Issue:
    """A window of a seed issue (contents, mastheads and all), mutated."""
    issue = draw(st.sampled_from(SEED_ISSUES))
    lines = issue.text.split("\n")
    at = draw(st.integers(0, max(0, len(lines) - 200)))
    text = "\n".join(draw(mutated_lines(lines[at:at + draw(st.integers(1, 200))])))
    return Issue("hostile.txt", "hostile", text, "utf-8", "")


# invariants ------------------------------------------------------------------------------

NAMED_FIELDS = {Appointment: ("person", "post"), Group: ("name",), Membership: ("group", "role"),
                Office: ("group", "unit"), Task: ("path",), Assignment: ("task", "unit", "unit_printed"),
                Commendation: ("recipient", "award")}


# Names the records promise with whitespace removed (records.py).
PRINTED_WITHOUT_SPACES = {Appointment: ("person",), Membership: ("person", "group"),
                          Group: ("name",), Commendation: ("recipient",)}


def check_fact(fact, issue: Issue, document: Document) -> None:
    source = fact.source
    assert document.start <= source.start <= source.end <= document.end, (fact, document.number)
    assert issue.text[source.start:source.end] == source.quote, fact
    assert source.line == document.line_of(source.start), fact
    for name in NAMED_FIELDS[type(fact)]:
        value = getattr(fact, name)
        assert value.strip() and squash(value), (name, fact)
        assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in value), (name, fact)
    for name in PRINTED_WITHOUT_SPACES.get(type(fact), ()):
        assert getattr(fact, name) == squash(getattr(fact, name)), (name, fact)
    if isinstance(fact, Membership):
        assert (fact.stated_post if fact.by_position else fact.person).strip(), fact


def check_document(issue: Issue, document: Document) -> None:
    """Run every extractor and the line accounting on one document; check every record."""
    for extractor in EXTRACTORS:
        extraction = extractor(document, VOCAB)
        for fact in extraction.facts:
            check_fact(fact, issue, document)
        for start, end in extraction.consumed:
            assert document.start <= start <= end <= document.end, (extractor.__name__, start, end)
        for diagnostic in extraction.diagnostics:
            assert diagnostic.path == document.path and diagnostic.code.startswith("GB3")
    result = extract(document, VOCAB)
    if result.coverage is not None:
        lines = [a.line for a in result.coverage.lines]
        assert len(lines) == len(set(lines)), "a line accounted twice"
        last = document.first_line + document.text.count("\n")
        assert all(document.first_line <= n <= last for n in lines)
        assert all(a.text.strip() for a in result.coverage.lines)
        unread = {a.line for a in result.coverage.lines if a.status is LineStatus.UNREAD}
        reported = {d.line for d in result.diagnostics}
        assert unread <= reported, "an unread line without a diagnostic"


def check_split(issue: Issue) -> list[Document]:
    documents, diagnostics = split_issue(issue, VOCAB)
    previous_end = 0
    for document in documents:
        assert previous_end <= document.start <= document.end <= len(issue.text)
        assert document.text == issue.text[document.start:document.end]
        assert document.first_line == issue.text.count("\n", 0, document.start) + 1
        assert document.number == squash(document.number) and document.title == squash(document.title)
        if document.date:
            datetime.date.fromisoformat(document.date)      # a real calendar date, or none
        previous_end = document.end
    for diagnostic in diagnostics:
        assert diagnostic.path == issue.path
    return documents


# properties ------------------------------------------------------------------------------

@FUZZ
@given(hostile_documents())
@counted
def test_extractors_survive_mutated_documents(case):
    issue, document = case
    check_document(issue, document)


@FUZZ
@given(hostile_issues())
@counted
def test_segmenter_and_extractors_survive_mutated_issues(issue):
    for document in check_split(issue):
        check_document(issue, document)


@FUZZ
@given(st.text(st.characters(codec="utf-8"), max_size=400))
@counted
def test_random_text_is_split_without_error(text):
    issue = Issue("random.txt", "random", text, "utf-8", "")
    for document in check_split(issue):
        check_document(issue, document)


@FUZZ
@given(hostile_issues())
@counted
def test_normal_text_keeps_offsets(issue):
    normal = NormalText.of(issue.text)
    assert len(normal.text) == len(issue.text) and len(normal.origin) == len(issue.text) + 1
    squashed = normal.squash()
    assert squash(squashed.text) == squashed.text
    assert all(not normal.text[o].isspace() for o in squashed.origin[:-1])
    dropped = drop_lines(normal, page_header_pattern(VOCAB.sections, VOCAB.patterns["page_rule"].pattern))
    assert list(dropped.origin[:-1]) == sorted(set(dropped.origin[:-1]))
    for line in dropped.lines():
        start, end = line.span(0, len(line.text))
        assert 0 <= start <= end <= len(issue.text)


@st.composite
def mixed_encoding_bytes(draw) -> bytes:
    """UTF-8 seed lines with a GBK-, GB18030- or UTF-16-encoded chunk (or raw junk) inside."""
    issue = draw(st.sampled_from(SEED_ISSUES))
    lines = issue.text.split("\n")
    at = draw(st.integers(0, max(0, len(lines) - 60)))
    window = lines[at:at + 60]
    cut = draw(st.integers(0, len(window)))
    size = draw(st.integers(1, 8))
    chunk = "\n".join(window[cut:cut + size])
    codec = draw(st.sampled_from(["gbk", "gb18030", "big5", "utf-16-le", "junk"]))
    if codec == "junk":
        foreign = draw(st.binary(min_size=1, max_size=64))
    else:
        foreign = chunk.encode(codec, errors="replace")
    head = "\n".join(window[:cut]).encode("utf-8")
    tail = "\n".join(window[cut + size:]).encode("utf-8")
    return head + b"\n" + foreign + b"\n" + tail


def read_bytes(data: bytes) -> tuple[Path, Issue | None, list]:
    """``read_issue`` of ``data`` written to a file (its path, gone by now, as diagnostics name it)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.txt"
        path.write_bytes(data)
        return path, *read_issue(path)


@FUZZ
@given(mixed_encoding_bytes())
@counted
def test_mixed_encodings_are_read_or_reported(data):
    path, issue, diagnostics = read_bytes(data)
    for diagnostic in diagnostics:
        assert diagnostic.path == str(path) and diagnostic.code.startswith("GB1"), diagnostic
    if issue is None:
        assert diagnostics, "an unreadable file must be reported"
        return
    for document in check_split(issue):
        check_document(issue, document)


WINDOW = 40                 # lines of a seed in one byte-mutation example


def _utf8_windows(issue: Issue) -> list[list[str]]:
    """Windows of the issue in which most lines are Chinese (a UTF-8 file by any measure)."""
    lines = issue.text.split("\n")
    return [lines[at:at + WINDOW] for at in range(0, len(lines) - WINDOW, 7)
            if sum(not line.isascii() for line in lines[at:at + WINDOW]) >= WINDOW // 2]


UTF8_WINDOWS = [window for issue in SEED_ISSUES for window in _utf8_windows(issue)]
RE_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
RE_NAMED_LINES = re.compile(r"\blines? (\d+(?:–\d+)?(?:, \d+(?:–\d+)?)*)")


@st.composite
def mutated_bytes(draw) -> bytes:
    """UTF-8 seed lines, some re-encoded (GB18030, GBK, Big5), then bytes changed, inserted, cut."""
    window = draw(st.sampled_from(UTF8_WINDOWS))
    encoded = [line.encode("utf-8") for line in window]
    for _ in range(draw(st.integers(0, 3))):
        k = draw(st.integers(0, len(window) - 1))
        encoded[k] = window[k].encode(draw(st.sampled_from(["gb18030", "gbk", "big5"])), errors="replace")
    data = bytearray(b"\n".join(encoded))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data) - 1))
        damage = draw(st.sampled_from(["replace", "insert", "delete"]))
        if damage == "replace":
            data[at] = draw(st.integers(0, 255))
        elif damage == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=4))
        else:
            del data[at:at + draw(st.integers(1, 4))]
    return bytes(data)


def named_lines(diagnostics) -> set[int]:
    """Lines a GB107 (bytes replaced) or GB111 (read by fallback) diagnostic names."""
    named = set()
    for diagnostic in diagnostics:
        if diagnostic.code in ("GB107", "GB111"):
            for run in RE_NAMED_LINES.search(diagnostic.message).group(1).split(", "):
                first, _, last = run.partition("–")
                named.update(range(int(first), int(last or first) + 1))
    return named


@FUZZ
@given(mutated_bytes())
@counted
def test_byte_mutations_never_drop_a_line_silently(data):
    """Every line of the file comes back, as its UTF-8 text or named as read otherwise."""
    path, issue, diagnostics = read_bytes(data)
    assert all(d.path == str(path) and d.code.startswith("GB1") for d in diagnostics), diagnostics
    if issue is None:       # control bytes, or a ZIP / PDF signature made by the mutation: refused
        assert diagnostics, "an unreadable file must be reported"
        return
    assert issue.encoding.startswith("utf-8"), (issue.encoding, diagnostics)
    lines = RE_LINE_BREAK.split(data.removeprefix(codecs.BOM_UTF8))
    decoded = issue.text.split("\n")
    assert len(decoded) == len(lines)
    named = named_lines(diagnostics)
    for number, (raw, text) in enumerate(zip(lines, decoded), start=1):
        try:
            assert text == raw.decode("utf-8") or number in named, number
        except UnicodeDecodeError:
            assert number in named, (number, raw, diagnostics)
    for document in check_split(issue):
        check_document(issue, document)


# what the fuzzing found --------------------------------------------------------------------

def test_an_impossible_signing_date_is_reported_not_used():
    """Found by fuzzing: `2018 年 22 月 20 日` became the ill-formed date 2018-22-20."""
    issue, document = next((i, d) for i, d in SEED_DOCUMENTS if d.number == "三政任〔2018〕3号")
    text = document.text.replace("2018 年 12 月 20 日", "2018 年 22 月 20 日")
    [found], diagnostics = split_issue(Issue("misprint.txt", "misprint", text, "utf-8", ""), VOCAB)
    assert found.date == ""
    last = text.count("\n") + 1
    assert [(d.code, d.line) for d in diagnostics] == [("GB203", last)]
    assert "'2018 年 22 月 20 日' is not a calendar date" in diagnostics[0].message


def test_control_characters_do_not_enter_names():
    """Found by fuzzing: a NUL before 三门峡市 stayed in the post and organisation."""
    _, document = next((i, d) for i, d in SEED_DOCUMENTS if d.number == "三政任〔2018〕2号")
    text = document.text.replace("任命王瑞为三门峡市", "任命王瑞为\x00三门峡市").replace("詹传江", "詹\u200b传江")
    issue = Issue("nul.txt", "nul", text, "utf-8", "")
    found = extract(dataclasses.replace(document, start=0, end=len(text), text=text, first_line=1), VOCAB)
    posts = {(f.person, f.post) for f in found.facts}
    assert ("王瑞", "三门峡市退役军人事务局副局长") in posts and ("詹传江", "三门峡市住房和城乡建设局副调研员") in posts
    for fact in found.facts:
        check_fact(fact, issue, found.document)


def test_a_space_before_a_commended_unit_is_not_part_of_its_name():
    """Found by fuzzing: `对 全市财税系统予以嘉奖` gave the recipient ' 全市财税系统'."""
    _, document = next((i, d) for i, d in SEED_DOCUMENTS if d.number == "三政〔2021〕1号")
    assert document.text.count("对全市财税系统予以嘉奖") == 2        # the title, then the decision
    text = document.text.replace("对全市财税系统予以嘉奖", "对 全市财税系统予以嘉奖")
    doc = dataclasses.replace(document, start=0, end=len(text), text=text, first_line=1)
    recipients = {f.recipient for f in extract(doc, VOCAB).facts if isinstance(f, Commendation)}
    assert recipients == {"全市财税系统"}


NAIVE_MEMBER_LINE = re.compile(rf"(?:{RE_MEMBER.pattern}[、，]?)+")    # the exponential original


@FUZZ
@given(st.lists(st.sampled_from(list("张三李四王五（）、，x") + ["市长", "局长"]), max_size=12).map("".join))
@counted
def test_member_line_pattern_means_what_the_naive_one_meant(text):
    """Found by fuzzing: a long roster line hung the reader (exponential backtracking)."""
    assert (RE_MEMBER_LINE.fullmatch(text) is None) == (NAIVE_MEMBER_LINE.fullmatch(text) is None)


def test_a_long_unbracketed_roster_line_is_read():
    """3,000 characters of names ending in a stray letter: the naive pattern never returns."""
    assert RE_MEMBER_LINE.fullmatch("张三李四王五" * 500 + "x") is None
    assert RE_MEMBER_LINE.fullmatch("张三（市长）、李四（局长）" * 300) is not None
