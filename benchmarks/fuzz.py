"""Run the hostile-input properties of tests/reliability/ for a given time with a large budget.

    .venv/bin/python benchmarks/fuzz.py --minutes 10 [--examples 500] [--only NAME]

Each round runs every property of `tests/reliability/test_hostile_input.py` with
`--examples` fresh random examples (hypothesis profile `fuzz-long`, no example database,
so no round repeats another); rounds go on until the time is spent. A failure is printed
with hypothesis's shrunk falsifying example and the run goes on with the other properties.
The summary (examples per property, failures) is printed as a Markdown table, ready for
benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROPERTIES = ROOT / "tests" / "reliability" / "test_hostile_input.py"


def load_properties(examples: int):
    """The property module, loaded with the long profile at `examples` per call."""
    os.environ["GB_FUZZ_PROFILE"] = "fuzz-long"
    os.environ["GB_FUZZ_EXAMPLES"] = str(examples)
    spec = importlib.util.spec_from_file_location("hostile_input", PROPERTIES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fuzz(minutes: float, examples: int, only: str = "") -> int:
    module = load_properties(examples)
    tests = {name: getattr(module, name) for name in sorted(dir(module))     # the @given ones
             if name.startswith("test_") and only in name and hasattr(getattr(module, name), "hypothesis")}
    failures: dict[str, list[str]] = {}
    rounds = 0
    started = time.monotonic()
    deadline = started + 60 * minutes
    while time.monotonic() < deadline:
        rounds += 1
        for name, test in tests.items():
            if name in failures or time.monotonic() >= deadline:
                continue            # a failing property is reported once, not re-found each round
            try:
                test()
            except Exception:                                   # noqa: BLE001 — report and go on
                failures.setdefault(name, []).append(traceback.format_exc(limit=4))
                print(f"FAILED {name}\n{failures[name][-1]}", file=sys.stderr)
        spent = time.monotonic() - started
        print(f"round {rounds}: {sum(module.EXAMPLES.values())} examples in {spent:.0f}s",
              file=sys.stderr)
    summary(module.EXAMPLES, failures, time.monotonic() - started, rounds, examples)
    return 1 if failures else 0


def summary(counts, failures, seconds: float, rounds: int, examples: int) -> None:
    print(f"\n{seconds / 60:.1f} min, {rounds} rounds of {examples} examples per property "
          f"(profile fuzz-long, no example database)\n")
    print("| property | examples run | failures |")
    print("|---|---:|---:|")
    for name in sorted(counts):
        print(f"| `{name}` | {counts[name]:,} | {len(failures.get(name, []))} |")
    print(f"| **total** | **{sum(counts.values()):,}** | **{sum(map(len, failures.values()))}** |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="time budget (default 10)")
    parser.add_argument("--examples", type=int, default=500, help="examples per property per round")
    parser.add_argument("--only", default="", help="run only properties whose name contains this")
    args = parser.parse_args(argv)
    return fuzz(args.minutes, args.examples, args.only)


if __name__ == "__main__":
    sys.exit(main())
