"""Store benchmark: rdflib's in-memory store vs pyoxigraph (direct and through oxrdflib).

For each size (1e4, 1e5, 1e6 triples of ``synthetic_graph.py``) and each store, a fresh
subprocess loads the TriG file, runs every named query of the catalogue (parameters
taken from the generated graph) and reports load time, each query's median time and
the process's peak memory (``ru_maxrss``). One process per store and size, so that
peak memory is that store's alone and no store warms another's caches.

"oxigraph" is the default store as the commands open a build (``store.load_trig``, in
memory); "oxigraph-dir" is a ``--store DIR`` that an earlier run persisted (RocksDB): its
load time is opening it again (``store.open_persistent``, the file's digest checked).
Imports happen before the clock starts. The 1-minute load average is recorded with each
measurement: the machine is shared.

    python benchmarks/stores.py                       # all sizes, all stores
    python benchmarks/stores.py --sizes 1e4 1e5 --repeat 3

Prints a Markdown table (paste it into RESULTS.md) and writes the raw figures as JSON.
A query still running after ``--query-cap`` seconds is stopped and reported as such
(rdflib's pure-Python engine on the largest graph).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

STORES = ("rdflib", "oxigraph", "oxigraph-dir", "oxrdflib")
SIZES = ("1e4", "1e5", "1e6")


def cases(params: dict[str, str]) -> list[tuple[str, str, dict[str, str]]]:
    """(label, query name, bindings): each named query with the generated graph's values."""
    from graphbuilder.query.catalogue import load_catalogue

    values = {"group": params["group"], "person": params["person"], "agency": params["agency"],
              "post": params["post"], "on": params["on"]}
    out = []
    for query in load_catalogue().values():
        required = {p.name: values[p.name] for p in query.params if p.required and p.name in values}
        if query.name == "post_holders":
            required["on"] = params["last_day"]
        if any(p.required and p.name not in required for p in query.params):
            continue
        out.append((query.name, query.name, required))
        optional = {p.name: values[p.name] for p in query.params if not p.required and p.name in values}
        if optional and query.name != "agencies_shared_tasks":
            out.append((f"{query.name} (+{','.join(optional)})", query.name, {**required, **optional}))
        if query.name == "agencies_shared_tasks":   # without an agency: every pair of the corpus
            out[-1] = (f"{query.name} (agency={params['agency']})", query.name, {"agency": params["agency"]})
            out.append((f"{query.name} (all pairs)", query.name, {}))
    return out


class QueryTimeout(Exception):
    pass


def on_alarm(signum, frame):
    raise QueryTimeout()


def persist(path: Path) -> None:
    """The ``--store DIR`` that "oxigraph-dir" reopens, made by a process of its own so that
    its peak memory is not counted as the reopening worker's."""
    from graphbuilder.query.store import open_persistent

    open_persistent(path, path.with_suffix(".store"))


def load(store_name: str, path: Path):
    """(queryable, run) for a store: run(sparql, bindings) -> row count."""
    import pyoxigraph as ox
    import rdflib

    from graphbuilder.query.bindings import bind_values
    from graphbuilder.query.store import as_term, load_trig, open_persistent, select

    if store_name == "oxrdflib":
        import oxrdflib  # noqa: F401  (the store plugin, imported before the clock starts)
    started = time.perf_counter()
    if store_name in ("oxigraph", "oxigraph-dir"):
        if store_name == "oxigraph":
            store = ox.Store()
            load_trig(store, path)
        else:
            store = open_persistent(path, path.with_suffix(".store"))
        emit({"load_s": time.perf_counter() - started, "loadavg": os.getloadavg()[0]})
        return lambda sparql, bindings: len(select(store, sparql, bindings))
    if store_name == "rdflib":
        dataset = rdflib.Dataset(default_union=True)
        dataset.parse(str(path), format="trig")
    else:
        dataset = rdflib.Dataset(store="Oxigraph", default_union=True)
        dataset.parse(str(path), format="ox-trig")
    emit({"load_s": time.perf_counter() - started, "loadavg": os.getloadavg()[0]})

    def run(sparql: str, bindings: dict[str, str]) -> int:
        # the same text every store runs: parameters as a VALUES block (query/bindings.py)
        terms = {k: str(as_term(v)) for k, v in bindings.items()}
        return len(list(dataset.query(bind_values(sparql, terms))))
    return run


