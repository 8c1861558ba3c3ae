"""Rosters: groups, members with roles and stated posts, offices; seeds and written variants."""
from __future__ import annotations

from collections import Counter

import pytest

from graphbuilder.facts import extract_rosters
from graphbuilder.records import Group, Membership, Office

EMERGENCY_HQ = "三门峡市人民政府应急救援总指挥部"
# 000 三政〔2019〕9号 附件2: (专项 group, office unit, 指挥长, 副指挥长 count, 秘书长 persons)
SPECIAL_GROUPS = [
    ("市防汛抗旱应急指挥部", "市水利局", "安伟", 7, ["裴宗杰", "刘向东"]),
    ("市生态环境应急指挥部", "市生态环境局", "万战伟", 3, ["董树良", "刘向东"]),
    ("市社会安全应急指挥部", "市公安局", "李杰", 3, ["杨宗义", "刘向东"]),
    ("市森林防火应急指挥部", "市林业局", "高永瑞", 4, ["骆雪峰", "刘向东"]),
    ("市地质灾害应急指挥部", "市自然资源规划局", "范付中", 3, ["吴波", "刘向东"]),
    ("市交通运输应急指挥部", "市交通运输局", "万战伟", 3, ["李隽瑜", "刘向东"]),
    ("市公共卫生应急指挥部", "市卫生健康委", "庆志英", 3, ["张建军", "刘向东"]),
    ("市食品药品应急指挥部", "市市场监管局", "孙继伟", 3, ["赵冶钧", "刘向东"]),
    ("市消防安全应急指挥部", "市消防救援支队", "李杰", 4, ["姚殿士", "李正民"]),
    ("市安全生产应急指挥部", "市应急局", "李杰", 2, ["刘向东"]),
    ("市抗震救灾应急指挥部", "市地震局", "万战伟", 3, ["李宝松", "刘向东"]),
]


def split_facts(facts):
    groups = [f for f in facts if isinstance(f, Group)]
    members = [f for f in facts if isinstance(f, Membership)]
    offices = [f for f in facts if isinstance(f, Office)]
    return groups, members, offices


@pytest.fixture(scope="module")
def roster(run_extractor):
    """`roster(seed, number)` -> (groups, memberships, offices, extraction)."""
    on_seed = run_extractor(extract_rosters)[0]

    def get(seed: str, number: str):
        extraction = on_seed(seed, number)
        return (*split_facts(extraction.facts), extraction)

    return get


@pytest.fixture(scope="module")
def read(run_extractor):
    """`read(text)` -> (groups, memberships, offices, extraction, issue) for a written notice."""
    on_text = run_extractor(extract_rosters)[1]

    def get(text: str):
        extraction, issue = on_text(text)
        return (*split_facts(extraction.facts), extraction, issue)

    return get


def member_rows(members, group=None):
    return [(m.person, m.role, m.stated_post) for m in members if group is None or m.group == group]


# seeds: labelled lists (003) ------------------------------------------------------------

def test_oxygen_bar_group(roster):
    groups, members, offices, extraction = roster("003", "三政办文〔2020〕2号")
    name = "三门峡市中国天然氧吧城市创建工作领导小组"
    assert [(g.name, g.kind, g.parent) for g in groups] == [(name, "leading_group", "")]
    assert {m.group for m in members} == {name}
    assert Counter(m.role for m in members) == {"组长": 1, "常务副组长": 1, "副组长": 2, "成员": 16, "办公室主任": 1}
    assert member_rows(members)[:5] == [
        ("安伟", "组长", "市长"),                              # printed `组 长：安 伟（市长）`
        ("高永瑞", "常务副组长", "副市长"),
        ("聂建英", "副组长", "市政府副秘书长"),                 # printed `副 组 长：`
        ("柴贵海", "副组长", "市气象局局长"),                   # continuation line, no label
        ("任战洲", "成员", "市委宣传部副部长、市文明办主任"),
    ]
    assert ("宋东", "成员", "市财政局局长") in member_rows(members)
    assert member_rows(members)[-2:] == [("张晓燕", "成员", "卢氏县政府县长"), ("柴贵海", "办公室主任", "")]
    assert [(o.group, o.unit) for o in offices] == [(name, "市气象局")]
    assert extraction.diagnostics == ()


def test_spaced_name_source_quotes_the_original(roster, seed_issue):
    _, members, _, _ = roster("003", "三政办文〔2020〕2号")
    first = members[0]
    assert first.source.quote == "安 伟（市长）" and first.source.line == 680
    assert seed_issue("003").text[first.source.start:first.source.end] == first.source.quote


