"""Commendations: honour lists under award headings, and awards decided in prose.

Lists: a heading names the award (`一、嘉奖（共 4 人）`, `三、先进单位（共 6 个）`), then
one recipient a line: a unit, or a person and the unit printed beside them
(separated by spaces, a tab or table bars). Prose: `为景旭华同志记个人二等功`,
`对农发行三门峡市分行予以嘉奖`. Stated totals are checked against the rows read.
"""
from __future__ import annotations

import re

from graphbuilder.documents.normalize import NormalText, squash
from graphbuilder.facts.common import document_text, make_source, split_outside_brackets, squashed_lines
from graphbuilder.records import Commendation, Diagnostic, Document, Extraction, Severity
from graphbuilder.vocab import Vocab

RE_HEADING = re.compile(r"^(?P<number>[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?(?P<head>[^，。]{2,16}?)"
                        r"（?(?:共)?(?P<count>\d+)?(?:人|个|名)?）?$")
RE_LISTED = re.compile(r"的(?:单位|集体|个人|同志|人员)$")      # 受到嘉奖的单位: what an award's list holds
# 为王五、赵六同志记三等功 / 给予张三、李四同志嘉奖: names listed with 、 before the last
_LISTED = r"(?P<listed>(?:[\u4e00-\u9fff]{2,8}、)*)"
RE_PERSON_AWARD = re.compile(_LISTED + r"(?P<before>[\u4e00-\u9fff]{2,6})同志记(?P<award>个人[一二三]等功|[一二三]等功|功)")
RE_PERSON_PRAISE = re.compile(_LISTED + r"(?P<before>[\u4e00-\u9fff]{2,6})同志(?:予以|给予)?(?P<award>通报嘉奖|嘉奖|通报表扬)")
# 授予王强同志“洛阳市见义勇为模范”称号 / 授予市财政局“先进集体”荣誉称号: the quoted title is the award
RE_TITLE_CONFERRED = re.compile(r"授予(?P<recipient>[^，。；“”]{2,30}?)(?:同志)?“(?P<award>[^“”]{2,30})”(?:荣誉)?称号")
RE_UNIT_AWARD = re.compile(r"对(?P<unit>[^，。]{2,30}?)(?:予以|给予)(?P<award>通报嘉奖|嘉奖|通报表扬)")
_UNIT_AWARD_WORDS = re.compile(r"予以|给予")
RE_CELLS = re.compile(r"\t+|\s*\|\s*|\s{2,}")
# A person and their unit in one cell: 张三（市商务局） or 张三，市财政局
RE_PERSON_UNIT = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4})"
                            r"(?:（(?P<bracketed>[^（）]{2,60})）|[，：](?P<after>[^，。；：]{2,60}))")
UNIT_SEPARATORS = "、，"       # several units on one row: 市商务局、市财政局
RE_ROW_NUMBER = re.compile(r"\s*\d{1,4}(?:\t|\s*\|\s*|\s+)")       # a table row's number cell
TABLE_HEADINGS = frozenset({"序号", "姓名", "单位", "工作单位", "工作单位及职务", "单位及职务", "职务", "单位名称"})


