"""The PDF edition of a tiny handbook, read back with pypdf and poppler as a reader would see it."""

from __future__ import annotations

import re

import pytest

from handbook.pdf.book import assemble_book
from handbook.pdf.pipeline import build_pdfs
from tests.pdf.fixtures import (
    ARABIC_SENTENCE, EPOCH, make_book_handbook, outline, page_texts, pdffonts, pdfinfo, pdftotext,
    words_outside_page,
)

pytestmark = pytest.mark.slow
CODES = ("en", "fr", "ar")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("pdfbook")
    project = make_book_handbook(root / "handbook")
    targets = {code: root / "out" / f"handbook-{code}.pdf" for code in CODES}
    results = {r.code: r for r in build_pdfs(project, targets, epoch=EPOCH, jobs=2)}
    return project, targets, results


def test_every_language_builds_cleanly_and_reports_memory(built):
    _, targets, results = built
    for code in CODES:
        assert targets[code].read_bytes().startswith(b"%PDF-1.7")
        assert results[code].ok and results[code].pages > 5
        assert 20 < results[code].peak_mb < 2000


def test_bookmarks_mirror_parts_chapters_and_sections(built):
    _, targets, _ = built
    titles = [(depth, title) for depth, title, _ in outline(targets["en"])]
    assert titles == [(0, "Welcome"), (0, "Chapters"), (1, "First chapter"), (2, "Scope"),
                      (1, "Second chapter"), (2, "Details")]
    assert [t for _, t, _ in outline(targets["fr"])][:4] == ["Welcome", "Chapitres", "Premier chapitre", "Portée"]


@pytest.mark.parametrize("code", CODES)
def test_toc_page_numbers_are_where_chapters_start(built, code):
    _, targets, _ = built
    pages = page_texts(targets[code])
    starts = {title: number for depth, title, number in outline(targets[code]) if depth < 2}
    toc = next(text for text in pages if re.search(r"\.{5,}", text))
    listed = {}
    for line in toc.splitlines():
        # 'Title ..... 9' (left to right); right-to-left lines extract as '9 ..... Title' or 'Title 9 .....'
        match = re.search(r"(\d+)\s*\.{3,}|\.{3,}\s*(\d+)", line)
        if match:
            listed[(line[:match.start()] + line[match.end():]).strip()] = int(match[1] or match[2])
    assert listed == starts
    for title, number in starts.items():
        assert title in pages[number - 1], f"{title} is not on page {number}"


@pytest.mark.parametrize("code", CODES)
def test_chapters_start_on_right_hand_pages(built, code):
    _, targets, _ = built
    # Page 1 is a right-hand page (left-to-right) or its mirror, the first page of a right-to-left
    # book: either way recto pages have odd numbers.
    assert all(number % 2 == 1 for depth, _, number in outline(targets[code]) if depth < 2)


def test_running_header_footer_and_localised_page_numbers(built):
    _, targets, results = built
    en = page_texts(targets["en"])
    second = next(n for d, t, n in outline(targets["en"]) if t == "Second chapter")
    assert en[second + 1].lstrip().startswith("Second chapter")  # recto page inside the chapter
    total = results["en"].pages
    assert f"page 2 of {total}" in en[1]
    assert f"page 2 sur {results['fr'].pages}" in page_texts(targets["fr"])[1]
    assert re.search(rf"الصفحة\s*2\s*من\s*{results['ar'].pages}", page_texts(targets["ar"])[1])


def test_cover_and_colophon(built):
    _, targets, _ = built
    en = page_texts(targets["en"])
    assert "Handbook of Good Practice" in en[0] and "English edition" in en[0] and "DRAFT" in en[0]
    assert "not an official publication" in en[0]
    assert "Creative Commons" in en[1] and "Build date" in en[1] and "2025-11-28" in en[1]
    fr = page_texts(targets["fr"])[1]
    rows = [line for line in fr.splitlines() if line.strip()]
    assert any("Premier chapitre" in r for r in rows) and "Traduit" in fr
    assert "Pas encore traduit (original anglais)" in fr


