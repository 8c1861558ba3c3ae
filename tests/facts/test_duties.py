"""Responsibilities: the units that lead or support each numbered task, in every list form."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphbuilder.facts import extract_duties
from graphbuilder.records import Assignment, DutyKind, Task

LEAD, SUPPORT = DutyKind.LEAD, DutyKind.SUPPORT


def split_facts(facts):
    return ([f for f in facts if isinstance(f, Task)], [f for f in facts if isinstance(f, Assignment)])


def units(assignments, task: str, kind: DutyKind | None = None) -> list[str]:
    return [a.unit for a in assignments if a.task == task and (kind is None or a.kind == kind)]


@pytest.fixture(scope="module")
def duties(document, vocab):
    """`duties(seed, number)` -> (tasks, assignments) of a seed document."""
    cache = {}

    def get(seed: str, number: str):
        if (seed, number) not in cache:
            cache[seed, number] = split_facts(extract_duties(document(seed, number), vocab).facts)
        return cache[seed, number]

    return get


def plan(body: str, number: str = "三政办〔2022〕8号") -> str:
    """A 市政府办公室 notice that prints a work plan after its signing date."""
    return ("三门峡市人民政府办公室\n关于印发三门峡市营商环境提升行动方案的通知\n\n" f"{number}\n\n"
            "各县（市、区）人民政府，市人民政府各部门：\n现将方案印发给你们，请认真贯彻落实。\n\n"
            "三门峡市人民政府办公室\n2022年7月1日\n\n三门峡市营商环境提升行动方案\n" f"{body}\n")


@pytest.fixture(scope="module")
def read(only_document, vocab):
    """`read(body)` -> (tasks, assignments, issue) for a written plan."""

    def get(body: str):
        issue, document = only_document(plan(body))
        extraction = extract_duties(document, vocab)
        tasks, assignments = split_facts(extraction.facts)
        for fact in extraction.facts:
            assert fact.source.quote == issue.text[fact.source.start:fact.source.end]
        return tasks, assignments, issue

    return get


# seeds: counts and integrity --------------------------------------------------------------

@pytest.mark.parametrize("seed,number,tasks,assignments,support", [
    ("001", "三政〔2019〕1号", 18, 83, 0),
    ("001", "三政办〔2018〕47号", 36, 54, 0),
    ("001", "三政办〔2018〕49号", 25, 97, 0),
    ("001", "三政办〔2019〕1号", 7, 7, 0),
    ("002", "三政办〔2020〕6号", 22, 130, 105),
    ("003", "三政〔2020〕6号", 15, 168, 153),
    ("003", "三政〔2020〕7号", 18, 71, 0),
])
def test_dev_document_counts(seed, number, tasks, assignments, support, duties):
    found_tasks, found = duties(seed, number)
    assert len({a.task for a in found}) == tasks
    assert len(found) == assignments
    assert sum(a.kind == SUPPORT for a in found) == support
    assert {t.path for t in found_tasks} >= {a.task for a in found}


@pytest.mark.parametrize("seed,number", [
    ("001", "三政〔2019〕3号"), ("001", "三政办〔2018〕46号"), ("001", "三政办〔2018〕48号"),
    ("001", "三政办〔2019〕2号"), ("001", "三政任〔2019〕2号"), ("003", "三政办文〔2020〕2号"),
])
def test_documents_without_duties(seed, number, duties):
    assert duties(seed, number)[1] == []


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_quotes_and_units_are_clean(seed, documents_of, seed_issue, vocab):
    text = seed_issue(seed).text
    for document in documents_of(seed):
        if not document.number:
            continue
        _, assignments = split_facts(extract_duties(document, vocab).facts)
        for a in assignments:
            assert a.source.quote == text[a.source.start:a.source.end]
            assert a.unit and not any(ch.isspace() for ch in a.unit + a.unit_printed), a
            assert a.unit.endswith(a.unit_printed) or a.unit_printed in a.unit, a
            assert "〔" not in a.unit and "等部门" not in a.unit, a
            assert a.task and a.task_title, a


# seeds: list forms -----------------------------------------------------------------------

def test_label_lines(duties):
    """000 三政办〔2019〕10号: `牵头单位：…。` and `配合单位：…。` lines after each item."""
    _, assignments = duties("000", "三政办〔2019〕10号")
    assert units(assignments, "一、(一)", LEAD) == ["市工业和信息化局"]
    assert units(assignments, "一、(一)", SUPPORT) == ["市发展改革委", "市科技局", "市投资集团", "各县（市、区）政府"]
    lead = next(a for a in assignments if a.task == "一、(一)" and a.kind == LEAD)
    assert (lead.list_label, lead.task_title, lead.source.line) == ("牵头单位", "保持工业稳定增长", 1032)
    assert units(assignments, "一、(三)", LEAD) == ["市商务局", "市发展改革委"]
    assert units(assignments, "二、(一)1.", LEAD) == ["市扶贫办"]


def test_label_lines_2021(duties):
    """004 三政办〔2021〕6号: a (一) heading line, a paragraph, then the label lines."""
    _, assignments = duties("004", "三政办〔2021〕6号")
    assert units(assignments, "一、(一)", LEAD) == ["市科技局"]
    assert units(assignments, "一、(一)", SUPPORT) == ["市工业和信息化局", "各县（市、区）政府"]
    assert units(assignments, "一、(三)", LEAD) == [
        "市发展改革委", "市财政局", "市税务局", "市金融局", "市委人才办", "市人力资源社会保障局"]
    support = units(assignments, "一、(二)", SUPPORT)
    assert support[:3] == ["市工业和信息化局", "市卫生健康委", "市教育局"]
    assert "市消防救援支队" in support and support[-1] == "各县（市、区）政府"    # `…等部门` dropped


def test_responsibility_brackets(duties):
    """001 三政办〔2018〕49号 `（责任单位：…）`: the only list, so lead."""
    _, assignments = duties("001", "三政办〔2018〕49号")
    assert units(assignments, "三、(一)1.") == [
        "市住房城乡建设局", "市发展改革委", "市财政局", "市交通运输局", "市水利局", "各县（市、区）政府"]
    assert {(a.kind, a.list_label) for a in assignments} == {(LEAD, "责任单位")}


def test_list_wrapped_over_lines(duties):
    """001 49号 三、(三)6.: `（责任` at a line end, `单位：…）` two lines below."""
    _, assignments = duties("001", "三政办〔2018〕49号")
    rows = [(a.unit, a.unit_printed, a.source.line) for a in assignments if a.task == "三、(三)6."]
    assert rows == [("市住房城乡建设局", "市住房城乡建设局", 632), ("市财政局", "财政局", 632),
                    ("市工业和信息化委", "工业和信息化委", 632)]
    quote = next(a.source.quote for a in assignments if a.task == "三、(三)6.")
    assert quote.startswith("（责任") and quote.endswith("工业和信息化委）") and "\n" in quote


def test_main_and_related_units(duties):
    """002 `（主要责任单位：…；相关责任单位：…）`: lead and support."""
    _, assignments = duties("002", "三政办〔2020〕6号")
    assert units(assignments, "一、", LEAD) == ["市人力资源社会保障局"]
    assert units(assignments, "一、", SUPPORT) == [
        "市发展改革委", "市教育局", "市工业和信息化局", "市政府国资委", "市科技局", "市退役军人局",
        "市民政局", "市市场监管局", "市财政局", "各县（市、区）政府"]
    assert units(assignments, "二、", SUPPORT) == [
        "市自然资源规划局", "湖滨区政府", "陕州区政府", "城乡一体化示范区管委会", "开发区管委会"]


@pytest.mark.parametrize("task,lead,support,labels", [
    ("五、5.", ["市投资集团"], ["市卫生健康委", "湖滨区政府"], {"主要责任单位", "相关责任单位"}),
    ("五、6.", ["市卫生健康委"], ["市财政局", "义马市政府", "渑池县政府", "陕州区政府", "灵宝市政府", "卢氏县政府"],
     {"主要责任部门", "相关责任部门"}),
    ("六、", ["三门峡供电公司"], ["市自然资源规划局", "各县（市、区）政府"], {"主要责任单位", "相关责任部门"}),
    ("七、", ["市教育局"], ["市发展改革委", "灵宝市政府"], {"主要责任单位", "相关责任单位"}),
])
def test_half_width_punctuation(task, lead, support, labels, duties):
    """002 prints some lists `(主要责任单位:…;相关责任单位:…,…)` and uses 部门 for 单位."""
    _, assignments = duties("002", "三政办〔2020〕6号")
    assert units(assignments, task, LEAD) == lead
    assert units(assignments, task, SUPPORT) == support
    assert {a.list_label for a in assignments if a.task == task} == labels


@pytest.mark.parametrize("task,line", [("四、2.", 33), ("七、", 59)])
def test_list_on_its_own_paragraph(task, line, duties):
    """A list printed as a paragraph of its own belongs to the item above it."""
    _, assignments = duties("002", "三政办〔2020〕6号")
    assert {a.source.line for a in assignments if a.task == task} == {line}
    assert units(assignments, task, LEAD)


def test_responsible_units_in_brackets(duties):
    """001 三政〔2019〕1号 `（市发展改革委、商务局负责）`: lead, label （…负责）."""
    _, assignments = duties("001", "三政〔2019〕1号")
    assert units(assignments, "一、(一)") == ["市发展改革委", "市商务局"]
    assert units(assignments, "一、(二)") == [
        "市发展改革委", "市工业和信息化委", "市商务局", "市交通运输局", "市文化广电新闻出版局", "市教育局",
        "市旅游发展委", "人行三门峡市中心支行", "各县（市、区）政府"]
    assert units(assignments, "二、(一)") == ["市财政局", "市审计局", "市商务局", "各县（市、区）政府"]
    assert {(a.kind, a.list_label) for a in assignments} == {(LEAD, "（…负责）")}


def test_lead_and_support_by_duty(duties):
    """003 三政〔2020〕6号 `（市卫生健康委牵头，…按职责分工负责）`."""
    _, assignments = duties("003", "三政〔2020〕6号")
    assert units(assignments, "二、(一)1.", LEAD) == ["市卫生健康委"]
    support = [a for a in assignments if a.task == "二、(一)1." and a.kind == SUPPORT]
    assert support[0].unit == "市委宣传部" and support[0].list_label == "按职责分工负责"
    assert {a.list_label for a in assignments if a.kind == LEAD} == {"牵头"}
    assert units(assignments, "二、(一)3.", LEAD) == ["市体育局"]                  # list on its own paragraph
    assert {a.source.line for a in assignments if a.task == "二、(一)3."} == {468}


def test_numbering_paths(duties):
    _, assignments = duties("000", "三政办〔2019〕10号")
    paths = {a.task for a in assignments}
    assert {"一、(一)", "二、(一)1.", "二、(二)4.", "二、(三)2."} <= paths
    _, assignments = duties("002", "三政办〔2020〕6号")
    assert {"一、", "四、1.", "十、4."} <= {a.task for a in assignments}


def test_task_parents(duties):
    tasks, _ = duties("001", "三政办〔2018〕49号")
    by_path = {t.path: t for t in tasks}
    assert by_path["三、(三)6."].parent == "三、(三)"
    assert by_path["四、(一)"].parent == "四、"


def test_duty_tables_numbered_over_both_tables(duties):
    """001 三政办〔2018〕47号: 附件1 (14 rows, 续表 from 表8) and 附件2 (22 rows, 续表 from 表25)."""
    tasks, assignments = duties("001", "三政办〔2018〕47号")
    assert sorted({a.task for a in assignments}, key=lambda t: int(t[1:])) == [f"表{k}" for k in range(1, 37)]
    line_of = {a.task: a.source.line for a in assignments}
    assert (line_of["表1"], line_of["表7"], line_of["表8"], line_of["表14"]) == (401, 407, 412, 418)
    assert (line_of["表15"], line_of["表24"], line_of["表25"], line_of["表36"]) == (425, 434, 439, 450)
    assert units(assignments, "表31") == ["市发展改革委（粮食局）"]
    assert units(assignments, "表36") == ["市发展改革委"]
    assert units(assignments, "表1") == ["各县（市、区）政府", "市政府有关部门"]
    assert units(assignments, "表5") == [
        "各县（市、区）政府", "市工业和信息化委", "市交通运输局", "市住房城乡建设局", "市文化广电新闻出版局",
        "市旅游发展委", "市卫生计生委", "市教育局", "市安全监管局", "市商务局"]
    assert {(a.kind, a.list_label) for a in assignments} == {(LEAD, "责任单位")}
    assert next(a.deadline for a in assignments if a.task == "表1") == "2018年12月月底前"
    assert all(t.parent == "" for t in tasks)


def test_duty_paragraphs(duties):
    """001 三政办〔2019〕1号 三、职责分工: each paragraph opens with its unit."""
    _, assignments = duties("001", "三政办〔2019〕1号")
    assert [(a.task, a.unit, a.kind, a.list_label) for a in assignments] == [
        ("三、(一)", "市大数据管理部门", LEAD, "职责分工"),
        ("三、(二)", "市工商部门", LEAD, "职责分工"),
        ("三、(三)", "市公安部门", LEAD, "职责分工"),
        ("三、(四)", "市税务部门", LEAD, "职责分工"),
        ("三、(五)", "市人力资源社会保障部门", LEAD, "职责分工"),
        ("三、(六)", "市邮政公司", LEAD, "职责分工"),             # printed `(六) 市邮政公司。`
        ("三、(七)", "各银行业金融机构", LEAD, "职责分工"),
    ]


# written variants ----------------------------------------------------------------------

def rows(assignments):
    return [(a.task, a.unit, a.kind, a.list_label) for a in assignments]


def test_variant_label_lines(read):
    _, assignments, _ = read(
        "一、重点任务\n（一）压缩开办时间。全面推行一网通办。\n牵头单位：市市场监管局。\n"
        "配合单位：市公安局、税务局、人力资源社会保障局，各县（市、区）政府。\n"
        "（二）优化纳税服务。推行电子税务局。\n责任单位：市税务局、财政局。")
    assert rows(assignments) == [
        ("一、(一)", "市市场监管局", LEAD, "牵头单位"),
        ("一、(一)", "市公安局", SUPPORT, "配合单位"),
        ("一、(一)", "市税务局", SUPPORT, "配合单位"),
        ("一、(一)", "市人力资源社会保障局", SUPPORT, "配合单位"),
        ("一、(一)", "各县（市、区）政府", SUPPORT, "配合单位"),
        ("一、(二)", "市税务局", LEAD, "责任单位"),
        ("一、(二)", "市财政局", LEAD, "责任单位"),
    ]
    assert assignments[0].task_title == "压缩开办时间"


def test_variant_brackets_full_and_half_width(read):
    _, assignments, _ = read(
        "一、压缩开办时间。全面推行一网通办。（责任单位：市市场监管局、公安局、税务局）\n"
        "二、优化纳税服务。推行电子税务局。（主要责任单位：市税务局；相关责任单位：市财政局、医保局）\n"
        "三、降低用电成本。推进直供电。(主要责任单位:三门峡供电公司;相关责任单位:市发展改革委,各县〔市、区〕政府)")
    assert rows(assignments) == [
        ("一、", "市市场监管局", LEAD, "责任单位"),
        ("一、", "市公安局", LEAD, "责任单位"),
        ("一、", "市税务局", LEAD, "责任单位"),
        ("二、", "市税务局", LEAD, "主要责任单位"),
        ("二、", "市财政局", SUPPORT, "相关责任单位"),
        ("二、", "市医保局", SUPPORT, "相关责任单位"),
        ("三、", "三门峡供电公司", LEAD, "主要责任单位"),
        ("三、", "市发展改革委", SUPPORT, "相关责任单位"),
        ("三、", "各县（市、区）政府", SUPPORT, "相关责任单位"),
    ]
    assert [a.unit_printed for a in assignments][:3] == ["市市场监管局", "公安局", "税务局"]


def test_variant_inline_lists(read):
    _, assignments, _ = read(
        "一、扩大开放\n（一）引进外资。支持外资企业。（市商务局、发展改革委负责）\n"
        "（二）健康促进。开展全民健身。（市卫生健康委牵头，市教育局、体育局按职责分工负责）")
    assert rows(assignments) == [
        ("一、(一)", "市商务局", LEAD, "（…负责）"),
        ("一、(一)", "市发展改革委", LEAD, "（…负责）"),
        ("一、(二)", "市卫生健康委", LEAD, "牵头"),
        ("一、(二)", "市教育局", SUPPORT, "按职责分工负责"),
        ("一、(二)", "市体育局", SUPPORT, "按职责分工负责"),
    ]


def test_variant_bracket_that_is_not_a_list(read):
    _, assignments, _ = read("一、建设场馆。建成“两场三馆”（体育场、体育馆、游泳馆）。（责任单位：市体育局）")
    assert rows(assignments) == [("一、", "市体育局", LEAD, "责任单位")]


def test_variant_list_on_own_paragraph_and_wrapped(read):
    _, assignments, issue = read(
        "一、加强监管\n1. 开展专项检查。每季度一次。\n\n（责任单位：市应急局、消防救援支队）\n"
        "2. 建立台账。做到底数清。（责任单位：市应急局、\n住房城乡建设局、交通运输局）")
    assert rows(assignments) == [
        ("一、1.", "市应急局", LEAD, "责任单位"),
        ("一、1.", "市消防救援支队", LEAD, "责任单位"),
        ("一、2.", "市应急局", LEAD, "责任单位"),
        ("一、2.", "市住房城乡建设局", LEAD, "责任单位"),
        ("一、2.", "市交通运输局", LEAD, "责任单位"),
    ]
    own = assignments[0].source
    assert issue.text.split("\n")[own.line - 1] == "（责任单位：市应急局、消防救援支队）"
    assert assignments[0].task_title == "开展专项检查"
    assert "\n" in assignments[-1].source.quote


def test_variant_deep_numbering(read):
    tasks, assignments, _ = read(
        "三、保障措施\n（一）完善机制\n1. 建立联席会议。定期会商。（责任单位：市发展改革委）\n"
        "2. 强化督查。（责任单位：市政府督查室）\n（二）加强宣传\n1. 营造氛围。（责任单位：市委宣传部）")
    assert [(a.task, a.unit) for a in assignments] == [
        ("三、(一)1.", "市发展改革委"), ("三、(一)2.", "市政府督查室"), ("三、(二)1.", "市委宣传部")]
    parents = {t.path: t.parent for t in tasks}
    assert parents["三、(一)1."] == "三、(一)" and parents["三、(二)1."] == "三、(二)"


def test_variant_table_with_continuation(read):
    tasks, assignments, _ = read(
        "附件\n重点任务分工表\n| 重点任务 | 责任单位 | 完成时限 |\n"
        "| 梳理审批事项清单。 | 市政务服务中心 | 2022年8月底前 |\n"
        "| 推行容缺受理。 | 市政务服务中心、市场监管局 | 2022年9月底前 |\n"
        "续表\n| 重点任务 | 责任单位 | 完成时限 |\n"
        "| 开展第三方评估。 | 市发展改革委 | 2022年12月底前 |")
    assert [(a.task, a.unit, a.deadline) for a in assignments] == [
        ("表1", "市政务服务中心", "2022年8月底前"),
        ("表2", "市政务服务中心", "2022年9月底前"),
        ("表2", "市市场监管局", "2022年9月底前"),
        ("表3", "市发展改革委", "2022年12月底前"),
    ]
    assert {t.path: t.title for t in tasks} == {"表1": "梳理审批事项清单", "表2": "推行容缺受理", "表3": "开展第三方评估"}


def test_variant_tab_table(read):
    _, assignments, _ = read(
        "行业职责\t责任单位\t完成时限\n组织、指导、监督全市粮食储备系统双重预防体系建设。\t市发展改革委（粮食局）\t2019年12月月底前\n"
        "组织、指导、监督全市司法系统双重预防体系建设。\t市司法局\t2019年12月月底前")
    assert [(a.task, a.unit) for a in assignments] == [("表1", "市发展改革委（粮食局）"), ("表2", "市司法局")]


def test_variant_duty_section(read):
    _, assignments, _ = read(
        "一、工作目标\n全面提速。\n二、职责分工\n（一）市大数据管理部门。负责平台建设。\n"
        "（二）市公安部门。负责印章备案。\n(三) 市邮政公司。负责寄递。\n三、工作要求\n（一）加强领导。各部门要高度重视。")
    assert rows(assignments) == [
        ("二、(一)", "市大数据管理部门", LEAD, "职责分工"),
        ("二、(二)", "市公安部门", LEAD, "职责分工"),
        ("二、(三)", "市邮政公司", LEAD, "职责分工"),
    ]


def test_variant_prose_mentions_are_not_assignments(read):
    _, assignments, _ = read("一、加强领导。税务部门要牵头研究解决有关问题，财政部门要给予支持。")
    assert assignments == []


@pytest.mark.xfail(strict=True, reason=(
    "the implicit prefix is only spread for 市: in a county notice `县公安局、税务局` gives "
    "`税务局`, not `县税务局` (units._add_city_prefix)"))
def test_variant_county_prefix(read):
    _, assignments, _ = read("一、压缩开办时间。全面推行一网通办。（责任单位：县市场监管局、公安局、税务局）")
    assert [a.unit for a in assignments] == ["县市场监管局", "县公安局", "县税务局"]


def test_variant_other_labels_end_a_list(read):
    """责任领导：… and 完成时限：… beside the unit lists (in brackets or on a label line) are not
    units: a `，` or `；` before a label ends the list; the deadline is the assignments'."""
    _, assignments, _ = read(
        "一、优化审批\n1. 推行容缺受理。（责任领导：张三；牵头单位：市政务服务中心；配合单位：市市场监管局，完成时限：2022年9月底）\n"
        "2. 开展第三方评估。\n责任领导：李四\n牵头单位：市发展改革委，完成时限：2022年12月底前")
    assert [(a.task, a.unit, a.kind, a.deadline) for a in assignments] == [
        ("一、1.", "市政务服务中心", DutyKind.LEAD, "2022年9月底"),
        ("一、1.", "市市场监管局", DutyKind.SUPPORT, "2022年9月底"),
        ("一、2.", "市发展改革委", DutyKind.LEAD, "2022年12月底前"),
    ]


