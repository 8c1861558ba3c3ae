"""Government web pages: the article without the site around it, title / number / date from the page."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuilder.documents.formats.html import read_html
from graphbuilder.documents.read import read_issue

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_三门峡市人民政府</title>{meta}</head>
<body><div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a></div>
<div class="main-box"><h1>{title}</h1>
<div class="infos"><span>发布时间：2021-01-20 10:15</span> <span>来源：市政府办公室</span></div>
<div class="content">{body}</div>
<div class="foot-info">网站标识码：4112000001 豫ICP备05008364号</div></div></body></html>"""


def page(body: str, title: str = "三门峡市人民政府关于詹传江等4人任职的通知", meta: str = "") -> bytes:
    return PAGE.format(title=title, body=body, meta=meta).encode("utf-8")


def test_notice_page_gets_its_number_and_title_back(read_rendered, seed_issue):
    """002 as a site shows it: masthead, number and title left out of the article."""
    issue, diagnostics = read_rendered("002.html")
    assert diagnostics == [] and issue.encoding == "html/utf-8" and issue.page_starts == ()
    lines = issue.text.split("\n")
    assert lines[:4] == ["三门峡市人民政府办公室关于印发2020年三门峡市重点民生实事工作方案的通知", "",
                         "三政办〔2020〕6号", ""]
    body = seed_issue("002").text.split("三门峡市人民政府办公室 关于印发2020年三门峡市重点民生实事 工作方案的通知\n\n")[1]
    assert issue.text.endswith(body.rstrip("\n") + "\n")


def test_site_furniture_is_left_out(read_rendered):
    for name in ("002.html", "003.html"):
        text = read_rendered(name)[0].text
        for furniture in ("首页", "当前位置", "网站标识码", "分享到", "相关文章", "索 引 号", "浏览次数",
                          "请输入关键字", "_hmt", "English"):
            assert furniture not in text, (name, furniture)


def test_issue_page_in_gb2312_reads_like_the_text(read_rendered, seed_issue):
    """003 as one page declared gb2312 (bytes in GB18030): lines as in the text edition, except
    the leading spaces of roster lines, which HTML does not keep."""
    issue, diagnostics = read_rendered("003.html")
    assert diagnostics == [] and issue.encoding == "html/gb18030"
    lines = [line for line in issue.text.split("\n") if line.strip()]
    seed = [line.lstrip(" ") for line in seed_issue("003").text.split("\n") if line.strip()]
    assert lines[0] == "三门峡市人民政府公报 2020年第5期"         # the page title, put first
    assert lines[1:] == seed


def test_number_and_date_from_labelled_fields_and_meta():
    body = "<p>市人民政府各部门：</p><p>经研究，决定：</p><p>任命詹传江为三门峡市财政局副局长。</p>"
    meta = '<meta name="PubDate" content="2021-01-18">'
    text = read_html(page(body + '<table><tr><td>文号：</td><td>三政任〔2021〕2号</td></tr></table>', meta=meta)).text
    assert text.split("\n\n") == ["三门峡市人民政府关于詹传江等4人任职的通知", "三政任〔2021〕2号",
                                  "市人民政府各部门：", "经研究，决定：", "任命詹传江为三门峡市财政局副局长。",
                                  "文号：\t三政任〔2021〕2号", "2021年1月20日\n"]


def test_article_date_and_number_are_not_repeated():
    body = ("<p>三政任〔2021〕2号</p><p>三门峡市人民政府关于詹传江等4人任职的通知</p>"
            "<p>任命詹传江为三门峡市财政局副局长。</p><p>2021年1月11日</p>")
    meta = '<meta name="ArticleTitle" content="三门峡市人民政府关于詹传江等4人任职的通知">'
    text = read_html(page(body, meta=meta)).text
    assert text.count("三政任〔2021〕2号") == 1 and text.count("2021年1月") == 1
    assert text.startswith("三政任〔2021〕2号\n\n三门峡市人民政府关于")


def test_breaks_paragraphs_and_spaces():
    body = "<p>组 长：安&nbsp;&nbsp;伟（市长）<br>\n  成 员：周建文（市发展改革委主任）<br><br>宋 东</p><div>附件</div>"
    text = read_html(page(body)).text
    assert "组 长：安  伟（市长）\n成 员：周建文（市发展改革委主任）\n\n宋 东\n\n附件" in text


def test_merged_table_cells_keep_the_grid():
    body = ("<table><tr><td rowspan='2'>序号</td><td colspan='2'>目标值</td></tr>"
            "<tr><td>2020 年</td><td>2021 年</td></tr>"
            "<tr><td>1</td><td><p>人均预期</p><p>寿命</p></td><td>77.7</td></tr></table>")
    text = read_html(page(body)).text
    assert "序号\t目标值\t\n\t2020 年\t2021 年\n1\t人均预期寿命\t77.7" in text


def test_undecodable_page_is_read_with_a_warning():
    raw = page("<p>任命詹传江为三门峡市财政局副局长。</p>").replace("charset=\"utf-8\"".encode(), b"") \
        .replace("詹".encode(), b"\xff\xfe")
    extracted = read_html(raw)
    assert [d.code for d in extracted.problems] == ["GB107"]
    assert "任命\ufffd\ufffd传江" in extracted.text or "任命" in extracted.text


def test_html_named_txt_is_sniffed(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_bytes(page("<p>任命詹传江为三门峡市财政局副局长。</p>"))
    issue, diagnostics = read_issue(path)
    assert [d.code for d in diagnostics] == ["GB110"]
    assert "content is HTML, not text" in diagnostics[0].message
    assert "任命詹传江为三门峡市财政局副局长。" in issue.text and "<p>" not in issue.text


PARAGRAPH = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=40)


BARE = ('<html><body><div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>'
        '<div id="zoom">{body}</div><div class="footer">主办：三门峡市人民政府办公室</div></body></html>')


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blocks=st.lists(st.lists(PARAGRAPH, min_size=1, max_size=4), min_size=1, max_size=8))
def test_paragraphs_and_line_breaks_round_trip(make_fixtures, blocks):
    text = "\n\n".join("\n".join(lines) for lines in blocks)
    body = make_fixtures.html_body(make_fixtures.blocks_of(text))
    assert read_html(BARE.format(body=body).encode("utf-8")).text == text + "\n"
