"""What the book is made of: its pages in menu order, each resolved to its translation or fallback.

The menu and the translated section names come from mkdocs.yml through handbook.pages.config (the
one reader the web, the checks and the PDF share); nothing here runs MkDocs or its plugins.
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath
from dataclasses import dataclass
from typing import Any

from handbook import paths
from handbook.errors import HandbookError
from handbook.languages import I18n, is_fallback, source_language, translation_path
from handbook.pages import walk
from handbook.pages.config import ContentConfig
from handbook.paths import Project



@dataclass(frozen=True)
class Part:
    """A navigation section, printed as a part title page."""

    title: str  # English name, as written in mkdocs.yml


@dataclass(frozen=True)
class BookEntry:
    """One page of the book, in one language."""

    base: str       # docs-relative English source, e.g. 'chapters/terminology.md'
    src: str        # the file actually used in this language ('chapters/terminology.fr.md')
    fallback: bool  # True when the language has no translation and the English text is used
    key: str        # id of the chapter in the book HTML, e.g. 'chapters-terminology'
    depth: int      # 0 outside any part, 1 inside a part

    @property
    def tree(self) -> tuple[str, str]:
        """(project-relative folder, path in it) of the file: ('docs', 'x.md'), or for a page of the
        restricted edition ('restricted/docs', 'x.fr.md')."""
        if self.src.startswith(paths.RESTRICTED_URL):
            return f"{paths.RESTRICTED_DIR}/{paths.DOCS_DIR}", self.src[len(paths.RESTRICTED_URL):]
        return paths.DOCS_DIR, self.src

    @property
    def source_path(self) -> str:
        return "/".join(self.tree)


def _key(base: str) -> str:
    stem = base[:-3] if base.endswith(".md") else base
    return "p-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in stem)


def _english_sources(project: Project, i18n: I18n) -> list[str]:
    """Pages in MkDocs' default order when mkdocs.yml has no ``nav``: index first, then by path.
    Snippets (included into pages, not pages themselves) are left out."""
    snippets = PurePosixPath(paths.SNIPPETS_DIR).relative_to(paths.DOCS_DIR).as_posix() + "/"
    found = [rel for rel in walk.page_files(project)
             if not rel.startswith(snippets) and source_language(i18n, rel) == i18n.default
             and paths.is_reader_page(rel)]
    return sorted(found, key=lambda rel: (posixpath.dirname(rel), posixpath.basename(rel) != "index.md", rel))


def _flatten(nav: list[Any], depth: int = 0) -> list[Part | tuple[str, int]]:
    """The reader pages of the navigation in order; a section with none of them is left out."""
    out: list[Part | tuple[str, int]] = []
    for item in nav:
        if isinstance(item, str):
            pages_here = [item]
        elif isinstance(item, dict):
            pages_here = []
            for title, value in item.items():
                if isinstance(value, str) and "://" not in value:
                    pages_here.append(value)
                elif isinstance(value, list):
                    inside = _flatten(value, depth + 1)
                    if any(not isinstance(i, Part) for i in inside):
                        out += [Part(str(title)), *inside]
        else:
            pages_here = []
        # The reader's book: contributor guides stay on the web.
        out += [(rel, depth) for rel in pages_here if paths.is_reader_page(rel)]
    return out


def book_order(project: Project, config: ContentConfig, i18n: I18n, code: str,
               restricted: list[str] | None = None) -> list[Part | BookEntry]:
    """The book's contents in navigation order, each page resolved to its translation or fallback.
    ``restricted`` (the restricted edition's pages, 'restricted/x.md', in restricted/nav.yml's order)
    ends the book as the part the web menu calls "Restricted"."""
    docs = project.docs
    flat = _flatten(config.nav) if config.nav else [(rel, 0) for rel in _english_sources(project, i18n)]
    if restricted:
        flat += [Part("Restricted"), *((source, 1) for source in restricted)]
    out: list[Part | BookEntry] = []
    for item in flat:
        if isinstance(item, Part):
            out.append(item)
            continue
        base, depth = item
        if base.startswith(paths.RESTRICTED_URL):  # read by the page model (handbook.pages.restricted)
            tree = project.root / paths.RESTRICTED_DIR / paths.DOCS_DIR
            translated = translation_path(base, code)
            local = translated[len(paths.RESTRICTED_URL):]
            src = translated if code != i18n.default and (tree / local).is_file() else base
            out.append(BookEntry(base, src, is_fallback(i18n, code, src), _key(base), depth))
            continue
        if not (docs / base).is_file():
            raise HandbookError(project.config_file, f"nav lists '{base}', which is not in {paths.DOCS_DIR}/.",
                                fix="Create the page or remove it from the nav.")
        translated = translation_path(base, code)
        src = translated if code != i18n.default and (docs / translated).is_file() else base
        out.append(BookEntry(base, src, is_fallback(i18n, code, src), _key(base), depth))
    return out