def test_variant_table_with_lead_and_support_columns(read, only_document, vocab):
    """A table's every unit column is read with its own label (牵头单位 lead, 配合单位 support);
    the header row is boilerplate, so no line is left unaccounted."""
    from graphbuilder.facts import extract
    from graphbuilder.records import LineStatus

    body = ("营商环境提升重点任务分工\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
            "1\t实施城市更新行动\t市住房城乡建设局\t市自然资源规划局、市财政局\t2022年底")
    _, assignments, _ = read(body)
    assert [(a.unit, a.kind, a.list_label, a.deadline) for a in assignments] == [
        ("市住房城乡建设局", DutyKind.LEAD, "牵头单位", "2022年底"),
        ("市自然资源规划局", DutyKind.SUPPORT, "配合单位", "2022年底"),
        ("市财政局", DutyKind.SUPPORT, "配合单位", "2022年底"),
    ]
    found = extract(only_document(plan(body))[1], vocab)
    assert found.coverage is not None and len(found.coverage.lines) == 3
    assert [a.text for a in found.coverage.lines if a.status is LineStatus.UNREAD] == []


@given(st.lists(st.tuples(st.sampled_from(["牵头单位", "配合单位", "完成时限", "责任领导"]),
                          st.text(alphabet="市局委、（）办0123456789年月底", min_size=1, max_size=12)),
                min_size=1, max_size=4),
       st.lists(st.sampled_from("；，"), min_size=4, max_size=4))
