"""Numbered items of a document (一、 （一） 1. （1） ①) and their numbering paths."""
from __future__ import annotations

import re
from dataclasses import dataclass


CN = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
RE_MARKER = re.compile(
    rf"^(?:(?P<cn>[{CN}]{{1,3}})、|（(?P<cnp>[{CN}]{{1,3}})）|(?P<ar>\d{{1,2}})[.、](?!\d)"
    rf"|（?(?P<arp>\d{{1,2}})）|(?P<circled>[{CIRCLED}]))")
LEVELS = ("cn", "cnp", "ar", "arp", "circled")
OPENERS = frozenset(CN + CIRCLED + "（0123456789")      # the characters a marker can open with
MAX_TITLE = 30


@dataclass(frozen=True, slots=True)
class Marker:
    level: int           # 0 一、  1 （一）  2 1.  3 （1） or 1）  4 ①
    label: str           # printed in the path's canonical form: 一、 (一) 1. (1)
    length: int          # characters of the marker in the line


def marker(flat: str) -> Marker | None:
    """The numbering marker that opens a squashed line, if any."""
    if flat[:1] not in OPENERS:               # most lines: no regex call
        return None
    match = RE_MARKER.match(flat)
    if not match:
        return None
    kind = next(k for k in LEVELS if match[k])
    value = match[kind]
    label = {"cn": f"{value}、", "cnp": f"({value})", "ar": f"{value}.", "arp": f"({value})", "circled": value}[kind]
    return Marker(LEVELS.index(kind), label, match.end())


class Numbering:
    """The current path of nested numbered items while reading a document top-down."""

    def __init__(self) -> None:
        self.stack: list[Marker] = []

    def enter(self, found: Marker) -> tuple[str, str]:
        """Push a marker; returns (path, parent path)."""
        self.stack = [m for m in self.stack if m.level < found.level]
        parent = self.path
        self.stack.append(found)
        return self.path, parent

    @property
    def path(self) -> str:
        return "".join(m.label for m in self.stack)


def heading(text: str) -> str:
    """An item's title: the text before the first 。, shortened to its first clause if long."""
    head = text.split("。", 1)[0].strip()
    if len(head) <= MAX_TITLE:
        return head
    first = re.split("[，；：]", head, maxsplit=1)[0]
    return first if len(first) <= MAX_TITLE else head[:20]

