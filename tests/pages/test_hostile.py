"""A name or quote made of markup renders as text and runs nothing, in a real browser.

The graph is built from hand-made records (a notice whose group, member, post and
quoted line are hostile), through the same triples, store and site as a real build.
Every payload would set ``window.gbPwned`` or open a dialog if it ever ran.
"""
import pytest

from graphbuilder.pages.corpus import load_corpus
from graphbuilder.pages.site import write_site
from graphbuilder.query.store import load_store
from graphbuilder.rdf.triples import build_dataset
from graphbuilder.records import Document, DocumentResult, Membership, Office, Source

NUMBER = "三政〔2099〕1号"
GROUP = '<script>window.gbPwned=1</script>"\'测试</script><!--领导小组'
PERSON = '张<img src=x onerror="window.gbPwned=2;alert(2)">三'
POST = '"><svg onload=window.gbPwned=3>市长</script>'
UNIT = '市<b onmouseover="window.gbPwned=4">气象局</b>'
QUOTE = f'组 长：{PERSON}（{POST}）<script>alert("quote")</script>'


def hostile_results() -> list[DocumentResult]:
    office_quote = f"办公室设在{UNIT}"
    text = f"{GROUP}\n{QUOTE}\n{office_quote}\n"
    document = Document(issue="hostile", path="hostile.txt", number=NUMBER, number_printed=NUMBER,
                        title=f"关于成立{GROUP}的通知", issuer="三门峡市人民政府", date="2099-01-01", section="",
                        start=0, end=len(text), text=text, first_line=1)
    start = text.index(QUOTE)
    member = Membership(group=GROUP, person=PERSON, role="组长", stated_post=POST, by_position=False,
                        qualifiers=(), source=Source(NUMBER, start, start + len(QUOTE), QUOTE, 2))
    start = text.index(office_quote)
    office = Office(group=GROUP, unit=UNIT, source=Source(NUMBER, start, start + len(office_quote), office_quote, 3))
    return [DocumentResult(document, [member, office])]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    store = load_store(build_dataset(hostile_results()))
    pages = tmp_path_factory.mktemp("hostile") / "pages"
    write_site(store, pages)
    corpus = load_corpus(store)
    return pages, corpus


def subject_of(corpus, kind):
    [subject] = corpus.of_kind(kind)
    return subject


def assert_nothing_ran(browse):
    assert browse.page.evaluate("window.gbPwned") is None
    assert browse.page.evaluate("document.querySelectorAll('img, svg:not(.gb-symbol), b').length") == 0
    scripts = browse.page.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src') || s.type)")
    assert all(s == "application/json" or not s.startswith(("http", "data")) for s in scripts)
    assert len(scripts) <= 5
    assert browse.problems() == []


def test_hostile_group_page_shows_text_and_runs_nothing(browse, hostile_site):
    pages, corpus = hostile_site
    group, person = subject_of(corpus, "group"), subject_of(corpus, "person")
    assert "<script>" in group.name and "<img" in person.name       # the graph kept the text as is
    browse.open(pages / f"group/{group.iri.rsplit('/', 1)[-1]}.html")
    state = browse.wait_for_network()
    assert state["nodes"] == 3                                      # group, member, office unit
    assert browse.page.locator("h1").inner_text() == group.name
    assert browse.page.title() == f"{group.name} · graphbuilder"
    cells = browse.page.locator("table").first.locator("td").all_inner_texts()
    assert person.name in cells and POST in cells and QUOTE in cells
    x, y = browse.node_point(person.iri)
    browse.page.mouse.move(x - 30, y - 30)
    browse.page.mouse.move(x, y, steps=5)
    tooltip = browse.page.locator("#gb-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.locator("q").first.inner_text() == QUOTE
    assert tooltip.locator("strong").inner_text() == person.name
    browse.screenshot("hostile-group.png")
    assert_nothing_ran(browse)


def test_hostile_names_in_search_and_person_page(browse, hostile_site):
    pages, corpus = hostile_site
    person = subject_of(corpus, "person")
    browse.open(pages / "index.html")
    browse.page.fill("#gb-search", "onerror")
    result = browse.page.locator("#gb-search-results a").first
    result.wait_for()
    assert result.inner_text().startswith(person.name)
    result.click()
    browse.page.wait_for_url(f"**/person/{person.iri.rsplit('/', 1)[-1]}.html")
    browse.wait_for_network()
    assert browse.page.locator("h1").inner_text() == person.name
    assert_nothing_ran(browse)


def test_hostile_agency_page(browse, hostile_site):
    pages, corpus = hostile_site
    agency = subject_of(corpus, "agency")
    browse.open(pages / f"agency/{agency.iri.rsplit('/', 1)[-1]}.html")
    browse.wait_for_network()
    assert browse.page.locator("h1").inner_text() == agency.name
    assert_nothing_ran(browse)
