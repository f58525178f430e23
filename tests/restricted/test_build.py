"""Real builds of a small handbook with the fixture restricted tree: the restricted edition holds
every canary in every language, with its banner, noindex, robots.txt, PDF notice and names; the
public edition, built with the tree present, holds none of it and is the same, byte for byte, as
the one built without the tree."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from handbook.cli import main
from handbook.languages import load_i18n
from tests.conftest import page
from tests.restricted.conftest import FIXTURE, LANGS, canary_words, restricted_handbook

EPOCH = "1790000000"
# A second restricted page, listed first in restricted/nav.yml: the menu follows that file, not names.
SECOND = page("Escalation contacts", "# Escalation contacts { #escalation }\n\nWho to call when the desk is closed.",
              description="When the liaison desk is closed, the duty supervisor takes its calls.")


def _build(project: Path, out: Path, *args: str) -> None:
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    old = Path.cwd()
    os.chdir(project)
    try:
        assert main(["build", "--out", str(out), *args]) == 0
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """(project, restricted site, public site with the tree, public site without it)."""
    tmp = tmp_path_factory.mktemp("restricted-builds")
    project = restricted_handbook(tmp / "h").root
    (project / "restricted" / "docs" / "escalation.md").write_text(SECOND, encoding="utf-8")
    (project / "restricted" / "nav.yml").write_text("- escalation.md\n- liaison-desk.md\n", encoding="utf-8")
    # A translated restricted page links to another restricted page, as its English source would.
    french = project / "restricted" / "docs" / "liaison-desk.fr.md"
    french.write_text(french.read_text(encoding="utf-8") + "\nVoir aussi [les contacts d'escalade](escalation.md).\n",
                      encoding="utf-8")
    saved = {k: os.environ.get(k) for k in ("SOURCE_DATE_EPOCH", "HANDBOOK_ROOT")}
    os.environ["HANDBOOK_ROOT"] = str(project)
    try:
        _build(project, tmp / "restricted-site", "--audience", "restricted")
        _build(project, tmp / "public-with-tree")
        shutil.move(project / "restricted", tmp / "restricted-tree-aside")
        _build(project, tmp / "public-without-tree")
    finally:
        for key, value in saved.items():
            os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)
    return project, tmp / "restricted-site", tmp / "public-with-tree", tmp / "public-without-tree"


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def _text(path: Path) -> str:
    """What a file says, as a reader or a program gets it: PDFs as their text, gzip (Pagefind's
    fragments and indexes, sitemaps) decompressed."""
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if data.startswith(b"pagefind_dcd"):  # Pagefind's own marker before its (decompressed) payload
        data = data[len(b"pagefind_dcd"):]
    return data.decode("utf-8", errors="replace")


def _language_pages(site: Path, lang: str) -> list[Path]:
    top = site if lang == "en" else site / lang
    others = [site / code for code in LANGS if code != "en"]
    return [p for p in top.rglob("*.html") if lang != "en" or not any(o in p.parents for o in others)]


def test_the_restricted_site_holds_every_canary_in_every_language(builds):
    _, site, _, _ = builds
    for lang in LANGS:
        html = "\n".join(p.read_text(encoding="utf-8") for p in _language_pages(site, lang))
        missing = [word for word in canary_words() if word.endswith(lang) and word not in html]
        assert missing == [], lang
    for lang in LANGS:  # the restricted image, published with its page
        prefix = "" if lang == "en" else f"{lang}/"
        image = site / f"{prefix}restricted/images/liaison-chart.png"
        assert image.read_bytes() == (FIXTURE / "docs" / "images" / "liaison-chart.png").read_bytes()


def test_every_restricted_web_page_has_the_banner_and_noindex(builds):
    project, site, _, _ = builds
    i18n = load_i18n(project)
    for lang in LANGS:
        pages = _language_pages(site, lang)
        assert len(pages) >= 5, lang  # home, guide, two restricted pages, 404
        banner = f'<p class="hb-restricted-banner" role="note">{i18n.t(lang, "restricted_banner")}</p>'
        for path in pages:
            html = path.read_text(encoding="utf-8")
            assert banner.replace("\u00a0", "&nbsp;") in html or banner in html, path
            assert '<meta name="robots" content="noindex">' in html, path
    assert (site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"


def test_restricted_pages_are_one_localised_section_in_the_order_of_nav_yml(builds):
    project, site, _, _ = builds
    i18n = load_i18n(project)
    for lang in LANGS:
        prefix = "" if lang == "en" else f"{lang}/"
        html = (site / prefix / "restricted" / "liaison-desk" / "index.html").read_text(encoding="utf-8")
        section = re.search(rf">\s*{re.escape(i18n.t(lang, 'nav_restricted'))}\s*<", html)
        assert section, lang
        after = html[section.end():]
        assert after.index('href="../escalation/"') < after.index('href="./"'), lang  # nav.yml's order


def test_a_translated_restricted_page_links_to_another_restricted_page(builds):
    _, site, _, _ = builds
    html = (site / "fr" / "restricted" / "liaison-desk" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./escalation/"[^>]*>les contacts d\'escalade<', html)


def test_the_restricted_site_has_its_own_search_bundles_and_no_offline_copy(builds):
    _, site, _, _ = builds
    for lang in LANGS:
        bundle = (site if lang == "en" else site / lang) / "pagefind"
        fragments = "\n".join(_text(p) for p in bundle.glob("fragment/*"))
        assert f"slatewren{lang}" in fragments, lang
    assert not [name for name in _files(site) if name.endswith(".zip") or name.endswith("sw.js")]


def test_every_restricted_pdf_page_carries_the_notice_and_the_name_says_restricted(builds):
    project, site, _, _ = builds
    i18n = load_i18n(project)
    pdfs = sorted(name for name in _files(site) if name.endswith(".pdf"))
    assert pdfs == ["ar/handbook-ar-restricted.pdf", "es/handbook-es-restricted.pdf", "fr/handbook-fr-restricted.pdf",
                    "handbook-en-restricted.pdf"]
    for name in pdfs:
        lang = name.split("handbook-")[1][:2]
        pages = _text(site / name).split("\f")[:-1]
        # Arabic text comes out of the PDF with its words in visual order: look for one of its words.
        notice = " ".join((i18n.t(lang, "restricted_banner") if lang != "ar" else "القانون").split())
        assert pages and all(notice in " ".join(text.split()) for text in pages), name
        text = "".join(pages)  # the restricted pages (as the book's last part) and the passage, in the PDF too
        assert [w for w in ("amberkestrel", "slatewren", "copperheron", "mossplover", "tidelark")
                if w + lang not in text] == [], name
        assert i18n.t(lang, "nav_restricted") in " ".join(text.split()) or lang == "ar", name


def test_the_public_build_renders_nothing_of_the_tree(builds):
    _, _, public, _ = builds
    found = []
    for name, path in _files(public).items():
        text = _text(path)
        found += [f"{name}: {word}" for word in [*canary_words(), "restricted-slot", "after-hours-referrals",
                                                 "liaison", 'class="hb-restricted', 'class="md-banner',
                                                 'name="robots"'] if word in text]
    assert found == []
    assert not (public / "restricted").exists() and not (public / "robots.txt").exists()


def test_the_public_build_is_the_same_with_and_without_the_tree(builds):
    _, _, with_tree, without_tree = builds
    a, b = _files(with_tree), _files(without_tree)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name].read_bytes() != b[name].read_bytes()] == []


def test_a_slot_without_a_passage_stops_the_restricted_build(tmp_path, monkeypatch, capsys):
    body = "# Home { #home }\n\nText.\n\n/// restricted-slot | no-such-passage\n///\n"
    project = restricted_handbook(tmp_path / "h", pages={"index.md": page("Home", body), "guide.md": page("Guide", "Text.")})
    monkeypatch.chdir(project.root)
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    assert main(["build", "--audience", "restricted", "--no-pdf", "--lang", "en", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "docs/index.md:13: restricted slot 'no-such-passage' has no passage" in err
    assert "Add restricted/passages/no-such-passage.md" in err
    assert not (tmp_path / "out").exists()
    # The public build of the same page is fine: the slot is removed.
    assert main(["build", "--no-pdf", "--lang", "en", "--out", str(tmp_path / "public")]) == 0


@pytest.mark.parametrize("width", [390, 1280])
def test_the_banner_is_seen_first_at_phone_and_desktop_width_and_right_to_left_in_arabic(builds, browser, serve,
                                                                                            width):
    project, site, _, _ = builds
    i18n = load_i18n(project)
    base = serve(site)
    for path, lang in (("", "en"), ("ar/", "ar"), ("fr/restricted/liaison-desk/", "fr")):
        page_ = browser.new_page(viewport={"width": width, "height": 800})
        try:
            page_.goto(base + path)
            banner = page_.locator(".hb-restricted-banner")
            assert banner.is_visible(), (path, width)
            assert " ".join(banner.inner_text().split()) == " ".join(i18n.t(lang, "restricted_banner").split())
            box = banner.bounding_box()
            assert box["y"] < 60 and box["x"] >= 0 and box["x"] + box["width"] <= width, (path, width, box)
            direction = banner.evaluate("e => getComputedStyle(e).direction")
            assert direction == ("rtl" if lang == "ar" else "ltr"), (path, width)
        finally:
            page_.close()


def test_hostile_markup_in_a_restricted_page_is_refused_naming_its_own_file(tmp_path, capsys):
    from tests.restricted.conftest import restricted_handbook

    project = restricted_handbook(tmp_path / "h").root
    page = project / "restricted" / "docs" / "liaison-desk.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<script>alert(1)</script>\n', encoding="utf-8")
    old = Path.cwd()
    os.chdir(project)
    try:
        assert main(["build", "--audience", "restricted", "--no-pdf", "--lang", "en", "--out", str(tmp_path / "site")]) == 1
    finally:
        os.chdir(old)
    err = capsys.readouterr().err
    assert "restricted/docs/liaison-desk.md:" in err and "docs/restricted/" not in err
