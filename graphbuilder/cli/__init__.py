"""Command line: one module per command in this package, found by name.

Each ``graphbuilder/cli/<command>.py`` module defines ``register(commands)``, which adds
its subparser to ``commands`` (argparse sub-parsers) and sets ``run`` to a function of
the parsed arguments returning the exit status. Adding a command is adding a module.

Exit status, shared by all commands: 0 success, 1 a file could not be read or an
output failed its checks (the rest is still written), 2 usage errors, 3 ``build
--strict`` with lines not understood.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="graphbuilder",
                                   description="Knowledge graph of officials, agencies, posts, "
                                               "groups and duties from Chinese government gazettes")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")):
        command = importlib.import_module(f"{__name__}.{module}")
        if hasattr(command, "register"):
            command.register(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
