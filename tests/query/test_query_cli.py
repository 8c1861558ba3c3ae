"""`graphbuilder query` end to end, in subprocesses, over the seeds build."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil

from graphbuilder.query.format import display_width

COMMAND = "三门峡市人民政府应急救援总指挥部"


def test_named_query_as_table(run_cli, seeds_out):
    done = run_cli("query", "group_members", "--param", f"group={COMMAND}", "--out", seeds_out)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:4] == ["group_name", "role", "member", "stated_post"]
    assert set(lines[1]) == {"─", " "}
    assert lines[2].split()[:4] == [COMMAND, "总指挥长", "安伟", "市长"]
    assert lines[-1] == "(46 rows)"
    row = lines[2]   # columns aligned by display width: CJK characters take two columns
    assert display_width(row[:row.index("总指挥长")]) == lines[0].index("role")


def test_formats(run_cli, seeds_out):
    base = ("query", "person_documents", "--param", "person=安伟", "--out", seeds_out, "--format")
    as_json = json.loads(run_cli(*base, "json").stdout)
    as_csv = list(csv.DictReader(io.StringIO(run_cli(*base, "csv").stdout)))
    as_tsv = [line.split("\t") for line in run_cli(*base, "tsv").stdout.splitlines()]
    assert [r["doc"] for r in as_json] == [r["doc"] for r in as_csv] == [r[0] for r in as_tsv[1:]]
    assert [r["doc"] for r in as_json] == ["三政办文〔2020〕4号", "三政办文〔2020〕2号", "三政〔2019〕9号"]
    assert isinstance(as_json[0]["mentions"], int) and as_csv[0]["mentions"] == str(as_json[0]["mentions"])


def test_file_and_text_queries(run_cli, seeds_out, tmp_path):
    query = tmp_path / "count.rq"
    query.write_text("SELECT (COUNT(?m) AS ?n) WHERE { ?m a <https://w3id.org/graphbuilder/ontology#Membership> ; "
                     "<https://w3id.org/graphbuilder/ontology#groupName> ?group }", encoding="utf-8")
    done = run_cli("query", "--file", query, "--param", f"group={COMMAND}", "--out", seeds_out, "--format", "csv")
    assert done.stdout.splitlines() == ["n", "46"]
    done = run_cli("query", "--sparql", "ASK { ?s a <https://w3id.org/graphbuilder/ontology#Person> }",
                   "--out", seeds_out)
    assert done.stdout == "true\n"


def test_malformed_query_names_file_line_and_column(run_cli, seeds_out, tmp_path):
    query = tmp_path / "bad.rq"
    query.write_text("SELECT ?s\nWHERE {\n  ?s ?p\n}\n", encoding="utf-8")
    done = run_cli("query", "--file", query, "--out", seeds_out)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert re.match(rf"graphbuilder query: {re.escape(str(query))}:\d+:\d+: SPARQL error: expected", done.stderr)


def test_usage_errors(run_cli, seeds_out, tmp_path):
    unknown = run_cli("query", "no_such", "--out", seeds_out)
    assert unknown.returncode == 2 and "known: agencies_shared_tasks" in unknown.stderr
    missing = run_cli("query", "group_members", "--out", seeds_out)
    assert missing.returncode == 2 and "missing required parameter group" in missing.stderr
    no_build = run_cli("query", "bridging_persons", "--out", tmp_path)
    assert no_build.returncode == 1 and "no built graph here" in no_build.stderr
    listing = run_cli("query", "--list")
    assert listing.returncode == 0 and "group_members: Members of a group" in listing.stdout
    assert "--param group=" in listing.stdout


def test_store_directory_is_loaded_once_and_reloaded_when_the_build_changes(run_cli, seeds_out, tmp_path):
    build = tmp_path / "build"
    shutil.copytree(seeds_out, build, ignore=shutil.ignore_patterns("pages", "screenshots"))
    store = tmp_path / "store"
    first = run_cli("query", "bridging_persons", "--out", build, "--store", store, "--format", "json")
    stamp = (store / "graphbuilder-store.json").read_text()
    again = run_cli("query", "bridging_persons", "--out", build, "--store", store, "--format", "json")
    assert first.returncode == again.returncode == 0 and first.stdout and json.loads(first.stdout)
    assert {r["person_name"] for r in json.loads(first.stdout)} == {r["person_name"] for r in json.loads(again.stdout)}
    assert (store / "graphbuilder-store.json").read_text() == stamp
    trig = build / "graph.trig"
    trig.write_text(trig.read_text(encoding="utf-8") + "\n<https://x/a> { <https://x/a> <https://x/p> \"new\" . }\n",
                    encoding="utf-8")
    changed = run_cli("query", "--sparql", 'SELECT ?o WHERE { <https://x/a> <https://x/p> ?o }',
                      "--out", build, "--store", store, "--format", "csv")
    assert changed.stdout.splitlines() == ["o", "new"]
    other = tmp_path / "not-a-store"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    refused = run_cli("query", "bridging_persons", "--out", build, "--store", other)
    assert refused.returncode == 1 and "not a graphbuilder store" in refused.stderr
    assert (other / "notes.txt").read_text() == "mine"
