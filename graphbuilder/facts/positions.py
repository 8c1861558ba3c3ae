"""Positions named in prose: a unit's head as a roster seat (`市财政局主要负责同志`), and a
list of departments sharing one tail (`市住房城乡建设、发展改革…等部门主要负责同志`) spread into
one position a department. The tails are the layout pattern ``unit_head_tail``."""
from __future__ import annotations

import re
from functools import lru_cache

from graphbuilder.vocab import Vocab

# `市交通运输局、发展改革委等部门主要负责同志` names bureaus, not 部门 words.
BUREAU_ENDINGS = ("局", "委", "办", "中心", "公司", "集团")


@lru_cache(maxsize=4)
def _patterns(tails: str) -> tuple[re.Pattern, re.Pattern]:
    return (re.compile(rf"(?P<units>[^（）：]+?)(?P<tail>{tails})。?"),
            re.compile(rf"^(?P<prefix>市)?(?P<list>.+、.+?)等部门(?P<tail>{tails})$"))


def unit_heads_pattern(vocab: Vocab) -> re.Pattern:
    """`X、Y主要负责同志`: the units and the tail naming their heads."""
    return _patterns(vocab.patterns["unit_head_tail"].pattern)[0]


def expand_positions(holder: str, vocab: Vocab) -> list[str]:
    """`A及市住房城乡建设、发展改革…等部门主要负责同志` → one position per department."""
    department_list = _patterns(vocab.patterns["unit_head_tail"].pattern)[1]
    out = []
    for part in re.split(r"及|和(?=市)", holder):
        match = department_list.match(part)
        if match:
            prefix = match["prefix"] or ""
            out.extend(f"{prefix}{d}{'' if d.endswith(BUREAU_ENDINGS) else '部门'}{match['tail']}"
                       for d in match["list"].split("、") if d)
        elif part:
            out.append(part)
    return out
