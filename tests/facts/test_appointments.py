"""Appointments and removals: one case per clause pattern, from the seeds and written variants."""
from __future__ import annotations

import pytest

from graphbuilder.facts import extract, extract_appointments
from graphbuilder.records import Action, Appointment, LineStatus

APPOINT, REMOVE, NOMINATE = Action.APPOINT, Action.REMOVE, Action.NOMINATE
PERSONNEL_NOTICES = {
    "001": ["三政任〔2018〕1号", "三政任〔2018〕2号", "三政任〔2018〕3号", "三政任〔2019〕1号", "三政任〔2019〕2号"],
    "004": ["三政任〔2021〕2号", "三政任〔2021〕3号", "三政任〔2021〕4号"],
}


def rows(facts) -> list[tuple]:
    return [(f.person, f.action, f.post) for f in facts]


@pytest.fixture(scope="module")
def seed_facts(document, vocab):
    """`seed_facts("001", "三政任〔2019〕2号")` -> Extraction of that notice."""
    cache = {}

    def get(seed: str, number: str):
        if (seed, number) not in cache:
            cache[seed, number] = extract_appointments(document(seed, number), vocab)
        return cache[seed, number]

    return get


@pytest.fixture(scope="module")
def of_person(seed_facts):
    def get(seed: str, number: str, person: str) -> list[Appointment]:
        return [f for f in seed_facts(seed, number).facts if f.person == person]

    return get


def notice(clauses: list[str], title: str = "关于王某等2人职务任免的通知", number: str = "三政任〔2022〕5号",
           issuer: str = "三门峡市人民政府", date: str = "2022年3月1日") -> str:
    """A personnel notice as the gazette prints it, one clause a paragraph."""
    body = "\n\n".join(clauses)
    return (f"{issuer} {title}\n\n{number}\n\n各县（市、区）人民政府，市人民政府各部门：\n\n"
            f"经市人民政府研究，决定：\n\n{body}\n\n以上职务的任免，请按有关法律规定办理。\n\n"
            f"{issuer}\n\n{date}\n")


@pytest.fixture(scope="module")
def read(only_document, vocab):
    """`read(clauses)` -> (issue, Extraction) for a written notice."""

    def get(clauses: list[str], **kwargs):
        issue, document = only_document(notice(clauses, **kwargs))
        extraction = extract_appointments(document, vocab)
        for fact in extraction.facts:
            assert fact.source.quote == issue.text[fact.source.start:fact.source.end]
            assert fact.source.doc == document.number
        return issue, extraction

    return get



@pytest.fixture(scope="module")
def read_accounted(only_document, vocab):
    """`read_accounted(text)` -> (appointment rows, lines left unread, all facts) of a whole notice."""
    def get(text: str):
        found = extract(only_document(text)[1], vocab)
        unread = [a.text for a in found.coverage.lines if a.status is LineStatus.UNREAD]
        return rows([f for f in found.facts if isinstance(f, Appointment)]), unread, found.facts

    return get

# seeds: counts ---------------------------------------------------------------------------

@pytest.mark.parametrize("seed,number,facts,persons,appoint,remove,nominate", [
    ("001", "三政任〔2018〕1号", 2, 2, 0, 2, 0),
    ("001", "三政任〔2018〕2号", 6, 4, 4, 2, 0),
    ("001", "三政任〔2018〕3号", 4, 4, 3, 1, 0),
    ("001", "三政任〔2019〕1号", 23, 19, 13, 10, 0),
    ("001", "三政任〔2019〕2号", 43, 33, 15, 28, 0),
    ("004", "三政任〔2021〕2号", 2, 2, 1, 1, 0),
    ("004", "三政任〔2021〕3号", 7, 6, 4, 3, 0),
    ("004", "三政任〔2021〕4号", 4, 4, 0, 0, 4),
])
def test_seed_notice_counts(seed, number, facts, persons, appoint, remove, nominate, seed_facts):
    extraction = seed_facts(seed, number)
    assert len(extraction.facts) == facts
    assert len({f.person for f in extraction.facts}) == persons
    actions = [f.action for f in extraction.facts]
    assert (actions.count(APPOINT), actions.count(REMOVE), actions.count(NOMINATE)) == (appoint, remove, nominate)
    assert extraction.diagnostics == ()          # no GB301, and the title count (GB311) agrees


@pytest.mark.parametrize("seed", sorted(PERSONNEL_NOTICES))
def test_every_quote_is_the_original_text(seed, seed_issue, seed_facts):
    text = seed_issue(seed).text
    for number in PERSONNEL_NOTICES[seed]:
        for fact in seed_facts(seed, number).facts:
            assert fact.source.quote == text[fact.source.start:fact.source.end]
            assert fact.source.doc == number
            assert text.count("\n", 0, fact.source.start) + 1 == fact.source.line
            assert fact.person in "".join(fact.source.quote.split())


@pytest.mark.parametrize("seed", sorted(PERSONNEL_NOTICES))
def test_consumed_spans_cover_the_facts(seed, seed_facts):
    for number in PERSONNEL_NOTICES[seed]:
        extraction = seed_facts(seed, number)
        for fact in extraction.facts:
            assert any(a <= fact.source.start and fact.source.end <= b for a, b in extraction.consumed)


