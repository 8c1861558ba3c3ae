"""Where the project's data files live, in one place.

The ontology (classes, shapes, lexicon) is data edited by linguists, kept outside the
package at the repository root; ``GRAPHBUILDER_ONTOLOGY`` points elsewhere (a checkout of
another version, a test fixture) without touching the code.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ontology_dir() -> Path:
    """The ``ontology/`` folder: ``$GRAPHBUILDER_ONTOLOGY`` if set, else the repository's."""
    override = os.environ.get("GRAPHBUILDER_ONTOLOGY")
    return Path(override) if override else ROOT / "ontology"


def queries_dir() -> Path:
    """The named SPARQL queries that ship inside the package (``query/queries/*.rq``)."""
    return Path(__file__).resolve().parent / "query" / "queries"
