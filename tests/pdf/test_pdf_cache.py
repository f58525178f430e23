"""The PDF cache (handbook.pdf.cache): a document whose inputs did not change is taken from the cache,
byte for byte what a clean render gives; an edited page renders its own PDF and the book again, not
the others; an entry that cannot be trusted is rendered again; without the cache nothing is kept."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from handbook.pdf import cache as pdf_cache
from handbook.pdf.pipeline import build_pdf
from handbook.site.build import build_site
from tests.pdf.fixtures import EPOCH
from tests.pdf.test_own_pdfs import _handbook

pytestmark = pytest.mark.slow

DOCUMENTS = 4  # the book, two chapters and a checklist


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
    assert results["first"].reused == 0 and len(results["first"].cache_keys) == DOCUMENTS
    stored = [p for p in pdf_cache.pdf_cache_root(project).iterdir() if not p.name.startswith(".")]
    assert len(stored) >= DOCUMENTS


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
    key = results["edited"].cache_keys[1]  # the first chapter's own PDF
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
