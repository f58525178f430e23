"""What a chapter page needs to cite its paragraphs and to explain a number that is gone.

:func:`provider` (registered in ``handbook.adapter.providers.PROVIDERS``) gives templates
``hb.citation`` on numbered chapters: the citation in the reader's language with everything the
build knows filled in (handbook title, edition, chapter number and title), leaving ``{paragraph}``
and ``{url}`` to the page's script (overrides/assets/javascripts/handbook-cite.js), which knows the
paragraph the reader chose and the address the page is read at. It also gives the chapter's
``last_paragraph`` and the numbers removed in a known edition, so that a link to a number the page no
longer has is answered with a notice, never a dead end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from babel.numbers import format_decimal

from handbook import frontmatter
from handbook.chapters import number_of
from handbook.digits import ZEROS, to_digits
from handbook.editorial import edition as edition_module
from handbook.editorial.paragraph_history import removed_in
from handbook.errors import HandbookError
from handbook.languages import I18n, split_language_path
from handbook.pages.paragraphs import LAST_KEY
from handbook.paths import DOCS_DIR, Project

if TYPE_CHECKING:
    from handbook.pageinfo import PageInfo

# Left in the strings for the script to fill (it knows the paragraph and the page's address).
SCRIPT_VALUES = {"paragraph": "{paragraph}", "url": "{url}"}


def reader_number(i18n: I18n, code: str, value: int) -> str:
    """An edition or chapter number in the digits the reader's language uses (CLDR, languages.yml)."""
    digits = i18n.language(code).numbering_system
    digits = digits if digits in ZEROS else "latn"
    return to_digits(format_decimal(value, format="#,##0", locale=code, numbering_system=digits), digits)


def citation_context(info: PageInfo) -> dict[str, Any] | None:
    if info.src_uri is None:
        return None
    base = split_language_path(info.src_uri, info.i18n.codes, info.i18n.default)[1]
    chapter = number_of(info.root / DOCS_DIR, base)
    if chapter is None:
        return None
    try:
        english = frontmatter.read(info.root / DOCS_DIR / base)
    except (HandbookError, OSError):
        return None
    last = english.meta.get(LAST_KEY)
    if not isinstance(last, int) or isinstance(last, bool):
        return None  # a chapter not numbered yet: `handbook check` reports it (PARA001)
    project = Project(info.root)
    editions = edition_module.load(project)
    code, i18n = info.lang, info.i18n
    title = info.meta.get("title") if isinstance(info.meta.get("title"), str) else english.meta.get("title", "")
    removed = removed_in(info.root, editions, base, english.body)
    return {
        "text": i18n.t(code, "cite_text", site=i18n.strings[code]["site_name"],
                       edition=reader_number(i18n, code, editions.current.number),
                       chapter=reader_number(i18n, code, chapter), title=str(title).strip(), **SCRIPT_VALUES),
        "title": i18n.t(code, "cite_title", **SCRIPT_VALUES),
        "chapter": str(chapter),
        "last": str(last),
        # 'number:edition' pairs, e.g. '7:2 9:3': the edition is already in the reader's digits.
        "removed": " ".join(f"{n}:{reader_number(i18n, code, e)}" for n, e in sorted(removed.items())),
        "removed_in": i18n.t(code, "paragraph_removed_in", paragraph="{paragraph}", edition="{edition}"),
        "removed_earlier": i18n.t(code, "paragraph_removed_earlier", paragraph="{paragraph}"),
    }


def provider(info: PageInfo) -> dict[str, Any]:
    """``hb.citation``: None on pages that are not numbered chapters."""
    return {"citation": citation_context(info)}
