"""Commendations: honour lists under award headings, and awards decided in prose."""
from __future__ import annotations

from collections import Counter

import pytest

from graphbuilder.facts import extract_honours


@pytest.fixture(scope="module")
def honours(run_extractor):
    return run_extractor(extract_honours)[0]


@pytest.fixture(scope="module")
def read(run_extractor):
    return run_extractor(extract_honours)[1]


def rows(facts):
    return [(f.recipient, f.affiliation, f.award, f.is_unit) for f in facts]


# seeds -----------------------------------------------------------------------------------

def test_new_energy_vehicles_counts(honours):
    """000 三政〔2019〕8号: 嘉奖 4, 通报嘉奖 3, 先进单位 6, 先进个人 42 (as the headings state)."""
    extraction = honours("000", "三政〔2019〕8号")
    assert Counter(f.award for f in extraction.facts) == {"嘉奖": 4, "通报嘉奖": 3, "先进单位": 6, "先进个人": 42}
    assert extraction.diagnostics == ()                # every stated total agrees: no GB331


def test_new_energy_vehicles_rows(honours):
    facts = honours("000", "三政〔2019〕8号").facts
    assert rows(facts)[:4] == [
        ("李发军", "三门峡市人大常委会", "嘉奖", False),
        ("裴建平", "三门峡市工业和信息化局", "嘉奖", False),
        ("杨文龙", "三门峡经济开发区管理委员会", "嘉奖", False),
        ("陈国民", "三门峡市发展和改革委员会", "嘉奖", False),
    ]
    assert rows(f for f in facts if f.award == "通报嘉奖") == [
        ("包明鑫", "三门峡市投资集团有限公司", "通报嘉奖", False),
        ("李复活", "河南速达电动汽车科技有限公司", "通报嘉奖", False),
        ("宋泽厚", "河南速达电动汽车科技有限公司", "通报嘉奖", False),
    ]
    assert [f.recipient for f in facts if f.award == "先进单位"] == [
        "三门峡市工业和信息化局", "三门峡市发展和改革委员会", "三门峡经济开发区管理委员会",
        "三门峡市湖滨区人民政府崖底街道办事处", "三门峡市投资集团有限公司", "河南速达电动汽车科技有限公司"]
    assert all(f.is_unit and f.affiliation == "" for f in facts if f.award == "先进单位")


def test_spaced_names_and_table_rows(honours):
    facts = [f for f in honours("000", "三政〔2019〕8号").facts if f.award == "先进个人"]
    by_name = {f.recipient: f for f in facts}
    assert by_name["辛欣"].affiliation == "中共三门峡市委办公室"          # printed `辛 欣 中共三门峡市委办公室`
    assert by_name["辛欣"].source.quote == "辛 欣 中共三门峡市委办公室"
    assert by_name["宋东"].affiliation == "三门峡市财政局"
    table = [f for f in facts if f.source.line >= 433]                   # `| 张甲峰 | … |` rows
    assert rows(table) == [
        ("张甲峰", "三门峡湖滨农村商业银行股份有限公司", "先进个人", False),
        ("张西富", "河南速达电动汽车科技有限公司", "先进个人", False),
        ("赵子军", "河南速达电动汽车科技有限公司", "先进个人", False),
        ("邹忠月", "河南速达电动汽车科技有限公司", "先进个人", False),
        ("赵训练", "河南速达电动汽车科技有限公司", "先进个人", False),
        ("李冠英", "河南速达电动汽车科技有限公司", "先进个人", False),
    ]
    assert facts[0].recipient == "师宝辉" and len(facts) == 42
    assert all(" " not in f.recipient and "|" not in f.recipient + f.affiliation for f in facts)


def test_award_text_is_the_heading(honours):
    facts = honours("000", "三政〔2019〕8号").facts
    assert {f.award_text for f in facts} == {"嘉奖", "通报嘉奖", "先进单位", "先进个人"}


def test_unit_and_merit_in_prose(honours):
    """004 三政〔2021〕3号: 对农发行三门峡市分行予以嘉奖 and 为王永平同志记个人三等功."""
    facts = honours("004", "三政〔2021〕3号").facts
    assert [(f.recipient, f.affiliation, f.award, f.award_text, f.is_unit) for f in facts] == [
        ("农发行三门峡市分行", "", "嘉奖", "嘉奖", True),
        ("王永平", "", "三等功", "个人三等功", False),
    ]
    assert facts[1].source.quote.startswith("王永平同志记") and facts[1].source.line == 201


def test_second_class_merit(honours, seed_issue):
    """001 三政〔2019〕3号: 为景旭华同志记个人二等功 (the title repeats it: not read twice)."""
    [fact] = honours("001", "三政〔2019〕3号").facts
    assert (fact.recipient, fact.affiliation, fact.award, fact.award_text, fact.is_unit) == (
        "景旭华", "", "二等功", "个人二等功", False)
    assert fact.source.line == 247
    assert seed_issue("001").text[fact.source.start:fact.source.end] == fact.source.quote