class _Reader:
    def __init__(self, document: Document, vocab: Vocab):
        self.document, self.vocab = document, vocab
        self.awards = tuple(sorted(vocab.awards, key=len, reverse=True))
        self.award: tuple[str, str, str] | None = None      # (award, kind, heading)
        self.expected = 0
        self.read_rows = 0
        self.facts: list[Commendation] = []
        self.diagnostics: list[Diagnostic] = []
        self.consumed: list[tuple[int, int]] = []

    def read(self, text: NormalText) -> None:
        for line, flat in squashed_lines(text):
            stripped = line.strip()
            if stripped.text:
                self._line(stripped, flat.text)
        self._close()

    def _line(self, line: NormalText, flat: str) -> None:
        heading = RE_HEADING.match(flat) if len(flat) <= 30 else None
        if heading and not heading["number"] and not self._names_only_an_award(heading["head"]):
            heading = None
        award = self._award_in(heading["head"]) if heading else None
        if award:
            self._close()
            self.award = (*award, heading["head"])
            self.expected = int(heading["count"] or 0)
            return
        if self.award and self._row(line):
            return
        self._close()
        self._prose(line, flat)

    def _names_only_an_award(self, head: str) -> bool:
        """Whether an unnumbered heading is an award and no more (先进单位, 受到通报表扬的个人名单),
        not a recipient whose name holds one."""
        head = head.removesuffix("名单")
        return head.endswith(self.awards) or RE_LISTED.sub("", head).endswith(self.awards)

    def _award_in(self, head: str) -> tuple[str, str] | None:
        """(award, recipient kind) of a heading: the longest award it names; the kind its own
        words say (…的单位, …的个人), else the award's."""
        award = next((self.vocab.awards[a] for a in self.awards if a in head), None)
        said = self.vocab.patterns["honour_recipients"].findall(head) if award else []
        kinds = {"unit" if unit else "person" for unit, _ in said}
        return (award[0], kinds.pop()) if len(kinds) == 1 else award

    def _row(self, line: NormalText) -> bool:
        award, kind, heading = self.award
        cells = [c for c in RE_CELLS.split(line.text.strip().strip("|")) if c.strip()]
        if len(cells) > 1 and any(squash(c) in TABLE_HEADINGS for c in cells):    # 序号 ⇥ 姓名 ⇥ 单位
            self.consumed.append(line.span(0, len(line.text)))
            return True
        number = RE_ROW_NUMBER.match(line.text)
        if number and len(cells) > 1:                                             # 1 ⇥ 张三 ⇥ 单位
            line, cells = line.slice(number.end(), len(line.text)), cells[1:]
        if kind == "unit":
            return self._unit_row(line, cells, award, heading)
        listed = self._listed_persons(line)
        if listed:                                 # 张三（单位）、李四（单位） / 赵六，单位；钱七，单位
            for (i, j), (name, unit) in listed:
                self._add(line.slice(i, j), name, unit, award, heading, False)
            return True
        pairs = self._side_by_side(cells)
        if pairs:                                  # 张三　单位　　李四　单位: two persons on the row
            spans = _cell_spans(line.text, cells)
            for name, unit, first, last in pairs:
                self._add(line.slice(spans[first][0], spans[last][0] + len(cells[last])), name, unit, award,
                          heading, False)
            return True
        person = _split_person(line.text, cells)
        if person is None:
            return False
        self._add(line, *person, award, heading, False)
        return True

    def _listed_persons(self, line: NormalText) -> list[tuple[tuple[int, int], tuple[str, str]]]:
        """((start, end), (name, unit)) of each of two or more persons listed on a row with 、 or
        ；, each with their unit in brackets or after a comma; [] otherwise."""
        text = line.text
        if "、" not in text and "；" not in text:
            return []
        parts = [(i, j) for i, j in split_outside_brackets(text, "、；") if text[i:j].strip()]
        found = [RE_PERSON_UNIT.fullmatch(squash(text[i:j]).rstrip("。")) for i, j in parts]
        if len(parts) < 2 or None in found or not all(self.vocab.could_be_name(m["name"]) for m in found):
            return []
        return [(span, (m["name"], m["bracketed"] or m["after"])) for span, m in zip(parts, found)]

    def _side_by_side(self, cells: list[str]) -> list[tuple[str, str, int, int]]:
        """(name, unit, first cell, last cell) of each of two or more persons on a row: each cell
        a person and unit (`张三 单位    李四 单位`), or cells alternating name and unit; [] otherwise."""
        if len(cells) < 2:
            return []
        each = [_split_person(cell, [cell]) for cell in cells]
        if None not in each and all(self.vocab.could_be_name(name) for name, _ in each):
            return [(name, unit, k, k) for k, (name, unit) in enumerate(each)]
        names, units = [squash(c) for c in cells[0::2]], [squash(c) for c in cells[1::2]]
        if len(cells) < 4 or len(cells) % 2 or not all(map(self.vocab.could_be_name, names)) \
                or not all(len(unit) >= 4 for unit in units):
            return []
        return [(name, unit, 2 * k, 2 * k + 1) for k, (name, unit) in enumerate(zip(names, units))]

    def _unit_row(self, line: NormalText, cells: list[str], award: str, heading: str) -> bool:
        """One unit a row, or several separated by 、 or ， or by wide spaces (each a recipient of
        its own)."""
        text = line.text
        if re.search("[。；：]", text):
            return False
        parts = [(i, j) for i, j in split_outside_brackets(text, UNIT_SEPARATORS) if text[i:j].strip()]
        if len(parts) == 1 and len(cells) > 1:     # 洛阳市应急管理局　　新安县人民政府
            parts = [(at, at + len(cell)) for at, cell in _cell_spans(text, cells)]
        names = [squash(text[i:j]) for i, j in parts]
        if not all(4 <= len(name) <= 40 for name in names):
            return False
        if len(names) > 1 and not all(name.endswith(self.vocab.unit_suffixes) for name in names):
            return False
        for (i, j), name in zip(parts, names):
            self._add(line.slice(i, j).strip(), name, "", award, heading, True)
        return True

    def _add(self, line: NormalText, recipient: str, affiliation: str, award: str, heading: str,
             is_unit: bool) -> None:
        source = make_source(self.document, line)
        self.facts.append(Commendation(recipient, affiliation, award, heading, is_unit, source))
        self.consumed.append((source.start, source.end))
        self.read_rows += 1

    def _close(self) -> None:
        if self.award and self.expected and self.expected != self.read_rows:
            self.diagnostics.append(Diagnostic(
                self.document.path, self.document.first_line, "GB331",
                f"{self.award[2]}: {self.expected} stated, {self.read_rows} read",
                Severity.WARNING, doc=self.document.number))
        self.award, self.expected, self.read_rows = None, 0, 0

    def _prose(self, line: NormalText, flat: str) -> None:
        if flat in self.document.title:                   # the title repeats the decision
            return
        # The regexes cannot match without their literal words; most prose lines hold none,
        # and trying them at every character of a long line was costly.
        unit_awards = RE_UNIT_AWARD.finditer(line.text) if _UNIT_AWARD_WORDS.search(line.text) else ()
        for match in unit_awards:
            units = [squash(unit) for unit in match["unit"].split("、")]   # 对 全市财税系统: no space in a name
            if any(re.search(r"等|同志|个人|单位和", unit) or not unit.endswith(self.vocab.unit_suffixes)
                   for unit in units):
                continue
            source = make_source(self.document, line, match.start(), match.end())
            self.facts += [Commendation(unit, "", match["award"], match["award"], True, source) for unit in units]
            self.consumed.append((source.start, source.end))
        persons = [*(RE_PERSON_AWARD.finditer(line.text) if "同志记" in line.text else ()),
                   *(RE_PERSON_PRAISE.finditer(line.text) if "同志" in line.text else ())]
        for match in sorted(persons, key=lambda m: m.start()):
            award = self.vocab.awards.get(match["award"], (match["award"], "person"))[0]
            for name, end in self._names_listed(match):
                source = make_source(self.document, line, end - len(name), match.end())
                self.facts.append(Commendation(name, "", award, match["award"], False, source))
                self.consumed.append((source.start, source.end))
        for match in RE_TITLE_CONFERRED.finditer(line.text) if "称号" in line.text else ():
            self._conferred(line, match)

    def _names_listed(self, match: re.Match) -> list[tuple[str, int]]:
        """(name, end offset) of each person a prose award names: the 、-listed ones, then the last."""
        pieces, at = [], match.start("listed")
        for piece in match["listed"].split("、")[:-1]:
            at += len(piece)
            pieces.append((piece, at))
            at += 1
        pieces.append((match["before"], match.end("before")))
        return [(name, end) for piece, end in pieces if (name := _name_before(piece, self.vocab))]

    def _conferred(self, line: NormalText, match: re.Match) -> None:
        """授予A“X”称号: a person (A同志) or a unit; not a count of them (授予张三等5名同志)."""
        recipient = squash(match["recipient"])
        if "等" in recipient:
            return
        is_unit = recipient.endswith(self.vocab.unit_suffixes)
        if not is_unit and not self.vocab.could_be_name(recipient):
            return
        source = make_source(self.document, line, match.start("recipient"), match.end())
        self.facts.append(Commendation(recipient, "", match["award"], match["award"], is_unit, source))
        self.consumed.append((source.start, source.end))


