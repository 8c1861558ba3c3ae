"""Text pieces gathered in any order and given back sorted by key, in bounded memory.

Pieces are held until ``limit`` characters, then sorted and pickled to a run file in
``folder``; :meth:`SortedRuns.merged` merges the runs (an external merge sort). The
streamed build sorts Turtle subject blocks this way, and the facts export its lines.
"""
from __future__ import annotations

import heapq
import pickle
from pathlib import Path
from typing import Iterator

RUN_CHUNK = 5_000           # pieces pickled together in a run file


class SortedRuns:
    def __init__(self, folder: Path, name: str, limit: int, unique: bool = True):
        """``unique``: a key given twice is an error (two Turtle blocks for one subject)."""
        self.folder, self.name, self.limit, self.unique = Path(folder), name, limit, unique
        self.runs: list[Path] = []
        self.held: list[tuple] = []
        self.size = 0

    def add(self, key, text: str) -> None:
        self.held.append((key, text))
        self.size += len(text)
        if self.size >= self.limit:
            self.spill()

    def extend(self, pieces: list[tuple], chars: int) -> None:
        """Many pieces at once (``chars``: the length of their texts together)."""
        self.held += pieces
        self.size += chars
        if self.size >= self.limit:
            self.spill()

    def spill(self) -> None:
        path = self.folder / f"{self.name}-run-{len(self.runs):04d}.pickle"
        self.held.sort()
        with path.open("wb") as fh:
            for start in range(0, len(self.held), RUN_CHUNK):
                pickle.dump(self.held[start:start + RUN_CHUNK], fh, protocol=pickle.HIGHEST_PROTOCOL)
        self.runs.append(path)
        self.held, self.size = [], 0

    def finish(self) -> list[Path]:
        """Spill what is held and give the run files, for another process to merge."""
        if self.held:
            self.spill()
        return self.runs

    def adopt(self, runs: list[Path]) -> None:
        """Sorted run files another process wrote (:meth:`finish`): merged with this one's."""
        self.runs += runs

    def merged(self) -> Iterator[str]:
        """Every piece in key order (run files are read a chunk at a time)."""
        self.held.sort()
        previous = None
        for key, text in heapq.merge(*(read_run(path) for path in self.runs), self.held):
            if self.unique and key == previous:
                raise RuntimeError(f"{self.name}: {key} given twice")
            previous = key
            yield text


def read_run(path: Path) -> Iterator[tuple]:
    with path.open("rb") as fh:
        while True:
            try:
                yield from pickle.load(fh)
            except EOFError:
                return
