"""`graphbuilder serve OUT`: a read-only SPARQL endpoint and query page over a build.

    graphbuilder serve out/ --port 7878            # http://127.0.0.1:7878/
    graphbuilder serve out/ --store ~/gb-store     # keep the on-disk store between runs

Binds 127.0.0.1 unless ``--host`` says otherwise. Exit 1 when the build cannot be read.
"""
from __future__ import annotations

import argparse
import gc
import shutil
import signal
import sys
import tempfile
from pathlib import Path


def prepare_store(out: Path, store_dir: Path) -> None:
    """Load (or reuse) the on-disk store, then let go of it: the workers open it read-only."""
    from graphbuilder.query.store import open_output

    store = open_output(out, store_dir)
    del store
    gc.collect()


def stop_on_sigterm(signum, frame) -> None:
    raise KeyboardInterrupt


def command_serve(args: argparse.Namespace) -> int:
    from graphbuilder.query.serve import Limits, describe, make_server
    from graphbuilder.query.store import StoreError

    temporary = args.store is None
    store_dir = Path(tempfile.mkdtemp(prefix="graphbuilder-serve-")) if temporary else Path(args.store)
    limits = Limits(timeout=args.timeout, max_rows=args.max_rows)
    server = None
    try:
        prepare_store(Path(args.out), store_dir)
        server = make_server(store_dir, args.host, args.port, limits, args.workers)
        print(describe(server, limits), file=sys.stderr, flush=True)
        signal.signal(signal.SIGTERM, stop_on_sigterm)
        server.serve_forever()
    except (FileNotFoundError, StoreError, RuntimeError) as error:
        print(f"graphbuilder serve: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"graphbuilder serve: cannot listen on {args.host}:{args.port} ({error.strerror or error})",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("graphbuilder serve: stopped", file=sys.stderr)
    finally:
        if server is not None:
            server.pool.close()
            server.server_close()
        if temporary:
            shutil.rmtree(store_dir, ignore_errors=True)
    return 0


def register(commands) -> None:
    serve = commands.add_parser("serve", help="serve a build as a read-only SPARQL endpoint with a query page",
                                description=__doc__.split("\n\n")[0])
    serve.add_argument("out", nargs="?", default="out", help="the build folder (default: out)")
    serve.add_argument("--port", type=int, default=7878, help="port (default 7878; 0 picks a free one)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    serve.add_argument("--store", metavar="DIR", help="on-disk store to (re)use (default: a temporary one)")
    serve.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default 10)")
    serve.add_argument("--max-rows", type=int, default=10_000, help="rows or triples per answer (default 10000)")
    serve.add_argument("--workers", type=int, default=2, help="query worker processes (default 2)")
    serve.set_defaults(run=command_serve)
