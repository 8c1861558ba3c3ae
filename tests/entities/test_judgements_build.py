"""Judgements applied by a build: only the judged entities change; `candidates` and `resolve` (issue 6)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuilder.query.store import open_output, select

ROOT = Path(__file__).resolve().parents[2]
PERSONS = """PREFIX gb: <https://w3id.org/graphbuilder/ontology#>
SELECT ?person ?name ?key WHERE { ?person a gb:Person ; gb:name ?name ; gb:resolutionKey ?key }"""


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graphbuilder", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def judged_out(tmp_path_factory, seeds_out):
    folder = tmp_path_factory.mktemp("judged")
    judgements = folder / "judgements.tsv"
    judgements.write_text(
        "kind\tleft\tright\tjudgement\tauthor\tdate\tnote\n"
        "person\t三门峡市/裴宗杰@三政〔2019〕9号\t三门峡市/裴宗杰@三政办文〔2020〕2号\tdifferent\ttest\t2026-11-23\t\n"
        "person\t三门峡市/宋东@三政〔2019〕8号\t三门峡市/宋东@三政〔2019〕9号\tunsure\ttest\t2026-11-23\tsame 宋东?\n",
        encoding="utf-8")
    result = run("build", ROOT / "seeds", "--out", folder / "out", "-q", "--no-validate",
                 "--judgements", judgements)
    assert result.returncode == 0, result.stderr
    return folder / "out"


def persons(out: Path) -> dict[str, str]:
    return {r["person"]: r["key"] for r in select(open_output(out), PERSONS)}


def test_a_different_judgement_splits_only_that_person(seeds_out, judged_out):
    before, after = persons(seeds_out), persons(judged_out)
    split = {iri: key for iri, key in after.items() if key.startswith("三门峡市/裴宗杰")}
    assert sorted(split.values()) == ["三门峡市/裴宗杰", "三门峡市/裴宗杰#三政办文〔2020〕2号"]
    untouched = {iri: key for iri, key in before.items() if "裴宗杰" not in key}
    assert untouched.items() <= after.items()        # every other person keeps its IRI


def test_the_report_counts_the_judgements_and_the_conflict(judged_out):
    resolution = json.loads((judged_out / "report.json").read_text(encoding="utf-8"))["resolution"]
    assert resolution["judgements"]["applied"] == 2
    [conflict] = resolution["conflicts"]
    assert conflict["reason"] == "judgement" and conflict["name"] == "裴宗杰"


def test_candidates_lists_split_and_unsure_pairs_with_evidence(judged_out):
    judgements = judged_out.parent / "judgements.tsv"
    result = run("candidates", "--out", judged_out, "--judgements", judgements, "--format", "json")
    pairs = json.loads(result.stdout)
    whys = {(p["left"], p["why"]) for p in pairs}
    assert ("三门峡市/裴宗杰@三政任〔2019〕2号", "kept apart: judgement") in whys   # the first cluster kept
    assert ("三门峡市/宋东@三政〔2019〕8号", "judged unsure") in whys
    [unsure] = [p for p in pairs if p["why"] == "judged unsure"]
    assert {f["doc"] for f in unsure["facts"]} == {"三政〔2019〕8号", "三政〔2019〕9号"}
    assert all(f["quote"] for f in unsure["facts"])


def test_resolve_command_prints_the_match_and_its_rule():
    result = run("resolve", "市发展改革委", "市公安局网络安全保卫支队", "--on", "2020-01-01", "--in", "三门峡市")
    found = json.loads(result.stdout)
    assert found[0]["name"] == "三门峡市发展和改革委员会" and found[0]["rule"] == "lexicon:alias"
    assert found[0]["lexicon_id"] == "smx-fgw" and found[0]["type"] == "GovernmentDepartment"
    assert found[1]["rule"] == "unknown" and found[1]["part_of"]


def test_resolve_reads_names_in_the_issuers_city():
    found = json.loads(run("resolve", "市政府", "--issuer", "郑州市人民政府").stdout)
    assert found["name"] == "郑州市政府" and found["jurisdiction"] == "郑州市" and found["lexicon_id"] == ""