def test_commended_unit_in_prose(honours):
    [fact] = honours("004", "三政〔2021〕1号").facts
    assert (fact.recipient, fact.award, fact.is_unit) == ("全市财税系统", "嘉奖", True)


def test_units_and_persons_lists(honours):
    """004 三政〔2021〕2号: 受到嘉奖的单位（13 个） and 受到嘉奖的个人（30 名）, tab-separated rows."""
    extraction = honours("004", "三政〔2021〕2号")
    assert Counter((f.award, f.is_unit) for f in extraction.facts) == {("嘉奖", True): 13, ("嘉奖", False): 30}
    assert extraction.diagnostics == ()
    by_name = {f.recipient: f.affiliation for f in extraction.facts if not f.is_unit}
    assert by_name["常见辰"] == "三门峡市公路事业发展中心"                 # `常见辰<TAB>…`
    assert by_name["周鹏"] == "三门峡市公路事业发展中心"                   # `周 鹏<TAB>…`
    assert by_name["程天富"] == "国道三一零南移项目第七、八项目分部"


@pytest.mark.parametrize("seed,number", [("001", "三政任〔2019〕2号"), ("003", "三政办文〔2020〕2号"),
                                         ("001", "三政办〔2018〕47号"), ("002", "三政办〔2020〕6号")])
def test_documents_without_honours(seed, number, honours):
    extraction = honours(seed, number)
    assert extraction.facts == () and extraction.diagnostics == ()


# written variants ----------------------------------------------------------------------

def decision(body: str, title: str = "关于表彰2021年度安全生产工作先进单位和先进个人的决定",
             number: str = "灵政〔2022〕4号") -> str:
    return (f"灵宝市人民政府\n{title}\n\n{number}\n\n各乡（镇）人民政府，市人民政府各部门：\n"
            "为表彰先进，市政府决定对以下单位和个人予以表彰。\n\n灵宝市人民政府\n2022年1月20日\n\n附 件\n\n"
            f"{body}\n")


def test_variant_lists(read):
    extraction, _ = read(decision(
        "一、先进单位（共 2 个）\n灵宝市应急管理局\n灵宝市豫灵镇人民政府\n\n"
        "二、先进个人（共 3 人）\n王 强 灵宝市应急管理局\n呼延明\t灵宝市消防救援大队\n| 李小红 | 灵宝市豫灵镇人民政府 |"))
    assert rows(extraction.facts) == [
        ("灵宝市应急管理局", "", "先进单位", True),
        ("灵宝市豫灵镇人民政府", "", "先进单位", True),
        ("王强", "灵宝市应急管理局", "先进个人", False),
        ("呼延明", "灵宝市消防救援大队", "先进个人", False),
        ("李小红", "灵宝市豫灵镇人民政府", "先进个人", False),
    ]
    assert extraction.diagnostics == ()


def test_variant_units_on_one_row_and_persons_with_bracketed_units(read):
    """Several units on one row (、 or ，), each a recipient quoting itself; a person's unit in
    brackets, after a comma or after a full-width space."""
    extraction, issue = read(decision(
        "一、先进集体（3个）\n灵宝市应急管理局、灵宝市财政局，灵宝市豫灵镇人民政府\n"
        "二、先进个人（3名）\n王强（灵宝市应急管理局）\n李小红，灵宝市财政局\n欧阳春花　灵宝市豫灵镇人民政府"))
    assert rows(extraction.facts) == [
        ("灵宝市应急管理局", "", "先进集体", True),
        ("灵宝市财政局", "", "先进集体", True),
        ("灵宝市豫灵镇人民政府", "", "先进集体", True),
        ("王强", "灵宝市应急管理局", "先进个人", False),
        ("李小红", "灵宝市财政局", "先进个人", False),
        ("欧阳春花", "灵宝市豫灵镇人民政府", "先进个人", False),
    ]
    assert [f.source.quote for f in extraction.facts[:2]] == ["灵宝市应急管理局", "灵宝市财政局"]
    assert extraction.diagnostics == ()


