"""Splitting a gazette issue into its documents: numbers, dates, sections and spans.

The seeds pin what the splitter finds in real issues; the written variants cover
layouts the seeds show only once (masthead, issuer line above 关于, spaced dates)
and a file that holds no document at all.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphbuilder.documents.normalize import squash
from graphbuilder.records import Document

GOV, OFFICE, PERSONNEL, DEPARTMENT, IMPORTANT = "市政府文件", "市政府办公室文件", "人事任免", "部门文件", "重要文件"

# seed -> [(number, signing date, section)] in reading order; "" numbers are unnumbered reports.
EXPECTED = {
    "000": [
        ("", "", IMPORTANT),                                  # 中华人民共和国政府信息公开条例
        ("三政〔2019〕8号", "2019-05-28", GOV),
        ("三政〔2019〕9号", "2019-06-06", GOV),
        ("三政办〔2019〕7号", "2019-04-26", OFFICE),
        ("三政办〔2019〕8号", "2019-04-28", OFFICE),
        ("三政办〔2019〕9号", "2019-05-31", OFFICE),
        ("三政办〔2019〕10号", "2019-06-01", OFFICE),
    ],
    "001": [
        ("三政〔2019〕1号", "2019-01-08", GOV),
        ("三政〔2019〕2号", "2019-01-11", GOV),
        ("三政〔2019〕3号", "2019-01-11", GOV),
        ("三政办〔2018〕46号", "2018-12-26", OFFICE),
        ("三政办〔2018〕47号", "2018-12-29", OFFICE),
        ("三政办〔2018〕48号", "2018-12-28", OFFICE),
        ("三政办〔2018〕49号", "2018-12-29", OFFICE),
        ("三政办〔2019〕1号", "2019-01-08", OFFICE),
        ("三政办〔2019〕2号", "2019-01-25", OFFICE),
        ("三政办〔2019〕3号", "2019-02-22", OFFICE),
        ("三政任〔2018〕1号", "2018-07-30", PERSONNEL),
        ("三政任〔2018〕2号", "2018-11-30", PERSONNEL),
        ("三政任〔2018〕3号", "2018-12-20", PERSONNEL),        # printed 2018 年 12 月 20 日
        ("三政任〔2019〕1号", "2019-01-31", PERSONNEL),
        ("三政任〔2019〕2号", "2019-01-31", PERSONNEL),        # last line of the file, no newline
    ],
    "002": [
        ("三政办〔2020〕6号", "2020-03-25", ""),               # masthead layout, no contents
    ],
    "003": [
        ("", "", IMPORTANT),                                  # 政府工作报告
        ("", "", IMPORTANT),                                  # 财政预算报告（书面）
        ("三政〔2020〕6号", "2020-05-11", GOV),
        ("三政〔2020〕7号", "2020-04-26", GOV),
        ("三政办文〔2020〕2号", "2020-01-21", OFFICE),
        ("三政办文〔2020〕3号", "2020-02-20", OFFICE),
        ("三政办文〔2020〕4号", "2020-04-09", OFFICE),
    ],
    "004": [
        ("三政〔2021〕1号", "2021-02-01", GOV),
        ("三政〔2021〕2号", "2021-02-11", GOV),
        ("三政〔2021〕3号", "2021-03-05", GOV),
        ("三政办〔2021〕2号", "2021-02-07", OFFICE),
        ("三政办〔2021〕5号", "2021-02-10", OFFICE),
        ("三政办〔2021〕6号", "2021-02-22", OFFICE),
        ("三政任〔2021〕2号", "2021-02-24", PERSONNEL),
        ("三政任〔2021〕3号", "2021-02-24", PERSONNEL),
        ("三政任〔2021〕4号", "2021-02-24", PERSONNEL),
        ("三教文〔2021〕20号", "2021-02-03", DEPARTMENT),
    ],
}

# Standalone attachment headings (附 件 / 附件 1 / 附件 2): (seed, 1-based line, owning document).
ATTACHMENTS = [
    ("000", 365, "三政〔2019〕8号"),
    ("000", 522, "三政〔2019〕9号"),
    ("000", 575, "三政〔2019〕9号"),
    ("001", 396, "三政办〔2018〕47号"),
    ("001", 420, "三政办〔2018〕47号"),
    ("002", 85, "三政办〔2020〕6号"),
    ("003", 534, "三政〔2020〕6号"),
    ("004", 141, "三政〔2021〕2号"),
    ("004", 1096, "三教文〔2021〕20号"),
]

RE_ATTACHMENT_HEADING = re.compile(r"^\s*附\s*件\s*\d*\s*$")


def line_offset(text: str, line: int) -> int:
    """Offset of the start of a 1-based line."""
    return sum(len(part) + 1 for part in text.split("\n")[:line - 1])


# seeds ----------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_document_numbers_in_order(seed, documents_of):
    assert [d.number for d in documents_of(seed)] == [n for n, _, _ in EXPECTED[seed]]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_signing_dates(seed, documents_of):
    assert [(d.number, d.date) for d in documents_of(seed)] == [(n, d) for n, d, _ in EXPECTED[seed]]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_sections(seed, documents_of):
    assert [(d.number, d.section) for d in documents_of(seed)] == [(n, s) for n, _, s in EXPECTED[seed]]


def test_counts(documents_of):
    numbered = {seed: sum(1 for d in documents_of(seed) if d.number) for seed in EXPECTED}
    assert numbered == {"000": 6, "001": 15, "002": 1, "003": 5, "004": 10}
    assert sum(numbered.values()) == 37


def test_001_first_and_last(documents_of):
    documents = documents_of("001")
    assert len(documents) == 15
    assert documents[0].number == "三政〔2019〕1号" and documents[-1].number == "三政任〔2019〕2号"
    # the last notice ends on the file's last line, which has no newline
    assert documents[-1].text.endswith("2019年1月31日")


def test_003_unnumbered_reports(documents_of):
    reports = [d for d in documents_of("003") if not d.number]
    assert [d.title for d in reports] == [
        "政府工作报告",
        "关于三门峡市2019年财政预算执行情况和2020年财政预算（草案）的报告（书面）",
    ]
    assert all(d.section == IMPORTANT and d.date == "" for d in reports)


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_no_contents_entry_left_over(seed, split_seed):
    """Every contents entry maps to a document: no GB201, and no GB202 either."""
    _, diagnostics = split_seed(seed)
    assert [str(d) for d in diagnostics] == []


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_text_is_the_slice(seed, seed_issue, documents_of):
    issue = seed_issue(seed)
    for d in documents_of(seed):
        assert issue.text[d.start:d.end] == d.text, d.number
        assert issue.text.count("\n", 0, d.start) + 1 == d.first_line, d.number
        assert d.issue == issue.name and d.path == issue.path


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_documents_are_ordered_and_disjoint(seed, documents_of):
    documents = documents_of(seed)
    for before, after in zip(documents, documents[1:]):
        assert before.start < before.end <= after.start, (before.number, after.number)


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_masthead_and_contents_are_not_documents(seed, seed_issue, documents_of):
    for d in documents_of(seed):
        flat = squash(d.text)
        assert "编委会" not in flat and "编辑部" not in flat, d.number or d.title
        assert "目录" not in flat[:40] and "CONTENTS" not in d.text, d.number or d.title
        assert "《三门峡市人民政府公报》" not in flat, d.number or d.title
    issue = seed_issue(seed)
    masthead = squash(issue.text).find("编委会")
    if masthead >= 0:   # the masthead precedes every document
        first = min(d.start for d in documents_of(seed))
        assert "编委会" in squash(issue.text[:first])


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_titles_and_numbers_are_clean(seed, documents_of):
    for d in documents_of(seed):
        assert d.title and not re.search(r"\s", d.title)
        if d.number:
            assert d.number == squash(d.number_printed)
            assert d.number in squash(d.text)
            assert d.title.endswith(("通知", "决定", "意见", "通报")), d.title
            assert d.issuer and d.title.startswith(d.issuer), (d.issuer, d.title)


def test_printed_number_keeps_spaces(split_text):
    _, documents, _ = split_text("卢氏县人民政府 关于公布县级非物质文化遗产名录的通知\n\n卢政〔2018〕22 号\n\n"
                                 "各乡（镇）人民政府：\n现予公布。\n\n卢氏县人民政府\n\n2018 年 12 月 20 日\n")
    assert documents[0].number_printed == "卢政〔2018〕22 号"
    assert documents[0].number == "卢政〔2018〕22号"


@pytest.mark.parametrize("seed,line,number", ATTACHMENTS)
def test_attachments_stay_in_their_document(seed, line, number, seed_issue, documents_of):
    text = seed_issue(seed).text
    assert RE_ATTACHMENT_HEADING.match(text.split("\n")[line - 1])
    at = line_offset(text, line)
    owners = [d.number for d in documents_of(seed) if d.start <= at < d.end]
    assert owners == [number]


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_every_attachment_heading_is_listed(seed, seed_issue):
    lines = seed_issue(seed).text.split("\n")
    found = [(seed, k) for k, line in enumerate(lines, 1) if RE_ATTACHMENT_HEADING.match(line)]
    assert found == [(s, k) for s, k, _ in ATTACHMENTS if s == seed]


def test_issuer_and_title_of_split_title(document):
    """000 三政〔2019〕9号 prints 三门峡市人民政府 and 关于…通知 on two lines above its number."""
    d = document("000", "三政〔2019〕9号")
    assert d.title == "三门峡市人民政府关于改革完善应急管理体系的通知"
    assert d.issuer == "三门峡市人民政府"
    assert d.text.startswith("三门峡市人民政府\n")


def test_masthead_layout_seed(document):
    """002 opens with 三门峡市人民政府办公室文件, then the number, then the title."""
    d = document("002", "三政办〔2020〕6号")
    assert d.text.startswith("三门峡市人民政府办公室文件")
    assert d.title == "三门峡市人民政府办公室关于印发2020年三门峡市重点民生实事工作方案的通知"
    assert d.issuer == "三门峡市人民政府办公室"
    assert d.first_line == 3


# written variants -----------------------------------------------------------------------

MASTHEAD = """渑池县人民政府办公室文件

