"""A build holds what it extracted, not what it read: text without facts adds next to nothing.

The corpus is extracted twice in one process (``workers=1``, where a kept text would
stay in this very process): as it is, and with a dozen files of policy prose that hold
no fact. tracemalloc counts what the Build still holds after each; the prose may add a
small record per document, never its text.
"""
import gc
import random
import shutil
import tracemalloc

from synthetic.duties import DATE_LINE, policy_document

from graphbuilder import pipeline

PROSE_FILES, PROSE_CHARS = 12, 25_000


def write_prose(folder, seed: int = 1) -> int:
    """Files of numbered policy documents (named to sort before the corpus); bytes written."""
    rng, written = random.Random(seed), 0
    for k in range(PROSE_FILES):
        lines: list[str] = []
        while sum(map(len, lines)) < PROSE_CHARS:
            doc = policy_document(rng)
            body = ["2030年3月1日" if line == DATE_LINE else line for line in doc.body]
            lines += [doc.heading, "", f"{doc.prefix}〔2030〕{k * 100 + len(lines)}号", *body, "", ""]
        data = "\n".join(lines).encode("utf-8")
        (folder / f"0-prose-{k:02d}.txt").write_bytes(data)
        written += len(data)
    return written


def held_after_extraction(folder):
    """(bytes the returned Build holds, the Build)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        build = pipeline.extract_corpus([folder], workers=1)
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before, build
    finally:
        tracemalloc.stop()


def test_text_without_facts_is_not_held(corpus, tmp_path):
    padded = tmp_path / "padded"
    shutil.copytree(corpus.gazettes, padded)
    added = write_prose(padded)
    pipeline.extract_corpus([corpus.gazettes], workers=1)          # vocabulary and spaCy loaded first
    plain_held, plain = held_after_extraction(corpus.gazettes)
    padded_held, more = held_after_extraction(padded)
    prose_documents = len(more.results) - len(plain.results)
    assert prose_documents >= PROSE_FILES and more.fact_counts() == plain.fact_counts()
    assert all(r.document.text == "" for r in more.results)
    # The prose is `added` bytes of UTF-8, about 2/3 of that as Python strings:
    # holding it would add at least that much; a document's record is well under 2 KB.
    assert padded_held - plain_held < min(added / 5, 2_000 * prose_documents), \
        (padded_held - plain_held, added, prose_documents)
