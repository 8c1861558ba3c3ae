"""The catalogue reads every shipped query's header; bad headers and parameters are named."""
from __future__ import annotations

import pytest

from graphbuilder.paths import queries_dir
from graphbuilder.query.catalogue import (CatalogueError, check_params, find_query, load_catalogue,
                                          parse_assignments, parse_query)
from graphbuilder.query.store import check_syntax

GOOD = """# name: {name}
# purpose: Things.
# param: thing — a thing's name (required)
# param: on — a date YYYY-MM-DD (optional, default: any)
# example: graphbuilder query {name} --param thing=x
SELECT * WHERE {{ ?s ?p ?thing }}
"""


def test_every_shipped_query_has_a_header_and_parses():
    catalogue = load_catalogue()
    files = {p.stem for p in queries_dir().glob("*.rq") if not p.name.startswith("facts_")}
    assert set(catalogue) == files
    for query in catalogue.values():
        assert query.purpose and query.examples, query.name
        assert all(example.startswith(f"graphbuilder query {query.name}") for example in query.examples)
        check_syntax(query.text)
        for _, text in query.without:
            check_syntax(text)
        for example in query.examples:
            words = example.split()
            check_params(query, parse_assignments([words[i + 1] for i, w in enumerate(words) if w == "--param"]))


def test_header_fields(tmp_path):
    path = tmp_path / "things.rq"
    path.write_text(GOOD.format(name="things"), encoding="utf-8")
    query = parse_query(path)
    assert [(p.name, p.required, p.default) for p in query.params] == [("thing", True, ""), ("on", False, "any")]
    assert query.param("on").is_date and not query.param("thing").is_date


def test_a_without_form_runs_when_its_parameter_is_left_out(tmp_path):
    (tmp_path / "rankings").mkdir()
    (tmp_path / "rankings" / "things.rq").write_text("SELECT ?ranked WHERE { ?ranked ?p ?o }", encoding="utf-8")
    path = tmp_path / "things.rq"
    path.write_text(GOOD.format(name="things").replace(
        "# example:", "# without: on — rankings/things.rq\n# example:"), encoding="utf-8")
    query = parse_query(path)
    assert query.text_for({"thing": "x"}) == "SELECT ?ranked WHERE { ?ranked ?p ?o }"
    assert query.text_for({"thing": "x", "on": "2020-01-01"}) == query.text
    assert query.text_for({"thing": "x", "on": ""}).startswith("SELECT ?ranked")


@pytest.mark.parametrize("header, line, message", [
    ("# name: things\n# purpose: x\n# without: on rankings.rq\nSELECT * {}", 3, "without line must read"),
    ("# name: things\n# purpose: x\n# without: on — missing.rq\nSELECT * {}", 3, "missing.rq does not exist"),
    ("# name: things\n# purpose: x\n# param: on — a date (required)\n# without: on — things.rq\nSELECT * {}",
     1, "names no optional parameter"),
    ("# purpose: x\nSELECT * {}", 1, "no '# name:' line"),
    ("# name: other\n# purpose: x\nSELECT * {}", 1, "does not match the file name"),
    ("# name: things\n# purpose: x\n# param: thing is a thing\nSELECT * {}", 3, "param line must read"),
])
def test_bad_headers_name_file_and_line(tmp_path, header, line, message):
    path = tmp_path / "things.rq"
    path.write_text(header, encoding="utf-8")
    with pytest.raises(CatalogueError, match=message) as caught:
        parse_query(path)
    assert str(caught.value).startswith(f"{path}:{line}:")


def test_parameters_are_checked():
    query = find_query("group_members")
    assert check_params(query, {"group": "x", "on": "2020-01-02"}) == {"group": "x", "on": "2020-01-02"}
    with pytest.raises(CatalogueError, match="missing required parameter group"):
        check_params(query, {})
    with pytest.raises(CatalogueError, match="no parameter 'size'"):
        check_params(query, {"group": "x", "size": "3"})
    with pytest.raises(CatalogueError, match="not a date"):
        check_params(query, {"group": "x", "on": "2020-02-30"})
    with pytest.raises(CatalogueError, match="known: "):
        find_query("no_such_query")
    with pytest.raises(CatalogueError, match="NAME=VALUE"):
        parse_assignments(["group"])
