"""Write a handbook tree from the repository's theme, hooks and translations plus given pages.

Used by the test fixtures and the benchmark generator, so both build exactly what the real
handbook builds, with other content.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

from handbook.paths import DOCS_DIR, SNIPPETS_DIR, Project

SKELETON = ("overrides", "translations", "hooks")
_NAV_BLOCK = re.compile(r"(?m)^nav:\n(?:[ \t]+.*\n|\n)*")


def write_handbook(source: Path, root: Path, pages: dict[str, str | bytes], *, nav: str | None = None,
                   config_edit: Callable[[str], str] | None = None) -> Project:
    """Copy the skeleton of ``source`` to ``root`` and write ``pages`` (docs-relative paths).

    The source's ``nav:`` is replaced by ``nav`` (YAML list text) or dropped, so MkDocs lists the
    new pages. Bytes values are written as binary files (images).
    """
    root.mkdir(parents=True, exist_ok=True)
    for name in SKELETON:
        shutil.copytree(source / name, root / name, dirs_exist_ok=True)
    config = _NAV_BLOCK.sub("", (source / "mkdocs.yml").read_text(encoding="utf-8"))
    if nav:
        config += "\nnav:\n" + nav
    if config_edit:
        config = config_edit(config)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    docs = root / DOCS_DIR
    (root / SNIPPETS_DIR).mkdir(parents=True, exist_ok=True)
    for rel, content in pages.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return Project(root)
