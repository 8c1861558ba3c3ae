"""Personnel notices (人事任免) and honour lists (嘉奖 / 先进单位 / 先进个人), with their facts.

Clause forms are those of the seeds: 任命A为X；任命A（女）为X（主持工作）；任命A为X、Y；
任命A为X，免去其Y职务；免去AX职务；免去A的X职务；A不再担任X职务；提名A为X人选；聘任A为X.
A page header (人事任免 ———) sometimes falls between two clauses, and a long clause is
sometimes wrapped over two lines, as printed gazettes do.
"""
from __future__ import annotations

import random

from synthetic.pools import CITY_FULL, Agency, paragraph, spaced
from synthetic.records import Doc

SALUTATION = "各县（市、区）人民政府，城乡一体化示范区、开发区管理委员会，市人民政府各部门："
ISSUER = CITY_FULL + "人民政府"
DATE_LINE = "{DATE}"           # replaced by the signing date when the issue is assembled
QUALIFIERS = ("主持工作", "试用期一年", "正县级", "挂职期到 2021 年 10 月")
CLOSINGS = ("以上职务的任免，请按有关法律及章程办理。", "以上职务的任免，请按有关法律规定办理。",
            "请按有关法律规定办理。")
PAGE_HEADERS = ("人事任免 —————", "人事任免")
AWARD_PROJECTS = ("国道改线工程建设", "脱贫攻坚工作", "疫情防控工作", "项目建设攻坚", "招商引资工作",
                  "全国文明城市创建", "安全生产工作", "财税工作", "防汛抗旱工作")


def post(rng: random.Random, pool: list[Agency]) -> tuple[Agency, str]:
    agency = rng.choice(pool)
    return agency, agency.name + rng.choice(agency.titles)


def appointment(person: str, action: str, post_text: str) -> dict:
    return {"type": "appointment", "person": person, "action": action, "post": post_text, "qualifiers": []}


def clause(rng: random.Random, person: str, pool: list[Agency]) -> tuple[str, list[dict]]:
    """One clause and its facts."""
    form = rng.choices(range(10), weights=(30, 8, 5, 5, 5, 18, 15, 3, 6, 3))[0]
    agency, first = post(rng, pool)
    _, second = post(rng, [a for a in pool if a is not agency] or pool)
    if form == 0:
        return f"任命{person}为{first}", [appointment(person, "appoint", first)]
    if form == 1:
        return (f"任命{person}为{first}（{rng.choice(QUALIFIERS)}）", [appointment(person, "appoint", first)])
    if form == 2:
        return f"任命{person}（女）为{first}", [appointment(person, "appoint", first)]
    if form == 3:
        return (f"任命{person}为{first}、{second}",
                [appointment(person, "appoint", first), appointment(person, "appoint", second)])
    if form == 4:
        titles = rng.sample(agency.titles, 2)
        both = [agency.name + t for t in titles]
        return (f"任命{person}为{both[0]}、{titles[1]}", [appointment(person, "appoint", p) for p in both])
    if form == 5:
        return (f"任命{person}为{first}，免去其{second}职务",
                [appointment(person, "appoint", first), appointment(person, "remove", second)])
    if form == 6:
        return f"免去{person}{first}职务", [appointment(person, "remove", first)]
    if form == 7:
        return f"免去{person}的{first}职务", [appointment(person, "remove", first)]
    if form == 8:
        return f"{person}不再担任{first}职务", [appointment(person, "remove", first)]
    verb, action, tail = rng.choice((("提名", "nominate", "人选"), ("聘任", "appoint", "")))
    return f"{verb}{person}为{first}{tail}", [appointment(person, action, first)]


def personnel_notice(rng: random.Random, names: tuple[str, ...], pool: list[Agency]) -> Doc:
    count = rng.choice((2, 2, 3, 4, 4, 5, 6, 8, 12, 19, 33))
    persons = rng.sample(names, count)
    body = ["", SALUTATION, "", "经市人民政府研究，决定：", ""]
    facts: list[dict] = []
    for k, person in enumerate(persons):
        text, found = clause(rng, person, pool)
        text += "。" if k == count - 1 else "；"
        if len(text) > 30 and rng.random() < 0.08:          # wrapped over two lines
            cut = rng.randint(len(text) // 2, len(text) - 4)
            body += [text[:cut], text[cut:], ""]
        else:
            body += [text, ""]
        if k < count - 1 and rng.random() < 0.06:           # a page header inside the list
            body += [rng.choice(PAGE_HEADERS), ""]
        facts += found
    body += [rng.choice(CLOSINGS), "", ISSUER, "", DATE_LINE]
    kind = rng.choice(("职务任免", "职务任免", "任职", "职务调整"))
    title = f"关于{persons[0]}等{count}人{kind}的通知"
    heading = f"{ISSUER} 关于{persons[0]}等 {count} 人{kind}的通知"
    return Doc("人事任免", "三政任", ISSUER + title, heading, body, facts)


def honours_decision(rng: random.Random, names: tuple[str, ...], units: list[str]) -> Doc:
    """An honour list: commended units and persons (with their units) under award headings."""
    project = rng.choice(AWARD_PROJECTS)
    unit_count, person_count = rng.randint(2, 12), rng.randint(3, 30)
    honoured_units = rng.sample(units, min(unit_count, len(units)))
    persons = rng.sample(names, person_count)
    advanced = rng.random() < 0.5
    unit_award, person_award = ("先进单位", "先进个人") if advanced else ("嘉奖", "嘉奖")
    unit_heading = f"先进单位（共 {len(honoured_units)} 个）" if advanced else f"受到嘉奖的单位（{len(honoured_units)} 个）"
    person_heading = f"先进个人（共 {person_count} 人）" if advanced else f"受到嘉奖的个人（{person_count} 名）"
    what = f"表彰{project}先进单位和先进个人的决定" if advanced else f"对{project}中贡献突出的单位和个人予以嘉奖的通报"
    body = ["", SALUTATION, "", paragraph(rng, 3, 6) +
            f"为激励先进，市人民政府决定，对在{project}中成绩突出的{len(honoured_units)}个单位和"
            f"{person_count}名同志予以{'表彰' if advanced else '嘉奖'}（名单附后）。",
            "", "希望受到表彰的单位和个人珍惜荣誉，再创佳绩。", "", ISSUER, DATE_LINE, "", "附 件", "",
            f"{project}先进单位和先进个人名单", "", f"一、{unit_heading}", ""]
    facts = [{"type": "commendation", "recipient": unit, "affiliation": "", "award": unit_award}
             for unit in honoured_units]
    body += honoured_units + ["", f"二、{person_heading}", ""]
    for person in persons:
        unit = rng.choice(units)
        separator = rng.choice((" ", "\t"))
        body.append(f"{spaced(person)}{separator}{unit}")
        facts.append({"type": "commendation", "recipient": person, "affiliation": unit, "award": person_award})
    return Doc("市政府文件", "三政", ISSUER + "关于" + what, f"{ISSUER} 关于{what}", body, facts)
