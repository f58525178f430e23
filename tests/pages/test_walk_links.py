"""The walker resolves only links (not every file): what it keeps must not change with that.

One row per way a file can sit relative to the repository; `files` must keep exactly the files
that lie inside it once links are followed, and never enter a linked folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from handbook.pages.walk import files


def _tree(tmp_path: Path, layout: str) -> tuple[Path, Path]:
    """A repository at tmp_path/repo with its docs folder laid out as ``layout``; returns (docs, repo)."""
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "away.md").write_text("x", encoding="utf-8")
    (outside / "folder" / "deep.md").write_text("x", encoding="utf-8")
    (repo / "elsewhere").mkdir(parents=True)
    (repo / "elsewhere" / "shared.md").write_text("x", encoding="utf-8")
    docs = repo / "docs"
    if layout == "docs is a link out":
        os.symlink(outside, docs)
        return docs, repo
    if layout == "docs is a link within":
        os.symlink(repo / "elsewhere", docs)
        return docs, repo
    (docs / "sub").mkdir(parents=True)
    (docs / "page.md").write_text("x", encoding="utf-8")
    (docs / "sub" / "nested.md").write_text("x", encoding="utf-8")
    if layout == "file link within":
        os.symlink(repo / "elsewhere" / "shared.md", docs / "shared.md")
    if layout == "file link out":
        os.symlink(outside / "away.md", docs / "away.md")
    if layout == "broken link":
        os.symlink(repo / "missing.md", docs / "missing.md")
    if layout == "folder link":
        os.symlink(outside / "folder", docs / "linked")
    return docs, repo


@pytest.mark.parametrize("layout, expected", [
    ("plain", ["page.md", "sub/nested.md"]),
    ("file link within", ["page.md", "shared.md", "sub/nested.md"]),
    ("file link out", ["page.md", "sub/nested.md"]),
    ("broken link", ["missing.md", "page.md", "sub/nested.md"]),  # inside: the reader reports it missing
    ("folder link", ["page.md", "sub/nested.md"]),  # listed as a folder, never entered
    ("docs is a link out", []),
    ("docs is a link within", ["shared.md"]),
])
def test_files_keeps_what_lies_inside_the_repository(tmp_path, layout, expected):
    docs, repo = _tree(tmp_path, layout)
    assert files(docs, repo) == expected
