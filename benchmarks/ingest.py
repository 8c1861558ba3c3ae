"""PDF text extraction on Chinese gazettes: pypdf against pdfplumber, and our reader.

    .venv/bin/python benchmarks/ingest.py [--seeds 000 001 002 003 004] [--repeat 1]

Each seed is typeset as a PDF by `tests/documents/formats/make_fixtures.py` (reportlab,
WenQuanYi Micro Hei; contents with dot leaders, ruled tables, two columns in 003), which
also records the seed text set on each page. For every page, the text each method
extracts is compared with that seed text by character-level similarity
(`difflib.SequenceMatcher.ratio`, whitespace removed since every tool breaks lines its
own way; the running header, page folio and dot leaders are removed from the raw
outputs, as the comparison is about the text, not the furniture). The order of
characters counts: a two-column page read across the columns scores low.

Each seed is drawn twice: text runs in reading order, and shuffled within each page
(producers write headers last, tables by column, text boxes as created): only a
method that orders text by position is unaffected.

Methods: pypdf `extract_text()` (plain and `extraction_mode="layout"`), pdfplumber
`extract_text()`, and `graphbuilder.documents.formats.pdf.read_pdf` (pdfplumber's
characters + our layout: columns, tables, paragraphs). Speed is wall-clock seconds per
page for the whole file. Finally the facts extracted through our reader are compared
with the facts from the seed's .txt. Prints Markdown for benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import difflib
import importlib.util
import io
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "documents" / "formats" / "make_fixtures.py"
RE_FURNITURE = re.compile(r"三门峡市人民政府公报|—\s*\d+\s*—|…{2,}|\.{4,}")
RE_SPACE = re.compile(r"\s+")


def load_fixtures():
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES)
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_fixtures"] = module
    spec.loader.exec_module(module)
    return module


def flat(text: str, furniture: bool = False) -> str:
    text = RE_FURNITURE.sub("", text) if furniture else text
    return RE_SPACE.sub("", text)


def similarity(expected: str, got: str) -> float:
    return difflib.SequenceMatcher(None, expected, got, autojunk=False).ratio()


def pypdf_pages(raw: bytes, layout: bool) -> list[str]:
    import pypdf
    reader = pypdf.PdfReader(io.BytesIO(raw))
    mode = {"extraction_mode": "layout"} if layout else {}
    return [page.extract_text(**mode) or "" for page in reader.pages]


def pdfplumber_pages(raw: bytes) -> list[str]:
    import pdfplumber
    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def reader_pages(raw: bytes) -> list[str]:
    from graphbuilder.documents.formats.pdf import read_pdf
    extracted = read_pdf(raw)
    starts = list(extracted.page_starts) + [len(extracted.text)]
    return [extracted.text[a:b] for a, b in zip(starts, starts[1:])]


METHODS = {
    "pypdf extract_text": lambda raw: pypdf_pages(raw, layout=False),
    "pypdf layout mode": lambda raw: pypdf_pages(raw, layout=True),
    "pdfplumber extract_text": pdfplumber_pages,
    "graphbuilder reader (pdfplumber chars)": reader_pages,
}


def measure(fixtures, seeds: list[str], repeat: int, shuffle: bool) -> dict:
    results = {name: {"scores": [], "seconds": 0.0, "pages": 0, "two_column": [], "tables": []}
               for name in METHODS}
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            text = fixtures.seed_text(seed)
            path = Path(tmp) / f"{seed}.pdf"
            printed = fixtures.render_pdf(text, path, two_columns_from=fixtures.TWO_COLUMNS.get(seed),
                                          shuffle=shuffle)
            raw = path.read_bytes()
            table_pages = {k for k, page in enumerate(printed) if "\t" in page}
            two_column_pages = _two_column_pages(fixtures, text, seed, printed)
            for name, method in METHODS.items():
                started = time.perf_counter()
                for _ in range(repeat):
                    pages = method(raw)
                results[name]["seconds"] += (time.perf_counter() - started) / repeat
                results[name]["pages"] += len(printed)
                for k, (want, got) in enumerate(zip(printed, pages)):
                    score = similarity(flat(want, furniture=True), flat(got, furniture=True))
                    results[name]["scores"].append(score)
                    if k in two_column_pages:
                        results[name]["two_column"].append(score)
                    if k in table_pages:
                        results[name]["tables"].append(score)
                print(f"{seed} {name}: {len(printed)} pages", file=sys.stderr)
    return results


def _two_column_pages(fixtures, text: str, seed: str, printed: list[str]) -> set[int]:
    start = fixtures.TWO_COLUMNS.get(seed)
    if not start:
        return set()
    first = re.search(start, text, re.M)
    marker = flat(text[first.start():text.find("\n", first.start())]) if first else ""
    pages = [k for k, page in enumerate(printed) if marker and marker in flat(page)]
    return set(range(pages[-1], len(printed))) if pages else set()     # the last mention: not the contents


def facts_check(fixtures, seeds: list[str], shuffle: bool) -> list[tuple[str, int, int, int]]:
    """(seed, facts in the .txt, missing from the PDF, extra in the PDF) through the reader."""
    import dataclasses
    from graphbuilder.documents.read import read_issue
    from graphbuilder.documents.split import split_issue
    from graphbuilder.facts import extract
    from graphbuilder.vocab import load_vocab

    vocab = load_vocab()

    def keys(issue) -> Counter:
        documents, _ = split_issue(issue, vocab)
        out = Counter()
        for document in (d for d in documents if d.number):
            for fact in extract(document, vocab).facts:
                values = tuple((f.name, str(getattr(fact, f.name))) for f in dataclasses.fields(fact)
                               if f.name != "source")
                out[(type(fact).__name__, values, fact.source.doc, flat(fact.source.quote.replace("|", "")))] += 1
        return out

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            text_path = next((ROOT / "seeds").glob(f"{seed}_*.txt"))
            pdf_path = Path(tmp) / f"{seed}.pdf"
            fixtures.render_pdf(fixtures.seed_text(seed), pdf_path, two_columns_from=fixtures.TWO_COLUMNS.get(seed),
                                shuffle=shuffle)
            want, got = keys(read_issue(text_path)[0]), keys(read_issue(pdf_path)[0])
            rows.append((seed, sum(want.values()), sum((want - got).values()), sum((got - want).values())))
    return rows


def report(title: str, results: dict, facts: list[tuple[str, int, int, int]]) -> str:
    lines = [f"**{title}**", "",
             "| method | pages | mean similarity | min | pages exact | two-column pages | table pages | s / page |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, r in results.items():
        scores = r["scores"]
        exact = sum(score == 1.0 for score in scores)
        lines.append(f"| {name} | {r['pages']} | {statistics.mean(scores):.4f} | {min(scores):.3f} | {exact} | "
                     f"{_mean(r['two_column'])} | {_mean(r['tables'])} | {r['seconds'] / r['pages']:.3f} |")
    lines += ["", "| seed | facts in .txt | missing via our reader | extra via our reader |", "|---|---:|---:|---:|"]
    lines += [f"| {seed} | {total} | {missing} | {extra} |" for seed, total, missing, extra in facts]
    return "\n".join(lines)


def _mean(values: list[float]) -> str:
    return f"{statistics.mean(values):.4f}" if values else "–"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", nargs="+", default=["000", "001", "002", "003", "004"])
    parser.add_argument("--repeat", type=int, default=1, help="extractions per file, averaged")
    parser.add_argument("--json", help="also write the raw figures here")
    args = parser.parse_args()
    fixtures = load_fixtures()
    raw = {}
    for shuffle, title in ((False, "PDFs drawn in reading order"), (True, "PDFs drawn in shuffled order")):
        results = measure(fixtures, args.seeds, args.repeat, shuffle)
        facts = facts_check(fixtures, args.seeds, shuffle)
        print(report(title, results, facts) + "\n")
        raw[title] = {"results": results, "facts": facts}
    if args.json:
        Path(args.json).write_text(json.dumps(raw, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