def test_labelled_parts_split_a_list_at_each_label(parts, separators):
    from graphbuilder.facts.duties import labelled_parts

    text = "".join(f"{separators[k] if k else ''}{label}：{body}" for k, (label, body) in enumerate(parts))
    found = labelled_parts(text)
    assert [(label, text[a:b]) for label, a, b in found] == [(label, body.removesuffix("。")) for label, body in parts]


def test_variant_circled_numbers_and_inline_labels(read):
    """① ② number the deepest items, 1） like （1）; a unit label after an item's sentence on its
    own line (…传染病医院。责任单位：…) is a label line."""
    _, assignments, _ = read(
        "二、医疗类\n（1）建设市传染病医院。责任单位：市卫生健康委\n2）建设市急救中心。主要责任单位：市卫生健康委；"
        "相关责任单位：市财政局\n① 推进家庭医生签约服务。（牵头单位：市医保局）\n② 开展免费筛查。（市妇幼保健院负责）")
    assert [(a.task, a.unit, a.kind) for a in assignments] == [
        ("二、(1)", "市卫生健康委", DutyKind.LEAD),
        ("二、(2)", "市卫生健康委", DutyKind.LEAD), ("二、(2)", "市财政局", DutyKind.SUPPORT),
        ("二、(2)①", "市医保局", DutyKind.LEAD), ("二、(2)②", "市妇幼保健院", DutyKind.LEAD),
    ]


