"""A read-only SPARQL 1.1 Protocol endpoint over a build, with a browser query page.

Queries run in worker processes that open the build's on-disk Oxigraph store read-only;
the HTTP server only hands them queries. That is what makes the time limit real:
a query still running after ``timeout`` seconds is stopped by killing its worker
(a thread cannot be interrupted inside the engine) and a fresh worker takes its
place. Results stop at ``max_rows`` rows or triples (``X-Result-Truncated`` says so).

Only ``query`` is served (GET, or POST form / ``application/sparql-query``). SPARQL
Update, and any graph-store write (PUT, POST, DELETE, PATCH on a graph), is refused
with 403/405: the store is opened read-only besides. The server binds 127.0.0.1
unless told otherwise.
"""
from __future__ import annotations

import multiprocessing
import queue
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

RDF_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "application/rdf+xml": "RDF_XML",
             "application/ld+json": "JSON_LD"}
RESULT_ACCEPT = {"application/sparql-results+json": "json", "application/json": "json",
                 "application/sparql-results+xml": "xml", "application/xml": "xml",
                 "text/csv": "csv", "text/tab-separated-values": "tsv"}
QUERY_PATHS = ("/sparql", "/query")
READ_METHODS = "GET, HEAD, POST, OPTIONS"


@dataclass(frozen=True)
class Limits:
    timeout: float = 10.0        # seconds a query may run
    max_rows: int = 10_000       # rows (or triples) in an answer
    max_query: int = 100_000     # characters in a query


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def error_answer(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


# --- worker processes ------------------------------------------------------------

def evaluate(store, sparql: str, result_format: str, rdf_type: str, max_rows: int) -> Answer:
    """Run one query on the worker's store and serialise at most ``max_rows`` results."""
    import pyoxigraph as ox

    from graphbuilder.query.format import RESULT_TYPES, write_boolean, write_solutions
    from graphbuilder.query.store import RE_POSITION, position_of

    try:
        result = store.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as error:
        where = position_of(str(error))
        return error_answer(400, f"SPARQL syntax error{' at ' + where if where else ''}: "
                                 f"{RE_POSITION.sub('', str(error))}")
    if isinstance(result, ox.QueryBoolean):
        return Answer(200, RESULT_TYPES[result_format], write_boolean(bool(result), result_format))
    if isinstance(result, ox.QuerySolutions):
        body, rows, truncated = write_solutions(result, result_format, max_rows)
        return Answer(200, RESULT_TYPES[result_format], body, truncation_headers(rows, truncated, max_rows))
    triples, truncated = [], False
    for triple in result:
        if len(triples) == max_rows:
            truncated = True
            break
        triples.append(triple)
    body = ox.serialize(triples, format=getattr(ox.RdfFormat, RDF_TYPES[rdf_type]))
    return Answer(200, rdf_type + "; charset=utf-8", body, truncation_headers(len(triples), truncated, max_rows))


def truncation_headers(count: int, truncated: bool, limit: int) -> tuple[tuple[str, str], ...]:
    headers = (("X-Result-Count", str(count)),)
    return headers + ((("X-Result-Truncated", f"true; limit={limit}"),) if truncated else ())


def worker_main(store_dir: str, connection) -> None:
    """A worker: open the store read-only, answer queries until the pipe closes."""
    import pyoxigraph as ox

    store = ox.Store.read_only(store_dir)
    connection.send("ready")
    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        try:
            answer = evaluate(store, *job)
        except Exception as error:   # an evaluation error of the engine: report, keep serving
            answer = error_answer(500, f"query failed: {error}")
        connection.send(answer)


class Worker:
    """One worker process and its pipe."""

    def __init__(self, store_dir: str):
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(store_dir, child), daemon=True)
        self.process.start()
        child.close()
        if not self.connection.poll(60) or self.connection.recv() != "ready":
            self.stop()
            raise RuntimeError(f"{store_dir}: the query worker could not open the store")

    def ask(self, job: tuple, timeout: float) -> Answer | None:
        """The answer, or None when the time limit passed (the worker must then be replaced)."""
        self.connection.send(job)
        if not self.connection.poll(timeout):
            return None
        return self.connection.recv()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.connection.close()


class WorkerPool:
    def __init__(self, store_dir: str, size: int):
        self.store_dir = store_dir
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.all: list[Worker] = []
        self.lock = threading.Lock()
        for _ in range(size):
            self.add(Worker(store_dir))

    def add(self, worker: Worker) -> None:
        with self.lock:
            self.all.append(worker)
        self.idle.put(worker)

    def run(self, job: tuple, limits: Limits) -> Answer:
        worker = self.idle.get()
        answer = worker.ask(job, limits.timeout)
        if answer is not None:
            self.idle.put(worker)
            return answer
        threading.Thread(target=self.replace, args=(worker,), daemon=True).start()
        return error_answer(503, f"query stopped: it ran past the time limit of {limits.timeout:g} s")

    def replace(self, worker: Worker) -> None:
        worker.stop()
        with self.lock:
            self.all.remove(worker)
        self.add(Worker(self.store_dir))

    def close(self) -> None:
        with self.lock:
            for worker in self.all:
                worker.stop()


