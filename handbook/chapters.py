"""Chapter numbers and the pages that get a PDF of their own.

A chapter's number is stored once, in its English page's front matter (``chapter: 4``), not taken
from the menu order: adding a chapter renumbers nothing, and a citation such as "chapter 4" means
the same in every language and edition. Translations take the number of their English page.

:func:`render_chapter_number` (registered in ``handbook.adapter.renderers.RENDERERS``) shows it before
the title on the web page; the PDF converts the same Markdown, so its headings, contents and
running headers show it too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from handbook import frontmatter
from handbook.errors import HandbookError
from handbook.languages import split_language_path
from handbook.paths import CHAPTERS_DIR, CHECKLISTS_DIR, DOCS_DIR

if TYPE_CHECKING:
    from handbook.pageinfo import PageInfo

CHAPTER_KEY = "chapter"

_H1 = re.compile(r"^# (?!#)(.*)$", re.MULTILINE)


def _page_in(folder: str, base: str) -> bool:
    """A page of ``folder`` other than its index: 'chapters/terminology.md' in 'chapters/'."""
    return base.startswith(folder) and base.endswith(".md") and not base.endswith("/index.md")


def is_chapter(base: str) -> bool:
    """An English source path of a numbered chapter: 'chapters/terminology.md'."""
    return _page_in(CHAPTERS_DIR, base)


def is_checklist(base: str) -> bool:
    return _page_in(CHECKLISTS_DIR, base)


def has_own_pdf(base: str) -> bool:
    """Chapters and checklists are also published one by one: an officer prints one checklist,
    not the whole book."""
    return is_chapter(base) or is_checklist(base)


def number_of(docs: Path, base: str) -> int | None:
    """The chapter number of the English page ``base`` (None for other pages, or when the front
    matter has none or a wrong one: `handbook check` reports that as FM003/FM004/FM006)."""
    if not is_chapter(base):
        return None
    try:
        value = frontmatter.read(docs / base).meta.get(CHAPTER_KEY)
    except (HandbookError, OSError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def numbered_title(markdown: str, number: int) -> str:
    """The page's first level-1 heading with the chapter number before its text."""
    return _H1.sub(lambda m: f'# <span class="hb-chapter-number">{number}</span> {m.group(1)}', markdown, count=1)


def render_chapter_number(markdown: str, info: PageInfo) -> str | None:
    if info.src_uri is None:
        return None
    base = split_language_path(info.src_uri, info.i18n.codes, info.i18n.default)[1]
    number = number_of(info.root / DOCS_DIR, base)
    return None if number is None else numbered_title(markdown, number)


_MARK = re.compile(r"\{¶(\d+)\}")


def render_paragraph_numbers(markdown: str, info: PageInfo) -> str | None:
    """A chapter's paragraph numbers ({¶12}) qualified by its chapter ({¶4.12}), in every language:
    handbook.mdext.paragraph_numbers turns them into the anchor #p4-12 and the number 4.12."""
    if info.src_uri is None or "{¶" not in markdown:
        return None
    base = split_language_path(info.src_uri, info.i18n.codes, info.i18n.default)[1]
    number = number_of(info.root / DOCS_DIR, base)
    return None if number is None else _MARK.sub(lambda m: f"{{¶{number}.{m.group(1)}}}", markdown)
