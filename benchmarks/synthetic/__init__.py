"""Synthetic gazettes of a chosen size, whose facts are known: a corpus for scale benchmarks.

Issues look like the seeds (contents, masthead, numbered notices): personnel notices,
rosters of leading groups and headquarters, task divisions with their unit lists,
honour lists and policy prose, with the seeds' untidiness (spaced names, page headers
inside lists, implicit 市 in unit lists, wrapped titles and clauses). Each notice's
facts are written beside it in the facts schema (``shared/facts-schema.md``), so
``shared/eval/score.py`` scores a build of the corpus.

    generate_corpus(Path("corpus-10MB"), 10_000_000, seed=1)

writes ``gazettes/*.txt`` (one file per issue), ``gold/*.jsonl`` (the planted facts of
each issue) and ``manifest.json``. The same seed gives the same bytes, and a smaller
corpus is the first issues of a larger one.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from synthetic.issue import issue_name, make_issue

__all__ = ["Corpus", "generate_corpus", "make_issue"]
VERSION = 2          # bump when the generator changes what it writes: cached corpora are then remade


@dataclass(frozen=True)
class Corpus:
    root: Path
    seed: int
    size: int            # requested bytes
    bytes: int           # bytes written (UTF-8 text of all issues)
    issues: int
    facts: dict[str, int]

    @property
    def gazettes(self) -> Path:
        return self.root / "gazettes"

    @property
    def gold(self) -> Path:
        return self.root / "gold"


def generate_corpus(root: Path, size: int, seed: int = 1) -> Corpus:
    """Write issues until ``size`` bytes of text; reuse a finished corpus of the same seed and size."""
    root = Path(root)
    manifest = root / "manifest.json"
    if manifest.is_file():
        found = json.loads(manifest.read_text(encoding="utf-8"))
        if found.get("seed") == seed and found.get("size") == size and found.get("version") == VERSION:
            return Corpus(root, seed, size, found["bytes"], found["issues"], found["facts"])
    for folder in ("gazettes", "gold"):
        (root / folder).mkdir(parents=True, exist_ok=True)
        for stale in (root / folder).iterdir():
            stale.unlink()
    written, index, counts = 0, 0, Counter()
    while written < size:
        text, facts = make_issue(seed, index)
        name = issue_name(seed, index)
        data = text.encode("utf-8")
        (root / "gazettes" / f"{name}.txt").write_bytes(data)
        (root / "gold" / f"{name}.jsonl").write_text(
            "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in facts), encoding="utf-8")
        written += len(data)
        counts.update(f["type"] for f in facts)
        index += 1
    corpus = Corpus(root, seed, size, written, index, dict(sorted(counts.items())))
    fields = {k: v for k, v in asdict(corpus).items() if k != "root"}
    manifest.write_text(json.dumps({**fields, "version": VERSION}, ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    return corpus