@pytest.mark.parametrize("seed", sorted(PERSONNEL_NOTICES))
def test_posts_are_clean(seed, seed_facts):
    for number in PERSONNEL_NOTICES[seed]:
        for f in seed_facts(seed, number).facts:
            assert f.post == f.organization + f.title and f.title, f
            assert not f.post.endswith(("职务", "人选")) and "（女）" not in f.post
            assert 2 <= len(f.person) <= 4 and not any(ch.isspace() for ch in f.post + f.person)
            assert "女" not in f.qualifiers


# seeds: one case per pattern ------------------------------------------------------------

def test_appoint_one_post(of_person):
    [f] = of_person("001", "三政任〔2018〕2号", "詹传江")
    assert (f.action, f.post, f.organization, f.title) == (
        APPOINT, "三门峡市住房和城乡建设局副调研员", "三门峡市住房和城乡建设局", "副调研员")
    assert f.source.line == 926
    assert f.source.quote == "任命詹传江为三门峡市住房和城乡建设局副调研员"


def test_appoint_two_posts_joined_by_dun(of_person):
    """任命A为X、Y，免去其Z职务: two appointments and one removal (于春喜)."""
    assert rows(of_person("001", "三政任〔2019〕1号", "于春喜")) == [
        ("于春喜", APPOINT, "三门峡市城乡一体化示范区管理委员会副主任"),
        ("于春喜", APPOINT, "三门峡高新技术产业开发区管理委员会副主任"),
        ("于春喜", REMOVE, "三门峡市城乡一体化示范区国土建设环保局局长"),
    ]
    assert rows(of_person("001", "三政任〔2019〕1号", "贾立耘")) == [
        ("贾立耘", APPOINT, "三门峡市城乡一体化示范区管理委员会副主任"),
        ("贾立耘", APPOINT, "三门峡高新技术产业开发区管理委员会副主任"),
    ]


def test_appoint_and_remove_own_post(of_person):
    """任命A为X，免去其Y职务 (赵国选)."""
    assert rows(of_person("001", "三政任〔2018〕2号", "赵国选")) == [
        ("赵国选", APPOINT, "三门峡市退役军人事务局副局长"),
        ("赵国选", REMOVE, "三门峡市民政局副局长"),
    ]


def test_remove_with_de(of_person):
    """免去A的X职务 (004)."""
    assert rows(of_person("004", "三政任〔2021〕2号", "员三喜")) == [
        ("员三喜", REMOVE, "三门峡市人民政府副秘书长")]
    assert rows(of_person("004", "三政任〔2021〕3号", "贾立耘")) == [
        ("贾立耘", REMOVE, "三门峡市城乡一体化示范区（高新技术开发区）管理委员会副主任")]


@pytest.mark.parametrize("person,post,line", [
    ("骆雪峰", "河南小秦岭自然保护区管理局（国有三门峡河西林场）局长", 1073),   # name ends at 河南
    ("魏玮", "三门峡市粮食局局长", 1061),                                 # two-character name
    ("刘向东", "三门峡市安全生产监督管理局副局长", 1083),
])
def test_remove_without_de_bounded_by_organisation(person, post, line, of_person):
    [f] = of_person("001", "三政任〔2019〕2号", person)
    assert (f.action, f.post, f.source.line) == (REMOVE, post, line)
    assert f.qualifiers == ()                          # the bracket is part of the name, not a qualifier


def test_remove_name_that_looks_like_words(of_person):
    """免去社会强三门峡市…: the name ends where 三门峡 begins, after a page header line."""
    [f] = of_person("001", "三政任〔2019〕1号", "社会强")
    assert (f.action, f.post, f.source.line) == (REMOVE, "三门峡市人民政府国有资产监督管理委员会副主任", 1003)


def test_no_longer_serves(of_person):
    assert rows(of_person("001", "三政任〔2018〕1号", "尚定固")) == [
        ("尚定固", REMOVE, "三门峡市公安局监督部主任")]


def test_no_longer_serves_three_posts(of_person):
    """A不再担任X，Y，Z职务 (朱强): three removals; 周童 has two, joined by ，."""
    assert rows(of_person("001", "三政任〔2019〕2号", "朱强")) == [
        ("朱强", REMOVE, "三门峡市城乡一体化示范区管理委员会常务副主任"),
        ("朱强", REMOVE, "三门峡产业集聚区管委会主任"),
        ("朱强", REMOVE, "三门峡高新技术产业开发区管理委员会常务副主任"),
    ]
    assert [f.post for f in of_person("001", "三政任〔2019〕2号", "周童")] == [
        "三门峡市城乡一体化示范区管理委员会副主任", "三门峡高新技术产业开发区管理委员会副主任"]


def test_nominate_drops_renxuan(seed_facts):
    facts = seed_facts("004", "三政任〔2021〕4号").facts
    assert rows(facts) == [
        ("张勇智", NOMINATE, "三门峡市水务投资集团有限公司董事长"),
        ("王文华", NOMINATE, "三门峡市水务投资集团有限公司副总经理"),
        ("王志刚", NOMINATE, "三门峡市水务投资集团有限公司副总经理"),
        ("李志浩", NOMINATE, "三门峡市水务投资集团有限公司副总经理"),
    ]
    assert facts[0].organization == "三门峡市水务投资集团有限公司" and facts[0].title == "董事长"


