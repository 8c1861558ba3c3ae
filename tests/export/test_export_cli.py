"""`graphbuilder export` end to end: every format, and a failed export leaves no file."""
from __future__ import annotations

import json

import networkx as nx
import pytest


@pytest.mark.parametrize("fmt, target", [("csv", "tables"), ("popolo", "popolo.json"), ("jsonld", "graph.jsonld"),
                                         ("gexf", "graph.gexf"), ("graphml", "graph.graphml")])
def test_every_format(run_cli, seeds_out, tmp_path, fmt, target):
    done = run_cli("export", seeds_out, "--format", fmt, "--to", tmp_path / target)
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(f"exported {fmt}: ")
    path = tmp_path / target
    if fmt == "csv":
        assert (path / "memberships.csv").is_file()
    elif fmt in ("popolo", "jsonld"):
        assert json.loads(path.read_text(encoding="utf-8"))
    elif fmt == "gexf":
        assert nx.read_gexf(path).number_of_nodes() > 100
    else:
        assert nx.read_graphml(path).number_of_nodes() > 100


def test_failed_export_leaves_no_partial_file(run_cli, seeds_out, tmp_path):
    target = tmp_path / "popolo.json"
    target.mkdir()   # a folder where the file should go: the final rename fails
    done = run_cli("export", seeds_out, "--format", "popolo", "--to", target)
    assert done.returncode == 1 and "nothing written" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == [target] and list(target.iterdir()) == []
    missing = run_cli("export", tmp_path / "no-build", "--format", "csv")
    assert missing.returncode == 1 and "no built graph here" in missing.stderr