def test_census_group_two_office_directors(roster):
    groups, members, offices, _ = roster("003", "三政办文〔2020〕3号")
    name = "三门峡市脱贫攻坚普查工作领导小组"
    assert [g.name for g in groups] == [name]
    assert Counter(m.role for m in members) == {"组长": 1, "副组长": 7, "成员": 16, "办公室主任": 2}
    directors = [(m.person, m.stated_post, m.by_position) for m in members if m.role == "办公室主任"]
    assert directors == [("卫吉廷", "", False), ("呼延向阳", "", False)]   # `卫吉廷同志和呼延向阳同志兼办公室主任`
    assert ("呼延向阳", "成员", "市扶贫办副主任") in member_rows(members)
    assert [(o.group, o.unit) for o in offices] == [(name, "国调队")]


def test_railway_hq_deputy_office_directors_in_prose(roster):
    groups, members, offices, _ = roster("003", "三政办文〔2020〕4号")
    name = "陇海铁路三门峡段取直改造及物流园项目建设指挥部"
    assert [(g.name, g.kind) for g in groups] == [(name, "command_hq")]
    assert Counter(m.role for m in members) == {"指挥长": 1, "副指挥长": 4, "成员": 20, "办公室主任": 1, "办公室副主任": 3}
    assert ("范付中", "副指挥长", "市委常委、常务副市长") in member_rows(members)   # a post naming two posts
    assert ("赵宇", "成员", "市铁建公司董事长") in member_rows(members)
    office_rows = [row for row in member_rows(members) if row[1].startswith("办公室")]
    assert office_rows == [
        ("赵宇", "办公室主任", ""),
        ("水陆", "办公室副主任", "市铁建公司副总经理"),
        ("高玮", "办公室副主任", "市铁建公司副总经理"),
        ("陈保军", "办公室副主任", "市铁建公司副总经理"),
    ]
    assert [o.unit for o in offices] == ["市铁建公司"]


@pytest.mark.parametrize("number", ["三政办文〔2020〕2号", "三政办文〔2020〕3号", "三政办文〔2020〕4号"])
def test_names_and_labels_have_no_spaces(number, roster):
    _, members, _, extraction = roster("003", number)
    for m in members:
        assert not any(ch.isspace() for ch in m.person + m.role + m.stated_post), m
        assert not m.by_position and m.person
    assert extraction.diagnostics == ()


# seeds: the 2019 emergency notice (000 三政〔2019〕9号) ------------------------------------

def test_emergency_groups(roster):
    groups, _, _, _ = roster("000", "三政〔2019〕9号")
    assert len(groups) == 12
    assert (groups[0].name, groups[0].kind, groups[0].parent) == (EMERGENCY_HQ, "command_hq", "")
    assert [(g.name, g.kind, g.parent) for g in groups[1:]] == [
        (name, "command_hq", EMERGENCY_HQ) for name, *_ in SPECIAL_GROUPS]


def test_emergency_hq_members(roster):
    _, members, offices, _ = roster("000", "三政〔2019〕9号")
    hq = [m for m in members if m.group == EMERGENCY_HQ]
    assert Counter(m.role for m in hq) == {"总指挥长": 1, "副总指挥长": 2, "成员": 42, "办公室主任": 1}
    assert member_rows(hq)[:3] == [                          # bulleted `- 总指挥长：安 伟（市长）`
        ("安伟", "总指挥长", "市长"),
        ("范付中", "副总指挥长", "市委常委、常务副市长"),
        ("李杰", "副总指挥长", "副市长"),
    ]
    assert ("张建军", "成员", "市卫生健康委主任") in member_rows(hq)   # after a blank line, no bullet
    assert member_rows(hq)[-1] == ("刘向东", "办公室主任", "")
    assert [(o.group, o.unit) for o in offices if o.group == EMERGENCY_HQ] == [(EMERGENCY_HQ, "市应急局")]


@pytest.mark.parametrize("name,office,commander,deputies,secretaries", SPECIAL_GROUPS)
def test_emergency_special_group(name, office, commander, deputies, secretaries, roster):
    _, members, offices, _ = roster("000", "三政〔2019〕9号")
    mine = [m for m in members if m.group == name]
    assert [m.person for m in mine if m.role == "指挥长"] == [commander]
    assert sum(m.role == "副指挥长" for m in mine) == deputies
    assert [m.person for m in mine if m.role == "秘书长"] == secretaries
    assert [o.unit for o in offices if o.group == name] == [office]
    assert {m.role for m in mine} <= {"指挥长", "副指挥长", "秘书长"}


@pytest.mark.parametrize("name", [g for g, *_ in SPECIAL_GROUPS if g != "市消防安全应急指挥部"])
def test_liu_xiangdong_is_deputy_and_secretary(name, roster):
    """刘向东 is listed twice in each group (two lines): 副指挥长 with his post, 秘书长（兼）."""
    _, members, _, _ = roster("000", "三政〔2019〕9号")
    his = [(m.role, m.stated_post, m.qualifiers) for m in members if m.group == name and m.person == "刘向东"]
    assert his == [("副指挥长", "市应急局局长", ()), ("秘书长", "", ("兼",))]