渑政办〔2021〕15号

渑池县人民政府办公室
关于印发渑池县秸秆禁烧工作方案的通知

各乡（镇）人民政府，县人民政府各部门：
现将方案印发给你们，请认真贯彻执行。

2021 年 5 月 8 日

渑池县秸秆禁烧工作方案
一、工作目标
全面禁烧。
"""

MASTHEAD_COMPACT = """灵宝市人民政府文件
灵政〔2020〕3号
灵宝市人民政府关于表彰2019年度先进集体的决定
各乡镇人民政府，市直各单位：
现予表彰。
灵宝市人民政府
2020年2月3日
"""

TWO_LINE_TITLES = """义马市人民政府

关于加强河道管理的通知

义政〔2020〕7号

各镇人民政府、街道办事处：
现通知如下。

义马市人民政府

2020年 6月 18日

义马市人民政府
关于调整城市绿化标准的意见

义政〔2020〕8号

各镇人民政府：
现提出如下意见。
义马市人民政府
2020 年 7 月 1 日
"""

NO_NUMBER = """会议纪要

三门峡市城市管理工作会议于2020年5月6日召开。
与会同志讨论了有关问题。
"""

ISSUE_WITH_CONTENTS = """义马市人民政府
公 报
目 录
【市政府文件】
义马市人民政府关于加强河道管理的通知\t1
义马市人民政府关于印发义马市节水行动方案的通知\t3
【人事任免】
义马市人民政府关于王刚等 2 人职务任免的 通知\t5
《义马市人民政府公报》
编 委 会
主 任：李 明
副 主 任：张 华
王 强
委 员：(按姓氏笔画为序)
赵 六
义马市人民政府 关于加强河道管理的通知

