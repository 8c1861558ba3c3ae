"""Responsibilities: numbered tasks and the units that lead or support them.

Reads four layouts: label lines under a task (`牵头单位：…` `配合单位：…`), lists in
brackets closing a task (`（责任单位：…）`, `（…负责）`, `（X牵头，Y按职责分工负责）`),
duty tables with a 责任单位 column (rows numbered 表1, 表2 … over all tables of the
document, 续表 included), and 职责分工 sections whose items open with their unit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from graphbuilder.documents.normalize import NormalText, concat
from graphbuilder.facts.common import document_text, make_source, split_outside_brackets, squashed_lines, table_cells
from graphbuilder.facts.tasks import Marker, Numbering, heading, marker
from graphbuilder.facts.units import looks_like_unit, split_units
from graphbuilder.records import Assignment, Document, DutyKind, Extraction, Task
from graphbuilder.vocab import Vocab

RE_LABEL = re.compile(r"^(?P<label>[\u4e00-\u9fff]{2,8})：(?P<units>.+?)。?$")
# where the next labelled part of a list starts: `；` or `，` then `label：` (…，完成时限：2021年底)
RE_PART_CUT = re.compile(r"；|，(?=[\u4e00-\u9fff]{2,8}：)")
DEADLINE_WORDS = ("时限", "时间")
RE_LEAD_MARK = re.compile(r"（牵头）$")
RE_INLINE_LABEL = re.compile(r"。(?=[\u4e00-\u9fff]{0,6}(?:单位|部门)：)")
RE_LEAD_SUPPORT = re.compile(r"^(?P<lead>.+?)牵头[，,](?P<support>.+?)(?P<tail>按职责分工负责|配合|负责)$")
RE_RESPONSIBLE_SUPPORT = re.compile(r"^(?P<lead>[^，,]+?)负责[，,](?P<support>.+?)(?P<tail>配合|协助)$")
RE_LEAD_ONLY = re.compile(r"^(?P<lead>.+?)牵头$")
RE_RESPONSIBLE = re.compile(r"^(?P<lead>.+?)(?:按照?职责分工|分别)?负责$")     # （X、Y按职责分工负责）: no lead named
RE_DUTY_SECTION = re.compile(r"职责分工|任务分工|部门职责")
RE_UNIT_OPENING = re.compile(r"^(?P<unit>[^。，；：]{2,20}?)[。：]")     # （一）市公安局。负责… / 市公安局：负责…
RE_CONTINUED = re.compile(r"^续表")
INLINE_LABELS = ("（…负责）", "牵头", "按职责分工负责", "配合", "协助", "负责")
RE_ROUND_BRACKET = re.compile(r"[（）]")


@dataclass
class _Item:
    path: str
    parent: str
    lines: list[NormalText] = field(default_factory=list)


@dataclass
class _Table:
    duty_columns: tuple[tuple[int, str, DutyKind], ...]     # (column, its duty label, kind) of each unit column
    deadline_column: int
    width: int


class _Reader:
    """Reads one document top-down, keeping numbering, table and section state."""

    def __init__(self, document: Document, vocab: Vocab):
        self.document, self.vocab = document, vocab
        self.numbering = Numbering()
        self.item: _Item | None = None
        self.table: _Table | None = None
        self.rows = 0
        self.duty_level: int | None = None
        self.tasks: dict[str, Task] = {}
        self.assignments: list[Assignment] = []
        self.consumed: list[tuple[int, int]] = []
        self.unit_labels = tuple(sorted((label for label in vocab.duty_labels if _unit_label(label, vocab)),
                                        key=len, reverse=True))

    def read(self, text: NormalText) -> None:
        for line, flat in squashed_lines(text):
            if flat.text:
                self._line(line.strip(), flat)
        self._close_item()

    def _line(self, line: NormalText, flat: NormalText) -> None:
        if self._table_line(line):
            return
        if self._signs_off(flat.text):        # the signature and date close the last item
            self._close_item()
            return
        found = marker(flat.text)
        if found:
            self._open_item(found, flat)
        elif self.item is not None:
            self.item.lines.append(flat)

    def _signs_off(self, flat: str) -> bool:
        """The signature, the date or an attachment list: no numbered item runs on past them."""
        return (bool(self.document.issuer) and flat == self.document.issuer) \
            or self.vocab.patterns["date"].fullmatch(flat) is not None \
            or self.vocab.patterns["attachment_heading"].fullmatch(flat) is not None

    # numbered items -----------------------------------------------------------------
    def _open_item(self, found: Marker, flat: NormalText) -> None:
        self._close_item()
        path, parent = self.numbering.enter(found)
        if self.duty_level is not None and found.level <= self.duty_level:
            self.duty_level = None
        body = flat.text[found.length:]
        if RE_DUTY_SECTION.search(body[:12]):
            self.duty_level = found.level
        elif self.duty_level is not None:
            self._duty_paragraph(path, parent, flat.slice(found.length, len(flat.text)))
        self.item = _Item(path, parent, [flat])

    def _close_item(self) -> None:
        item, self.item = self.item, None
        if item is None:
            return
        joined = concat(item.lines)
        before = len(self.assignments)
        labelled = [(line, labelled_parts(line.text, self.unit_labels))
                    for line in _label_lines(item.lines) if RE_LABEL.match(line.text)]
        kinds = _kinds([label for _, parts in labelled for label, _, _ in parts], self.vocab)
        for line, parts in labelled:
            self._label_line(item, joined, line, parts, kinds)
        self._bracket_lists(item, joined)
        if len(self.assignments) == before:
            self._sentence_lists(item, joined)
        if len(self.assignments) > before:
            self._task(item.path, item.parent, joined)
            self.consumed.append(joined.span(0, len(joined.text)))

    def _task(self, path: str, parent: str, joined: NormalText) -> Task:
        if path not in self.tasks:
            found = marker(joined.text)
            body = joined.text[found.length:] if found else joined.text
            self.tasks[path] = Task(path, heading(body), body, parent,
                                    make_source(self.document, joined))
        return self.tasks[path]

    # list forms ------------------------------------------------------------------------
    def _label_line(self, item: _Item, joined: NormalText, line: NormalText,
                    parts: list[tuple[str, int, int]], kinds: dict[str, DutyKind]) -> None:
        deadline = _deadline(line.text, parts)
        for label, a, b in parts:
            if _unit_label(label, self.vocab):
                self._emit(item, joined, line, a, b, kinds[label], label,
                           deadline=deadline)

    def _sentence_lists(self, item: _Item, joined: NormalText) -> None:
        """The units of an item named in a closing sentence without brackets, read as a bracket's
        inline list is (由X牵头，Y配合。/ X负责，Y配合。/ X、Y负责。): only an item that names no unit otherwise."""
        text = joined.text
        if "牵头" not in text and "负责" not in text:        # the words every such list has
            return
        for i, j in split_outside_brackets(text, "。")[1:]:
            start = i + 1 if text.startswith("由", i) else i
            if "牵头" not in text[start:j] and "负责" not in text[start:j]:
                continue
            sentence = joined.slice(start, j)
            for kind, label, a, b in _inline_parts(sentence.text.rstrip("。"), self.vocab):
                self._emit(item, joined, sentence, a, b, kind, label, quote=(i, j))

    def _bracket_lists(self, item: _Item, joined: NormalText) -> None:
        for i, j in _bracket_groups(joined.text):
            content = joined.slice(i + 1, j - 1)
            parts = labelled_parts(content.text, self.unit_labels)
            deadline = _deadline(content.text, parts)
            for kind, label, a, b in _list_parts(content.text, self.vocab, parts):
                self._emit(item, joined, content, a, b, kind, label, quote=(i, j), deadline=deadline)

    def _emit(self, item: _Item, joined: NormalText, view: NormalText, a: int, b: int,
              kind: DutyKind, label: str, quote: tuple[int, int] | None = None,
              deadline: str = "") -> None:
        units = split_units(view.text[a:b], self.vocab)
        if not units or (label in INLINE_LABELS and not _mostly_units(units, self.vocab)):
            return
        title = self._task(item.path, item.parent, joined).title
        source = make_source(self.document, joined, *quote) if quote else make_source(self.document, view)
        self.consumed.append((source.start, source.end))
        marked = kind is DutyKind.LEAD and any(RE_LEAD_MARK.search(unit.unit) for unit in units)
        for unit in units:
            # 责任单位：市发展改革委（牵头）、市住房城乡建设局: the marked unit leads, the others support
            unit_kind = kind if not marked or RE_LEAD_MARK.search(unit.unit) else DutyKind.SUPPORT
            self.assignments.append(Assignment(item.path, title, RE_LEAD_MARK.sub("", unit.unit), unit.printed,
                                               unit_kind, label, deadline, source))

    # 职责分工 sections ------------------------------------------------------------------
    def _duty_paragraph(self, path: str, parent: str, body: NormalText) -> None:
        match = RE_UNIT_OPENING.match(body.text)
        if not match or match["unit"] in self.vocab.duty_labels or not looks_like_unit(match["unit"], self.vocab):
            return
        task = Task(path, heading(body.text[match.end():]), body.text, parent,
                    make_source(self.document, body))
        self.tasks.setdefault(path, task)
        source = make_source(self.document, body, 0, match.end("unit"))
        self.consumed.append((source.start, source.end))
        self.assignments.append(Assignment(path, task.title, match["unit"], match["unit"],
                                           DutyKind.LEAD, "职责分工", "", source))

    # duty tables -------------------------------------------------------------------------
    def _table_line(self, line: NormalText) -> bool:
        cells = [c.strip() for c in table_cells(line.text)] \
            if "\t" in line.text or "|" in line.text else []       # no separator: not a row
        if len(cells) < 2:
            if self.table and RE_CONTINUED.match(line.text.strip()):
                return True
            self.table = None
            return False
        header = self._header(cells)
        if header:
            self.table = header
            return True
        if self.table is None or len(cells) != self.table.width:
            return False
        self._row(line, cells)
        return True

    def _header(self, cells: list[str]) -> _Table | None:
        """A header row: its unit columns (牵头单位, 配合单位 …; not the first, the task's) and deadline."""
        squashed = ["".join(c.split()) for c in cells]
        duties = [(k, c) for k, c in enumerate(squashed) if k and _unit_label(c, self.vocab)]
        if not duties or self.vocab.duty_labels.get(squashed[0]):
            return None
        kinds = _kinds([label for _, label in duties], self.vocab)
        duties = tuple((k, label, kinds[label]) for k, label in duties)
        deadline = next((k for k, c in enumerate(squashed) if any(w in c for w in DEADLINE_WORDS)), -1)
        return _Table(duties, deadline, len(cells))

    def _row(self, line: NormalText, cells: list[str]) -> None:
        self.rows += 1
        path = f"表{self.rows}"
        flat = line.squash()
        first_unit = self.table.duty_columns[0][0]
        task_text = cells[1] if cells[0].strip().isdigit() and first_unit > 1 else cells[0]   # 序号 ⇥ 任务 ⇥ …
        title = heading(task_text.rstrip("。"))
        self.tasks.setdefault(path, Task(path, title, task_text, "", make_source(self.document, flat)))
        deadline = cells[self.table.deadline_column] if self.table.deadline_column >= 0 else ""
        item = _Item(path, "", [flat])
        searched = 0
        for column, label, kind in self.table.duty_columns:
            unit_text = "".join(cells[column].split())
            start = flat.text.find(unit_text, searched) if unit_text else -1
            if start < 0:
                continue
            searched = start + len(unit_text)
            self._emit(item, flat, flat, start, searched, kind, label, deadline="".join(deadline.split()))


def _label_lines(lines: list[NormalText]) -> list[NormalText]:
    """Label lines with their wrapped continuations (`…财政局、税务` + `局，各县（市、区）政府。`);
    a unit label after the item's sentence on its line (`…传染病医院。责任单位：…`) starts one."""
    out: list[NormalText] = []
    for line in _split_inline_labels(lines):
        wrapped = out and not out[-1].text.endswith("。") and RE_LABEL.match(out[-1].text) \
            and not RE_LABEL.match(line.text) and marker(line.text) is None and len(out[-1].text) > 0
        if wrapped and line.text and not re.match(r"（[^）]{0,12}[：负牵]", line.text):
            out[-1] = concat([out[-1], line])
        else:
            out.append(line)
    return out


def _split_inline_labels(lines: list[NormalText]) -> list[NormalText]:
    """Each line, cut before a unit label that follows a 。 on it."""
    out = []
    for line in lines:
        match = RE_INLINE_LABEL.search(line.text) if "：" in line.text else None
        out += [line.slice(0, match.start() + 1), line.slice(match.start() + 1, len(line.text))] if match else [line]
    return out


def _unit_label(label: str, vocab: Vocab) -> bool:
    """A label that heads a list of units (牵头单位, 配合部门 …), not an inline one (牵头, 负责)."""
    return bool(vocab.duty_labels.get(label)) and label.endswith(("单位", "部门"))


def _mostly_units(units, vocab: Vocab) -> bool:
    """Inline lists (…负责, X牵头) need the tokens to read as organisations."""
    good = sum(looks_like_unit(u.unit, vocab) for u in units)
    return good >= max(1, round(0.8 * len(units)))


def _bracket_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of top-level （…） groups, end exclusive, brackets included."""
    groups, depth, begin = [], 0, 0
    for match in RE_ROUND_BRACKET.finditer(text):      # most characters are neither
        ch, k = match.group(), match.start()
        if ch == "（":
            if depth == 0:
                begin = k
            depth += 1
        elif ch == "）" and depth:
            depth -= 1
            if depth == 0:
                groups.append((begin, k + 1))
    return groups


def labelled_parts(text: str, labels: tuple[str, ...] = ()) -> list[tuple[str, int, int]]:
    """(label, start, end) of each `label：…` part of ``text``: a part ends at the next `；`, at a
    `，` that opens another label (牵头单位：市发展改革委，完成时限：2021年底), or, when nothing
    separates two labelled parts (the space between them squashed out: 牵头单位：市民政局　责任单位：…),
    where the longest of ``labels`` opening the next one starts. A final 。 is not part of it.
    Text before the first label is no part."""
    if "：" not in text:                      # no label at all (most brackets and lines)
        return []
    bounds = [(m.start(), m.end()) for m in RE_PART_CUT.finditer(text)]
    if labels and text.count("：") > len(bounds) + 1:
        bounds = sorted(bounds + _unseparated_labels(text, bounds, labels))
    parts = []
    for start, end in zip([0, *(after for _, after in bounds)], [*(at for at, _ in bounds), len(text)]):
        match = RE_LABEL.match(text[start:end])
        if match:
            parts.append((match["label"], start + match.start("units"), start + match.end("units")))
    return parts


def _unseparated_labels(text: str, bounds: list[tuple[int, int]], labels: tuple[str, ...]) -> list[tuple[int, int]]:
    """Empty bounds before each label (the longest of ``labels`` ending at a ：) that no separator
    parts from the labelled part before it."""
    out, last_colon = [], -1
    for colon in (k for k, ch in enumerate(text) if ch == "："):
        separated = last_colon < 0 or any(last_colon < at < colon for at, _ in bounds)
        label = next((label for label in labels if text.endswith(label, 0, colon)), None)
        if not separated and label and colon - len(label) > last_colon + 1:
            out.append((colon - len(label), colon - len(label)))
        last_colon = colon
    return out


def _deadline(text: str, parts: list[tuple[str, int, int]]) -> str:
    """The text of a deadline part (完成时限：…, 完成时间：…), "" when there is none."""
    return next(("".join(text[a:b].split()) for label, a, b in parts if any(w in label for w in DEADLINE_WORDS)), "")


def _list_parts(content: str, vocab: Vocab,
                labelled: list[tuple[str, int, int]]) -> list[tuple[DutyKind, str, int, int]]:
    """The unit lists inside one bracket (its ``labelled_parts`` given): (kind, label, start, end) of each."""
    kinds = _kinds([label for label, _, _ in labelled], vocab)
    parts = [(kinds[label], label, a, b) for label, a, b in labelled if label in kinds]
    return parts or _inline_parts(content, vocab)


def _kinds(labels: list[str], vocab: Vocab) -> dict[str, DutyKind]:
    """The kind of each duty label of one list: 责任单位 leads when it is the only list, and
    supports beside a leading label (牵头单位：X；责任单位：Y)."""
    if not labels:
        return {}
    labels = [label for label in labels if label in vocab.duty_labels]
    beside = vocab.duty_labels_beside_lead
    led = any(vocab.duty_labels[label] == "lead" and label not in beside for label in labels)
    return {label: DutyKind(beside.get(label, vocab.duty_labels[label]) if led else vocab.duty_labels[label])
            for label in labels}


def _inline_parts(content: str, vocab: Vocab) -> list[tuple[DutyKind, str, int, int]]:
    """The lists of `X牵头，Y配合`, `X负责，Y配合`, `X牵头` and `X负责`: (kind, label, start, end) of each."""
    for pattern, groups in ((RE_LEAD_SUPPORT, ("lead", "support")), (RE_RESPONSIBLE_SUPPORT, ("lead", "support")),
                            (RE_LEAD_ONLY, ("lead",)), (RE_RESPONSIBLE, ("lead",))):
        match = pattern.match(content)
        if match:
            responsible = pattern is RE_RESPONSIBLE or pattern is RE_RESPONSIBLE_SUPPORT
            return [_inline_part(match, group, responsible, vocab) for group in groups]
    return []


def _inline_part(match: re.Match, group: str, responsible: bool, vocab: Vocab):
    if group == "support":
        return DutyKind.SUPPORT, match["tail"], match.start(group), match.end(group)
    label = "（…负责）" if responsible else "牵头"
    return DutyKind.LEAD, label, match.start(group), match.end(group)


def extract_duties(document: Document, vocab: Vocab) -> Extraction:
    reader = _Reader(document, vocab)
    reader.read(document_text(document, vocab))
    facts = tuple(reader.tasks.values()) + tuple(reader.assignments)
    tasks = tuple((task.source.start, task.source.end) for task in reader.tasks.values())
    return Extraction(facts, (), tuple(reader.consumed) + tasks)
