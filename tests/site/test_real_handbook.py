"""The real handbook, built from docs/ as it stands, in a real Chromium: what officers get."""

from __future__ import annotations

import re

import pytest

from handbook.languages import load_i18n
from handbook.paths import Project
from handbook.commands.build import POST_STEPS
from handbook.site.build import build_site
from tests.conftest import REPO, start_server

pytestmark = pytest.mark.browser

# A chapter translated into every language, so each language's chapter page is its own text.
CHAPTER = "chapters/victim-centred-practice/"
# The glossary holds the widest table: it scrolls sideways, so it must be reachable by keyboard.
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
PAGES = [prefix + page for prefix in ("", "fr/", "es/", "ar/") for page in ("", CHAPTER, "glossary/")]


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("real") / "site"
    import importlib

    # As `./hb build` makes it: with the PDFs and the Content-Security-Policy.
    steps = [importlib.import_module(module).post_build for module in POST_STEPS.values()]
    build_site(Project(REPO), out=site, post_steps=steps, log=lambda _: None)
    url, server = start_server(site)
    yield site, url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def site_url(real_site):
    return real_site[1]


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_wcag_21_aa_violation_on_the_real_pages(browser, site_url, path, viewport):
    from axe_playwright_python.sync_playwright import Axe

    width, height = VIEWPORTS[viewport]
    tab = browser.new_page(viewport={"width": width, "height": height})
    try:
        tab.goto(site_url + path)
        tab.wait_for_load_state("networkidle")
        assert tab.locator("h1").count() >= 1
        results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
        assert violations == []
    finally:
        tab.close()


@pytest.mark.parametrize(("lang", "word"), [("", "trauma"), ("fr/", "traumatisme"), ("es/", "trauma"), ("ar/", "الصدمة")])
def test_searching_the_real_handbook_finds_the_chapter_in_the_readers_language(browser, site_url, lang, word):
    tab = browser.new_page()
    try:
        tab.goto(site_url + lang)
        tab.click("[data-hb-search-open]")
        tab.locator("#hb-search input").type(word, delay=30)
        tab.wait_for_selector(".pagefind-ui__result-link", timeout=10_000)
        tab.wait_for_timeout(400)
        hrefs = tab.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.href)")
        assert site_url + lang + CHAPTER in [h.split("#")[0] for h in hrefs]
        assert all(h.startswith(site_url + lang) for h in hrefs)
        if not lang:
            assert not any(h.startswith(site_url + p) for p in ("fr/", "es/", "ar/") for h in hrefs)
    finally:
        tab.close()