@pytest.mark.parametrize("number,person,action", [
    ("三政任〔2019〕1号", "李毅", APPOINT),
    ("三政任〔2019〕2号", "李瑞霞", APPOINT),
    ("三政任〔2019〕2号", "倪爱武", APPOINT),
    ("三政任〔2019〕2号", "冯俊珍", REMOVE),
])
def test_female_is_gender_not_qualifier(number, person, action, of_person):
    [f] = of_person("001", number, person)
    assert (f.action, f.gender, f.qualifiers) == (action, "female", ())
    assert "女" not in f.post


def test_male_has_no_gender(of_person):
    assert {f.gender for f in of_person("001", "三政任〔2019〕2号", "郝建伟")} == {""}


@pytest.mark.parametrize("number,person,post,qualifiers", [
    ("三政任〔2019〕1号", "张天生", "三门峡市“攻坚战”督查巡查办公室副主任", ("主持工作",)),
    ("三政任〔2019〕2号", "叶国明", "三门峡市人民政府副秘书长", ("正县级",)),
    ("三政任〔2019〕2号", "王东春", "三门峡市政府发展研究中心主任", ("正县级", "试用期一年")),
    ("三政任〔2019〕2号", "姚发辉", "三门峡市水资源管理处处长", ("试用期一年",)),
    ("三政任〔2018〕3号", "申顺更", "三门峡高新技术产业开发区管理委员会副主任", ("挂职期到2019年10月",)),
])
def test_qualifiers(number, person, post, qualifiers, of_person):
    f = of_person("001", number, person)[0]
    assert (f.action, f.post, f.qualifiers) == (APPOINT, post, qualifiers)


def test_removal_after_qualified_appointment_has_no_qualifier(of_person):
    removal = of_person("001", "三政任〔2019〕2号", "王东春")[1]
    assert (removal.action, removal.post, removal.qualifiers) == (REMOVE, "三门峡市人民政府副秘书长", ())


@pytest.mark.parametrize("number,person,organization,title", [
    ("三政任〔2019〕2号", "姚发辉", "三门峡市水资源管理处", "处长"),
    ("三政任〔2019〕2号", "叶国明", "三门峡市人民政府", "副秘书长"),
    ("三政任〔2019〕2号", "张建林", "三门峡市农业科学研究院", "院长"),
    ("三政任〔2019〕2号", "李泳均", "三门峡市住房公积金管理中心", "主任"),
    ("三政任〔2019〕1号", "卢文斌", "三门峡市旅游发展委员会", "副主任"),
    ("三政任〔2018〕1号", "尚定固", "三门峡市公安局监督部", "主任"),
])
def test_post_split_into_organisation_and_title(number, person, organization, title, of_person):
    f = of_person("001", number, person)[0]
    assert (f.organization, f.title) == (organization, title)


def test_page_headers_inside_the_list_are_skipped(seed_facts):
    """`人事任免 —————` (001 line 1001) and `人事任免` (line 1051) sit between clauses."""
    one = seed_facts("001", "三政任〔2019〕1号").facts
    two = seed_facts("001", "三政任〔2019〕2号").facts
    assert [f.person for f in one][-4:] == ["毛海港", "社会强", "孙江涛", "王振江"]
    assert [(f.person, f.source.line) for f in two if f.person in ("李宝松", "彭修玉")] == [
        ("李宝松", 1049), ("彭修玉", 1053), ("彭修玉", 1053)]
    assert all("人事任免" not in f.post and "人事任免" not in f.source.quote for f in one + two)


def test_clause_order_follows_the_text(seed_facts):
    facts = seed_facts("001", "三政任〔2019〕2号").facts
    assert [f.source.start for f in facts] == sorted(f.source.start for f in facts)
    assert facts[0].person == "郝建伟" and facts[-1].person == "卫保元"


# written variants ----------------------------------------------------------------------

def test_variant_appoint(read):
    _, extraction = read(["任命刘晓梅为灵宝市农业农村局副局长；", "任命孙建为灵宝市财政局局长。"])
    assert rows(extraction.facts) == [("刘晓梅", APPOINT, "灵宝市农业农村局副局长"),
                                      ("孙建", APPOINT, "灵宝市财政局局长")]
    assert extraction.diagnostics == ()


def test_variant_engage(read):
    _, extraction = read(["聘任刘晓梅为三门峡市农业科学研究院副院长。"], title="关于刘晓梅同志职务聘任的通知")
    [f] = extraction.facts
    assert (f.person, f.action, f.organization, f.title) == ("刘晓梅", APPOINT, "三门峡市农业科学研究院", "副院长")


def test_variant_appoint_two_posts_organisation_implicit(read):
    """任命A为三门峡市财政局局长、党组书记: the second post borrows the organisation."""
    _, extraction = read(["任命陈立新为三门峡市财政局局长、党组书记；", "任命周红为义马市教育局局长、党组书记。"])
    assert rows(extraction.facts) == [
        ("陈立新", APPOINT, "三门峡市财政局局长"),
        ("陈立新", APPOINT, "三门峡市财政局党组书记"),
        ("周红", APPOINT, "义马市教育局局长"),
        ("周红", APPOINT, "义马市教育局党组书记"),
    ]
    assert [(f.organization, f.title) for f in extraction.facts][:2] == [
        ("三门峡市财政局", "局长"), ("三门峡市财政局", "党组书记")]


def test_variant_two_posts_two_organisations(read):
    _, extraction = read(["任命黄河清为三门峡市财政局副局长（正县级）、三门峡市国资委主任；"])
    assert [(f.post, f.qualifiers) for f in extraction.facts] == [
        ("三门峡市财政局副局长", ("正县级",)), ("三门峡市国资委主任", ())]


