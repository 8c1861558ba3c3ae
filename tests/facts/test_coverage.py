"""Coverage accounting: every line of personnel, roster and task-division texts explained.

Pinned on the seeds (which documents are accounted, in which genre, and what each kind of
boilerplate line is), then shown to catch what the extractors miss in written variants.
"""
from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from graphbuilder.facts import EXTRACTORS, extract
from graphbuilder.facts.coverage import UNREAD_CODE, document_genre
from graphbuilder.records import LineStatus

# seed -> number -> (genre of the document, or of its attached parts; non-blank lines accounted)
ACCOUNTED = {
    "000": {"三政〔2019〕9号": ("roster parts", 140), "三政办〔2019〕8号": ("task_division", 49),
            "三政办〔2019〕10号": ("task_division", 172)},
    "001": {"三政办〔2018〕47号": ("task_division parts", 45), "三政任〔2018〕1号": ("personnel", 9),
            "三政任〔2018〕2号": ("personnel", 11), "三政任〔2018〕3号": ("personnel", 11),
            "三政任〔2019〕1号": ("personnel", 27), "三政任〔2019〕2号": ("personnel", 41)},
    "002": {"三政办〔2020〕6号": ("task_division", 41)},
    "003": {"三政办文〔2020〕2号": ("roster", 27), "三政办文〔2020〕3号": ("roster", 31),
            "三政办文〔2020〕4号": ("roster", 32)},
    "004": {"三政办〔2021〕6号": ("task_division", 173), "三政任〔2021〕2号": ("personnel", 8),
            "三政任〔2021〕3号": ("personnel", 12), "三政任〔2021〕4号": ("personnel", 11)},
}

# (seed, number, file line) -> how that line is accounted: one seed line per boilerplate class
BOILERPLATE_LINES = {
    ("001", "三政任〔2019〕2号", 1015): "title",                  # 三门峡市人民政府 关于郝建伟等 33 人…
    ("001", "三政任〔2019〕2号", 1017): "document_number",
    ("001", "三政任〔2019〕2号", 1019): "salutation",             # 各县（市、区）人民政府，…：
    ("001", "三政任〔2019〕2号", 1021): "decision_formula",       # 经市人民政府研究，决定：
    ("001", "三政任〔2019〕2号", 1051): "page_header",            # 人事任免 (between two clauses)
    ("001", "三政任〔2019〕2号", 1091): "closing_formula",        # 以上职务的任免，请按…办理。
    ("001", "三政任〔2019〕2号", 1093): "signature",
    ("001", "三政任〔2019〕2号", 1095): "date",
    ("002", "三政办〔2020〕6号", 3): "masthead",                   # 三门峡市人民政府办公室文件
    ("002", "三政办〔2020〕6号", 11): "transmittal",              # 《…工作方案》…现印发给你们…
    ("002", "三政办〔2020〕6号", 15): "attached_title",           # 2020年三门峡市重点民生实事工作方案
    ("002", "三政办〔2020〕6号", 17): "preamble",
    ("002", "三政办〔2020〕6号", 27): "section_heading",          # 四、畅通群众出行。
    ("002", "三政办〔2020〕6号", 83): "attachment_list",          # 附件：2020年度省市重点民生实事考核办法
    ("000", "三政办〔2019〕10号", 1026): "preamble",              # 为全面贯彻…明确到各责任单位。…
    ("000", "三政办〔2019〕10号", 1056): "section_heading",       # （一）决战决胜脱贫攻坚
    ("001", "三政办〔2018〕47号", 398): "part_heading",           # …双重预防体系建设重点任务分工
    ("001", "三政办〔2018〕47号", 400): "table_header",           # 重点任务分工 ⇥ 责任单位 ⇥ 完成时限
    ("001", "三政办〔2018〕47号", 409): "table_continued",        # 续表一
    ("001", "三政办〔2018〕47号", 452): "table_note",             # 注：…根据《…》确定。
}

# (seed, number, file line) -> a line that is read into facts
FACT_LINES = {
    ("001", "三政任〔2019〕2号", 1023): "任命郝建伟为三门峡市人民政府地方史志办公室主任；",
    ("003", "三政办文〔2020〕2号", 678): "为进一步推动中国天然氧吧城市创建工作高质量开展，市政府决定成立"
                                         "三门峡市中国天然氧吧城市创建工作领导小组。现将领导小组成员名单通知如下：",
    ("003", "三政办文〔2020〕2号", 683): "柴贵海（市气象局局长）",
    ("000", "三政办〔2019〕10号", 1030): None,                    # （一）保持工业稳定增长。… (a task)
    ("001", "三政办〔2018〕47号", 401): None,                     # a row of the duty table
}


@pytest.fixture(scope="module")
def result(document, vocab):
    cache = {}

    def get(seed: str, number: str):
        if (seed, number) not in cache:
            cache[seed, number] = extract(document(seed, number), vocab)
        return cache[seed, number]

    return get


def accounts(coverage) -> dict[int, tuple[LineStatus, str]]:
    return {a.line: (a.status, a.reason) for a in coverage.lines}


