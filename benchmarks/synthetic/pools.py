"""What synthetic gazettes are made of: persons, agencies, posts and policy phrases.

Agencies come from ``ontology/lexicon/agencies.tsv`` (the city's bureaus, commissions,
offices and centres, each with the short form gazettes print: 市发展改革委, and the
bare form a list leaves its 市 off: 发展改革委); surnames from ``surnames.txt``. Given
names are drawn from characters that cannot end a name early in the extractors'
eyes (no 为 / 的 / 同, no character that opens a place or organisation name).
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LEXICON = ROOT / "ontology" / "lexicon"
CITY = "三门峡"
CITY_FULL = CITY + "市"
AGENCY_TYPES = ("government_department", "public_institution")
GIVEN = ("伟芳敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉林建海峰新东文宏波斌宇浩"
         "凯健俊帆帅旭宁龙晓春秋冬雪梅兰松柏振兴永庆福贵荣德胜利成功安保卫彬彤璐瑶琳晨"
         "阳光亮清泉江河山岩石金鑫铭锋钢铁英杰豪雄飞翔鸿博远志航敬忠孝仁义礼智信诚实勤俭")
SKIP_GIVEN = set("为的同志不免任兼等女三河中国共团全省市县区湖陕义渑灵卢其")
COMMON_SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾"
                   "彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康"
                   "毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "呼延", "东方", "皇甫", "令狐")


@dataclass(frozen=True, slots=True)
class Agency:
    """A city body as the gazettes print it."""
    name: str            # 三门峡市发展和改革委员会
    short: str           # 市发展改革委
    bare: str            # 发展改革委 ("" when a list never drops the 市)
    valid_from: str
    valid_to: str

    def valid_on(self, date: str) -> bool:
        return (not self.valid_from or self.valid_from <= date) and (not self.valid_to or date <= self.valid_to)

    @property
    def titles(self) -> tuple[str, ...]:
        """Titles of posts in this body, by the word its name ends with."""
        for ending, titles in TITLES_BY_ENDING:
            if self.name.endswith(ending):
                return titles
        return ("主任", "副主任")


TITLES_BY_ENDING = (
    ("管理委员会", ("主任", "常务副主任", "副主任", "调研员")),
    ("委员会", ("主任", "副主任", "调研员", "副调研员")),
    ("局", ("局长", "副局长", "调研员", "副调研员", "总工程师")),
    ("办公室", ("主任", "副主任", "调研员")),
    ("中心", ("主任", "副主任")),
    ("院", ("院长", "副院长")),
    ("处", ("处长", "副处长")),
    ("支队", ("支队长", "副支队长")),
)
OFFICIAL_POSTS = ("市长", "副市长", "常务副市长", "市政府秘书长", "市政府副秘书长", "市委常委、常务副市长")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@lru_cache(maxsize=1)
def agencies() -> tuple[Agency, ...]:
    """City bodies whose full name starts with the city, with their printed short forms."""
    out = []
    for row in read_tsv(LEXICON / "agencies.tsv"):
        name = (row.get("name") or "").strip()
        if row.get("type") not in AGENCY_TYPES or not name.startswith(CITY_FULL) or len(name) > 16 \
                or name.endswith(("二科", "地调队")):
            continue
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        short = _short_form(name, aliases)
        bare = short[1:] if short[1:] in aliases and not short.startswith(("市政府", "市委", "市人民")) else ""
        out.append(Agency(name, short, bare, (row.get("valid_from") or "").strip(),
                          (row.get("valid_to") or "").strip()))
    return tuple(out)


def _short_form(name: str, aliases: list[str]) -> str:
    """The form a list prints: the longest 市X whose 三门峡市X is also an alias, else 市 + rest."""
    printed = [a for a in aliases if a.startswith("市") and CITY + a in aliases and "部门" not in a]
    return max(printed, key=len) if printed else "市" + name[len(CITY_FULL):]


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    lines = (LEXICON / "surnames.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=4)
def person_names(seed: int, count: int) -> tuple[str, ...]:
    """``count`` distinct names (2–3 characters, a few compound surnames), the same for a seed."""
    rng = random.Random(f"names:{seed}")
    known = surnames()
    single = [s for s in COMMON_SURNAMES if s in known]
    compound = [s for s in COMPOUND_SURNAMES if s in known]
    given = [c for c in dict.fromkeys(GIVEN) if c not in SKIP_GIVEN]
    names: dict[str, None] = {}
    while len(names) < count:
        roll = rng.random()
        if roll < 0.01 and compound:
            name = rng.choice(compound) + "".join(rng.choices(given, k=2))
        else:
            name = rng.choice(single) + "".join(rng.choices(given, k=1 if roll < 0.3 else 2))
        names.setdefault(name, None)
    return tuple(names)


def spaced(name: str) -> str:
    """Two-character names are printed with a space inside in lists: 安 伟."""
    return f"{name[0]} {name[1]}" if len(name) == 2 else name


# --- policy prose -------------------------------------------------------------------------

ADVERBS = ("深入", "持续", "大力", "加快", "全面", "扎实", "着力", "积极", "稳步", "切实", "进一步", "统筹")
VERBS = ("推进", "实施", "落实", "完善", "优化", "提升", "强化", "健全", "推动", "加强", "深化", "构建")
OBJECTS = ("营商环境", "产业结构", "公共服务体系", "基础设施建设", "风险防控机制", "要素保障", "科技创新能力",
           "生态环境质量", "乡村振兴战略", "城市更新行动", "数字政府建设", "社会信用体系", "安全生产责任制",
           "应急管理体系", "就业创业服务", "医疗卫生服务能力", "教育资源配置", "文化旅游融合发展",
           "黄河流域生态保护", "农村人居环境", "重大项目建设", "招商引资工作", "财政资金绩效管理",
           "市场主体培育", "现代物流体系", "智慧城市建设", "住房保障体系", "养老服务体系", "食品安全监管")
GOALS = ("确保各项任务落到实处", "形成工作合力", "不断增强人民群众的获得感、幸福感、安全感",
         "推动全市经济社会高质量发展", "为建设省际区域中心城市提供有力支撑", "切实提高工作实效",
         "努力实现年度目标任务", "促进经济持续健康发展", "营造良好社会氛围", "筑牢安全发展底线")
MEASURES = ("建立健全工作台账", "实行清单化管理", "加强督促检查", "完善考核评价办法", "强化部门协同联动",
            "加大资金投入力度", "开展专项整治行动", "做好政策宣传解读", "定期通报工作进展", "落实属地管理责任")
UNITS_OF_MEASURE = (("亿元", 1, 300), ("万人", 1, 50), ("公里", 5, 900), ("个", 3, 600), ("万平方米", 1, 120),
                    ("%", 1, 95))


def sentence(rng: random.Random) -> str:
    """One sentence of policy prose (never a cue, label, bracketed list or award word)."""
    kind = rng.random()
    if kind < 0.4:
        return (f"{rng.choice(ADVERBS)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}，"
                f"{rng.choice(MEASURES)}，{rng.choice(GOALS)}。")
    if kind < 0.7:
        unit, low, high = rng.choice(UNITS_OF_MEASURE)
        return (f"到{rng.randint(2020, 2030)}年，{rng.choice(OBJECTS)}{rng.choice(('明显改善', '持续提升', '基本完善'))}，"
                f"全年完成{rng.choice(OBJECTS)}{rng.randint(low, high)}{unit}以上。")
    return (f"各县（市、区）政府要{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(ADVERBS)}"
            f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(GOALS)}。")


def paragraph(rng: random.Random, low: int = 2, high: int = 6) -> str:
    return "".join(sentence(rng) for _ in range(rng.randint(low, high)))


def heading(rng: random.Random) -> str:
    """A task heading: 加快推进营商环境 …"""
    return f"{rng.choice(ADVERBS)}{rng.choice(VERBS)}{rng.choice(OBJECTS)}"
