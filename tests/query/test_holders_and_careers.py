"""`holders` and `person` on the seeds: careers across notices, moves, partial tenures (issue 6)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuilder.query.answers import career, holders

ROOT = Path(__file__).resolve().parents[2]


def names(rows) -> list[str]:
    return sorted(str(r["name"]) for r in rows)


def test_roster_observations_in_2019_and_2020_make_one_tenure(seeds_store):
    # 裴宗杰 is printed as 市水利局局长 in rosters of 2019-06-06, 2020-01-21 and 2020-04-09
    [row] = holders(seeds_store, "市水利局局长", "2020-03-01")
    assert row["name"] == "裴宗杰" and row["post_name"] == "三门峡市水利局局长"
    assert (row["first_evidence"], row["last_evidence"]) == ("2019-06-06", "2020-04-09")
    assert row["start"] == "" and row["end"] == ""          # no appointment or removal printed
    assert row["status"] == "unknown" and row["certainty"] == "attested"


def test_the_canonical_name_and_the_printed_post_find_the_same_tenure(seeds_store):
    by_print = holders(seeds_store, "市水利局局长", "2019-07-01")
    by_name = holders(seeds_store, "三门峡市水利局局长", "2019-07-01")
    assert [r["tenure"] for r in by_print] == [r["tenure"] for r in by_name]


def test_before_the_first_roster_nobody_is_known_to_hold_it(seeds_store):
    assert holders(seeds_store, "市水利局局长", "2019-01-01") == []


def test_after_the_last_evidence_the_holding_is_open_not_current(seeds_store):
    [row] = holders(seeds_store, "市水利局局长", "2022-01-01")
    assert row["certainty"] == "after-last-evidence" and row["status"] == "unknown"


def test_a_notice_moves_a_person_from_one_post_to_another(seeds_store):
    # 三政任〔2018〕2号 (2018-11-30): 赵国选 任退役军人事务局副局长, 免去民政局副局长
    after = holders(seeds_store, "市退役军人事务局副局长", "2018-12-15")
    assert "赵国选" in names(after)
    [row] = [r for r in after if r["name"] == "赵国选"]
    assert row["start"] == "2018-11-30" and row["opened_in"] == "三政任〔2018〕2号"
    assert "赵国选" not in names(holders(seeds_store, "市民政局副局长", "2018-12-15"))
    [before] = [r for r in holders(seeds_store, "市民政局副局长", "2018-11-01") if r["name"] == "赵国选"]
    assert before["end"] == "2018-11-30" and before["certainty"] == "start-unknown"
    assert before["status"] == "ended" and before["closed_in"] == "三政任〔2018〕2号"


def test_a_bare_title_in_a_roster_is_the_government_post(seeds_store):
    holders_ = holders(seeds_store, "副市长", "2019-06-06")
    assert holders_ and {r["post_name"] for r in holders_} == {"三门峡市人民政府副市长"}


def test_career_lists_posts_groups_and_tenures_in_date_order(seeds_store):
    rows = career(seeds_store, "裴宗杰")
    assert len({r["person_iri"] for r in rows}) == 1            # one person across four notices
    kinds = [(r["date"], r["kind"]) for r in rows]
    assert kinds == sorted(kinds, key=lambda k: k[0])
    docs = {r["doc"] for r in rows if r["kind"] == "member"}
    assert docs == {"三政〔2019〕9号", "三政办文〔2020〕2号", "三政办文〔2020〕4号"}
    assert ("2019-01-31", "remove") in kinds                     # 免去 水资源管理处处长
    [tenure] = [r for r in rows if r["kind"] == "tenure" and r["what"] == "三门峡市水利局局长"]
    assert tenure["detail"] == "? – ?, unknown" and tenure["doc"] == "三政〔2019〕9号"
    assert all(r["quote"] for r in rows)


def test_career_accepts_a_spaced_name(seeds_store):
    def without_query(rows):
        return [{k: v for k, v in r.items() if k != "person"} for r in rows]

    spaced = career(seeds_store, "赵 国选")
    assert spaced and without_query(spaced) == without_query(career(seeds_store, "赵国选"))


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graphbuilder", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_holders_and_person_commands(seeds_out):
    table = run("holders", "市水利局局长", "--on", "2020-03-01", "--out", seeds_out)
    assert table.returncode == 0 and "裴宗杰" in table.stdout and "attested" in table.stdout
    rows = json.loads(run("person", "赵国选", "--out", seeds_out, "--format", "json").stdout)
    assert {(r["kind"], r["what"]) for r in rows} >= {("appoint", "三门峡市退役军人事务局副局长"),
                                                       ("remove", "三门峡市民政局副局长")}
    missing = run("person", "无此人", "--out", seeds_out)
    assert missing.returncode == 1 and "no person named" in missing.stderr


@pytest.mark.parametrize("args", [("holders", "局长", "--on", "2020-13-01"), ("holders", "局长")])
def test_holders_rejects_bad_dates(args, seeds_out):
    result = run(*args, "--out", seeds_out)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_commands_on_a_folder_without_a_build(tmp_path):
    result = run("holders", "局长", "--on", "2020-01-01", "--out", tmp_path)
    assert result.returncode == 2 and "no built graph" in result.stderr and "Traceback" not in result.stderr
