"""Keeping a translator's or editor's file before a tool replaces it: ``<file>.bak-<timestamp>``
next to it (mkdocs.yml's exclude_docs leaves such files out of the site)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path


def keep(path: Path, *, move: bool = False) -> Path:
    """Copy ``path`` (or move it, with ``move``) to a new ``<name>.bak-<timestamp>[-n]``; the backup."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    backup = path.with_name(f"{path.name}.bak-{stamp}")
    n = 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.bak-{stamp}-{n}")
    if move:
        path.rename(backup)
    else:
        shutil.copy2(path, backup)
    return backup
