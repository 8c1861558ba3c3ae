"""`graphbuilder diff`: a build without one seed against the full build, and edited facts."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graphbuilder.export.diff import DiffError, compare, report_text

ROOT = Path(__file__).resolve().parents[2]
SMALL_SEED = "002"   # one notice with 130 assignments


@pytest.fixture(scope="module")
def without_small_seed(run_cli, tmp_path_factory):
    out = tmp_path_factory.mktemp("without-002")
    seeds = [p for p in sorted((ROOT / "seeds").glob("*.txt")) if not p.name.startswith(SMALL_SEED)]
    done = run_cli("build", *seeds, "--out", out, "-q", "--no-validate")
    assert (out / "facts.jsonl").is_file(), done.stderr[-2000:]
    return out


def test_added_documents_and_types(without_small_seed, seeds_out, seeds_facts, run_cli):
    old_facts = {json.loads(l)["iri"] for l in (without_small_seed / "facts.jsonl").read_text(encoding="utf-8").splitlines()}
    added = [f for f in seeds_facts if f["iri"] not in old_facts]
    changes = compare(without_small_seed, seeds_out)
    assert sum(len(c.added) for c in changes) == len(added) > 100
    assert sum(len(c.removed) for c in changes) == 0
    assert {c.doc for c in changes} == {f["doc"] for f in added}
    done = run_cli("diff", without_small_seed, seeds_out)
    assert done.returncode == 0
    doc = changes[0].doc
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(changes[0].counts()["added"].items()))
    assert f"{doc}: added {kinds}" in done.stdout
    backwards = run_cli("diff", seeds_out, without_small_seed, "--format", "json")
    assert sum(len(d["removed"]) for d in json.loads(backwards.stdout)) == len(added)


def test_changed_and_removed_facts(seeds_out, tmp_path):
    new = tmp_path / "new"
    new.mkdir()
    lines = (seeds_out / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    facts = [json.loads(l) for l in lines]
    member = next(i for i, f in enumerate(facts) if f["type"] == "membership" and f["person"] == "安伟")
    facts[member] = {**facts[member], "role": "组长（改）", "start": facts[member]["start"] + 1}
    removed = facts.pop(0)
    (new / "facts.jsonl").write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in facts), encoding="utf-8")
    changes = {c.doc: c for c in compare(seeds_out, new)}
    changed = changes[facts[member - 1]["doc"]].changed
    assert [(o["role"], n["role"]) for o, n in changed] == [(json.loads(lines[member])["role"], "组长（改）")]
    assert changes[removed["doc"]].removed == [removed]
    text = report_text(list(changes.values()), seeds_out, new)
    assert "~ membership: " in text and "role: " in text and "start" not in text.split("~ membership")[1].split("\n")[0]


def test_unreadable_build(seeds_out, tmp_path, run_cli):
    with pytest.raises(DiffError, match="no facts here"):
        compare(seeds_out, tmp_path)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "facts.jsonl").write_text('{"iri": "x", "doc": "d", "type": "office"}\nnot json\n', encoding="utf-8")
    done = run_cli("diff", seeds_out, bad)
    assert done.returncode == 1 and f"{bad / 'facts.jsonl'}:2: not a facts line" in done.stderr
    assert run_cli("diff", seeds_out, seeds_out).stdout.startswith("no facts changed")
