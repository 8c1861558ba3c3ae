"""Builds of the seeds shared by the reliability tests (each is a few seconds)."""
from __future__ import annotations

import pytest

from graphbuilder import pipeline


@pytest.fixture(scope="session")
def build_seeds(seed_paths, vocab):
    """`build_seeds(*prefixes)` -> (Build, Dataset) of those seeds, all five when none given."""
    cache = {}

    def get(*prefixes: str):
        key = prefixes or tuple(sorted(seed_paths))
        if key not in cache:
            build = pipeline.extract_corpus([seed_paths[p] for p in key], vocab)
            cache[key] = build, pipeline.build_graph(build)
        return cache[key]

    return get
