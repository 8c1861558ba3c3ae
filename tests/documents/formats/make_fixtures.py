"""Render seed gazettes the way they reach analysts: PDF issues, government web pages, Word files.

    python tests/documents/formats/make_fixtures.py OUT_DIR [SEED ...]

* PDF (reportlab, WenQuanYi Micro Hei from Debian's ``fonts-wqy-microhei``): A4, running
  header with a rule and a ``— n —`` page footer, paragraphs with a first-line indent and
  a gap after them, lines of one block (rosters) one under the other, the contents with
  dot leaders, tab-separated blocks and markdown tables as ruled tables, and an optional
  stretch of the issue set in two columns.
* HTML: the page of a city government site (navigation, breadcrumbs, 文号 / 发布日期
  fields, share bar, related links, footer), either one notice with its number and
  title moved into the page header, or a whole issue in the article body.
* DOCX (python-docx): a paragraph per block, soft line breaks inside a block, tables
  for tab-separated blocks, contents entries with a tab before the page number.
* A scanned page: the text drawn into an image, embedded without a text layer.

Blocks are the seed's blank-line separated groups of lines, so each format carries
the structure the plain text has, and the readers are expected to give it back. The
PDF typesetting lives in `typeset_pdf.py`.
"""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))    # run as a script or loaded by path
from typeset_pdf import Block, blocks_of, render_pdf, render_scan_pdf  # noqa: E402

__all__ = ["Block", "blocks_of", "render_pdf", "render_scan_pdf", "render_html", "html_body",
           "render_docx", "seed_text", "make_all", "TWO_COLUMNS"]

RE_NUMBER_LINE = re.compile(r"^\S{1,10}〔\d{4}〕\d{1,4}号$")


# --- HTML -----------------------------------------------------------------------------

PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_政策文件_三门峡市人民政府</title>
<meta name="SiteName" content="三门峡市人民政府">
<meta name="ColumnName" content="政策文件">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{published} 09:30">
<link rel="stylesheet" href="/css/style.css">
<script>var _hmt = _hmt || []; window.onload = function () {{ document.title += ""; }};</script>
</head>
<body>
<div class="top-bar"><span>今天是：{published}</span><a href="/">无障碍</a><a href="/en">English</a></div>
<div class="header">
  <div class="logo"><img src="/images/logo.png" alt="三门峡市人民政府"><span>三门峡市人民政府</span></div>
  <div class="search"><form action="/search"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div>
  <ul class="nav">
    <li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwfw">政务服务</a></li>
    <li><a href="/hdjl">互动交流</a></li><li><a href="/zjsmx">走进三门峡</a></li>
  </ul>
</div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zwgk/zcwj">政策文件</a></div>
<div class="main">
  <div class="sidebar">
    <h3>政策文件</h3>
    <ul><li><a href="/zwgk/szf">市政府文件</a></li><li><a href="/zwgk/szfb">市政府办公室文件</a></li>
        <li><a href="/zwgk/rsrm">人事任免</a></li><li><a href="/zwgk/gb">政府公报</a></li></ul>
  </div>
  <div class="article">
    <table class="xxgk-info">
      <tr><td class="label">索 引 号：</td><td>11411200005574185Q/2020-00{index}</td>
          <td class="label">主题分类：</td><td>综合政务</td></tr>
      <tr><td class="label">发布机构：</td><td>{issuer}</td><td class="label">成文日期：</td><td>{written}</td></tr>
      <tr><td class="label">文　　号：</td><td>{number}</td><td class="label">发布日期：</td><td>{published}</td></tr>
    </table>
    <h1 class="article-title">{title}</h1>
    <div class="article-meta">发布时间：{published} 来源：{issuer} 浏览次数：1024
      【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】 【<a href="#">打印</a>】</div>
    <div id="zoom" class="TRS_Editor">
{body}
    </div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
    <div class="related"><h3>相关文章</h3><ul>
      <li><a href="/a/1.html">三门峡市人民政府关于印发三门峡市促进外资增长的实施意见的通知</a><span>2019-01-11</span></li>
      <li><a href="/a/2.html">三门峡市人民政府办公室关于成立三门峡市脱贫攻坚普查工作领导小组的通知</a><span>2020-06-11</span></li>
    </ul></div>
  </div>
</div>
<div class="footer">
  <p><a href="/about">关于我们</a> | <a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p>
  <p>主办：三门峡市人民政府办公室　承办：三门峡市政务服务和大数据管理局</p>
  <p>网站标识码：4112000001　豫ICP备05008364号　豫公网安备 41120202000123号</p>
  <p>地址：三门峡市崤山路47号　电话：0398-2852172</p>
