"""The seeds' pages in headless Chromium from file://: drawn, searchable, clickable, offline."""
import pytest

from graphbuilder.pages.overview import agencies_overview, groups_overview
from graphbuilder.pages.subjects import group_page, person_page

OXYGEN_GROUP = "市中国天然氧吧城市创建工作领导小组"
COUNT_NON_WHITE = """() => {
  const canvas = document.querySelector('#gb-network canvas');
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] > 0 && (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240)) painted++;
  }
  return painted;
}"""


def test_index_shows_counts_and_search_opens_a_person(browse, seed_site, seed_context, subject_named):
    browse.open(seed_site / "index.html")
    figures = browse.page.locator(".gb-figure dd").all_inner_texts()
    counts = seed_context.corpus.counts()
    assert figures == [str(counts[k]) for k in ("documents", "persons", "groups", "agencies", "tasks")]
    browse.page.fill("#gb-search", "安伟")
    results = browse.page.locator("#gb-search-results a")
    results.first.wait_for()
    assert results.first.inner_text().startswith("安伟")
    browse.screenshot("index-search.png")
    browse.page.press("#gb-search", "Enter")
    person = subject_named("安伟")
    browse.page.wait_for_url(f"**/{seed_context.href(person.iri)}")
    state = browse.wait_for_network()
    assert state["nodes"] == browse.drawn_nodes() == len(person_page(seed_context, person).network.nodes) == 6
    assert browse.page.locator("h1").inner_text() == "安伟"
    assert browse.problems() == []


def test_group_page_draws_every_member(browse, seed_site, seed_context, subject_named):
    group = subject_named(OXYGEN_GROUP)
    browse.open(seed_site / seed_context.href(group.iri))
    state = browse.wait_for_network()
    assert state["nodes"] == browse.drawn_nodes() == 22
    assert state["edges"] == len(group_page(seed_context, group).network.edges)
    positions = browse.page.evaluate("Object.keys(window.gbNetwork.getPositions()).length")
    assert positions == 22
    assert browse.page.evaluate(COUNT_NON_WHITE) > 2000          # the canvas is painted, not blank
    legend = browse.page.locator(".gb-legend").inner_text()
    assert "组长、指挥长 leader" in legend and "办公室设在 office in" in legend
    browse.screenshot("group.png")
    assert any(url.endswith("/lib/vis-network.min.js") for url in browse.requests)   # requests are seen
    assert browse.problems() == []


def test_hover_shows_the_fact_and_click_opens_the_member(browse, seed_site, seed_context, subject_named):
    group, person = subject_named(OXYGEN_GROUP), subject_named("安伟")
    browse.open(seed_site / seed_context.href(group.iri))
    browse.wait_for_network()
    x, y = browse.node_point(person.iri)
    browse.page.mouse.move(x - 30, y - 30)
    browse.page.mouse.move(x, y, steps=5)
    tooltip = browse.page.locator("#gb-tooltip")
    tooltip.wait_for(state="visible")
    text = tooltip.inner_text()
    assert "安伟" in text and "三政办文〔2020〕2号 · 2020-01-21" in text and "安 伟（市长）" in text
    browse.screenshot("group-tooltip.png")
    browse.page.mouse.click(x, y)
    browse.page.wait_for_url(f"**/{seed_context.href(person.iri)}")
    browse.wait_for_network()
    assert browse.problems() == []


@pytest.mark.parametrize("name, build", [("groups.html", groups_overview), ("agencies.html", agencies_overview)])
def test_overview_networks_draw(browse, seed_site, seed_context, name, build):
    browse.open(seed_site / name)
    state = browse.wait_for_network()
    expected = build(seed_context).network
    assert state["nodes"] == browse.drawn_nodes() == len(expected.nodes)
    assert state["edges"] == len(expected.edges)
    assert browse.page.evaluate(COUNT_NON_WHITE) > 2000
    browse.screenshot(name.replace(".html", ".png"))
    assert browse.problems() == []


def test_clicking_an_edge_lists_its_evidence(browse, seed_site, seed_context, subject_named):
    group = subject_named(OXYGEN_GROUP)
    agency = subject_named("三门峡市气象局")
    browse.open(seed_site / seed_context.href(group.iri))
    browse.wait_for_network()
    (x1, y1), (x2, y2) = browse.node_point(group.iri), browse.node_point(agency.iri)
    browse.page.mouse.click(x1 + (x2 - x1) * 0.6, y1 + (y2 - y1) * 0.6)
    details = browse.page.locator("#gb-details")
    assert "办公室设在三门峡市气象局" in details.inner_text()
    assert "领导小组下设办公室，办公室设在市气象局，柴贵海同志兼办公室主任" in details.inner_text()
    assert browse.problems() == []
