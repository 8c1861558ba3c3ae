"""Split a gazette issue into its documents (notices), using the table of contents.

A numbered notice is anchored on the line that holds only its number
(三政任〔2019〕1号). Its title is printed just above that line (sometimes as an
issuer line and a 关于… line), or just below it when the number follows a
masthead such as 三门峡市人民政府办公室文件. Contents entries with no number in
the body (政府工作报告) become documents of their own, so that their text is
not appended to the notice before them. The contents and masthead are not
documents.
"""
from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

from graphbuilder.documents.normalize import squash, squash_lines
from graphbuilder.records import Diagnostic, Document, Issue, Severity
from graphbuilder.vocab import Vocab

RE_PAGE_NUMBER = re.compile(r"^(?P<title>.+?)[\s\t]*(?P<page>\d{1,3})\s*$")
RE_CLAUSE_PUNCT = re.compile(r"[。；：:！？]")
RE_MASTHEAD = re.compile(r".{2,30}文件$")
RE_ISSUER_HEAD = re.compile(r"^(?P<issuer>.{2,30}?)关于")


class _Line(NamedTuple):      # one per line of every issue: a tuple is made fastest
    number: int          # 1-based
    start: int
    end: int
    text: str            # original
    flat: str            # squashed (no whitespace, width-normalised)


@dataclass(frozen=True, slots=True)
class _Anchor:
    start: int           # first line index of the document
    number_line: int     # index of the number line, -1 for unnumbered
    title_lines: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TocEntry:
    title: str
    section: str
    line: int


def split_issue(issue: Issue, vocab: Vocab) -> tuple[list[Document], list[Diagnostic]]:
    """Documents of an issue in reading order, and what could not be matched."""
    lines = _lines(issue.text)
    toc = read_contents(lines, vocab)
    anchors = _numbered_anchors(lines, vocab)
    anchors += _unnumbered_anchors(lines, toc, anchors, vocab)
    anchors.sort(key=lambda a: a.start)
    documents = [_document(issue, lines, anchor, _next_start(anchors, k, lines), toc, vocab)
                 for k, anchor in enumerate(anchors)]
    diagnostics = _check_contents(issue, toc, documents) + _impossible_dates(issue, lines, vocab)
    if not documents:
        diagnostics.append(Diagnostic(issue.path, 0, "GB202",
                                      "no document found: no line holds a document number "
                                      "(e.g. 三政〔2019〕1号) and no contents entry matched",
                                      Severity.WARNING))
    return documents, diagnostics


def read_contents(lines: list[_Line], vocab: Vocab) -> list[TocEntry]:
    """Entries of the table of contents: wrapped titles joined, each with its section."""
    entries, section, pending, first = [], "", "", 0
    title_end = vocab.patterns["title_end"]
    for index, line in enumerate(lines):
        bracket = vocab.patterns["section_bracket"].fullmatch(line.flat)
        if bracket:
            section, pending = squash(bracket["name"]), ""
            continue
        if not line.flat or RE_CLAUSE_PUNCT.search(line.flat):
            pending = ""
            continue
        if not pending:
            first = index
        pending += line.flat.lstrip("-•·")
        match = RE_PAGE_NUMBER.match(pending)
        if match and _ends_with(match["title"], title_end):
            entries.append(TocEntry(match["title"], section, lines[first].number))
            pending = ""
        elif match:
            pending = ""
        elif len(pending) > 120:
            pending = ""
    return entries


def _ends_with(text: str, pattern: re.Pattern) -> bool:
    return any(m.end() == len(text) for m in pattern.finditer(text))


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for number, (raw, flat) in enumerate(zip(text.split("\n"), squash_lines(text)), start=1):
        out.append(_Line(number, pos, pos + len(raw), raw, flat))
        pos += len(raw) + 1
    return out


def _is_number_line(line: _Line, vocab: Vocab) -> bool:
    return bool(line.flat) and vocab.patterns["doc_number"].fullmatch(line.flat) is not None


