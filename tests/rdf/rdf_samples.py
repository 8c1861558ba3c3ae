"""Hand-made Documents and fact records for the graph tests, from lines of the seed gazettes.

Offsets are found in the miniature issue texts, so ``text[start:end] == quote`` holds
as it does for real extractions. One removal (詹传江 不再担任…) is invented so that a
tenure both opens and closes.
"""
from __future__ import annotations

import re

from graphbuilder.records import (Action, Appointment, Assignment, Commendation, Document,
                                  DocumentResult, DutyKind, Group, Membership, Office, Source, Task)

ISSUE_A = "001_511888d95ad1bf48"
TEXT_A = """\
三门峡市人民政府 关于詹传江等 4 人任职的通知
三政任〔2018〕2 号
经市人民政府研究，决定：
任命詹传江为三门峡市住房和城乡建设局副调研员；
任命赵国选为三门峡市退役军人事务局副局长，免去其三门峡市民政局副局长职务；
三门峡市人民政府
2018年11月30日
三门峡市人民政府 关于张天生等 19 人职务任免的通知
三政任〔2019〕1 号
任命李毅（女）为三门峡经济开发区管理委员会副主任；
任命王东春为三门峡市政府发展研究中心主任（正县级）（试用期一年），免去其三门峡市人民政府副秘书长职务；
詹传江不再担任三门峡市住房和城乡建设局副调研员职务；
2019年1月31日
三门峡市人民政府 关于表彰新能源汽车产业发展工作先进单位和 先进个人的决定
三政〔2019〕8号
一、嘉奖（共 4 人）
李发军 三门峡市人大常委会
三、先进单位（共 6 个）
三门峡市工业和信息化局
2019年5月28日
三门峡市人民政府办公室 关于印发三门峡市建筑业转型发展实施方案的通知
三政办〔2018〕49号
（一）加强组织领导。成立三门峡市促进建筑业转型发展工作领导小组，由市长任组长，常务副市长任常务副组长。领导小组下设办公室，办公室设在市住房城乡建设局，市住房城乡建设局局长兼办公室主任。
2018年12月29日
三门峡市人民政府办公室 关于印发深化安全隐患双重预防体系建设综合实施方案的通知
三政办〔2018〕47号
制定本地区、本行业综合实施方案和行业专项实施方案。\t各县（市、区）政府，市政府有关部门\t2018年12月月底前
2018年12月29日
"""

ISSUE_B = "003_e3b2b8ae44c3b319"
TEXT_B = """\
三门峡市人民政府办公室 关于成立三门峡市中国天然氧吧城市创建工作领导小组的通知
三政办文〔2020〕2 号
组 长：安 伟（市长）
常务副组长：高永瑞（副市长）
副 组 长：聂建英（市政府副秘书长）
领导小组下设办公室，办公室设在市气象局，柴贵海同志兼办公室主任。
2020年1月21日
三门峡市人民政府 关于实施健康三门峡行动的实施意见
三政〔2020〕6号
1. 实施健康知识普及行动。向社会公众普及维护健康的知识与技能。（市卫生健康委牵头，市委宣传部、市科技局、工业和信息化局按职责分工负责）
2020年5月11日
"""


def src(text: str, number: str, quote: str, after: str = "") -> Source:
    """The Source of the first ``quote`` in ``text`` (after the first ``after``)."""
    start = text.index(quote, text.index(after) if after else 0)
    return Source("".join(number.split()), start, start + len(quote), quote, text.count("\n", 0, start) + 1)


def document(issue: str, text: str, printed: str, title: str, issuer: str, date: str, section: str = "") -> Document:
    """A Document from its title line to its date line (ISO date)."""
    start = text.index(title)
    y, m, d = date.split("-")
    signed = f"{int(y)}年{int(m)}月{int(d)}日"
    end = text.index(signed, start) + len(signed)
    return Document(issue, f"seeds/{issue}.txt", re.sub(r"\s+", "", printed), printed, "".join(title.split()),
                    issuer, date, section, start, end, text[start:end], text.count("\n", 0, start) + 1)


