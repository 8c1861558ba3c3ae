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
_WHITESPACE = frozenset(" \t\u3000\xa0")


@dataclass(frozen=True, slots=True)
class NormalText:
    """A normalised string and, for each of its characters, the original offset."""
    text: str
    origin: tuple[int, ...]      # len(text) + 1 entries; the last is the end offset

    @classmethod
    def of(cls, original: str, start: int = 0, end: int | None = None) -> "NormalText":
        """Width- and dash-normalise original[start:end] (same length, same offsets)."""
        end = len(original) if end is None else end
        text = original[start:end].translate(_CHAR_MAP)
        return cls(text, tuple(range(start, end + 1)))

    def shifted(self, offset: int) -> "NormalText":
        """The same text with every origin moved by `offset` (document → issue offsets)."""
        return NormalText(self.text, tuple(o + offset for o in self.origin))

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original (start, end) of normalised text[i:j]."""
        if j <= i:
            return self.origin[i], self.origin[i]
        return self.origin[i], self.origin[j - 1] + 1

    def slice(self, i: int, j: int) -> "NormalText":
        return NormalText(self.text[i:j], self.origin[i:j] + (self.span(i, j)[1],))

    def without(self, remove: set[int]) -> "NormalText":
        """A copy without the characters at the given normalised positions."""
        keep = [k for k in range(len(self.text)) if k not in remove]
        return NormalText("".join(self.text[k] for k in keep),
                          tuple(self.origin[k] for k in keep) + (self.origin[-1],))

    def squash(self) -> "NormalText":
        """Remove all whitespace (names printed 安 伟, labels printed 组 长)."""
        return self.without({k for k, ch in enumerate(self.text) if ch.isspace() or ch in _WHITESPACE})

    def strip(self) -> "NormalText":
        i, j = 0, len(self.text)
        while i < j and self.text[i].isspace():
            i += 1
        while j > i and self.text[j - 1].isspace():
            j -= 1
        return self.slice(i, j)

    def lines(self) -> list["NormalText"]:
        """Split on newlines; each line keeps its offsets."""
        out, i = [], 0
        for m in re.finditer("\n", self.text):
            out.append(self.slice(i, m.start()))
            i = m.end()
        out.append(self.slice(i, len(self.text)))
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


def squash(text: str) -> str:
    """Whitespace-free, width-normalised form of a short string (names, labels)."""
    return "".join(ch for ch in text.translate(_CHAR_MAP) if not ch.isspace())


def drop_lines(normal: NormalText, pattern: re.Pattern) -> NormalText:
    """Remove whole lines matching `pattern` (page headers such as 人事任免 —————)."""
    remove: set[int] = set()
    pos = 0
    for line in normal.text.split("\n"):
        if line.strip() and pattern.fullmatch(line.strip()):
            remove.update(range(pos, pos + len(line) + 1))
        pos += len(line) + 1
    remove.discard(len(normal.text))
    return normal.without({k for k in remove if k < len(normal.text)})
