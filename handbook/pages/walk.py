"""The one walker of the content roots: which files under docs/ (and, for the restricted audience,
restricted/docs/) the handbook may read.

Its rules hold for every reader of pages, so the checks, the translation status, the review
schedule, the PDF and the web build see the same files that MkDocs publishes:

- hidden files and folders (a leading dot) are not content (MkDocs' own default);
- a linked folder is not entered, and a link that leads out of the repository is not a file of the
  handbook (handbook.pages.links reports both, as SAFE011);
- paths are POSIX and relative to the root, in sorted order, so every run lists them alike.

tests/pages/test_one_walker.py keeps this the only walk of the content roots in the package.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from handbook.paths import DOCS_DIR, RESTRICTED_DIR, Project, is_within

PUBLIC = "public"
RESTRICTED = "restricted"
AUDIENCES = (PUBLIC, RESTRICTED)


@dataclass(frozen=True)
class ContentRoot:
    folder: str    # project-relative: 'docs', or 'restricted/docs'
    audience: str  # who may read what it holds: PUBLIC or RESTRICTED


def content_roots(project: Project, audience: str = PUBLIC) -> list[ContentRoot]:
    """The trees whose pages make the ``audience``'s edition: the public docs/ always; the restricted
    tree's docs/ too for the restricted audience, when that tree is present."""
    roots = [ContentRoot(DOCS_DIR, PUBLIC)]
    restricted = f"{RESTRICTED_DIR}/{DOCS_DIR}"
    if audience == RESTRICTED and (project.root / restricted).is_dir():
        roots.append(ContentRoot(restricted, RESTRICTED))
    return roots


def entries(top: Path, *, hidden: bool = False) -> Iterator[tuple[str, Path]]:
    """Every file and folder below ``top`` as (top-relative POSIX path, path), folders first, in
    sorted order; linked folders are listed but not entered. Hidden ones only when asked (the
    link check looks at those too)."""
    for dirpath, dirnames, filenames in os.walk(top):
        if not hidden:
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            filenames = [f for f in filenames if not f.startswith(".")]
        dirnames.sort()
        here = Path(dirpath)
        base = os.path.relpath(dirpath, top).replace(os.sep, "/")
        for name in [*dirnames, *sorted(filenames)]:
            yield (name if base == "." else f"{base}/{name}"), here / name


def files(top: Path, root: Path) -> list[str]:
    """The ``top``-relative files the handbook may read below ``top``, sorted: not hidden, not in a
    linked folder, and not a link that leads out of the repository at ``root``."""
    # Only a link can lead elsewhere than its folder: os.walk enters no linked folder, so a file
    # that is not a link lies where ``top`` lies. Resolving every file instead cost two resolve()
    # calls per file, which the build paid hundreds of times per page.
    top_inside = is_within(top, root)
    return sorted(rel for rel, path in entries(top)
                  if not path.is_dir() and (is_within(path, root) if path.is_symlink() else top_inside))


def page_files(project: Project) -> list[str]:
    """The docs-relative Markdown files of docs/, snippets included (handbook.pages.model says
    which are pages)."""
    return [rel for rel in files(project.docs, project.root) if rel.endswith(".md")]
