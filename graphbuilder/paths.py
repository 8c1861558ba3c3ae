"""Where the project's data files live."""
from __future__ import annotations

import os
from pathlib import Path


def ontology_dir() -> Path:
    """The ontology/ folder: $GRAPHBUILDER_ONTOLOGY, else the one beside the package."""
    override = os.environ.get("GRAPHBUILDER_ONTOLOGY")
    return Path(override) if override else Path(__file__).resolve().parents[1] / "ontology"
