"""`graphbuilder stats OUT_DIR`: tables, JSON, --top, --year, --write, and a build that is not there."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from graphbuilder.cli import main as graphbuilder
from graphbuilder.cli.stats import render_table, width

ROOT = Path(__file__).resolve().parents[2]


def test_tables_on_seeds(seeds_out, capsys):
    assert graphbuilder(["stats", str(seeds_out), "--top", "3", "--year", "2019"]) == 0
    out = capsys.readouterr().out
    for title in ("Bridging persons", "Agencies by tasks led and supported", "Communities of agencies",
                  "Core members of command bodies (指挥部), notices of 2019", "Turnover per agency and year"):
        assert title in out
    core = out.split("Core members")[1].splitlines()
    assert core[3].split()[:3] == ["1", "刘向东", "12"]
    duties = out.split("Agencies by tasks")[1].splitlines()
    assert duties[3].split() == ["1", "三门峡市发展和改革委员会", "59", "59", "118"]
    assert not any(line != line.rstrip() for line in out.splitlines())


def test_json_on_seeds(seeds_out, capsys):
    assert graphbuilder(["stats", str(seeds_out), "--format", "json", "--top", "0"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"bridging", "duties", "communities", "command_core", "turnover"}
    assert data["command_core"][0]["name"] == "刘向东" and data["command_core"][0]["bodies"] == 12
    assert data["duties"][0]["total"] == data["duties"][0]["lead"] + data["duties"][0]["support"]
    assert sum(c["size"] for c in data["communities"]) == sum(len(c["members"]) for c in data["communities"])
    assert len(data["bridging"]) > 10                       # --top 0: every row


def test_write_in_a_subprocess(seeds_out, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.trig").write_bytes((seeds_out / "graph.trig").read_bytes())
    done = subprocess.run([sys.executable, "-m", "graphbuilder", "stats", str(out), "--top", "1", "--write"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"wrote {out / 'analytics.trig'}" in done.stderr
    assert "gb:commandBodyCount 12" in (out / "analytics.trig").read_text(encoding="utf-8")


def test_missing_build_is_a_clear_error(tmp_path, capsys):
    assert graphbuilder(["stats", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "graph.trig: no built graph here (run `graphbuilder build` first)" in err
    assert "Traceback" not in err


def test_damaged_build_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "graph.trig").write_text("<a> <b> \n", encoding="utf-8")
    assert graphbuilder(["stats", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "cannot read the build" in err and str(tmp_path / "graph.trig") in err and "Traceback" not in err


def test_table_aligns_chinese_by_display_width():
    table = render_table("t", ["name", "n"], [["刘向东", 12], ["Li", 5]])
    lines = table.splitlines()
    assert width("刘向东") == 6
    assert [width(line) for line in lines[1:]] == [width(lines[1])] * 4     # every row as wide as the header
