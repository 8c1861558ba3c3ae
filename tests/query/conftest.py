"""Fixtures for the query tests: the seeds built once per session by the real CLI.

The build lands in the session's base temporary folder, where ``tests/export`` finds
it too (a second conftest builds it only if it is not there yet).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 600


def graphbuilder(*args: str, timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    """``python -m graphbuilder ARGS`` in a subprocess, text output captured."""
    return subprocess.run([sys.executable, "-m", "graphbuilder", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def build_seeds(base: Path) -> Path:
    out = base / "gb-seeds-build"
    if not (out / "facts.jsonl").is_file():
        done = graphbuilder("build", *sorted(map(str, (ROOT / "seeds").glob("*.txt"))), "--out", out,
                            "-q", "--no-validate")
        assert (out / "facts.jsonl").is_file(), done.stderr[-3000:]
    return out


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory) -> Path:
    """The folder of a build of the five seeds (graph.trig, facts.jsonl, …)."""
    return build_seeds(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def seeds_facts(seeds_out) -> list[dict]:
    return [json.loads(line) for line in (seeds_out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def seeds_store(seeds_out):
    from graphbuilder.query.store import open_output

    return open_output(seeds_out)


@pytest.fixture(scope="session")
def run_cli():
    """`run_cli(*args)` -> CompletedProcess of `python -m graphbuilder ARGS`."""
    return graphbuilder
