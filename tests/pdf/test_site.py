"""The build step: each language's PDF next to its pages, and a localised link on every page."""

from __future__ import annotations

import re

import pytest

from handbook.pdf import post_build
from handbook.site.output import write_manifest
from handbook.site.build import BuildFailed, build_site
from tests.pdf.fixtures import make_book_handbook

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("pdfsite")
    project = make_book_handbook(root / "handbook")
    out = root / "site"
    build_site(project, codes=["en", "fr"], out=out, search=False, post_steps=[post_build], log=lambda _: None)
    return project, out


def _pdf_links(html: str) -> list[tuple[str, str]]:
    """(href, text) of the PDF links at the top of a page: a chapter's own PDF first, the book last."""
    block = re.search(r'<p class="hb-pdf-link">(.*?)</p>', html, re.S)
    assert block, "no PDF link on the page"
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', block[1])


def test_each_language_pdf_sits_next_to_its_pages(site):
    _, out = site
    assert (out / "handbook-en.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "fr" / "handbook-fr.pdf").read_bytes().startswith(b"%PDF")
    assert not (out / "ar").exists()  # only the languages built get a PDF


@pytest.mark.parametrize(("page", "own", "text"), [
    ("index.html", None, "Download PDF"),
    ("chapters/second/index.html", "Download this chapter", "Download the whole handbook"),
    ("fr/index.html", None, "Télécharger le PDF"),
    ("fr/chapters/first/index.html", "Télécharger ce chapitre", "Télécharger tout le manuel"),
    # English fallback page, French interface
    ("fr/chapters/second/index.html", "Télécharger ce chapitre", "Télécharger tout le manuel"),
])
def test_every_page_links_to_its_languages_pdf(site, page, own, text):
    _, out = site
    html = (out / page).read_text(encoding="utf-8")
    *first, (href, label) = _pdf_links(html)
    assert label.strip() == text
    if own:  # the chapter's own PDF, next to the page, with its size and pages filled in
        ((own_href, own_label),) = first
        assert own_label.strip() == own and ((out / page).parent / own_href).is_file()
        assert "data-hb-own-pdf-details" not in html
    else:
        assert first == []
    target = ((out / page).parent / href).resolve()
    lang = "fr" if page.startswith("fr/") else "en"
    assert target == (out / ("fr/" if lang == "fr" else "") / f"handbook-{lang}.pdf").resolve()
    if lang == "fr":
        assert "Download PDF" not in html


def test_a_bad_page_fails_the_build_and_keeps_the_old_site(tmp_path):
    project = make_book_handbook(tmp_path / "handbook")
    (project.docs / "chapters" / "first.fr.md").write_text(
        "---\ntitle: Premier chapitre\ndescription: Une page.\n---\n\n# Premier chapitre { #first }\n\n"
        "Un caractère privé \ue000 ici.\n", encoding="utf-8")
    out = tmp_path / "site"
    out.mkdir()
    (out / "marker.txt").write_text("old site")
    write_manifest(out)  # as the build that made it would have
    with pytest.raises(BuildFailed) as info:
        build_site(project, codes=["fr"], out=out, search=False, post_steps=[post_build], log=lambda _: None)
    # Refused before anything is rendered now (FONT001, handbook/check/fonts.py); PDF005 remains for
    # text the PDF makes itself.
    assert "docs/chapters/first.fr.md:8:20: FONT001 no shipped font has \ue000 (U+E000 unnamed)" in str(info.value)
    assert (out / "marker.txt").read_text() == "old site"


@pytest.mark.parametrize(("page", "pattern", "pdf"), [
    ("index.html", r"\(PDF, (\d+\.\d) MB, (\d+) pages\)", "handbook-en.pdf"),
    ("fr/chapters/first/index.html", r"\(PDF, (\d+,\d) Mo, (\d+) pages\)", "fr/handbook-fr.pdf"),
])
def test_the_pdf_link_stands_above_the_text_with_its_size_and_page_count(site, page, pattern, pdf):
    from pypdf import PdfReader

    _, out = site
    html = (out / page).read_text(encoding="utf-8")
    link = html.index('class="hb-pdf-link"')
    assert link < html.index("<h1"), "the link is at the top of the page, before the title"
    details = re.search(pattern, html[link:link + 600])
    assert details, html[link:link + 600]
    size, pages = float(details[1].replace(",", ".")), int(details[2])
    assert pages == len(PdfReader(out / pdf).pages)
    assert abs(size - (out / pdf).stat().st_size / 1_000_000) <= 0.06
    assert "data-hb-pdf-details" not in html
