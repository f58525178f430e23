"""The PDF cache (handbook.pdf.cache): a document whose inputs did not change is taken from the cache,
byte for byte what a clean render gives; an edited page renders its own PDF and the book again, not
the others, and the book once, with the spacing each chapter settled on; an entry that cannot be
trusted is rendered again; without the cache nothing is kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from handbook.pdf import cache as pdf_cache
from handbook.pdf.pipeline import build_pdf
from handbook.site.build import build_site
from tests.pdf.fixtures import EPOCH
from tests.conftest import page
from tests.pdf.test_own_pdfs import _handbook

pytestmark = pytest.mark.slow

DOCUMENTS = 4  # the book, two chapters and a checklist
CHAPTERS = 4  # the book's chapters (the welcome page, two chapters and the checklist), each with its spacing


def _pdfs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.pdf"))}


def _build(project, out: Path, cache: Path | None, code: str = "fr"):
    result = build_pdf(str(project.root), code, str(out / f"handbook-{code}.pdf"), EPOCH, str(out),
                       cache_dir=str(cache or ""))
    assert result.ok, [d.text() for d in result.problems] + [result.error]
    return result


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("pdfcache")
    project = _handbook(root / "handbook")
    cache = pdf_cache.pdf_cache_root(project)
    first = _build(project, root / "first", cache)
    second = _build(project, root / "second", cache)
    page = project.docs / "chapters" / "first.fr.md"
    page.write_text(page.read_text(encoding="utf-8").replace("The scope.", "The whole scope."), encoding="utf-8")
    edited = _build(project, root / "edited", cache)
    clean = _build(project, root / "clean", None)
    return project, root, {"first": first, "second": second, "edited": edited, "clean": clean}


def test_the_first_build_renders_every_document_and_keeps_it(runs):
    project, _, results = runs
    assert results["first"].reused == 0 and len(results["first"].cache_keys) == DOCUMENTS + CHAPTERS
    stored = [p for p in pdf_cache.pdf_cache_root(project).iterdir() if not p.name.startswith(".")]
    assert len(stored) >= DOCUMENTS + CHAPTERS
    assert len(results["first"].tried) == CHAPTERS and results["first"].renders[""] == 1


def test_unchanged_documents_come_from_the_cache_byte_for_byte(runs):
    _, root, results = runs
    assert results["second"].reused == DOCUMENTS
    assert results["second"].pages == results["first"].pages
    assert [pages for _, _, pages in results["second"].own] == [pages for _, _, pages in results["first"].own]
    assert _pdfs(root / "second") == _pdfs(root / "first") and len(_pdfs(root / "first")) == DOCUMENTS


def test_an_edited_page_renders_its_own_pdf_and_the_book_only(runs):
    _, root, results = runs
    assert results["edited"].reused == DOCUMENTS - 2
    edited, before = _pdfs(root / "edited"), _pdfs(root / "first")
    changed = sorted(name for name in edited if edited[name] != before[name])
    assert changed == ["chapters/first/handbook-fr-first.pdf", "handbook-fr.pdf"]
    # Only the edited chapter is laid out alone, to find its spacing; the book is rendered once.
    assert results["edited"].tried == ["p-chapters-first"]
    assert sorted(results["edited"].renders) == ["", "chapters/first.md"] and results["edited"].renders[""] == 1


def test_what_the_cache_gives_equals_a_clean_build(runs):
    _, root, results = runs
    assert results["clean"].reused == 0 and not results["clean"].cache_keys
    assert _pdfs(root / "edited") == _pdfs(root / "clean")


def _damage_bytes(entry: Path) -> None:
    path = entry / pdf_cache.DOCUMENT
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _rewrite_record(change):
    def damage(entry: Path) -> None:
        record = json.loads((entry / "entry.json").read_text(encoding="utf-8"))
        change(record)
        (entry / "entry.json").write_text(json.dumps(record), encoding="utf-8")
    return damage


@pytest.mark.parametrize("damage", [
    _damage_bytes,
    lambda entry: (entry / pdf_cache.DOCUMENT).write_bytes(b"%PDF-1.7\n"),
    lambda entry: (entry / pdf_cache.DOCUMENT).unlink(),
    lambda entry: (entry / "entry.json").write_text("{not json", encoding="utf-8"),
    _rewrite_record(lambda r: r.update(key="0" * 64)),
    _rewrite_record(lambda r: r.update(pages=0)),
    _rewrite_record(lambda r: r.update(format=0)),
], ids=["flipped-byte", "truncated", "no-document", "bad-record", "other-key", "no-pages", "old-format"])
def test_an_entry_that_cannot_be_trusted_is_rendered_again(runs, tmp_path, damage):
    project, root, results = runs
    cache = tmp_path / "cache"
    shutil.copytree(pdf_cache.pdf_cache_root(project), cache)  # the edited handbook's entries, in a copy
    key = results["edited"].cache_keys[1 + CHAPTERS]  # the first chapter's own PDF (after the book and the spacings)
    damage(cache / key)
    again = _build(project, tmp_path / "again", cache)
    assert again.reused == DOCUMENTS - 1
    assert _pdfs(tmp_path / "again") == _pdfs(root / "clean")
    assert pdf_cache.load(cache, key) is not None  # rendered again and stored again


def test_a_build_without_its_cache_keeps_no_pdfs(tmp_path):
    from handbook.pdf import post_build

    project = _handbook(tmp_path / "handbook")
    build_site(project, codes=["en"], out=tmp_path / "site", search=False, post_steps=[post_build],
               log=lambda _: None)
    assert (tmp_path / "site" / "handbook-en.pdf").is_file()
    assert not pdf_cache.pdf_cache_root(project).exists()


# A second chapter of 18 paragraphs ends on a page of two lines at the normal spacing, and fits its
# pages at the tighter one (with the pinned WeasyPrint and fonts; the fixture checks both).
TAILED = "# Second chapter { #second }\n\n" + "\n\n".join(
    f"Paragraph {k}: officers listen to the child first, write down what was said, and keep the record safe."
    for k in range(1, 19))


@pytest.fixture(scope="module")
def tailed(tmp_path_factory):
    from handbook.pdf.book import assemble_book, probe_document
    from handbook.pdf.checks import short_tails
    from handbook.pdf.weasy import layout

    root = tmp_path_factory.mktemp("pdfspacing")
    project = _handbook(root / "handbook")
    (project.docs / "chapters" / "second.md").write_text(
        page("Second chapter", TAILED, chapter=2), encoding="utf-8")
    book = assemble_book(project, "en", EPOCH)
    for spacing, tails in (("", True), ("hb-tight", False)):
        laid = layout(probe_document(book, [SECOND_KEY], {SECOND_KEY: spacing}), base_url=book.base_url,
                      roots=book.roots)
        assert (SECOND_KEY in short_tails([SECOND_KEY], laid.anchor_pages, laid.lines, laid.pages)) is tails
    cache = pdf_cache.pdf_cache_root(project)
    first = _build(project, root / "first", cache, "en")
    page_path = project.docs / "chapters" / "first.md"
    page_path.write_text(page_path.read_text(encoding="utf-8").replace("The scope.", "The whole scope."),
                         encoding="utf-8")
    edited = _build(project, root / "edited", cache, "en")
    clean = _build(project, root / "clean", None, "en")
    return project, root, cache, {"first": first, "edited": edited, "clean": clean}


SECOND_KEY = "p-chapters-second"


def test_a_chapter_that_needs_tightening_is_found_before_the_book_is_rendered(tailed):
    _, root, _, results = tailed
    for name in ("first", "clean"):  # with and without the cache: the book is rendered once
        assert results[name].renders[""] == 1 and SECOND_KEY in results[name].tried
    assert not results["first"].problems  # the tail check passed on the book itself


def test_an_edit_elsewhere_keeps_the_settled_spacing_and_equals_a_clean_build(tailed):
    _, root, _, results = tailed
    assert results["edited"].tried == ["p-chapters-first"]  # the second chapter's spacing came from the cache
    assert results["edited"].renders[""] == 1
    assert _pdfs(root / "edited") == _pdfs(root / "clean")


def test_a_wrong_spacing_in_the_cache_costs_a_render_not_a_bad_page(tailed, tmp_path):
    project, root, cache, results = tailed
    copy = tmp_path / "cache"
    shutil.copytree(cache, copy)
    book_key, *spacing_keys = results["edited"].cache_keys[:1 + CHAPTERS]
    shutil.rmtree(copy / book_key)  # the book is rendered again
    wrong = [k for k in spacing_keys if pdf_cache.load_spacing(copy, k, ("hb-tight",)) == "hb-tight"]
    assert len(wrong) == 1
    pdf_cache.save_spacing(copy, wrong[0], "")  # as if the second chapter needed nothing
    again = _build(project, tmp_path / "again", copy, "en")
    assert again.tried == [] and again.renders[""] == 2  # the tail was seen on the book, and fixed
    assert _pdfs(tmp_path / "again") == _pdfs(root / "clean")
    assert pdf_cache.load_spacing(copy, wrong[0], ("", "hb-tight")) == "hb-tight"  # and the entry corrected


@pytest.mark.parametrize("record", ['{"format": 1, "key": "KEY", "spacing": "hb-wide"}', "{not json",
                                    '{"format": 0, "key": "KEY", "spacing": "hb-tight"}', '["hb-tight"]'],
                         ids=["unknown-spacing", "bad-record", "old-format", "not-a-record"])
def test_a_spacing_entry_that_cannot_be_trusted_is_not_used(tmp_path, record):
    key = "a" * 64
    (tmp_path / key).mkdir()
    (tmp_path / key / "entry.json").write_text(record.replace("KEY", key), encoding="utf-8")
    assert pdf_cache.load_spacing(tmp_path, key, ("", "hb-tight", "hb-loose")) is None
    pdf_cache.save_spacing(tmp_path, key, "hb-tight")
    assert pdf_cache.load_spacing(tmp_path, key, ("", "hb-tight", "hb-loose")) == "hb-tight"
