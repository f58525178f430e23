"""What one language's offline copy is made of: its files, their size, and its edition's version.

Pure functions over the assembled site folder. A language owns its folder ('' for the default
language, 'fr/'...) minus the other languages' folders. Some built files are never read by a page
(source maps, Material's own search, which the handbook replaces with Pagefind, and Pagefind's
unused UI variants); caching them would double the download for nothing.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from handbook.languages import I18n
from handbook.site.layout import other_folders

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
SEARCH_SCRIPT = "search-index.js"  # the ZIP's search index, as a script (see bundle.py)
# Built files no page of the web edition reads.
_UNUSED_DIRS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
_UNUSED_NAMES = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-modular-ui.css",
                 "pagefind-modular-ui.js", "pagefind-highlight.js")
_UNUSED_SUFFIXES = (".map", ".zip", ".gz")
_NOT_CACHED = {WORKER, ".handbook-build.json", "sitemap.xml"}


def zip_name(code: str) -> str:
    """The offline copy's file name, next to the language's home page: 'handbook-fr-offline.zip'."""
    return f"handbook-{code}-offline.zip"


@dataclass(frozen=True)
class LanguageFiles:
    """One language's files, as paths relative to its folder, with their sizes in bytes."""
    code: str
    folder: Path
    pages: tuple[tuple[str, int], ...]  # everything a reader needs offline, PDFs aside
    pdfs: tuple[tuple[str, int], ...]   # saved only when the reader asks

    @property
    def size(self) -> int:
        return sum(size for _, size in self.pages)

    @property
    def pdf_size(self) -> int:
        return sum(size for _, size in self.pdfs)

    def version(self) -> str:
        """A digest of every file's path and bytes: a new edition, or one changed page, is a new version."""
        digest = hashlib.sha256()
        for rel, _ in sorted(self.pages + self.pdfs):
            digest.update(rel.encode("utf-8") + b"\0" + (self.folder / rel).read_bytes() + b"\0")
        return digest.hexdigest()[:16]


def _used(rel: str) -> bool:
    name = PurePosixPath(rel).name
    return not (rel.startswith(_UNUSED_DIRS) or name in _UNUSED_NAMES or name.endswith(_UNUSED_SUFFIXES)
                or rel in _NOT_CACHED)


def language_files(site: Path, i18n: I18n, code: str) -> LanguageFiles:
    """The files of language ``code`` in the assembled ``site``, sorted, so the lists are deterministic."""
    folder = site / i18n.prefix(code)
    others = other_folders(i18n, code)
    found: list[tuple[str, int]] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if (here / d).relative_to(folder).as_posix() + "/" not in others)
        for name in filenames:
            path = here / name
            found.append((path.relative_to(folder).as_posix(), path.stat().st_size))
    found.sort()
    pages = tuple(item for item in found if _used(item[0]) and not item[0].endswith(".pdf"))
    pdfs = tuple(item for item in found if item[0].endswith(".pdf"))
    return LanguageFiles(code, folder, pages, pdfs)


def url_of(rel: str) -> str:
    """The URL a page links to for a file: 'guide/index.html' -> 'guide/', 'index.html' -> './'."""
    if rel == "index.html":
        return "./"
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel
