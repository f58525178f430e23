"""What web pages show of the editorial workflow: the review line, the edition, and two pages.

- :func:`provider` (registered in ``handbook.adapter.providers.PROVIDERS``) gives templates
  ``hb.review`` (the "Last reviewed on ... · next review due ..." line) and ``hb.edition``.
- :func:`render_whats_new` and :func:`render_editions` (registered in
  ``handbook.adapter.renderers.RENDERERS``) replace a marker line in ``whats-new*.md`` and ``editions*.md``
  by the change log and the editions archive, in the page's language.

The footer shows dates only, never "overdue": a build's output must not depend on the clock.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from handbook.editorial import changes as changes_module
from handbook.editorial import edition as edition_module
from handbook.editorial.dates import format_date, review_schedule
from handbook.errors import HandbookError
from handbook.frontmatter import read
from handbook.languages import source_language, split_language_path
from handbook.markdown_table import cell
from handbook.paths import DOCS_DIR, Project

if TYPE_CHECKING:
    from handbook.pageinfo import PageInfo

WHATS_NEW_MARKER = "<!-- handbook:changes -->"
EDITIONS_MARKER = "<!-- handbook:editions -->"


def _time(day: Any, code: str) -> Markup:
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), format_date(day, code))


def _line(info: PageInfo, key: str, **values: Markup) -> Markup:
    """A UI string with HTML values: the string itself is escaped, the values are trusted markup."""
    return Markup(escape(info.i18n.strings[info.lang][key])).format(**values)


def _original_meta(info: PageInfo) -> dict[str, Any]:
    """The English original's front matter, for a translated page (review keys live there)."""
    assert info.src_uri is not None
    code = source_language(info.i18n, info.src_uri)
    if code == info.i18n.default:
        return info.meta
    original = info.root / DOCS_DIR / split_language_path(info.src_uri, info.i18n.codes, info.i18n.default)[1]
    try:
        return read(original).meta
    except (HandbookError, FileNotFoundError):
        return {}


def review_context(info: PageInfo) -> dict[str, Any] | None:
    if info.src_uri is None:
        return None
    meta = info.meta if "last_reviewed" in info.meta else _original_meta(info)
    schedule = review_schedule(meta)
    if schedule is None:
        return None  # reported by `handbook review` and the integrity checker; never a build crash
    last, upcoming = schedule
    return {
        "last_reviewed": last.isoformat(),
        "next_review": upcoming.isoformat(),
        "line": _line(info, "review_line", last_reviewed=_time(last, info.lang),
                      next_review=_time(upcoming, info.lang)),
    }


def edition_context(info: PageInfo) -> dict[str, Any]:
    current = edition_module.current(Project(info.root))
    key = "edition_published" if current.published else "edition_draft"
    return {
        "number": current.number,
        "date": current.date.isoformat(),
        "status": current.status,
        "line": _line(info, key, number=Markup(str(current.number)), date=_time(current.date, info.lang)),
    }


def provider(info: PageInfo) -> dict[str, Any]:
    """``hb.review`` (None for pages without valid review dates) and ``hb.edition``."""
    return {"review": review_context(info), "edition": edition_context(info)}


# --- page renderers ---------------------------------------------------------------------------------

def _page_language(info: PageInfo) -> str:
    """The language the page's text is written in (English for an untranslated fallback page)."""
    return source_language(info.i18n, info.src_uri) if info.src_uri else info.lang


def _is_page(info: PageInfo, stem: str) -> bool:
    if not info.src_uri:
        return False
    name = PurePosixPath(info.src_uri).name
    return split_language_path(name, info.i18n.codes, info.i18n.default)[1] == f"{stem}.md"


def render_whats_new(markdown: str, info: PageInfo) -> str | None:
    """'What changed in this edition': the change-log entries of every edition, newest first."""
    if WHATS_NEW_MARKER not in markdown or not _is_page(info, "whats-new"):
        return None
    project = Project(info.root)
    generated = changes_module.render_markdown(project, info.i18n, _page_language(info),
                                               edition_module.load(project))
    return markdown.replace(WHATS_NEW_MARKER, generated)


def render_editions(markdown: str, info: PageInfo) -> str | None:
    """The editions archive: every edition, its date and status, and the PDFs of published ones."""
    if EDITIONS_MARKER not in markdown or not _is_page(info, "editions"):
        return None
    project = Project(info.root)
    return markdown.replace(EDITIONS_MARKER, archive_markdown(edition_module.load(project), info.i18n,
                                                              _page_language(info)))


def archive_markdown(editions: edition_module.Editions, i18n: Any, code: str) -> str:
    t = i18n.strings[code]
    rows = [f"| {t['editions_col_edition']} | {t['editions_col_date']} | {t['editions_col_status']} "
            f"| {t['editions_col_pdfs']} |", "|---|---|---|---|"]
    for edition in reversed(editions.editions):
        day = format_date(edition.date, code)
        if edition.published:
            status = t["edition_status_published"]
            links = [f"[{cell(lang.name)}]({editions.pdf_url(edition, lang.code)}){{ hreflang={lang.code} "
                     f"lang={lang.code} }}" for lang in i18n.languages]
            links.append(f"[{cell(t['editions_checksums'])}]({editions.checksums_url(edition)})")
            pdfs = " · ".join(links)
        else:
            status = t["edition_status_draft"]
            day = i18n.t(code, "editions_planned", date=day)
            pdfs = t["editions_no_pdf"]
        rows.append(f"| {edition.number} | {cell(day)} | {cell(status)} | {pdfs} |")
    return "\n".join(rows) + "\n"
