"""The sitemap: one, at the root, written from the assembled site when mkdocs.yml names the site's
address; every page of every language with its translations as hreflang alternates; no page shown
in English for want of a translation; the same file from one machine and from assembled parts."""

from __future__ import annotations

import os

import pytest
from defusedxml import ElementTree

from handbook.pages.walk import PUBLIC, RESTRICTED
from handbook.site.assemble import assemble, sitemap_address
from handbook.site.build import BuildFailed, build_site
from handbook.site.sitemap import SITEMAP, site_address
from tests.conftest import make_handbook, page, translated_page

ADDRESS = "https://handbook.example.org/hb/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
PAGES = {
    "index.md": page("Home", "The handbook's home."),
    "index.fr.md": translated_page("Accueil", "L'accueil du manuel."),
    "index.es.md": translated_page("Inicio", "El inicio del manual."),
    "index.ar.md": translated_page("الرئيسية", "الصفحة الرئيسية للدليل."),
    "guide.md": page("Guide", "Guidance for officers."),
    "guide.es.md": translated_page("Guía", "Orientación para agentes."),
}


def _with_address(address: str):
    return lambda config: config.replace("site_name:", f"site_url: {address}\nsite_name:", 1)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1790000000"  # the fixture is not a git checkout
    try:
        base = tmp_path_factory.mktemp("sitemap")
        project = make_handbook(base / "handbook", PAGES, config_edit=_with_address(ADDRESS.rstrip("/")))
        build_site(project, out=base / "site", jobs=2, log=lambda line: None)
        parts = []
        for code in ("en", "fr", "es", "ar"):
            parts.append(base / "parts" / code)
            build_site(project, codes=[code], out=parts[-1], jobs=1, part=True, log=lambda line: None)
        assemble(project, parts, base / "assembled", epoch="1790000000", log=lambda line: None)
        yield project, base
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def _urls(base, folder="site") -> dict[str, dict[str, str]]:
    root = ElementTree.fromstring((base / folder / SITEMAP).read_bytes())
    return {url.find("s:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
            for url in root.findall("s:url", NS)}


def test_every_language_s_own_pages_are_listed_with_their_translations(built):
    _, base = built
    urls = _urls(base)
    home = {"en": ADDRESS, "fr": ADDRESS + "fr/", "es": ADDRESS + "es/", "ar": ADDRESS + "ar/"}
    guide = {"en": ADDRESS + "guide/", "es": ADDRESS + "es/guide/"}
    assert set(urls) == set(home.values()) | set(guide.values())
    for url in home.values():
        assert urls[url] == {**home, "x-default": ADDRESS}
    for url in guide.values():
        assert urls[url] == {**guide, "x-default": ADDRESS + "guide/"}


def test_a_page_shown_in_english_for_want_of_a_translation_is_not_listed(built):
    _, base = built
    fallback = (base / "site" / "fr" / "guide" / "index.html").read_text(encoding="utf-8")
    assert "Guidance for officers." in fallback  # the French site has the page, in English
    assert ADDRESS + "fr/guide/" not in _urls(base)


def test_the_assembled_parts_have_the_same_sitemap(built):
    _, base = built
    assert (base / "assembled" / SITEMAP).read_bytes() == (base / "site" / SITEMAP).read_bytes()
    assert not any((base / "parts" / code / SITEMAP).exists() for code in ("en", "fr"))  # a part has none


def test_no_address_no_sitemap_and_the_restricted_edition_has_none(built, tmp_path):
    project, _ = built
    assert sitemap_address(project, PUBLIC) == ADDRESS and sitemap_address(project, RESTRICTED) == ""
    plain = make_handbook(tmp_path / "plain", {"index.md": PAGES["index.md"]})
    assert site_address(plain) == ""
    build_site(plain, codes=["en"], out=tmp_path / "out", jobs=1, log=lambda line: None)
    assert not (tmp_path / "out" / SITEMAP).exists()


def test_an_address_that_is_not_a_web_address_stops_the_build_before_it_starts(tmp_path):
    project = make_handbook(tmp_path / "bad", {"index.md": PAGES["index.md"]},
                            config_edit=_with_address("handbook.example.org"))
    with pytest.raises(BuildFailed) as caught:
        build_site(project, out=tmp_path / "out", log=lambda line: None)
    message = str(caught.value)
    assert "mkdocs.yml" in message and "site_url 'handbook.example.org' is not the web address" in message
    assert "https://example.org/handbook/" in message  # how to fix it
    assert not (tmp_path / "out").exists()