@pytest.mark.parametrize("line, label, level", [
    ("①推进", "①", 4), ("⑳推进", "⑳", 4), ("1）推进", "(1)", 3), ("（12）推进", "(12)", 3), ("12.推进", "12.", 2),
])
def test_markers_of_every_level(line, label, level):
    from graphbuilder.facts.tasks import marker

    found = marker(line)
    assert (found.label, found.level, line[found.length:]) == (label, level, "推进")


def test_variant_lead_marked_in_a_list_of_responsible_units(read):
    """责任单位：X（牵头）、Y、Z: X leads, Y and Z support; the unit is named without the mark."""
    _, assignments, _ = read(
        "一、稳增长\n1. 固定资产投资增长10%。\n责任单位：市发展改革委（牵头）、市住房城乡建设局、市交通运输局\n"
        "2. 社会消费品零售总额增长9%。（责任单位：市商务局(牵头)，市统计局）\n3. 稳定就业。（责任单位：市人社局）")
    assert [(a.task, a.unit, a.kind, a.unit_printed) for a in assignments] == [
        ("一、1.", "市发展改革委", DutyKind.LEAD, "市发展改革委（牵头）"),
        ("一、1.", "市住房城乡建设局", DutyKind.SUPPORT, "市住房城乡建设局"),
        ("一、1.", "市交通运输局", DutyKind.SUPPORT, "市交通运输局"),
        ("一、2.", "市商务局", DutyKind.LEAD, "市商务局（牵头）"),
        ("一、2.", "市统计局", DutyKind.SUPPORT, "市统计局"),
        ("一、3.", "市人社局", DutyKind.LEAD, "市人社局"),
    ]


