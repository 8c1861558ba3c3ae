"""Plain-string term keys (``rdf/quads.key_of``) → Turtle and N-Quads text, without rdflib terms.

A streamed build renders each document's graph as it is made and then drops it, so the
text of a term must follow from its key alone: an IRI key is the IRI, a literal key is
(marker, lexical form, datatype, language). The Turtle text is the one
``rdf_files.own_text`` gives the term (standard prefixes plus the term's own kind),
the N-Quads text the one ``quads.nquads_term`` gives.
"""
from __future__ import annotations

from typing import Callable

from rdflib import URIRef

from graphbuilder.entities.keys import kind_and_local
from graphbuilder.export.rdf_files import (BARE, RE_LOCAL, STANDARD_PREFIXES, XSD, _iri_text, escape,
                                           prefixes_for)
from graphbuilder.rdf.quads import XSD_STRING, nquads_escape

Key = str | tuple
XSD_STRING_TEXT = str(XSD.string)
SHORT_LITERAL = 12       # characters of a literal worth caching its text (dates, numbers, kinds)


def turtle_of_key(key: Key) -> str:
    """A key's Turtle text, as ``rdf_files.own_text`` renders its term."""
    if isinstance(key, str):
        return iri_of_key(key)
    if not isinstance(key, tuple):
        raise TypeError(f"only IRIs and literals can be written, got {key!r} (no blank nodes)")
    _, lexical, datatype, language = key
    if datatype in BARE and BARE[datatype].match(lexical):
        return lexical
    text = f'"{escape(lexical)}"'
    if language:
        return f"{text}@{language}"
    if datatype and datatype != XSD_STRING_TEXT:
        return f"{text}^^{iri_of_key(datatype)}"
    return text


def iri_of_key(iri: str) -> str:
    """``rdf_files.iri_text`` under the IRI's own prefixes, past its lru_cache: that cache
    keys every entry with its own tuple of the prefix map (60 MB at 200,000 entries),
    while :class:`KeyTexts` keeps what recurs.

    An IRI under ``BASE`` (most of them, and most occur once: fact nodes) is written
    under its own kind's prefix, the one namespace that can match it (no standard one
    starts with ``BASE``): that much is read off the IRI without building the prefix map.
    """
    split = kind_and_local(iri)
    if split and split[0] not in STANDARD_PREFIXES:
        kind, local = split
        return f"{kind}:{local}" if RE_LOCAL.match(local) else f"<{iri}>"
    return _iri_text.__wrapped__(iri, tuple(prefixes_for((URIRef(iri),)).items()))


def nquads_of_key(key: Key | None) -> str:
    """A key's N-Quads text, as ``quads.nquads_term`` renders its term (None: the default graph)."""
    if key is None:
        return ""
    if isinstance(key, str):
        return f"<{key}>"
    if not isinstance(key, tuple):
        raise TypeError(f"cannot write {key!r} as N-Quads")
    _, lexical, datatype, language = key
    quoted = '"' + nquads_escape(lexical) + '"'
    if language:
        return f"{quoted}@{language}"
    return quoted if (datatype or XSD_STRING) == XSD_STRING else f"{quoted}^^<{datatype}>"


class KeyTexts(dict):
    """key → text, each rendered once while it stays in the cache.

    Predicates, classes and entities recur in every document; most literals occur once
    (quotes, offsets), so only IRIs and short literals are kept, and the cache is emptied
    when it reaches ``limit`` entries: a bounded helper, never a copy of the graph.
    """

    def __init__(self, render: Callable[[Key], str], limit: int = 100_000):
        super().__init__()
        self.render, self.limit = render, limit

    def __missing__(self, key: Key) -> str:
        text = self.render(key)
        if type(key) is str or len(key[1]) <= SHORT_LITERAL:
            if len(self) >= self.limit:
                self.clear()
            self[key] = text
        return text
