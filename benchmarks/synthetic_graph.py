"""A gazette-shaped synthetic graph of a given size, for the store benchmark.

The real corpus is five gazette issues (34,378 triples); the benchmark needs 1e4, 1e5
and 1e6. This generator writes what many cities' gazettes would give, with the
proportions measured on the seeds build: per city about 37 notices, 180 agencies,
220 persons, 22 groups with 235 memberships (a third re-issued later with part of the
roster changed), 278 tasks with 1,543 assignments (task sizes skewed as in the seeds,
popular agencies like 财政局 named far more often: Zipf), 91 appointments with tenures,
102 commendations, post observations and office sites. Every fact has its provenance
(prov:wasDerivedFrom, quote, offsets, line) and lives in its document's named graph;
entities live in the entities graph, as in ``graph.trig``, and the build's corpus
rankings and roster periods (``graphbuilder/rdf/summaries.py``, from the same
assignments, memberships and listings) in the summaries graph. Terms are the ontology's.

    python benchmarks/synthetic_graph.py 1000000 /tmp/g1e6.trig

writes the TriG file and ``/tmp/g1e6.json`` (triple count and parameter values for the
named queries: a group, a person on several groups, a popular agency, a date).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from graphbuilder.rdf import summaries as ranked

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "ontology" / "lexicon"
BASE = "https://w3id.org/graphbuilder/id/"
PREFIXES = {
    "gb": "https://w3id.org/graphbuilder/ontology#", "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#", "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#", "time": "http://www.w3.org/2006/time#",
    "xsd": "http://www.w3.org/2001/XMLSchema#", "id": BASE,
}
TRIPLES_PER_CITY = 33_000            # what one generated city gives (the seeds' five issues: 34,378)
CITIES = ("三门峡", "洛阳", "郑州", "开封", "平顶山", "安阳", "鹤壁", "新乡", "焦作", "濮阳", "许昌", "漯河",
          "南阳", "商丘", "信阳", "周口", "驻马店", "济源", "太原", "大同", "长治", "晋城", "朔州", "晋中",
          "运城", "忻州", "临汾", "吕梁", "西安", "宝鸡", "咸阳", "渭南", "延安", "汉中", "榆林", "安康")
GROUP_TOPICS = ("脱贫攻坚", "安全生产", "森林防火", "防汛抗旱", "食品药品安全", "生态环境保护", "营商环境",
                "乡村振兴", "文明城市创建", "招商引资", "重点项目建设", "疫情防控", "消防安全", "交通运输",
                "地质灾害防治", "国土绿化", "河长制", "优化营商环境", "城市管理", "公共卫生", "社会救助", "教育发展")
GROUP_KINDS = (("工作领导小组", "LeadingGroup"), ("应急指挥部", "CommandHQ"), ("建设指挥部", "CommandHQ"),
               ("委员会", "Committee"))
ROLES = (("组长", 1), ("副组长", 2), ("成员", 8), ("办公室主任", 1))
GIVEN = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟"
TITLES = ("局长", "副局长", "主任", "副主任", "市长", "副市长", "秘书长", "副秘书长", "党组书记")
AWARDS = ("先进个人", "先进集体", "嘉奖", "二等功", "三等功")


def iri(kind: str, *parts: str) -> str:
    """The project's IRI scheme (entities/keys.make_iri): a hash of the key parts."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"<{BASE}{kind}/{digest}>"


def text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typed(value: str, datatype: str) -> str:
    return f'"{value}"^^xsd:{datatype}'


@dataclass
class Summaries:
    """What a build counts for graph/summaries, gathered as the facts are generated
    (IRIs written ``<…>`` here, bare in the ranking functions)."""
    assignments: list[tuple[str, str, str, str]]      # task, unit, kind, document
    memberships: list[tuple[str, str, str, str]]      # person, group, document number, date
    listings: list[tuple[str, str]]                   # group, date

    def triples(self):
        def bare(row):
            return tuple(value.strip("<>") for value in row)
        yield from ranked.partnership_triples(ranked.rank_partnerships(map(bare, self.assignments)))
        rows = [bare(row) for row in self.memberships]
        yield from ranked.bridge_triples(ranked.rank_bridges((person, group) for person, group, _, _ in rows))
        yield from ranked.period_triples(ranked.roster_periods(rows, map(bare, self.listings)))


