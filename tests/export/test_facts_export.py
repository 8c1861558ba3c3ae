"""The facts export, rebuilt from the graph by the shipped queries, round-trips the records."""
import json
import random
import sys
from pathlib import Path

import pytest

from graphbuilder.entities.resolve import Resolver
from graphbuilder.export.facts import export_facts, facts_jsonl, write_facts_jsonl
from graphbuilder.query.store import load_store, run_query
from graphbuilder.paths import queries_dir
from graphbuilder.rdf.triples import build_dataset
from graphbuilder.records import Appointment, Assignment, Commendation, Membership, Office

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rdf"))
import rdf_samples  # noqa: E402

NO_LEXICON = Resolver(Path("/nonexistent/agencies.tsv"))
SCHEMA_ORDER = {
    "appointment": ["type", "doc", "date", "person", "action", "post", "qualifiers"],
    "membership": ["type", "doc", "date", "group", "person", "role", "stated_post"],
    "office": ["type", "doc", "date", "group", "unit"],
    "assignment": ["type", "doc", "date", "task", "task_title", "unit", "kind"],
    "commendation": ["type", "doc", "date", "recipient", "affiliation", "award"],
}


def expected_row(fact, document) -> dict | None:
    """What the export must say about one record (extras included, IRIs left out)."""
    s = fact.source
    head = {"doc": document.number, "date": document.date}
    tail = {"src_line": s.line, "quote": s.quote, "start": s.start, "end": s.end}
    if isinstance(fact, Appointment):
        row = {"type": "appointment", **head, "person": fact.person, "action": fact.action.value,
               "post": fact.post, "qualifiers": list(fact.qualifiers)}
        return {**row, **({"gender": fact.gender} if fact.gender else {}), **tail}
    if isinstance(fact, Membership):
        row = {"type": "membership", **head, "group": fact.group, "person": fact.person, "role": fact.role,
               "stated_post": fact.stated_post, "qualifiers": list(fact.qualifiers)}
        return {**row, **({"by_position": True} if fact.by_position else {}), **tail}
    if isinstance(fact, Office):
        return {"type": "office", **head, "group": fact.group, "unit": fact.unit, **tail}
    if isinstance(fact, Assignment):
        row = {"type": "assignment", **head, "task": fact.task, "task_title": fact.task_title, "unit": fact.unit,
               "kind": fact.kind.value, "unit_printed": fact.unit_printed, "list_label": fact.list_label}
        return {**row, **({"deadline": fact.deadline} if fact.deadline else {}), **tail}
    if isinstance(fact, Commendation):
        return {"type": "commendation", **head, "recipient": fact.recipient, "affiliation": fact.affiliation,
                "award": fact.award, "award_text": fact.award_text, **tail}
    return None   # Task, Group: in the graph, not in the export


def without_resolution(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("iri", "unit_id", "unit_name")}


@pytest.fixture(scope="module")
def rows():
    return export_facts(build_dataset(rdf_samples.all_results(), NO_LEXICON))


def test_export_round_trips_every_field(rows):
    expected = [row for r in rdf_samples.all_results() for f in r.facts
                if (row := expected_row(f, r.document)) is not None]
    key = lambda row: json.dumps(row, ensure_ascii=False, sort_keys=True)  # noqa: E731
    assert sorted(map(without_resolution, rows), key=key) == sorted(expected, key=key)


def test_fields_come_in_schema_order(rows):
    for row in rows:
        order = SCHEMA_ORDER[row["type"]]
        assert list(row)[:len(order)] == order
        assert row["iri"].startswith(f"https://w3id.org/graphbuilder/id/{row['type']}/")


def test_resolved_unit_is_an_extra(rows):
    [row] = [r for r in rows if r["type"] == "assignment" and r["unit_printed"] == "工业和信息化局"]
    assert row["unit"] == "市工业和信息化局" and row["unit_name"] == "三门峡市工业和信息化局"
    assert row["unit_id"].startswith("https://w3id.org/graphbuilder/id/organization/")


def test_rows_are_sorted_and_stable_under_shuffled_input(rows):
    results = rdf_samples.all_results()
    random.Random(7).shuffle(results)
    for result in results:
        random.Random(7).shuffle(result.facts)
    again = export_facts(build_dataset(results, NO_LEXICON))
    assert facts_jsonl(again) == facts_jsonl(rows)


def test_doc_parameter_restricts_a_query():
    store = load_store(build_dataset(rdf_samples.all_results(), NO_LEXICON))
    solutions = run_query(store, "facts_appointment", doc="三政任〔2018〕2号")
    assert {s["person"] for s in solutions} == {"詹传江", "赵国选"}
    assert export_facts(store, doc="三政〔2019〕8号")[0]["recipient"] == "李发军"


@pytest.mark.parametrize("query", sorted(queries_dir().glob("facts_*.rq")), ids=lambda p: p.stem)
def test_queries_document_themselves(query):
    header = query.read_text(encoding="utf-8").split("PREFIX", 1)[0]
    for word in ("Purpose:", "Parameters:", "Example:"):
        assert word in header


def test_jsonl_file_is_written_atomically_as_utf8(rows, tmp_path):
    path = write_facts_jsonl(rows, tmp_path / "out" / "facts.jsonl")
    text = path.read_text(encoding="utf-8")
    assert "安伟" in text and "\\u" not in text
    assert [json.loads(line) for line in text.splitlines()] == rows
    assert [p.name for p in path.parent.iterdir()] == ["facts.jsonl"]


def test_empty_graph_exports_nothing():
    assert export_facts(build_dataset([], NO_LEXICON)) == []
