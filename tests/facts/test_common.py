"""Shared extractor helpers agree with the character-by-character readings they replace."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from graphbuilder.facts.common import CLOSE, OPEN, split_outside_brackets
from graphbuilder.facts.duties import _bracket_groups

clause_text = st.text(alphabet="任命张三为局长（）〔〕()、，,；;。：甲乙", max_size=60)


def reference_split(text: str, separators: str) -> list[tuple[int, int]]:
    parts, depth, begin = [], 0, 0
    for k, ch in enumerate(text):
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0:
            parts.append((begin, k))
            begin = k + 1
    parts.append((begin, len(text)))
    return [(i, j) for i, j in parts if j > i]


def reference_groups(text: str) -> list[tuple[int, int]]:
    groups, depth, begin = [], 0, 0
    for k, ch in enumerate(text):
        if ch == "（":
            if depth == 0:
                begin = k
            depth += 1
        elif ch == "）" and depth:
            depth -= 1
            if depth == 0:
                groups.append((begin, k + 1))
    return groups


@given(clause_text, st.sampled_from(["；。", "、，,", "。", "，", "、，", "、，,；;"]))
def test_split_outside_brackets_agrees_with_the_reference(text, separators):
    assert split_outside_brackets(text, separators) == reference_split(text, separators)


@given(clause_text)
def test_bracket_groups_agree_with_the_reference(text):
    assert _bracket_groups(text) == reference_groups(text)