# --- HTTP ---------------------------------------------------------------------------

def negotiate(accept: str, requested: str | None) -> tuple[str, str]:
    """(result format, RDF media type) from ``?format=`` or the Accept header."""
    if requested:
        requested = requested.lower()
        result = requested if requested in ("json", "xml", "csv", "tsv") else RESULT_ACCEPT.get(requested, "json")
        return result, "text/turtle" if requested in ("turtle", "ttl") else next(
            (t for t in RDF_TYPES if t == requested), "text/turtle")
    types = [part.split(";")[0].strip().lower() for part in (accept or "").split(",")]
    result = next((RESULT_ACCEPT[t] for t in types if t in RESULT_ACCEPT), "json")
    rdf = next((t for t in types if t in RDF_TYPES), "text/turtle")
    return result, rdf


class Handler(BaseHTTPRequestHandler):
    server_version = "graphbuilder-sparql/1"
    pool: WorkerPool
    limits: Limits
    page: bytes

    def log_message(self, format: str, *args) -> None:   # quiet: one line per query is noise in tests
        pass

    def send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def refuse_write(self) -> None:
        answer = error_answer(405, f"{self.command} refused: this endpoint is read-only "
                                   f"(no SPARQL Update, no graph-store writes)")
        self.send(Answer(answer.status, answer.content_type, answer.body, (("Allow", READ_METHODS),)))

    do_PUT = do_DELETE = do_PATCH = refuse_write

    def do_OPTIONS(self) -> None:
        self.send(Answer(204, "text/plain", b"", (("Allow", READ_METHODS),)))

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path in ("/", "/index.html") and "query" not in params:
            return self.send(Answer(200, "text/html; charset=utf-8", self.page))
        if url.path not in QUERY_PATHS + ("/",):
            return self.send(error_answer(404, f"{url.path}: nothing here; query at /sparql"))
        self.answer(params)

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path not in QUERY_PATHS + ("/",):
            return self.refuse_write()
        length = int(self.headers.get("Content-Length") or 0)
        if length > self.limits.max_query * 4:
            return self.send(error_answer(413, f"request body over {self.limits.max_query * 4} bytes"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        if content_type == "application/sparql-update":
            return self.send(error_answer(403, "SPARQL Update refused: this endpoint is read-only"))
        if content_type == "application/sparql-query":
            params["query"] = [body]
        elif content_type == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
        else:
            return self.send(error_answer(415, "send application/sparql-query or a form with query="))
        self.answer(params)

    def answer(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            return self.send(error_answer(403, "SPARQL Update refused: this endpoint is read-only"))
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self.send(error_answer(400, "give exactly one query= parameter"))
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            return self.send(error_answer(400, "default-graph-uri / named-graph-uri are not supported: "
                                               "queries run over the union of the build's graphs"))
        if len(queries[0]) > self.limits.max_query:
            return self.send(error_answer(413, f"query over {self.limits.max_query} characters"))
        result_format, rdf_type = negotiate(self.headers.get("Accept", ""), (params.get("format") or [None])[0])
        self.send(self.pool.run((queries[0], result_format, rdf_type, self.limits.max_rows), self.limits))


def query_page(examples: list[dict[str, str]], limits: Limits) -> bytes:
    """The browser page: an editor preloaded with the named queries and their examples."""
    import jinja2

    environment = jinja2.Environment(loader=jinja2.PackageLoader("graphbuilder.query", "templates"),
                                     autoescape=True)
    return environment.get_template("query.html").render(examples=examples, limits=limits).encode("utf-8")


def page_examples() -> list[dict[str, str]]:
    """Each named query with its example's parameters bound, ready to run."""
    from graphbuilder.query.bindings import bind_values
    from graphbuilder.query.catalogue import load_catalogue, parse_assignments
    from graphbuilder.query.store import as_term

    examples = []
    for query in load_catalogue().values():
        words = query.examples[0].split() if query.examples else []
        pairs = [words[i + 1] for i, w in enumerate(words[:-1]) if w == "--param"]
        given = parse_assignments(pairs)
        bound = {k: str(as_term(v)) for k, v in given.items()}
        examples.append({"name": query.name, "purpose": query.purpose,
                         "text": bind_values(query.text_for(given), bound)})
    return examples


def make_server(store_dir: Path, host: str, port: int, limits: Limits, workers: int) -> ThreadingHTTPServer:
    pool = WorkerPool(str(store_dir), workers)
    handler = type("BoundHandler", (Handler,), {"pool": pool, "limits": limits,
                                                "page": query_page(page_examples(), limits)})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    server.pool = pool
    return server


def describe(server: ThreadingHTTPServer, limits: Limits) -> str:
    host, port = server.server_address[:2]
    return (f"serving http://{host}:{port}/ (SPARQL endpoint /sparql, read-only; "
            f"time limit {limits.timeout:g} s, at most {limits.max_rows} rows)")

