"""What the PDF is made of, read from mkdocs.yml so the web and the PDF share one source.

The Markdown extensions (and their settings), the navigation order and the translated section
names come from the MkDocs configuration; nothing here runs MkDocs or its plugins.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any

from handbook import paths
from handbook.errors import HandbookError
from handbook.languages import I18n, translation_path
from handbook.mkdocs_config import read_mkdocs_config
from handbook.paths import Project
from handbook.site import pages


@dataclass(frozen=True)
class Config:
    extensions: list[str]
    extension_configs: dict[str, dict[str, Any]]
    nav: list[Any] | None
    nav_translations: dict[str, dict[str, str]]  # language -> English section name -> translation


@dataclass(frozen=True)
class Part:
    """A navigation section, printed as a part title page."""

    title: str  # English name, as written in mkdocs.yml


@dataclass(frozen=True)
class Entry:
    """One page of the book, in one language."""

    base: str       # docs-relative English source, e.g. 'chapters/terminology.md'
    src: str        # the file actually used in this language ('chapters/terminology.fr.md')
    fallback: bool  # True when the language has no translation and the English text is used
    key: str        # id of the chapter in the book HTML, e.g. 'chapters-terminology'
    depth: int      # 0 outside any part, 1 inside a part

    @property
    def source_path(self) -> str:
        return f"{paths.DOCS_DIR}/{self.src}"


def read_config(project: Project) -> Config:
    """The parts of mkdocs.yml the PDF needs, read with MkDocs' tags (``!ENV``) but without MkDocs."""
    data = read_mkdocs_config(project.config_file)  # HandbookError (file, line, fix) when it cannot be read
    extensions: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for item in data.get("markdown_extensions") or []:
        if isinstance(item, str):
            extensions.append(item)
        elif isinstance(item, dict) and len(item) == 1:
            name, settings = next(iter(item.items()))
            extensions.append(name)
            configs[name] = dict(settings or {})
        else:
            raise HandbookError(project.config_file, f"markdown_extensions entry {item!r} is not a name "
                                "or a one-key mapping.")
    translations: dict[str, dict[str, str]] = {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for lang in (plugin["i18n"] or {}).get("languages") or []:
                translations[str(lang.get("locale"))] = dict(lang.get("nav_translations") or {})
    return Config(extensions, configs, data.get("nav"), translations)


def _key(base: str) -> str:
    stem = base[:-3] if base.endswith(".md") else base
    return "p-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in stem)


def _english_sources(project: Project, i18n: I18n) -> list[str]:
    """Pages in MkDocs' default order when mkdocs.yml has no ``nav``: index first, then by path.
    Snippets (included into pages, not pages themselves) are left out."""
    docs = project.docs
    snippets = project.root / paths.SNIPPETS_DIR
    found = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if (path.is_relative_to(snippets) or pages.source_language(i18n, rel) != i18n.default
                or not paths.is_reader_page(rel)):
            continue
        found.append(rel)
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


def book_order(project: Project, config: Config, i18n: I18n, code: str) -> list[Part | Entry]:
    """The book's contents in navigation order, each page resolved to its translation or fallback."""
    docs = project.docs
    flat = _flatten(config.nav) if config.nav else [(rel, 0) for rel in _english_sources(project, i18n)]
    out: list[Part | Entry] = []
    for item in flat:
        if isinstance(item, Part):
            out.append(item)
            continue
        base, depth = item
        if not (docs / base).is_file():
            raise HandbookError(project.config_file, f"nav lists '{base}', which is not in {paths.DOCS_DIR}/.",
                                fix="Create the page or remove it from the nav.")
        translated = translation_path(base, code)
        src = translated if code != i18n.default and (docs / translated).is_file() else base
        out.append(Entry(base, src, pages.is_fallback(i18n, code, src), _key(base), depth))
    return out
