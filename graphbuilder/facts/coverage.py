"""Coverage accounting: every line of a personnel, roster or task-division text, explained.

A document is accounted when its section or title puts it in one of those genres
(`ontology/patterns/genres.tsv`), up to its first attachment marker; attached parts, and
in a document of another genre only those, are accounted when their heading names a
genre (an attached `…成员名单`, a `…任务分工` table). Each non-blank line of an accounted
region is then, in this order:

1. boilerplate the extractors never see: a page header (dropped before extraction);
2. facts, when an extractor's `consumed` span covers a character of the line;
3. boilerplate of the leading block (masthead, title, number lines);
4. boilerplate, when a row of `ontology/patterns/boilerplate.tsv` matches it (scope `head`:
   before the first line read into facts after the leading block, `tail`: after the last
   one, `any`: anywhere), for the region's genre;
5. not understood: reported as GB341 with its document and line.

The extractors never see the accounting: it reads their `consumed` spans, so it cannot
change a fact.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from graphbuilder.documents.normalize import NormalText, squash, squash_lines
from graphbuilder.facts.common import page_header_pattern
from graphbuilder.records import (Coverage, Diagnostic, Document, LineAccount, LineStatus,
                                  Severity)
from graphbuilder.vocab import BoilerplateRule, Vocab

UNREAD_CODE = "GB341"
PAGE_HEADER = "@page_header"      # the running head that common.document_text drops
PART_HEADING = "@part_heading"    # the heading that opened an accounted part (genres.tsv)
NO_GENRE = "-"                    # a genres.tsv `part` row with this genre closes a part


def document_genre(document: Document, vocab: Vocab) -> str:
    """The genre the document's section or title puts it in, "" for any other document."""
    for rule in vocab.genres:
        if rule.field == "section" and document.section and rule.pattern.fullmatch(document.section):
            return rule.genre
        if rule.field == "title" and rule.pattern.search(document.title):
            return rule.genre
    return ""


def account_lines(document: Document, consumed, vocab: Vocab) -> Coverage | None:
    """How each line of the document's accounted regions was used; None when it has none."""
    lines = _lines(document)
    genre = document_genre(document, vocab)
    regions = _regions(lines, squash_lines(document.text), genre, vocab)
    if not regions or not lines:
        return None
    spans = _merged(consumed)
    accounts: list[LineAccount] = []
    for part_genre, first, last in regions:
        rules = [r for r in vocab.boilerplate if "*" in r.genres or part_genre in r.genres]
        region = [(k, *lines[k]) for k in range(first, last + 1) if lines[k][2].strip()]
        lead = _lead(document, region, rules, vocab, opens_part=not genre or first > 0)
        used = {k for k, start, end, _ in region if _overlaps(spans, start, end)}
        body = sorted(used - set(lead))
        head, tail = (body[0], body[-1]) if body else (last + 1, first - 1)
        for k, _, _, text in region:
            where = _Where(lead.get(k, ""), k in used, k < head, k > tail)
            status, reason = _classify(document, text, where, rules, vocab)
            accounts.append(LineAccount(document.first_line + k, status, reason, text.strip()))
    parts = tuple((g, document.first_line + a, document.first_line + b) for g, a, b in regions)
    return Coverage(genre, parts, tuple(accounts))


def unread_diagnostics(document: Document, coverage: Coverage,
                       known: list[Diagnostic]) -> list[Diagnostic]:
    """GB341 for each line not understood that no extractor has already reported."""
    reported = {d.line for d in known if d.path == document.path}
    out = []
    for account in coverage.lines:
        if account.status is LineStatus.UNREAD and account.line not in reported:
            genre = coverage.genre or _genre_at(coverage, account.line) or "accounted"
            out.append(Diagnostic(document.path, account.line, UNREAD_CODE,
                                  f"{genre} line not understood: neither facts nor boilerplate",
                                  Severity.WARNING, excerpt=account.text[:80], doc=document.number))
    return out


def _genre_at(coverage: Coverage, line: int) -> str:
    return next((genre for genre, first, last in coverage.parts if first <= line <= last), "")


# regions -------------------------------------------------------------------------------