def test_variant_recipients_side_by_side_in_columns(read):
    """Units set side by side with wide spaces, and two persons a row (name, unit, wide gap, name,
    unit; or four cells): each a recipient quoting its own cells."""
    extraction, _ = read(decision(
        "一、先进集体（3个）\n灵宝市应急管理局　　灵宝市公安局交通管理大队　　灵宝市豫灵镇人民政府\n"
        "二、先进个人（4名）\n王强　灵宝市应急管理局　　李小红　灵宝市财政局\n"
        "欧阳春花\t灵宝市豫灵镇人民政府\t张建国\t灵宝市公安局\n"))
    assert rows(extraction.facts) == [
        ("灵宝市应急管理局", "", "先进集体", True), ("灵宝市公安局交通管理大队", "", "先进集体", True),
        ("灵宝市豫灵镇人民政府", "", "先进集体", True), ("王强", "灵宝市应急管理局", "先进个人", False),
        ("李小红", "灵宝市财政局", "先进个人", False), ("欧阳春花", "灵宝市豫灵镇人民政府", "先进个人", False),
        ("张建国", "灵宝市公安局", "先进个人", False),
    ]
    assert [f.source.quote for f in extraction.facts[3:5]] == ["王强　灵宝市应急管理局", "李小红　灵宝市财政局"]
    assert extraction.diagnostics == ()


def test_variant_heading_words_say_what_is_listed(read):
    """An award any recipient can get (通报表扬) over a list whose heading says 单位 lists units,
    个人 persons; a heading without a number is one when it names the award and no more."""
    extraction, _ = read(decision(
        "一、受到通报表扬的单位（2个）\n灵宝市商务局\n灵宝市发展和改革委员会\n"
        "受到通报表扬的个人名单（1名）\n王强　灵宝市商务局\n"))
    assert rows(extraction.facts) == [
        ("灵宝市商务局", "", "通报表扬", True), ("灵宝市发展和改革委员会", "", "通报表扬", True),
        ("王强", "灵宝市商务局", "通报表扬", False)]
    assert extraction.diagnostics == ()


def test_variant_persons_listed_on_a_row(read):
    """Persons listed on one row with 、 or ；, each with their unit in brackets or after a comma."""
    extraction, _ = read(decision(
        "一、记三等功（3人）\n王强（灵宝市公安局）、李小红（灵宝市消防救援大队）、欧阳春花（灵宝市应急管理局）\n"
        "二、嘉奖（2人）\n张建国，灵宝市水利局；周平，灵宝市气象局\n"))
    assert rows(extraction.facts) == [
        ("王强", "灵宝市公安局", "三等功", False), ("李小红", "灵宝市消防救援大队", "三等功", False),
        ("欧阳春花", "灵宝市应急管理局", "三等功", False), ("张建国", "灵宝市水利局", "嘉奖", False),
        ("周平", "灵宝市气象局", "嘉奖", False)]
    assert extraction.facts[1].source.quote == "李小红（灵宝市消防救援大队）"
    assert extraction.diagnostics == ()


def test_variant_numbered_table_with_a_header(read):
    """序号 ⇥ 姓名 ⇥ 工作单位及职务 heads the list (read, no recipient) and each row's number cell is
    not part of the name or unit."""
    extraction, _ = read(decision(
        "一、先进单位（2个）\n序号\t单位名称\n1\t灵宝市应急管理局\n2\t灵宝市财政局\n"
        "二、先进个人（2名）\n序号\t姓名\t工作单位及职务\n1\t王强\t灵宝市应急管理局科长\n2\t呼延明\t灵宝市财政局局长"))
    assert rows(extraction.facts) == [
        ("灵宝市应急管理局", "", "先进单位", True), ("灵宝市财政局", "", "先进单位", True),
        ("王强", "灵宝市应急管理局科长", "先进个人", False), ("呼延明", "灵宝市财政局局长", "先进个人", False)]
    assert extraction.facts[2].source.quote == "王强\t灵宝市应急管理局科长"
    assert extraction.diagnostics == ()


def test_variant_model_workers_and_collectives(read):
    """授予…“劳动模范”称号 lists: 模范集体 (units) and 劳动模范 (persons) are awards too."""
    extraction, _ = read(decision("一、灵宝市模范集体（1个）\n灵宝市应急管理局\n二、灵宝市劳动模范（1名）\n王强 灵宝市财政局科长",
                                  title="关于表彰灵宝市劳动模范和模范集体的决定"))
    assert rows(extraction.facts) == [("灵宝市应急管理局", "", "模范集体", True),
                                      ("王强", "灵宝市财政局科长", "劳动模范", False)]


def test_variant_a_row_of_words_is_not_split_into_units(read):
    """A row whose parts do not all end like a unit is not a list of units (the list ends)."""
    extraction, _ = read(decision("一、先进集体（1个）\n灵宝市应急管理局\n希望受到表彰的单位珍惜荣誉、再创佳绩"))
    assert rows(extraction.facts) == [("灵宝市应急管理局", "", "先进集体", True)]


def test_variant_stated_total_mismatch_gives_gb331(read):
    extraction, _ = read(decision(
        "一、嘉奖（共 3 人）\n王 强 灵宝市应急管理局\n李小红 灵宝市豫灵镇人民政府\n\n"
        "二、先进单位（共 1 个）\n灵宝市应急管理局"))
    assert len(extraction.facts) == 3
    [gb331] = extraction.diagnostics
    assert gb331.code == "GB331" and gb331.doc == "灵政〔2022〕4号"
    assert "嘉奖" in gb331.message and "3" in gb331.message and "2" in gb331.message


