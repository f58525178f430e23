"""The restricted tree's files, as the leak scan needs them.

Through the one walker (:func:`handbook.pages.walk.files`) and :mod:`handbook.frontmatter`, and the
folder names of handbook.paths. The scan reads each file whole (front matter included), and its
images as bytes, which the page model (handbook.pages.restricted) does not keep. Paths are
project-relative ('restricted/docs/liaison-desk.fr.md'), as findings name them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from handbook import frontmatter
from handbook.errors import HandbookError
from handbook.languages import load_i18n, split_language_path
from handbook.pages.walk import files
from handbook.paths import DOCS_DIR, RESTRICTED_DIR, RESTRICTED_PASSAGES_DIR, Project


@dataclass(frozen=True)
class RestrictedText:
    path: str  # project-relative
    lang: str
    text: str  # the whole file, front matter included (title and description are restricted too)
    source: str = ""  # its English original's path: 'restricted/docs/liaison-desk.md'


@dataclass(frozen=True)
class RestrictedAsset:
    path: str
    sha256: str
    data: bytes


def present(project: Project) -> bool:
    """Whether the project has a restricted tree: a ``restricted/`` folder with pages or passages."""
    return bool(_folders(project))


def _folders(project: Project) -> list[tuple[str, Path]]:
    return [(rel, project.root / rel) for rel in (f"{RESTRICTED_DIR}/{DOCS_DIR}", RESTRICTED_PASSAGES_DIR)
            if (project.root / rel).is_dir()]


def texts(project: Project) -> list[RestrictedText]:
    """Every Markdown file of restricted/docs and restricted/passages, in every language."""
    i18n = load_i18n(project.root)
    out = []
    for prefix, folder in _folders(project):
        for rel in files(folder, project.root):
            if rel.endswith(".md"):
                path = f"{prefix}/{rel}"
                text = frontmatter.decode((folder / rel).read_bytes(), path)
                lang, source = split_language_path(rel, i18n.codes, i18n.default)
                out.append(RestrictedText(path, lang, text, f"{prefix}/{source}"))
    return out


def assets(project: Project) -> list[RestrictedAsset]:
    """Every other file of the tree's docs/ and passages/ (images): found in a site by content hash."""
    out = []
    for prefix, folder in _folders(project):
        for rel in files(folder, project.root):
            if not rel.endswith(".md"):
                data = (folder / rel).read_bytes()
                out.append(RestrictedAsset(f"{prefix}/{rel}", hashlib.sha256(data).hexdigest(), data))
    return out


def titles(project: Project) -> list[tuple[str, int, str]]:
    """(path, line, title) of every restricted page in every language: its front matter title."""
    out = []
    for item in texts(project):
        if not item.path.startswith(f"{RESTRICTED_DIR}/{DOCS_DIR}/"):
            continue
        try:
            front = frontmatter.split(item.text, item.path)
        except HandbookError:
            continue  # the restricted tree's own check reports its front matter
        title = front.meta.get("title")
        if isinstance(title, str) and title.strip():
            out.append((item.path, front.line_of("title"), title.strip()))
    return out
