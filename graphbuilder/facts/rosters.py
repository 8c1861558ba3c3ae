"""Rosters: groups, their members with roles and stated posts, and their offices.

Three layouts: labelled member lists (`组 长：安 伟（市长）` with unlabelled lines
continuing the role), office sentences (`…下设办公室，办公室设在市气象局，柴贵海同志
兼办公室主任`), and bodies defined in prose by position (`成立…领导小组，由市长任
组长，…部门主要负责同志为成员`), whose memberships are held by a post.
"""
from __future__ import annotations

import re
from functools import lru_cache

from graphbuilder.documents.normalize import NormalText
from graphbuilder.facts.bodies import body_kind, body_name, group_from_title
from graphbuilder.facts.common import (document_text, make_source, split_outside_brackets, squashed_lines,
                                       table_cells, unread)
from graphbuilder.facts.members import RE_MEMBER, MemberForms
from graphbuilder.facts.positions import expand_positions, unit_heads_pattern
from graphbuilder.records import Diagnostic, Document, Extraction, Group, Membership, Office
from graphbuilder.vocab import Vocab

RE_LABEL = re.compile(r"^[-•·]?(?P<label>[\u4e00-\u9fff]{2,8})：(?P<rest>.*)$")
RE_ROSTER_HEADING = re.compile(r"^(?P<name>.+?)(?:成员名单|组成人员名单|人员名单)$")
RE_FOUNDING_WORD = re.compile("成立|组建|设立")
RE_FOUNDED = re.compile(rf"(?:{RE_FOUNDING_WORD.pattern})(?P<name>[^。；]+)")
# 建立X联席会议制度: founds X only where the title names X (建立健全…联席会议 is common prose)
RE_ESTABLISHED = re.compile(r"建立(?P<name>[^。；]+)")
# 因人事变动，…对X领导小组成员进行调整。: a re-issued roster names its group here, as a founding does.
RE_RECONSTITUTED = re.compile(r"对(?P<name>[^。；，]{2,80}?)(?:成员|组成人员)(?:进行|予以|作)?(?:调整|充实)")
RE_OFFICE = re.compile(r"(?:下设办公室[，,]?(?:办公室)?|办公室)设在(?P<unit>[^，。；]+)")
# Bounded lazy runs: unbounded `[^，]+?` rescans a long comma-free line from every position
# (quadratic; a 7,000-character line took seconds). Holders on the seeds are under 100 characters.
RE_OFFICE_HOLDERS = re.compile(r"(?P<holders>[^，。；]{1,300}?)(?:同志)?(?:兼任?|任)(?P<role>办公室(?:常务)?副?主任)")
# …，办公室主任由钱七同志兼任: the holder after the role
RE_OFFICE_HOLDERS_AFTER = re.compile(r"(?P<role>办公室(?:常务)?副?主任)由(?P<holders>[^，。；]{1,300}?)(?:同志)?(?:兼任?|担任)")
RE_COUNT_WORDS = re.compile(r"(?:[两二三四五六七八九十]|\d+)(?:位|名)(?:同志)?$")
RE_QUALIFIER_ONLY = re.compile(r"^(?:兼|兼任|挂职|主持工作)$")


