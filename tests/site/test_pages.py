"""Pure page logic: relative switcher links, source languages, <html dir>."""

from __future__ import annotations

import pytest

from handbook.languages import load_i18n
from handbook.site import pages
from tests.conftest import REPO


@pytest.fixture(scope="module")
def i18n():
    return load_i18n(REPO)


@pytest.mark.parametrize(
    ("from_url", "to_url", "expected"),
    [
        ("", "fr/", "fr/"),
        ("fr/", "", "../"),
        ("fr/", "fr/", "./"),
        ("fr/chapters/x/", "chapters/x/", "../../../chapters/x/"),
        ("chapters/x/", "ar/chapters/x/", "../../ar/chapters/x/"),
        ("es/chapters/x/", "ar/chapters/x/", "../../../ar/chapters/x/"),
    ],
)
def test_relative_href(from_url, to_url, expected):
    assert pages.relative_href(from_url, to_url) == expected


def test_alternates_lead_to_the_same_page_in_every_language(i18n):
    alts = pages.alternates(i18n, "fr", "chapters/x/")
    assert [(a.code, a.href, a.current) for a in alts] == [
        ("en", "../../../chapters/x/", False),
        ("fr", "./", True),
        ("es", "../../../es/chapters/x/", False),
        ("ar", "../../../ar/chapters/x/", False),
    ]
    assert all(not a.href.startswith("/") for a in alts)


@pytest.mark.parametrize(
    ("src", "lang"),
    [("a/b.md", "en"), ("a/b.fr.md", "fr"), ("index.ar.md", "ar"), ("a/b.de.md", "en"), ("x.es.md", "es")],
)
def test_source_language(i18n, src, lang):
    assert pages.source_language(i18n, src) == lang


def test_fallback_only_when_the_file_is_not_in_the_built_language(i18n):
    assert pages.is_fallback(i18n, "fr", "a.md")
    assert not pages.is_fallback(i18n, "fr", "a.fr.md")
    assert not pages.is_fallback(i18n, "en", "a.md")


def test_set_html_direction_replaces_an_existing_dir():
    html = '<!doctype html>\n<html lang="ar" class="no-js" dir="ltr"><body></body></html>'
    assert pages.set_html_direction(html, "rtl").count('dir="rtl"') == 1
    assert 'dir="ltr"' not in pages.set_html_direction(html, "rtl")


def test_translations_hide_their_english_original_in_their_own_build_only(i18n):
    uris = ["index.md", "index.fr.md", "a/guide.md", "a/guide.fr.md", "a/guide.es.md", "extra.md"]
    assert pages.shadowed_originals(i18n, "fr", uris) == {"index.md", "a/guide.md"}
    assert pages.shadowed_originals(i18n, "es", uris) == {"a/guide.md"}
    assert pages.shadowed_originals(i18n, "ar", uris) == set()
    assert pages.shadowed_originals(i18n, "en", uris) == set()


def test_a_build_of_one_language_leaves_out_the_other_languages_pages(i18n):
    uris = ["index.md", "index.fr.md", "a/guide.md", "a/guide.fr.md", "a/guide.es.md", "a/guide.ar.md"]
    assert pages.other_languages_pages(i18n, "fr", uris) == {"a/guide.es.md", "a/guide.ar.md"}
    assert pages.other_languages_pages(i18n, "en", uris) == {"index.fr.md", "a/guide.fr.md", "a/guide.es.md",
                                                              "a/guide.ar.md"}


def test_nav_sections_are_the_entries_that_hold_a_list():
    nav = ["index.md", {"Chapters": ["a.md", {"Part": ["b.md"]}]}, {"Glossary": "glossary.md"}]
    assert pages.section_titles(nav) == ["Chapters", "Part"]
