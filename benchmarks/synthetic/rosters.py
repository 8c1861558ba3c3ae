"""Rosters: the members of a leading group, command headquarters or committee, with their facts.

As in the seeds: role labels spaced out (组 长：), two-character names spaced (安 伟),
unlabelled lines continuing a role (with a leading space or a bullet, sometimes after a
blank line), （兼） for a concurrent role, an office sentence closing the list
(…下设办公室，办公室设在市气象局，柴贵海同志兼办公室主任。), and sometimes sub-bodies
numbered under the main one (一、市防汛抗旱应急指挥部), each with its own list and office.
"""
from __future__ import annotations

import random

from synthetic.pools import CITY_FULL, OFFICIAL_POSTS, Agency, spaced
from synthetic.records import Doc

OFFICE = CITY_FULL + "人民政府办公室"
SALUTATION = "各县（市、区）人民政府，城乡一体化示范区、开发区管理委员会，市人民政府有关部门："
DATE_LINE = "{DATE}"
CN = ("一", "二", "三", "四", "五", "六", "七", "八")
BODIES = {   # suffix: (leader, deputies, members, what the office sentence calls the body)
    "工作领导小组": (("组长", "组 长"), ("常务副组长", "副组长"), "成员", "领导小组"),
    "指挥部": (("指挥长", "指 挥 长"), ("常务副指挥长", "副指挥长"), "成员", "指挥部"),
    "工作委员会": (("主任",), ("常务副主任", "副主任"), "委员", "委员会"),
}
TOPICS = ("创建全国文明城市", "脱贫攻坚普查", "河长制", "森林防火", "防汛抗旱", "疫情防控", "重大项目建设",
          "第七次全国人口普查", "全国卫生城市复审", "农村公路建设", "城市供水保障", "秸秆禁烧",
          "国家森林城市创建", "冬季清洁取暖", "扫黑除恶专项斗争", "老旧小区改造")
SUB_TOPICS = ("防汛抗旱应急", "森林防火应急", "安全生产应急", "公共卫生应急", "交通运输应急", "地质灾害应急")
PAGE_HEADERS = ("市政府办公室文件", "市政府办公室文件 ————")


def stated_post(rng: random.Random, pool: list[Agency]) -> str:
    agency = rng.choice(pool)
    own = agency.short + rng.choice(agency.titles[:2])
    return rng.choice((own, own, own, f"市政府副秘书长、{own}"))


def member_line(rng: random.Random, label: str, name: str, post: str, first: bool) -> str:
    printed = spaced(name) if rng.random() < 0.5 else name
    bracket = f"（{post}）" if post else "（兼）"
    if first:
        return f"{label}：{printed}{bracket}"
    return rng.choice(("", " ", "- ")) + f"{printed}{bracket}"


def roster(rng: random.Random, group: str, names: list[str], pool: list[Agency], suffix: str,
           small: bool = False) -> tuple[list[str], list[dict]]:
    """The labelled lists of one body and their membership facts."""
    leader, deputies, members, _ = BODIES[suffix]
    sizes = ((leader[0], rng.choice(leader), 1, OFFICIAL_POSTS[:2]),
             (deputies[0], deputies[0], rng.choice((0, 1)), OFFICIAL_POSTS[1:3]),
             (deputies[1], rng.choice((deputies[1], " ".join(deputies[1]))), rng.randint(1, 3 if small else 6), None),
             (members, rng.choice((members, " ".join(members))), 0 if small else rng.randint(6, 30), None))
    lines, facts = [], []
    for role, label, count, posts in sizes:
        for k in range(count):
            name = names.pop()
            post = rng.choice(posts) if posts else stated_post(rng, pool)
            lines.append(member_line(rng, label, name, post, k == 0))
            if k and rng.random() < 0.15:
                lines.append("")
            if k and rng.random() < 0.02:
                lines += [rng.choice(PAGE_HEADERS), ""]
            facts.append(membership(group, name, role, post))
    if small and rng.random() < 0.7:                      # 秘书长：裴宗杰（兼）
        name = names.pop()
        lines.append(member_line(rng, "秘书长", name, "", True))
        facts.append(membership(group, name, "秘书长", ""))
    return lines, facts


def membership(group: str, person: str, role: str, post: str) -> dict:
    return {"type": "membership", "group": group, "person": person, "role": role, "stated_post": post}


def office_sentence(rng: random.Random, group: str, called: str, names: list[str],
                    pool: list[Agency]) -> tuple[str, list[dict]]:
    unit = rng.choice(pool).short
    facts = [{"type": "office", "group": group, "unit": unit}]
    if rng.random() < 0.6:
        holder = names.pop()
        facts.append(membership(group, holder, "办公室主任", ""))
        return f"{called}下设办公室，办公室设在{unit}，{holder}同志兼办公室主任。", facts
    return f"{called}下设办公室，办公室设在{unit}。", facts


def roster_notice(rng: random.Random, names: tuple[str, ...], pool: list[Agency]) -> Doc:
    """成立（调整）…领导小组的通知, its member list, office, and sometimes sub-bodies."""
    suffix = rng.choice(tuple(BODIES))
    group = f"{CITY_FULL}{rng.choice(TOPICS)}{suffix}"
    verb = rng.choice(("成立", "成立", "调整"))
    title = f"关于{verb}{group}的通知" if verb == "成立" else f"关于{verb}{group}成员的通知"
    free = rng.sample(names, 80)
    opening = (f"为加强组织领导，市政府决定成立{group}。现将成员名单通知如下：" if verb == "成立" else
               f"因人事变动，经市政府同意，对{group}成员进行调整。现将调整后的成员名单通知如下：")
    body = ["", SALUTATION, "", opening, ""]
    lines, facts = roster(rng, group, free, pool, suffix)
    sentence, found = office_sentence(rng, group, BODIES[suffix][3], free, pool)
    body += lines + ["", sentence, ""]
    facts += found
    if suffix == "指挥部" and rng.random() < 0.4:
        for k, topic in enumerate(rng.sample(SUB_TOPICS, rng.randint(2, 4))):
            sub = f"市{topic}指挥部"
            lines, found = roster(rng, sub, free, pool, "指挥部", small=True)
            sentence, office = office_sentence(rng, sub, sub, free, pool)
            body += [f"{CN[k]}、{sub}", ""] + lines + ["", sentence, ""]
            facts += found + office
    body += [OFFICE, "", DATE_LINE]
    masthead = OFFICE + "文件" if rng.random() < 0.3 else ""
    return Doc("市政府办公室文件", "三政办文", OFFICE + title, f"{OFFICE} {title}", body, facts, masthead)
