"""`graphbuilder serve` as a real subprocess: the SPARQL protocol, refusals and limits."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GB = "https://w3id.org/graphbuilder/ontology#"
TIMEOUT_S = 2
MAX_ROWS = 5
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def server(seeds_out):
    """The endpoint on a free port (port 0), with a 2 s time limit and 5 rows per answer."""
    process = subprocess.Popen([sys.executable, "-m", "graphbuilder", "serve", str(seeds_out), "--port", "0",
                                "--timeout", str(TIMEOUT_S), "--max-rows", str(MAX_ROWS)],
                               cwd=ROOT, stderr=subprocess.PIPE, text=True)
    line = process.stderr.readline()
    match = re.search(r"serving (http://[^/]+)/", line)
    assert match, line + process.stderr.read(2000) if process.poll() is not None else line
    yield match.group(1)
    process.terminate()
    process.wait(30)


def request(url: str, data: bytes | None = None, method: str | None = None, headers: dict | None = None):
    """(status, headers, body) of one HTTP request, errors included."""
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def sparql(base: str, query: str, accept: str = "application/sparql-results+json"):
    return request(f"{base}/sparql?query={urllib.parse.quote(query)}", headers={"Accept": accept})


def count_persons(base: str) -> int:
    status, _, body = sparql(base, f"SELECT (COUNT(?p) AS ?n) WHERE {{ ?p a <{GB}Person> }}")
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_binds_localhost_by_default(server):
    assert server.startswith("http://127.0.0.1:")


def test_query_over_get_and_post(server, seeds_store):
    from graphbuilder.query.store import select

    expected = select(seeds_store, f"SELECT (COUNT(?p) AS ?n) WHERE {{ ?p a <{GB}Person> }}")[0]["n"]
    assert count_persons(server) == expected > 100
    status, headers, body = request(f"{server}/sparql", data=f"SELECT ?n WHERE {{ ?p <{GB}name> ?n }} LIMIT 2"
                                    .encode(), headers={"Content-Type": "application/sparql-query",
                                                        "Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"] == "text/csv" and body.decode().splitlines()[0] == "n"
    form = urllib.parse.urlencode({"query": f"ASK {{ ?p <{GB}name> \"安伟\" }}"}).encode()
    status, _, body = request(f"{server}/sparql", data=form,
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and json.loads(body)["boolean"] is True


def test_update_is_refused(server):
    before = count_persons(server)
    insert = f"INSERT DATA {{ <https://x/p> a <{GB}Person> }}"
    status, _, body = request(f"{server}/sparql", data=insert.encode(),
                              headers={"Content-Type": "application/sparql-update"})
    assert status == 403 and b"read-only" in body
    form = urllib.parse.urlencode({"update": insert}).encode()
    status, _, _ = request(f"{server}/sparql", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    status, _, body = sparql(server, insert)   # an update sent as a query does not parse as one
    assert status == 400
    assert count_persons(server) == before


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_graph_store_writes_are_refused(server, method):
    before = count_persons(server)
    data = None if method == "DELETE" else f"<https://x/p> a <{GB}Person> .".encode()
    status, headers, body = request(f"{server}/store?graph=https%3A%2F%2Fx%2Fg", data=data, method=method,
                                    headers={"Content-Type": "application/n-triples"})
    assert status == 405 and "POST" in headers["Allow"] and b"read-only" in body
    assert count_persons(server) == before


def test_runaway_query_is_cut_off_and_the_server_goes_on(server):
    started = time.monotonic()
    status, _, body = sparql(server, RUNAWAY)
    elapsed = time.monotonic() - started
    assert status == 503 and b"time limit" in body
    assert TIMEOUT_S <= elapsed < TIMEOUT_S + 10
    assert count_persons(server) > 100   # the other worker answers; the stopped one is replaced
    time.sleep(1)
    assert count_persons(server) > 100


def test_oversized_results_are_limited(server):
    status, headers, body = sparql(server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    assert headers["X-Result-Truncated"] == f"true; limit={MAX_ROWS}"
    status, headers, body = sparql(server, "CONSTRUCT WHERE { ?s ?p ?o }", accept="application/n-triples")
    assert status == 200 and len(body.decode().splitlines()) == MAX_ROWS and headers["X-Result-Truncated"]
    status, headers, _ = sparql(server, f"SELECT ?p WHERE {{ ?p <{GB}name> \"安伟\" }}")
    assert status == 200 and "X-Result-Truncated" not in headers


def test_syntax_error_gives_position(server):
    status, _, body = sparql(server, "SELECT * WHERE {\n ?s ?p }")
    assert status == 400 and re.match(rb"SPARQL syntax error at 2:\d+: ", body)


def test_browser_page(server):
    status, headers, body = request(f"{server}/")
    page = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "<textarea" in page and "<option" in page and "group_members" in page
    data = re.search(r'<script type="application/json" id="example-data">(.*?)</script>', page, re.S).group(1)
    examples = {e["name"]: e["text"] for e in json.loads(data)}   # named queries, example values bound
    assert 'VALUES (?group) { ("三门峡市人民政府应急救援总指挥部") }' in examples["group_members"]
