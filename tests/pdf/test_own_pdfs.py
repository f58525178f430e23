"""Each chapter and checklist has a PDF of its own: the page alone, with the handbook's title,
edition and date; a checklist fits one page, and one that does not is refused (PDF009)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from handbook.pdf.checks import MIN_TAIL_LINES, check_tails
from handbook.pdf.edition import edition
from handbook.pdf.pipeline import build_pdf
from handbook.pdf.weasy import Rendered
from tests.conftest import make_handbook, page, translated_page
from tests.pdf.fixtures import EPOCH, SECOND, page_texts

pytestmark = pytest.mark.slow

NAV = """  - index.md
  - Chapters:
      - chapters/first.md
      - chapters/second.md
  - Checklists:
      - checklists/steps.md
"""

FIRST = """
# First chapter { #first }

See [the second chapter](second.md#second) and [the steps](../checklists/steps.md#steps).

## Scope { #scope }

The scope.[^a]

[^a]: A source, 2016.
"""

STEPS = "# Steps { #steps }\n\nBefore you start.\n\n## Do { #do }\n\n" + "\n".join(
    f"{n}. Do the step number {n} with care." for n in range(1, 13))
TOO_LONG = "# Steps { #steps }\n\n" + "\n".join(
    f"{n}. Do the step number {n} with care, and write down what was done and why." for n in range(1, 121))


def _handbook(root, steps: str = STEPS):
    return make_handbook(root, {
        "index.md": page("Welcome", "# Welcome { #welcome }\n\nHello."),
        "chapters/first.md": page("First chapter", FIRST, chapter=1),
        "chapters/first.fr.md": translated_page("Premier chapitre", FIRST.replace("First chapter", "Premier chapitre")),
        "chapters/second.md": page("Second chapter", SECOND, chapter=2),
        "checklists/steps.md": page("Steps", steps),
    }, nav=NAV)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("own")
    project = _handbook(root / "handbook")
    results = {}
    for code in ("en", "fr"):
        out = root / "site" / code
        results[code] = build_pdf(str(project.root), code, str(out / f"handbook-{code}.pdf"), EPOCH, str(out))
    return root / "site", results, edition(project, EPOCH)


def test_every_chapter_and_checklist_has_its_own_pdf(built):
    site, results, _ = built
    for code, result in results.items():
        assert result.ok, [d.text() for d in result.problems]
        assert sorted((base, path.relative_to(site / code).as_posix()) for base, path, _ in result.own) == [
            ("chapters/first.md", f"chapters/first/handbook-{code}-first.pdf"),
            ("chapters/second.md", f"chapters/second/handbook-{code}-second.pdf"),
            ("checklists/steps.md", f"checklists/steps/handbook-{code}-steps.pdf"),
        ]
        for _, path, pages in result.own:
            assert len(PdfReader(path).pages) == pages
    assert not (site / "en" / "index").exists()  # the home page is in the book only


def test_a_chapters_pdf_is_that_chapter_with_the_title_edition_and_date(built):
    site, _, ed = built
    own = site / "en/chapters/first/handbook-en-first.pdf"
    texts = page_texts(own)
    assert len(texts) == 1
    text = texts[0]
    assert "1 First chapter" in text  # the chapter's number, from its front matter
    assert text.count("Handbook of Good Practice") == 2 and text.count(ed.date) == 2  # at the head and the foot
    assert "A source, 2016." in text  # footnotes kept
    assert "the second chapter" in text and "The details section." not in text  # only this chapter, links as text
    links = [a.get_object() for p in PdfReader(own).pages for a in p.get("/Annots", [])]
    assert all("/Dest" not in a and "/A" not in a or "/URI" in a["/A"] for a in links)  # no link into nowhere
    french = page_texts(site / "fr/chapters/first/handbook-fr-first.pdf")[0]
    assert "1 Premier chapitre" in french and "page 1 sur 1" in french


def test_a_checklist_pdf_is_one_page_with_tick_boxes_and_room_for_notes(built):
    site, _, _ = built
    own = site / "en/checklists/steps/handbook-en-steps.pdf"
    (text,) = page_texts(own)
    assert "Local contacts and notes" in text and "Do the step number 12 with care." in text


def test_a_checklist_that_does_not_fit_one_page_is_refused(tmp_path):
    project = _handbook(tmp_path / "handbook", TOO_LONG)
    out = tmp_path / "site"
    result = build_pdf(str(project.root), "en", str(out / "handbook-en.pdf"), EPOCH, str(out))
    assert [(d.code, d.path) for d in result.problems] == [("PDF009", "docs/checklists/steps.md")]
    assert "pages; a checklist must fit one page" in result.problems[0].message
    assert not out.exists()  # nothing written, the book included


class _Book:  # what check_tails reads of a book: its entries and their states
    def __init__(self, keys):
        self.entries = [type("E", (), {"key": k, "source_path": f"docs/{k}.md"})() for k in keys]
        self.states = [type("S", (), {"entry": e, "body_line": 8})() for e in self.entries]


@pytest.mark.parametrize(("lines", "anchors", "flagged"), [
    ([40, 40, 3, 0, 40], {"a": 0, "b": 4}, ["a"]),               # a's last page: 3 lines
    ([40, 40, MIN_TAIL_LINES, 0, 40], {"a": 0, "b": 4}, []),     # enough lines
    ([3, 0, 40, 2], {"a": 0, "b": 2}, ["b"]),                    # a one-page chapter is never a tail
    ([40, 2, 1, 40], {"a": 0, "part-2": 2, "b": 3}, ["a"]),      # a part's title page ends the chapter before it
])
def test_a_chapter_ending_on_a_page_of_a_few_lines_is_found(lines, anchors, flagged):
    rendered = Rendered(b"", len(lines), [], anchors, lines=lines)
    found = check_tails(_Book([k for k in anchors if not k.startswith("part-")]), rendered)
    assert [d.path for d in found] == [f"docs/{k}.md" for k in flagged]
    assert all(d.code == "PDF011" for d in found)