class _Reader:
    def __init__(self, document: Document, vocab: Vocab):
        self.document, self.vocab = document, vocab
        self.holder_first, self.role_first = _role_patterns(tuple(sorted(vocab.roles, key=len, reverse=True)))
        self.forms = MemberForms(vocab)
        self.groups: dict[str, Group] = {}
        self.named: dict[str, list[tuple[int, int]]] = {}    # spans that open or name a group
        self.group = ""
        self.role = ""
        self.facts: list = []
        self.diagnostics: list[Diagnostic] = []
        self.consumed: list[tuple[int, int]] = []

    def read(self, text: NormalText) -> None:
        title_group = group_from_title(self.document.title, self.vocab)
        if title_group:
            first = next(line.strip() for line in text.lines() if line.text.strip())
            self._open_group(title_group, make_source(self.document, first))
        for line, flat in squashed_lines(text):
            if flat.text and not (self.group and self._table_row(line, flat)):
                self._line(flat)

    def _table_row(self, line: NormalText, flat: NormalText) -> bool:
        """A row of a member table (序号 ⇥ 职务 ⇥ 姓名 ⇥ 单位及职务): one cell a role, one a
        person's name, the other cells but the number the stated post; the header row (with
        姓名) is read and gives nothing. False for any other line."""
        if "\t" not in line.text and "|" not in line.text:
            return False
        cells = ["".join(c.split()) for c in table_cells(line.text)]
        cells = [c for c in cells if c]
        if len(cells) < 3:
            return False
        if "姓名" in cells:
            self.role = ""
            self.consumed.append(flat.span(0, len(flat.text)))
            return True
        roles = [c for c in cells if c in self.vocab.roles]
        names = [c for c in cells if c not in self.vocab.roles and self.forms.is_person(c)]
        if len(roles) != 1 or len(names) != 1:
            return False
        post = "".join(c for c in cells if c not in (roles[0], names[0]) and not c.isdigit())
        source = make_source(self.document, flat)
        self.facts.append(Membership(self.group, names[0], roles[0], post, False, (), source))
        self.consumed.append((source.start, source.end))
        return True

    def _line(self, flat: NormalText) -> None:
        text = flat.text
        heading = self._heading_group(text)
        if heading:
            self._open_group(heading, make_source(self.document, flat))
            self.consumed.append(flat.span(0, len(text)))
            return
        label = RE_LABEL.match(text)
        if label and label["label"] in self.vocab.roles and self.group:
            if "；" in text and self._roles_in_a_row(flat):
                return
            self.role = label["label"]
            if label["rest"]:
                self._members(flat, label.start("rest"))
            else:                                  # 组长： alone; its members follow on their lines
                self.consumed.append(flat.span(0, len(text)))
            return
        if self.role and (self.forms.only_members(text) or self.forms.spaced(flat, 0, len(text))
                          or self.forms.post_then_name(flat, 0, len(text)) or self.forms.side_by_side(flat)
                          or self._unit_heads(text)):
            self._members(flat, 1 if text[0] in "-•·" else 0)
            return
        self.role = ""
        self._prose(flat)

    def _roles_in_a_row(self, flat: NormalText) -> bool:
        """Reads a line of several labelled parts (组长：A；副组长：B、C；成员：D。) part by part;
        whether the line was one."""
        cuts = [j for _, j in split_outside_brackets(flat.text, "；")[:-1]
                if (label := RE_LABEL.match(flat.text[j + 1:])) and label["label"] in self.vocab.roles]
        if not cuts:
            return False
        for a, b in zip([0, *(j + 1 for j in cuts)], [*cuts, len(flat.text)]):
            part = flat.slice(a, b)
            self._line(part.slice(0, len(part.text.rstrip("。；"))))
        return True

    # groups ----------------------------------------------------------------------------
    def _heading_group(self, text: str) -> str:
        match = RE_ROSTER_HEADING.match(text) if "名单" in text else None     # cheap test first
        if match and body_kind(match["name"], self.vocab):
            return match["name"]
        stripped = re.sub(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)", "", text)
        if stripped == text or len(stripped) > 30 or re.search("[，。；：]", stripped):
            return ""
        if body_kind(stripped, self.vocab):
            return stripped
        if self.group and self.vocab.patterns["subgroup_heading"].fullmatch(stripped):   # （一）综合协调组
            return stripped
        return ""

    def _open_group(self, name: str, source) -> None:
        parent = ""
        if self.groups and name not in self.groups:
            parent = next(iter(self.groups))
        self.groups.setdefault(name, Group(name, body_kind(name, self.vocab) or "other", parent, source))
        self.named.setdefault(name, []).append((source.start, source.end))
        self.group, self.role = name, ""

    # labelled member lists -----------------------------------------------------------------
    def _members(self, flat: NormalText, at: int) -> None:
        positions = self._unit_heads(flat.text[at:])
        if positions:          # 成员：市发展改革委、市财政局主要负责同志: each unit's head, by position
            source = make_source(self.document, flat, at)
            self.facts += [Membership(self.group, "", self.role, position, True, (), source) for position in positions]
            self.consumed.append(flat.span(0, len(flat.text)))
            return
        members = self.forms.read(flat, at)
        for i, j, name, post in members:
            qualifiers = (post,) if RE_QUALIFIER_ONLY.match(post) else ()
            stated = "" if qualifiers else post
            source = make_source(self.document, flat, i, j)
            self.facts.append(Membership(self.group, name, self.role, stated, False, qualifiers, source))
        if members:
            self.consumed.append(flat.span(0, len(flat.text)))
        else:
            self.diagnostics.append(unread(self.document, flat, "GB321",
                                           f"roster line under {self.role} yields no member"))

    def _unit_heads(self, text: str) -> list[str]:
        """`市发展改革委、市财政局主要负责同志` → each unit with the tail (市发展改革委主要负责同志 …),
        when every part ends like a unit; [] otherwise."""
        match = unit_heads_pattern(self.vocab).fullmatch(text)
        if not match:
            return []
        units = match["units"].split("、")
        if not all(unit.endswith(self.vocab.unit_suffixes) for unit in units):
            return []
        return [unit + match["tail"] for unit in units]

    # prose: founding sentences, positions, offices ----------------------------------------
    def _prose(self, flat: NormalText) -> None:
        founded = False
        for i, j in split_outside_brackets(flat.text, "。"):
            sentence = flat.slice(i, j)
            if self._founding(sentence):
                founded = True
            elif founded:        # 成立X。组长由市长张三担任，…: the roles follow in sentences of their own
                self._positions(sentence)
            self._office(sentence)

    def _founding(self, sentence: NormalText) -> bool:
        """Opens the group a founding sentence names, and reads the roles it gives; whether it named one."""
        text = sentence.text
        # RE_FOUNDED tried only where a founding word occurs (most sentences hold none).
        founded = RE_FOUNDED.finditer(text) if RE_FOUNDING_WORD.search(text) else ()
        reconstituted = RE_RECONSTITUTED.finditer(text)        # starts with 对: re scans for it
        established = RE_ESTABLISHED.finditer(text) if "建立" in text else ()
        for match in [*founded, *reconstituted, *established]:
            name = body_name(match["name"], self.vocab)
            if not name or ("，" in name and "由" not in match["name"] and not match["name"].startswith("以")):
                continue
            if match.re is RE_ESTABLISHED and name not in self.groups:
                continue
            self._open_group(name, make_source(self.document, sentence))
            self._positions(sentence)
            return True
        return False

    def _positions(self, sentence: NormalText) -> None:
        """Roles given in a sentence: 由X担任组长 / 以X为组长 (holder first), 组长由X担任 /
        成员由X、Y主要负责同志组成 (role first); the office's roles are ``_office``'s."""
        for i, j in split_outside_brackets(sentence.text, "，；"):
            clause = sentence.text[i:j]
            first = self.role_first.match(clause)
            if first and not self._names_the_group(first["body"], sentence.text):
                first = None
            for match in [first] if first else self.holder_first.finditer(clause):
                if match["role"].startswith("办公室"):
                    continue
                holder = re.sub(r"^.*成立(?:由|以)?", "", match["holder"])
                holder += "同志" if holder.endswith("负责") else ""      # 由…主要负责同志担任: 同志 went with 担任
                named = self.forms.posts_and_names(holder)
                if named:          # 以市长张三为组长: persons with the posts printed before them
                    self._named_holders(named, match["role"], sentence, i + match.start(), i + match.end())
                elif holder and not self.forms.is_person(holder):
                    self._by_position(holder, match["role"], sentence, i + match.start(), i + match.end())

    def _names_the_group(self, body: str, sentence: str) -> bool:
        """Whether ``body``, before a role (医管委主任由…担任), is the current group: nothing, its
        name's end, a body's name, or the short name the sentence gives it (以下简称医管委)."""
        return not body or self.group.endswith(body) or bool(body_kind(body, self.vocab)) \
            or re.search(f"简称[“\"]?{re.escape(body)}", sentence) is not None

    def _named_holders(self, named: list[tuple[str, str]], role: str, sentence: NormalText, i: int, j: int) -> None:
        source = make_source(self.document, sentence, i, j)
        for post, name in named:
            self.facts.append(Membership(self.group, name, role, post, False, (), source))
        self.consumed.append((source.start, source.end))

    def _by_position(self, holder: str, role: str, sentence: NormalText, i: int, j: int) -> None:
        source = make_source(self.document, sentence, i, j)
        positions = expand_positions(holder, self.vocab)
        if positions == [holder]:           # no department list: 市发展改革委、市水利局主要负责同志 is one a unit
            positions = self._unit_heads(holder) or positions
        for position in positions:
            self.facts.append(Membership(self.group, "", role, position, True, (), source))
        self.consumed.append((source.start, source.end))

    def _office(self, sentence: NormalText) -> None:
        match = RE_OFFICE.search(sentence.text)
        if not match or not self.group:
            return
        group = self._office_group(sentence.text[:match.start()])
        source = make_source(self.document, sentence)
        self.facts.append(Office(group, match["unit"], source))
        self.consumed.append((source.start, source.end))
        found = [*RE_OFFICE_HOLDERS.finditer(sentence.text, match.end()),
                 *RE_OFFICE_HOLDERS_AFTER.finditer(sentence.text, match.end())]
        for holders in sorted(found, key=lambda m: m.start()):
            for holder, post in _holders(holders["holders"]):
                if not post and not self.forms.is_person(holder) and (named := self.forms.post_and_name(holder)):
                    post, holder = named                     # 办公室主任由市水利局局长赵六兼任
                if self.forms.is_person(holder):
                    self.facts.append(Membership(group, holder, holders["role"], post, False, (), source))
                else:       # `由X主要负责同志任办公室主任`: the regex took 同志 off the position
                    position = holder + "同志" if holder.endswith("负责") else holder
                    self.facts.append(Membership(group, "", holders["role"], position, True, (), source))

    def _office_group(self, before: str) -> str:
        """`市防汛抗旱应急指挥部下设办公室` names its group; `领导小组下设办公室` means the current one."""
        named = body_name(before, self.vocab)
        if named and named in self.groups:
            return named
        for name in reversed(list(self.groups)):
            if named and name.endswith(named):
                return name
        return self.group


