"""What the content roots may hold on disk: no symbolic link that leads out of the repository, and
no linked folder.

MkDocs follows every symbolic link under docs/ while the check's walk did not descend into linked
folders, so the two read different files, and a link to /etc/passwd named as an image or a snippet
was published in every language and in the PDF. One rule now holds for every reader: a link to a
file inside the repository is a file; a link that leaves it, or a linked folder, is refused. A git
submodule (the restricted tree) is a real folder, not a link, and is not affected.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from handbook.pages import walk
from handbook.paths import DOCS_DIR, TRANSLATIONS_DIR, Project, is_within

ROOTS = (DOCS_DIR, TRANSLATIONS_DIR)


@dataclass(frozen=True)
class LinkProblem:
    path: str     # project-relative path of the link
    target: str   # where it points
    message: str


def link_problems(project: Project) -> list[LinkProblem]:
    """Every symbolic link under the content roots that leaves the repository or is a folder."""
    root = project.root.resolve()
    found = []
    for name in ROOTS:
        for _, path in walk.entries(project.root / name, hidden=True):
            if not path.is_symlink():
                continue
            rel = path.relative_to(project.root).as_posix()
            target = os.readlink(path)
            if not is_within(path, root):
                found.append(LinkProblem(rel, target, f"symbolic link to '{target}', outside the repository: "
                                         "nothing outside the repository may be read into the handbook"))
            elif path.is_dir():
                found.append(LinkProblem(rel, target, f"linked folder (to '{target}'): MkDocs would publish "
                                         "what it holds, which the checks do not read"))
    return sorted(found, key=lambda p: p.path)
