"""Helpers every extractor shares: the document's normalised text, sources, brackets."""
from __future__ import annotations

import re
from functools import lru_cache

from graphbuilder.documents.normalize import NormalText, drop_lines
from graphbuilder.records import Diagnostic, Document, Severity, Source
from graphbuilder.vocab import Vocab

RE_TABLE_SEPARATORS = re.compile(r"\t+|\|")
RE_TRAILING_BRACKET = re.compile(r"（([^（）]*)）$")
OPEN, CLOSE = "（〔", "）〕"


@lru_cache(maxsize=8)
def page_header_pattern(sections: tuple[str, ...], rule: str) -> re.Pattern:
    """A line that is only a section name and/or a rule: a page header inside a list."""
    names = "|".join(re.escape(s) for s in sorted(sections, key=len, reverse=True))
    return re.compile(rf"(?:(?:{names})\s*(?:{rule})?|(?:{rule}))")


_last_text: tuple = (None, None, None)     # (document, vocab, its NormalText): the last one made


def document_text(document: Document, vocab: Vocab) -> NormalText:
    """The document's normalised text with page headers removed, offsets kept.

    Every extractor asks for the same document's text in turn, and making it walks the
    text character by character, so the last one made is kept (NormalText is immutable).
    """
    global _last_text
    last_document, last_vocab, text = _last_text
    if last_document is document and last_vocab is vocab:
        return text
    pattern = page_header_pattern(vocab.sections, vocab.patterns["page_rule"].pattern)
    text = drop_lines(NormalText.of(document.text, offset=document.start), pattern)
    _last_text = (document, vocab, text)
    return text


_last_lines: tuple = (None, [])         # (NormalText, its (line, squashed line) pairs): the last one made


def squashed_lines(text: NormalText) -> list[tuple[NormalText, NormalText]]:
    """Each line of ``text`` with its whitespace-free form, made once for all extractors."""
    global _last_lines
    last_text, pairs = _last_lines
    if last_text is text:
        return pairs
    pairs = [(line, line.squash()) for line in text.lines()]
    _last_lines = (text, pairs)
    return pairs


def make_source(document: Document, text: NormalText, i: int = 0, j: int | None = None) -> Source:
    """A Source for text[i:j] (a view of the document), quoting the original characters."""
    j = len(text.text) if j is None else j
    start, end = text.span(i, j)
    quote = document.text[start - document.start:end - document.start]
    return Source(document.number, start, end, quote, document.line_of(start))


def table_cells(line: str) -> list[str]:
    """The cells of a table row printed with tabs or bars (`| a | b |`), unstripped. The cells
    are stripped by the caller: `\\s*\\|\\s*` as separator was quadratic in runs of spaces."""
    return RE_TABLE_SEPARATORS.split(line.strip().strip("|"))


def split_outside_brackets(text: str, separators: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of `text` between separators that are not inside brackets."""
    parts, depth, begin = [], 0, 0
    for match in _marks(separators).finditer(text):     # only brackets and separators
        ch, k = match.group(), match.start()
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append((begin, k))
            begin = k + 1
    parts.append((begin, len(text)))
    return [(i, j) for i, j in parts if j > i]


@lru_cache(maxsize=32)
def _marks(separators: str) -> re.Pattern:
    """Brackets and separators: the only characters split_outside_brackets looks at."""
    return re.compile("[" + re.escape(OPEN + CLOSE + separators) + "]")


def trailing_qualifiers(text: str) -> tuple[str, tuple[str, ...]]:
    """Split `X（正县级）（试用期一年）` into X and its trailing bracketed remarks."""
    qualifiers: list[str] = []
    while True:
        match = RE_TRAILING_BRACKET.search(text)
        if not match or match.start() == 0:
            return text, tuple(reversed(qualifiers))
        qualifiers.append(match[1])
        text = text[:match.start()]


def unread(document: Document, line_text: NormalText, code: str, message: str) -> Diagnostic:
    start, _ = line_text.span(0, len(line_text.text))
    return Diagnostic(document.path, document.line_of(start), code, message,
                      Severity.WARNING, excerpt=line_text.text[:80], doc=document.number)