@dataclass
class Writer:
    """Buffers one named graph at a time and counts the triples written."""
    out: object
    triples: int = 0
    graph: list[str] = field(default_factory=list)

    def add(self, subject: str, *pairs: tuple[str, str | tuple[str, ...]]) -> None:
        """One subject's triples; an object given as a tuple is several objects."""
        objects = [(p, o if isinstance(o, tuple) else (o,)) for p, o in pairs]
        body = " ;\n    ".join(f"{p} {', '.join(o)}" for p, o in objects)
        self.graph.append(f"  {subject} {body} .\n")
        self.triples += sum(len(o) for _, o in objects)

    def flush(self, name: str) -> None:
        self.out.write(f"{name} {{\n{''.join(self.graph)}}}\n")
        self.graph.clear()


def read_agencies() -> list[tuple[str, str]]:
    """(name without the city, class) for the city-level agencies of the lexicon."""
    kinds = {"government_department": "GovernmentDepartment", "party_organ": "PartyOrgan",
             "enterprise": "Enterprise", "local_government": "LocalGovernment"}
    rows = []
    for line in (LEXICON / "agencies.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) > 2 and cells[1].startswith("三门峡市") and len(cells[1]) > 5:
            rows.append((cells[1][len("三门峡市"):], kinds.get(cells[2], "OtherOrganization")))
    return rows


def read_surnames() -> list[str]:
    lines = (LEXICON / "surnames.txt").read_text(encoding="utf-8").splitlines()
    return [s for s in lines if s and not s.startswith("#") and len(s) == 1]


def zipf_weights(n: int, exponent: float = 1.1) -> list[float]:
    return [1 / (rank + 1) ** exponent for rank in range(n)]


class City:
    """One city's gazettes: entities in the shared entities graph, facts per document."""

    def __init__(self, name: str, scale: float, rng: random.Random, agencies, surnames, writer: Writer,
                 summaries: "Summaries"):
        self.name, self.rng, self.w, self.summaries = name, rng, writer, summaries
        self.n_docs = max(3, round(37 * scale))
        self.orgs = [(f"{name}市{a}", f"市{a}", cls) for a, cls in agencies]
        self.org_weights = zipf_weights(len(self.orgs))
        used, self.persons = set(), []
        while len(self.persons) < max(20, round(220 * scale)):
            person = rng.choice(surnames) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
            if person not in used:
                used.add(person)
                self.persons.append(person)
        self.person_weights = zipf_weights(len(self.persons), 0.8)
        self.documents = []
        start = date(2018, 1, 1)
        for k in range(self.n_docs):
            signed = start + timedelta(days=rng.randrange(1460))
            self.documents.append((f"{name}政〔{signed.year}〕{k + 1}号", signed))
        self.documents.sort(key=lambda d: d[1])
        self.entities: list[tuple[str, list]] = []
        self.groups: list[tuple[str, str, str]] = []
        # posts and dates are entities: written once, in the entities graph (as a build does;
        # the same triple in several graphs would be counted once per graph by a union query)
        self.posts: dict[str, tuple[str, str]] = {}
        self.instants: set[str] = set()
        self.first_post = ""      # a post with a tenure, for the post_holders benchmark

    def doc_iri(self, number: str) -> str:
        return iri("document", number)

    def fact(self, kind: str, number: str, k: int, quote: str) -> tuple[str, list]:
        """A fact's IRI and its provenance pairs (document, quote, offsets, line)."""
        start = k * 40
        return iri(kind, number, str(k)), [
            ("prov:wasDerivedFrom", self.doc_iri(number)), ("gb:quote", text(quote)),
            ("gb:startOffset", str(start)), ("gb:endOffset", str(start + len(quote))),
            ("gb:line", str(k + 10))]

    def write_entities(self) -> None:
        w = self.w
        for full, short, cls in self.orgs:
            w.add(iri("organization", full), ("a", ("gb:Organization", f"gb:{cls}")),
                  ("gb:name", text(full)), ("skos:altLabel", text(short)))
        for person in self.persons:
            w.add(iri("person", self.name, person), ("a", "gb:Person"), ("gb:name", text(person)))
        counties = [iri("organization", f"{self.name}市{k}县人民政府") for k in "东西南北"]
        for k, county in enumerate(counties):
            w.add(county, ("a", ("gb:Organization", "gb:LocalGovernment")), ("gb:name", text(f"{self.name}市{'东西南北'[k]}县人民政府")))
        w.add(iri("organization", self.name, "各县（市、区）人民政府"), ("a", ("gb:Organization", "gb:CollectiveUnit")),
              ("gb:name", text("各县（市、区）人民政府")), ("gb:standsFor", tuple(counties)))
        for post, (full, title) in self.posts.items():
            w.add(post, ("a", "gb:Post"), ("org:postIn", iri("organization", full)), ("gb:name", text(full + title)),
                  ("gb:title", text(title)))
        for day in sorted(self.instants):
            w.add(iri("instant", day), ("a", "time:Instant"), ("time:inXSDDate", typed(day, "date")))
        for group_name, _, cls in self.groups:
            w.add(iri("group", group_name), ("a", ("gb:Group", f"gb:{cls}")), ("gb:name", text(group_name[len(self.name):])),
                  ("skos:altLabel", text(group_name)))

    def pick_org(self) -> tuple[str, str, str]:
        return self.rng.choices(self.orgs, self.org_weights)[0]

    def pick_person(self) -> str:
        return self.rng.choices(self.persons, self.person_weights)[0]

    def write_document(self, index: int, number: str, signed: date) -> None:
        w, rng = self.w, self.rng
        w.add(self.doc_iri(number), ("a", "gb:SourceDocument"), ("dcterms:date", typed(signed.isoformat(), "date")),
              ("dcterms:title", text(f"{self.name}市人民政府关于印发第{index}号文件的通知")),
              ("gb:documentNumber", text(number)), ("gb:issuer", text(f"{self.name}市人民政府")),
              ("gb:section", text("市政府文件")))
        genre = index % 6   # a third duty lists, a third rosters, then appointments, commendations
        if genre in (0, 1):
            self.write_duties(number, 23)
        elif genre in (2, 3):
            for part in range(rng.randint(1, 3)):
                self.write_roster(number, signed, part)
        elif genre == 4:
            self.write_appointments(number, signed, 15)
        else:
            self.write_commendations(number, 17)

    def write_duties(self, number: str, tasks: int) -> None:
        w, rng = self.w, self.rng
        collective = iri("organization", self.name, "各县（市、区）人民政府")
        for t in range(tasks):
            path = f"{t // 5 + 1}、({t % 5 + 1})"
            title = f"推进{rng.choice(GROUP_TOPICS)}第{t + 1}项任务"
            task, prov = self.fact("task", number, t * 20, title)
            w.add(task, ("a", "gb:Task"), ("dcterms:title", text(title)), ("gb:path", text(path)),
                  ("gb:text", text(title)), *prov)
            size = min(len(self.orgs), max(1, round(rng.lognormvariate(1.5, 0.6))))
            units = {self.pick_org() for _ in range(size)}
            for k, (full, short, _) in enumerate(sorted(units)):
                kind = "lead" if k == 0 or rng.random() < 0.15 else "support"
                unit = collective if rng.random() < 0.03 else iri("organization", full)
                printed = "各县（市、区）政府" if unit == collective else short
                a, prov = self.fact("assignment", number, t * 20 + k + 1, f"（牵头单位：{printed}）")
                w.add(a, ("a", "gb:Assignment"), ("gb:kind", text(kind)), ("gb:task", task),
                      ("gb:taskPath", text(path)), ("gb:taskTitle", text(title)), ("gb:unit", unit),
                      ("gb:unitText", text(printed)), ("gb:unitPrinted", text(printed)),
                      ("gb:listLabel", text("牵头单位" if kind == "lead" else "配合单位")), *prov)
                self.summaries.assignments.append((task, unit, kind, self.doc_iri(number)))

    def write_roster(self, number: str, signed: date, part: int) -> None:
        """One group's roster (a notice may set up several groups): listing, office, members."""
        w, rng = self.w, self.rng
        if self.groups and rng.random() < 0.2:   # a re-issued roster: same group, members changed
            group_name, _, cls = rng.choice(self.groups)
        else:
            suffix, cls = rng.choice(GROUP_KINDS)
            group_name = f"{self.name}市{rng.choice(GROUP_TOPICS)}{suffix}"
            self.groups.append((group_name, number, cls))
        group = iri("group", group_name)
        first = part * 30
        listing, prov = self.fact("group_listing", number, first, group_name)
        self.summaries.listings.append((group, signed.isoformat()))
        w.add(listing, ("a", "gb:GroupListing"), ("gb:group", group), ("gb:groupName", text(group_name)),
              ("gb:groupKind", text(cls)), *prov)
        office, prov = self.fact("office", number, first + 1, f"{group_name}下设办公室")
        full, short, _ = self.pick_org()
        w.add(office, ("a", "gb:OfficeSite"), ("gb:group", group), ("gb:groupName", text(group_name)),
              ("gb:unit", iri("organization", full)), ("gb:unitText", text(short)), *prov)
        k = first + 2
        for role, count in ROLES:
            for _ in range(rng.randint(count // 2, count * 3 // 2) if count > 1 else count):
                k += 1
                full, short, _ = self.pick_org()
                post = f"{short}{rng.choice(TITLES)}"
                m, prov = self.fact("membership", number, k, f"{role}：{post}")
                pairs = [("a", "gb:Membership"), ("org:organization", group), ("org:role", iri("role", role)),
                         ("gb:groupName", text(group_name)), ("gb:roleText", text(role)),
                         ("gb:statedPost", text(post)), *prov]
                if rng.random() < 0.08:   # a line held by a position, not a person
                    w.add(m, *pairs, ("gb:heldByPosition", text(f"{short}主要负责同志")))
                    continue
                person = self.pick_person()
                w.add(m, *pairs, ("org:member", iri("person", self.name, person)), ("gb:personName", text(person)))
                self.summaries.memberships.append((iri("person", self.name, person), group, number,
                                                   signed.isoformat()))
                o, prov = self.fact("observation", number, k + 5000, f"{person}（{post}）")
                w.add(o, ("a", "gb:PostObservation"), ("gb:person", iri("person", self.name, person)),
                      ("gb:personName", text(person)), ("gb:statedPost", text(post)),
                      ("gb:observedOn", typed(signed.isoformat(), "date")), *prov)

    def write_appointments(self, number: str, signed: date, count: int) -> None:
        w, rng = self.w, self.rng
        instant = iri("instant", signed.isoformat())
        self.instants.add(signed.isoformat())
        for k in range(count):
            person = self.pick_person()
            full, short, _ = self.pick_org()
            title = rng.choice(TITLES)
            action = rng.choice(("appoint", "appoint", "remove"))
            post = iri("post", full, title)
            event, prov = self.fact("appointment", number, k, f"任命{person}为{full}{title}")
            w.add(event, ("a", "gb:AppointmentEvent"), ("gb:action", text(action)),
                  ("gb:person", iri("person", self.name, person)), ("gb:personName", text(person)),
                  ("gb:post", post), ("gb:postText", text(full + title)), ("gb:titleText", text(title)),
                  ("gb:organizationText", text(full)), *prov)
            self.first_post = self.first_post or full + title
            self.posts[post] = (full, title)
            tenure, interval = iri("tenure", number, str(k)), iri("interval", number, str(k))
            edge = "time:hasBeginning" if action == "appoint" else "time:hasEnd"
            day = typed(signed.isoformat(), "date")
            evidence = (("gb:openedBy", event), ("gb:tenureStatus", text("unknown")), ("gb:firstEvidence", day),
                        ("gb:lastEvidence", day)) if action == "appoint" else (
                        ("gb:closedBy", event), ("gb:tenureStatus", text("ended")))
            w.add(tenure, ("a", "gb:Tenure"), ("gb:holder", iri("person", self.name, person)), ("gb:post", post),
                  ("gb:during", interval), *evidence)
            w.add(interval, ("a", "time:Interval"), (edge, instant))

    def write_commendations(self, number: str, count: int) -> None:
        w, rng = self.w, self.rng
        award = rng.choice(AWARDS)
        for k in range(count):
            person = self.pick_person()
            full, short, _ = self.pick_org()
            c, prov = self.fact("commendation", number, k, f"{person} {short}")
            w.add(c, ("a", "gb:Commendation"), ("gb:recipient", iri("person", self.name, person)),
                  ("gb:recipientName", text(person)), ("gb:recipientIsUnit", "false"),
                  ("gb:affiliation", iri("organization", full)), ("gb:affiliationText", text(short)),
                  ("gb:award", text(award)), ("gb:awardText", text(award)), *prov)


def generate(target: int, path: Path, seed: int = 7) -> dict:
    """Write a TriG graph of about ``target`` triples to ``path``; return its description."""
    rng = random.Random(seed)
    agencies, surnames = read_agencies(), read_surnames()
    n_cities = max(1, round(target / TRIPLES_PER_CITY))
    scale = target / (n_cities * TRIPLES_PER_CITY)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()) + "\n")
        writer = Writer(out)
        summaries = Summaries([], [], [])
        cities = [City(CITIES[k % len(CITIES)] + ("" if k < len(CITIES) else str(k // len(CITIES))),
                       scale, rng, agencies, surnames, writer, summaries) for k in range(n_cities)]
        for city in cities:
            for index, (number, signed) in enumerate(city.documents):
                city.write_document(index, number, signed)
                writer.flush(iri("document", number)[:-1] + "/graph>")
        for city in cities:
            city.write_entities()
        writer.flush("<" + BASE + "graph/entities>")
        lines = [f"  {' '.join(term.n3() for term in triple)} .\n" for triple in summaries.triples()]
        writer.graph.extend(lines)
        writer.triples += len(lines)
        writer.flush(ranked.SUMMARIES_GRAPH.n3())
    return describe(cities[0], writer.triples, path)


def describe(city: City, triples: int, path: Path) -> dict:
    """Parameter values for the named queries, taken from the first city."""
    group = max(city.groups, key=lambda g: sum(1 for h in city.groups if h[0] == g[0]))[0]
    agency = next((short for _, short, _ in city.orgs if short.endswith("财政局")), city.orgs[2][1])
    return {"triples": triples, "file": str(path), "params": {
        "group": group, "person": city.persons[0], "agency": agency,
        "on": city.documents[len(city.documents) // 2][1].isoformat(),
        "last_day": city.documents[-1][1].isoformat(),
        "post": city.first_post or f"{city.orgs[0][0]}{TITLES[0]}"}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("triples", type=float, help="target size, e.g. 1e6")
    parser.add_argument("out", type=Path, help="TriG file to write (a .json beside it describes it)")
    args = parser.parse_args()
    info = generate(int(args.triples), args.out)
    args.out.with_suffix(".json").write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(info, ensure_ascii=False))


if __name__ == "__main__":
    main()