def test_variant_appoint_and_remove_halfwidth(read):
    _, extraction = read(["任命周明为三门峡市卫生健康委员会副主任,免去其三门峡市中心医院院长职务;",
                          "任命钱多多(女)为三门峡市商务局副局长(主持工作);"])
    assert [(f.person, f.action, f.post, f.qualifiers, f.gender) for f in extraction.facts] == [
        ("周明", APPOINT, "三门峡市卫生健康委员会副主任", (), ""),
        ("周明", REMOVE, "三门峡市中心医院院长", (), ""),
        ("钱多多", APPOINT, "三门峡市商务局副局长", ("主持工作",), "female"),
    ]


@pytest.mark.parametrize("clause,person,post", [
    ("免去郭海燕的三门峡市教育局副局长职务。", "郭海燕", "三门峡市教育局副局长"),
    ("免去孙丽三门峡市审计局副局长职务。", "孙丽", "三门峡市审计局副局长"),
    ("免去刘强湖滨区人民政府副区长职务。", "刘强", "湖滨区人民政府副区长"),
    ("免去高大山河南小秦岭自然保护区管理局副局长职务。", "高大山", "河南小秦岭自然保护区管理局副局长"),
    ("免去呼延向阳三门峡市扶贫开发办公室副主任职务。", "呼延向阳", "三门峡市扶贫开发办公室副主任"),
    ("解聘林峰的三门峡职业技术学院副院长职务。", "林峰", "三门峡职业技术学院副院长"),
])
def test_variant_remove(clause, person, post, read):
    _, extraction = read([clause])
    assert rows(extraction.facts) == [(person, REMOVE, post)]


def test_variant_remove_two_posts(read):
    _, extraction = read(["免去孙丽华三门峡市审计局副局长、三门峡市统计局副局长职务。"])
    assert rows(extraction.facts) == [("孙丽华", REMOVE, "三门峡市审计局副局长"),
                                      ("孙丽华", REMOVE, "三门峡市统计局副局长")]


def test_variant_no_longer_serves(read):
    _, extraction = read(["赵大海不再担任三门峡市审计局局长，三门峡市统计局局长，三门峡市档案馆馆长职务；",
                          "李华（女）不再担任三门峡市妇联主席职务。"])
    assert [(f.person, f.action, f.post, f.gender) for f in extraction.facts] == [
        ("赵大海", REMOVE, "三门峡市审计局局长", ""),
        ("赵大海", REMOVE, "三门峡市统计局局长", ""),
        ("赵大海", REMOVE, "三门峡市档案馆馆长", ""),
        ("李华", REMOVE, "三门峡市妇联主席", "female"),
    ]


def test_variant_nominate(read):
    _, extraction = read(["提名王伟为三门峡市投资集团有限公司总经理人选。"])
    [f] = extraction.facts
    assert (f.person, f.action, f.post) == ("王伟", NOMINATE, "三门峡市投资集团有限公司总经理")


@pytest.mark.parametrize("clause,person", [
    ("任命王瑞为三门峡市水利局副局长。", "王瑞"),
    ("任命赵国选为三门峡市水利局副局长。", "赵国选"),
    ("任命呼延向阳为三门峡市水利局副局长。", "呼延向阳"),
    ("任命司马光明为三门峡市水利局副局长。", "司马光明"),
    ("任命欧阳春花（女）为三门峡市水利局副局长。", "欧阳春花"),
])
def test_variant_name_lengths(clause, person, read):
    _, extraction = read([clause])
    [f] = extraction.facts
    assert (f.person, f.post) == (person, "三门峡市水利局副局长")


def test_variant_female_in_removal_without_de(read):
    _, extraction = read(["免去欧阳春花（女）洛阳市统计局局长职务。"])
    [f] = extraction.facts
    assert (f.person, f.post, f.gender, f.qualifiers) == ("欧阳春花", "洛阳市统计局局长", "female", ())


def test_variant_qualifiers(read):
    _, extraction = read([
        "任命王小明为渑池县水利局局长（试用期一年），免去其渑池县农业局副局长职务；",
        "任命李青为三门峡市商务局副局长（挂职期到 2023 年 6 月）；",
        "任命张峰为三门峡市审计局副局长（正县级）（主持工作）。",
    ])
    assert [(f.person, f.action, f.post, f.qualifiers) for f in extraction.facts] == [
        ("王小明", APPOINT, "渑池县水利局局长", ("试用期一年",)),
        ("王小明", REMOVE, "渑池县农业局副局长", ()),
        ("李青", APPOINT, "三门峡市商务局副局长", ("挂职期到2023年6月",)),
        ("张峰", APPOINT, "三门峡市审计局副局长", ("正县级", "主持工作")),
    ]


@pytest.mark.parametrize("header", ["人事任免 —————", "人事任免", "市政府文件 ———————"])
def test_variant_page_header_between_clauses(header, read):
    _, extraction = read(["免去张小三三门峡市司法局副局长职务；", header, "免去李四三门峡市民政局局长职务。"])
    assert rows(extraction.facts) == [("张小三", REMOVE, "三门峡市司法局副局长"),
                                      ("李四", REMOVE, "三门峡市民政局局长")]
    assert extraction.facts[1].source.line == extraction.facts[0].source.line + 4