def _lines(document: Document) -> list[tuple[int, int, str]]:
    """(start, end, text) of each line of the document, offsets into Issue.text."""
    out, pos = [], document.start
    for raw in document.text.split("\n"):
        out.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _regions(lines: list[tuple[int, int, str]], flats: list[str], genre: str,
             vocab: Vocab) -> list[tuple[str, int, int]]:
    """(genre, first, last line index) of the accounted regions.

    A document of an accounted genre is one region up to its first attachment marker;
    after that (and in any other document) a `part` heading opens a region that runs
    to the next part heading or attachment marker.
    """
    rules = [r for r in vocab.genres if r.field == "part"]
    parts: list[tuple[str, int, int]] = []
    current: tuple[str, int] | None = (genre, 0) if genre else None
    for k, flat in enumerate(flats):          # the squashed form of each of `lines`
        if not flat:
            continue
        rule = next((r for r in rules if r.pattern.fullmatch(flat)), None)
        if rule is None:
            continue
        if current:
            parts.append((current[0], current[1], _last_nonblank(lines, current[1], k - 1)))
        current = None if rule.genre == NO_GENRE else (rule.genre, k)
    if current:
        parts.append((current[0], current[1], _last_nonblank(lines, current[1], len(lines) - 1)))
    return parts


def _last_nonblank(lines, first: int, last: int) -> int:
    while last > first and not lines[last][2].strip():
        last -= 1
    return last


def _merged(spans) -> tuple[list[int], list[int]]:
    """Consumed spans as sorted, disjoint intervals: (starts, ends)."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _overlaps(merged: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Does a consumed interval cover a character of [start, end)?"""
    starts, ends = merged
    k = bisect.bisect_left(starts, end) - 1        # the last interval starting before `end`
    return k >= 0 and ends[k] > start


# classification --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Where:
    lead: str            # the lead rule (title, number …) that matched, "" outside the lead block
    used: bool           # an extractor consumed part of the line
    in_head: bool        # before the first consumed line after the lead block
    in_tail: bool        # after the last consumed line


def _lead(document: Document, region, rules: list[BoilerplateRule], vocab: Vocab,
          opens_part: bool) -> dict[int, str]:
    """The leading block of masthead, title and number lines (or a part's heading): {index: class}."""
    found: dict[int, str] = {}
    for position, (k, _, _, text) in enumerate(region):
        flat = squash(text)
        rule = next((r for r in rules if r.scope == "lead" and (
            (r.pattern == PART_HEADING and position == 0 and opens_part)
            or (r.pattern != PART_HEADING and _matches(r, document, flat, text, vocab)))), None)
        if rule is None:
            break
        found[k] = rule.name
    return found


def _classify(document: Document, text: str, where: _Where, rules: list[BoilerplateRule],
              vocab: Vocab) -> tuple[LineStatus, str]:
    """(status, boilerplate class) of one non-blank line."""
    flat = squash(text)
    for rule in rules:
        if rule.pattern == PAGE_HEADER and _matches(rule, document, flat, text, vocab):
            return LineStatus.BOILERPLATE, rule.name
    if where.used:
        return LineStatus.FACTS, ""
    if where.lead:
        return LineStatus.BOILERPLATE, where.lead
    for rule in rules:
        in_scope = rule.scope == "any" or (rule.scope == "head" and where.in_head) \
            or (rule.scope == "tail" and where.in_tail)
        if in_scope and rule.pattern != PAGE_HEADER and _matches(rule, document, flat, text, vocab):
            return LineStatus.BOILERPLATE, rule.name
    return LineStatus.UNREAD, ""


def _matches(rule: BoilerplateRule, document: Document, flat: str, text: str, vocab: Vocab) -> bool:
    if rule.pattern == PAGE_HEADER:
        pattern = page_header_pattern(vocab.sections, vocab.patterns["page_rule"].pattern)
        return pattern.fullmatch(NormalText.of(text).text.strip()) is not None
    if rule.pattern.startswith("@"):
        return vocab.patterns[rule.pattern[1:]].fullmatch(flat) is not None
    if rule.pattern.startswith("document:"):
        return _document_field(rule.pattern.removeprefix("document:"), document, flat)
    return _compiled(rule.pattern).fullmatch(flat) is not None


def _document_field(name: str, document: Document, flat: str) -> bool:
    """A line that prints a field the segmenter already read into the Document."""
    if name == "title":
        return len(flat) >= 2 and flat in document.title
    value = {"number": document.number, "issuer": document.issuer}.get(name)
    if value is None:
        raise ValueError(f"boilerplate.tsv: unknown document field {name!r}")
    return bool(value) and flat == value


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)