def worker(store_name: str, path: Path, repeat: int, cap: float) -> None:
    """Runs in the subprocess: one JSON line per measurement on stdout."""
    from graphbuilder.query.catalogue import find_query

    info = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    run = load(store_name, path)
    signal.signal(signal.SIGALRM, on_alarm)
    for label, name, bindings in cases(info["params"]):
        text = find_query(name).text_for(bindings)    # as `graphbuilder query` runs it
        times, rows = [], 0
        try:
            for _ in range(repeat):
                signal.setitimer(signal.ITIMER_REAL, cap)
                began = time.perf_counter()
                rows = run(text, bindings)
                times.append(time.perf_counter() - began)
                signal.setitimer(signal.ITIMER_REAL, 0)
                if sum(times) > cap:
                    break
            emit({"query": label, "median_ms": statistics.median(times) * 1000, "rows": rows, "runs": len(times)})
        except QueryTimeout:
            emit({"query": label, "timeout_s": cap})
        except Exception as error:   # an engine that cannot run the query at all
            signal.setitimer(signal.ITIMER_REAL, 0)
            emit({"query": label, "error": f"{type(error).__name__}: {str(error)[:120]}"})
    emit({"maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
          "loadavg_end": os.getloadavg()[0]})


def emit(record: dict) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)


def measure(store_name: str, path: Path, repeat: int, cap: float, limit: float) -> dict:
    """Run one worker subprocess and collect its lines (a worker past ``limit`` s is killed)."""
    command = [sys.executable, __file__, "--worker", store_name, str(path), "--repeat", str(repeat),
               "--query-cap", str(cap)]
    if store_name == "oxigraph-dir":
        subprocess.run([sys.executable, __file__, "--persist", str(path)], check=True, timeout=limit)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=limit)
        lines, error = done.stdout, done.stderr if done.returncode else ""
    except subprocess.TimeoutExpired as expired:
        lines, error = (expired.stdout or b"").decode() if isinstance(expired.stdout, bytes) else (expired.stdout or ""), f"killed after {limit:.0f}s"
    result: dict = {"store": store_name, "queries": {}, "error": error[-500:]}
    for line in lines.splitlines():
        record = json.loads(line)
        if "query" in record:
            result["queries"][record.pop("query")] = record
        else:
            result.update(record)
    return result


def cell(record: dict | None) -> str:
    if record is None:
        return "–"
    if "timeout_s" in record:
        return f">{record['timeout_s']:.0f} s"
    if "error" in record:
        return "error"
    ms = record["median_ms"]
    return f"{ms:.1f}" if ms < 100 else f"{ms:,.0f}"


def markdown(results: list[dict]) -> str:
    """One table: rows are measurements, columns store × size."""
    columns = [(r["size"], r["store"]) for r in results]
    header = "| | " + " | ".join(f"{store} {size}" for size, store in columns) + " |"
    lines = [header, "|---" * (len(columns) + 1) + "|"]
    lines.append("| triples | " + " | ".join(f"{r['triples']:,}" for r in results) + " |")
    lines.append("| load (s) | " + " | ".join(f"{r.get('load_s', float('nan')):.2f}" for r in results) + " |")
    lines.append("| peak memory (MB) | " + " | ".join(f"{r.get('maxrss_mb', float('nan')):,.0f}" for r in results) + " |")
    lines.append("| load average (start–end) | " + " | ".join(
        f"{r.get('loadavg', float('nan')):.1f}–{r.get('loadavg_end', float('nan')):.1f}" for r in results) + " |")
    labels = list(dict.fromkeys(label for r in results for label in r["queries"]))
    for label in labels:
        lines.append(f"| {label} (ms) | " + " | ".join(cell(r["queries"].get(label)) for r in results) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=list(SIZES))
    parser.add_argument("--stores", nargs="+", default=list(STORES), choices=STORES)
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median reported)")
    parser.add_argument("--query-cap", type=float, default=60.0, help="seconds before a query is stopped")
    parser.add_argument("--worker-limit", type=float, default=2400.0, help="seconds before a worker is killed")
    parser.add_argument("--data", type=Path, help="folder for the generated graphs (default: a temporary one)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "stores-results.json")
    parser.add_argument("--worker", nargs=2, metavar=("STORE", "TRIG"), help=argparse.SUPPRESS)
    parser.add_argument("--persist", type=Path, metavar="TRIG", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.persist:
        persist(args.persist)
        return
    if args.worker:
        worker(args.worker[0], Path(args.worker[1]), args.repeat, args.query_cap)
        return
    from synthetic_graph import generate

    data = args.data or Path(tempfile.mkdtemp(prefix="gb-bench-"))
    results = []
    for size in args.sizes:
        path = data / f"graph-{size}.trig"
        info = generate(int(float(size)), path)
        path.with_suffix(".json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        for store_name in args.stores:
            result = measure(store_name, path, args.repeat, args.query_cap, args.worker_limit)
            result.update(size=size, triples=info["triples"])
            results.append(result)
            print(f"{store_name} {size}: load {result.get('load_s', float('nan')):.2f}s, "
                  f"{result.get('maxrss_mb', float('nan')):.0f} MB {result['error']}", file=sys.stderr, flush=True)
            args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