def test_variant_page_header_inside_a_clause(read):
    """A page break in the middle of a clause: the header goes, the clause is joined."""
    issue, extraction = read(["免去张小三三门峡市司法局", "人事任免 —————", "副局长职务；"])
    [f] = extraction.facts
    assert (f.person, f.post) == ("张小三", "三门峡市司法局副局长")
    assert f.source.quote.startswith("免去张小三三门峡市司法局") and f.source.quote.endswith("副局长职务")


def test_variant_clause_wrapped_over_lines(read):
    _, extraction = read(["任命王大力为三门峡市财政局局长、", "党组书记；"])
    assert [f.post for f in extraction.facts] == ["三门峡市财政局局长", "三门峡市财政局党组书记"]


def test_variant_removal_of_the_same_person_wrapped_to_the_next_line(read):
    """任命A为X，⏎免去其Y职务: 其 is A, the clause runs on after its comma."""
    issue, extraction = read(["任命东方明为三门峡市城乡规划局副调研员，\n免去其三门峡市外国语中学副主任职务；",
                              "任命赵永宁为三门峡市妇幼保健院副院长。"], title="关于东方明等2人职务任免的通知")
    assert rows(extraction.facts) == [("东方明", APPOINT, "三门峡市城乡规划局副调研员"),
                                      ("东方明", REMOVE, "三门峡市外国语中学副主任"),
                                      ("赵永宁", APPOINT, "三门峡市妇幼保健院副院长")]
    assert extraction.diagnostics == ()
    assert extraction.facts[1].source.quote.endswith("副主任职务")


def test_variant_removal_by_pronoun_after_a_closed_clause_is_reported(read):
    """After ；/。 a 免去其 line has no person to refer to: reported, not guessed."""
    _, extraction = read(["任命东方明为三门峡市城乡规划局副调研员；", "免去其三门峡市外国语中学副主任职务；"],
                         title="关于东方明同志职务任免的通知")
    assert rows(extraction.facts) == [("东方明", APPOINT, "三门峡市城乡规划局副调研员")]
    assert [d.code for d in extraction.diagnostics] == ["GB301"]


def test_variant_two_clauses_on_one_line(read):
    _, extraction = read(["任命马超为三门峡市公安局副局长；任命赵云为三门峡市公安局政委。"])
    assert rows(extraction.facts) == [("马超", APPOINT, "三门峡市公安局副局长"),
                                      ("赵云", APPOINT, "三门峡市公安局政委")]
    assert extraction.facts[0].source.end <= extraction.facts[1].source.start


def test_variant_unreadable_clause_gives_gb301_with_its_line(read):
    issue, extraction = read(["任命李明为三门峡市财政局局长；", "任命为三门峡市审计局局长；"],
                             title="关于李明等2人职务任免的通知")
    assert rows(extraction.facts) == [("李明", APPOINT, "三门峡市财政局局长")]
    codes = [d.code for d in extraction.diagnostics]
    assert "GB301" in codes
    gb301 = next(d for d in extraction.diagnostics if d.code == "GB301")
    assert issue.text.split("\n")[gb301.line - 1] == "任命为三门峡市审计局局长；"
    assert gb301.excerpt.startswith("任命为三门峡市审计局局长")
    assert gb301.doc == "三政任〔2022〕5号" and gb301.path == "variant.txt"


def test_variant_removal_of_nobody_gives_gb301(read):
    _, extraction = read(["免去其三门峡市财政局局长职务；"], title="关于某某职务任免的通知")
    assert extraction.facts == ()
    assert [d.code for d in extraction.diagnostics] == ["GB301"]


def test_variant_title_count_mismatch_gives_gb311(read):
    issue, extraction = read(["任命刘晓梅为灵宝市农业农村局副局长；", "任命孙建为灵宝市财政局局长。"],
                             title="关于刘晓梅等3人职务任免的通知")
    assert len({f.person for f in extraction.facts}) == 2
    [gb311] = extraction.diagnostics
    assert gb311.code == "GB311" and "3" in gb311.message and "2" in gb311.message
    assert gb311.line == 1 and gb311.doc == "三政任〔2022〕5号"


def test_variant_title_count_match_is_silent(read):
    _, extraction = read(["任命刘晓梅为灵宝市农业农村局副局长；", "免去刘晓梅的灵宝市林业局副局长职务；",
                          "任命孙建为灵宝市财政局局长。"], title="关于刘晓梅等2人职务任免的通知")
    assert len(extraction.facts) == 3 and extraction.diagnostics == ()


def test_variant_closing_formula_and_date_are_not_clauses(read):
    _, extraction = read(["任命刘晓梅为灵宝市农业农村局副局长。"], title="关于刘晓梅同志任职的通知")
    [f] = extraction.facts
    assert f.source.quote == "任命刘晓梅为灵宝市农业农村局副局长"
    assert extraction.diagnostics == ()


@pytest.mark.parametrize("clause,person,post", [
    pytest.param("任命张立同志为三门峡市财政局局长；", "张立", "三门峡市财政局局长"),
    pytest.param("免去张立同志的三门峡市财政局局长职务；", "张立", "三门峡市财政局局长"),
])
def test_variant_tongzhi_after_the_name(clause, person, post, read):
    _, extraction = read([clause], title="关于张立同志职务任免的通知")
    assert [(f.person, f.post) for f in extraction.facts] == [(person, post)]


