"""Write a synthetic gazette corpus with its planted facts (see ``synthetic/__init__.py``).

    python benchmarks/synthetic_gazettes.py --size 10MB --seed 1 --out /tmp/corpus-10MB
    graphbuilder build /tmp/corpus-10MB/gazettes --out /tmp/out-10MB
    python ../shared/eval/score.py --gold /tmp/corpus-10MB/gold --pred /tmp/out-10MB/facts.jsonl
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import generate_corpus  # noqa: E402

UNITS = {"": 1, "KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000}


def parse_size(text: str) -> int:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(KB|MB|GB)?", text.strip().upper())
    if not match:
        raise argparse.ArgumentTypeError(f"size like 1MB, 500KB or 1000000, got {text!r}")
    return int(float(match[1]) * UNITS[match[2] or ""])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("1MB"), help="bytes of text (1MB, 10MB …)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="folder for gazettes/, gold/, manifest.json")
    args = parser.parse_args()
    corpus = generate_corpus(args.out, args.size, args.seed)
    print(f"{corpus.issues} issues, {corpus.bytes:,} bytes, facts {corpus.facts} → {corpus.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
