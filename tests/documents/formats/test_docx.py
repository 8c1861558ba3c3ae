"""Word files: paragraphs and tables in document order, merged cells, soft line breaks."""
from __future__ import annotations

import io

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuilder.documents.formats.docx import read_docx


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_issue_reads_like_the_text(read_rendered, seed_issue):
    issue, diagnostics = read_rendered("003.docx")
    assert diagnostics == [] and issue.encoding == "docx" and issue.page_starts == ()
    assert issue.text == seed_issue("003").text.strip("\n").replace("\n\n\n\n", "\n\n") + "\n"


def test_paragraphs_and_tables_in_document_order():
    document = docx.Document()
    document.add_paragraph("三门峡市人民政府关于对全市财税系统予以嘉奖的决定")
    document.add_paragraph("")                            # spacing typed with Enter
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("常见辰", "三门峡市公路事业发展中心"), ("周 鹏", "三门峡市公路事业发展中心")]):
        for cell, value in zip(row.cells, cells):
            cell.text = value
    paragraph = document.add_paragraph("组 长：安 伟（市长）")
    paragraph.add_run().add_break()
    paragraph.add_run("成 员：周建文（市发展改革委主任）")
    text = read_docx(saved(document)).text
    assert text == ("三门峡市人民政府关于对全市财税系统予以嘉奖的决定\n\n"
                    "常见辰\t三门峡市公路事业发展中心\n周 鹏\t三门峡市公路事业发展中心\n\n"
                    "组 长：安 伟（市长）\n成 员：周建文（市发展改革委主任）\n")


def test_merged_cells_are_written_once():
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "序号"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "目标值"
    table.cell(1, 1).text, table.cell(1, 2).text = "2020 年", "2021 年"
    table.cell(2, 0).text, table.cell(2, 2).text = "1", "77.7"
    table.cell(2, 1).text = "人均预期"
    table.cell(2, 1).add_paragraph("寿命")
    text = read_docx(saved(document)).text
    assert text == "序号\t目标值\t\n\t2020 年\t2021 年\n1\t人均预期寿命\t77.7\n"


def test_empty_document_has_no_text():
    assert read_docx(saved(docx.Document())).text == ""


LINE = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=30)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blocks=st.lists(st.lists(LINE, min_size=1, max_size=4), min_size=1, max_size=6))
def test_blocks_round_trip(make_fixtures, tmp_path, blocks):
    text = "\n\n".join("\n".join(lines) for lines in blocks) + "\n"
    path = tmp_path / "generated.docx"
    make_fixtures.render_docx(text, path)
    assert read_docx(path.read_bytes()).text == text