def test_secretary_with_a_stated_post(roster):
    _, members, _, _ = roster("000", "三政〔2019〕9号")
    fire = [(m.person, m.role, m.stated_post, m.qualifiers) for m in members
            if m.group == "市消防安全应急指挥部" and m.role == "秘书长"]
    assert fire == [("姚殿士", "秘书长", "", ("兼",)), ("李正民", "秘书长", "市公安局副局长", ())]


def test_emergency_offices(roster):
    _, _, offices, _ = roster("000", "三政〔2019〕9号")
    assert len(offices) == 12
    assert [o.group for o in offices] == [EMERGENCY_HQ] + [name for name, *_ in SPECIAL_GROUPS]


# seeds: prose groups by position ---------------------------------------------------------

def test_construction_group_by_position(roster):
    groups, members, offices, _ = roster("001", "三政办〔2018〕49号")
    name = "三门峡市促进建筑业转型发展工作领导小组"
    assert [g.name for g in groups] == [name]
    assert all(m.by_position and m.person == "" and m.group == name for m in members)
    positions = [(m.role, m.stated_post) for m in members]
    assert positions[:4] == [("组长", "市长"), ("常务副组长", "常务副市长"), ("副组长", "分管副市长"),
                             ("成员", "市政府分管副秘书长")]
    departments = [post for role, post in positions if role == "成员"][1:]
    assert len(departments) == 14
    assert departments[0] == "市住房城乡建设部门主要负责同志"
    assert departments[-1] == "市公共资源交易部门主要负责同志"
    assert all(d.startswith("市") and d.endswith("部门主要负责同志") for d in departments)
    assert positions[-1] == ("办公室主任", "市住房城乡建设局局长")
    assert [(o.group, o.unit) for o in offices] == [(name, "市住房城乡建设局")]
    assert len(members) == 19


def test_industry_group_by_position(roster):
    groups, members, offices, _ = roster("001", "三政〔2019〕2号")
    name = "三门峡市工业企业转型升级高质量发展工作领导小组"
    assert [g.name for g in groups] == [name]
    assert [(m.role, m.stated_post, m.by_position) for m in members] == [
        ("组长", "市政府分管领导同志", True), ("成员", "市政府有关部门负责同志", True)]
    assert [o.unit for o in offices] == ["市工业和信息化委"]


def test_group_named_after_its_members(roster):
    """`成立由…任组长，…为成员的三门峡市企业开办全程网上办改革工作领导小组` (001 三政办〔2019〕1号)."""
    groups, members, offices, _ = roster("001", "三政办〔2019〕1号")
    name = "三门峡市企业开办全程网上办改革工作领导小组"
    assert [g.name for g in groups] == [name]
    assert [(m.role, m.stated_post) for m in members] == [
        ("组长", "市政府分管副市长"), ("成员", "市政府有关部门主要负责同志")]
    assert [o.unit for o in offices] == ["市工商局"]


def test_unnamed_group_yields_nothing(roster):
    """J9: 三政办〔2018〕47号 only says a 领导小组 was set up: no membership, no office."""
    groups, members, offices, _ = roster("001", "三政办〔2018〕47号")
    assert (groups, members, offices) == ([], [], [])


@pytest.mark.parametrize("seed,number", [("001", "三政任〔2019〕2号"), ("001", "三政办〔2018〕46号"),
                                         ("003", "三政〔2020〕7号"), ("004", "三政〔2021〕2号")])
def test_documents_without_groups(seed, number, roster):
    groups, members, offices, _ = roster(seed, number)
    assert (groups, members, offices) == ([], [], [])


def test_office_without_xiashe(roster):
    _, members, offices, _ = roster("000", "三政办〔2019〕7号")
    assert [o.unit for o in offices] == ["市交通运输局"]
    assert ("办公室主任", "市交通运输局主要负责同志") in [(m.role, m.stated_post) for m in members]


def test_department_list_of_bureau_names(roster):
    _, members, _, _ = roster("000", "三政办〔2019〕7号")
    posts = [m.stated_post for m in members if m.role == "成员"]
    assert "市交通运输局主要负责同志" in posts and "市发展改革委主要负责同志" in posts
    assert not any("局部门" in p or "委部门" in p for p in posts)


# written variants ----------------------------------------------------------------------

def founding(group: str, body: str, number: str = "灵政办〔2022〕12号", issuer: str = "灵宝市人民政府办公室",
             date: str = "2022年5月6日") -> str:
    return (f"{issuer}\n关于成立{group}的通知\n\n{number}\n\n各乡（镇）人民政府，市人民政府各部门：\n"
            f"为加强领导，市政府决定成立{group}。现将成员名单通知如下：\n{body}\n{issuer}\n{date}\n")


RIVER = "灵宝市河长制工作领导小组"
RIVER_BODY = """组　长：王建国（市长）
副组长：李卫东（副市长）、赵红梅（市水利局局长）
成　员：孙志强(市财政局局长)
　　　　周　平（市农业农村局局长）
　　　　呼延向阳（市林业局局长）
领导小组下设办公室，办公室设在市水利局，赵红梅同志兼任办公室主任。"""

