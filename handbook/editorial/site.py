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
    editions = edition_module.load(project)
    code = _page_language(info)
    paragraphs = paragraphs_markdown(project, info.i18n, code, editions)
    generated = changes_module.render_markdown(project, info.i18n, code, editions,
                                               {editions.current.number: paragraphs} if paragraphs else None)
    return markdown.replace(WHATS_NEW_MARKER, generated)


def paragraphs_markdown(project: Project, i18n: Any, code: str, editions: edition_module.Editions) -> str:
    """The current edition's paragraphs added, changed and removed since the previous edition, by
    number, one line per chapter ('' when there is no previous edition to compare with).

    Added and changed numbers link to their paragraph; a removed one has no anchor left to link to.
    """
    from handbook.chapters import is_chapter, number_of
    from handbook.editorial.citations import reader_number
    from handbook.editorial.paragraph_history import edition_changes
    from handbook.pages import load_corpus

    corpus = load_corpus(project, i18n)
    chapters = {p.source: p.text for p in corpus.english() if is_chapter(p.source) and not p.snippet}
    found = edition_changes(project.root, editions, chapters)
    if not found:
        return ""
    t = i18n.strings[code]
    previous = editions.editions[-2].number
    out = [f"### {i18n.t(code, 'whats_new_paragraphs', number=reader_number(i18n, code, previous))} "
           f"{{ #edition-{editions.current.number}-paragraphs }}\n"]
    numbered = sorted((number_of(project.docs, rel) or 0, rel) for rel in found)
    for chapter, rel in numbered:
        diff = found[rel]
        parts = []
        for key, numbers, linked in (("added", diff.added, True), ("changed", diff.changed, True),
                                     ("removed", diff.removed, False)):
            if numbers:
                shown = [f"[{chapter}.{n}]({rel}#p{chapter}-{n})" if linked else f"{chapter}.{n}" for n in numbers]
                parts.append(f"{t['whats_new_paragraphs_' + key]} {i18n.join(code, shown)}")
        title = changes_module.chapter_title(project, i18n, rel, code)
        out.append(f"- [{chapter} {title}]({rel}): " + " · ".join(parts))
    return "\n".join(out) + "\n"


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
