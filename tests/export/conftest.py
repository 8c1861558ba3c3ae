"""Fixtures for the export tests: the seeds built once per session by the real CLI.

Same build folder as ``tests/query`` (the session's base temporary folder), built by
whichever folder's tests run first.
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
    return subprocess.run([sys.executable, "-m", "graphbuilder", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.getbasetemp() / "gb-seeds-build"
    if not (out / "facts.jsonl").is_file():
        done = graphbuilder("build", *sorted(map(str, (ROOT / "seeds").glob("*.txt"))), "--out", out,
                            "-q", "--no-validate")
        assert (out / "facts.jsonl").is_file(), done.stderr[-3000:]
    return out


@pytest.fixture(scope="session")
def seeds_facts(seeds_out) -> list[dict]:
    return [json.loads(line) for line in (seeds_out / "facts.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def run_cli():
    return graphbuilder
