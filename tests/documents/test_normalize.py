"""Normalised text views: width/dash mapping, whitespace squashing, origin offsets, page headers."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from graphbuilder.documents.normalize import SPACE_CHARS, NormalText, concat, drop_lines, squash, squash_lines
from graphbuilder.facts.common import page_header_pattern

# What gazettes are made of: hanzi, full- and half-width punctuation, the dashes and
# spaces the width map knows, digits, latin letters, tabs and newlines.
GAZETTE_CHARS = (
    "三门峡市人民政府关于任命免去职务局长副主任组成员安伟办公室设在财政局一二三四五六七八九十"
    "（）()〔〕［］[]【】，,。：:；;、！!？?“”《》·•-—–―─━－﹣‐‑‒．.%％"
    "0123456789abcXYZ"
    " \t\n\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"
)
gazette_text = st.text(alphabet=GAZETTE_CHARS, max_size=120)

# Whitespace the module-level squash() removes (str.isspace) but NormalText.squash() keeps.
UNMAPPED_SPACES = ["\x0c", "\x0b", "\u2000", "\u2028", "\u202f", "\u205f"]


def normal_char(ch: str) -> str:
    """The width-map image of one original character."""
    return NormalText.of(ch).text


def test_of_is_length_preserving_and_maps_widths():
    original = "任命（女）(主持工作)，免去:；［2019］－—\u3000安\xa0伟．"
    normal = NormalText.of(original)
    assert len(normal.text) == len(original)
    assert normal.origin == tuple(range(len(original) + 1))
    assert normal.text == "任命（女）（主持工作），免去：；〔2019〕—— 安 伟."


def test_of_with_bounds_keeps_issue_offsets():
    original = "前言\n任命张三为局长；\n后记"
    normal = NormalText.of(original, 3, 11)
    assert normal.text == "任命张三为局长；"
    assert normal.origin[0] == 3 and normal.origin[-1] == 11
    assert normal.span(2, 4) == (5, 7) and original[5:7] == "张三"


def test_squash_removes_spaces_and_newlines_keeps_origins():
    original = "组 长：安　伟（市长）\n副组长：宋\t东"
    flat = NormalText.of(original).squash()
    assert flat.text == "组长：安伟（市长）副组长：宋东"
    start, end = flat.span(flat.text.index("安伟"), flat.text.index("安伟") + 2)
    assert original[start:end] == "安　伟"


def test_offset_moves_offsets():
    normal = NormalText.of("安 伟", offset=100)
    assert normal.origin == (100, 101, 102, 103)
    assert normal.squash().span(0, 2) == (100, 103)


def test_lines_keep_offsets():
    original = "甲乙\n\n丙丁戊\n"
    lines = NormalText.of(original).lines()
    assert [line.text for line in lines] == ["甲乙", "", "丙丁戊", ""]
    assert [line.span(0, len(line.text)) for line in lines if line.text] == [(0, 2), (4, 7)]


def test_strip_and_concat():
    original = "  任命张三\n  为局长  "
    a, b = (line.strip() for line in NormalText.of(original).lines())
    joined = concat([a, b])
    assert joined.text == "任命张三为局长"
    assert joined.span(0, len(joined.text)) == (2, original.index("局长") + 2)


def test_span_of_empty_range():
    normal = NormalText.of("abc")
    assert normal.span(2, 2) == (2, 2)


# properties ----------------------------------------------------------------------------

@given(gazette_text)
def test_squashed_text_has_no_whitespace(original):
    flat = NormalText.of(original).squash()
    assert not any(ch.isspace() for ch in flat.text)
    assert flat.text == squash(original)


@given(gazette_text)
def test_every_origin_maps_back_to_its_character(original):
    for view in (NormalText.of(original), NormalText.of(original).squash()):
        assert len(view.origin) == len(view.text) + 1
        for k, ch in enumerate(view.text):
            assert normal_char(original[view.origin[k]]) == ch
        assert list(view.origin[:-1]) == sorted(set(view.origin[:-1]))   # strictly increasing
        assert view.origin[-1] == len(original)


@given(gazette_text, st.data())
def test_span_and_slice_agree_with_the_original(original, data):
    flat = NormalText.of(original).squash()
    assume(len(flat.text) >= 1)
    i = data.draw(st.integers(0, len(flat.text) - 1))
    j = data.draw(st.integers(i + 1, len(flat.text)))
    start, end = flat.span(i, j)
    assert squash(original[start:end]) == flat.text[i:j]
    assert NormalText.of(original[start:end]).squash().text == flat.text[i:j]
    piece = flat.slice(i, j)
    assert piece.text == flat.text[i:j]
    assert piece.span(0, len(piece.text)) == (start, end)
    if j - i >= 2:
        k = data.draw(st.integers(1, j - i - 1))
        assert piece.span(0, k) == flat.span(i, i + k)


@given(gazette_text)
def test_squash_is_idempotent(original):
    once = squash(original)
    assert squash(once) == once
    flat = NormalText.of(original).squash()
    assert flat.squash().text == flat.text
    assert flat.squash().origin == flat.origin


@given(st.text(max_size=80))
def test_module_squash_is_idempotent_on_any_text(original):
    once = squash(original)
    assert squash(once) == once
    assert not any(ch.isspace() for ch in once)


@pytest.mark.parametrize("space", [
    pytest.param(ch)
    for ch in UNMAPPED_SPACES
])
def test_squash_agrees_with_module_squash_on_other_whitespace(space):
    original = f"安{space}伟"
    assert NormalText.of(original).squash().text == squash(original) == "安伟"


# page headers ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def header_pattern(vocab):
    return page_header_pattern(vocab.sections, vocab.patterns["page_rule"].pattern)


HEADERS = ["人事任免 —————", "人事任免", "  人事任免 ———", "市政府文件 ————————", "——————————",
           "市政府办公室文件", "重要文件 ____", "部门文件 －－－－"]
CONTENT = ["免去社会强三门峡市人民政府国有资产监督管理委员会副主任职务；", "组 长：安 伟（市长）",
           "人事任免工作要规范。", "一、总体要求", "关于人事任免的通知", "2019年1月31日", "—— 附表"]


@pytest.mark.parametrize("header", HEADERS)
def test_headers_match(header, header_pattern):
    """The pattern runs on normalised text (－ and — are one dash there)."""
    assert header_pattern.fullmatch(NormalText.of(header).text.strip())


@pytest.mark.parametrize("line", CONTENT)
def test_content_does_not_match(line, header_pattern):
    assert not header_pattern.fullmatch(NormalText.of(line).text.strip())


def test_drop_lines_on_the_seed_header(seed_issue, header_pattern):
    """001 prints `人事任免 —————` between two clauses of 三政任〔2019〕1号 (line 1001)."""
    text = seed_issue("001").text
    normal = NormalText.of(text)
    dropped = drop_lines(normal, header_pattern)
    lines = normal.text.split("\n")
    assert lines[1000] == "人事任免 —————" and lines[1050] == "人事任免"
    kept = [line for line in lines if not (line.strip() and header_pattern.fullmatch(line.strip()))]
    assert len(lines) - len(kept) >= 2
    assert dropped.text == "\n".join(kept)
    assert "免去毛海港三门峡市商务中心区建设指挥部办公室副主任职务；\n\n\n免去社会强" in dropped.text
    for k, ch in enumerate(dropped.text):
        assert normal_char(text[dropped.origin[k]]) == ch


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=150)
@given(st.lists(st.one_of(st.sampled_from(HEADERS), st.sampled_from(CONTENT),
                          st.text(alphabet=GAZETTE_CHARS.replace("\n", ""), max_size=30)),
                max_size=12))
def test_drop_lines_removes_only_header_lines(header_pattern, lines):
    original = "".join(line + "\n" for line in lines)
    flat = [NormalText.of(line).text.strip() for line in lines]
    is_header = [bool(line) and header_pattern.fullmatch(line) is not None for line in flat]
    dropped = drop_lines(NormalText.of(original), header_pattern)
    expected = "".join(line + "\n" for line, header in zip(lines, is_header) if not header)
    assert dropped.text == NormalText.of(expected).text
    for k, ch in enumerate(dropped.text):
        assert normal_char(original[dropped.origin[k]]) == ch
    assert dropped.origin[-1] == len(original)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(CONTENT), min_size=1, max_size=8))
@example(["免去李四三门峡市民政局局长职务。"])
def test_drop_lines_without_headers_is_identity(header_pattern, lines):
    original = "\n".join(lines)
    dropped = drop_lines(NormalText.of(original), header_pattern)
    assert dropped.text == NormalText.of(original).text
    assert dropped.origin == tuple(range(len(original) + 1))


# the regex fast paths agree with a character-by-character reading -------------------------

def reference_squash(text: str) -> str:
    """squash() as first written: map each character, keep those that are not spaces."""
    return "".join(ch for ch in NormalText.of(text).text if not ch.isspace())


def reference_without(normal: NormalText, remove: set[int]) -> tuple[str, tuple[int, ...]]:
    keep = [k for k in range(len(normal.text)) if k not in remove]
    return "".join(normal.text[k] for k in keep), tuple(normal.origin[k] for k in keep) + (normal.origin[-1],)


# controls, soft hyphen, zero-width and direction marks, separators, and the whitespace
# str.isspace() knows beyond the width map (\x1c-\x1f, \x85, \u2028 …)
ODD_CHARS = GAZETTE_CHARS + "\r\x0b\x0c\x00\x07\x1c\x1f\x7f\x85\x9f\xad\u200e\u202a\u2060\u2066" \
    + "".join(UNMAPPED_SPACES)
odd_text = st.text(alphabet=ODD_CHARS, max_size=80)


def test_space_chars_are_what_isspace_is_true_of():
    """squash() finds whitespace with a class of SPACE_CHARS: exactly str.isspace()."""
    assert SPACE_CHARS == "".join(chr(c) for c in range(0x110000) if chr(c).isspace())


@given(st.one_of(odd_text, st.text(max_size=40)))
def test_squash_lines_is_squash_of_each_line(original):
    assert squash_lines(original) == [squash(line) for line in original.split("\n")]


@given(odd_text, st.integers(0, 85), st.integers(0, 85))
def test_slice_agrees_with_the_reference(original, i, j):
    """slice() may hand back the view itself; it must still be the view a copy would be."""
    for view in (NormalText.of(original), NormalText.of(original).squash()):
        i, j = min(i, len(view.text)), min(j, len(view.text))
        piece = view.slice(i, j)
        assert (piece.text, piece.origin) == (view.text[i:j], view.origin[i:j] + (view.span(i, j)[1],))


@given(st.one_of(odd_text, st.text(max_size=40)))
def test_squash_agrees_with_the_reference(original):
    assert squash(original) == reference_squash(original)
    flat = NormalText.of(original).squash()
    assert flat.text == reference_squash(original)
    assert (flat.text, flat.origin) == reference_without(
        NormalText.of(original), {k for k, ch in enumerate(NormalText.of(original).text) if ch.isspace()})


@given(odd_text, st.sets(st.integers(0, 90), max_size=8))
def test_without_agrees_with_the_reference(original, remove):
    """Positions past the end are ignored, as a character-by-character copy ignores them."""
    normal = NormalText.of(original, 0, offset=5)
    kept = normal.without(remove)
    assert (kept.text, kept.origin) == reference_without(normal, remove)


@given(odd_text)
def test_strip_agrees_with_the_reference(original):
    normal = NormalText.of(original)
    i, j = 0, len(normal.text)
    while i < j and normal.text[i].isspace():
        i += 1
    while j > i and normal.text[j - 1].isspace():
        j -= 1
    assert normal.strip() == normal.slice(i, j)