FOREST = "灵宝市森林防火指挥部"
FOREST_BODY = """- 总指挥：王建国（市长）
- 副总指挥：李卫东（副市长）
- 成员：孙志强（市财政局局长）
- 周　平（市林业局局长）
指挥部下设办公室，办公室设在市林业局，周平同志兼办公室主任，钱进（市林业局副局长）、司马南（市应急局副局长）两位同志任办公室副主任。"""


def test_variant_labelled_list(read):
    groups, members, offices, extraction, _ = read(founding(RIVER, RIVER_BODY))
    assert [(g.name, g.kind, g.parent) for g in groups] == [(RIVER, "leading_group", "")]
    assert member_rows(members) == [
        ("王建国", "组长", "市长"),
        ("李卫东", "副组长", "副市长"),                # several members on one line, separated by 、
        ("赵红梅", "副组长", "市水利局局长"),
        ("孙志强", "成员", "市财政局局长"),            # half-width brackets
        ("周平", "成员", "市农业农村局局长"),          # ideographic spaces inside the name
        ("呼延向阳", "成员", "市林业局局长"),          # a four-character name
        ("赵红梅", "办公室主任", ""),                   # 兼任办公室主任
    ]
    assert members[1].source.line == members[2].source.line == 9
    assert members[1].source.quote == "李卫东（副市长）"
    assert [(o.group, o.unit) for o in offices] == [(RIVER, "市水利局")]
    assert extraction.diagnostics == ()


def test_a_reissued_roster_names_its_group_in_the_adjustment_sentence(read):
    """关于调整…成员的通知: 因人事变动，…对X成员进行调整。 opens the group as a founding does,
    so the sentence is read (not left as a GB341 line) and the listing is dated by the notice."""
    issuer = "灵宝市人民政府办公室"
    text = (f"{issuer}\n关于调整{RIVER}成员的通知\n\n灵政办〔2023〕3号\n\n各乡（镇）人民政府，市人民政府各部门：\n"
            f"因人事变动，经市政府同意，对{RIVER}成员进行调整。现将调整后的成员名单通知如下：\n"
            f"{RIVER_BODY}\n{issuer}\n2023年2月1日\n")
    groups, members, offices, extraction, issue = read(text)
    assert [g.name for g in groups] == [RIVER]              # one group: the title names it too
    assert len(member_rows(members, RIVER)) == 7 and [o.unit for o in offices] == ["市水利局"]
    assert extraction.diagnostics == ()
    line = issue.text.split("\n")[6]
    start = issue.text.index(line)
    assert any(a <= start and start + line.index("调整。") <= b for a, b in extraction.consumed)


CONFERENCE = "灵宝市河长制工作联席会议"
CONFERENCE_BODY = """召集人：王建国（市长）
第一副召集人：李卫东（副市长）
副召集人：赵红梅（市水利局局长）
顾　问：钱进（市政协副主席）
成　员：孙志强（市财政局局长）"""
COMMITTEE = "灵宝市职称评审委员会"
COMMITTEE_BODY = """主任委员：王建国（市长）
副主任委员：李卫东（副市长）
委　员：孙志强（市财政局局长）、周平（市人社局局长）"""


@pytest.mark.parametrize("group, body, rows", [
    (CONFERENCE, CONFERENCE_BODY, [("王建国", "召集人", "市长"), ("李卫东", "第一副召集人", "副市长"),
                                   ("赵红梅", "副召集人", "市水利局局长"), ("钱进", "顾问", "市政协副主席"),
                                   ("孙志强", "成员", "市财政局局长")]),
    (COMMITTEE, COMMITTEE_BODY, [("王建国", "主任委员", "市长"), ("李卫东", "副主任委员", "副市长"),
                                 ("孙志强", "委员", "市财政局局长"), ("周平", "委员", "市人社局局长")]),
], ids=["joint-conference", "committee"])
def test_variant_conveners_and_committee_chairs(group, body, rows, read, only_document, vocab):
    """A joint conference's 召集人 and a committee's 主任委员 are roles like 组长; a notice founding
    a 联席会议 is a roster notice, its lines accounted."""
    from graphbuilder.facts.coverage import document_genre

    groups, members, _, extraction, _ = read(founding(group, body))
    assert [g.name for g in groups] == [group] and member_rows(members) == rows
    assert extraction.diagnostics == ()
    assert document_genre(only_document(founding(group, body))[1], vocab) == "roster"


SPACED_BODY = """组　长：张　三　市长
副组长：李  四  市委常委、副市长
        王小明  市政府秘书长
成　员：赵  六  市财政局局长
　　　　欧阳春花　市文明办主任
        各成员单位  要按照职责分工抓好落实
领导小组下设办公室，办公室设在市文明办，赵六同志兼任办公室主任。"""


