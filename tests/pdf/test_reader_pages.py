"""The reader's PDF holds the reader pages: contributor guides stay on the web."""

from __future__ import annotations

from handbook.languages import load_i18n
from handbook.pages.config import read_content_config
from handbook.pdf.source import BookEntry, Part, book_order
from tests.conftest import make_handbook, page

NAV = ("  - index.md\n  - Chapters:\n      - chapters/a.md\n  - Contributing:\n      - contributing/guide.md\n"
       "  - Reference:\n      - glossary.md\n      - contributing/rules.md\n")


def test_contributor_pages_and_their_section_are_left_out_of_the_book(tmp_path) -> None:
    pages = {rel: page(rel, f"# {rel} {{ #x{n} }}") for n, rel in enumerate(
        ["index.md", "chapters/a.md", "contributing/guide.md", "glossary.md", "contributing/rules.md"])}
    project = make_handbook(tmp_path / "h", pages, nav=NAV)
    order = book_order(project, read_content_config(project), load_i18n(project.root), "fr")
    shown = [item.title if isinstance(item, Part) else item.base for item in order]
    assert shown == ["index.md", "Chapters", "chapters/a.md", "Reference", "glossary.md"]
    assert all(isinstance(item, (Part, BookEntry)) for item in order)


def test_without_a_nav_the_book_still_leaves_contributor_pages_out(tmp_path) -> None:
    pages = {rel: page(rel, f"# {rel} {{ #x{n} }}") for n, rel in enumerate(
        ["index.md", "chapters/a.md", "contributing/guide.md"])}
    project = make_handbook(tmp_path / "h", pages)
    order = book_order(project, read_content_config(project), load_i18n(project.root), "en")
    assert [item.base for item in order] == ["index.md", "chapters/a.md"]


def test_a_reader_page_may_link_to_a_contributor_guide_which_stays_on_the_web(tmp_path) -> None:
    from handbook.pdf.book import assemble_book

    pages = {"index.md": page("Home", "# Home { #home }\n\nSee the [authoring guide](contributing/guide.md#guide)."),
             "contributing/guide.md": page("Guide", "# Guide { #guide }\n\nFor contributors.")}
    project = make_handbook(tmp_path / "h", pages, nav="  - index.md\n  - Contributing:\n      - contributing/guide.md\n")
    book = assemble_book(project, "en", "1764547200")
    assert [p for p in book.problems if p.code == "PDF004"] == []
    assert '<a class="hb-web-only">authoring guide</a>' in book.html
    assert "For contributors." not in book.html


def test_table_columns_are_sized_from_their_content_and_header_words_stay_whole(tmp_path) -> None:
    """The glossary's last column came out one letter wide ("So/ur/ce/s", "1,/ 2")."""
    from handbook.pdf.pipeline import build_pdf
    from tests.pdf.fixtures import pdftotext

    long = "A long explanation that fills the column with ordinary words " * 3
    rows = "\n".join(f"| term {n} | avoided {n}; another avoided form; and a third | {long} | 1,\u00a02,\u00a03 |"
                     for n in range(4))
    body = f"# Terms {{ #terms }}\n\n| Preferred term | Instead of | Why | Sources |\n|---|---|---|---|\n{rows}\n"
    project = make_handbook(tmp_path / "h", {"index.md": page("Home", body)}, nav="  - index.md\n")
    result = build_pdf(str(project.root), "en", str(tmp_path / "book.pdf"), "1764547200")
    assert result.ok, [p.text() for p in result.problems] or result.error
    text = pdftotext(tmp_path / "book.pdf")
    assert "Sources" in text
    assert text.count("1, 2, 3") == 4


def test_each_chapter_of_the_book_shows_its_review_dates_in_the_books_language(tmp_path) -> None:
    from handbook.pdf.book import assemble_book

    pages = {"index.md": page("Home", "# Home { #home }\n\nText.", last_reviewed="2026-11-28"),
             "index.fr.md": "---\ntitle: Accueil\ndescription: D.\n---\n\n# Accueil { #home }\n\nTexte.\n"}
    project = make_handbook(tmp_path / "h", pages, nav="  - index.md\n")
    assert "Last reviewed on November 28, 2026 · next review due November 28, 2027" in assemble_book(project, "en", "0").html
    assert "Dernière relecture le 28 novembre 2026" in assemble_book(project, "fr", "0").html


def test_hyphenation_leaves_at_least_four_letters_on_each_side(tmp_path) -> None:
    """'offend-/er.' split two letters off a word: heavy hyphenation is hard to read in print."""
    import re

    from pypdf import PdfReader

    from handbook.pdf.pipeline import build_pdf

    import random

    words = ("responsibilities accountability proportionate requirements recommendations investigation "
             "interviewing considerations organisations offender abuse unaccompanied professionals "
             "internationalisation multidisciplinary confidentiality safeguarding")
    rng = random.Random(7)
    body = "# Print { #print }\n\n" + "\n\n".join(
        " ".join(rng.choice(words.split()) for _ in range(120)) for _ in range(3))
    project = make_handbook(tmp_path / "h", {"index.md": page("Home", body)}, nav="  - index.md\n")
    result = build_pdf(str(project.root), "en", str(tmp_path / "book.pdf"), "1764547200")
    assert result.ok, [p.text() for p in result.problems] or result.error
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "book.pdf").pages)
    vocabulary = {w.lower() for w in words.split()}
    breaks = [(a, b) for a, b in re.findall(r"(\w+)-\n(\w+)", text) if (a + b).lower() in vocabulary]
    assert breaks, "the text is meant to need hyphenation"
    assert [(a, b) for a, b in breaks if len(a) < 4 or len(b) < 4] == []
