"""Jurisdictions: whose 市 a gazette's 市财政局 is.

Names in gazettes are relative: 市财政局 in a 三门峡 notice is 三门峡市财政局, in a 郑州
notice 郑州市财政局; 县教育局 in a 渑池 notice is 渑池县教育局. Every organisation and group
mention is therefore read in the jurisdiction of its document (from the issuer, 三门峡市人民
政府办公室 → 三门峡市), and looked up first there, then in the enclosing jurisdictions
(河南省 for 省政府), then nationally. ``lexicon/jurisdictions.tsv`` gives the names, the
short forms printed as prefixes (三门峡 in 三门峡经济开发区) and the nesting.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

RE_SPACE = re.compile(r"\s+")
BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "（", "]": "）", "［": "（", "］": "）",
                          "〔": "（", "〕": "）"})
# An unlisted jurisdiction at the head of an issuer: 2–6 characters ending in a level word.
RE_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:自治州|自治县|特别行政区|省|市|州|县|区|旗|盟)")
NATIONAL = ""
GOVERNMENT_WORDS = ("人民政府", "政府")


def clean(mention: str) -> str:
    """The comparison form of printed text: NFC, no whitespace, full-width round brackets."""
    return RE_SPACE.sub("", unicodedata.normalize("NFC", mention)).translate(BRACKETS)


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    name: str      # 三门峡市
    short: str     # 三门峡
    parent: str    # 河南省

    @property
    def level(self) -> str:
        """The word a relative name starts with: 市, 县, 区, 省."""
        return self.name[-1]


class Places:
    """The jurisdictions lexicon and the relative ↔ absolute forms of names."""

    def __init__(self, jurisdictions: list[Jurisdiction]):
        self.by_name = {j.name: j for j in jurisdictions}

    @classmethod
    def load(cls, path: Path) -> "Places":
        if not path.is_file():
            return cls([])
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        return cls([Jurisdiction(r["name"].strip(), (r.get("short") or "").strip(), (r.get("parent") or "").strip())
                    for r in rows if (r.get("name") or "").strip()])

    @cached_property
    def prefixes_longest_first(self) -> list[tuple[str, Jurisdiction]]:
        """(printed prefix, jurisdiction), the full names before the short forms."""
        pairs = [(j.name, j) for j in self.by_name.values()]
        pairs += [(j.short, j) for j in self.by_name.values() if len(j.short) >= 2]
        return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))

    @cached_property
    def prefixes_by_first_character(self) -> dict[str, list[tuple[str, Jurisdiction]]]:
        """:attr:`prefixes_longest_first` grouped by first character, in the same order: a name
        is only tried against the places that can start it (every lookup asked all ~200)."""
        groups: dict[str, list[tuple[str, Jurisdiction]]] = {}
        for prefix, place in self.prefixes_longest_first:
            groups.setdefault(prefix[:1], []).append((prefix, place))
        return groups

    def starting(self, text: str) -> list[tuple[str, Jurisdiction]]:
        """(prefix, jurisdiction) pairs that may start ``text``, longest first."""
        return self.prefixes_by_first_character.get(text[:1], [])

    def get(self, name: str) -> Jurisdiction:
        return self.by_name.get(name) or Jurisdiction(name, name[:-1] if len(name) > 2 else "", "")

    def of_issuer(self, issuer: str) -> str:
        """The jurisdiction an issuer speaks for: the most specific place its name starts with.

        三门峡市人民政府办公室 → 三门峡市; 三门峡市湖滨区人民政府 → 湖滨区; 郑州市人民政府 → 郑州市
        (unlisted, by its level word); 国务院 → "" (national).
        """
        text, found = clean(issuer), NATIONAL
        while text:
            known = next(((p, j) for p, j in self.starting(text) if text.startswith(p)), None)
            if known:
                found, text = known[1].name, text[len(known[0]):]
                if known[0] != known[1].name:
                    break           # a short form opens a body's name (三门峡经济开发区…)
                continue
            match = RE_PLACE.match(text)
            if not match or (found and not text[match.end():].startswith(GOVERNMENT_WORDS)):
                break
            found, text = match.group(), text[match.end():]
        return found

    def scopes(self, jurisdiction: str) -> list[str]:
        """The jurisdiction, the ones enclosing it, then the national scope."""
        chain, seen = [], set()
        while jurisdiction and jurisdiction not in seen:
            seen.add(jurisdiction)
            chain.append(jurisdiction)
            jurisdiction = self.by_name[jurisdiction].parent if jurisdiction in self.by_name else ""
        return [*chain, NATIONAL]

    def named_in(self, text: str) -> str:
        """The innermost listed jurisdiction a name starts with, or "".

        渑池县教育局 → 渑池县; 三门峡市湖滨区人民政府 → 湖滨区 (a county named inside its city).
        """
        found = ""
        while True:
            inner = next((j for p, j in self.starting(text)
                          if text.startswith(p) and (not found or j.parent == found)), None)
            if inner is None:
                return found
            prefix = inner.name if text.startswith(inner.name) else inner.short
            found, text = inner.name, text[len(prefix):]

    def strip_enclosing(self, text: str, scope: str) -> str:
        """A name without the places that enclose ``scope``: 三门峡市湖滨区政府 → 湖滨区政府 in 湖滨区."""
        while scope:
            outer = next((j for p, j in self.starting(text)
                          if text.startswith(p) and j.name != scope and j.name in self.scopes(scope)), None)
            if outer is None:
                return text
            text = text[len(outer.name if text.startswith(outer.name) else outer.short):]
        return text

    def names_a_place(self, text: str) -> bool:
        """Whether a name carries a listed place (so it means the same body in any jurisdiction)."""
        return any(p in text for p, _ in self.prefixes_longest_first)

    def relative(self, text: str, scope: str) -> str:
        """A cleaned name as written inside ``scope``: 三门峡市财政局 → 市财政局 in 三门峡市."""
        if not scope:
            return text
        text = self.strip_enclosing(text, scope)
        place = self.get(scope)
        for prefix in (place.name, place.short):
            if not prefix or not text.startswith(prefix):
                continue
            rest = text[len(prefix):]
            if prefix == place.short and rest.startswith(place.level):
                rest = rest[1:]     # the short form and the level word: 三门峡 + 市 …
            return place.level + rest if rest else text
        return text

    def absolute(self, relative: str, scope: str) -> str:
        """A relative name made absolute in ``scope`` (市财政局 → 三门峡市财政局), or "" if it is not relative."""
        if scope and relative.startswith(self.get(scope).level) and len(relative) > 1:
            return scope + relative[1:]
        return ""
