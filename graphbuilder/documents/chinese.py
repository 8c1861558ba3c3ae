"""What decoded gazette text looks like: the tests an encoding guess must pass.

A wrong codec rarely fails outright on Chinese bytes; it yields text that is not
Chinese (Latin-1 accents, Cyrillic) or Chinese nobody writes (kana, rare and private
use characters).  These two measures tell such readings from real gazette text.
"""
from __future__ import annotations

import re

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_SPACE = re.compile(r"\s+")

# What a mainland gazette is written with: the 6763 GB2312 hanzi and full-width punctuation.
# Big5 text read as GB18030 still "looks CJK" but is mostly kana, rare and PUA characters.
_MAINLAND = frozenset("，。、；：？！“”‘’（）《》〔〕【】—…·％").union(
    bytes([hi, lo]).decode("gb2312", "ignore") for hi in range(0xB0, 0xF8) for lo in range(0xA1, 0xFF)) - {""}

_MIN_CJK_RATIO = 0.3       # gazettes run at ~0.85; mis-decodings of CJK text sit far lower
# Gazettes: > 0.99; Big5 read as GB18030: ~0.25; seed lines (UTF-8) read as GB18030: ≤ 0.67.
_MIN_MAINLAND = 0.8


def looks_cjk(text: str) -> bool:
    """At least 30% of the visible characters are ideographs."""
    visible = len(_SPACE.sub("", text))
    return visible > 0 and len(CJK.findall(text)) >= _MIN_CJK_RATIO * visible


def looks_mainland(text: str) -> bool:
    """The non-ASCII characters (U+FFFD aside) are at least 80% common mainland characters."""
    wide = [c for c in text if c > "\x7f" and c != "\ufffd" and not c.isspace()]
    return bool(wide) and sum(c in _MAINLAND for c in wide) >= _MIN_MAINLAND * len(wide)