def _numbered_anchors(lines: list[_Line], vocab: Vocab) -> list[_Anchor]:
    anchors = []
    for index, line in enumerate(lines):
        if _is_number_line(line, vocab):
            title = _title_above(lines, index, vocab) or _title_below(lines, index, vocab)
            start = min(title + (index,))
            if index > 0:
                above = _previous_nonempty(lines, index)
                if above is not None and RE_MASTHEAD.fullmatch(lines[above].flat):
                    start = min(start, above)
            anchors.append(_Anchor(start, index, title))
    return anchors


def _previous_nonempty(lines: list[_Line], index: int, limit: int = 4) -> int | None:
    for k in range(index - 1, max(-1, index - 1 - limit), -1):
        if lines[k].flat:
            return k
    return None


def _looks_like_title_part(flat: str, vocab: Vocab) -> bool:
    return (0 < len(flat) <= 90 and not RE_CLAUSE_PUNCT.search(flat)
            and not vocab.patterns["date"].fullmatch(flat)
            and not vocab.patterns["doc_number"].fullmatch(flat))


def _title_above(lines: list[_Line], index: int, vocab: Vocab) -> tuple[int, ...]:
    """Title lines above a number line: `…关于…通知`, or an issuer line then `关于…`."""
    last = _previous_nonempty(lines, index)
    if last is None or not _looks_like_title_part(lines[last].flat, vocab):
        return ()
    if RE_MASTHEAD.fullmatch(lines[last].flat) and "关于" not in lines[last].flat:
        return ()
    if not _ends_with(lines[last].flat, vocab.patterns["title_end"]):
        return ()
    parts = [last]
    while "关于" not in "".join(lines[k].flat for k in parts) and len(parts) < 3:
        above = _previous_nonempty(lines, parts[0])
        if above is None or not _looks_like_title_part(lines[above].flat, vocab):
            break
        parts.insert(0, above)
    issuer = _previous_nonempty(lines, parts[0])
    if (lines[parts[0]].flat.startswith("关于") and issuer is not None
            and _looks_like_title_part(lines[issuer].flat, vocab)
            and len(lines[issuer].flat) <= 30 and not RE_MASTHEAD.fullmatch(lines[issuer].flat)):
        parts.insert(0, issuer)
    return tuple(parts)


def _title_below(lines: list[_Line], index: int, vocab: Vocab) -> tuple[int, ...]:
    """Title printed after the number (masthead layout): up to three lines ending a title."""
    parts: list[int] = []
    for k in range(index + 1, min(len(lines), index + 8)):
        if not lines[k].flat:
            continue
        if not _looks_like_title_part(lines[k].flat, vocab):
            break
        parts.append(k)
        if _ends_with("".join(lines[p].flat for p in parts), vocab.patterns["title_end"]):
            return tuple(parts)
        if len(parts) >= 3:
            break
    return ()


def _unnumbered_anchors(lines: list[_Line], toc: list[TocEntry], anchors: list[_Anchor],
                        vocab: Vocab) -> list[_Anchor]:
    """Contents entries whose title stands alone in the body but carries no number."""
    known = {_title_text(lines, a) for a in anchors}
    body_from = max((e.line for e in toc), default=0)
    found = []
    for entry in toc:
        if any(_same_title(entry.title, k) for k in known):
            continue
        for index in range(body_from, len(lines)):
            if _same_title(entry.title, lines[index].flat) and len(lines[index].flat) >= 4 and not RE_PAGE_NUMBER.match(lines[index].text.strip()):
                found.append(_Anchor(index, -1, (index,)))
                break
    return found


@lru_cache(maxsize=4096)      # the same pairs are compared for anchors, sections and GB201
def _same_title(toc_title: str, body_title: str) -> bool:
    """Contents and body titles differ by typesetting slips (体 for 体系, an extra 风险)."""
    if not body_title:
        return False
    if toc_title == body_title or toc_title.endswith(body_title) or body_title.endswith(toc_title):
        return True
    return _similarity_bound(toc_title, body_title) >= 0.9 and \
        SequenceMatcher(None, toc_title, body_title, autojunk=False).ratio() >= 0.9