@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_page_of_every_language_loads_cleanly_at_phone_and_desktop_width(browser, real_site, viewport):
    """No horizontal panning, no failed request, no console error, no WCAG 2.1 AA violation (axe),
    and no text in another language laid out in the page's direction, on any page a reader can open."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    site, url = real_site
    width, height = VIEWPORTS[viewport]
    paths = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
                   if "pagefind" not in p.parts)
    paths = ["" if p == "./" else p for p in paths]
    assert len(paths) >= 100  # 26 pages in each of four languages
    directions = {lang.code: lang.dir for lang in load_i18n(REPO).languages}
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    failed: list[str] = []
    errors: list[str] = []
    tab.on("requestfailed", lambda r: failed.append(r.url))
    tab.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    problems = []
    try:
        for path in paths:
            failed.clear()
            errors.clear()
            tab.goto(url + path, wait_until="networkidle")
            overflow = tab.evaluate("document.documentElement.scrollWidth") - width
            # The page title ends with its text: nothing (a hidden permalink sign) adds a blank line.
            gap = tab.evaluate("""() => { const h = document.querySelector('.md-content h1'); if (!h) return 0;
                const kids = [...h.childNodes].filter(n => !(n.nodeType === 1 && n.classList.contains('headerlink')));
                const r = document.createRange(); r.setStartBefore(kids[0]); r.setEndAfter(kids[kids.length - 1]);
                return h.getBoundingClientRect().bottom - r.getBoundingClientRect().bottom; }""")
            # Text in another language than the page's is laid out in its own direction.
            foreign = tab.evaluate("""dirs => [...document.querySelectorAll('body [lang]')]
                .filter(e => e.lang && e.lang !== document.documentElement.lang && dirs[e.lang])
                .filter(e => getComputedStyle(e).direction !== dirs[e.lang])
                .map(e => e.tagName + ' lang=' + e.lang)""", directions)
            results = axe.run(tab, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
            violations = [(v["id"], [n["target"] for n in v["nodes"]][:2]) for v in results.response["violations"]]
            if overflow > 0 or failed or errors or gap > 8 or violations or foreign:
                problems.append((path, f"{overflow}px too wide" if overflow > 0 else "", f"title gap {gap}px",
                                 failed[:2], errors[:2], violations, foreign[:2]))
    finally:
        context.close()
    assert problems == []


# Body text per script: Material's 16 px for Latin; 20 px for Arabic, because Amiri draws Arabic
# about 10% smaller than Noto Naskh did at the 18 px the Arabic site used before.
@pytest.mark.parametrize(("lang", "min_body"), [("", 16), ("fr/", 16), ("es/", 16), ("ar/", 20)])
def test_boxes_tables_and_footnotes_are_not_small_print(browser, site_url, lang, min_body):
    """Reading text keeps close to the body size of its script (Material's default was 12.8 px)."""
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        tab.goto(site_url + lang + "chapters/terminology/")
        sizes = tab.evaluate("""() => {
            const px = sel => { const e = document.querySelector(sel); return e ? parseFloat(getComputedStyle(e).fontSize) : null; };
            return {body: px('.md-content__inner > p'), box: px('.admonition li, .admonition p:not(.admonition-title)'),
                    cell: px('.md-typeset table td'), note: px('.footnote li')};
        }""")
    finally:
        tab.close()
    body = sizes.pop("body")
    assert body and all(size is not None for size in sizes.values()), sizes
    assert body >= min_body, (body, sizes)
    assert sizes["box"] >= 0.9 * body and sizes["cell"] >= 0.9 * body, (body, sizes)
    assert sizes["note"] >= 0.85 * body and min(sizes.values()) >= 14, (body, sizes)


@pytest.mark.parametrize("lang", ["", "ar/"])
def test_a_printed_page_names_the_handbook_edition_and_address_without_screen_furniture(browser, site_url, lang):
    tab = browser.new_page()
    try:
        path = site_url + lang + "chapters/officer-welfare/"
        tab.goto(path)
        tab.emulate_media(media="print")
        head = tab.locator(".hb-print-head")
        assert head.is_visible()
        text = head.inner_text()
        assert path in text
        assert any(ch.isdigit() for ch in text)  # the edition number and date
        for furniture in (".md-header", ".md-sidebar--primary", ".hb-pdf-link", ".md-footer"):
            hidden = tab.locator(furniture)
            assert hidden.count() == 0 or not hidden.first.is_visible(), furniture
        tab.emulate_media(media="screen")
        assert not head.is_visible()
    finally:
        tab.close()


def test_inline_code_in_arabic_text_keeps_its_own_order(browser, site_url):
    """`git hash-object` in an Arabic sentence read 'hash-object git' before code was set apart."""
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        tab.goto(site_url + "ar/contributing/translators-guide/")
        code = tab.locator(".md-typeset p code", has_text="git hash-object").first
        assert code.evaluate("el => getComputedStyle(el).direction") == "ltr"
        assert code.evaluate("el => getComputedStyle(el).unicodeBidi") == "isolate"
        # Laid out left to right: on one line (kept from wrapping here), the first word is on the left.
        boxes = code.evaluate("""el => {
            el.style.whiteSpace = 'nowrap';
            const range = document.createRange(), text = el.firstChild, at = text.data.indexOf('hash');
            range.setStart(text, 0); range.setEnd(text, 3); const git = range.getBoundingClientRect();
            range.setStart(text, at); range.setEnd(text, at + 4); const hash = range.getBoundingClientRect();
            return [git.left, git.top, hash.left, hash.top];
        }""")
        assert boxes[1] == boxes[3] and boxes[0] < boxes[2], boxes
    finally:
        tab.close()


@pytest.mark.parametrize("path", ["ar/contributing/authoring-guide/", "ar/contributing/check-rules/"])
def test_english_text_in_the_arabic_site_is_laid_out_left_to_right_in_every_detail(browser, site_url, path):
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        tab.goto(site_url + path)
        wrong = tab.evaluate("""() => {
            const out = [];
            for (const block of document.querySelectorAll('.md-typeset [dir=ltr]')) {
                for (const li of block.querySelectorAll('li')) {
                    const s = getComputedStyle(li);
                    if (s.direction !== 'ltr' || parseFloat(s.marginRight) > 0 || parseFloat(s.marginLeft) <= 0)
                        out.push('li ' + li.textContent.slice(0, 30));
                }
                for (const cell of block.querySelectorAll('td, th')) {
                    if (!['left', 'start'].includes(getComputedStyle(cell).textAlign)) out.push('cell ' + cell.textContent.slice(0, 30));
                }
                for (const title of block.querySelectorAll('.admonition-title')) {
                    const icon = getComputedStyle(title, '::before');
                    if (icon.left === 'auto' || parseFloat(getComputedStyle(title).paddingLeft) < parseFloat(getComputedStyle(title).paddingRight))
                        out.push('box title ' + title.textContent.slice(0, 30));
                }
            }
            return out.slice(0, 10);
        }""")
        assert wrong == []
        assert tab.locator(".md-typeset [dir=ltr] li").count() > 0
    finally:
        tab.close()


def test_arabic_search_results_use_the_sites_arabic_font_right_to_left_without_an_empty_flash(browser, site_url):
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        tab.goto(site_url + "ar/")
        tab.click("[data-hb-search-open]")
        box = tab.locator("#hb-search input")
        box.wait_for()
        messages = []
        tab.expose_function("hbSeen", lambda text: messages.append(text))
        tab.evaluate("""() => new MutationObserver(() => {
            const m = document.querySelector('.pagefind-ui__message');
            if (m && getComputedStyle(m).visibility === 'visible' && m.textContent.trim()) window.hbSeen(m.textContent.trim());
        }).observe(document.querySelector('#hb-search'), {subtree: true, childList: true, characterData: true})""")
        box.type("الصد", delay=120)
        tab.wait_for_selector(".pagefind-ui__result-link", timeout=10_000)
        tab.wait_for_timeout(1200)
        result = tab.locator(".pagefind-ui__result-title").first
        font = result.evaluate("e => getComputedStyle(e).fontFamily")
        assert "Amiri" in font, font
        excerpt = tab.locator(".pagefind-ui__result-excerpt").first
        assert excerpt.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 16  # Pagefind's default: 12.8 px
        assert result.evaluate("e => getComputedStyle(e).direction") == "rtl"
        nested = tab.locator(".pagefind-ui__result-nested").first
        if nested.count():
            box_ = nested.bounding_box()
            link = nested.locator(".pagefind-ui__result-link").first.bounding_box()
            assert link["x"] + link["width"] <= box_["x"] + box_["width"] - 1  # room on the start (right) side
        assert not any(m.startswith("0 ") or "No results" in m or "لا توجد" in m for m in messages), messages
    finally:
        tab.close()


@pytest.mark.parametrize("lang", ["", "ar/"])
def test_axe_finds_no_violation_in_the_open_phone_menu(browser, site_url, lang):
    from axe_playwright_python.sync_playwright import Axe

    tab = browser.new_page(viewport=dict(zip(("width", "height"), VIEWPORTS["phone"])))
    try:
        tab.goto(site_url + lang + CHAPTER)
        tab.evaluate("document.getElementById('__drawer').checked = true")  # what the menu button does
        tab.wait_for_timeout(500)
        assert tab.locator(".md-sidebar--primary .md-nav__title").first.is_visible()
        results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
        assert violations == []
    finally:
        tab.close()


@pytest.mark.parametrize("lang", ["fr/", "ar/"])
def test_the_desktop_menu_title_never_hides_menu_entries(browser, site_url, lang):
    tab = browser.new_page(viewport=dict(zip(("width", "height"), VIEWPORTS["desktop"])))
    try:
        tab.goto(site_url + lang + CHAPTER)
        covered = tab.evaluate("""() => {
            const wrap = document.querySelector('.md-sidebar--primary .md-sidebar__scrollwrap');
            const title = document.querySelector('.md-sidebar--primary .md-nav--primary > .md-nav__title');
            const out = [];
            for (const top of [0, 60, 120, 240]) {
                wrap.scrollTop = top;
                const t = title.getBoundingClientRect();
                for (const link of document.querySelectorAll('.md-sidebar--primary .md-nav__list .md-nav__link')) {
                    const r = link.getBoundingClientRect();
                    if (r.height && t.height && r.top < t.bottom - 1 && r.bottom > t.top + 1 && getComputedStyle(title).visibility !== 'hidden')
                        out.push(top + ': ' + link.textContent.trim().slice(0, 30));
                }
            }
            return out;
        }""")
        assert covered == []
    finally:
        tab.close()


def test_every_chapter_and_checklist_links_its_own_pdf_and_every_checklist_is_one_page(real_site):
    """The PDFs a reader downloads from a page: that page's own, with its size and page count, and
    the whole book; the book is the reader's (no contributor material), a checklist one sheet."""
    from pypdf import PdfReader

    from handbook.chapters import has_own_pdf, is_checklist
    from tests.pdf.fixtures import pdftotext

    site, _ = real_site
    i18n = load_i18n(REPO)
    bases = sorted(p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs").rglob("*.md")
                   if has_own_pdf(p.relative_to(REPO / "docs").as_posix()) and p.name.count(".") == 1)
    assert len(bases) >= 19  # 13 chapters, 6 checklists
    for code in i18n.codes:
        for base in bases:
            folder = site / i18n.prefix(code) / base[:-3]
            own = folder / f"handbook-{code}-{base.rsplit('/', 1)[-1][:-3]}.pdf"
            pages = len(PdfReader(own).pages)
            if is_checklist(base):
                assert pages == 1, (code, base, pages)
            html = (folder / "index.html").read_text(encoding="utf-8")
            assert f'href="{own.name}"' in html and "data-hb-own-pdf-details" not in html
            assert i18n.plural(code, "pdf_download_details", pages, size="", pages=str(pages)).split("،")[-1] \
                .split(",")[-1].strip(" )") in html  # '6 pages', 'صفحة واحدة' next to the link
        book = pdftotext(site / i18n.prefix(code) / f"handbook-{code}.pdf")
        assert "SITE004" not in book and "Content-Security-Policy" not in book  # no developer reference


def test_every_paragraph_of_every_chapter_has_the_same_citable_anchor_in_every_language(browser, real_site):
    """'#p4-12' lands on the same passage (the same kind of block, with the number 4.12 shown) in
    every language, no raw {¶} marker reaches a reader, and the PDF prints the numbers."""
    from handbook.chapters import is_chapter, number_of
    from handbook.pages import paragraphs
    from tests.pdf.fixtures import pdftotext

    site, url = real_site
    i18n = load_i18n(REPO)
    tags = {"paragraph": ("P", "LI"), "item": ("LI", "P"), "table": ("TABLE",)}
    chapters = sorted(p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs" / "chapters").glob("*.md")
                      if p.name.count(".") == 1 and is_chapter(f"chapters/{p.name}"))
    for html in site.rglob("chapters/*/index.html"):  # (the contributors' guides show the notation in code)
        assert "{¶" not in html.read_text(encoding="utf-8"), html
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        for base in chapters:
            chapter = number_of(REPO / "docs", base)
            found = paragraphs.blocks((REPO / "docs" / base).read_text(encoding="utf-8"))
            assert found and all(b.number for b in found), base
            sample = found[len(found) // 2]  # one block per chapter, in every language
            anchor = f"p{chapter}-{sample.number}"
            for code in i18n.codes:
                page.goto(f"{url}{i18n.prefix(code)}{base[:-3]}/#{anchor}")
                element = page.locator(f"#{anchor}")
                assert element.count() == 1, (code, base, anchor)
                assert element.evaluate("e => e.tagName") in tags[sample.kind], (code, base, anchor)
                shown = page.locator(f'a.hb-pnum[href="#{anchor}"]')
                assert shown.inner_text() == f"{chapter}.{sample.number}" and shown.is_visible()
                assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        page.close()
    book = pdftotext(site / "handbook-en.pdf")
    assert re.search(r"\b1\.1\b", book) and re.search(r"\b4\.12\b", book)


@pytest.mark.parametrize("lang", ["", "fr/", "es/", "ar/"])
def test_the_status_page_shows_every_languages_table_and_each_fits_a_phone(browser, site_url, lang):
    """Every translated language's table is on every language's status page (the assembly fills the
    others' sections), and at phone width each table fits its column: no sideways scrolling, no word
    broken inside ('Coopératio n'), a date on one line."""
    i18n = load_i18n(REPO)
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        tab.goto(site_url + lang + "translation-status/")
        tables = tab.evaluate("""() => [...document.querySelectorAll('.hb-status')].map(s => {
            const t = s.querySelector('table');
            if (!t) return {lang: s.dataset.hbStatus, table: false};
            const wrap = t.closest('.md-typeset__scrollwrap') || t.parentElement;  // Material's sideways scroller
            const lines = e => { const r = document.createRange(); r.selectNodeContents(e);
                return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; };
            const dates = [...t.querySelectorAll('tbody td:last-child')].filter(td => td.textContent.trim());
            // A word broken inside: a link whose text has fewer spaces than its lines minus one.
            const broken = [...t.querySelectorAll('tbody td:first-child a')]
                .filter(a => lines(a) > a.textContent.trim().split(/\\s+/).length).map(a => a.textContent);
            return {lang: s.dataset.hbStatus, table: true, wide: wrap.scrollWidth - wrap.clientWidth,
                    dates: dates.length, twoLineDates: dates.filter(td => lines(td) > 1).length, broken};
        })""")
        assert [t["lang"] for t in tables] == list(i18n.translated_codes)
        for table in tables:
            assert table["table"] and table["dates"] > 0, table
            assert table["wide"] <= 0 and table["twoLineDates"] == 0 and table["broken"] == [], table
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        tab.close()
