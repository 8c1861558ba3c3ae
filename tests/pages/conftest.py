"""Fixtures for the network pages: the seeds' graph and site, and a real headless Chromium.

The browser is Debian's ``chromium`` (``scripts/system-packages.txt``, installed by
``make test``), driven by Playwright with ``executable_path``: Playwright's own browser
downloads are never used. Every page opened through :func:`browse` records console
messages, page errors, dialogs and every request, so a test can assert that nothing
went wrong and nothing left ``file://``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from graphbuilder.pages.context import Context
from graphbuilder.pages.corpus import load_corpus
from graphbuilder.pages.site import write_site
from graphbuilder.vocab import load_vocab

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "out" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 900}


@pytest.fixture(scope="session")
def seed_store(seeds_store):
    """The seeds' graph, built once for the whole suite (tests/conftest.py)."""
    return seeds_store


@pytest.fixture(scope="session")
def seed_context(seed_store) -> Context:
    vocab = load_vocab()
    return Context(load_corpus(seed_store), vocab.role_tiers, vocab.roles)


@pytest.fixture(scope="session")
def seed_site(seed_store, tmp_path_factory) -> Path:
    """The seeds' site, written once for the session."""
    pages = tmp_path_factory.mktemp("site") / "pages"
    write_site(seed_store, pages)
    return pages


@pytest.fixture(scope="session")
def subject_named(seed_context):
    """`subject_named("安伟")` -> the one subject of that name."""

    def find(name: str):
        found = [s for s in seed_context.corpus.subjects.values() if s.name == name]
        assert len(found) == 1, f"{name}: {found}"
        return found[0]

    return find


@dataclass
class Visit:
    """A browser page with everything it logged and requested."""
    page: object
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())

    def wait_for_network(self, timeout_ms: int = 60_000) -> dict:
        self.page.wait_for_function("window.gbNetworkState && window.gbNetworkState.ready", timeout=timeout_ms)
        return self.page.evaluate("window.gbNetworkState")

    def drawn_nodes(self) -> int:
        return self.page.evaluate("window.gbNetwork.body.data.nodes.length")

    def node_point(self, node_id: str) -> tuple[float, float]:
        """Where a node is on the screen (page coordinates)."""
        box = self.page.locator("#gb-network").bounding_box()
        point = self.page.evaluate(
            "id => window.gbNetwork.canvasToDOM(window.gbNetwork.getPositions([id])[id])", node_id)
        return box["x"] + point["x"], box["y"] + point["y"]

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / name
        self.page.screenshot(path=str(path), full_page=False)
        return path

    def problems(self) -> list[str]:
        """Script errors, console errors and warnings, dialogs, and requests that left file://."""
        return ([f"page error: {e}" for e in self.errors]
                + [f"console {kind}: {text}" for kind, text in self.console if kind in ("error", "warning")]
                + [f"dialog: {d}" for d in self.dialogs]
                + [f"request: {url}" for url in self.requests if not url.startswith("file://")])


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} missing: run scripts/install-system-packages (make test does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright starts Chromium with a fresh temporary --user-data-dir of its own.
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browse(browser):
    """A fresh browser context and page per test, recording what went wrong."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    visit = Visit(page)
    page.on("console", lambda message: visit.console.append((message.type, message.text)))
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    page.on("request", lambda request: visit.requests.append(request.url))

    def on_dialog(dialog):
        visit.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield visit
    context.close()