def _holders(text: str) -> list[tuple[str, str]]:
    text = RE_COUNT_WORDS.sub("", text.lstrip("，").removeprefix("由"))
    out = []
    for part in re.split(r"[、和]|同志和", text):
        part = part.removesuffix("同志")
        match = RE_MEMBER.fullmatch(part)
        if match:
            out.append((match["name"], match["post"] or ""))
        elif part:
            out.append((part, ""))
    return out


@lru_cache(maxsize=4)
def _role_patterns(roles: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """The role-giving patterns of prose for these roles (longest first): holder first
    (由X担任组长), role first (组长由X担任)."""
    alternatives = "|".join(map(re.escape, roles))
    holder_first = re.compile(rf"(?:由)?(?P<holder>[^，由]{{1,300}}?)(?:担任|任|为)(?P<role>{alternatives})"
                              rf"(?![\u4e00-\u9fff]{{0,2}}办公室)")
    role_first = re.compile(rf"^(?P<body>[^，由（）]{{0,12}}?)(?P<role>{alternatives})由(?P<holder>[^，由]{{1,300}}?)"
                            rf"(?:(?:同志)?(?:担任|兼任)|组成)$")
    return holder_first, role_first


def extract_rosters(document: Document, vocab: Vocab) -> Extraction:
    reader = _Reader(document, vocab)
    reader.read(document_text(document, vocab))
    groups = tuple(g for g in reader.groups.values()
                   if any(getattr(f, "group", None) == g.name for f in reader.facts))
    named = tuple(span for g in groups for span in reader.named[g.name])
    return Extraction(groups + tuple(reader.facts), tuple(reader.diagnostics),
                      tuple(reader.consumed) + named)