def test_variant_form_feed_inside_a_clause(read):
    _, extraction = read(["免去张小三三门峡市司法局", "\x0c副局长职务；"])
    assert [f.post for f in extraction.facts] == ["三门峡市司法局副局长"]


@pytest.mark.parametrize("clauses", [
    ["任命：", "王小明为洛阳市财政局局长；", "李青为洛阳市教育局副局长。",
     "免去：", "张峰的洛阳市民政局局长职务；", "欧阳春花（女）洛阳市商务局副局长职务。"],
    ["决定任命以下同志：", "王小明为洛阳市财政局局长；", "李青为洛阳市教育局副局长。",
     "免去以下同志职务：", "张峰的洛阳市民政局局长职务；", "欧阳春花（女）洛阳市商务局副局长职务。"],
    ["任命：王小明为洛阳市财政局局长；", "李青为洛阳市教育局", "副局长。",
     "免去：张峰的洛阳市民政局局长职务；欧阳春花（女）洛阳市商务局副局长职务。"],
    ["任命：", "王小明为洛阳市财政局局长", "李青为洛阳市教育局副局长", "免去：", "张峰的洛阳市民政局局长职务",
     "欧阳春花（女）的洛阳市商务局副局长职务"],
], ids=["cue-lines", "decided-cue-lines", "cue-and-first-clause-on-one-line", "clauses-without-semicolons"])
def test_variant_cue_headings_over_lists(clauses, read, only_document, vocab):
    """任命： / 免去： set over a list of `A为X；` / `A的X职务；` lines (or the same without ；, one clause
    a line): each line reads as if it began with the cue, until a 。, the signature or the date
    ends the list; a fact quotes its own line, and every line is read."""
    from graphbuilder.facts.coverage import account_lines

    title = "关于王小明等4人职务任免的通知"
    _, extraction = read(clauses, title=title)
    assert rows(extraction.facts) == [("王小明", APPOINT, "洛阳市财政局局长"), ("李青", APPOINT, "洛阳市教育局副局长"),
                                      ("张峰", REMOVE, "洛阳市民政局局长"), ("欧阳春花", REMOVE, "洛阳市商务局副局长")]
    assert extraction.facts[0].source.quote == "王小明为洛阳市财政局局长"
    assert extraction.diagnostics == ()
    _, document = only_document(notice(clauses, title=title))
    accounts = account_lines(document, extraction.consumed, vocab).lines
    assert not [a.text for a in accounts if a.status is LineStatus.UNREAD]


def test_a_cue_heading_ends_with_its_list(read):
    """After the 。 that closes a heading's list, a line is not read under the heading."""
    _, extraction = read(["任命：", "王小明为洛阳市财政局局长。", "李青同志要认真履行职责。"])
    assert rows(extraction.facts) == [("王小明", APPOINT, "洛阳市财政局局长")]


@pytest.mark.parametrize("clause, person, post", [
    ("免去张三新安县人民政府副县长职务。", "张三", "新安县人民政府副县长"),
    ("免去李小明偃师区人民政府副区长职务。", "李小明", "偃师区人民政府副区长"),
    ("免去王五汝州市人民政府副市长职务。", "王五", "汝州市人民政府副市长"),
    ("免去杨杰三门峡市民政局副局长职务。", "杨杰", "三门峡市民政局副局长"),   # the lexicon's place first
])
def test_variant_removal_without_de_before_a_county(clause, person, post, read):
    """A county-level place no lexicon lists (新安县) still ends the name: two characters and the
    level word; a listed place wins over it (杨杰 + 三门峡市, not 杨杰三 + 门峡市)."""
    _, extraction = read([clause], title="关于张三职务任免的通知")
    assert rows(extraction.facts) == [(person, REMOVE, post)]


def test_variant_several_persons_to_one_post(read):
    """任命A、B为X / 免去A、B的X职务: one fact per person and post."""
    _, extraction = read(["任命王小明、欧阳春花为洛阳市财政局副局长；", "免去张峰、李青的洛阳市民政局副局长职务。"],
                         title="关于王小明等4人职务任免的通知")
    assert sorted(rows(extraction.facts)) == sorted([
        ("王小明", APPOINT, "洛阳市财政局副局长"), ("欧阳春花", APPOINT, "洛阳市财政局副局长"),
        ("张峰", REMOVE, "洛阳市民政局副局长"), ("李青", REMOVE, "洛阳市民政局副局长")])
    assert extraction.diagnostics == ()


def test_variant_remarks_and_formulas_are_not_posts(read_accounted):
    """`，另有任用` after a removal is a remark, not a post; a dated decision formula and
    `以上同志任职时间…` are boilerplate: every line of the notice is accounted."""
    text = ("洛阳市人民政府 关于王小明等2人职务任免的通知\n\n洛政任〔2021〕11号\n\n各县（市、区）人民政府，市人民政府各部门：\n\n"
            "经2021年3月1日市政府第5次常务会议研究，决定：\n\n任命王小明同志为洛阳市财政局局长（试用期一年）；\n\n"
            "免去张峰同志洛阳市民政局副局长职务，另有任用。\n\n以上同志任职时间从2021年3月1日起计算。\n\n"
            "洛阳市人民政府\n\n2021年3月2日\n")
    found, unread, _ = read_accounted(text)
    assert found == [("王小明", APPOINT, "洛阳市财政局局长"), ("张峰", REMOVE, "洛阳市民政局副局长")]
    assert unread == []


