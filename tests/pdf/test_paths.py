"""The PDF finds pages, snippets and images where handbook.paths says they are."""

from __future__ import annotations

import pytest

from handbook import paths
from handbook.pdf.book import assemble_book
from tests.conftest import make_handbook, page
from tests.pdf.fixtures import EPOCH

# (case id, docs folder, snippets folder)
LAYOUTS = [
    ("default", "docs", "docs/snippets"),
    ("renamed", "content", "content/parts"),
]


@pytest.mark.parametrize(("docs", "snippets"), [c[1:] for c in LAYOUTS], ids=[c[0] for c in LAYOUTS])
def test_pages_snippets_and_messages_follow_the_project_layout(tmp_path, monkeypatch, docs, snippets):
    monkeypatch.setattr(paths, "DOCS_DIR", docs)
    monkeypatch.setattr(paths, "SNIPPETS_DIR", snippets)
    written = make_handbook(tmp_path / "handbook", {
        "index.md": page("Home", "# Home { #home }\n\n![A chart](img/missing.png)"),
        "guide.md": page("Guide", "# Guide { #guide }\n\nText."),
    })
    project = paths.Project(written.root)
    (written.root / "docs").rename(project.docs)  # where this layout keeps its pages
    (project.root / snippets).mkdir(parents=True, exist_ok=True)
    (project.root / snippets / "abbreviations.md").write_text("*[CSAM]: child sexual abuse material\n",
                                                              encoding="utf-8")
    book = assemble_book(project, "en", EPOCH)
    assert [e.source_path for e in book.entries] == [f"{docs}/index.md", f"{docs}/guide.md"]
    assert [(d.path, d.code, d.message) for d in book.problems] == [
        (f"{docs}/index.md", "PDF001", f"image 'img/missing.png' not found (looked for {docs}/img/missing.png)")]
