"""Scale benchmark: a whole build of 1, 10 and 100 MB of synthetic gazettes, with baselines.

    .venv/bin/python benchmarks/scale.py                      # 1MB,10MB,100MB; 1 and 2 workers
    .venv/bin/python benchmarks/scale.py --sizes 1MB --workers 2 --no-write

For each size it generates the corpus (``synthetic/``; cached under ``--work``), then in
the same run measures

- the baselines on the same text: a literal keyword scan (the ceiling), ``spacy.blank("zh")``
  tokenizing all of it, and a plain rdflib build (and an Oxigraph build) of the facts the
  build exported, 8 triples a fact;
- ``graphbuilder build`` as a subprocess with each worker count, twice: wall time, MB/s,
  the seconds of each stage (``--timings``) and triples from a run with no memory
  sampling; peak memory of the process and its workers together (proportional set size
  sampled every 0.25 s, or the parent's own peak resident size if higher) from the second;
- F1 of the planted facts (``shared/eval/score.py``).

It prints a Markdown table and, unless ``--no-write``, puts it into this script's section
of ``benchmarks/RESULTS.md`` (between the ``scale`` markers) with the machine's load.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from synthetic import generate_corpus  # noqa: E402
from synthetic_gazettes import parse_size  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "score.py"
RESULTS = HERE / "RESULTS.md"
START, END = "<!-- scale:start -->", "<!-- scale:end -->"
KEYWORDS = ("任命", "免去", "不再担任", "组长", "指挥长", "成员", "牵头单位", "配合单位", "责任单位", "嘉奖", "办公室设在")
STAGES = ("extract", "graph", "write_rdf", "check")
# check: one pass over the spooled batches (export/checked.py); with several workers
# graph.ttl and graph.trig are written beside it by a process of their own, so write_rdf
# is only that process's start and check includes the wait for it
STAGE_LABELS = {"check": "facts + SHACL", "write_rdf": "write"}


def texts_of(folder: Path) -> list[bytes]:
    return [path.read_bytes() for path in sorted(folder.glob("*.txt"))]


def keyword_scan(data: list[bytes]) -> dict:
    """Count every keyword in every file: the least any reader of the text must do."""
    keywords = [k.encode("utf-8") for k in KEYWORDS]
    started = time.perf_counter()
    hits = sum(chunk.count(k) for chunk in data for k in keywords)
    return {"seconds": time.perf_counter() - started, "hits": hits}


def spacy_tokenize(data: list[bytes]) -> dict:
    """``spacy.blank("zh")`` over the whole text, file by file (decoding included)."""
    import spacy

    nlp = spacy.blank("zh")
    started = time.perf_counter()
    tokens = 0
    for chunk in data:
        text = chunk.decode("utf-8")
        for start in range(0, len(text), 500_000):          # under spaCy's max_length
            tokens += len(nlp.make_doc(text[start:start + 500_000]))
    return {"seconds": time.perf_counter() - started, "tokens": tokens}


def fact_triples(rows: list[dict]):
    """8 plain triples a fact: type, document, date and up to five fields as literals."""
    for k, row in enumerate(rows):
        node = f"https://example.org/fact/{k}"
        yield node, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", ("iri", f"https://example.org/{row['type']}")
        yield node, "https://example.org/doc", ("lit", row["doc"])
        yield node, "https://example.org/date", ("lit", row["date"])
        for field in ("person", "post", "group", "role", "unit", "task", "kind", "recipient", "award"):
            if row.get(field):
                yield node, f"https://example.org/{field}", ("lit", str(row[field]))


def triple_builds(gold: Path) -> dict:
    """The planted facts (those the build must produce) as a plain rdflib graph and an Oxigraph store."""
    import pyoxigraph as ox
    from rdflib import Graph, Literal, URIRef

    rows = [json.loads(line) for path in sorted(gold.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]
    triples = list(fact_triples(rows))
    started = time.perf_counter()
    graph = Graph()
    for s, p, (kind, o) in triples:
        graph.add((URIRef(s), URIRef(p), URIRef(o) if kind == "iri" else Literal(o)))
    rdflib_seconds = time.perf_counter() - started
    del graph
    started = time.perf_counter()
    store = ox.Store()
    store.bulk_extend(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o) if kind == "iri" else ox.Literal(o))
                      for s, p, (kind, o) in triples)
    return {"facts": len(rows), "triples": len(triples), "rdflib_seconds": rdflib_seconds,
            "oxigraph_seconds": time.perf_counter() - started}


def run_build(gazettes: Path, out: Path, workers: int, max_bytes: int, sample_memory: bool = True) -> dict:
    """``graphbuilder build`` in a subprocess: wall time and peak memory of its process tree.

    A build whose processes together pass ``max_bytes`` is stopped (the machine is shared);
    the stages it finished are still reported, with the one it was in.

    Proportional set sizes are read from the kernel's page tables, under the lock a process
    needs for its own page faults: sampled four times a second they made a 2-worker build
    of 100 MB 10 % slower (107 against 97 s). So the time comes from a run that only
    watches resident sizes against ``max_bytes`` (``sample_memory`` False), the peak from
    a second run (:func:`measure`).
    """
    timings = out.with_suffix(".timings.json")
    timings.unlink(missing_ok=True)
    command = [sys.executable, "-m", "graphbuilder", "build", str(gazettes), "--out", str(out), "-q",
               "--workers", str(workers), "--timings", str(timings)]
    log = out.with_suffix(".stderr.txt")      # a file, not a pipe: 100 MB of gazettes print more
    started = time.perf_counter()            # warnings than a pipe holds, and the build would block
    with log.open("wb") as errors:
        process = psutil.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
    peak, stopped = 0, False
    while process.poll() is None:
        peak = max(peak, tree_memory(process, proportional=sample_memory))
        if peak > max_bytes:
            stop(process)
            stopped = True
            break
        time.sleep(0.25)
    wall = time.perf_counter() - started
    stderr = log.read_text(encoding="utf-8", errors="replace")
    laps = json.loads(timings.read_text(encoding="utf-8")) if timings.exists() else {}
    parent_peak = max(laps.get("peak_mb", {}).values(), default=0) * 1.048576e6   # the build's own peak (VmHWM), in MiB
    peak = max(peak, parent_peak)            # catches a spike between two samples
    result = {"workers": workers, "wall": wall, "peak_mb": peak / 1e6, "stages": laps.get("stages", {}),
              "extracted_mb": laps.get("peak_mb", {}).get("extract")}
    if stopped:
        running = next((s for s in STAGES if s not in result["stages"]), "report")
        return {**result, "stopped": f"stopped in {running} at {peak / 1e9:.1f} GB"}
    if process.returncode not in (0, 3):
        raise SystemExit(f"build failed ({process.returncode}):\n{stderr[-3000:]}")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {**result, "triples": report["triples"], "conforms": (report.get("validation") or {}).get("conforms")}


def stop(process: psutil.Process) -> None:
    """Kill a build and its worker processes (only the processes this benchmark started)."""
    members = [process, *process.children(recursive=True)]
    for member in members:
        try:
            member.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(members, timeout=10)


def tree_memory(process: psutil.Process, proportional: bool = True) -> int:
    """Memory of a process and its workers together: proportional set sizes, so that pages the
    forked workers share with the parent (the spaCy pipeline, the lexicons) count once; or
    resident sizes, which count them in every process but cost nothing to read."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            if proportional:
                info = member.memory_full_info()
                total += getattr(info, "pss", info.rss)
            else:
                total += member.memory_info().rss
        except psutil.Error:
            pass
    return total


