"""Citable paragraphs in a real Chromium, on a fixture handbook with two editions in git
(tests/editorial/citation_fixture.py): "Cite this paragraph" with its copy button, by mouse and by
keyboard, in English and Arabic, and the notice for a number the chapter no longer has."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from handbook.site.build import build_site
from tests.conftest import start_server
from tests.editorial.citation_fixture import write_history

pytestmark = pytest.mark.browser

SITE_EN = "Handbook of Good Practice for Specialised Officers Dealing with Crimes against Children"
SITE_AR = "دليل الممارسات الجيدة للموظفين المتخصصين في التعامل مع الجرائم المرتكبة ضد الأطفال"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    base = tmp_path_factory.mktemp("cite")
    project = write_history(base / "handbook")
    build_site(project, out=base / "site", jobs=2, search=False, log=lambda _: None)
    url, server = start_server(base / "site")
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(params=[(390, 844), (1280, 900)], ids=["390px", "1280px"])
def tab(browser, request):
    context = browser.new_context(viewport={"width": request.param[0], "height": request.param[1]})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def clipboard(tab) -> str:
    return tab.evaluate("() => navigator.clipboard.readText()")


@pytest.mark.parametrize(("lang", "number", "expected", "copied"), [
    ("", "4.2", f"{SITE_EN}, edition 2, chapter 4 “Intake”, paragraph 4.2. {{url}}chapters/intake/#p4-2",
     "The citation has been copied."),
    ("ar/", "4.4", f"{SITE_AR}، الطبعة 2، الفصل 4 «الاستقبال»، الفقرة 4.4. {{url}}ar/chapters/intake/#p4-4",
     "تم نسخ الإحالة المرجعية."),
    # A table's number, in Material's scrolling wrapper.
    ("", "4.5", f"{SITE_EN}, edition 2, chapter 4 “Intake”, paragraph 4.5. {{url}}chapters/intake/#p4-5",
     "The citation has been copied."),
])
def test_following_a_number_gives_its_citation_and_copies_it(tab, site_url, lang, number, expected, copied):
    tab.goto(site_url + lang + "chapters/intake/")
    title = tab.locator("a.hb-pnum", has_text=number).get_attribute("title")
    assert title == ("Cite paragraph " if not lang else "الإحالة المرجعية إلى الفقرة ") + number
    tab.locator("a.hb-pnum", has_text=number).click()
    panel = tab.locator(".hb-cite")
    want = expected.replace("{url}", site_url)
    expect(panel.locator(".hb-cite__text")).to_have_text(want)
    assert tab.url == site_url + lang + f"chapters/intake/#p{number.replace('.', '-')}"
    panel.locator(".hb-cite__copy").click()
    expect(panel.locator("[role=status]")).to_have_text(copied)  # written once the clipboard has it
    assert clipboard(tab) == want
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= tab.viewport_size["width"]  # no sideways scroll


def test_the_keyboard_opens_copies_and_closes(tab, site_url):
    tab.goto(site_url + "chapters/intake/")
    number = tab.locator("a.hb-pnum", has_text="4.1")
    number.focus()
    tab.keyboard.press("Enter")
    assert tab.evaluate("() => document.activeElement.classList.contains('hb-cite__copy')")
    tab.keyboard.press("Enter")
    assert "edition 2, chapter 4" in clipboard(tab)
    tab.keyboard.press("Escape")
    assert tab.locator(".hb-cite").count() == 0
    assert tab.evaluate("() => document.activeElement.textContent") == "4.1"


@pytest.mark.parametrize(("path", "notice"), [
    ("chapters/intake/#p4-3", "Paragraph 4.3 was removed from this chapter in edition 2."),
    ("chapters/intake/#p4-6", "Paragraph 4.6 was removed from this chapter in an earlier edition."),
    ("ar/chapters/intake/#p4-3", "حُذفت الفقرة 4.3 من هذا الفصل في الطبعة 2."),
    ("ar/chapters/intake/#p4-6", "حُذفت الفقرة 4.6 من هذا الفصل في طبعة سابقة."),
    ("chapters/intake/#p4-2", None),   # still there
    ("chapters/intake/#p4-9", None),   # never given: not a removed paragraph
    ("chapters/intake/#p3-3", None),   # another chapter's number
])
def test_a_removed_number_is_explained(tab, site_url, path, notice):
    tab.goto(site_url + path)
    shown = tab.locator("[data-hb-removed-notice]")
    if notice is None:
        assert shown.is_hidden()
        return
    assert shown.inner_text() == notice
    assert tab.evaluate("() => document.activeElement.hasAttribute('data-hb-removed-notice')")


def test_the_notice_follows_the_address_within_the_page(tab, site_url):
    tab.goto(site_url + "chapters/intake/")
    assert tab.locator("[data-hb-removed-notice]").is_hidden()
    tab.evaluate("() => { location.hash = '#p4-3'; }")
    tab.locator("[data-hb-removed-notice]").wait_for(state="visible")
    tab.evaluate("() => { location.hash = '#p4-2'; }")
    tab.locator("[data-hb-removed-notice]").wait_for(state="hidden")


@pytest.mark.parametrize("lang", ["", "ar/"])
def test_axe_finds_nothing_with_the_panel_and_the_notice_open(tab, site_url, lang):
    from axe_playwright_python.sync_playwright import Axe

    tab.goto(site_url + lang + "chapters/intake/#p4-3")
    tab.locator("a.hb-pnum", has_text="4.2").click()
    tab.locator(".hb-cite").wait_for()
    results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]] == []


@pytest.mark.parametrize(("lang", "expected"), [
    ("", 'Added: <a href="../chapters/intake/#p4-7">4.7</a> and <a href="../chapters/intake/#p4-8">4.8</a> '
         '· Changed: <a href="../chapters/intake/#p4-2">4.2</a> · Removed: 4.3'),
    ("ar/", 'أُضيفت: <a href="../chapters/intake/#p4-7">4.7</a> و<a href="../chapters/intake/#p4-8">4.8</a> '
            '· عُدِّلت: <a href="../chapters/intake/#p4-2">4.2</a> · حُذفت: 4.3'),
])
def test_whats_new_links_each_added_and_changed_paragraph_in_the_readers_language(tab, site_url, lang, expected):
    tab.goto(site_url + lang + "whats-new/")
    item = tab.locator("#edition-2-paragraphs + ul li").first
    assert expected in item.inner_html()
    item.locator("a", has_text="4.7").click()
    assert tab.url == site_url + lang + "chapters/intake/#p4-7"
    expect(tab.locator("#p4-7")).to_be_visible()  # once the page has loaded and scrolled to it


@pytest.mark.parametrize("path", ["", "whats-new/", "ar/whats-new/"])
def test_pages_that_are_not_chapters_carry_no_citation_script(tab, site_url, path):
    tab.goto(site_url + path)
    assert tab.locator("[data-hb-cite]").count() == 0
    assert tab.locator('script[src$="handbook-cite.js"]').count() == 0