义政〔2020〕7号

各镇人民政府：
现通知如下。

附件：1. 河道名录
2. 责任人名单

义马市人民政府

2020年6月18日

附件 1

河道名录
涧河、南涧河

附件2

责任人名单
| 河道 | 责任人 |
| 涧河 | 王刚 |

义马市人民政府
关于印发义马市节水行动方案的通知

义政〔2020〕9号

各镇人民政府：
现印发给你们。

义马市人民政府

2020年7月2日

义马市人民政府 关于王刚等 2 人职务任免的通知

义政任〔2020〕1号

各镇人民政府，市人民政府各部门：
经市人民政府研究，决定：
任命王刚为义马市水利局局长；
免去李强的义马市水利局局长职务。

义马市人民政府

2020年8月1日
"""


def test_masthead_variant(split_text):
    issue, documents, diagnostics = split_text(MASTHEAD)
    assert diagnostics == []
    [d] = documents
    assert (d.number, d.date, d.section) == ("渑政办〔2021〕15号", "2021-05-08", "")
    assert d.title == "渑池县人民政府办公室关于印发渑池县秸秆禁烧工作方案的通知"
    assert d.issuer == "渑池县人民政府办公室"
    assert d.start == 0 and d.first_line == 1          # the masthead belongs to the notice
    assert d.text.rstrip().endswith("全面禁烧。")
    assert issue.text[d.start:d.end] == d.text


def test_masthead_variant_compact(split_text):
    _, documents, diagnostics = split_text(MASTHEAD_COMPACT)
    assert diagnostics == []
    [d] = documents
    assert (d.number, d.date) == ("灵政〔2020〕3号", "2020-02-03")
    assert d.title == "灵宝市人民政府关于表彰2019年度先进集体的决定"
    assert d.issuer == "灵宝市人民政府"


def test_title_split_over_issuer_and_guanyu_lines(split_text):
    issue, documents, diagnostics = split_text(TWO_LINE_TITLES)
    assert diagnostics == []
    assert [(d.number, d.date, d.title, d.issuer, d.first_line) for d in documents] == [
        ("义政〔2020〕7号", "2020-06-18", "义马市人民政府关于加强河道管理的通知", "义马市人民政府", 1),
        ("义政〔2020〕8号", "2020-07-01", "义马市人民政府关于调整城市绿化标准的意见", "义马市人民政府", 14),
    ]
    first, second = documents
    assert "义马市人民政府\n关于调整" not in first.text      # the issuer line starts the next notice
    assert second.text.startswith("义马市人民政府\n关于调整城市绿化标准的意见")
    for d in documents:
        assert issue.text[d.start:d.end] == d.text


@pytest.mark.parametrize("printed,iso", [
    ("2018 年 12 月 20 日", "2018-12-20"),
    ("2018年12月20日", "2018-12-20"),
    ("2019 年 1 月 8 日", "2019-01-08"),
    ("2020年 6月 8日", "2020-06-08"),
    ("\u30002021年2月3日", "2021-02-03"),
])
def test_spaced_dates(printed, iso, split_text):
    text = (f"卢氏县人民政府 关于公布县级非物质文化遗产名录的通知\n\n卢政〔2018〕22号\n\n"
            f"各乡（镇）人民政府：\n现予公布。\n\n卢氏县人民政府\n\n{printed}\n")
    _, [d], _ = split_text(text)
    assert d.date == iso


def test_date_is_the_first_standalone_date_after_the_number(split_text):
    """A date inside a sentence is not the signing date."""
    text = ("卢氏县人民政府 关于公布县级非物质文化遗产名录的通知\n\n卢政〔2018〕22号\n\n"
            "各乡（镇）人民政府：\n自2019年1月1日起施行。\n\n卢氏县人民政府\n\n2018年12月20日\n")
    _, [d], _ = split_text(text)
    assert d.date == "2018-12-20"


def test_no_document_number_gives_gb202(split_text):
    _, documents, diagnostics = split_text(NO_NUMBER, name="minutes")
    assert documents == []
    assert [d.code for d in diagnostics] == ["GB202"]
    assert diagnostics[0].path == "minutes.txt" and diagnostics[0].line == 0


def test_empty_text_gives_gb202(split_text):
    _, documents, diagnostics = split_text("\n\n")
    assert documents == [] and [d.code for d in diagnostics] == ["GB202"]


def test_issue_with_contents_and_masthead(split_text):
    issue, documents, diagnostics = split_text(ISSUE_WITH_CONTENTS)
    assert diagnostics == []
    assert [(d.number, d.date, d.section) for d in documents] == [
        ("义政〔2020〕7号", "2020-06-18", GOV),
        ("义政〔2020〕9号", "2020-07-02", GOV),
        ("义政任〔2020〕1号", "2020-08-01", PERSONNEL),
    ]
    first = documents[0]
    assert "附件 1" in first.text and "附件2" in first.text and "| 涧河 | 王刚 |" in first.text
    for d in documents:
        assert issue.text[d.start:d.end] == d.text
        assert "编 委 会" not in d.text and "目 录" not in d.text


def test_contents_entry_without_body_gives_gb201(split_text):
    text = ISSUE_WITH_CONTENTS.replace(
        "【人事任免】\n", "【政策解读】\n义马市人民政府关于并不存在的文件的通知\t7\n【人事任免】\n")
    _, documents, diagnostics = split_text(text, name="missing")
    assert len(documents) == 3
    assert [d.code for d in diagnostics] == ["GB201"]
    assert "并不存在的文件" in diagnostics[0].message
    assert diagnostics[0].line == text.split("\n").index("义马市人民政府关于并不存在的文件的通知\t7") + 1


@given(st.text(alphabet="ab\n第一", max_size=200), st.integers(-5, 205), st.integers(0, 50), st.integers(1, 9))
def test_line_of_counts_the_newlines_before_the_offset(text, offset, start, first_line):
    """The cached newline index gives what counting from the document's start gives."""
    document = Document("i", "p", "n", "n", "t", "", "", "", start, start + len(text), text, first_line)
    expected = first_line + text.count("\n", 0, max(0, offset - start))
    assert document.line_of(offset) == expected


