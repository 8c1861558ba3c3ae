"""The extractors read any city's gazette as they read 三门峡's.

The seeds are re-issued under other prefecture-level cities of other name lengths and
provinces (三门峡 → 洛阳, 驻马店, 石家庄; 三政 → 洛政 …): every fact must come out the same,
with the names replaced. A city's name must end a person's name in 免去A洛阳市X职务 and open
a unit in 洛阳海关 without the 市 a bare agency name gets; only the lexicons' national list
of divisions (``ontology/lexicon/divisions.tsv``) knows these cities.
"""
from __future__ import annotations

import pytest

from graphbuilder import pipeline

CITIES = {"洛阳": "洛", "驻马店": "驻", "石家庄": "石"}     # city → its documents' number prefix
SEED_CITY, SEED_PREFIX = "三门峡", "三"
FIELDS = ("person", "action", "post", "qualifiers", "group", "role", "stated_post", "unit", "task",
          "task_title", "kind", "recipient", "affiliation", "award")


def reissued(text: str, city: str) -> str:
    return text.replace(SEED_CITY, city).replace(f"{SEED_PREFIX}政", f"{CITIES[city]}政")


def facts_of(folder) -> list[tuple]:
    """(record type, document number, the schema's fields) of every fact, sorted."""
    build = pipeline.extract_corpus([folder], workers=1)
    rows = []
    for result in build.results:
        for fact in result.facts:
            fields = tuple((name, str(getattr(fact, name))) for name in FIELDS if hasattr(fact, name))
            rows.append((type(fact).__name__, result.document.number, fields))
    return sorted(rows)


@pytest.fixture(scope="module")
def seed_facts(seed_paths, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds")
    for path in seed_paths.values():
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return facts_of(folder)


@pytest.mark.parametrize("city", sorted(CITIES))
def test_a_gazette_reissued_in_another_city_gives_the_same_facts(city, seed_paths, seed_facts, tmp_path):
    for path in seed_paths.values():
        (tmp_path / path.name).write_text(reissued(path.read_text(encoding="utf-8"), city), encoding="utf-8")
    expected = sorted((kind, reissued(number, city), tuple((name, reissued(value, city)) for name, value in fields))
                      for kind, number, fields in seed_facts)
    found = facts_of(tmp_path)
    assert len(found) == len(expected) > 1_900
    assert found == expected