def _cell_spans(text: str, cells: list[str]) -> list[tuple[int, str]]:
    """(offset, cell) of each cell of a row in ``text``, in order."""
    out, at = [], 0
    for cell in cells:
        at = text.find(cell, at)
        out.append((at, cell))
        at += len(cell)
    return out


def _name_before(text: str, vocab: Vocab) -> str:
    """The person's name closing `text` (…行长王永平): three characters first, as most names are."""
    lengths = (4, 3) if text[-4:-2] in vocab.surnames else (3, 2, 4)
    for length in lengths:
        name = text[-length:]
        if len(name) == length and vocab.opens_with_surname(name):
            return name
    return ""


def _split_person(text: str, cells: list[str]) -> tuple[str, str] | None:
    """`李发军 三门峡市人大常委会`, `辛 欣 中共…`, `常见辰<TAB>…`, `张三（市商务局）`, `李四，市财政局`
    → (name, unit)."""
    joined = RE_PERSON_UNIT.fullmatch(squash(text))
    if joined:
        return joined["name"], joined["bracketed"] or joined["after"]
    if len(cells) >= 2:
        name, unit = squash("".join(cells[:-1])), squash(cells[-1])
    else:
        tokens = text.split()
        if len(tokens) < 2:
            return None
        name, unit = squash("".join(tokens[:-1])), squash(tokens[-1])
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name) or len(unit) < 2:
        return None
    return name, unit


def extract_honours(document: Document, vocab: Vocab) -> Extraction:
    reader = _Reader(document, vocab)
    reader.read(document_text(document, vocab))
    return Extraction(tuple(reader.facts), tuple(reader.diagnostics), tuple(reader.consumed))
