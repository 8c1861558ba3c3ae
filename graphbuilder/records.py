"""Every record passed between stages: the data model on one page.

Text offsets are always offsets into the *original* decoded text of the gazette
file (``Issue.text``), so that ``issue.text[source.start:source.end] == source.quote``
holds for every fact, whatever normalisation the extractors worked on.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from enum import Enum


RE_NEWLINE = re.compile("\n")


class Action(str, Enum):
    APPOINT = "appoint"      # 任命…为 / 聘任…为
    REMOVE = "remove"        # 免去…职务 / 不再担任…职务 / 解聘
    NOMINATE = "nominate"    # 提名…为…人选


class DutyKind(str, Enum):
    LEAD = "lead"            # 牵头单位 / 主要责任单位 / 责任单位 (only list) / …负责
    SUPPORT = "support"      # 配合单位 / 相关责任单位 / …按职责分工负责


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Record:
    """Base of the frozen records: pickled as the class and its field values, rebuilt by
    calling the class. Records cross process boundaries by the hundred thousand (a worker's
    facts, its documents); the ``__getstate__`` a frozen slotted dataclass gets looks its
    fields up again for every record, which took a third longer each way."""
    __slots__ = ()

    def __reduce__(self):
        return type(self), tuple([getattr(self, name) for name in self.__slots__])


@dataclass(frozen=True, slots=True)
class Diagnostic(Record):
    """A finding about the input, collected into the build report (never raised)."""
    path: str
    line: int            # 1-based; 0 when the whole file is concerned
    code: str            # GB1xx input, GB2xx segmentation, GB3xx extraction, GB4xx graph
    message: str
    severity: Severity = Severity.WARNING
    excerpt: str = ""
    doc: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        tail = f"\n    {self.excerpt}" if self.excerpt else ""
        return f"{where}: {self.code} {self.severity.value}: {self.message}{tail}"


@dataclass(frozen=True, slots=True)
class Issue(Record):
    """One gazette file as read from disk."""
    path: str            # as given on the command line
    name: str            # file stem, e.g. 001_511888d95ad1bf48
    text: str            # decoded original text (no BOM)
    encoding: str        # detected encoding
    sha256: str          # of the raw bytes
    page_starts: tuple[int, ...] = ()   # PDF: offset in `text` where each page begins


def page_at(page_starts: tuple[int, ...], offset: int) -> int:
    """1-based page holding a text offset; 0 when the file has no pages (text, HTML, DOCX)."""
    return bisect.bisect_right(page_starts, offset) if page_starts else 0


@dataclass(frozen=True, slots=True)
class Source(Record):
    """Where a fact comes from: a span of the original text of a gazette file."""
    doc: str             # document number as printed, whitespace removed
    start: int           # offsets into Issue.text
    end: int
    quote: str           # == Issue.text[start:end]
    line: int            # 1-based line of `start` in the file


@dataclass(frozen=True, slots=True)
class Document(Record):
    """One numbered notice inside a gazette issue."""
    issue: str           # Issue.name
    path: str            # Issue.path
    number: str          # 三政任〔2019〕1号 (whitespace removed)
    number_printed: str  # as printed, e.g. 三政任〔2019〕1 号
    title: str           # wrapped title joined, inner spaces removed
    issuer: str          # 三门峡市人民政府 …
    date: str            # ISO signing date, "" when none was found
    section: str         # 人事任免, 市政府文件 … ("" when the issue has no sections)
    start: int           # span of the document in Issue.text (title to last line)
    end: int
    text: str            # Issue.text[start:end], original characters
    first_line: int      # 1-based line of `start` in the file
    page_starts: tuple[int, ...] = ()   # Issue.page_starts (PDF), for `page_of`

    def page_of(self, offset: int) -> int:
        """1-based PDF page of an Issue.text offset; 0 for files without pages."""
        return page_at(self.page_starts, offset)

    def line_of(self, offset: int) -> int:
        """1-based file line of an Issue.text offset inside this document."""
        return self.first_line + bisect.bisect_left(newline_offsets(self.text), offset - self.start)


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """A span found by the spaCy mention layer (ORG, TITLE, ROLE, PERSON, BODY …)."""
    label: str
    start: int           # offsets into Issue.text
    end: int
    surface: str         # as printed, e.g. 安 伟
    text: str            # normalised, e.g. 安伟
    key: str = ""        # lexicon id where the lexicon matched


@dataclass(frozen=True, slots=True)
class Appointment(Record):
    person: str                       # whitespace removed
    action: Action
    post: str                         # organisation + title as printed, no 职务/人选
    organization: str                 # the post's organisation part
    title: str                        # the post's title part (副局长 …)
    qualifiers: tuple[str, ...]
    gender: str                       # "female" for （女）, else ""
    source: Source


@dataclass(frozen=True, slots=True)
class Group(Record):
    """A body whose members a notice lists: leading group, command HQ, committee, office."""
    name: str
    kind: str                         # leading_group | command_hq | committee | office | other
    parent: str                       # name of the parent group, "" when none
    source: Source


@dataclass(frozen=True, slots=True)
class Membership(Record):
    group: str
    person: str                       # "" when held by a position (by_position)
    role: str                         # 组长, 副指挥长, 成员, 办公室主任 …
    stated_post: str                  # text in brackets after the name, as printed
    by_position: bool
    qualifiers: tuple[str, ...]       # e.g. ("兼",)
    source: Source


@dataclass(frozen=True, slots=True)
class Office(Record):
    group: str
    unit: str                         # as printed
    source: Source


@dataclass(frozen=True, slots=True)
class Task(Record):
    path: str                         # 一、(一)1.  or 表3
    title: str
    text: str
    parent: str                       # parent path, "" for a top-level task
    source: Source


@dataclass(frozen=True, slots=True)
class Assignment(Record):
    task: str                         # Task.path
    task_title: str
    unit: str                         # the unit as the text means it (implicit 市 added)
    unit_printed: str                 # the token as printed
    kind: DutyKind
    list_label: str                   # 牵头单位, 责任单位, （…负责）…
    deadline: str
    source: Source


@dataclass(frozen=True, slots=True)
class Commendation(Record):
    recipient: str
    affiliation: str                  # unit printed beside a person, "" for a unit
    award: str                        # heading it is listed under: 嘉奖, 先进个人, 二等功 …
    award_text: str                   # as printed
    is_unit: bool
    source: Source


Fact = Appointment | Group | Membership | Office | Task | Assignment | Commendation


@dataclass(frozen=True, slots=True)
class Extraction(Record):
    """What an extractor returns for one document: facts plus the lines it could not read."""
    facts: tuple = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    consumed: tuple[tuple[int, int], ...] = ()   # spans of Issue.text accounted for


class LineStatus(str, Enum):
    FACTS = "facts"                   # read into facts (inside an extractor's consumed span)
    BOILERPLATE = "boilerplate"       # a line of a kind listed in patterns/boilerplate.tsv
    UNREAD = "unread"                 # neither: something the graph may be missing


@dataclass(frozen=True, slots=True)
class LineAccount(Record):
    """How one non-blank line of an accounted document was used."""
    line: int                         # 1-based line in the file
    status: LineStatus
    reason: str                       # boilerplate class, "" otherwise
    text: str                         # the line as printed, stripped


@dataclass(frozen=True, slots=True)
class Coverage(Record):
    """Line accounting of a personnel, roster or task-division document (or of such parts)."""
    genre: str                        # the document's genre; "" when only parts are accounted
    parts: tuple[tuple[str, int, int], ...]   # (genre, first line, last line) accounted
    lines: tuple[LineAccount, ...]

    def count(self, status: LineStatus) -> int:
        return sum(account.status is status for account in self.lines)

    @property
    def percent(self) -> float:
        if not self.lines:
            return 100.0
        return round(100 * (len(self.lines) - self.count(LineStatus.UNREAD)) / len(self.lines), 1)


@dataclass(slots=True)
class DocumentResult:
    """All that was extracted from one document."""
    document: Document
    facts: list = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    coverage: Coverage | None = None  # None: not a genre whose lines are accounted


@functools.lru_cache(maxsize=16)
def newline_offsets(text: str) -> tuple[int, ...]:
    """Where each ``\\n`` of a document's text is. Cached: every fact of a document asks for
    its line, and counting from the start each time made a long document quadratic
    (a fuzzed duty table repeated 200 times sat for over 10 minutes). A str caches its
    hash, and a hit compares by identity first, so a lookup costs no pass over the text."""
    return tuple(match.start() for match in RE_NEWLINE.finditer(text))