def test_variant_more_rows_than_stated_gives_gb331(read):
    extraction, _ = read(decision("一、先进个人（共 1 人）\n王 强 灵宝市应急管理局\n李小红 灵宝市豫灵镇人民政府"))
    assert [d.code for d in extraction.diagnostics] == ["GB331"]


def test_variant_heading_without_total_is_not_checked(read):
    extraction, _ = read(decision("一、通报嘉奖\n王 强 灵宝市应急管理局"))
    assert rows(extraction.facts) == [("王强", "灵宝市应急管理局", "通报嘉奖", False)]
    assert extraction.diagnostics == ()


def test_variant_prose_awards(read):
    body = "市政府决定：对灵宝市应急管理局予以通报嘉奖，为张建国同志记三等功。"
    text = (f"灵宝市人民政府\n关于对灵宝市应急管理局予以通报嘉奖并为张建国同志记功的决定\n\n灵政〔2022〕5号\n\n"
            f"各乡（镇）人民政府：\n{body}\n\n灵宝市人民政府\n2022年2月1日\n")
    extraction, _ = read(text)
    assert [(f.recipient, f.award, f.award_text, f.is_unit) for f in extraction.facts] == [
        ("灵宝市应急管理局", "通报嘉奖", "通报嘉奖", True),
        ("张建国", "三等功", "三等功", False),
    ]


def test_variant_prose_praise_and_conferred_titles(read):
    """给予A同志嘉奖 / 对A同志予以通报表扬 (persons), 对X、Y予以通报表扬 (each unit), and 授予A“X”称号
    for a person or a unit, whose award is the quoted title; 授予…等N名同志 counts the list below
    and is no recipient."""
    body = ("市政府决定，给予孙大伟同志记二等功奖励，给予李红同志嘉奖，对周涛同志予以通报表扬，"
            "对洛阳市财政局、洛阳市税务局予以通报表扬，"
            "授予王强同志“洛阳市见义勇为模范”称号，授予洛阳市消防救援支队“洛阳市抢险救灾先进集体”荣誉称号，"
            "授予张三等2名同志“洛阳市劳动模范”称号。")
    text = (f"洛阳市人民政府\n关于表彰抗洪抢险先进集体和先进个人的决定\n\n洛政〔2022〕30号\n\n"
            f"各县（市、区）人民政府：\n{body}\n\n洛阳市人民政府\n2022年8月1日\n")
    extraction, _ = read(text)
    assert [(f.recipient, f.award, f.is_unit) for f in extraction.facts] == [
        ("洛阳市财政局", "通报表扬", True), ("洛阳市税务局", "通报表扬", True),
        ("孙大伟", "二等功", False), ("李红", "嘉奖", False), ("周涛", "通报表扬", False),
        ("王强", "洛阳市见义勇为模范", False), ("洛阳市消防救援支队", "洛阳市抢险救灾先进集体", True),
    ]
    assert extraction.facts[3].source.quote == "李红同志嘉奖"


def test_variant_prose_awards_to_persons_listed(read):
    """给予A、B、C同志嘉奖 / 为D、E同志记三等功: each person listed, quoted from the name on."""
    body = "市政府决定，给予张三、李四、欧阳明同志嘉奖，为王五、赵六同志记三等功。"
    text = (f"洛阳市人民政府\n关于给予张三等同志嘉奖的决定\n\n洛政〔2022〕40号\n\n"
            f"各县（市、区）人民政府：\n{body}\n\n洛阳市人民政府\n2022年8月1日\n")
    extraction, _ = read(text)
    assert [(f.recipient, f.award) for f in extraction.facts] == [
        ("张三", "嘉奖"), ("李四", "嘉奖"), ("欧阳明", "嘉奖"), ("王五", "三等功"), ("赵六", "三等功")]
    assert extraction.facts[1].source.quote == "李四、欧阳明同志嘉奖"


@pytest.mark.parametrize("name", [
    "王伟",
    "刘洋",
    pytest.param("欧阳晓明"),
    pytest.param("呼延向阳"),
])
def test_variant_prose_merit_name_lengths(name, read):
    text = (f"灵宝市人民政府\n关于为{name}同志记功的决定\n\n灵政〔2022〕5号\n\n各乡（镇）人民政府：\n"
            f"市政府决定：为{name}同志记个人二等功。\n\n灵宝市人民政府\n2022年2月1日\n")
    extraction, _ = read(text)
    assert [(f.recipient, f.award) for f in extraction.facts] == [(name, "二等功")]
