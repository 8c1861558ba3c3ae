"""One gazette issue: the cover, the contents, the masthead and the notices, with planted facts.

Issue ``i`` of a corpus depends only on the seed and ``i``, so a 10 MB corpus starts
with the 1 MB corpus of the same seed, and any issue can be made on its own. Document
numbers are unique across a corpus (三政办〔2014〕617号): prefix by genre, year by issue,
number by issue and position.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from synthetic.duties import policy_document, task_division
from synthetic.notices import honours_decision, personnel_notice
from synthetic.pools import CITY_FULL, agencies, person_names
from synthetic.records import Doc
from synthetic.rosters import roster_notice

FIRST_YEAR, YEARS, ISSUES_PER_YEAR, PER_ISSUE = 2000, 25, 40, 20
NAMES_PER_CORPUS = 20_000
SECTION_ORDER = ("重要文件", "市政府文件", "市政府办公室文件", "人事任免", "部门文件")
# How many notices of each genre an issue holds (a choice among the listed counts).
MIX = (("personnel", (0, 1, 1, 2, 3)), ("roster", (0, 0, 1, 1, 2)), ("duties", (0, 1, 1, 2)),
       ("honours", (0, 0, 0, 1)), ("policy", (2, 3, 4, 5, 6)))


def issue_date(index: int, rng: random.Random) -> date:
    year = FIRST_YEAR + (index // ISSUES_PER_YEAR) % YEARS
    return date(year, 1, 1) + timedelta(days=(index % ISSUES_PER_YEAR) * 9 + rng.randint(0, 5))


def document_number(prefix: str, year: int, index: int, position: int) -> str:
    block = index // (ISSUES_PER_YEAR * YEARS)
    return f"{prefix}〔{year}〕{block * ISSUES_PER_YEAR * PER_ISSUE + (index % ISSUES_PER_YEAR) * PER_ISSUE + position + 1}号"


def format_date(day: date, rng: random.Random) -> str:
    if rng.random() < 0.3:
        return f"{day.year} 年 {day.month} 月 {day.day} 日"
    return f"{day.year}年{day.month}月{day.day}日"


def make_documents(rng: random.Random, on: str, names: tuple[str, ...]) -> list[Doc]:
    pool = [a for a in agencies() if a.valid_on(on)]
    units = [a.name for a in pool]
    docs: list[Doc] = []
    for genre, counts in MIX:
        for _ in range(rng.choice(counts)):
            if genre == "personnel":
                docs.append(personnel_notice(rng, names, pool))
            elif genre == "roster":
                docs.append(roster_notice(rng, names, pool))
            elif genre == "duties":
                docs.append(task_division(rng, pool))
            elif genre == "honours":
                docs.append(honours_decision(rng, names, units))
            else:
                docs.append(policy_document(rng))
    return sorted(docs, key=lambda d: SECTION_ORDER.index(d.section))


def contents(docs: list[Doc], rng: random.Random) -> list[str]:
    """目 录 with section headings and page numbers; long titles sometimes wrapped."""
    lines, section, page = ["", "", CITY_FULL + "人民政府", "", "公 报", "", "", "", "目 录", ""], "", 1
    for doc in docs:
        if doc.section != section:
            section = doc.section
            lines += [f"【{section}】", ""]
        if len(doc.title) > 24 and rng.random() < 0.3:
            cut = rng.randint(12, len(doc.title) - 8)
            lines += [doc.title[:cut], f"{doc.title[cut:]} {page}"]
        else:
            lines.append(f"{doc.title}\t{page}")
        page += rng.randint(1, 9)
    return lines + ["", f"《{CITY_FULL}人民政府公报》", "", "编 委 会", ""]


def make_issue(seed: int, index: int) -> tuple[str, list[dict]]:
    """The text of issue ``index`` and its planted facts (facts-schema rows)."""
    rng = random.Random(f"issue:{seed}:{index}")
    day = issue_date(index, rng)
    names = person_names(seed, NAMES_PER_CORPUS)
    docs = make_documents(rng, day.isoformat(), names)
    lines = contents(docs, rng) + [str(day.year), "", f"第{index % ISSUES_PER_YEAR + 1}号(总第{index + 1}号)", ""]
    facts: list[dict] = []
    for position, doc in enumerate(docs):
        signed = day - timedelta(days=rng.randint(3, 40))
        number = document_number(doc.prefix, day.year, index, position)
        printed = number if rng.random() < 0.7 else number[:-1] + " 号"
        body = [format_date(signed, rng) if line == "{DATE}" else line for line in doc.body]
        if doc.masthead:            # 三门峡市人民政府办公室文件, the number, then the title
            lines += [doc.masthead, "", printed, "", doc.heading] + body + ["", ""]
        else:
            lines += [doc.heading, "", printed] + body + ["", ""]
        facts += [{"type": f["type"], "doc": number, "date": signed.isoformat(),
                   **{k: v for k, v in f.items() if k != "type"}} for f in doc.facts]
    return "\n".join(lines) + "\n", facts


def issue_name(seed: int, index: int) -> str:
    return f"{CITY_FULL}-s{seed}-{index:05d}"
