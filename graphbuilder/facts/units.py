"""Unit lists as gazettes print them, read as the text means them.

`市发展改革委、科技局、投资集团` names 市科技局 and 市投资集团 (the 市 prefix is
left implicit); `湖滨区、陕州区政府` names two district governments (a shared
suffix); `…商务局和各县〔市、区〕政府` splits at 和 before a new unit; a trailing
`等部门` is dropped; collective units (各县（市、区）政府) are kept as printed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graphbuilder.facts.common import split_outside_brackets
from graphbuilder.vocab import Vocab

RE_BARE_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:区|县|市)$")
RE_SHARED_SUFFIX = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,10}(?:区|县|市))(?P<suffix>人民政府|政府|管委会|管理委员会)$")
RE_TRAILING_ETC = re.compile(r"等(?:有关|相关)?(?:部门|单位)?$")
# 和 / 及 split a list only where a new unit starts after them.
RE_AND = re.compile(r"(?:和|及)")
NO_PREFIX = ("各", "相关", "有关", "全市")          # collective units; places come from places.txt
BRACKETS = str.maketrans({"〔": "（", "〕": "）"})


@dataclass(frozen=True, slots=True)
class UnitMention:
    printed: str          # the token as printed (brackets normalised to （）)
    unit: str             # as the text means it: implicit 市 added, shared suffix spread
    start: int            # offsets within the list text
    end: int


def split_units(text: str, vocab: Vocab) -> list[UnitMention]:
    """Units of a printed list, in order, with their positions in `text`."""
    tokens = []
    for i, j in split_outside_brackets(text, "、，,；;"):
        for a, b in _split_and(text, i, j, vocab):
            raw = text[a:b]
            lead = len(raw) - len(raw.lstrip("。 \t\n\u3000"))
            token = RE_TRAILING_ETC.sub("", "".join(raw.split()).strip("。"))
            if token:
                tokens.append((token.translate(BRACKETS), a + lead, a + lead + len(token)))
    units = _spread_suffixes([t for t, _, _ in tokens])
    units = _add_city_prefix(units, vocab)
    return [UnitMention(printed, unit, a, b) for (printed, a, b), unit in zip(tokens, units)]


def _split_and(text: str, i: int, j: int, vocab: Vocab) -> list[tuple[int, int]]:
    """Split at 和/及 only where both sides read as units (not 工业和信息化局)."""
    cuts = [m for m in RE_AND.finditer(text, i, j)
            if _depth(text, i, m.start()) == 0 and looks_like_unit(text[i:m.start()], vocab)
            and looks_like_unit(text[m.end():j], vocab)]
    bounds, begin = [], i
    for match in cuts:
        bounds.append((begin, match.start()))
        begin = match.end()
    bounds.append((begin, j))
    return [(a, b) for a, b in bounds if b > a]


def _depth(text: str, i: int, k: int) -> int:
    segment = text[i:k]
    return sum(segment.count(c) for c in "（〔") - sum(segment.count(c) for c in "）〕")


def _spread_suffixes(tokens: list[str]) -> list[str]:
    """湖滨区、陕州区政府 → 湖滨区政府, 陕州区政府."""
    out = list(tokens)
    for k, token in enumerate(tokens):
        match = RE_SHARED_SUFFIX.match(token) or _zone_suffix(token)
        if not match:
            continue
        suffix = match["suffix"]
        back = k - 1
        while back >= 0 and _is_bare_place(tokens[back]):
            out[back] = tokens[back] + suffix
            back -= 1
    return out


def _zone_suffix(token: str):
    """开发区管委会 after 城乡一体化示范区: a zone's committee shares its suffix too."""
    for suffix in ("管委会", "管理委员会"):
        if token.endswith(suffix) and token[:-len(suffix)].endswith("区"):
            return {"suffix": suffix}
    return None


def _is_bare_place(token: str) -> bool:
    return bool(RE_BARE_PLACE.match(token)) and not token.startswith(("各", "相关"))


def _add_city_prefix(units: list[str], vocab: Vocab) -> list[str]:
    """After an explicit 市X in a list, a bare 科技局 means 市科技局."""
    out, seen_city = [], False
    for unit in units:
        if unit.startswith("市") and not unit.startswith("市场"):
            seen_city = True
        elif unit.startswith("市场") and seen_city:
            unit = "市" + unit                      # 市场监管局 → 市市场监管局
        elif seen_city and _needs_prefix(unit, vocab):
            unit = "市" + unit
        out.append(unit)
    return out


def _needs_prefix(unit: str, vocab: Vocab) -> bool:
    if unit.startswith(NO_PREFIX) or unit.startswith(vocab.places):
        return False
    return not (RE_SHARED_SUFFIX.match(unit) or _is_bare_place(unit.removesuffix("政府")))


def looks_like_unit(token: str, vocab: Vocab) -> bool:
    """A duty-list token must end like an organisation (局, 委, 政府 …) or be a lexicon name."""
    token = re.sub(r"（[^（）]*）$", "", token.strip())
    if not 2 <= len(token) <= 40:
        return False
    if token.endswith(vocab.unit_suffixes):
        return True
    return token in vocab.org_names
