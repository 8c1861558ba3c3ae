"""The one record the genre writers hand to the issue assembler."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Doc:
    """One notice: where the contents list it, how it is numbered, its lines and planted facts.

    Facts are rows of the facts schema without ``doc`` and ``date``, which the issue
    assembler fills in when it numbers and dates the notice.
    """
    section: str                 # 人事任免, 市政府文件 …
    prefix: str                  # 三政任, 三政办 … (the number is 三政任〔2019〕7号)
    title: str                   # as the contents print it (no inner spaces)
    heading: str                 # as the body prints it (issuer, a space, 关于…)
    body: list[str]              # lines after the number line, blank lines included
    facts: list[dict] = field(default_factory=list)
    masthead: str = ""           # 三门峡市人民政府办公室文件 above the number, when printed
