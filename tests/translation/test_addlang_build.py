"""After `language add pt`, the build publishes Portuguese: every page an English fallback, with
the notice, the switcher and the status saying so. A real build of a copy of a small handbook."""

from __future__ import annotations

import re

import pytest

from handbook.languages import load_i18n
from handbook.site.build import build_site
from handbook.translation.addlang import add_language, insert_in_block
from handbook.translation.inventory import load
from tests.conftest import make_handbook, page, translated_page

PAGES = {
    "index.md": page("Home", "# Home { #home }\n\nThe lighthouse guides every reader."),
    "index.fr.md": translated_page("Accueil", "# Accueil { #home }\n\nLe phare guide chaque lecteur."),
    "chapters/harbour.md": page("Harbour", "# Harbour { #harbour }\n\nThe harbour is calm."),
}
NAV = "  - index.md\n  - Chapters:\n      - chapters/harbour.md\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("addlang")
    project = make_handbook(base / "handbook", PAGES, nav=NAV)
    add_language(project, "pt", "Português")  # its policy: a draft below 50% (the placeholder)
    # Material ships no language file for Swahili: `language add` writes the theme's own.
    add_language(project, "sw", "Kiswahili", quotes="“”‘’")
    policy = project.root / "translations" / "publication.yml"  # Spanish: not linked below 50%
    policy.write_text(insert_in_block(policy.read_text(encoding="utf-8"), "languages",
                                      "  es:\n    pdf_min_up_to_date: 0\n    web_min_up_to_date: 50\n    web_below: unlisted\n",
                                      policy), encoding="utf-8")
    site = base / "site"
    report = build_site(project, out=site, jobs=2, log=lambda _: None)
    return project, site, report


def test_the_new_language_builds_without_a_problem(built):
    _, site, report = built
    assert [r.code for r in report.languages if not r.ok] == []
    assert {r.code for r in report.languages} >= {"pt", "sw"}
    assert (site / "pt" / "index.html").is_file() and (site / "pt" / "chapters" / "harbour" / "index.html").is_file()


@pytest.mark.parametrize("path", ["pt/index.html", "pt/chapters/harbour/index.html"])
def test_every_page_is_the_english_text_with_the_fallback_notice_in_the_new_language(built, path):
    project, site, _ = built
    html = (site / path).read_text(encoding="utf-8")
    assert re.search(r'<html[^>]*\blang="pt"[^>]*dir="ltr"', html)
    assert "hb-notice--fallback" in html
    # The notice is pt's own UI string, which is the English text until the team translates it.
    assert load_i18n(project.root).t("pt", "fallback_notice") in html
    assert "The lighthouse guides every reader." in html or "The harbour is calm." in html


def test_the_switcher_of_every_language_offers_portuguese_and_not_an_unlisted_language(built):
    _, site, _ = built
    for path in ("index.html", "fr/index.html", "pt/index.html"):
        html = (site / path).read_text(encoding="utf-8")
        assert re.search(r'hreflang="pt"[^>]*>\s*Português', html), path
        assert 'hreflang="es"' not in html, path
    # Spanish is built all the same, and its own switcher names it.
    assert re.search(r'hreflang="es"[^>]*aria-current="page"', (site / "es/index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("path", "draft"), [("pt/index.html", True), ("pt/chapters/harbour/index.html", True),
                                             ("fr/index.html", False), ("index.html", False), ("es/index.html", False)])
def test_a_language_below_its_web_threshold_says_it_is_a_draft(built, path, draft):
    project, site, _ = built
    html = (site / path).read_text(encoding="utf-8")
    assert ("hb-notice--draft" in html) is draft
    if draft:
        assert load_i18n(project.root).t("pt", "translation_draft_notice") in html


@pytest.mark.parametrize(("path", "title"), [("pt/chapters/harbour/index.html", "Chapters"),
                                             ("fr/chapters/harbour/index.html", "Chapitres")])
def test_navigation_section_titles_come_from_the_ui_strings(built, path, title):
    # pt's string is the scaffolded English; fr's is its translation, as mkdocs.yml used to list it.
    _, site, _ = built
    html = (site / path).read_text(encoding="utf-8")
    assert re.search(rf'<span class="md-ellipsis">\s*{title}\s*</span>', html), path


def test_status_counts_no_portuguese_page_up_to_date(built):
    project, _, _ = built
    status = load(project.root).language("pt")
    assert status.pages_up_to_date == 0 and status.pages_percent == 0


def test_a_language_material_does_not_ship_gets_the_themes_language_file_and_its_own_lang(built):
    project, site, _ = built
    partial = project.root / "overrides" / "partials" / "languages" / "sw.html"
    assert '"language": "sw"' in partial.read_text(encoding="utf-8")
    assert not (project.root / "overrides" / "partials" / "languages" / "pt.html").exists()  # Material has pt
    html = (site / "sw" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html[^>]*\blang="sw"[^>]*dir="ltr"', html)
    assert "Skip to content" in html  # Material's own strings fall back to English