</div>
<script src="/js/stat.js"></script>
</body>
</html>
"""


def html_body(blocks: list[Block]) -> str:
    """The article body as a CMS writes it: <p> per block, <br> inside, tables for tabs."""
    out = []
    for block in blocks:
        if block.kind == "text":
            lines = "<br>\n".join(html.escape(line).replace("  ", " &nbsp;") for line in block.lines)
            out.append(f'<p style="text-indent: 2em;">{lines}</p>')
        else:
            rows = block.rows if block.kind == "table" else [line.split("\t") for line in block.lines]
            cells = "\n".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
                              for row in rows)
            out.append(f'<table border="1" cellspacing="0">\n<tbody>\n{cells}\n</tbody>\n</table>')
    return "\n".join(out)


def render_html(text: str, path: Path, title: str, number: str, written: str, published: str,
                issuer: str = "三门峡市人民政府办公室", notice_header_lines: int = 0,
                charset: str = "utf-8") -> None:
    """A notice page; `notice_header_lines` leading blocks (masthead, number, title) are left
    out of the body, as sites show them in the page header instead."""
    blocks = blocks_of(text)[notice_header_lines:]
    page = PAGE_TEMPLATE.format(charset=charset, title=html.escape(title), number=html.escape(number),
                                written=written, published=published, issuer=issuer,
                                index=len(text) % 1000, body=html_body(blocks))
    path.write_bytes(page.encode("gb18030" if charset.lower() in ("gbk", "gb2312", "gb18030") else charset))


# --- DOCX -----------------------------------------------------------------------------

def render_docx(text: str, path: Path) -> None:
    """A Word file as a clerk types it: one paragraph per block, Shift+Enter inside."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "仿宋"
    document.styles["Normal"].font.size = Pt(14)
    for block in blocks_of(text):
        if block.kind == "table":
            rows = block.rows
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for row, cells in zip(table.rows, rows):
                for cell, value in zip(row.cells, cells):
                    cell.text = value
            document.add_paragraph()
            continue
        paragraph = document.add_paragraph()
        for index, line in enumerate(block.lines):
            if index:
                paragraph.add_run().add_break()
            title, tab, page = line.partition("\t") if block.kind == "toc" else (line, "", "")
            paragraph.add_run(title)
            if tab:
                paragraph.add_run().add_tab()
                paragraph.add_run(page)
    document.core_properties.title = "三门峡市人民政府公报"
    document.save(str(path))


# --- the fixture set ------------------------------------------------------------------

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def notice_head(text: str) -> tuple[str, str, int]:
    """(title, number, blocks before the body) of a single-notice seed such as 002."""
    blocks = blocks_of(text)
    for index, block in enumerate(blocks[:4]):
        if RE_NUMBER_LINE.match(block.lines[0].replace(" ", "")):
            title_block = blocks[index + 1] if index + 1 < len(blocks) else blocks[index - 1]
            return title_block.lines[0], block.lines[0], index + 2
    raise ValueError("no document number line in the first blocks")


# Stretches of each seed set in two columns: the last two roster notices of 003.
TWO_COLUMNS = {"003": r"^三门峡市人民政府办公室 关于成立三门峡市脱贫攻坚普查工作"}


def make_all(out: Path, seeds: tuple[str, ...] = ("002", "003")) -> dict[str, Path]:
    """Every fixture file for `seeds`, written under `out`; returns name -> path."""
    out.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}
    for prefix in seeds:
        text = seed_text(prefix)
        made[f"{prefix}.pdf"] = out / f"{prefix}.pdf"
        pages = render_pdf(text, made[f"{prefix}.pdf"], two_columns_from=TWO_COLUMNS.get(prefix))
        made[f"{prefix}.pages.json"] = out / f"{prefix}.pages.json"      # seed text set on each page
        made[f"{prefix}.pages.json"].write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
        made[f"{prefix}.docx"] = out / f"{prefix}.docx"
        render_docx(text, made[f"{prefix}.docx"])
        made[f"{prefix}.html"] = out / f"{prefix}.html"
        if prefix == "002":          # one notice per page: number and title in the page header
            title, number, skip = notice_head(text)
            render_html(text, made[f"{prefix}.html"], title=title.replace(" ", ""), number=number,
                        written="2020-03-25", published="2020-03-27", notice_header_lines=skip)
        else:                        # a whole issue on one page, in the encoding many sites still use
            render_html(text, made[f"{prefix}.html"], title="三门峡市人民政府公报 2020年第5期", number="",
                        written="2020-06-11", published="2020-06-15", issuer="三门峡市人民政府",
                        charset="gb2312")
    made["scan.pdf"] = out / "scan.pdf"
    render_scan_pdf(seed_text("002"), made["scan.pdf"])
    return made


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for name, path in make_all(Path(sys.argv[1]), tuple(sys.argv[2:]) or ("002", "003")).items():
        print(f"{name}\t{path}")