def test_variant_units_in_a_closing_sentence(read):
    """由X牵头，Y配合。/ X牵头，Y配合。/ X负责，Y配合。/ X、Y负责。 closing an item without brackets
    name its units; a closing sentence of words that are not units names none."""
    _, assignments, _ = read(
        "一、稳增长\n1. 固定资产投资增长10%。由市发展改革委牵头，市住房城乡建设局、市交通运输局配合。\n"
        "2. 社会消费品零售总额增长9%。市商务局牵头，市统计局配合。\n3. 推进减税降费。市财政局、市税务局负责。\n"
        "4. 优化营商环境。各地各部门要高度重视，认真负责。\n5. 推进政务服务。市政务服务中心负责，市大数据局、市司法局配合。\n"
        "6. 做好安全生产。各地要落实属地责任，负责到底，形成合力配合。")
    assert [(a.task, a.unit, a.kind) for a in assignments] == [
        ("一、1.", "市发展改革委", DutyKind.LEAD), ("一、1.", "市住房城乡建设局", DutyKind.SUPPORT),
        ("一、1.", "市交通运输局", DutyKind.SUPPORT), ("一、2.", "市商务局", DutyKind.LEAD),
        ("一、2.", "市统计局", DutyKind.SUPPORT), ("一、3.", "市财政局", DutyKind.LEAD), ("一、3.", "市税务局", DutyKind.LEAD),
        ("一、5.", "市政务服务中心", DutyKind.LEAD), ("一、5.", "市大数据局", DutyKind.SUPPORT),
        ("一、5.", "市司法局", DutyKind.SUPPORT),
    ]


