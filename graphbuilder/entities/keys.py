"""Canonical keys → IRIs: one function, hashes of raw key parts, never counters.

An IRI depends only on the parts that identify the thing, so it is the same whatever
order documents are read in and whatever else is added to the build (zavod's
``make_id`` rule). The kind stays readable in the IRI (``…/id/person/3f2a…``) so that
a triple's graph can be chosen from its subject alone.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef

BASE = "https://w3id.org/graphbuilder/id/"
SEPARATOR = "\x1f"
HASH_LENGTH = 16
RE_KIND = re.compile(r"^[a-z][a-z_]*$")


def normalise_part(part: str) -> str:
    """NFC and surrounding whitespace removed: the form a key part is hashed in."""
    return unicodedata.normalize("NFC", str(part)).strip()


def make_iri(kind: str, *parts: str) -> URIRef:
    """``BASE + kind + '/' + sha1(parts)[:16]``; the same parts always give the same IRI."""
    if not RE_KIND.match(kind):
        raise ValueError(f"IRI kind must be lower-case letters and _, got {kind!r}")
    clean = [normalise_part(part) for part in parts]
    if any(SEPARATOR in part for part in clean):
        raise ValueError(f"key part contains the separator \\x1f: {clean!r}")
    digest = hashlib.sha1(SEPARATOR.join(clean).encode("utf-8", "surrogatepass")).hexdigest()
    # str.__new__ is what URIRef(...) ends in, less its check for characters an IRI may not
    # hold: a kind and a hex digest hold none (a build makes millions of these)
    return str.__new__(URIRef, f"{BASE}{kind}/{digest[:HASH_LENGTH]}")


@lru_cache(maxsize=4096)
def doc_iri(number: str) -> URIRef:
    """The IRI of a source document, keyed by its number (whitespace removed). Cached: every
    fact of a notice points to it (780,000 calls for 15,000 notices)."""
    return make_iri("document", re.sub(r"\s+", "", number))


def kind_and_local(iri: str) -> tuple[str, str] | None:
    """(kind, local part) of an IRI under ``BASE`` whose kind is one :func:`make_iri` accepts and
    that has a local part: what its prefix (``person:``) is made for; None for any other IRI."""
    if not str.startswith(iri, BASE):
        return None
    kind, _, local = str(iri)[len(BASE):].partition("/")
    return (kind, local) if local and RE_KIND.match(kind) else None


def kind_of(iri: str) -> str:
    """The kind an IRI made by :func:`make_iri` was made with; "" for any other IRI."""
    if not str.startswith(iri, BASE):     # str's own method: rdflib's URIRef wraps it in Python
        return ""
    return str(iri)[len(BASE):].split("/", 1)[0]
