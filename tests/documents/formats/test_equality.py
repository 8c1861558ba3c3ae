"""The same gazette as PDF, HTML and DOCX yields the same facts as its plain text.

Seeds 002 (one notice, 130 assignments), 003 (an issue: contents, indicator tables,
rosters, two notices set in two columns) and 004 (honour lists laid out as tables,
appointments) are rendered by `make_fixtures.py`; every fact extracted from each
rendering must equal a fact from the seed's .txt and vice versa, apart from offsets
and line numbers (`conftest.fact_key`).
"""
from __future__ import annotations

import pytest

SEEDS = ("002", "003", "004")
FORMATS = ("pdf", "html", "docx")
EXPECTED = {   # facts in each seed's text: the comparison is not between two empty sets
    "002": {"Assignment": 130, "Task": 22},
    "003": {"Assignment": 239, "Membership": 76, "Task": 33, "Group": 4, "Office": 4},
    "004": {"Assignment": 351, "Commendation": 46, "Task": 46, "Appointment": 13, "Group": 1, "Office": 1},
}


def kinds(facts) -> dict[str, int]:
    counts: dict[str, int] = {}
    for (kind, _), n in facts.items():
        counts[kind] = counts.get(kind, 0) + n
    return counts


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_text_facts(facts_of, seed):
    assert kinds(facts_of(seed)) == EXPECTED[seed]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEEDS)
def test_format_gives_the_facts_of_the_text(facts_of, seed, fmt):
    text_facts, format_facts = facts_of(seed), facts_of(f"{seed}.{fmt}")
    missing, extra = text_facts - format_facts, format_facts - text_facts
    assert not missing and not extra, (f"{seed}.{fmt}: {sum(missing.values())} facts missing, "
                                       f"{sum(extra.values())} extra; first missing: {list(missing)[:2]}; "
                                       f"first extra: {list(extra)[:2]}")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEEDS)
def test_quotes_are_spans_of_the_extracted_text(read_rendered, vocab, seed, fmt):
    """Offsets point into the text the reader produced, as they do into a .txt file."""
    from graphbuilder.documents.split import split_issue
    from graphbuilder.facts import extract

    issue, _ = read_rendered(f"{seed}.{fmt}")
    documents, _ = split_issue(issue, vocab)
    checked = 0
    for document in documents:
        if document.number:
            for fact in extract(document, vocab).facts:
                assert issue.text[fact.source.start:fact.source.end] == fact.source.quote
                checked += 1
    assert checked == sum(EXPECTED[seed].values())
