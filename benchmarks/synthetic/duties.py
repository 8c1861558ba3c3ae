"""Task divisions (牵头单位 / 配合单位 / 责任单位) and plain policy documents, with their facts.

Five layouts, one per document as in the seeds: label lines under a task (牵头单位：…
配合单位：…), 主要责任单位 / 相关责任单位 in brackets closing a task, （…负责）,
（责任单位：…）, and （X牵头，Y按职责分工负责）. Lists leave the 市 of later units
implicit (市发展改革委、科技局) and end with a collective unit (各县〔市、区〕政府).
Policy documents are the same prose without any list: text that yields no fact.
"""
from __future__ import annotations

import random

from synthetic.pools import CITY_FULL, Agency, heading, paragraph
from synthetic.records import Doc

CN = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五")
OFFICE = CITY_FULL + "人民政府办公室"
GOVERNMENT = CITY_FULL + "人民政府"
COLLECTIVE = "各县（市、区）政府"
SALUTATION = "各县（市、区）人民政府，城乡一体化示范区、开发区管理委员会，市人民政府有关部门："
DATE_LINE = "{DATE}"
TOPICS = ("重点民生实事", "优化营商环境", "乡村振兴", "大气污染防治", "农村人居环境整治", "数字政府建设",
          "城市更新", "黄河流域生态保护和高质量发展", "全民健康", "现代物流业发展", "文化旅游融合发展",
          "制造业高质量发展", "安全生产专项整治", "养老服务体系建设", "就业创业促进")
LAYOUTS = ("labels", "main_related", "responsible", "unit_bracket", "lead_support")


def unit_list(rng: random.Random, pool: list[Agency], count: int) -> tuple[str, list[str]]:
    """A printed list and the units it means: the first unit with 市, later ones often without."""
    chosen = rng.sample(pool, min(count, len(pool)))
    printed = [chosen[0].short] + [a.bare if a.bare and rng.random() < 0.7 else a.short for a in chosen[1:]]
    return "、".join(printed), [a.short for a in chosen]


def collective(rng: random.Random) -> str:
    return rng.choice(("各县（市、区）政府", "各县〔市、区〕政府"))


def assignments(path: str, title: str, units: list[str], kind: str) -> list[dict]:
    return [{"type": "assignment", "task": path, "task_title": title, "unit": u, "kind": kind} for u in units]


def closing(rng: random.Random, layout: str, pool: list[Agency], path: str, title: str) -> tuple[list[str], str, list[dict]]:
    """Lines after a task's paragraph (label layout), or the bracket closing it, and the facts."""
    lead, leads = unit_list(rng, pool, rng.choice((1, 1, 1, 2)))
    rest = [a for a in pool if a.short not in leads]
    support, supports = unit_list(rng, rest, rng.randint(2, 9))
    with_counties = rng.random() < 0.6
    if with_counties:
        supports = supports + [COLLECTIVE]
    tail = f"，{collective(rng)}" if with_counties else ""
    facts = assignments(path, title, leads, "lead")
    if layout == "labels":
        label = rng.choice(("牵头单位", "牵头单位", "牵头部门"))
        return ["", f"{label}：{lead}。", "", f"配合单位：{support}{tail}。"], "", facts + assignments(path, title, supports, "support")
    if layout == "main_related":
        return [], f"（主要责任单位：{lead}；相关责任单位：{support}{tail}）", facts + assignments(path, title, supports, "support")
    if layout == "lead_support":
        return [], f"（{lead}牵头，{support}{tail}按职责分工负责）", facts + assignments(path, title, supports, "support")
    both, units = unit_list(rng, pool, rng.randint(1, 6))
    if layout == "responsible":
        both += f"和{collective(rng)}" if with_counties else ""
        return [], f"（{both}负责）", assignments(path, title, units + [COLLECTIVE] * with_counties, "lead")
    opening = f"{collective(rng)}，" if with_counties else ""
    return [], f"（责任单位：{opening}{both}）", assignments(path, title, [COLLECTIVE] * with_counties + units, "lead")


def task_division(rng: random.Random, pool: list[Agency]) -> Doc:
    """A notice dividing a plan's tasks among units, numbered 一、（一）1. as printed."""
    layout = rng.choice(LAYOUTS)
    topic = rng.choice(TOPICS)
    body = ["", SALUTATION, "", paragraph(rng, 2, 4) + "现将有关事项通知如下。", ""]
    facts: list[dict] = []
    for i in range(rng.randint(3, 7)):
        top = f"{CN[i]}、"
        if layout == "main_related" and rng.random() < 0.5:          # 一、X。…（主要责任单位：…）
            title = heading(rng)
            lines, bracket, found = closing(rng, layout, pool, top, title)
            body += [f"{top}{title}。{paragraph(rng, 1, 4)}{bracket}", ""] + lines
            facts += found
            continue
        body += [f"{top}{heading(rng)}", ""]
        for j in range(rng.randint(2, 5)):
            second = f"（{CN[j]}）"
            if layout in ("unit_bracket", "lead_support") and rng.random() < 0.6:
                body += [f"{second}{heading(rng)}", ""]
                for k in range(rng.randint(2, 4)):
                    path, title = f"{top}({CN[j]}){k + 1}.", heading(rng)
                    lines, bracket, found = closing(rng, layout, pool, path, title)
                    body += [f"{k + 1}. {title}。{paragraph(rng, 1, 4)}{bracket}", ""] + lines
                    facts += found
                continue
            path, title = f"{top}({CN[j]})", heading(rng)
            lines, bracket, found = closing(rng, layout, pool, path, title)
            body += [f"{second}{title}。{paragraph(rng, 1, 5)}{bracket}", ""] + lines + [""]
            facts += found
    body += [OFFICE, "", DATE_LINE]
    title = f"关于印发{CITY_FULL}{topic}工作方案的通知"
    return Doc("市政府办公室文件", "三政办", OFFICE + title, f"{OFFICE} {title}", body, facts)


def policy_document(rng: random.Random) -> Doc:
    """A plan or regulation with no unit list: prose the extractors read past."""
    topic = rng.choice(TOPICS)
    issuer, section, prefix = rng.choice(((GOVERNMENT, "市政府文件", "三政"),
                                          (OFFICE, "市政府办公室文件", "三政办")))
    body = ["", SALUTATION, "", paragraph(rng, 2, 4), ""]
    if rng.random() < 0.5:
        for n in range(rng.randint(8, 40)):
            body += [f"第{_article(n + 1)}条 {paragraph(rng, 1, 3)}", ""]
    else:
        for i in range(rng.randint(3, 8)):
            body += [f"{CN[i]}、{heading(rng)}", ""]
            for j in range(rng.randint(2, 6)):
                body += [f"（{CN[j]}）{heading(rng)}。{paragraph(rng, 2, 6)}", ""]
    body += [issuer, "", DATE_LINE]
    kind = rng.choice(("实施意见", "实施方案", "管理办法", "若干措施"))
    title = f"关于印发{CITY_FULL}{topic}{kind}的通知"
    return Doc(section, prefix, issuer + title, f"{issuer} {title}", body, [])


def _article(n: int) -> str:
    """第十二条: Chinese numerals up to 99."""
    tens, ones = divmod(n, 10)
    return (("" if tens < 2 else CN[tens - 1]) + ("十" if tens else "") + (CN[ones - 1] if ones else "")) or "零"
