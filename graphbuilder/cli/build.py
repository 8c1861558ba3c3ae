"""`graphbuilder build` (graph, facts, report) and `graphbuilder facts` (facts only).

Exit 1 when a file could not be read or the graph does not conform to the shapes (the
rest of the corpus is still written), 3 for `--strict` builds with lines not understood.
"""
from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from graphbuilder import pipeline
from graphbuilder.cli._common import print_diagnostics, progress
from graphbuilder.parallel import default_workers

def command_build(args: argparse.Namespace) -> int:
    if args.executor == "dask" and not args.scheduler:
        print("graphbuilder build: --executor dask needs --scheduler ADDRESS (tcp://host:8786)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    clock = Stopwatch(args.timings)
    build = pipeline.extract_corpus(args.paths, on_file=progress(not args.quiet), workers=args.workers,
                                    scheduler=args.scheduler if args.executor == "dask" else None)
    clock.lap("extract", build)
    with collector_paused():
        return write_outputs(args, build, clock, started)


def write_outputs(args: argparse.Namespace, build, clock: "Stopwatch", started: float) -> int:
    with tempfile.TemporaryDirectory(prefix="graphbuilder-build-") as folder:
        return write_streamed(args, build, clock, started, Path(folder))


def write_streamed(args: argparse.Namespace, build, clock: "Stopwatch", started: float, folder: Path) -> int:
    """Graph, files, facts, SHACL and report; ``folder`` is scratch space for this build.

    The graph's quads are spooled to ``folder`` as the shared graphs plus batches of
    document graphs (export/spool.py); the facts export, SHACL and the N-Quads partitions
    read them batch by batch in memory, in ``--workers`` processes (export/checked.py).
    With several workers graph.ttl and graph.trig are written by a process of their own
    meanwhile: the ``write_rdf`` lap is then only its start, and ``check`` waits for it.
    """
    from graphbuilder.export.checked import check_spooled
    from graphbuilder.export.report import UNREAD_CODES, report, write_report
    from graphbuilder.parallel import Beside
    from graphbuilder.rdf.quads import PARTITIONS, remove_partitions

    writer = pipeline.stream_graph(build, folder, args.judgements and Path(args.judgements), workers=args.workers)
    clock.lap("graph", build)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    writing = Beside(writer.write, out, workers=args.workers)
    spooled = writer.spooled
    del writer
    clock.lap("write_rdf", build)
    remove_partitions(out / PARTITIONS)      # push prefers partitions: never leave an older build's
    partitions = out / PARTITIONS if args.nquads or args.executor == "dask" else None
    checked = check_spooled(spooled, out / "facts.jsonl", folder, validate=not args.no_validate,
                            workers=args.workers, partitions=partitions)
    build.timings.update({part: round(seconds, 4) for part, seconds in checked.seconds.items()})
    validation = checked.validation
    writing.join()
    clock.lap("check", build)
    triples = spooled.quads
    write_report(report(build, triples, validation), out / "report.json")
    clock.lap("report", build)
    print_diagnostics(build.diagnostics, args.quiet)
    counts = ", ".join(f"{n} {k}" for k, n in sorted(build.fact_counts().items()))
    print(f"built {len(build.results)} documents from {len(build.issues)} files: {counts}; "
          f"{triples} triples in {time.perf_counter() - started:.1f}s → {out}/", file=sys.stderr)
    if validation is not None and not validation.conforms:
        print(f"graph does not conform to the shapes ({validation.violations} violations):\n"
              f"{validation.text[:2000]}", file=sys.stderr)
        return 1
    if build.failed:
        return 1
    if args.strict and any(d.code in UNREAD_CODES for d in build.diagnostics):
        return 3
    return 0


@contextmanager
def collector_paused():
    """No cyclic garbage collection while the graph is built and written.

    Those stages make millions of long-lived objects and free few; each full collection
    walks them all, which cost a third of the graph and writing time on 1 MB of text and
    grows with the graph. Reference counting still frees what they drop.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Stopwatch:
    """Wall-clock seconds per stage for ``--timings``, rewritten after every stage so a
    benchmark that stops a build still learns how far it got (never in report.json,
    which stays reproducible)."""

    def __init__(self, path: str | None):
        self.path = Path(path) if path else None
        self.last = time.perf_counter()
        self.stages: dict[str, float] = {}
        self.peak_mb: dict[str, float] = {}      # this process's peak resident memory so far

    def lap(self, stage: str, build=None) -> None:
        import json

        now = time.perf_counter()
        self.stages[stage] = round(now - self.last, 4)
        self.last = now
        peak = peak_resident_mib()
        if peak is not None:
            self.peak_mb[stage] = peak
        if self.path:
            data = {"stages": self.stages, "total": round(sum(self.stages.values()), 4),
                    "peak_mb": self.peak_mb, "cpu": build.timings if build is not None else {}}
            self.path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def peak_resident_mib() -> float | None:
    """This process's peak resident memory so far, in MiB.

    Linux's VmHWM belongs to the process's own memory map; ``ru_maxrss`` survives exec, so
    a build started by a large process (a benchmark holding its scores) reported that
    process's size as its own. ``ru_maxrss`` where there is no /proc.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    try:
        import resource
    except ImportError:                      # not on Unix
        return None
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def command_facts(args: argparse.Namespace) -> int:
    """The build's facts export alone, made the way ``build`` makes it (streamed graph, spooled
    quads, batches in the workers), so it keeps the same time and memory at scale."""
    from graphbuilder.export.checked import check_spooled

    build = pipeline.extract_corpus(args.paths, on_file=progress(not args.quiet), workers=args.workers)
    with collector_paused(), tempfile.TemporaryDirectory(prefix="graphbuilder-facts-") as folder:
        writer = pipeline.stream_graph(build, Path(folder), workers=args.workers)
        check_spooled(writer.spooled, Path(args.out), Path(folder), validate=False, workers=args.workers)
    print_diagnostics(build.diagnostics, args.quiet)
    return 1 if build.failed else 0


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"a number of processes (1 or more), got {text!r}")
    return int(text)


def register(commands) -> None:
    build = commands.add_parser("build", help="build graph.ttl, graph.trig, facts.jsonl, report.json")
    build.add_argument("paths", nargs="+", help="gazette files or folders")
    build.add_argument("--out", default="out", help="output folder (default: out)")
    build.add_argument("--strict", action="store_true", help="fail when a line was not understood")
    build.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    build.add_argument("--judgements", help="analysts' same/different/unsure judgements "
                                            "(default: ontology/judgements.tsv)")
    build.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no info lines")
    build.add_argument("--workers", type=positive, default=default_workers(), metavar="N",
                       help=f"processes extracting files in parallel (default: all cores, {default_workers()})")
    build.add_argument("--executor", choices=("local", "dask"), default="local",
                       help="local processes (default) or a Dask cluster (needs --scheduler)")
    build.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    build.add_argument("--nquads", action="store_true",
                       help="also write nquads/part-*.nq, one N-Quads file per named graph (always with dask)")
    build.add_argument("--timings", metavar="PATH", help="write wall-clock seconds per stage as JSON")
    build.set_defaults(run=command_build)
    facts = commands.add_parser("facts", help="write the flat facts export only")
    facts.add_argument("paths", nargs="+", help="gazette files or folders")
    facts.add_argument("--out", required=True, help="facts.jsonl path")
    facts.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no info lines")
    facts.add_argument("--workers", type=positive, default=default_workers(), metavar="N",
                       help="processes extracting files in parallel (default: all cores)")
    facts.set_defaults(run=command_facts)
