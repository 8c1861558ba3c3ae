"""Data-integrity tests for ontology/lexicon/{agencies.tsv, renames.tsv, surnames.txt, divisions.tsv}.

Standard library only (csv, json, re): these tests must pass before the package imports.
The gold-coverage tests read ../shared/gold/dev/*.jsonl and are skipped where that checkout
is absent.
"""
from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEXICON = ROOT / "ontology" / "lexicon"
AGENCIES = LEXICON / "agencies.tsv"
RENAMES = LEXICON / "renames.tsv"
SURNAMES = LEXICON / "surnames.txt"
DIVISIONS = LEXICON / "divisions.tsv"
GOLD = ROOT.parent / "shared" / "gold" / "dev"

AGENCY_HEADER = ["id", "name", "type", "parent", "valid_from", "valid_to", "aliases", "jurisdiction"]
RENAME_HEADER = ["old_id", "new_id", "date", "kind", "note"]
TYPES = {
    "government_department", "local_government", "party_organ", "peoples_congress", "cppcc",
    "court_procuratorate", "enterprise", "financial_institution", "public_institution",
    "mass_organization", "central_agency_branch", "military", "development_zone", "other",
}
KINDS = {"renamed", "merged_into", "split_from"}
MIN_GOLD_COVERAGE = 0.95
COMPOUND_SURNAMES = ("欧阳 司马 上官 诸葛 呼延 令狐 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 "
                     "东方 独孤 端木 万俟").split()

RE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
RE_SPACE = re.compile(r"\s+")
RE_CJK = re.compile(r"^[\u4e00-\u9fff]{1,2}$")
BRACKETS = str.maketrans({"(": "（", ")": "）", "〔": "（", "〕": "）", "[": "（", "]": "）",
                          "［": "（", "］": "）"})


def normalise(name: str) -> str:
    """Whitespace removed and brackets made full-width round: 各县〔市、区〕政府 → 各县（市、区）政府."""
    return RE_SPACE.sub("", name).translate(BRACKETS)


def read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        rows = []
        for number, cells in enumerate(reader, start=2):
            assert len(cells) == len(header), \
                f"{path.name}:{number}: {len(cells)} cells, header has {len(header)}"
            rows.append({"_line": str(number), **dict(zip(header, cells))})
    return header, rows


def names_of(row: dict[str, str]) -> list[str]:
    return [row["name"], *[a for a in row["aliases"].split("|") if a]]


def is_iso(value: str) -> bool:
    if not RE_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def overlap(a: dict[str, str], b: dict[str, str]) -> bool:
    """Do two rows' validity intervals (inclusive, empty = open) share a day?"""
    start = max(a["valid_from"] or "0000-00-00", b["valid_from"] or "0000-00-00")
    end = min(a["valid_to"] or "9999-99-99", b["valid_to"] or "9999-99-99")
    return start <= end


@pytest.fixture(scope="module")
def agencies() -> list[dict[str, str]]:
    return read_tsv(AGENCIES)[1]


@pytest.fixture(scope="module")
def by_id(agencies) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in agencies}


@pytest.fixture(scope="module")
def renames() -> list[dict[str, str]]:
    return read_tsv(RENAMES)[1]


@pytest.fixture(scope="module")
def alias_index(agencies) -> dict[str, list[str]]:
    """Normalised name or alias → ids of the rows that carry it."""
    index: dict[str, list[str]] = defaultdict(list)
    for row in agencies:
        for name in {normalise(n) for n in names_of(row)}:
            index[name].append(row["id"])
    return index


