"""Golden test: the facts exported from the graph of the dev seeds, scored against the dev gold.

Runs the whole pipeline in process (extract_corpus → build_graph → export_facts) once per
module and scores with the shared scorer's own logic (``../shared/eval/score.py``).
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from graphbuilder import pipeline
from graphbuilder.export.facts import export_facts

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "gold" / "dev"
DEV_SEEDS = ("001", "002", "003")

THRESHOLDS = {"appointment": 0.98, "membership": 0.98, "office": 0.98, "commendation": 0.98,
              "assignment": 0.97}


@pytest.fixture(scope="module")
def scorer():
    if not SCORER.is_file():
        pytest.skip(f"scorer not found: {SCORER}")
    if not GOLD.is_dir() or not list(GOLD.glob("*.jsonl")):
        pytest.skip(f"dev gold not found: {GOLD}")
    spec = importlib.util.spec_from_file_location("gold_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold(scorer):
    return scorer.read_facts(GOLD)


@pytest.fixture(scope="module")
def predicted(seed_paths, vocab):
    """The dev seeds built once: facts rows exported from the RDF graph."""
    build = pipeline.extract_corpus([seed_paths[s] for s in DEV_SEEDS], vocab)
    assert not build.failed, [str(d) for d in build.diagnostics]
    return export_facts(pipeline.build_graph(build))


@pytest.fixture(scope="module")
def table(scorer, gold, predicted):
    return scorer.score(gold, predicted)


def describe(row: dict) -> str:
    missed = "\n".join("  missed   " + " | ".join(map(str, k)) for k in row["missed"][:15])
    spurious = "\n".join("  spurious " + " | ".join(map(str, k)) for k in row["spurious"][:15])
    return (f"P={row['precision']} R={row['recall']} gold={row['gold']} pred={row['pred']} tp={row['tp']}\n"
            f"{missed}\n{spurious}")


@pytest.mark.parametrize("kind", sorted(THRESHOLDS))
def test_precision_and_recall(kind, table):
    row = table[kind]
    assert row["gold"] > 0
    assert row["precision"] >= THRESHOLDS[kind] and row["recall"] >= THRESHOLDS[kind], describe(row)


def test_gold_counts_are_the_documented_ones(table):
    """The README's count table: a changed gold file should be noticed, not silently scored."""
    assert {k: table[k]["gold"] for k in THRESHOLDS} == {
        "appointment": 78, "membership": 99, "office": 7, "assignment": 610, "commendation": 1}


def test_rows_carry_type_doc_and_date(predicted, gold):
    assert predicted
    dates = {g["doc"]: g["date"] for g in gold}
    for row in predicted:
        assert row["type"] in THRESHOLDS
        assert row["doc"] and row["date"]
        if row["doc"] in dates:
            assert row["date"] == dates[row["doc"]], row


def test_no_facts_for_unnumbered_reports(predicted):
    """003's 政府工作报告 and 财政预算报告 have no number: nothing may cite them."""
    assert all(row["doc"] for row in predicted)
    docs = {row["doc"] for row in predicted}
    assert "" not in docs and docs <= {
        "三政〔2019〕1号", "三政〔2019〕2号", "三政〔2019〕3号", "三政办〔2018〕46号", "三政办〔2018〕47号",
        "三政办〔2018〕48号", "三政办〔2018〕49号", "三政办〔2019〕1号", "三政办〔2019〕2号", "三政办〔2019〕3号",
        "三政任〔2018〕1号", "三政任〔2018〕2号", "三政任〔2018〕3号", "三政任〔2019〕1号", "三政任〔2019〕2号",
        "三政办〔2020〕6号", "三政〔2020〕6号", "三政〔2020〕7号", "三政办文〔2020〕2号", "三政办文〔2020〕3号",
        "三政办文〔2020〕4号"}


def test_no_membership_or_office_for_47(predicted):
    """J9: 三政办〔2018〕47号 only names an unnamed 领导小组; its facts are table rows."""
    kinds = {row["type"] for row in predicted if row["doc"] == "三政办〔2018〕47号"}
    assert kinds == {"assignment"}