def test_variant_posts_after_spaces_without_brackets(read):
    """`张　三　市长`: the post follows the name after spaces, unbracketed; the name ends at the
    last space within four characters and a title ends the post, which may hold a 、 (a line
    of prose under the list is not a member)."""
    groups, members, offices, extraction, _ = read(founding(RIVER, SPACED_BODY))
    assert member_rows(members) == [
        ("张三", "组长", "市长"), ("李四", "副组长", "市委常委、副市长"), ("王小明", "副组长", "市政府秘书长"),
        ("赵六", "成员", "市财政局局长"), ("欧阳春花", "成员", "市文明办主任"), ("赵六", "办公室主任", ""),
    ]
    assert members[0].source.quote == "张　三　市长"
    assert [o.unit for o in offices] == ["市文明办"]


@pytest.mark.parametrize("sentence", [
    "市政府决定成立以市长王建国为组长，副市长李卫东、市政府秘书长赵红梅为副组长，市直有关部门主要负责同志为成员的"
    "灵宝市食品安全示范城市创建工作领导小组。",
    "市政府决定成立灵宝市食品安全示范城市创建工作领导小组，由市长王建国任组长，副市长李卫东、市政府秘书长赵红梅"
    "任副组长，市直有关部门主要负责同志为成员。",
], ids=["yi-wei", "you-ren"])
def test_variant_prose_founding_names_persons_after_their_posts(sentence, read):
    """以市长王建国为组长…的X / 由市长王建国任组长: a person named after the post they hold is a
    member with that post stated; a position without a name stays a membership by position."""
    group = "灵宝市食品安全示范城市创建工作领导小组"
    text = (f"灵宝市人民政府办公室\n关于成立{group}的通知\n\n灵政办〔2022〕9号\n\n各乡（镇）人民政府，市人民政府各部门：\n"
            f"为加强领导，{sentence}\n\n灵宝市人民政府办公室\n2022年5月6日\n")
    groups, members, _, extraction, _ = read(text)
    assert [g.name for g in groups] == [group]
    assert [(m.person, m.role, m.stated_post, m.by_position) for m in members] == [
        ("王建国", "组长", "市长", False), ("李卫东", "副组长", "副市长", False),
        ("赵红梅", "副组长", "市政府秘书长", False), ("", "成员", "市直有关部门主要负责同志", True),
    ]


def test_variant_office_director_named_after_the_role(read):
    """…办公室设在市文明办，办公室主任由钱进同志兼任，孙志强（…）任办公室副主任: both forms, in order."""
    body = ("组　长：王建国（市长）\n"
            "领导小组办公室设在市水利局，办公室主任由钱进同志兼任，孙志强（市水利局副局长）任办公室副主任。")
    _, members, offices, _, _ = read(founding(RIVER, body))
    assert member_rows(members) == [("王建国", "组长", "市长"), ("钱进", "办公室主任", ""),
                                    ("孙志强", "办公室副主任", "市水利局副局长")]
    assert [o.unit for o in offices] == ["市水利局"]


def test_variant_labels_alone_and_units_heads(read):
    """`组长：` alone on its line (the member follows), and `成员：X、Y主要负责同志` or `X、Y分管负责同志`
    (each unit's head, by position); a unit's name is never read as a person's (市财政局 is no name)."""
    body = ("组长：\n王建国（市长）\n副组长：\n李卫东（副市长）\n成员：市发展改革委、市财政局、市教育局主要负责同志\n"
            "　　　市公安局、市民政局分管负责同志")
    _, members, _, extraction, _ = read(founding(RIVER, body))
    assert [(m.person, m.role, m.stated_post, m.by_position) for m in members] == [
        ("王建国", "组长", "市长", False), ("李卫东", "副组长", "副市长", False),
        ("", "成员", "市发展改革委主要负责同志", True), ("", "成员", "市财政局主要负责同志", True),
        ("", "成员", "市教育局主要负责同志", True), ("", "成员", "市公安局分管负责同志", True),
        ("", "成员", "市民政局分管负责同志", True)]
    assert extraction.diagnostics == ()


def test_variant_member_table(read):
    """An attached member table: 序号 ⇥ 职务 ⇥ 姓名 ⇥ 单位及职务 rows give role, person and stated
    post (the number left out), the header row gives nothing; other rows of the part are not members."""
    issuer = "灵宝市人民政府办公室"
    text = (f"{issuer}\n关于成立{RIVER}的通知\n\n灵政办〔2022〕12号\n\n各乡（镇）人民政府，市人民政府各部门：\n"
            f"为加强领导，市政府决定成立{RIVER}。\n\n{issuer}\n2022年5月6日\n\n附件\n\n{RIVER}成员名单\n\n"
            "序号\t领导小组职务\t姓名\t单位及职务\n1\t组长\t王建国\t市长\n2\t副组长\t呼延向阳\t副市长\n"
            "3\t成员\t孙志强\t市财政局局长\n")
    groups, members, _, extraction, _ = read(text)
    assert [g.name for g in groups] == [RIVER]
    assert member_rows(members) == [("王建国", "组长", "市长"), ("呼延向阳", "副组长", "副市长"),
                                    ("孙志强", "成员", "市财政局局长")]
    assert extraction.diagnostics == ()


