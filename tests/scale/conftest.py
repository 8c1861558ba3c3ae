"""Fixtures for the scale tests: a small synthetic corpus and its build by one process."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import generate_corpus  # noqa: E402

SMALL = 150_000        # bytes of text: three issues, every genre


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """Three synthetic issues (~150 KB) with their planted facts."""
    return generate_corpus(tmp_path_factory.mktemp("corpus"), SMALL, seed=7)


@pytest.fixture(scope="session")
def single_build(corpus, tmp_path_factory):
    """``graphbuilder build`` of the corpus by one process: the reference output folder."""
    from graphbuilder.cli import main

    out = tmp_path_factory.mktemp("single")
    assert main(["build", str(corpus.gazettes), "--out", str(out), "-q", "--workers", "1"]) == 0
    return out
