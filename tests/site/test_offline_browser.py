"""Reading offline in a real Chromium (issue 18, part 1).

The server is STOPPED to go offline, not Playwright's set_offline: set_offline does not stop a
service worker's own requests, so only a dead server proves the pages come from the device.
Every test uses a fresh browser context (its own service workers and caches), and every request
that would leave 127.0.0.1 is recorded and refused.
"""

from __future__ import annotations

import functools
import http.server
import importlib
import threading
import time
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

from handbook.commands.build import POST_STEPS
from handbook.site import csp
from handbook.site.build import build_site
from tests.conftest import make_handbook, page
from tests.site.test_browser import NAV, PAGES, search

pytestmark = pytest.mark.browser

CHANGED_GUIDE = page("Guide", "# Guide { #guide }\n\n## Section one { #section-one }\n\n"
                     "The second edition adds the lantern. Officers listen carefully.")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    delay = 0.0  # seconds before each answer: a slow connection, to watch the progress

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's API)
        time.sleep(self.delay)
        try:
            super().do_GET()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away (a test ended): nothing to answer


class Server:
    """A static server on 127.0.0.1 that can be stopped and started again on the same port (the
    same origin, so the browser's service workers and caches still apply)."""

    def __init__(self, folder: Path, delay: float = 0.0) -> None:
        self.folder, self.port, self.httpd, self.delay = folder, 0, None, delay
        self.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> None:
        handler = functools.partial(type("Handler", (_Quiet,), {"delay": self.delay}), directory=str(self.folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None


def _build(project, out: Path, codes=None, pdf: bool = True) -> Path:
    steps = [importlib.import_module(module).post_build for name, module in POST_STEPS.items()
             if pdf or name != "pdf"]
    build_site(project, codes=codes, out=out, jobs=2, post_steps=steps, log=lambda _: None)
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Edition 1 of the fixture handbook (every language, PDFs, offline step), and edition 2, where
    one English page changed (English only: the update test reads English)."""
    base = tmp_path_factory.mktemp("offline")
    project = make_handbook(base / "handbook", PAGES, nav=NAV)
    first = _build(project, base / "edition1")
    (project.root / "docs" / "guide.md").write_text(CHANGED_GUIDE, encoding="utf-8")
    second = _build(project, base / "edition2", codes=["en"], pdf=False)
    return base, first, second


@pytest.fixture
def server(built, tmp_path):
    """Edition 1 served from a folder of its own, so a test can put edition 2 in its place."""
    www = tmp_path / "www"
    www.mkdir()
    (www / "site").symlink_to(built[1], target_is_directory=True)
    running = Server(www)
    yield running
    running.stop()


@pytest.fixture
def tab(browser):
    context = browser.new_context()
    leaving: list[str] = []
    problems: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith(("data:", "blob:", "file:")) or urlparse(url).hostname == "127.0.0.1":
            r.continue_()
        else:
            leaving.append(url)
            r.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    tab.leaving, tab.csp_problems = leaving, problems
    yield tab
    context.close()


SAVED = {"": "Saved on this device", "fr/": "Enregistré sur cet appareil", "es/": "Guardado en este dispositivo",
         "ar/": "حُفظ الدليل على هذا الجهاز"}


_STATE = """async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const state = (worker) => worker ? worker.state : null;
    const text = (selector) => { const el = document.querySelector(selector); return el ? el.textContent.trim() : null; };
    return JSON.stringify({url: location.href, panel: text("[data-hb-offline-state]"),
                           notice: text("[data-hb-offline-notice]"), controlled: !!navigator.serviceWorker.controller,
                           installing: state(reg && reg.installing), waiting: state(reg && reg.waiting),
                           active: state(reg && reg.active), caches: await caches.keys()});
}"""


def wait_for(tab, locator, timeout: int) -> None:
    """``locator.wait_for``; on a timeout, the failure says what the page and its worker were doing
    (the panel, the notice, the worker's states, the saved editions), not only what was missing."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        locator.wait_for(timeout=timeout)
    except PlaywrightTimeout:
        try:
            state = tab.evaluate(_STATE)
        except Exception as exc:  # the page itself is gone
            state = f"(no state: {exc})"
        raise AssertionError(f"{locator} not shown within {timeout // 1000} s; the page: {state}") from None


def visit_and_save(tab, url: str, lang: str) -> None:
    tab.goto(url + lang)
    wait_for(tab, tab.locator("[data-hb-offline-state]", has_text=SAVED[lang]), 30_000)


def test_after_a_first_visit_the_language_reads_and_searches_with_the_server_stopped(tab, server):
    url = server.url + "site/"
    visit_and_save(tab, url, "fr/")
    visit_and_save(tab, url, "")
    server.stop()

    tab.goto(url + "fr/guide/")
    assert tab.locator("h1").first.inner_text().strip() == "Guide pratique"
    assert [h.split("#")[0] for h in search(tab, "enfants")][:1] == [url + "fr/guide/"]
    tab.goto(url + "extra/")
    assert tab.locator("h1").first.inner_text().strip() == "Extra"
    marked = tab.eval_on_selector_all("[data-hb-switcher] a:has(.hb-offline-mark)", "els => els.map(e => e.hreflang)")
    assert sorted(marked) == ["en", "fr"]
    assert tab.locator("[data-hb-switcher] a[hreflang=fr] .hb-offline-mark").inner_text() == "available offline"
    for width in (390, 1280):  # the marks do not widen the switcher out of the page at the header's edge
        tab.set_viewport_size({"width": width, "height": 800})
        assert tab.evaluate("document.documentElement.scrollWidth") == width
    with pytest.raises(Exception, match="ERR_CONNECTION_REFUSED"):
        tab.goto(url + "es/guide/")  # not saved: nothing answers for it
    assert tab.leaving == [] and tab.csp_problems == []


def test_the_english_worker_never_keeps_or_serves_another_language(tab, server):
    url = server.url + "site/"
    visit_and_save(tab, url, "")
    kept = tab.evaluate("""async () => {
        const names = await caches.keys();
        const urls = [];
        for (const name of names) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
        return {names, urls};
    }""")
    assert [n.split("|")[1] for n in kept["names"]] == [url]
    assert kept["urls"] and not [u for u in kept["urls"] if u.startswith(tuple(url + p for p in ("fr/", "es/", "ar/")))]
    server.stop()
    with pytest.raises(Exception, match="ERR_CONNECTION_REFUSED"):
        tab.goto(url + "fr/")


def test_the_panel_reports_the_progress_in_the_readers_language_then_offers_the_pdfs(tab, built):
    slow = Server(built[1].parent, delay=0.05)
    try:
        tab.goto(slow.url + "edition1/fr/")
        state = tab.locator("[data-hb-offline-state]", has_text="Enregistrement pour la consultation hors connexion")
        state.wait_for(timeout=30_000)
        assert tab.locator("[data-hb-offline-progress]").is_visible()
        assert "\u00a0%" in state.inner_text()  # CLDR's French percent: a no-break space before the sign
        assert not tab.locator("[data-hb-offline-save-pdfs]").is_visible()  # the site first
        tab.locator("[data-hb-offline-state]", has_text=SAVED["fr/"]).wait_for(timeout=60_000)
        assert tab.locator("[data-hb-offline-save-pdfs]").is_visible()
        assert not tab.locator("[data-hb-offline-progress]").is_visible()
    finally:
        slow.stop()


def test_the_pdfs_are_saved_only_when_the_reader_asks(tab, server):
    url = server.url + "site/"
    visit_and_save(tab, url, "fr/")
    has_pdf = "async () => !!(await caches.match(new URL('handbook-fr.pdf', location.href).href))"
    assert tab.evaluate(has_pdf) is False
    assert not tab.locator("[data-hb-offline-reload]").is_visible()
    tab.click("[data-hb-offline-save-pdfs]")
    tab.locator("[data-hb-offline-state]", has_text="L'édition PDF est aussi enregistrée").wait_for(timeout=30_000)
    server.stop()
    assert tab.evaluate(has_pdf) is True
    status = tab.evaluate("async () => (await fetch('handbook-fr.pdf')).status")
    assert status == 200


def test_a_new_edition_replaces_the_saved_copy_on_the_next_online_visit(tab, server, built):
    url = server.url + "site/"
    visit_and_save(tab, url, "")
    tab.goto(url + "guide/")
    assert "harbour protects" in tab.locator("article").inner_text()
    server.stop()
    site = server.folder / "site"
    site.unlink()
    site.symlink_to(built[2], target_is_directory=True)  # edition 2 is published
    server.start()

    tab.goto(url + "guide/")  # the saved edition 1 answers; edition 2 is saved meanwhile
    notice = tab.locator("[data-hb-offline-notice]")
    wait_for(tab, notice.get_by_text("A newer edition of this handbook has been saved on this device."), 30_000)
    assert "harbour protects" in tab.locator("article").inner_text()  # never half of each edition
    tab.click("[data-hb-offline-reload]")
    notice.get_by_text("You are reading the newest edition").wait_for(timeout=15_000)
    assert "adds the lantern" in tab.locator("article").inner_text()

    server.stop()  # the new edition is the one kept on the device, and the only one
    tab.goto(url + "guide/")
    assert "adds the lantern" in tab.locator("article").inner_text()
    names = tab.evaluate("caches.keys()")
    assert len([n for n in names if n.split("|")[1] == url]) == 1
    assert tab.leaving == []


def test_a_new_edition_also_takes_over_once_every_tab_of_the_old_one_is_closed(tab, server, built):
    url = server.url + "site/"
    visit_and_save(tab, url, "")
    server.stop()
    site = server.folder / "site"
    site.unlink()
    site.symlink_to(built[2], target_is_directory=True)
    server.start()
    tab.goto(url + "guide/")
    wait_for(tab, tab.locator("[data-hb-offline-notice]").get_by_text("A newer edition"), 30_000)
    context = tab.context
    tab.close()  # the reader closes the handbook without reloading
    server.stop()
    again = context.new_page()
    again.goto(url + "guide/")
    assert "adds the lantern" in again.locator("article").inner_text()
    again.locator("[data-hb-offline-notice]").get_by_text("You are reading the newest edition").wait_for(timeout=15_000)


def test_an_edition_published_while_saving_is_never_mixed_with_the_one_being_saved(tab, built, tmp_path):
    www = tmp_path / "slow"
    www.mkdir()
    (www / "site").symlink_to(built[1], target_is_directory=True)
    slow = Server(www, delay=0.3)  # saving takes seconds: time to publish in the middle
    url = slow.url + "site/"
    try:
        tab.goto(url)
        tab.locator("[data-hb-offline-progress]").wait_for(timeout=30_000)
        (www / "site").unlink()
        (www / "site").symlink_to(built[2], target_is_directory=True)  # edition 2 lands mid-way
        wait_for(tab, tab.locator("[data-hb-offline-state]", has_text="Saving stopped"), 60_000)
        tab.goto(url)  # the next visit saves edition 2, whole
        wait_for(tab, tab.locator("[data-hb-offline-state]", has_text=SAVED[""]), 60_000)
    finally:
        slow.stop()
    tab.goto(url + "guide/")
    assert "adds the lantern" in tab.locator("article").inner_text()
    assert len(tab.evaluate("caches.keys()")) == 1


@pytest.mark.parametrize(("lang", "word", "heading"), [
    ("en", "harbour", "Guide"), ("fr", "enfants", "Guide pratique"), ("ar", "الأطفال", "دليل"),
])
def test_the_zip_opens_from_file_with_links_and_search(tab, built, tmp_path, lang, word, heading):
    prefix = "" if lang == "en" else f"{lang}/"
    with zipfile.ZipFile(built[1] / prefix / f"handbook-{lang}-offline.zip") as archive:
        archive.extractall(tmp_path)
    home = (tmp_path / f"handbook-{lang}" / "index.html").as_uri()
    tab.goto(home)
    shown = tab.evaluate("() => [...document.querySelectorAll('[data-hb-switcher] a')]"
                         ".filter(a => getComputedStyle(a.parentElement).display !== 'none').map(a => a.hreflang)")
    assert shown == [lang]  # the other languages are not in this ZIP: no dead link to them
    tab.locator("a.md-nav__link[href$='guide/index.html']").first.evaluate("a => a.click()")
    tab.wait_for_url("**/guide/index.html")
    assert tab.locator("h1").first.inner_text().strip() == heading
    hrefs = search(tab, word)
    assert any(h.endswith("guide/index.html") for h in hrefs), hrefs
    tab.goto(home)  # a result opens its page from the home page too
    search(tab, word)
    tab.locator(".pagefind-ui__result-link[href$='guide/index.html']").first.click()
    tab.wait_for_url("**/guide/index.html")
    assert tab.locator("h1").first.inner_text().strip() == heading
    assert tab.leaving == []


def test_every_page_keeps_its_policy_on_the_web_and_in_the_zips(built, tmp_path):
    site = built[1]
    pages = list(site.rglob("*.html"))
    for zipped in site.rglob("*-offline.zip"):
        with zipfile.ZipFile(zipped) as archive:
            archive.extractall(tmp_path / zipped.stem)
        pages += list((tmp_path / zipped.stem).rglob("*.html"))
    assert len(pages) > 20
    assert {str(p): csp.verify(p.read_text(encoding="utf-8")) for p in pages
            if csp.verify(p.read_text(encoding="utf-8"))} == {}


@pytest.mark.parametrize("lang", ["", "ar/"])
def test_the_save_panel_and_the_zip_link_pass_axe(tab, server, lang):
    from axe_playwright_python.sync_playwright import Axe

    visit_and_save(tab, server.url + "site/", lang)
    assert tab.locator("[data-hb-offline-zip] a").is_visible()
    results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []


def test_every_link_in_each_zip_leads_to_a_file_of_the_zip(built, tmp_path):
    import re

    from handbook.offline.bundle import _target

    missing, links = [], 0
    for zipped in sorted(built[1].rglob("*-offline.zip")):
        with zipfile.ZipFile(zipped) as archive:
            names = {n.split("/", 1)[1] for n in archive.namelist()}
            for name in sorted(n for n in names if n.endswith(".html")):
                html = archive.read(f"{zipped.stem.replace('-offline', '')}/{name}").decode("utf-8")
                for href in re.findall(r'<a\b[^>]*?\shref="([^"]*)"', html):
                    target = _target(name, href)
                    links += target is not None
                    if target is not None and target not in names:
                        missing.append(f"{zipped.name}:{name}: {href}")
    assert links > 50 and missing == []