def f1(gold: Path, facts: Path) -> dict:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    table = score.score(score.read_facts(gold), score.read_facts(facts))
    return {kind: row["f1"] for kind, row in table.items()}


def measure(size: int, seed: int, work: Path, workers: list[int], max_bytes: int, done: dict) -> dict:
    """Baselines and builds of one corpus size; builds found in ``done`` (same size and workers,
    from an earlier run's results.json, with ``--resume``) are not run again."""
    corpus = generate_corpus(work / f"corpus-{size}-s{seed}", size, seed)
    data = texts_of(corpus.gazettes)
    megabytes = corpus.bytes / 1e6
    result = {"size": size, "mb": megabytes, "issues": corpus.issues, "planted": sum(corpus.facts.values()),
              "scan": keyword_scan(data), "spacy": spacy_tokenize(data), "builds": []}
    del data
    for count in workers:
        if (size, count) in done:
            result["builds"].append(done[size, count])
            continue
        out = work / f"out-{size}-s{seed}-w{count}"
        build = run_build(corpus.gazettes, out, count, max_bytes, sample_memory=False)
        if "stopped" not in build:
            build["f1"] = f1(corpus.gold, out / "facts.jsonl")
            sampled = run_build(corpus.gazettes, out, count, max_bytes, sample_memory=True)
            build.update(peak_mb=sampled["peak_mb"], sampled_wall=sampled["wall"])
        result["builds"].append(build)
        print(f"{megabytes:.1f} MB, {count} worker(s): {build['wall']:.1f}s, peak {build['peak_mb']:.0f} MB, "
              f"{build.get('stopped') or 'F1 %s' % build['f1']['all']}", file=sys.stderr)
        record(work, seed, size, build)
    result["triple_builds"] = triple_builds(corpus.gold)
    return result