def test_variant_person_takes_the_post(read):
    """`A任X` (and 兼任, 担任), with 同志, （女）, a qualifier, 免去其 and names listed before the cue:
    the personnel notices of many gazettes print appointments this way."""
    _, extraction = read(["张三任洛阳市财政局局长；", "李四（女）任洛阳市教育局副局长（试用期一年）；",
                          "王五同志任洛阳市发展和改革委员会主任，免去其洛阳市统计局局长职务；",
                          "李明、欧阳明华任洛阳市人民政府副秘书长；", "刘洋兼任洛阳市物价局局长；",
                          "马超同志担任洛阳市审计局局长；", "吴刚、陈静不再担任洛阳市人民政府副秘书长职务。"],
                         title="关于张三等9人职务任免的通知")
    assert [(f.person, f.action, f.post, f.qualifiers, f.gender) for f in extraction.facts] == [
        ("张三", APPOINT, "洛阳市财政局局长", (), ""),
        ("李四", APPOINT, "洛阳市教育局副局长", ("试用期一年",), "female"),
        ("王五", APPOINT, "洛阳市发展和改革委员会主任", (), ""),
        ("王五", REMOVE, "洛阳市统计局局长", (), ""),
        ("李明", APPOINT, "洛阳市人民政府副秘书长", (), ""),
        ("欧阳明华", APPOINT, "洛阳市人民政府副秘书长", (), ""),
        ("刘洋", APPOINT, "洛阳市物价局局长", (), ""),
        ("马超", APPOINT, "洛阳市审计局局长", (), ""),
        ("吴刚", REMOVE, "洛阳市人民政府副秘书长", (), ""),
        ("陈静", REMOVE, "洛阳市人民政府副秘书长", (), ""),
    ]
    assert extraction.diagnostics == ()


def test_variant_a_title_with_ren_wrapped_to_the_next_line_continues_the_post(read):
    """The 任 of 主任 at the head of a wrapped line (`员会主任职务`, 员 being a surname) is no cue,
    nor the 任 of a document number (石政任〔2022〕5号)."""
    _, extraction = read(["免去周一的洛阳市卫生和计划生育委\n员会主任职务；", "免去钱二的洛阳市发展和改革委\n员会副主任职务。"],
                         number="石政任〔2022〕5号")     # 石 is a surname, and no post follows 任
    assert extraction.diagnostics == ()
    assert rows(extraction.facts) == [("周一", REMOVE, "洛阳市卫生和计划生育委员会主任"),
                                      ("钱二", REMOVE, "洛阳市发展和改革委员会副主任")]


def test_the_bare_ren_is_read_only_in_personnel_notices(only_document, vocab):
    """Outside a personnel notice `A任X` is prose (强化责任…, 由市长任组长), not an appointment."""
    text = ("洛阳市人民政府办公室 关于加强安全生产工作的通知\n\n洛政办〔2022〕3号\n\n各县（市、区）人民政府：\n\n"
            "强化责任落实，明确分工。\n\n张三任洛阳市财政局局长期间的工作由审计部门审计。\n\n"
            "洛阳市人民政府办公室\n\n2022年3月2日\n")
    assert extract_appointments(only_document(text)[1], vocab).facts == ()


def test_variant_decision_formula_run_into_the_first_clause(read_accounted):
    """`经…研究，决定任命A为X…` and `市人民政府决定：任命…` in one paragraph: the clauses open
    after the formula, and the lines are read."""
    text = ("洛阳市人民政府 关于孙一等4人职务任免的通知\n\n洛政任〔2022〕10号\n\n各县（市、区）人民政府，市人民政府各部门：\n\n"
            "经市人民政府研究，决定任命孙一为洛阳市财政局局长，免去其洛阳市审计局局长职务；免去周二的洛阳市民政局副局长职务。\n\n"
            "市人民政府决定：任命吴三为洛阳市商务局局长。\n\n根据工作需要，经市政府研究决定，免去钱五的洛阳市统计局局长职务。\n\n"
            "洛阳市人民政府\n\n2022年5月6日\n")
    found, unread, facts = read_accounted(text)
    assert found == [
        ("孙一", APPOINT, "洛阳市财政局局长"), ("孙一", REMOVE, "洛阳市审计局局长"),
        ("周二", REMOVE, "洛阳市民政局副局长"), ("吴三", APPOINT, "洛阳市商务局局长"),
        ("钱五", REMOVE, "洛阳市统计局局长")]
    assert unread == []
    assert all(f.source.quote.startswith(("任命", "免去")) for f in facts)


def test_variant_numbered_clauses(read):
    """Clauses numbered 一、 1. （三） (and numbered under a cue heading): the number is not part
    of the clause, and each clause is read."""
    _, extraction = read(["一、任命孙一为洛阳市财政局局长；", "二、免去周二的洛阳市民政局副局长职务。",
                          "1．任命吴三为洛阳市商务局局长；", "（三）提名郑四为洛阳市投资集团有限公司总经理人选；",
                          "（四）王五任洛阳市审计局局长。", "免去：", "1.钱六的洛阳市统计局副局长职务；",
                          "2.赵七的洛阳市档案馆馆长职务。"], title="关于孙一等7人职务任免的通知")
    assert rows(extraction.facts) == [
        ("孙一", APPOINT, "洛阳市财政局局长"), ("周二", REMOVE, "洛阳市民政局副局长"),
        ("吴三", APPOINT, "洛阳市商务局局长"), ("郑四", NOMINATE, "洛阳市投资集团有限公司总经理"),
        ("王五", APPOINT, "洛阳市审计局局长"), ("钱六", REMOVE, "洛阳市统计局副局长"),
        ("赵七", REMOVE, "洛阳市档案馆馆长")]
    assert extraction.diagnostics == ()
    assert not any(f.source.quote[:1] in "一二1（" for f in extraction.facts)


