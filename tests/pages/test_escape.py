"""Text from documents is escaped everywhere it lands: template text, attributes, script JSON."""
import json
import re

from hypothesis import given, strategies as st
from jinja2 import Environment

from graphbuilder.pages.corpus import Evidence
from graphbuilder.pages.model import Link, Page, Table
from graphbuilder.pages.network import Fact, NetworkBuilder
from graphbuilder.pages.render import environment, render_page, script_json

HOSTILE = '张"</script><script>window.gbPwned=1</script><!--<img src=x onerror="window.gbPwned=2">\'&amp;'
RE_SCRIPT_BLOCK = re.compile(r'<script type="application/json" id="gb-network-data">(.*?)</script>', re.S)


def test_script_json_leaves_no_markup_and_round_trips():
    text = script_json({"name": HOSTILE, "sep": "\u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text) == {"name": HOSTILE, "sep": "\u2028\u2029"}


@given(st.text())
def test_script_json_round_trips_any_text(value):
    text = script_json([value, {"k": value}])
    assert json.loads(text) == [value, {"k": value}]
    assert not re.search(r"[<>&\u2028\u2029]", text)


def hostile_page() -> Page:
    builder = NetworkBuilder()
    evidence = Evidence("三政〔2020〕2号", "2020-01-21", HOSTILE, 7)
    builder.node("a", HOSTILE, "person", fact=Fact(HOSTILE, evidence), is_subject=True)
    builder.node("b", "组", "group", href="group/0123456789abcdef.html")
    builder.edge("a", "b", "member", label=HOSTILE, fact=Fact(HOSTILE, evidence))
    return Page(path="person/0123456789abcdef.html", title=HOSTILE, kind="person", subtitle=HOSTILE,
                iri="https://w3id.org/graphbuilder/id/person/0123456789abcdef",
                figures=((HOSTILE, HOSTILE),), links=(Link(HOSTILE, "index.html"),),
                network=builder.build(note=HOSTILE),
                tables=(Table(HOSTILE, (HOSTILE,), ((HOSTILE,), (Link(HOSTILE, "group/0123456789abcdef.html"),))),))


def test_rendered_page_has_no_markup_from_the_text():
    html = render_page(environment(), hostile_page())
    assert "<img" not in html
    assert "gbPwned" in html                       # the text is there, as text
    assert html.count("<script") == 5              # the JSON block and the four shipped scripts
    assert re.findall(r'<script src="([^"]+)"', html) == [
        "../search-index.js", "../static/search.js", "../lib/vis-network.min.js", "../static/network.js"]
    assert "&lt;/script&gt;" in html and "&#34;" in html and "&lt;!--" in html


def test_network_json_block_holds_the_text_exactly():
    html = render_page(environment(), hostile_page())
    block = RE_SCRIPT_BLOCK.search(html).group(1)
    data = json.loads(block)
    subject = data["nodes"][0]
    assert subject["tip"]["title"] == HOSTILE
    assert subject["tip"]["facts"] == [[HOSTILE, "三政〔2020〕2号", "2020-01-21", HOSTILE, 7]]
    assert data["edges"][0]["label"] == HOSTILE
    assert "title" not in subject                  # vis-network never gets an HTML-capable title


def test_environment_autoescapes_every_template():
    env = environment()
    assert isinstance(env, Environment) and env.autoescape is True
    assert env.from_string("{{ x }}").render(x=HOSTILE).count("<") == 0