def appointments_2018() -> DocumentResult:
    doc = document(ISSUE_A, TEXT_A, "三政任〔2018〕2 号", "三门峡市人民政府 关于詹传江等 4 人任职的通知",
                   "三门峡市人民政府", "2018-11-30", "人事任免")
    n, t = doc.number, TEXT_A
    return DocumentResult(doc, [
        Appointment("詹传江", Action.APPOINT, "三门峡市住房和城乡建设局副调研员", "三门峡市住房和城乡建设局",
                    "副调研员", (), "", src(t, n, "任命詹传江为三门峡市住房和城乡建设局副调研员")),
        Appointment("赵国选", Action.APPOINT, "三门峡市退役军人事务局副局长", "三门峡市退役军人事务局", "副局长",
                    (), "", src(t, n, "任命赵国选为三门峡市退役军人事务局副局长")),
        Appointment("赵国选", Action.REMOVE, "三门峡市民政局副局长", "三门峡市民政局", "副局长", (), "",
                    src(t, n, "免去其三门峡市民政局副局长职务")),
    ])


def appointments_2019() -> DocumentResult:
    doc = document(ISSUE_A, TEXT_A, "三政任〔2019〕1 号", "三门峡市人民政府 关于张天生等 19 人职务任免的通知",
                   "三门峡市人民政府", "2019-01-31", "人事任免")
    n, t = doc.number, TEXT_A
    return DocumentResult(doc, [
        Appointment("李毅", Action.APPOINT, "三门峡经济开发区管理委员会副主任", "三门峡经济开发区管理委员会",
                    "副主任", (), "female", src(t, n, "任命李毅（女）为三门峡经济开发区管理委员会副主任")),
        Appointment("王东春", Action.APPOINT, "三门峡市政府发展研究中心主任", "三门峡市政府发展研究中心", "主任",
                    ("正县级", "试用期一年"), "", src(t, n, "任命王东春为三门峡市政府发展研究中心主任（正县级）（试用期一年）")),
        Appointment("王东春", Action.REMOVE, "三门峡市人民政府副秘书长", "三门峡市人民政府", "副秘书长", (), "",
                    src(t, n, "免去其三门峡市人民政府副秘书长职务")),
        Appointment("詹传江", Action.REMOVE, "三门峡市住房和城乡建设局副调研员", "三门峡市住房和城乡建设局",
                    "副调研员", (), "", src(t, n, "詹传江不再担任三门峡市住房和城乡建设局副调研员职务")),
    ])


def commendations() -> DocumentResult:
    doc = document(ISSUE_A, TEXT_A, "三政〔2019〕8号", "三门峡市人民政府 关于表彰新能源汽车产业发展工作先进单位和 先进个人的决定",
                   "三门峡市人民政府", "2019-05-28", "市政府文件")
    n, t = doc.number, TEXT_A
    return DocumentResult(doc, [
        Commendation("李发军", "三门峡市人大常委会", "嘉奖", "嘉奖", False, src(t, n, "李发军 三门峡市人大常委会")),
        Commendation("三门峡市工业和信息化局", "", "先进单位", "先进单位", True,
                     src(t, n, "三门峡市工业和信息化局", "三、先进单位")),
    ])


def prose_group() -> DocumentResult:
    doc = document(ISSUE_A, TEXT_A, "三政办〔2018〕49号", "三门峡市人民政府办公室 关于印发三门峡市建筑业转型发展实施方案的通知",
                   "三门峡市人民政府办公室", "2018-12-29")
    n, t = doc.number, TEXT_A
    group = "三门峡市促进建筑业转型发展工作领导小组"
    return DocumentResult(doc, [
        Group(group, "leading_group", "", src(t, n, "成立三门峡市促进建筑业转型发展工作领导小组")),
        Membership(group, "", "组长", "市长", True, (), src(t, n, "由市长任组长")),
        Membership(group, "", "常务副组长", "常务副市长", True, (), src(t, n, "常务副市长任常务副组长")),
        Membership(group, "", "办公室主任", "市住房城乡建设局局长", True, ("兼",),
                   src(t, n, "市住房城乡建设局局长兼办公室主任")),
        Office(group, "市住房城乡建设局", src(t, n, "办公室设在市住房城乡建设局")),
    ])