def test_variant_members_side_by_side(read):
    """Two columns of members on one line (李卫东（副市长）    赵红梅（…）): each is a member."""
    body = ("组　长：王建国（市长）\n副组长：李卫东（副市长）    赵红梅（市政府秘书长）\n"
            "成　员：孙志强（市财政局局长）  周平（市教育局局长）\n        呼延向阳（市林业局局长）  钱进（市民政局局长）")
    groups, members, _, extraction, _ = read(founding(RIVER, body))
    assert [(m.person, m.role) for m in members] == [
        ("王建国", "组长"), ("李卫东", "副组长"), ("赵红梅", "副组长"), ("孙志强", "成员"), ("周平", "成员"),
        ("呼延向阳", "成员"), ("钱进", "成员")]
    assert members[2].source.quote == "赵红梅（市政府秘书长）" and extraction.diagnostics == ()


def test_variant_bullets_and_deputy_directors(read):
    groups, members, offices, _, _ = read(founding(FOREST, FOREST_BODY))
    assert [(g.name, g.kind) for g in groups] == [(FOREST, "command_hq")]
    assert member_rows(members) == [
        ("王建国", "总指挥", "市长"),
        ("李卫东", "副总指挥", "副市长"),
        ("孙志强", "成员", "市财政局局长"),
        ("周平", "成员", "市林业局局长"),
        ("周平", "办公室主任", ""),
        ("钱进", "办公室副主任", "市林业局副局长"),
        ("司马南", "办公室副主任", "市应急局副局长"),
    ]
    assert [o.unit for o in offices] == ["市林业局"]


def test_variant_concurrent_post_is_a_qualifier(read):
    body = """指挥长：王建国（市长）
副指挥长：李卫东（副市长）
孙志强（市应急局局长）
秘书长：孙志强（兼）
马东（市应急局副局长）"""
    _, members, _, _, _ = read(founding("灵宝市防汛抗旱指挥部", body))
    assert [(m.person, m.role, m.stated_post, m.qualifiers) for m in members] == [
        ("王建国", "指挥长", "市长", ()),
        ("李卫东", "副指挥长", "副市长", ()),
        ("孙志强", "副指挥长", "市应急局局长", ()),
        ("孙志强", "秘书长", "", ("兼",)),
        ("马东", "秘书长", "市应急局副局长", ()),
    ]


def test_variant_two_office_directors(read):
    body = RIVER_BODY.replace("赵红梅同志兼任办公室主任", "赵红梅同志和孙志强同志兼办公室主任")
    _, members, _, _, _ = read(founding(RIVER, body))
    assert [(m.person, m.stated_post) for m in members if m.role == "办公室主任"] == [("赵红梅", ""), ("孙志强", "")]


def test_variant_deputy_directors_by_count(read):
    body = RIVER_BODY.replace(
        "赵红梅同志兼任办公室主任。",
        "赵红梅同志兼办公室主任，刘一（市水利局副局长）、陈二（市财政局副局长）、张三（市农业农村局副局长）三位同志任办公室副主任。")
    _, members, _, _, _ = read(founding(RIVER, body))
    assert [(m.person, m.role, m.stated_post) for m in members if m.role.startswith("办公室")] == [
        ("赵红梅", "办公室主任", ""),
        ("刘一", "办公室副主任", "市水利局副局长"),
        ("陈二", "办公室副主任", "市财政局副局长"),
        ("张三", "办公室副主任", "市农业农村局副局长"),
    ]


def test_variant_stated_post_with_two_posts(read):
    body = "组长：王建国（市委副书记、市长）\n成员：李卫东（市政府副秘书长、市政府办公室主任）"
    _, members, _, _, _ = read(founding(RIVER, body))
    assert [m.stated_post for m in members] == ["市委副书记、市长", "市政府副秘书长、市政府办公室主任"]


def plan(body: str, number: str = "渑政办〔2022〕3号") -> str:
    return ("渑池县人民政府办公室\n关于印发渑池县乡村振兴实施方案的通知\n\n" f"{number}\n\n"
            "各乡（镇）人民政府：\n现将方案印发给你们，请认真贯彻落实。\n\n渑池县人民政府办公室\n2022年6月1日\n\n"
            f"渑池县乡村振兴实施方案\n一、总体要求\n做好工作。\n二、保障措施\n{body}\n")


