"""The mention layer's person names: the clause's name beside its cue, by the lexicons' surnames."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from graphbuilder.documents.normalize import NormalText
from graphbuilder.mentions.find import find_mentions
from graphbuilder.mentions.nlp import bare_name
from graphbuilder.vocab import load_vocab

VOCAB = load_vocab()
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
NAMES = st.text(HAN, min_size=1, max_size=4).filter(lambda name: not name.endswith(("同志", "女")))
SUFFIXES = st.sampled_from(["", "同志", "（女）", "同志（女）", "（女）同志"])


@given(NAMES, SUFFIXES)
def test_bare_name_drops_what_is_printed_after_a_name(name, suffix):
    assert bare_name(name + suffix) == name


@given(st.text(HAN, min_size=1, max_size=6))
def test_a_name_has_two_to_four_characters_and_opens_with_a_surname(text):
    expected = (2 <= len(text) <= 4 and VOCAB.opens_with_surname(text)
                and (len(text) < 4 or text[:2] in VOCAB.surnames))
    assert VOCAB.could_be_name(text) == expected


def persons(text: str) -> list[str]:
    mentions = find_mentions(NormalText.of(text))
    return [m.text for _, _, m in mentions.local("PERSON")]


def test_the_name_before_ren_and_not_the_ren_of_a_title():
    assert persons("王五同志任洛阳市发展和改革委员会主任") == ["王五"]
    assert persons("员会主任职务") == []          # 员 is a surname; 主任 is a title


def test_names_before_a_following_cue_are_cut_at_the_list_mark():
    assert persons("吴刚、陈静不再担任洛阳市人民政府副秘书长职务") == ["陈静"]


def test_four_characters_only_after_a_compound_surname():
    assert persons("欧阳明华任洛阳市审计局局长") == ["欧阳明华"]
    assert persons("常务副主任由张三兼任") == []