def _similarity_bound(a: str, b: str) -> float:
    """An upper bound of SequenceMatcher(a, b).ratio(), computed as ratio() computes it.

    ratio() counts matched characters, which are never more than the shorter string nor
    than the characters the two share; most body lines fail this cheap test, so the
    costly matcher runs only where it can still say yes.
    """
    if 2.0 * min(len(a), len(b)) / (len(a) + len(b)) < 0.9:
        return 0.0
    return 2.0 * sum((_counts(a) & _counts(b)).values()) / (len(a) + len(b))


@lru_cache(maxsize=1024)
def _counts(text: str) -> Counter:
    return Counter(text)        # shared: only read (& makes a new Counter)


def _title_text(lines: list[_Line], anchor: _Anchor) -> str:
    return "".join(lines[k].flat for k in anchor.title_lines)


def _next_start(anchors: list[_Anchor], k: int, lines: list[_Line]) -> int:
    return anchors[k + 1].start if k + 1 < len(anchors) else len(lines)


def _document(issue: Issue, lines: list[_Line], anchor: _Anchor, stop: int,
              toc: list[TocEntry], vocab: Vocab) -> Document:
    while stop - 1 > anchor.start and not lines[stop - 1].flat:
        stop -= 1
    start, end = lines[anchor.start].start, lines[stop - 1].end
    title = _title_text(lines, anchor)
    number_printed = lines[anchor.number_line].text.strip() if anchor.number_line >= 0 else ""
    after = anchor.number_line if anchor.number_line >= 0 else anchor.start
    date = _signing_date(lines[after + 1:stop], vocab)
    section = next((e.section for e in toc if _same_title(e.title, title)), "")
    return Document(
        issue=issue.name, path=issue.path, number=squash(number_printed),
        number_printed=number_printed, title=title,
        issuer=_issuer(lines, anchor, title), date=date, section=section,
        start=start, end=end, text=issue.text[start:end], first_line=lines[anchor.start].number,
        page_starts=issue.page_starts)


def _signing_date(lines: list[_Line], vocab: Vocab) -> str:
    """The first date line that is a calendar date (2018年22月20日 is a misprint, not a date)."""
    for line in lines:
        date = _calendar_date(line, vocab)
        if date:
            return date
    return ""


def _calendar_date(line: _Line, vocab: Vocab) -> str:
    """ISO form of a line that is only a date, "" when it is not one or names no real day."""
    match = vocab.patterns["date"].fullmatch(line.flat)
    if not match:
        return ""
    try:
        return datetime.date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
    except ValueError:
        return ""


def _impossible_dates(issue: Issue, lines: list[_Line], vocab: Vocab) -> list[Diagnostic]:
    """Date lines naming no real day: reported, and never taken as a signing date."""
    return [Diagnostic(issue.path, line.number, "GB203",
                       f"date line {line.text.strip()!r} is not a calendar date: not used as a signing date",
                       Severity.WARNING)
            for line in lines if vocab.patterns["date"].fullmatch(line.flat) and not _calendar_date(line, vocab)]


def _issuer(lines: list[_Line], anchor: _Anchor, title: str) -> str:
    head = RE_ISSUER_HEAD.match(title)
    if head:
        return head["issuer"]
    masthead = lines[anchor.start].flat
    if RE_MASTHEAD.fullmatch(masthead) and anchor.start != anchor.number_line:
        return masthead[:-2]
    return ""


def _check_contents(issue: Issue, toc: list[TocEntry], documents: list[Document]) -> list[Diagnostic]:
    """Every contents entry should be a document, and every numbered document in the contents."""
    titles = [d.title for d in documents]
    out = []
    for entry in toc:
        if not any(_same_title(entry.title, t) for t in titles):
            out.append(Diagnostic(issue.path, entry.line, "GB201",
                                  f"contents entry not found in the body: {entry.title}",
                                  Severity.WARNING))
    return out