def test_variant_responsible_units_beside_a_lead_support(read):
    """责任单位 leads when it is the only list, and supports beside 牵头单位: in a bracket (its labels
    parted by a space only), on label lines and in a table whose rows open with a 序号 column."""
    tasks, assignments, _ = read(
        "1.新建改建城市道路20条。（牵头单位：市住房城乡建设局；责任单位：市财政局、各县区政府）\n"
        "2.新增养老床位1000张。（牵头单位：市民政局　责任单位：市卫生健康委）\n"
        "3.建设市传染病医院。\n牵头单位：市卫生健康委\n责任单位：市财政局\n"
        "4.开展全民健身活动。（责任单位：市体育局、市教育局）\n\n"
        "序号\t工作任务\t牵头单位\t责任单位\t完成时限\n1\t改造老旧小区100个\t市住房城乡建设局\t市财政局\t2022年12月底\n")
    assert sorted((a.task, a.unit, a.kind) for a in assignments) == sorted([
        ("1.", "市住房城乡建设局", DutyKind.LEAD), ("1.", "市财政局", DutyKind.SUPPORT),
        ("1.", "各县区政府", DutyKind.SUPPORT), ("2.", "市民政局", DutyKind.LEAD),
        ("2.", "市卫生健康委", DutyKind.SUPPORT), ("3.", "市卫生健康委", DutyKind.LEAD),
        ("3.", "市财政局", DutyKind.SUPPORT), ("4.", "市体育局", DutyKind.LEAD), ("4.", "市教育局", DutyKind.LEAD),
        ("表1", "市住房城乡建设局", DutyKind.LEAD), ("表1", "市财政局", DutyKind.SUPPORT),
    ])
    assert {t.path: t.title for t in tasks}["表1"] == "改造老旧小区100个"
    assert [a.deadline for a in assignments if a.task == "表1"] == ["2022年12月底"] * 2


