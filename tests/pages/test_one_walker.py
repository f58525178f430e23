"""One walker of the content roots (handbook/pages/walk.py), and every feature sees what it sees.

Six walkers of docs/ once disagreed on hidden files, linked folders and links out of the
repository, so the checks, the status, the review and the PDF read different sets of pages. Now a
grep keeps the walk in one module, and a handbook seeded with every kind of file the walker must
leave out proves that each consumer lists the same pages.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from handbook.editorial.review import review
from handbook.pages import load_corpus
from handbook.pages.config import read_content_config
from handbook.pages.walk import PUBLIC, RESTRICTED, content_roots, files
from handbook.paths import Project
from handbook.pdf.source import BookEntry, book_order
from handbook.terms.lint import lint_paths
from handbook.translation.inventory import load
from tests.conftest import grep_package, page, translated_page

# A walk whose subject is the content: os.walk(docs), project.docs.rglob(...), docs.iterdir()...
_CONTENT_WALK = re.compile(r"(os\.walk|os\.scandir|os\.listdir)\([^)]*\bdocs\b"
                           r"|\bdocs\b[\w.()/ ]*\.(rglob|glob|iterdir)\(")


def test_only_walk_py_walks_the_content_roots():
    assert grep_package(_CONTENT_WALK, "walk.py") == []


def test_the_pattern_finds_a_second_walker():
    for line in ("for dirpath, _, names in os.walk(docs):", "for p in project.docs.rglob('*.md'):",
                 "for p in sorted(docs.glob('**/*.md')):", "os.listdir(root / docs)"):
        assert _CONTENT_WALK.search(line), line
    assert not _CONTENT_WALK.search("for dirpath, _, names in os.walk(site):")


def _seeded(handbook_factory, tmp_path: Path) -> Project:
    """Two real pages, and every kind of file the walker must leave out."""
    project = handbook_factory({
        "index.md": page("Home", "Welcome."),
        "guide.md": page("Guide", "Read this."),
        "guide.fr.md": translated_page("Guide", "Lisez ceci."),
        ".draft.md": page("Hidden draft", "Not content."),
        ".git-notes/notes.md": page("Hidden folder", "Not content."),
    })
    outside = tmp_path / "outside"
    (outside / "more").mkdir(parents=True)
    (outside / "secret.md").write_text(page("Outside", "Never read."), encoding="utf-8")
    (outside / "more" / "page.md").write_text(page("Linked folder", "Never read."), encoding="utf-8")
    os.symlink(outside / "secret.md", project.docs / "secret.md")
    os.symlink(outside / "more", project.docs / "linked")
    return project


def test_every_consumer_lists_the_walkers_pages(handbook_factory, tmp_path):
    project = _seeded(handbook_factory, tmp_path)
    expected = ["guide.fr.md", "guide.md", "index.md"]
    assert [rel for rel in files(project.docs, project.root) if rel.endswith(".md")] == expected
    corpus = load_corpus(project)
    assert sorted(p.rel for p in corpus.pages) == expected
    report = load(project.root, corpus)
    assert sorted(s.path for s in report.sources) == ["guide.md", "index.md"]
    order = book_order(project, read_content_config(project), corpus.i18n, "en")
    assert sorted(e.base for e in order if isinstance(e, BookEntry)) == ["guide.md", "index.md"]
    assert {d.path for d in lint_paths(project, corpus=corpus)} <= {f"docs/{rel}" for rel in expected}
    findings = review(project, dt.date(2026, 12, 3), revisions={}, corpus=corpus)
    assert {f.diagnostic.path for f in findings} <= {f"docs/{rel}" for rel in expected}


def test_the_restricted_tree_is_a_content_root_only_for_its_audience(handbook_factory):
    project = handbook_factory({"index.md": page("Home", "Welcome.")})
    assert [r.folder for r in content_roots(project, RESTRICTED)] == ["docs"]  # no tree: the public root
    (project.root / "restricted" / "docs").mkdir(parents=True)
    assert [(r.folder, r.audience) for r in content_roots(project, PUBLIC)] == [("docs", PUBLIC)]
    assert [(r.folder, r.audience) for r in content_roots(project, RESTRICTED)] == [
        ("docs", PUBLIC), ("restricted/docs", RESTRICTED)]
