"""`graphbuilder build` (graph, facts, report) and `graphbuilder facts` (facts only).

Exit 1 when a file could not be read or the graph does not conform to the shapes (the
rest of the corpus is still written), 3 for `--strict` builds with lines not understood.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from graphbuilder import pipeline
from graphbuilder.cli._common import print_diagnostics, progress


def command_build(args: argparse.Namespace) -> int:
    from graphbuilder.export.facts import export_facts, write_facts_jsonl
    from graphbuilder.export.rdf_files import write_rdf_files
    from graphbuilder.export.report import UNREAD_CODES, report, write_report
    from graphbuilder.rdf.validate import validate

    started = time.perf_counter()
    build = pipeline.extract_corpus(args.paths, on_file=progress(not args.quiet))
    dataset = pipeline.build_graph(build, args.judgements and Path(args.judgements))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    write_rdf_files(dataset, out)
    write_facts_jsonl(export_facts(dataset), out / "facts.jsonl")
    validation = None if args.no_validate else validate(dataset)
    triples = sum(1 for _ in dataset.quads((None, None, None, None)))
    write_report(report(build, triples, validation), out / "report.json")
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


def command_facts(args: argparse.Namespace) -> int:
    from graphbuilder.export.facts import export_facts, write_facts_jsonl

    build = pipeline.extract_corpus(args.paths, on_file=progress(not args.quiet))
    write_facts_jsonl(export_facts(pipeline.build_graph(build)), Path(args.out))
    print_diagnostics(build.diagnostics, args.quiet)
    return 1 if build.failed else 0


def register(commands) -> None:
    build = commands.add_parser("build", help="build graph.ttl, graph.trig, facts.jsonl, report.json")
    build.add_argument("paths", nargs="+", help="gazette files or folders")
    build.add_argument("--out", default="out", help="output folder (default: out)")
    build.add_argument("--strict", action="store_true", help="fail when a line was not understood")
    build.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    build.add_argument("--judgements", help="analysts' same/different/unsure judgements "
                                            "(default: ontology/judgements.tsv)")
    build.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no info lines")
    build.set_defaults(run=command_build)
    facts = commands.add_parser("facts", help="write the flat facts export only")
    facts.add_argument("paths", nargs="+", help="gazette files or folders")
    facts.add_argument("--out", required=True, help="facts.jsonl path")
    facts.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no info lines")
    facts.set_defaults(run=command_facts)