# the seeds -------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", sorted(ACCOUNTED))
def test_accounted_documents_of_each_seed(seed, documents_of, vocab):
    found = {}
    for doc in documents_of(seed):
        coverage = extract(doc, vocab).coverage if doc.number else None
        if coverage is not None:
            genre = coverage.genre or " ".join(sorted({g for g, _, _ in coverage.parts})) + " parts"
            found[doc.number] = (genre, len(coverage.lines))
    assert found == ACCOUNTED[seed]


@pytest.mark.parametrize("seed,number", [(s, n) for s in sorted(ACCOUNTED) for n in ACCOUNTED[s]])
def test_every_line_of_the_seeds_is_explained(seed, number, result):
    found = result(seed, number)
    unread = [(a.line, a.text) for a in found.coverage.lines if a.status is LineStatus.UNREAD]
    assert unread == []
    assert found.coverage.percent == 100.0
    assert not [d for d in found.diagnostics if d.code == UNREAD_CODE]
    assert found.coverage.count(LineStatus.FACTS) > 0


@pytest.mark.parametrize("key", sorted(BOILERPLATE_LINES))
def test_boilerplate_line_classes(key, result):
    seed, number, line = key
    assert accounts(result(seed, number).coverage)[line] == (LineStatus.BOILERPLATE, BOILERPLATE_LINES[key])


@pytest.mark.parametrize("key", sorted(FACT_LINES))
def test_fact_lines(key, result):
    seed, number, line = key
    coverage = result(seed, number).coverage
    assert accounts(coverage)[line] == (LineStatus.FACTS, "")
    if FACT_LINES[key]:
        assert next(a.text for a in coverage.lines if a.line == line) == FACT_LINES[key]


def test_every_boilerplate_class_is_met_on_the_seeds(result, vocab):
    """No dead rule: each row of boilerplate.tsv explains at least one seed line."""
    used = Counter(a.reason for s in ACCOUNTED for n in ACCOUNTED[s]
                   for a in result(s, n).coverage.lines if a.status is LineStatus.BOILERPLATE)
    assert {rule.name for rule in vocab.boilerplate} == set(used) == set(BOILERPLATE_LINES.values())


def test_every_boilerplate_class_gives_its_reason(vocab):
    for rule in vocab.boilerplate:
        assert len(rule.reason) > 30 and rule.scope in ("lead", "head", "tail", "any"), rule


def test_page_header_inside_a_clause_is_not_a_fact(result):
    """三政任〔2019〕2号: the clause spans before and after the 人事任免 running head."""
    coverage = accounts(result("001", "三政任〔2019〕2号").coverage)
    assert coverage[1049][0] is LineStatus.FACTS and coverage[1053][0] is LineStatus.FACTS
    assert coverage[1051] == (LineStatus.BOILERPLATE, "page_header")


def test_consumed_spans_cover_every_fact(seed_paths, documents_of, vocab):
    """Coverage is fed by `consumed`: every extractor must report what its facts quote."""
    for seed in sorted(seed_paths):
        for doc in documents_of(seed):
            for extractor in EXTRACTORS:
                extraction = extractor(doc, vocab)
                for fact in extraction.facts:
                    assert any(a <= fact.source.start and fact.source.end <= b
                               for a, b in extraction.consumed), (extractor.__name__, fact)


def test_coverage_does_not_change_the_facts(document, vocab):
    doc = document("000", "三政办〔2019〕10号")
    assert extract(doc, vocab).facts == [f for ex in EXTRACTORS for f in ex(doc, vocab).facts]


# genres ----------------------------------------------------------------------------------

@pytest.mark.parametrize("title,section,genre", [
    ("三门峡市人民政府关于郝建伟等33人职务任免的通知", "", "personnel"),
    ("三门峡市人民政府关于尚定固等2人职务调整的通知", "市政府文件", "personnel"),
    ("某某市人民政府关于王某任职的通知", "", "personnel"),
    ("三门峡市人民政府关于某事的通知", "人事任免", "personnel"),
    ("三门峡市人民政府办公室关于成立三门峡市脱贫攻坚普查工作领导小组的通知", "", "roster"),
    ("某某市人民政府办公室关于调整某某市防汛抗旱指挥部组成人员的通知", "", "roster"),
    ("三门峡市人民政府办公室关于明确政府工作报告提出的2019年重点工作责任单位的通知", "", "task_division"),
    ("三门峡市人民政府办公室关于印发2020年三门峡市重点民生实事工作方案的通知", "", "task_division"),
    ("三门峡市人民政府关于改革完善应急管理体系的通知", "市政府文件", ""),
    ("三门峡市人民政府关于对全市财税系统予以嘉奖的决定", "市政府文件", ""),
])
def test_genre_from_title_and_section(title, section, genre, document, vocab):
    doc = dataclasses.replace(document("001", "三政任〔2018〕1号"), title=title, section=section)
    assert document_genre(doc, vocab) == genre


# what the accounting catches -------------------------------------------------------------

