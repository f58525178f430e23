"""The offline pieces without a browser: file:// links, the files of a language, the worker's data,
the manifests, the ZIP's README and search index, and the ZIP's determinism."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest

from handbook.languages import load_i18n
from handbook.offline import bundle, webapp
from handbook.offline.files import language_files, url_of
from tests.conftest import REPO

I18N = load_i18n(REPO)


@pytest.mark.parametrize(("href", "expected"), [
    ("guide/", "guide/index.html"),
    ("..", "../index.html"),
    ("../", "../index.html"),
    (".", "./index.html"),
    ("./", "./index.html"),
    ("../guide/#section-one", "../guide/index.html#section-one"),
    ("a/..", "a/../index.html"),
    ("guide/?q=1", "guide/index.html?q=1"),
    ("#section-one", "#section-one"),              # same page
    ("", ""),
    ("../assets/site.css", "../assets/site.css"),  # a file already
    ("handbook-fr.pdf", "handbook-fr.pdf"),
    ("https://example.org/", "https://example.org/"),
    ("mailto:x@example.org", "mailto:x@example.org"),
    ("/guide/", "/guide/"),                        # absolute paths are refused by the build anyway
])
def test_file_href(href, expected):
    assert bundle.file_href(href) == expected


def test_file_links_rewrites_link_targets_only():
    html = ('<link rel="prev" href=".."><a class="x" href=\'guide/\'>g</a><a href=extra/>e</a>'
            '<img src="guide/"><script>var a = "<a href=\\"x/\\">";</script><a href="#top">t</a>')
    assert bundle.file_links(html) == (
        '<link rel="prev" href="../index.html"><a class="x" href=\'guide/index.html\'>g</a>'
        '<a href=extra/index.html>e</a><img src="guide/"><script>var a = "<a href=\\"x/\\">";</script>'
        '<a href="#top">t</a>')


@pytest.mark.parametrize(("page", "html", "expected"), [
    ("guide/index.html", '<a href="../fr/guide/" hreflang="fr">Français</a>',
     '<a data-hb-absent="../fr/guide/index.html" hreflang="fr">Français</a>'),      # not in this ZIP
    ("guide/index.html", '<a href="../extra/">Extra</a>', '<a href="../extra/index.html">Extra</a>'),
    ("guide/index.html", '<a href="../../guide/">English</a>',
     '<a data-hb-absent="../../guide/index.html">English</a>'),                     # out of the ZIP
    ("guide/index.html", '<a href="#section-one">§</a>', '<a href="#section-one">§</a>'),
    ("index.html", '<a href="handbook-en.pdf">PDF</a>', '<a href="handbook-en.pdf">PDF</a>'),
    ("index.html", '<a href="handbook-en-offline.zip">ZIP</a>', '<a data-hb-absent="handbook-en-offline.zip">ZIP</a>'),
    ("index.html", '<a href="https://example.org/">x</a>', '<a href="https://example.org/">x</a>'),
])
def test_in_the_zip_a_link_to_a_file_it_does_not_hold_is_no_longer_a_link(page, html, expected):
    present = frozenset({"index.html", "guide/index.html", "extra/index.html", "handbook-en.pdf"})
    assert bundle.file_links(html, page, present) == expected


def _tree(root: Path, files: dict[str, bytes]) -> Path:
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


SITE = {
    "index.html": b"<p>home</p>", "guide/index.html": b"<p>guide</p>", "404.html": b"404",
    "handbook-en.pdf": b"%PDF-en", "guide/handbook-en-guide.pdf": b"%PDF-guide",
    "assets/javascripts/bundle.js": b"js", "assets/javascripts/bundle.js.map": b"map",
    "assets/javascripts/lunr/min/lunr.fr.js": b"lunr", "pagefind/pagefind.js": b"pf",
    "pagefind/pagefind-highlight.js": b"unused", "sw.js": b"worker", "handbook-en-offline.zip": b"zip",
    "fr/index.html": b"<p>accueil</p>", "fr/handbook-fr.pdf": b"%PDF-fr", "ar/index.html": b"ar",
}


@pytest.mark.parametrize(("code", "pages", "pdfs"), [
    ("en", ["404.html", "assets/javascripts/bundle.js", "guide/index.html", "index.html", "pagefind/pagefind.js"],
     ["guide/handbook-en-guide.pdf", "handbook-en.pdf"]),
    ("fr", ["index.html"], ["handbook-fr.pdf"]),
    ("es", [], []),
])
def test_a_language_is_its_folder_without_the_other_languages_or_unused_files(tmp_path, code, pages, pdfs):
    files = language_files(_tree(tmp_path, SITE), I18N, code)
    assert [rel for rel, _ in files.pages] == pages
    assert [rel for rel, _ in files.pdfs] == pdfs
    assert files.size == sum(len(SITE[(I18N.prefix(code)) + rel]) for rel in pages)


def test_the_version_changes_with_any_file_and_only_then(tmp_path):
    site = _tree(tmp_path, SITE)
    before = language_files(site, I18N, "en").version()
    assert language_files(site, I18N, "en").version() == before
    assert language_files(site, I18N, "fr").version() != before
    (site / "fr" / "index.html").write_bytes(b"<p>autre</p>")  # another language changed
    assert language_files(site, I18N, "en").version() == before
    (site / "guide" / "index.html").write_bytes(b"<p>guide, edition 2</p>")
    assert language_files(site, I18N, "en").version() != before


@pytest.mark.parametrize(("code", "others"), [("en", ["fr/", "es/", "ar/"]), ("fr", []), ("ar", [])])
def test_each_worker_knows_its_files_as_pages_link_them_and_leaves_other_languages_alone(tmp_path, code, others):
    config = webapp.worker_config(I18N, language_files(_tree(tmp_path, SITE), I18N, code))
    assert config["lang"] == code and config["others"] == others
    urls = [url for url, _ in config["files"]]
    assert "index.html" not in urls and all(not u.startswith(tuple(others)) for u in urls)
    if code != "es":
        assert "./" in urls
    script = webapp.worker_script(config)
    assert "/*HB_CONFIG*/null" not in script and json.dumps(config["version"]) in script


@pytest.mark.parametrize(("rel", "url"), [("index.html", "./"), ("guide/index.html", "guide/"),
                                          ("404.html", "404.html"), ("pagefind/x.pf_meta", "pagefind/x.pf_meta")])
def test_url_of(rel, url):
    assert url_of(rel) == url


@pytest.mark.parametrize(("code", "direction", "short_name"), [
    ("en", "ltr", "Handbook"), ("fr", "ltr", "Manuel"), ("es", "ltr", "Manual"), ("ar", "rtl", "الدليل"),
])
def test_each_language_is_an_app_of_its_own(code, direction, short_name):
    manifest = webapp.manifest(I18N, code)
    assert (manifest["lang"], manifest["dir"], manifest["short_name"]) == (code, direction, short_name)
    assert manifest["name"] == I18N.t(code, "site_name")
    assert manifest["start_url"] == manifest["scope"] == "./"  # relative to the language's own manifest
    assert [i["sizes"] for i in manifest["icons"]] == ["192x192", "512x512"]


def test_icons_are_pngs_of_their_size_and_the_same_every_build():
    from io import BytesIO

    from PIL import Image

    for size in webapp.ICON_SIZES:
        assert Image.open(BytesIO(webapp.icon_png(size))).size == (size, size)
        assert webapp.icon_png(size) == webapp.icon_png(size)


def _fragment(folder: Path, name: str, record: dict) -> None:
    path = folder / "pagefind" / "fragment" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(b"pagefind_dcd" + json.dumps(record).encode("utf-8")))


def test_the_zip_search_index_holds_what_pagefind_indexed_with_file_links(tmp_path):
    _fragment(tmp_path, "fr_1.pf_fragment", {"url": "/guide/", "content": "Le port protège les enfants.",
                                             "meta": {"title": "Guide pratique"}})
    _fragment(tmp_path, "fr_0.pf_fragment", {"url": "/", "content": "Accueil.", "meta": {"title": "Accueil"}})
    assert bundle.search_entries(tmp_path) == [
        {"url": "./index.html", "title": "Accueil", "text": "Accueil."},
        {"url": "guide/index.html", "title": "Guide pratique", "text": "Le port protège les enfants."},
    ]
    script = bundle.search_script(tmp_path)
    assert script.startswith("/*") and "window.HB_SEARCH_INDEX=[" in script and "protège" in script


@pytest.mark.parametrize(("code", "words"), [
    ("en", "open index.html"), ("fr", "ouvrez index.html"), ("es", "abra index.html"), ("ar", "index.html"),
])
def test_the_readme_is_in_the_language_of_the_zip(code, words):
    text = bundle.readme(I18N, code, [f"handbook-{code}.pdf"])
    assert text.startswith(I18N.t(code, "site_name")) and words in text and f"handbook-{code}.pdf" in text


def test_the_zip_is_the_same_bytes_every_build_and_dated_by_source_date_epoch(tmp_path):
    site = _tree(tmp_path / "site", SITE)
    _fragment(site, "en_0.pf_fragment", {"url": "/", "content": "Home.", "meta": {"title": "Home"}})
    files = language_files(site, I18N, "en")
    pages = {"index.html": '<a href="guide/">g</a>'}
    made = []
    for name in ("a.zip", "b.zip"):
        bundle.write_zip(tmp_path / name, I18N, files, "handbook-en.pdf", 1764000000, pages)
        made.append((tmp_path / name).read_bytes())
    assert made[0] == made[1]
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        names = archive.namelist()
        assert names == sorted(names) and all(n.startswith("handbook-en/") for n in names)
        assert "handbook-en/README.txt" in names and "handbook-en/search-index.js" in names
        assert "handbook-en/fr/index.html" not in names and "handbook-en/sw.js" not in names
        assert {i.date_time for i in archive.infolist()} == {(2025, 11, 24, 16, 0, 0)}
        assert archive.read("handbook-en/index.html") == b'<a href="guide/index.html">g</a>'


def test_two_builds_write_the_same_workers_manifests_icons_and_zips(tmp_path, monkeypatch):
    from handbook.offline import post_build
    from handbook.site import csp
    from handbook.site.build import build_site
    from tests.conftest import make_handbook
    from tests.site.test_build import NAV, PAGES, tree_digest

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    project = make_handbook(tmp_path / "handbook", PAGES, nav=NAV)
    digests = []
    for out in ("one", "two"):
        build_site(project, codes=["en", "fr"], out=tmp_path / out, jobs=2,
                   post_steps=[csp.post_build, post_build], log=lambda _: None)
        digests.append(tree_digest(tmp_path / out))
    assert digests[0] == digests[1]
    made = {name for name in digests[0] if name.endswith(("sw.js", ".webmanifest", ".zip", "-512.png"))}
    assert made == {"sw.js", "manifest.webmanifest", "handbook-en-offline.zip", "assets/images/handbook-icon-512.png",
                    "fr/sw.js", "fr/manifest.webmanifest", "fr/handbook-fr-offline.zip",
                    "fr/assets/images/handbook-icon-512.png"}


@pytest.mark.parametrize(("lang", "url", "src_uri", "outputs", "expected"), [
    ("fr", "", "index.fr.md", {"offline"}, {"zip_href": "handbook-fr-offline.zip",
                                            "roots": {"ar": "../ar/", "en": "../", "es": "../es/", "fr": "./"}}),
    ("en", "guide/", "guide.md", {"offline", "pdf"}, {"zip_href": "",
                                                      "roots": {"ar": "../ar/", "en": "../", "es": "../es/", "fr": "../fr/"}}),
    ("en", "", "index.md", {"pdf"}, None),   # mkdocs serve, or a build without the offline step
    ("ar", "404.html", None, {"offline"}, None),  # the 404 page cannot tell where its worker lives
])
def test_what_templates_see_of_the_offline_copy(lang, url, src_uri, outputs, expected):
    from handbook.offline.site import offline_context
    from handbook.pageinfo import PageInfo

    got = offline_context(PageInfo(REPO, I18N, lang, url, src_uri, outputs=frozenset(outputs)))["offline"]
    if expected is None:
        assert got is None
    else:
        assert (got["zip_href"], json.loads(got["roots"])) == (expected["zip_href"], expected["roots"])