@pytest.mark.parametrize("body,name,expected,office", [
    ("（一）加强组织领导。成立渑池县乡村振兴工作领导小组，由县长任组长，常务副县长任常务副组长，"
     "分管副县长任副组长，县政府有关部门负责同志为成员。领导小组下设办公室，办公室设在县农业农村局，"
     "县农业农村局局长兼任办公室主任。",
     "渑池县乡村振兴工作领导小组",
     [("组长", "", "县长", True), ("常务副组长", "", "常务副县长", True), ("副组长", "", "分管副县长", True),
      ("成员", "", "县政府有关部门负责同志", True), ("办公室主任", "", "县农业农村局局长", True)],
     "县农业农村局"),
    ("（一）加强组织领导。市政府决定成立洛阳市河长制工作领导小组。组长由市长张三担任，副组长由副市长李四、"
     "市政府秘书长王五担任，成员由市发展改革委、市水利局主要负责同志组成。领导小组办公室设在市水利局，"
     "办公室主任由市水利局局长赵六兼任。",
     "洛阳市河长制工作领导小组",
     [("组长", "张三", "市长", False), ("副组长", "李四", "副市长", False), ("副组长", "王五", "市政府秘书长", False),
      ("成员", "", "市发展改革委主要负责同志", True), ("成员", "", "市水利局主要负责同志", True),
      ("办公室主任", "赵六", "市水利局局长", False)],
     "市水利局"),
    ("（二）完善管理体制。组建洛阳市城市管理委员会（以下简称城管委），城管委主任由市政府主要负责同志担任，"
     "副主任由分管副市长担任；城管委下设办公室，办公室设在市城市管理局。",
     "洛阳市城市管理委员会",
     [("主任", "", "市政府主要负责同志", True), ("副主任", "", "分管副市长", True)],
     "市城市管理局"),
], ids=["by-position-in-the-founding-sentence", "role-first-after-the-founding-sentence", "role-after-a-short-name"])
def test_variant_prose_group(body, name, expected, office, read):
    """A group defined in prose: roles by position (由县长任组长) in the founding sentence, or role
    first in the sentences after it (组长由市长张三担任，成员由A、B主要负责同志组成) or after the short
    name the sentence gives the group (城管委主任由…担任), each unit's head by position; the office,
    and its director named after his post."""
    groups, members, offices, _, _ = read(plan(body))
    assert [g.name for g in groups] == [name]
    assert [(m.role, m.person, m.stated_post, m.by_position) for m in members] == expected
    assert [(o.group, o.unit) for o in offices] == [(name, office)]


def test_variant_prose_department_list(read):
    _, members, _, _, _ = read(plan(
        "（一）加强组织领导。成立渑池县乡村振兴工作领导小组，由县长任组长，市农业农村、财政、教育、"
        "卫生健康等部门主要负责同志为成员。"))
    assert [m.stated_post for m in members if m.role == "成员"] == [
        "市农业农村部门主要负责同志", "市财政部门主要负责同志", "市教育部门主要负责同志", "市卫生健康部门主要负责同志"]


@pytest.mark.xfail(strict=True, reason=(
    "the elided prefix of a department list is spread only when it is 市 (RE_DEPARTMENT_LIST): "
    "`县农业农村、财政…等部门主要负责同志` gives `财政部门主要负责同志`, not `县财政部门主要负责同志`"))
def test_variant_prose_department_list_county(read):
    _, members, _, _, _ = read(plan(
        "（一）加强组织领导。成立渑池县乡村振兴工作领导小组，由县长任组长，县农业农村、财政、教育"
        "等部门主要负责同志为成员。"))
    assert [m.stated_post for m in members if m.role == "成员"] == [
        "县农业农村部门主要负责同志", "县财政部门主要负责同志", "县教育部门主要负责同志"]


def test_variant_office_without_xiashe(read):
    _, _, offices, _, _ = read(plan(
        "（一）加强组织领导。成立渑池县乡村振兴工作领导小组，由县长任组长，县政府有关部门负责同志为成员。"
        "领导小组办公室设在县农业农村局。"))
    assert [o.unit for o in offices] == ["县农业农村局"]


def test_variant_mention_without_founding_gives_nothing(read):
    groups, members, offices, _, _ = read(plan(
        "（一）加强组织领导。各乡（镇）要在县乡村振兴工作领导小组的统一领导下开展工作。"))
    assert (groups, members, offices) == ([], [], [])


def test_variant_post_printed_before_the_name(read):
    """`主　任：市长 张三`, continuation lines `市市场监管局局长　赵六`, and a labelled list of
    posts each closed by its holder's name (成员：市财政局局长王五、市公安局副局长钱七)."""
    body = ("主　任：市长 张三\n副主任：副市长 呼延向阳\n委　员：市政府副秘书长 王五\n"
            "　　　　市市场监管局局长　赵六\n成　员：市财政局局长孙志强、市公安局副局长钱进")
    groups, members, _, extraction, _ = read(founding(RIVER, body))
    assert member_rows(members) == [
        ("张三", "主任", "市长"), ("呼延向阳", "副主任", "副市长"), ("王五", "委员", "市政府副秘书长"),
        ("赵六", "委员", "市市场监管局局长"), ("孙志强", "成员", "市财政局局长"), ("钱进", "成员", "市公安局副局长")]
    assert members[3].source.quote == "市市场监管局局长　赵六" and extraction.diagnostics == ()


