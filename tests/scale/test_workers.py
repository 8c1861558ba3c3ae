"""Extraction in a process pool gives the build one process gives, byte for byte; text is released."""
from pathlib import Path

from graphbuilder import pipeline
from graphbuilder.cli import main

OUTPUTS = ("graph.ttl", "graph.trig", "facts.jsonl", "report.json")


def test_two_workers_write_the_same_files(corpus, single_build, tmp_path):
    assert main(["build", str(corpus.gazettes), "--out", str(tmp_path), "-q", "--workers", "2"]) == 0
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (single_build / name).read_bytes(), name


def test_pool_build_equals_single_process_build(corpus):
    one = pipeline.extract_corpus([corpus.gazettes], workers=1)
    two = pipeline.extract_corpus([corpus.gazettes], workers=2)
    assert one.issues == two.issues and one.diagnostics == two.diagnostics
    assert [(r.document, r.facts, r.diagnostics, r.coverage) for r in one.results] == \
           [(r.document, r.facts, r.diagnostics, r.coverage) for r in two.results]


def test_documents_keep_no_text_after_extraction(corpus):
    """What a build holds grows with its facts, not with the text it read."""
    build = pipeline.extract_corpus([corpus.gazettes], workers=2)
    assert build.results and all(r.document.text == "" for r in build.results)
    facts = [f for r in build.results for f in r.facts]
    issues = {p.stem: p.read_text(encoding="utf-8") for p in Path(corpus.gazettes).iterdir()}
    by_number = {r.document.number: r.document.issue for r in build.results}
    for fact in facts[::50]:           # quotes still point into the original text
        assert issues[by_number[fact.source.doc]][fact.source.start:fact.source.end] == fact.source.quote


def test_bad_worker_count_is_a_usage_error(capsys):
    import pytest

    with pytest.raises(SystemExit) as stop:
        main(["build", "seeds", "--workers", "0"])
    assert stop.value.code == 2
    assert "number of processes" in capsys.readouterr().err


def write_marker(path: Path, pid_file: Path) -> int:
    import os

    path.write_text("written")
    pid_file.write_text(str(os.getpid()))
    return len(path.read_text())


def fail_loudly(_: Path) -> None:
    raise ValueError("the writer broke")


def test_work_beside_runs_in_another_process_and_is_joined(tmp_path):
    import os

    from graphbuilder.parallel import Beside

    beside = Beside(write_marker, tmp_path / "out.txt", tmp_path / "pid", workers=2)
    assert beside.join() == len("written")
    assert (tmp_path / "out.txt").read_text() == "written"
    assert int((tmp_path / "pid").read_text()) != os.getpid()
    assert Beside(write_marker, tmp_path / "one.txt", tmp_path / "pid", workers=1).join() == 7  # here
    assert int((tmp_path / "pid").read_text()) == os.getpid()


def test_work_beside_that_fails_fails_the_join(tmp_path):
    import pytest

    from graphbuilder.parallel import Beside

    beside = Beside(fail_loudly, tmp_path, workers=2)
    with pytest.raises(RuntimeError, match="fail_loudly failed in process"):
        beside.join()
    with pytest.raises(ValueError, match="the writer broke"):
        Beside(fail_loudly, tmp_path, workers=1)


def test_work_beside_hands_back_a_large_value(tmp_path):
    """A value larger than a pipe's buffer comes back whole (read before the process is joined)."""
    from graphbuilder.parallel import Beside

    assert Beside(list, range(300_000), workers=2).join() == list(range(300_000))


def test_records_cross_processes_whole(corpus):
    """Records pickle as their class and field values (records.Record): every field comes
    back, every type stays itself, and no record grows a __dict__."""
    import dataclasses
    import pickle

    from graphbuilder import records

    build = pipeline.extract_corpus([corpus.gazettes], workers=1)
    back = pickle.loads(pickle.dumps(build.results, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == build.results
    kinds = {type(fact) for result in back for fact in result.facts}
    assert {records.Appointment, records.Membership, records.Assignment} <= kinds
    for before, after in zip(build.results, back):
        assert [type(fact) for fact in after.facts] == [type(fact) for fact in before.facts]
        assert not any(hasattr(fact, "__dict__") or hasattr(fact.source, "__dict__") for fact in after.facts)
    frozen = [cls for cls in vars(records).values()
              if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen]
    assert frozen and all(issubclass(cls, records.Record) for cls in frozen)


def test_work_beside_ends_once_its_value_is_taken(tmp_path):
    """poll() takes a large value as soon as it is sent: the process ends before join()."""
    import time

    from graphbuilder.parallel import Beside

    beside = Beside(list, range(300_000), workers=2)
    deadline = time.monotonic() + 30
    while beside.process.is_alive() and time.monotonic() < deadline:
        beside.poll()
        time.sleep(0.01)
    assert not beside.process.is_alive()
    assert beside.join() == list(range(300_000))
