"""Normalised views of gazette text that remember where every character came from.

Gazettes vary in punctuation width, dash and space characters, and print page
headers (``人事任免 —————``) in the middle of lists. Extractors work on a
normalised copy; each character of it keeps its offset in the original text, so
every fact can quote the original exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# One canonical form per character class; the map is length-preserving.
_CHAR_MAP = str.maketrans({
    "(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "!": "！", "?": "？",
    "［": "〔", "］": "〕", "[": "〔", "]": "〕",
    "\u3000": " ", "\xa0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200b": " ",
    "\ufeff": " ",
    "‐": "—", "‑": "—", "‒": "—", "–": "—", "―": "—", "─": "—", "━": "—", "－": "—",
    "﹣": "—", "—": "—",
    "．": ".", "﹒": ".",
})
# Invisible characters (C0/C1 controls, zero-width and direction marks, soft hyphen, word
# joiner) read as spaces, so squash() drops them: 市\x00自然资源规划局 names 市自然资源规划局.
# Whitespace controls (\t \n \r …) keep their meaning for line and table layout.
_CHAR_MAP.update({code: " " for code in [*range(0x20), 0x7F, *range(0x80, 0xA0), 0xAD,
                                          *range(0x200B, 0x2010), *range(0x202A, 0x202F),
                                          *range(0x2060, 0x2065), *range(0x2066, 0x206A), 0xFEFF]
                  if not chr(code).isspace()})

# Regex classes instead of per-character Python loops (squashing every line of a corpus
# walked millions of characters one by one). These are the characters str.isspace() is
# true of (a test checks them against every code point); one explicit class runs about
# three times faster in re than \s, or than \s in an alternation.
SPACE_CHARS = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
               "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_TO_SPACE = [k for k, v in _CHAR_MAP.items() if v.isspace()]


def _char_class(codes) -> str:
    return "[" + "".join(f"\\U{code:08x}" for code in sorted(set(codes))) + "]"


_SPACES = re.compile(_char_class(map(ord, SPACE_CHARS)) + "+")
# Characters squash() drops: whitespace, and what the width map turns into a space.
_DROPPED = re.compile(_char_class([*map(ord, SPACE_CHARS), *_TO_SPACE]) + "+")
_DROPPED_BUT_NEWLINE = re.compile(_char_class([*map(ord, SPACE_CHARS.replace("\n", "")), *_TO_SPACE]) + "+")
# Characters squash() maps to another visible one (most lines hold none: no translate).
_MAPPED = re.compile(_char_class(k for k, v in _CHAR_MAP.items() if not v.isspace()))
_ANY_MAPPED = re.compile(_char_class(_CHAR_MAP))
_MAPPED_TO = {chr(k): v for k, v in _CHAR_MAP.items()}


def _width_map(text: str) -> str:
    """text.translate(_CHAR_MAP), done by re: str.translate looks every character of
    non-ASCII text up in the dict (16 times slower on gazettes, where few characters map)."""
    return _ANY_MAPPED.sub(lambda m: _MAPPED_TO[m.group()], text)


@dataclass(frozen=True, slots=True)
class NormalText:
    """A normalised string and, for each of its characters, the original offset."""
    text: str
    origin: tuple[int, ...]      # len(text) + 1 entries; the last is the end offset

    @classmethod
    def of(cls, original: str, start: int = 0, end: int | None = None, offset: int = 0) -> "NormalText":
        """Width- and dash-normalise original[start:end] (same length, same offsets).

        `offset` is where original[0] stands in a larger text (a document in its issue).
        """
        end = len(original) if end is None else end
        return cls(_width_map(original[start:end]), tuple(range(start + offset, end + offset + 1)))

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original (start, end) of normalised text[i:j]."""
        if j <= i:
            return self.origin[i], self.origin[i]
        return self.origin[i], self.origin[j - 1] + 1

    def slice(self, i: int, j: int) -> "NormalText":
        origin = self.origin
        end = origin[j - 1] + 1 if j > i else origin[i]         # span(i, j)[1]
        if i == 0 and j == len(self.text) and end == origin[-1]:
            return self                 # the same view (most strip() calls): no copy
        return NormalText(self.text[i:j], origin[i:j] + (end,))

    def without(self, remove: set[int]) -> "NormalText":
        """A copy without the characters at the given normalised positions."""
        return self.keeping(_runs_between(sorted((k, k + 1) for k in remove), len(self.text)))

    def keeping(self, runs: list[tuple[int, int]]) -> "NormalText":
        """A copy of only text[i:j] for each (i, j) of `runs` (in order, not overlapping).

        Whole runs are copied at once: a character-by-character copy was the slowest
        part of extraction.
        """
        text, origin = self.text, self.origin
        kept: list[int] = []
        for i, j in runs:
            kept.extend(origin[i:j])
        kept.append(origin[-1])
        return NormalText("".join([text[i:j] for i, j in runs]), tuple(kept))

    def squash(self) -> "NormalText":
        """Remove all whitespace (names printed 安 伟, labels printed 组 长)."""
        spaces = [m.span() for m in _SPACES.finditer(self.text)]
        if not spaces:
            return self
        return self.keeping(_runs_between(spaces, len(self.text)))

    def strip(self) -> "NormalText":
        text = self.text
        i = len(text) - len(text.lstrip())
        return self.slice(i, max(i, len(text.rstrip())))

    def lines(self) -> list["NormalText"]:
        """Split on newlines; each line keeps its offsets."""
        out, i, origin = [], 0, self.origin
        for line in self.text.split("\n"):
            j = i + len(line)           # slice(i, j), inlined: documents have many lines
            out.append(NormalText(line, origin[i:j] + (origin[j - 1] + 1 if j > i else origin[i],)))
            i = j + 1
        return out

    def find_all(self, pattern: re.Pattern) -> list[re.Match]:
        return list(pattern.finditer(self.text))


def concat(parts: list[NormalText]) -> NormalText:
    """Join views (e.g. the lines of a wrapped clause) into one, offsets kept."""
    origin: list[int] = []
    for part in parts:
        origin.extend(part.origin[:-1])        # a list: tuple += would copy on every part
    origin.append(parts[-1].origin[-1])
    return NormalText("".join(p.text for p in parts), tuple(origin))


def _runs_between(removed: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The (i, j) runs of range(length) outside the sorted `removed` spans."""
    runs, i = [], 0
    for start, end in removed:
        start = min(start, length)
        if start > i:
            runs.append((i, start))
        i = max(i, end)
    if i < length:
        runs.append((i, length))
    return runs


def squash(text: str) -> str:
    """Whitespace-free, width-normalised form of a short string (names, labels)."""
    text = _DROPPED.sub("", text)
    return _width_map(text) if _MAPPED.search(text) else text


def squash_lines(text: str) -> list[str]:
    """[squash(line) for line in text.split("\n")], in one pass over the text (a regex
    call per line cost more than the squashing)."""
    return _width_map(_DROPPED_BUT_NEWLINE.sub("", text)).split("\n")


def drop_lines(normal: NormalText, pattern: re.Pattern) -> NormalText:
    """Remove whole lines matching `pattern` (page headers such as 人事任免 —————)."""
    removed: list[tuple[int, int]] = []
    pos = 0
    for line in normal.text.split("\n"):
        if line.strip() and pattern.fullmatch(line.strip()):
            removed.append((pos, pos + len(line) + 1))     # with its newline, if it has one
        pos += len(line) + 1
    if not removed:
        return normal
    return normal.keeping(_runs_between(removed, len(normal.text)))
