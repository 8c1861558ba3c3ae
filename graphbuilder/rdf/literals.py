"""rdflib literals made once per distinct value while a build makes its triples.

``Literal(...)`` runs rdflib's type casting on every call (~4 µs); a build makes one for
every offset, line number, kind and printed name of every fact, and most of those values
recur (offsets and lines are small integers, kinds and unit names repeat). Literals are
immutable, so one object can stand for every occurrence of its value.
"""
from __future__ import annotations

import re
from typing import Callable

from rdflib import XSD, Literal, URIRef

LIMIT = 200_000          # distinct values kept before the cache is emptied (bounded memory)
_made: dict = {}


def literal(value: str | int | bool, datatype: URIRef | None = None) -> Literal:
    """``Literal(value, datatype=datatype)``, shared between equal values of the same type."""
    key = (type(value), value, datatype)
    made = _made.get(key)
    if made is None:
        if len(_made) >= LIMIT:
            _made.clear()
        made = _made[key] = Literal(value, datatype=datatype)
    return made


def integer(value: int) -> Literal:
    """An xsd:integer literal (counts and ranks)."""
    return literal(value, XSD.integer)



def escaper(table: dict[int, str]) -> Callable[[str], str]:
    """``text.translate(table)``, skipped when no character of the table occurs: translate
    walks the text through the table (~60 ns a character, every quote of every fact),
    a character class searches it in C (~3 ns)."""
    needs = re.compile("[" + re.escape("".join(map(chr, table))) + "]")

    def escape(text: str) -> str:
        return text.translate(table) if needs.search(text) else text
    return escape