def test_variant_duty_paragraphs_with_a_colon(read):
    """A 职责分工 paragraph opening with its unit and a colon (（二）市公安局：负责…) as with a 。;
    a duty label there (牵头单位：) is no unit."""
    tasks, assignments, _ = read(
        "一、部门职责分工\n（一）市应急管理局。负责全市安全生产综合监督管理工作。\n"
        "（二）市公安局：负责道路交通安全管理工作。\n（三）牵头单位：市住房城乡建设局\n")
    assert rows(assignments) == [
        ("一、(一)", "市应急管理局", LEAD, "职责分工"), ("一、(二)", "市公安局", LEAD, "职责分工")]
    assert {t.path: t.title for t in tasks}["一、(二)"] == "负责道路交通安全管理工作"


def test_variant_units_responsible_by_their_duties(read):
    """（X、Y按职责分工负责） with no lead named: X and Y are responsible, each a lead; beside a
    牵头 unit the same words support."""
    _, assignments, _ = read(
        "一、优化政务服务\n1.推进一网通办。（市发展改革委、市财政局按职责分工负责）\n"
        "2.推行告知承诺制。（市司法局牵头，市直各有关部门按职责分工负责）\n")
    assert [(a.task, a.unit, a.kind) for a in assignments] == [
        ("一、1.", "市发展改革委", LEAD), ("一、1.", "市财政局", LEAD),
        ("一、2.", "市司法局", LEAD), ("一、2.", "市直各有关部门", DutyKind.SUPPORT)]
