"""The synthetic gazettes: the same seed gives the same corpus, and a build recovers what it plants."""
import importlib.util
import json
from pathlib import Path

import pytest

from synthetic import generate_corpus, make_issue

from graphbuilder import pipeline
from graphbuilder.export.facts import export_facts

SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"


def score_module():
    if not SCORER.is_file():             # a clone away from the shared folder: as test_dev_gold does
        pytest.skip(f"scorer not found: {SCORER}")
    spec = importlib.util.spec_from_file_location("score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_same_seed_same_issue_and_facts():
    assert make_issue(3, 5) == make_issue(3, 5)
    assert make_issue(3, 5)[0] != make_issue(4, 5)[0]
    assert make_issue(3, 5)[0] != make_issue(3, 6)[0]


def test_a_smaller_corpus_is_the_start_of_a_larger_one(tmp_path):
    small = generate_corpus(tmp_path / "small", 60_000, seed=2)
    large = generate_corpus(tmp_path / "large", 200_000, seed=2)
    assert small.issues < large.issues and large.bytes >= 200_000 > large.bytes - 80_000
    for path in sorted(small.gazettes.iterdir()):
        assert path.read_bytes() == (large.gazettes / path.name).read_bytes()
    again = generate_corpus(tmp_path / "small", 60_000, seed=2)       # reused, not rewritten
    assert again == small


def test_issues_look_like_the_seeds(corpus):
    text = "".join(path.read_text(encoding="utf-8") for path in sorted(corpus.gazettes.iterdir()))
    for layout in ("目 录", "【人事任免】", "经市人民政府研究，决定：", "办公室设在", "牵头", "各县（市、区）人民政府"):
        assert layout in text
    facts = [json.loads(line) for path in corpus.gold.iterdir() for line in path.read_text(encoding="utf-8").splitlines()]
    assert {f["type"] for f in facts} == {"appointment", "membership", "office", "assignment", "commendation"}
    assert all(f["doc"] and f["date"] for f in facts)


def test_planted_facts_are_recovered(corpus):
    build = pipeline.extract_corpus([corpus.gazettes])
    rows = export_facts(pipeline.build_graph(build))
    score = score_module()
    table = score.score(score.read_facts(corpus.gold), rows)
    assert table["all"]["gold"] == sum(corpus.facts.values())
    assert table["all"]["f1"] >= 0.99, {k: (v["missed"][:3], v["spurious"][:3]) for k, v in table.items()}