title_text = st.text(alphabet="关于印发三门峡市体系风险通知的办法实施（）2019", max_size=40)


@given(title_text, title_text)
def test_same_title_bound_never_changes_a_decision(toc, body):
    """The cheap bound only skips the matcher where its ratio could not reach 0.9."""
    from difflib import SequenceMatcher

    from graphbuilder.documents.split import _same_title, _similarity_bound
    ratio = SequenceMatcher(None, toc, body, autojunk=False).ratio() if toc or body else 1.0
    if toc or body:
        assert _similarity_bound(toc, body) >= ratio or _similarity_bound(toc, body) == 0.0 and ratio < 0.9
    expected = bool(body) and (toc == body or toc.endswith(body) or body.endswith(toc) or ratio >= 0.9)
    assert _same_title(toc, body) == expected


@given(st.text(alphabet="关于印发三门峡市体系风险通知的办法实施", min_size=8, max_size=40), st.data())
def test_same_title_bound_on_near_copies(toc, data):
    """Typesetting slips (a character dropped, changed or added) sit near the 0.9 line."""
    from difflib import SequenceMatcher

    from graphbuilder.documents.split import _same_title
    k = data.draw(st.integers(0, len(toc)))
    cut = data.draw(st.integers(0, 2))
    body = toc[:k] + data.draw(st.text(alphabet="体系风险", max_size=2)) + toc[k + cut:]
    ratio = SequenceMatcher(None, toc, body, autojunk=False).ratio()
    expected = bool(body) and (toc == body or toc.endswith(body) or body.endswith(toc) or ratio >= 0.9)
    assert _same_title(toc, body) == expected
