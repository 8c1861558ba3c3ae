"""CSV tables per fact type: the same rows as facts.jsonl, readable by a spreadsheet."""
from __future__ import annotations

import csv
import io
from collections import Counter

from graphbuilder.export.tables import FILE_NAMES, columns, write_tables
from graphbuilder.query.store import open_output


def read_table(path):
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")   # the BOM spreadsheet programs need for UTF-8
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_one_table_per_type_with_every_fact(seeds_out, seeds_facts, tmp_path):
    paths = write_tables(open_output(seeds_out), tmp_path)
    assert sorted(p.name for p in paths) == sorted(FILE_NAMES.values())
    per_type = Counter(f["type"] for f in seeds_facts)
    for kind, name in FILE_NAMES.items():
        rows = read_table(tmp_path / name)
        assert len(rows) == per_type[kind] > 0, name
        assert list(rows[0]) == columns(kind)
        assert {r["iri"] for r in rows} == {f["iri"] for f in seeds_facts if f["type"] == kind}


def test_values_as_printed(seeds_out, seeds_facts, tmp_path):
    write_tables(open_output(seeds_out), tmp_path)
    members = read_table(tmp_path / "memberships.csv")
    first = next(r for r in members if r["person"] == "安伟" and r["doc"] == "三政〔2019〕9号"
                 and r["role"] == "总指挥长")
    assert (first["group"], first["stated_post"], first["date"]) == ("三门峡市人民政府应急救援总指挥部", "市长", "2019-06-06")
    assert {r["by_position"] for r in members} <= {"true", "false", ""}
    appointments = read_table(tmp_path / "appointments.csv")
    qualified = [f for f in seeds_facts if f["type"] == "appointment" and f["qualifiers"]]
    if qualified:
        row = next(r for r in appointments if r["iri"] == qualified[0]["iri"])
        assert row["qualifiers"].split("；") == qualified[0]["qualifiers"]
    quotes = {r["iri"]: r["quote"] for r in read_table(tmp_path / "assignments.csv")}
    assert all(quotes[f["iri"]] == f["quote"] for f in seeds_facts if f["type"] == "assignment")