def test_variant_joint_conference_established_as_a_system(read, only_document, vocab):
    """关于建立X联席会议制度的通知: X is the group, its 建立 sentence founds it, a numbered section
    heading is boilerplate; 建立健全…联席会议制度 in prose founds nothing."""
    from graphbuilder.facts import extract
    from graphbuilder.records import LineStatus

    group = "灵宝市促进中小企业发展联席会议"
    text = (f"灵宝市人民政府办公室\n关于建立{group}制度的通知\n\n灵政办〔2022〕30号\n\n各乡（镇）人民政府，市人民政府各部门：\n"
            f"为加强统筹协调，经市政府同意，建立{group}制度。现将有关事项通知如下：\n一、组成人员\n"
            "召集人：王建国　副市长\n副召集人：李卫东　市政府副秘书长\n"
            "二、工作要求\n各成员单位要建立健全中小企业服务等领域行业联席会议制度。\n"
            "联席会议办公室设在市工业和信息化局，李卫东同志兼任办公室主任。\n灵宝市人民政府办公室\n2022年6月1日\n")
    groups, members, offices, extraction, _ = read(text)
    assert [g.name for g in groups] == [group]
    assert member_rows(members) == [("王建国", "召集人", "副市长"), ("李卫东", "副召集人", "市政府副秘书长"),
                                    ("李卫东", "办公室主任", "")]
    assert [(o.group, o.unit) for o in offices] == [(group, "市工业和信息化局")]
    found = extract(only_document(text)[1], vocab)
    assert [a.text for a in found.coverage.lines if a.status is LineStatus.UNREAD] == [
        "各成员单位要建立健全中小企业服务等领域行业联席会议制度。"]


def test_variant_working_groups_under_the_group(read):
    """Numbered headings naming working groups (（一）综合协调组) under a group's roster: each is a
    group of its own under the first, with its own members."""
    body = ("组　长：王建国（市长）\n成　员：孙志强（市统计局局长）\n领导小组下设综合协调组、宣传组。\n"
            "（一）综合协调组\n组　长：孙志强（市统计局局长）\n成　员：钱进（市统计局副局长）\n"
            "（二）宣传组\n组　长：周平（市委宣传部副部长）")
    groups, members, _, extraction, _ = read(founding(RIVER, body))
    assert [(g.name, g.kind, g.parent) for g in groups] == [
        (RIVER, "leading_group", ""), ("综合协调组", "other", RIVER), ("宣传组", "other", RIVER)]
    assert [(m.group, m.person, m.role) for m in members] == [
        (RIVER, "王建国", "组长"), (RIVER, "孙志强", "成员"), ("综合协调组", "孙志强", "组长"),
        ("综合协调组", "钱进", "成员"), ("宣传组", "周平", "组长")]


def test_variant_roles_in_a_row(read):
    """组长：A；副组长：B、C；成员：D、E。 on one line: each labelled part under its own role."""
    body = "组长：王建国（市长）；副组长：李卫东（副市长）、赵红梅（市政府秘书长）；成员：孙志强（市财政局局长）、周平（市教育局局长）。"
    groups, members, _, extraction, _ = read(founding(RIVER, body))
    assert [(m.person, m.role, m.stated_post) for m in members] == [
        ("王建国", "组长", "市长"), ("李卫东", "副组长", "副市长"), ("赵红梅", "副组长", "市政府秘书长"),
        ("孙志强", "成员", "市财政局局长"), ("周平", "成员", "市教育局局长")]
    assert extraction.diagnostics == ()


@pytest.mark.parametrize("lines", [
    ["王五　市财政局局长　　　钱七　市公安局局长", "　　　　孙八　市教育局局长　　　周九　市民政局局长"],
    ["市财政局局长 王五　　市公安局局长 钱七", "　　　　市教育局局长 孙八　　市民政局局长 周九"],
], ids=["name-first", "post-first"])
def test_variant_unbracketed_members_side_by_side(lines, read):
    """Members without brackets set side by side with wide gaps, on the label's line and on a
    continuation line: each is a member with its own post."""
    body = "主　任：市委副书记、市长 张三\n委　员：" + "\n".join(lines)
    groups, members, _, extraction, _ = read(founding(RIVER, body))
    assert member_rows(members) == [
        ("张三", "主任", "市委副书记、市长"), ("王五", "委员", "市财政局局长"), ("钱七", "委员", "市公安局局长"),
        ("孙八", "委员", "市教育局局长"), ("周九", "委员", "市民政局局长")]
    assert extraction.diagnostics == ()
