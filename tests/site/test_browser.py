"""The web edition in a real Chromium: search per language, the switcher, no third-party requests, axe."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from handbook.site.build import build_site
from tests.conftest import make_handbook, page, start_server, translated_page

pytestmark = pytest.mark.browser

PAGES = {
    "index.md": page("Home", "# Home { #home }\n\nThe lighthouse guides every reader. See the [guide](guide.md#section-one)."),
    "index.fr.md": translated_page("Accueil", "# Accueil { #home }\n\nLe phare guide chaque lecteur. Voir le [guide](guide.md#section-one)."),
    "index.es.md": translated_page("Inicio", "# Inicio { #home }\n\nEl faro guía a cada lector. Vea la [guía](guide.md#section-one)."),
    "index.ar.md": translated_page("الرئيسية", "# الصفحة الرئيسية { #home }\n\nالمنارة ترشد كل قارئ. انظر [الدليل](guide.md#section-one)."),
    "guide.md": page("Guide", "# Guide { #guide }\n\n## Section one { #section-one }\n\nThe harbour protects children. Officers listen carefully."),
    "guide.fr.md": translated_page("Guide pratique", "# Guide pratique { #guide }\n\n## Première section { #section-one }\n\nLe port protège les enfants. Les agents écoutent attentivement."),
    "guide.es.md": translated_page("Guía", "# Guía { #guide }\n\n## Primera sección { #section-one }\n\nEl puerto protege a los niños. Los agentes escuchan con atención."),
    "guide.ar.md": translated_page("دليل", "# دليل { #guide }\n\n## القسم الأول { #section-one }\n\nالميناء يحمي الأطفال. يستمع الضباط بعناية إلى الشهود."),
    "extra.md": page("Extra", "# Extra { #extra }\n\nThe orchard and the harbour are only described in English."),
}
NAV = "  - index.md\n  - guide.md\n  - extra.md\n"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    base = tmp_path_factory.mktemp("browser")
    project = make_handbook(base / "handbook", PAGES, nav=NAV)
    site = base / "site"
    build_site(project, out=site, jobs=2, log=lambda _: None)
    # Served under a sub-path, as on a project site, to prove links and search are relative.
    root = base / "www"
    (root / "handbook").mkdir(parents=True)
    site.rename(root / "handbook" / "v1")
    url, server = start_server(root)
    yield url + "handbook/v1/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def tab(browser, site_url):
    """A page that records every request that leaves 127.0.0.1, and blocks it."""
    context = browser.new_context()
    leaving: list[str] = []

    def route(r):
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            r.continue_()
        else:
            leaving.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.leaving = leaving
    yield tab
    context.close()


def search(tab, text: str) -> list[str]:
    tab.click("[data-hb-search-open]")
    box = tab.locator("#hb-search input")
    box.wait_for()
    box.type(text, delay=30)
    tab.wait_for_selector(".pagefind-ui__result-link", timeout=10_000)
    tab.wait_for_timeout(400)  # let the debounced search settle on the final query
    return tab.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")


@pytest.mark.parametrize(("lang", "word", "expected"), [
    ("", "harbour", {"guide/", "extra/"}),
    ("fr/", "enfants", {"fr/guide/"}),
    ("es/", "niños", {"es/guide/"}),
    ("ar/", "الأطفال", {"ar/guide/"}),
])
def test_search_returns_only_pages_of_the_readers_language(tab, site_url, lang, word, expected):
    tab.goto(site_url + lang)
    hrefs = search(tab, word)
    assert {h[len(site_url):].split("#")[0] for h in hrefs} == expected


@pytest.mark.parametrize(("lang", "partial", "expected"), [
    ("ar/", "الميناء", "ar/guide/"),     # a whole word, with no space after it
    ("ar/", "الشهو", "ar/guide/"),       # the start of a word, as typed
    ("fr/", "attentiv", "fr/guide/"),
    ("es/", "tranq", None),
])
def test_search_works_as_the_reader_types(tab, site_url, lang, partial, expected):
    tab.goto(site_url + lang)
    if expected is None:
        tab.click("[data-hb-search-open]")
        tab.locator("#hb-search input").type(partial, delay=30)
        tab.wait_for_timeout(1200)
        assert tab.locator(".pagefind-ui__result-link").count() == 0
        return
    hrefs = search(tab, partial)
    assert {h[len(site_url):].split("#")[0] for h in hrefs} == {expected}


@pytest.mark.parametrize(("lang", "marked"), [("fr/", "Extra (anglais)"), ("es/", "Extra (inglés)"),
                                              ("ar/", "بالإنجليزية")])
def test_a_page_not_yet_translated_is_found_and_marked_as_english(tab, site_url, lang, marked):
    tab.goto(site_url + lang)
    hrefs = search(tab, "orchard")
    assert {h[len(site_url):].split("#")[0] for h in hrefs} == {lang + "extra/"}
    title = tab.locator(".pagefind-ui__result-title").first.inner_text()
    assert marked in title and title != "Extra", title


def test_results_show_text_without_permalink_signs(tab, site_url):
    tab.goto(site_url)
    search(tab, "harbour")
    text = tab.locator("#hb-search").inner_text()
    assert "Section one" in text and "¶" not in text


def test_switcher_lands_on_the_same_page_in_each_language(tab, site_url):
    tab.goto(site_url + "fr/guide/")
    for lang, path, heading in (("ar", "ar/guide/", "دليل"), ("es", "es/guide/", "Guía"),
                                ("en", "guide/", "Guide"), ("fr", "fr/guide/", "Guide pratique")):
        tab.locator(f'[data-hb-switcher] a[hreflang="{lang}"]').evaluate("a => a.click()")
        tab.wait_for_url(site_url + path)
        assert tab.locator("h1").first.inner_text().strip().startswith(heading)


def test_no_request_leaves_the_machine(tab, site_url):
    for path in ("", "fr/guide/", "es/guide/", "ar/extra/", "ar/"):
        tab.goto(site_url + path)
        tab.wait_for_load_state("networkidle")
    search(tab, "الأطفال")
    assert tab.leaving == []
    fonts = tab.evaluate("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Amiri" in f for f in fonts), fonts  # the Arabic face, the same as the PDF's


@pytest.mark.parametrize("path", ["", "guide/", "fr/", "fr/guide/", "es/", "es/guide/", "ar/", "ar/guide/", "ar/extra/"])
def test_axe_finds_no_wcag_21_aa_violation(tab, site_url, path):
    from axe_playwright_python.sync_playwright import Axe

    tab.goto(site_url + path)
    tab.wait_for_load_state("networkidle")
    results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == []
