"""Run one function over many files, results in file order: here, in a process pool, or on Dask.

The per-file work of a build (read, split, extract) needs nothing from other files, so
files can be spread over processes or machines; the caller merges results in the
order the files were named, which makes the build identical whatever ran it.

- ``workers=1``: in this process, one file after another.
- ``workers=N``: N forked processes. The parent loads the vocabulary and the spaCy
  pipeline first (``warm``), so each worker inherits them instead of building its own.
- ``scheduler=ADDRESS``: tasks on a Dask cluster (``distributed``); the workers must
  see the files at the paths given (a shared file system) and have graphbuilder
  installed. Results are fetched in file order and released as they are taken.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from itertools import islice
from pathlib import Path
from typing import Callable, Iterator, Sequence, TypeVar

Result = TypeVar("Result")
_SHARED: tuple = ()          # arguments every call in a worker process receives after the file
TASKS_AHEAD = 2              # tasks queued per worker beyond the one it runs


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:               # not on Linux
        return os.cpu_count() or 1


def map_in_order(function: Callable[..., Result], files: Sequence, *shared, workers: int = 1,
                 scheduler: str | None = None, warm: Callable[[], object] | None = None) -> Iterator[Result]:
    """``function(file, *shared)`` for each file (a path, or what ``function`` takes), in file order.

    ``function`` and ``shared`` must pickle (a module-level function, plain data).
    """
    if scheduler:
        yield from _on_dask(function, files, shared, scheduler)
    elif workers > 1 and len(files) > 1:
        yield from _in_pool(function, files, shared, min(workers, len(files)), warm)
    else:
        for path in files:
            yield function(path, *shared)


class Beside:
    """``function(*args)`` run in a forked process while this one goes on (with ``workers``
    of 1, here and now): work the caller does not need until later, such as writing files
    or counting what it will add at the end, fills the cores its own pool leaves idle.
    The process inherits ``args`` (nothing is pickled on the way in); :meth:`join` waits
    for it and gives back what ``function`` returned (pickled on the way out).

    A process blocks sending a value larger than the pipe holds until it is read, keeping
    all its memory: a caller that goes on for long calls :meth:`poll` now and then."""

    def __init__(self, function: Callable[..., Result], *args, workers: int = 1):
        self.name = getattr(function, "__qualname__", repr(function))
        self.process, self.value, self.received = None, None, True
        if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self.receiver, sender = context.Pipe(duplex=False)
            self.process = context.Process(target=_send_back, args=(sender, function, args), daemon=True)
            self.process.start()
            sender.close()
            self.received = False
        else:
            self.value = function(*args)

    def poll(self) -> None:
        """Take the value if the process has begun sending it, so that the process can end."""
        if not self.received and self.receiver.poll():
            self.receive()

    def receive(self) -> None:
        try:
            self.value = self.receiver.recv()
        except EOFError:                        # it failed: join() says so
            self.value = None
        self.received = True
        self.receiver.close()

    def join(self):
        if self.process is None:
            return self.value
        if not self.received:
            self.receive()                      # before joining: a large value fills the pipe
        self.process.join()
        if self.process.exitcode != 0:
            raise RuntimeError(f"{self.name} failed in process {self.process.pid} "
                               f"(exit code {self.process.exitcode}); its traceback is above")
        return self.value


def _send_back(sender, function: Callable, args: tuple) -> None:
    sender.send(function(*args))
    sender.close()


def _share(shared: tuple) -> None:
    global _SHARED
    _SHARED = shared


def _call(function: Callable[..., Result], item) -> Result:
    return function(item, *_SHARED)


def _in_pool(function, files: Sequence, shared: tuple, workers: int, warm) -> Iterator:
    """Results in order, with at most ``TASKS_AHEAD`` tasks a worker submitted ahead: a
    pool's ``imap`` takes every task at once, and results the caller has not yet taken
    (rendered graphs, extracted files) would pile up in memory."""
    if warm is not None:
        warm()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(workers, initializer=_share, initargs=(shared,)) as pool:
        items = iter(files)
        pending = deque(pool.apply_async(_call, (function, item))
                        for item in islice(items, workers * TASKS_AHEAD))
        while pending:
            result = pending.popleft().get()
            pending.extend(pool.apply_async(_call, (function, item)) for item in islice(items, 1))
            yield result


def _on_dask(function, files: Sequence, shared: tuple, scheduler: str) -> Iterator:
    from distributed import Client

    with Client(scheduler, set_as_default=False) as client:
        scattered = [client.scatter(value, broadcast=True) for value in shared]
        futures = [client.submit(function, item, *scattered, key=f"{function.__name__}-{k:06d}")
                   for k, item in enumerate(files)]
        for future in futures:
            result = future.result()
            future.release()
            yield result
