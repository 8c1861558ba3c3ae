"""Positions named in prose: a list of departments sharing one tail
(`市住房城乡建设、发展改革…等部门主要负责同志`) spread into one position a department."""
from __future__ import annotations

import re

# How a position is named after its units: 市财政局主要负责同志, 市公安局分管负责同志 …
HEAD_TAILS = "主要负责同志|分管负责同志|有关负责同志|负责同志|主要负责人|分管负责人|负责人|分管领导"
RE_DEPARTMENT_LIST = re.compile(rf"^(?P<prefix>市)?(?P<list>.+、.+?)等部门(?P<tail>{HEAD_TAILS})$")
# `市交通运输局、发展改革委等部门主要负责同志` names bureaus, not 部门 words.
BUREAU_ENDINGS = ("局", "委", "办", "中心", "公司", "集团")


def expand_positions(holder: str) -> list[str]:
    """`A及市住房城乡建设、发展改革…等部门主要负责同志` → one position per department."""
    out = []
    for part in re.split(r"及|和(?=市)", holder):
        match = RE_DEPARTMENT_LIST.match(part)
        if match:
            prefix = match["prefix"] or ""
            out.extend(f"{prefix}{d}{'' if d.endswith(BUREAU_ENDINGS) else '部门'}{match['tail']}"
                       for d in match["list"].split("、") if d)
        elif part:
            out.append(part)
    return out