def test_variant_a_term_after_the_post_is_no_post(read):
    """`聘任A为X，聘期三年` / `任命A为X，试用期一年`: the term is a remark, not a second post."""
    _, extraction = read(["聘任周洁为洛阳市人民政府参事，聘期三年；", "任命王刚为洛阳市审计局副局长，试用期一年。"],
                         title="关于周洁等2人职务任免的通知")
    assert rows(extraction.facts) == [("周洁", APPOINT, "洛阳市人民政府参事"), ("王刚", APPOINT, "洛阳市审计局副局长")]


def test_variant_decision_formula_with_a_reason_is_boilerplate(read_accounted):
    """`根据工作需要，经市政府研究决定：` over the clauses is the decision formula."""
    text = ("洛阳市人民政府 关于孙一职务任免的通知\n\n洛政任〔2022〕14号\n\n各县（市、区）人民政府，市人民政府各部门：\n\n"
            "根据工作需要，经市政府研究决定：\n\n任命孙一为洛阳市财政局局长。\n\n洛阳市人民政府\n\n2022年5月6日\n")
    assert read_accounted(text)[:2] == ([("孙一", APPOINT, "洛阳市财政局局长")], [])


def test_variant_note_after_the_name(read):
    """`A（女，回族）为X` / `A（挂职）为X` / `A（民盟盟员）为X`: the note is no part of the post; 女 is
    the gender, words that describe the person are dropped, the others qualify the post."""
    _, extraction = read(["任命张三（女，回族）为洛阳市民族宗教事务局局长；", "任命李四（挂职）为洛阳市商务局副局长；",
                          "任命赵六（民盟盟员）为洛阳市教育局副局长；", "免去王五（女）的洛阳市统计局局长职务。"],
                         title="关于张三等4人职务任免的通知")
    assert [(f.person, f.action, f.post, f.gender, f.qualifiers) for f in extraction.facts] == [
        ("张三", APPOINT, "洛阳市民族宗教事务局局长", "female", ()),
        ("李四", APPOINT, "洛阳市商务局副局长", "", ("挂职",)),
        ("赵六", APPOINT, "洛阳市教育局副局长", "", ()),
        ("王五", REMOVE, "洛阳市统计局局长", "female", ()),
    ]


def test_variant_several_persons_under_one_cue(read):
    """任命A为X，B为Y / 免去A的X职务，B的Y职务 / A任X，B任Y / A不再担任X，B不再担任Y: each person has
    the posts of their own item; a comma before 免去其 is no new item."""
    _, extraction = read(["任命张三为洛阳市财政局局长，李四为洛阳市教育局局长；",
                          "免去王五的洛阳市审计局局长职务，赵六的洛阳市统计局局长职务；",
                          "任命钱七为洛阳市商务局局长，免去其洛阳市商务局副局长职务；",
                          "孙八任洛阳市民政局局长，周九任洛阳市司法局局长；",
                          "吴十不再担任洛阳市档案馆馆长职务，郑一不再担任洛阳市档案馆副馆长职务。"],
                         title="关于张三等9人职务任免的通知")
    assert rows(extraction.facts) == [
        ("张三", APPOINT, "洛阳市财政局局长"), ("李四", APPOINT, "洛阳市教育局局长"),
        ("王五", REMOVE, "洛阳市审计局局长"), ("赵六", REMOVE, "洛阳市统计局局长"),
        ("钱七", APPOINT, "洛阳市商务局局长"), ("钱七", REMOVE, "洛阳市商务局副局长"),
        ("孙八", APPOINT, "洛阳市民政局局长"), ("周九", APPOINT, "洛阳市司法局局长"),
        ("吴十", REMOVE, "洛阳市档案馆馆长"), ("郑一", REMOVE, "洛阳市档案馆副馆长")]
    assert extraction.diagnostics == ()
    assert extraction.facts[1].source.quote == "李四为洛阳市教育局局长"


def test_variant_de_before_zhiwu_and_party_posts(read):
    """`…局长的职务`: 的 is no part of the post; 党组成员 / 党组副书记 after a post borrow its
    organisation as 党组书记 does (lexicon titles)."""
    _, extraction = read(["张三同志不再担任洛阳市财政局局长的职务；", "免去李四同志洛阳市教育局副局长的职务；",
                          "任命王五同志为洛阳市审计局副局长（正处级）、党组成员、党组副书记。"],
                         title="关于张三等3人职务任免的通知")
    assert rows(extraction.facts) == [
        ("张三", REMOVE, "洛阳市财政局局长"), ("李四", REMOVE, "洛阳市教育局副局长"),
        ("王五", APPOINT, "洛阳市审计局副局长"), ("王五", APPOINT, "洛阳市审计局党组成员"),
        ("王五", APPOINT, "洛阳市审计局党组副书记")]