def record(work: Path, seed: int, size: int, build: dict) -> None:
    """Keep each finished build in builds.json, so an interrupted run can ``--resume``."""
    path = work / "builds.json"
    builds = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    builds = [b for b in builds if (b["seed"], b["size"], b["workers"]) != (seed, size, build["workers"])]
    path.write_text(json.dumps(builds + [{"seed": seed, "size": size, **build}], indent=2), encoding="utf-8")


def recorded(work: Path, seed: int) -> dict:
    path = work / "builds.json"
    builds = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    return {(b["size"], b["workers"]): b for b in builds if b["seed"] == seed}


def table(results: list[dict]) -> str:
    head = ("| text MB | workers | build s | MB/s | × spaCy time | " +
            " | ".join(f"{STAGE_LABELS.get(s, s)} s" for s in STAGES) +
            " | MB after extract | peak MB | triples | F1 | keyword scan MB/s | spaCy tokenize MB/s |"
            " rdflib facts s | Oxigraph facts s |")
    lines = [head, "|" + "---:|" * (head.count("|") - 1)]
    for r in results:
        t = r["triple_builds"]
        baselines = (f"{r['mb'] / r['scan']['seconds']:,.0f} | {r['mb'] / r['spacy']['seconds']:.2f} | "
                     f"{t['rdflib_seconds']:.1f} | {t['oxigraph_seconds']:.2f}")
        for b in r["builds"]:
            stages = " | ".join(f"{b['stages'][s]:.1f}" if s in b["stages"] else "—" for s in STAGES)
            if "stopped" in b:
                outcome = f"{b['stopped']} | — | —"
                speed = "— | —"
            else:
                outcome = f"{b['triples']:,} | {b['f1']['all']:.4f}"
                speed = f"{r['mb'] / b['wall']:.3f} | {b['wall'] / r['spacy']['seconds']:.1f}"
            held = f"{b['extracted_mb']:,.0f}" if b.get("extracted_mb") else "—"
            lines.append(f"| {r['mb']:.1f} | {b['workers']} | {b['wall']:.1f} | {speed} | {stages} | {held} | "
                         f"{b['peak_mb']:,.0f} | {outcome} | {baselines} |")
    return "\n".join(lines)


def write_results(text: str) -> None:
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    section = f"{START}\n{text}\n{END}"
    if START in current and END in current:
        before, rest = current.split(START, 1)
        current = before + section + rest.split(END, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n## Scale (`benchmarks/scale.py`)\n\n" + section + "\n"
    RESULTS.write_text(current, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1MB,10MB,100MB", help="comma-separated corpus sizes")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "graphbuilder-scale",
                        help="folder for corpora and builds (reused across runs)")
    parser.add_argument("--max-memory", type=parse_size, default=parse_size("8GB"),
                        help="stop a build whose processes together use more (default 8GB; the machine is shared)")
    parser.add_argument("--resume", action="store_true",
                        help="reuse builds an earlier run recorded in WORK/builds.json (baselines are measured again)")
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args()
    workers = [int(w) for w in args.workers.split(",")]
    started, load = time.strftime("%Y-%m-%d %H:%M"), os.getloadavg()
    done = recorded(args.work, args.seed) if args.resume else {}
    results = [measure(parse_size(size), args.seed, args.work, workers, args.max_memory, done)
               for size in args.sizes.split(",")]
    (args.work / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    note = (f"Run {started} on {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB; "
            f"load average at start {load[0]:.1f}, at end {os.getloadavg()[0]:.1f}.")
    text = note + "\n\n" + table(results)
    print(text)
    if not args.no_write:
        write_results(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