def test_an_unread_personnel_line_is_listed_with_its_line(document, only_document, vocab):
    text = document("001", "三政任〔2018〕1号").text.replace(
        "徐鹏举不再担任", "王五同志另有任用。\n\n徐鹏举不再担任")
    issue, doc = only_document(text)
    found = extract(doc, vocab)
    unread = [(a.line, a.text) for a in found.coverage.lines if a.status is LineStatus.UNREAD]
    assert unread == [(11, "王五同志另有任用。")]
    assert found.coverage.percent == 90.0
    [diagnostic] = [d for d in found.diagnostics if d.code == UNREAD_CODE]
    assert (diagnostic.path, diagnostic.line, diagnostic.doc) == ("variant.txt", 11, "三政任〔2018〕1号")
    assert diagnostic.message.startswith("personnel line not understood")
    assert str(diagnostic).startswith("variant.txt:11: GB341 warning:")


def test_a_clause_the_extractor_reports_is_not_reported_twice(document, only_document, vocab):
    text = document("001", "三政任〔2018〕1号").text.replace("尚定固不再担任", "任命为")
    _, doc = only_document(text)
    found = extract(doc, vocab)
    lines = [(d.line, d.code) for d in found.diagnostics]
    assert lines == [(9, "GB301"), (1, "GB311")]         # the clause, and the title's count of 2
    assert [a.line for a in found.coverage.lines if a.status is LineStatus.UNREAD] == [9]


def test_an_unknown_duty_label_leaves_its_task_unread(document, only_document, vocab):
    text = document("000", "三政办〔2019〕10号").text.replace(
        "牵头单位：市工业和信息化局。\n\n配合单位：市发展改革委、科技局、投资集团，各县（市、区）政府。",
        "主办科室：市工业和信息化局。\n\n协办科室：市发展改革委、科技局、投资集团，各县（市、区）政府。", 1)
    _, doc = only_document(text)
    unread = [a.text[:12] for a in extract(doc, vocab).coverage.lines if a.status is LineStatus.UNREAD]
    assert unread == ["（一）保持工业稳定增长。", "主办科室：市工业和信息化", "协办科室：市发展改革委、"]


def test_an_unparsed_roster_line_is_caught(document, only_document, vocab):
    text = document("003", "三政办文〔2020〕2号").text.replace(
        "领导小组下设办公室", "特邀顾问：省气象局有关专家\n\n领导小组下设办公室")
    _, doc = only_document(text)
    found = extract(doc, vocab)
    assert [a.text for a in found.coverage.lines if a.status is LineStatus.UNREAD] == ["特邀顾问：省气象局有关专家"]
    assert any(d.code == UNREAD_CODE for d in found.diagnostics)


def test_documents_of_other_genres_are_not_accounted(document, vocab):
    found = extract(document("003", "三政〔2020〕7号"), vocab)
    assert found.coverage is None
    assert not [d for d in found.diagnostics if d.code == UNREAD_CODE]


def test_an_attached_roster_is_accounted_alone(document, vocab):
    """三政〔2019〕9号 is a policy notice: only its two attached member lists are accounted."""
    coverage = extract(document("000", "三政〔2019〕9号"), vocab).coverage
    assert coverage.genre == "" and coverage.parts == (("roster", 524, 573), ("roster", 577, 745))
    assert {a.line for a in coverage.lines} <= set(range(524, 574)) | set(range(577, 746))


def test_boilerplate_patterns_refer_to_known_things(vocab, document):
    """`@name` rows name a layout.tsv pattern (or a built-in), `document:` rows a known field."""
    from graphbuilder.facts.coverage import PAGE_HEADER, PART_HEADING, _document_field

    doc = document("001", "三政任〔2018〕1号")
    for rule in vocab.boilerplate:
        if rule.pattern.startswith("@") and rule.pattern not in (PAGE_HEADER, PART_HEADING):
            assert rule.pattern[1:] in vocab.patterns, rule
        elif rule.pattern.startswith("document:"):
            _document_field(rule.pattern.removeprefix("document:"), doc, "x")


def test_a_notice_that_lists_its_duties_as_follows_is_introduced_by_boilerplate(only_document, vocab):
    """现将…责任单位通知如下： introduces the list, as 决定： does: boilerplate, not an unread line."""
    text = ("洛阳市人民政府 关于明确2021年重点工作责任单位的通知\n\n洛政〔2021〕3号\n\n"
            "各县（市、区）人民政府，市人民政府各部门：\n\n现将政府工作报告提出的2021年重点工作责任单位通知如下：\n\n"
            "一、保持经济平稳增长\n\n1. 全年生产总值增长8%左右。（市发展改革委牵头，市统计局配合）\n\n"
            "洛阳市人民政府\n\n2021年3月1日\n")
    _, doc = only_document(text)
    found = extract(doc, vocab)
    assert len(found.facts) >= 2
    statuses = {a.text[:6]: (a.status, a.reason) for a in found.coverage.lines}
    assert statuses["现将政府工作"][0] is LineStatus.BOILERPLATE
    assert not [a.text for a in found.coverage.lines if a.status is LineStatus.UNREAD]