def test_internal_links_land_on_the_right_page(built):
    from pypdf import PdfReader

    _, targets, _ = built
    reader = PdfReader(str(targets["en"]))
    details = next(n for _, t, n in outline(targets["en"]) if t == "Details")
    welcome = next(n for _, t, n in outline(targets["en"]) if t == "Welcome")
    targets_seen, uris = [], []
    for annot in reader.pages[welcome - 1].get("/Annots") or []:
        annot = annot.get_object()
        action = annot.get("/A")
        if action is not None and action.get("/URI"):
            uris.append(str(action["/URI"]))
            continue
        dest = annot.get("/Dest") or (action.get("/D") if action is not None else None)
        if dest is not None:
            if isinstance(dest, str):
                dest = reader.named_destinations[dest]
                targets_seen.append(reader.get_destination_page_number(dest) + 1)
            else:
                targets_seen.append(reader.get_page_number(dest[0].get_object()) + 1)
    assert details in targets_seen
    assert "https://example.org/guidelines" in uris
    assert "(https://example.org/guidelines)" in page_texts(targets["en"])[welcome - 1]


def test_footnote_admonition_figure_and_wide_table(built):
    _, targets, _ = built
    welcome = next(n for _, t, n in outline(targets["en"]) if t == "Welcome")
    text = page_texts(targets["en"])[welcome - 1]
    assert "Example source, 2016." in text  # at the foot of the page that cites it
    assert "Remember" in text and "Figure caption text" in text
    assert text.count("Column") == 12 and text.count("accord") == 12  # all shown, no word split


@pytest.mark.parametrize("code", CODES)
def test_no_text_outside_the_page(built, code):
    _, targets, _ = built
    assert words_outside_page(targets[code]) == []


@pytest.mark.parametrize("code", CODES)
def test_only_the_handbooks_fonts_are_embedded(built, code):
    _, targets, results = built
    fonts = pdffonts(targets[code])
    ours = {"Noto-Sans", "Noto-Sans-Latin-Ext", "Noto-Sans-Mono", "Noto-Sans-Mono-Latin-Ext", "Amiri",
            "Noto-Sans-Cyrillic", "Noto-Sans-Cyrillic-Ext", "Noto-Sans-Georgian"}
    assert fonts and all(re.sub(r"-(Bold|Italic|Oblique)$", "", f) in ours for f in fonts), fonts
    if code == "en":
        assert "Noto-Sans-Mono" in fonts  # the inline code of the first chapter
    if code == "ar":
        assert "Amiri" in fonts
    assert results[code].problems == []


def test_arabic_extracts_in_logical_order_and_marks_english_chapters(built):
    project, targets, _ = built
    text = " ".join(pdftotext(targets["ar"]).split())
    assert ARABIC_SENTENCE in text
    assert "CSAM" in text and "2016" in text
    assert "لم يُترجم هذا الفصل إلى العربية بعد" in text  # notice on the English fallback chapter
    html = assemble_book(project, "ar", EPOCH).html
    assert re.search(r'<section class="chapter in-part" id="p-chapters-second" lang="en" dir="ltr">', html)
    assert '<html lang="ar" dir="rtl">' in html


@pytest.mark.parametrize("code", CODES)
def test_pdf_ua_identification_language_and_metadata(built, code):
    from pypdf import PdfReader

    _, targets, _ = built
    reader = PdfReader(str(targets[code]))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == code
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfuaid:part(>|=\")1", xmp)
    info = pdfinfo(targets[code])
    assert info["Tagged"] == "yes"
    assert info["CreationDate"].startswith("2025-11-28T03:20:00")
    assert info["Title"] and info["Author"] and info["Subject"] and info["Keywords"]


def test_rebuilds_are_byte_identical(built, tmp_path):
    project, targets, _ = built
    again = tmp_path / "again.pdf"
    build_pdfs(project, {"en": again}, epoch=EPOCH)
    assert again.read_bytes() == targets["en"].read_bytes()
