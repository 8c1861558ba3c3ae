"""Sorted runs (export/runs.py): pieces come back in key order, whoever wrote the run files."""
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuilder.export.runs import SortedRuns

PIECES = st.lists(st.tuples(st.integers(0, 50), st.text(max_size=8)), max_size=60)


@settings(max_examples=60, deadline=None)
@given(PIECES, PIECES, st.integers(1, 40))
def test_runs_written_elsewhere_merge_in_key_order(mine, theirs, limit):
    """Another process's finished runs, adopted, merge with this one's held and spilled pieces."""
    with tempfile.TemporaryDirectory() as folder:
        here = SortedRuns(Path(folder), "here", limit, unique=False)
        there = SortedRuns(Path(folder), "there", limit, unique=False)
        for number, (key, text) in enumerate(mine):
            here.add((key, 0, number), text)
        half = len(theirs) // 2       # added one by one, then the rest at once
        for number, (key, text) in enumerate(theirs[:half]):
            there.add((key, 1, number), text)
        rest = [((key, 1, number), text) for number, (key, text) in enumerate(theirs) if number >= half]
        there.extend(rest, sum(len(text) for _, text in rest))
        here.adopt(there.finish())
        expected = [text for _, text in sorted([((key, 0, n), t) for n, (key, t) in enumerate(mine)] +
                                               [((key, 1, n), t) for n, (key, t) in enumerate(theirs)])]
        assert list(here.merged()) == expected


def test_a_key_given_twice_is_an_error_when_keys_are_unique(tmp_path):
    runs = SortedRuns(tmp_path, "turtle", 10)
    other = SortedRuns(tmp_path, "more", 10)
    runs.add("a", "first")
    other.add("a", "again")
    runs.adopt(other.finish())
    with pytest.raises(RuntimeError, match="given twice"):
        list(runs.merged())
