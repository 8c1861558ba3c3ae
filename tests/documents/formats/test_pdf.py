"""PDF issues: reading order (contents, tables, two columns), pages, scans and damaged files."""
from __future__ import annotations

import io
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuilder.documents.normalize import squash
from graphbuilder.documents.read import read_issue
from graphbuilder.documents.split import split_issue
from graphbuilder.facts import extract
from graphbuilder.records import Severity, page_at


def nonblank(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_one_notice_reads_back_exactly(read_rendered, seed_issue):
    """002: six pages of paragraphs split across pages, read back character for character."""
    issue, diagnostics = read_rendered("002.pdf")
    assert diagnostics == []
    assert issue.encoding == "pdf" and len(issue.page_starts) == 6
    assert issue.text == seed_issue("002").text.strip("\n") + "\n"


def test_issue_reads_in_reading_order(read_rendered, seed_issue):
    """003: contents with dot leaders, an indicator table over two pages, rosters and two
    notices in two columns come out line for line as the text edition has them."""
    issue, diagnostics = read_rendered("003.pdf")
    seed = seed_issue("003").text
    # The one difference: the font has no glyph for ₀ (PM₁₀), so the PDF has none either.
    assert [(d.code, d.severity) for d in diagnostics] == [("GB107", Severity.WARNING)]
    assert "page 6" in diagnostics[0].message
    assert nonblank(issue.text) == nonblank(seed.replace("₀", "\ufffd"))


def test_contents_entries_keep_their_page_numbers(read_rendered):
    issue, _ = read_rendered("003.pdf")
    lines = issue.text.split("\n")
    assert "政府工作报告\t1" in lines
    # a title wrapped before the page-number column is joined again
    assert "关于三门峡市 2019 年财政预算执行情况和 2020 年 财政预算(草案)的报告(书面)\t21" in lines


def test_table_rows_are_tab_separated(read_rendered):
    issue, _ = read_rendered("003.pdf")
    lines = issue.text.split("\n")
    assert "1\t人均预期寿命（岁）\t*76.13\t76.76\t77.23\t77.7" in lines
    assert "25\t乡镇卫生院、社区卫生服务中心提供中医非药物疗法的比例 (%), 村卫生室提供中医非药物疗法的比例 (%)" \
           "\t100\t100\t100\t100" in lines


def test_honour_tables_read_as_rows(read_rendered):
    issue, _ = read_rendered("004.pdf")
    lines = issue.text.split("\n")
    assert "常见辰\t三门峡市公路事业发展中心" in lines
    assert "韩战涛\t中国建筑股份有限公司三门峡市国道三一零南移新建工程建设指挥部" in lines


def test_running_headers_and_page_numbers_are_dropped(read_rendered):
    issue, _ = read_rendered("002.pdf")
    assert "三门峡市人民政府公报" not in issue.text
    assert not [line for line in issue.text.split("\n") if line.strip(" —").isdigit()]


@pytest.mark.parametrize("seed", ["002", "003", "004"])
def test_page_of_every_fact_is_the_page_it_is_printed_on(read_rendered, rendered, vocab, seed):
    """The part of each quote before the next page starts is printed on the fact's page."""
    issue, _ = read_rendered(f"{seed}.pdf")
    printed = [squash(text) for text in json.loads(rendered[f"{seed}.pages.json"].read_text("utf-8"))]
    assert len(printed) == len(issue.page_starts)
    documents, _ = split_issue(issue, vocab)
    pages = set()
    for document in (d for d in documents if d.number):
        for fact in extract(document, vocab).facts:
            page = document.page_of(fact.source.start)
            assert page == page_at(issue.page_starts, fact.source.start) >= 1
            stop = issue.page_starts[page] if page < len(issue.page_starts) else len(issue.text)
            on_page = squash(issue.text[fact.source.start:min(fact.source.end, stop)]).replace("\ufffd", "₀")
            assert on_page in printed[page - 1], (page, fact.source.quote)
            pages.add(page)
    assert len(pages) > 3


def test_page_starts(read_rendered):
    issue, _ = read_rendered("003.pdf")
    starts = issue.page_starts
    assert starts[0] == 0 and list(starts) == sorted(starts) and starts[-1] < len(issue.text)
    assert page_at(starts, 0) == 1 and page_at(starts, len(issue.text) - 1) == len(starts) == 47


def test_scan_has_no_text_layer(rendered):
    issue, diagnostics = read_issue(rendered["scan.pdf"])
    assert issue is None
    assert [(d.code, d.severity) for d in diagnostics] == [("GB108", Severity.ERROR)]
    assert str(diagnostics[0]).startswith(f"{rendered['scan.pdf']}: GB108 error: no text layer: 2 of 2 page(s)")
    assert "OCR" in diagnostics[0].message


def test_scanned_page_inside_a_text_pdf_is_named(rendered, tmp_path):
    import pypdf
    writer = pypdf.PdfWriter()
    writer.append(str(rendered["002.pdf"]), pages=(0, 2))
    writer.append(str(rendered["scan.pdf"]), pages=(0, 1))
    writer.append(str(rendered["002.pdf"]), pages=(2, 6))
    path = tmp_path / "mixed.pdf"
    writer.write(str(path))
    issue, diagnostics = read_issue(path)
    assert [(d.code, d.severity) for d in diagnostics] == [("GB108", Severity.WARNING)]
    assert "page(s) 3 have no text layer" in diagnostics[0].message
    assert len(issue.page_starts) == 7 and issue.page_starts[2] == issue.page_starts[3]
    assert "（主要责任单位：市残联；" in issue.text


def test_encrypted_and_damaged_pdfs(rendered, tmp_path):
    import pypdf
    raw = rendered["002.pdf"].read_bytes()
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(raw))
    writer.encrypt("secret")
    locked, cut, junk = tmp_path / "locked.pdf", tmp_path / "cut.pdf", tmp_path / "junk.pdf"
    writer.write(str(locked))
    cut.write_bytes(raw[: len(raw) // 2])
    junk.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    for path, words in ((locked, "needs a password"), (cut, "damaged PDF"), (junk, "damaged PDF")):
        issue, diagnostics = read_issue(path)
        assert issue is None and [d.code for d in diagnostics] == ["GB109"], diagnostics
        assert words in diagnostics[0].message and diagnostics[0].path == str(path)


# --- round trips of generated text ------------------------------------------------------

HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
MARKS = st.sampled_from(list("，。、；：（）《》“”") + list("0123456789"))
WORD = st.text(st.one_of(HANZI, HANZI, HANZI, MARKS), min_size=1, max_size=12)


@st.composite
def paragraphs(draw) -> str:
    """A gazette-like text: long paragraphs, and blocks of short lines (rosters). It opens
    with a paragraph of a few full lines, as any notice does: without one, a page of
    one-line paragraphs shows neither margins nor line pitch (one line under another
    and one paragraph under another look the same)."""
    blocks = [draw(st.text(HANZI, min_size=90, max_size=200))]
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            words = draw(st.lists(WORD, min_size=1, max_size=12))
            blocks.append(draw(st.sampled_from(["", " "])).join(words).strip() or "空")
        else:   # lines of a block, shorter than a column so none looks wrapped
            lines = draw(st.lists(st.text(HANZI, min_size=2, max_size=14), min_size=2, max_size=5))
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=int(os.environ.get("GB_PDF_EXAMPLES", 8)), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=paragraphs(), columns=st.booleans())
def test_generated_text_round_trips(make_fixtures, tmp_path, text, columns):
    """Paragraph and line breaks survive typesetting, in one or two columns
    (GB_PDF_EXAMPLES=200 for a longer search)."""
    path = tmp_path / "generated.pdf"
    make_fixtures.render_pdf(text, path, two_columns_from="" if columns else None)
    issue, diagnostics = read_issue(path)
    assert diagnostics == []
    assert issue.text == text


def test_drawing_order_does_not_matter(make_fixtures, seed_issue, tmp_path):
    """Text runs written in shuffled order on each page read back the same: the reader
    orders by position, not by the content stream."""
    path = tmp_path / "shuffled.pdf"
    make_fixtures.render_pdf(seed_issue("002").text, path, shuffle=True)
    issue, diagnostics = read_issue(path)
    assert diagnostics == [] and issue.text == seed_issue("002").text.strip("\n") + "\n"
