"""Unit lists as printed, read as the text means them (split_units)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graphbuilder.facts.units import looks_like_unit, split_units


@pytest.fixture(scope="module")
def split(vocab):
    return lambda text: [u.unit for u in split_units(text, vocab)]


@pytest.mark.parametrize("text,expected", [
    # implicit 市 after an explicit 市X
    ("市发展改革委、科技局、投资集团", ["市发展改革委", "市科技局", "市投资集团"]),
    ("市财政局、审计局、商务局", ["市财政局", "市审计局", "市商务局"]),
    ("市民政局、残联、妇联", ["市民政局", "市残联", "市妇联"]),
    ("市委组织部、人才办、事管局", ["市委组织部", "市人才办", "市事管局"]),
    # 市场监管局 is 市市场监管局, not 市场 + 监管局
    ("市发展改革委、市场监管局", ["市发展改革委", "市市场监管局"]),
    ("市政务和大数据局、市场监管局、自然资源规划局", ["市政务和大数据局", "市市场监管局", "市自然资源规划局"]),
    # shared suffix spread backwards over bare places
    ("湖滨区、陕州区政府", ["湖滨区政府", "陕州区政府"]),
    ("义马市、渑池县、陕州区、灵宝市、卢氏县政府",
     ["义马市政府", "渑池县政府", "陕州区政府", "灵宝市政府", "卢氏县政府"]),
    ("城乡一体化示范区、开发区管委会", ["城乡一体化示范区管委会", "开发区管委会"]),
    ("市自然资源规划局，湖滨区、陕州区政府，城乡一体化示范区、开发区管委会",
     ["市自然资源规划局", "湖滨区政府", "陕州区政府", "城乡一体化示范区管委会", "开发区管委会"]),
    ("市卫生健康委；义马市、渑池县政府", ["市卫生健康委", "义马市政府", "渑池县政府"]),
    # 和 / 及 before a new unit split; inside a name they do not
    ("市财政局、审计局、商务局和各县〔市、区〕政府", ["市财政局", "市审计局", "市商务局", "各县（市、区）政府"]),
    ("市财政局及各县（市、区）政府", ["市财政局", "各县（市、区）政府"]),
    ("市教育局和市卫生健康委", ["市教育局", "市卫生健康委"]),
    ("市工业和信息化局、政务和大数据局", ["市工业和信息化局", "市政务和大数据局"]),
    ("市工业和信息化委", ["市工业和信息化委"]),
    ("市住房和城乡建设局", ["市住房和城乡建设局"]),
    # trailing 等部门 dropped
    ("市住房城乡建设局、交通运输局、水利局等部门", ["市住房城乡建设局", "市交通运输局", "市水利局"]),
    ("市公安局、消防救援支队等部门，各县（市、区）政府", ["市公安局", "市消防救援支队", "各县（市、区）政府"]),
    ("市财政局、审计局等有关部门", ["市财政局", "市审计局"]),
    # collective units kept, 〔〕 normalised to （）
    ("各县〔市、区〕政府", ["各县（市、区）政府"]),
    ("相关县〔市、区〕政府", ["相关县（市、区）政府"]),
    ("市卫生健康委，各县〔市、区〕政府", ["市卫生健康委", "各县（市、区）政府"]),
    ("市工业领导小组各成员单位", ["市工业领导小组各成员单位"]),
    ("各县（市、区）政府，市政府有关部门", ["各县（市、区）政府", "市政府有关部门"]),
    # units outside the city, or named in full, are not prefixed
    ("市商务局、三门峡海关、人行三门峡市中心支行", ["市商务局", "三门峡海关", "人行三门峡市中心支行"]),
    ("市财政局、三门峡银保监分局、三门峡供电公司", ["市财政局", "三门峡银保监分局", "三门峡供电公司"]),
    ("市委宣传部、团市委、教育局", ["市委宣传部", "团市委", "市教育局"]),
    ("人保财险三门峡分公司、市财政局", ["人保财险三门峡分公司", "市财政局"]),
    ("三门峡海关、人行三门峡市中心支行", ["三门峡海关", "人行三门峡市中心支行"]),
    # brackets inside a unit are part of it; separators inside brackets do not split
    ("市发展改革委（粮食局）", ["市发展改革委（粮食局）"]),
    ("市发展改革委（粮食局）、财政局", ["市发展改革委（粮食局）", "市财政局"]),
    # punctuation variants
    ("市公安局;市财政局", ["市公安局", "市财政局"]),
    ("市财政局,教育局", ["市财政局", "市教育局"]),
    ("市财政局。", ["市财政局"]),
    ("", []),
    ("、，,；", []),
])
def test_split_units(text, expected, split):
    assert split(text) == expected


def test_printed_forms_and_offsets(vocab):
    text = "市发展改革委、科技局和各县〔市、区〕政府等部门"
    mentions = split_units(text, vocab)
    assert [(m.printed, m.unit) for m in mentions] == [
        ("市发展改革委", "市发展改革委"), ("科技局", "市科技局"), ("各县（市、区）政府", "各县（市、区）政府")]
    assert [text[m.start:m.end] for m in mentions] == ["市发展改革委", "科技局", "各县〔市、区〕政府"]


def test_shared_suffix_keeps_printed(vocab):
    mentions = split_units("湖滨区、陕州区政府", vocab)
    assert [(m.printed, m.unit) for m in mentions] == [("湖滨区", "湖滨区政府"), ("陕州区政府", "陕州区政府")]


def test_without_an_explicit_city_unit_nothing_is_prefixed(split):
    assert split("财政局、教育局") == ["财政局", "教育局"]


@pytest.mark.parametrize("token", ["市财政局", "市发展改革委", "各县（市、区）政府", "三门峡海关", "市政府国资委",
                                   "开发区管委会", "人行三门峡市中心支行"])
def test_looks_like_unit(token, vocab):
    assert looks_like_unit(token, vocab)


@pytest.mark.parametrize("token", ["体育场", "全面推进", "市", "2022年8月底前", ""])
def test_does_not_look_like_unit(token, vocab):
    assert not looks_like_unit(token, vocab)


# properties ----------------------------------------------------------------------------

UNIT_CHARS = ("市县区各相关有关政府委局办中心公司集团海关支行管委会部门等和及工业信息化发展改革财政教育"
              "湖滨陕州义马渑池灵宝卢氏城乡一体化示范区开发三门峡人行团（）〔〕、，,；;。 0123456789")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=300)
@given(st.text(alphabet=UNIT_CHARS, max_size=60))
@example("市财政局、 、教育局")
@example("等部门")
@example("市财政局和")
def test_units_are_never_blank(vocab, text):
    for mention in split_units(text, vocab):
        assert mention.unit.strip() and mention.printed.strip()
        assert mention.unit.endswith(mention.printed) or mention.printed in mention.unit
        assert 0 <= mention.start < mention.end <= len(text)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=300)
@given(st.text(alphabet=UNIT_CHARS.replace(" ", "").replace("。", ""), max_size=60))
def test_offsets_point_at_the_printed_token(vocab, text):
    for mention in split_units(text, vocab):
        assert text[mention.start:mention.end].replace("〔", "（").replace("〕", "）") == mention.printed


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=200)
@given(st.text(max_size=80))
def test_never_crashes_on_random_text(vocab, text):
    for mention in split_units(text, vocab):
        assert isinstance(mention.unit, str) and mention.unit


@pytest.mark.parametrize("text,expected", [
    pytest.param(text, expected)
    for text, expected in [("市财政局、\t、教育局", ["市财政局", "市教育局"]),
                           ("市财政局、\u3000", ["市财政局"]),
                           ("市财政局，\n", ["市财政局"])]
])
def test_whitespace_token_is_not_a_unit(text, expected, split):
    assert split(text) == expected


@pytest.mark.parametrize("text", [
    pytest.param(text)
    for text in ["市财政局、 教育局", "市财政局、。教育局"]
])
def test_offsets_after_stripped_characters(text, vocab):
    mention = split_units(text, vocab)[1]
    assert text[mention.start:mention.end] == mention.printed == "教育局"