def duty_table() -> DocumentResult:
    doc = document(ISSUE_A, TEXT_A, "三政办〔2018〕47号",
                   "三门峡市人民政府办公室 关于印发深化安全隐患双重预防体系建设综合实施方案的通知",
                   "三门峡市人民政府办公室", "2018-12-29")
    n, t = doc.number, TEXT_A
    title = "制定本地区、本行业综合实施方案和行业专项实施方案"
    return DocumentResult(doc, [
        Assignment("表1", title, "各县（市、区）政府", "各县（市、区）政府", DutyKind.LEAD, "责任单位",
                   "2018年12月月底前", src(t, n, "各县（市、区）政府")),
        Assignment("表1", title, "市政府有关部门", "市政府有关部门", DutyKind.LEAD, "责任单位",
                   "2018年12月月底前", src(t, n, "市政府有关部门", "各县（市、区）政府，")),
    ])


def roster() -> DocumentResult:
    doc = document(ISSUE_B, TEXT_B, "三政办文〔2020〕2 号",
                   "三门峡市人民政府办公室 关于成立三门峡市中国天然氧吧城市创建工作领导小组的通知",
                   "三门峡市人民政府办公室", "2020-01-21", "市政府办公室文件")
    n, t = doc.number, TEXT_B
    group = "三门峡市中国天然氧吧城市创建工作领导小组"
    return DocumentResult(doc, [
        Group(group, "leading_group", "", src(t, n, group)),
        Membership(group, "安伟", "组长", "市长", False, (), src(t, n, "组 长：安 伟（市长）")),
        Membership(group, "高永瑞", "常务副组长", "副市长", False, (), src(t, n, "常务副组长：高永瑞（副市长）")),
        Membership(group, "聂建英", "副组长", "市政府副秘书长", False, (), src(t, n, "副 组 长：聂建英（市政府副秘书长）")),
        Membership(group, "柴贵海", "办公室主任", "", False, ("兼",), src(t, n, "柴贵海同志兼办公室主任")),
        Office(group, "市气象局", src(t, n, "办公室设在市气象局")),
    ])


def health_plan() -> DocumentResult:
    doc = document(ISSUE_B, TEXT_B, "三政〔2020〕6号", "三门峡市人民政府 关于实施健康三门峡行动的实施意见",
                   "三门峡市人民政府", "2020-05-11", "市政府文件")
    n, t = doc.number, TEXT_B
    path, title = "二、(一)1.", "实施健康知识普及行动"
    line = "1. 实施健康知识普及行动。向社会公众普及维护健康的知识与技能。"
    lead = dict(task=path, task_title=title, deadline="")
    return DocumentResult(doc, [
        Task(path, title, "实施健康知识普及行动。向社会公众普及维护健康的知识与技能。", "二、(一)", src(t, n, line)),
        Assignment(unit="市卫生健康委", unit_printed="市卫生健康委", kind=DutyKind.LEAD, list_label="牵头",
                   source=src(t, n, "市卫生健康委"), **lead),
        Assignment(unit="市委宣传部", unit_printed="市委宣传部", kind=DutyKind.SUPPORT, list_label="按职责分工负责",
                   source=src(t, n, "市委宣传部"), **lead),
        Assignment(unit="市工业和信息化局", unit_printed="工业和信息化局", kind=DutyKind.SUPPORT,
                   list_label="按职责分工负责", source=src(t, n, "工业和信息化局", "市科技局"), **lead),
    ])


def all_results() -> list[DocumentResult]:
    return [appointments_2018(), appointments_2019(), commendations(), prose_group(), duty_table(),
            roster(), health_plan()]


def issue_text(document: Document) -> str:
    return TEXT_A if document.issue == ISSUE_A else TEXT_B
