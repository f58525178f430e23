"""The web build on a small fixture handbook: what each language's reader gets."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from handbook.site.build import BuildFailed, build_site
from tests.conftest import make_handbook, page, translated_page

PAGES = {
    "index.md": page("Home", "# Home { #home }\n\nThe lighthouse guides every reader.\n\n[Guide](guide.md#section-one)"),
    "index.fr.md": translated_page("Accueil", "# Accueil { #home }\n\nLe phare guide chaque lecteur.\n\n[Guide](guide.md#section-one)"),
    "guide.md": page("Guide", "# Guide { #guide }\n\n## Section one { #section-one }\n\nThe harbour is calm."),
    "guide.fr.md": translated_page("Guide", "# Guide { #guide }\n\n## Première section { #section-one }\n\nLe port est calme."),
    "guide.es.md": translated_page("Guía", "# Guía { #guide }\n\n## Primera sección { #section-one }\n\nEl puerto está tranquilo."),
    "guide.ar.md": translated_page("دليل", "# دليل { #guide }\n\n## القسم الأول { #section-one }\n\nالميناء هادئ."),
    "extra.md": page("Extra", "# Extra { #extra }\n\nThe orchard is only in English."),
}
NAV = "  - index.md\n  - guide.md\n  - extra.md\n"


def tree_digest(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("build")
    project = make_handbook(base / "handbook", PAGES, nav=NAV)
    site = base / "site"
    build_site(project, out=site, jobs=2, log=lambda _: None)
    return project, site


def html(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


def html_tag(text: str) -> str:
    return re.search(r"<html[^>]*>", text).group(0)


def test_every_language_has_its_own_folder(built):
    _, site = built
    for rel in ("", "guide/", "extra/", "fr/", "fr/guide/", "es/guide/", "ar/guide/", "ar/extra/"):
        assert (site / rel / "index.html").is_file(), rel


@pytest.mark.parametrize(("rel", "lang", "direction"), [
    ("", "en", "ltr"), ("fr/guide/", "fr", "ltr"), ("es/guide/", "es", "ltr"), ("ar/guide/", "ar", "rtl")])
def test_lang_and_dir(built, rel, lang, direction):
    tag = html_tag(html(built[1], rel))
    assert f'lang="{lang}"' in tag and f'dir="{direction}"' in tag


def test_arabic_ui_strings_and_site_name(built):
    text = html(built[1], "ar/guide/")
    assert "<title>دليل - دليل الممارسات الجيدة" in text
    assert 'aria-label="بحث"' in text


def test_untranslated_page_is_marked_english_inside_the_arabic_site(built):
    text = html(built[1], "ar/extra/")
    assert 'lang="ar"' in html_tag(text)
    assert "لم تُترجم هذه الصفحة إلى العربية بعد" in text
    block = re.search(r'<div class="hb-fallback-content" lang="en" dir="ltr" data-pagefind-body>(.*?)The orchard',
                      text, re.S)
    assert block, "the English text must sit inside a lang=en dir=ltr block, indexed for the Arabic search"
    title = re.search(r'<span hidden data-pagefind-meta="title">(.*?)</span>', text).group(1)
    assert title == "\u2068Extra\u2069 (بالإنجليزية)", "its search result must say the page is in English"


def _switcher(text: str) -> list[tuple[str, str]]:
    block = re.search(r"data-hb-switcher>(.*?)</ul>", text, re.S).group(1)
    return re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)"', block)


@pytest.mark.parametrize("rel", ["", "guide/", "fr/guide/", "ar/extra/", "es/"])
def test_switcher_links_are_relative_and_lead_to_the_same_page(built, rel):
    _, site = built
    links = _switcher(html(site, rel))
    assert [lang for _, lang in links] == ["en", "fr", "es", "ar"]
    page_path = rel.split("/", 1)[1] if rel[:3] in ("fr/", "es/", "ar/") else rel
    for href, lang in links:
        assert not href.startswith(("/", "http")), href
        target = urljoin("http://x/" + rel, href)[len("http://x/"):]
        assert target == ("" if lang == "en" else f"{lang}/") + page_path
        assert (site / target / "index.html").is_file()


def test_each_language_has_its_own_search_index(built):
    _, site = built
    counts = {}
    for prefix in ("", "fr/", "es/", "ar/"):
        entry = json.loads((site / prefix / "pagefind" / "pagefind-entry.json").read_text())
        counts[prefix or "en"] = {lang: data["page_count"] for lang, data in entry["languages"].items()}
    # Every page is in every language's bundle: a page not translated yet is indexed in the
    # language's own index (under a title marked as English), so an officer can still find it.
    assert counts == {"en": {"en": 3}, "fr/": {"fr": 3}, "es/": {"es": 3}, "ar/": {"ar": 3}}


def test_no_third_party_urls_in_the_site(built):
    _, site = built
    offenders = []
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".js") and "pagefind" not in path.parts:
            for url in re.findall(r"""(?:src|href)=["']((?:https?:)?//[^"']+)""", path.read_text(encoding="utf-8", errors="replace")):
                offenders.append((str(path.relative_to(site)), url))
    assert offenders == []


def test_rebuilds_are_byte_identical(built, tmp_path):
    project, site = built
    again = tmp_path / "again"
    build_site(project, out=again, jobs=2, log=lambda _: None)
    assert tree_digest(again) == tree_digest(site)


def test_failed_build_keeps_the_previous_site_and_reports_every_language(tmp_path):
    project = make_handbook(tmp_path / "handbook", PAGES, nav=NAV)
    site = tmp_path / "site"
    build_site(project, out=site, jobs=2, log=lambda _: None)
    before = tree_digest(site)
    for code in ("es", "ar"):
        path = project.docs / f"guide.{code}.md"
        path.write_text(path.read_text(encoding="utf-8") + "\n[broken](missing-page.md)\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        build_site(project, out=site, jobs=2, log=lambda _: None)
    message = str(info.value)
    assert "[es]" in message and "[ar]" in message and "missing-page.md" in message
    assert "[fr]" not in message
    assert tree_digest(site) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_pages_link_no_pdf_when_the_build_makes_none(built):
    _, site = built
    assert ".pdf" not in html(site, "fr/guide/")
    assert not list(site.rglob("*.pdf"))


def test_front_matter_values_are_escaped_in_the_page_head(tmp_path):
    evil = page('Quote " title', "# Guide { #guide }\n\nText.", description="'\" http-equiv=\"refresh\" content=\"0'")
    project = make_handbook(tmp_path / "h", {"index.md": page("Home", "# Home { #home }"), "guide.md": evil})
    build_site(project, out=tmp_path / "site", codes=["en"], log=lambda _: None)
    text = html(tmp_path / "site", "guide/")
    assert 'http-equiv="refresh"' not in text
    assert "&#34; http-equiv=&#34;refresh&#34; content=&#34;0" in text


def test_markup_in_front_matter_is_refused_by_the_build_with_its_line(tmp_path):
    evil = page("Guide", "# Guide { #guide }\n\nText.", description="'\"><meta http-equiv=\"refresh\" content=\"0\">'")
    project = make_handbook(tmp_path / "h", {"index.md": page("Home", "# Home { #home }"), "guide.md": evil})
    with pytest.raises(BuildFailed) as refused:
        build_site(project, out=tmp_path / "site", codes=["en"], log=lambda _: None)
    assert "docs/guide.md:3:1: SAFE001 <meta> in the front matter value 'description'" in str(refused.value)
    assert not (tmp_path / "site").exists()


def test_footnotes_are_numbered_in_the_order_they_are_cited(tmp_path):
    body = ("# Notes { #notes }\n\n/// note | Key points\n\n- Boxed claim.[^boxed]\n\n///\n\n"
            "First claim.[^late] Second claim.[^early] Third.[^late] Boxed again.[^boxed]\n\n"
            "[^early]: Defined first, cited second.\n[^late]: Defined last, cited first.\n[^boxed]: In the box.\n")
    project = make_handbook(tmp_path / "h", {"index.md": page("Home", "# Home { #home }"), "notes.md": page("Notes", body)})
    build_site(project, out=tmp_path / "site", codes=["en"], search=False, log=lambda _: None)
    text = html(tmp_path / "site", "notes/")
    shown = re.findall(r'<a class="footnote-ref" href="#fn:([a-z]+)"[^>]*>(\d+)</a>', text)
    # The box at the top is read first: its note is 1, even though Markdown processes blocks last.
    assert shown == [("boxed", "1"), ("late", "2"), ("early", "3"), ("late", "2"), ("boxed", "1")]
    notes = re.findall(r'<li id="fn:([a-z]+)">', text)
    assert notes == ["boxed", "late", "early"]
