"""Command line: `graphbuilder build`, `graphbuilder facts`.

Exit status: 0 when everything built, 1 when a file could not be read or the
graph does not conform to the shapes (the rest of the corpus is still written),
2 for usage errors, 3 for `--strict` builds with lines not understood.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from graphbuilder import pipeline
from graphbuilder.records import Severity


def _progress(enabled: bool):
    """A tqdm bar over files on a terminal; silent otherwise (CI logs, pipes)."""
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm
    bar = tqdm(unit="file", desc="gazettes", file=sys.stderr, leave=False)
    return lambda path: (bar.set_postfix_str(path.name[:30]), bar.update(1))


def _print_diagnostics(build, quiet: bool) -> None:
    for diagnostic in build.diagnostics:
        if diagnostic.severity is Severity.INFO and quiet:
            continue
        print(diagnostic, file=sys.stderr)


def command_build(args: argparse.Namespace) -> int:
    from graphbuilder.export.facts import export_facts, write_facts_jsonl
    from graphbuilder.export.rdf_files import write_rdf_files
    from graphbuilder.export.report import UNREAD_CODES, report, write_report
    from graphbuilder.rdf.validate import validate

    started = time.perf_counter()
    build = pipeline.extract_corpus(args.paths, on_file=_progress(not args.quiet))
    dataset = pipeline.build_graph(build)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    write_rdf_files(dataset, out)
    write_facts_jsonl(export_facts(dataset), out / "facts.jsonl")
    validation = None if args.no_validate else validate(dataset)
    triples = sum(1 for _ in dataset.quads((None, None, None, None)))
    write_report(report(build, triples, validation), out / "report.json")
    _print_diagnostics(build, args.quiet)
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

    build = pipeline.extract_corpus(args.paths, on_file=_progress(not args.quiet))
    write_facts_jsonl(export_facts(pipeline.build_graph(build)), Path(args.out))
    _print_diagnostics(build, args.quiet)
    return 1 if build.failed else 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="graphbuilder", description=__doc__.splitlines()[0])
    commands = main.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build graph.ttl, graph.trig, facts.jsonl, report.json")
    build.add_argument("paths", nargs="+", help="gazette files or folders")
    build.add_argument("--out", default="out", help="output folder (default: out)")
    build.add_argument("--strict", action="store_true", help="fail when a line was not understood")
    build.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    build.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no info lines")
    build.set_defaults(run=command_build)
    facts = commands.add_parser("facts", help="write the flat facts export only")
    facts.add_argument("paths", nargs="+")
    facts.add_argument("--out", required=True, help="facts.jsonl path")
    facts.add_argument("-q", "--quiet", action="store_true")
    facts.set_defaults(run=command_facts)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