def gold_lines() -> list[dict]:
    if not GOLD.is_dir():
        pytest.skip(f"gold files not found at {GOLD}")
    lines = []
    for path in sorted(GOLD.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            lines.extend(json.loads(line) for line in fh if line.strip())
    if not lines:
        pytest.skip(f"no gold lines under {GOLD}")
    return lines


# ---------------------------------------------------------------------------- agencies.tsv

def test_agencies_header():
    header, _ = read_tsv(AGENCIES)
    assert header == AGENCY_HEADER


def test_agencies_no_quotes_or_stray_whitespace(agencies):
    for row in agencies:
        for column in AGENCY_HEADER:
            value = row[column]
            assert '"' not in value, f"agencies.tsv:{row['_line']}: ASCII quote in {column}"
            assert value == value.strip(), f"agencies.tsv:{row['_line']}: padded {column}"
        for name in names_of(row):
            assert not RE_SPACE.search(name), f"agencies.tsv:{row['_line']}: space in {name!r}"


def test_agency_ids_unique_and_ascii(agencies):
    seen: dict[str, str] = {}
    for row in agencies:
        assert RE_ID.match(row["id"]), f"agencies.tsv:{row['_line']}: bad id {row['id']!r}"
        assert row["id"] not in seen, \
            f"agencies.tsv:{row['_line']}: id {row['id']} already on line {seen[row['id']]}"
        seen[row["id"]] = row["_line"]


def test_agency_names_present_and_unique(agencies):
    seen: dict[str, str] = {}
    for row in agencies:
        assert row["name"], f"agencies.tsv:{row['_line']}: empty name"
        key = normalise(row["name"])
        assert key not in seen, f"agencies.tsv:{row['_line']}: name repeats line {seen[key]}"
        seen[key] = row["_line"]


def test_agency_types_allowed(agencies):
    bad = [(row["_line"], row["type"]) for row in agencies if row["type"] not in TYPES]
    assert not bad, f"unknown types: {bad}"


def test_agency_parents_exist(agencies, by_id):
    for row in agencies:
        parent = row["parent"]
        if parent:
            assert parent in by_id, f"agencies.tsv:{row['_line']}: unknown parent {parent}"
            assert parent != row["id"], f"agencies.tsv:{row['_line']}: own parent"


def test_agency_parents_acyclic(agencies, by_id):
    for row in agencies:
        seen = {row["id"]}
        parent = row["parent"]
        while parent:
            assert parent not in seen, f"parent cycle through {row['id']}"
            seen.add(parent)
            parent = by_id[parent]["parent"]


def test_city_bureaus_hang_off_city_government(by_id):
    for bureau in ("smx-fgw", "smx-czj", "smx-gaj", "smx-scjgj", "smx-yjj"):
        assert by_id[bureau]["parent"] == "smx-gov"
    assert by_id["smx-gaj-jgzd"]["parent"] == "smx-gaj"
    assert by_id["smx-gaj-zzb"]["parent"] == "smx-gaj"


def test_collective_units_have_type_other(agencies):
    for row in agencies:
        if row["id"].startswith("coll-"):
            assert row["type"] == "other" and not row["parent"], row["id"]


def test_agency_dates_iso_and_ordered(agencies):
    for row in agencies:
        for column in ("valid_from", "valid_to"):
            value = row[column]
            assert not value or is_iso(value), \
                f"agencies.tsv:{row['_line']}: {column} {value!r} is not YYYY-MM-DD"
        if row["valid_from"] and row["valid_to"]:
            assert row["valid_from"] <= row["valid_to"], f"agencies.tsv:{row['_line']}"


def test_aliases_not_repeated_within_row(agencies):
    for row in agencies:
        names = [normalise(n) for n in names_of(row)]
        repeated = sorted({n for n in names if names.count(n) > 1})
        assert not repeated, f"agencies.tsv:{row['_line']}: repeated {repeated}"


def test_no_alias_shared_by_bodies_valid_at_once(alias_index, by_id, renames):
    """A form may name two bodies only if their validity does not overlap and a rename
    links them (predecessor and successor)."""
    linked = {frozenset((r["old_id"], r["new_id"])) for r in renames}
    problems = []
    for name, ids in alias_index.items():
        for i, first in enumerate(ids):
            for second in ids[i + 1:]:
                a, b = by_id[first], by_id[second]
                if overlap(a, b) or frozenset((first, second)) not in linked:
                    problems.append((name, first, second))
    assert not problems, f"aliases shared by bodies valid at the same time: {problems}"


def test_agency_row_count_plausible(agencies):
    assert 200 <= len(agencies) <= 400, len(agencies)


# ---------------------------------------------------------------------------- renames.tsv

def test_renames_header():
    header, _ = read_tsv(RENAMES)
    assert header == RENAME_HEADER


def test_rename_ids_exist_and_kinds_allowed(renames, by_id):
    for row in renames:
        where = f"renames.tsv:{row['_line']}"
        assert row["old_id"] in by_id, f"{where}: unknown old_id {row['old_id']}"
        assert row["new_id"] in by_id, f"{where}: unknown new_id {row['new_id']}"
        assert row["old_id"] != row["new_id"], where
        assert row["kind"] in KINDS, f"{where}: unknown kind {row['kind']!r}"
        assert '"' not in row["note"], where


def test_rename_dates_iso_and_consistent(renames, by_id):
    seen = set()
    for row in renames:
        where = f"renames.tsv:{row['_line']}"
        key = (row["old_id"], row["new_id"], row["kind"])
        assert key not in seen, f"{where}: duplicate change"
        seen.add(key)
        when = row["date"]
        if not when:
            continue
        assert is_iso(when), f"{where}: date {when!r} is not YYYY-MM-DD"
        old, new = by_id[row["old_id"]], by_id[row["new_id"]]
        if new["valid_from"]:
            assert new["valid_from"] <= when, f"{where}: {new['id']} starts after the change"
        if row["kind"] != "split_from" and old["valid_to"]:
            assert old["valid_to"] < when, f"{where}: {old['id']} outlives the change"


def test_abolished_bodies_have_a_successor(agencies, renames):
    """Every row with a valid_to is the old side of some rename."""
    olds = {row["old_id"] for row in renames}
    orphans = [row["id"] for row in agencies if row["valid_to"] and row["id"] not in olds]
    assert not orphans, f"bodies that end without a rename row: {orphans}"


# ---------------------------------------------------------------------------- surnames.txt

def surname_list() -> list[str]:
    lines = SURNAMES.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_surnames_well_formed():
    lines = SURNAMES.read_text(encoding="utf-8").splitlines()
    assert all(not line.startswith("#") for line in lines[1:]), "comments only on line 1"
    names = surname_list()
    bad = [n for n in names if not RE_CJK.match(n)]
    assert not bad, f"not one or two CJK characters: {bad}"
    repeated = sorted({n for n in names if names.count(n) > 1})
    assert not repeated, f"repeated surnames: {repeated}"


def test_surnames_cover_common_and_compound():
    names = set(surname_list())
    singles = [n for n in names if len(n) == 1]
    assert len(singles) >= 500, len(singles)
    missing = [c for c in COMPOUND_SURNAMES if c not in names]
    assert not missing, f"compound surnames missing: {missing}"
    for common in "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘":
        assert common in names, common


def test_gold_person_names_start_with_a_surname():
    names = set(surname_list())
    persons = sorted({line.get(field, "") for line in gold_lines()
                      for field in ("person", "recipient") if line.get(field)})
    unlisted = [p for p in persons if p[:1] not in names and p[:2] not in names]
    assert not unlisted, f"gold names whose surname is not listed: {unlisted}"


# ---------------------------------------------------------------------------- divisions

def division_rows() -> list[dict[str, str]]:
    with DIVISIONS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


def test_divisions_are_the_country_s_provinces_and_prefectures():
    """31 provinces; every other row a prefecture-level division of one of them, named once;
    a short form is its name less 市 or 省 (or a region's conventional one), never shorter than
    two characters (a bare 市 or 县 is places.txt's business)."""
    rows = division_rows()
    provinces = {row["name"] for row in rows if not row["parent"]}
    assert len(provinces) == 31 and {"河南省", "北京市", "新疆维吾尔自治区"} <= provinces
    assert len({row["name"] for row in rows}) == len(rows) > 360
    assert all(row["parent"] in provinces for row in rows if row["parent"])
    assert all(re.fullmatch(r"[\u4e00-\u9fff]+(?:省|市|自治区|自治州|盟|地区)", row["name"]) for row in rows)
    shorts = [row for row in rows if row["short"]]
    assert all(len(row["short"]) >= 2 and row["name"].startswith(row["short"]) for row in shorts)
    assert all(row["name"] in (row["short"] + "市", row["short"] + "省") for row in shorts
               if not row["name"].endswith("自治区"))


# ---------------------------------------------------------------------------- gold coverage

def test_gold_units_are_lexicon_names(alias_index, record_property):
    units = [line["unit"] for line in gold_lines()
             if line.get("type") in ("assignment", "office") and line.get("unit")]
    distinct = sorted(set(units))
    missing = [u for u in distinct if normalise(u) not in alias_index]
    covered = 1 - len(missing) / len(distinct)
    line_cover = sum(normalise(u) in alias_index for u in units) / len(units)
    summary = (f"gold unit coverage: {len(distinct) - len(missing)}/{len(distinct)} distinct "
               f"({covered:.1%}), {line_cover:.1%} of {len(units)} lines; missing {missing}")
    record_property("gold_unit_coverage", summary)
    print(summary)
    assert covered >= MIN_GOLD_COVERAGE, summary


def test_gold_office_unit_names_resolve(alias_index):
    """An office's resolved unit_name (国调队 → 国家统计局三门峡调查队) names the same row."""
    for line in gold_lines():
        if line.get("type") == "office" and line.get("unit_name"):
            assert normalise(line["unit_name"]) in alias_index, line["unit_name"]
            assert alias_index[normalise(line["unit_name"])] == \
                alias_index[normalise(line["unit"])], line
