"""One language's book: the pages in navigation order, converted and laid into the print template."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path

import jinja2

from handbook.chapters import is_checklist
from handbook.diagnostics import Diagnostic
from handbook.editorial.dates import format_date, review_schedule
from handbook.errors import HandbookError
from handbook.languages import I18n
from handbook.paths import DOCS_DIR, EDITION_FILE, RESTRICTED_DIR, UI_DIR, Project
from handbook.site.i18n_plugin import section_title
from handbook.pdf import assemble
# The PDFs' names live in names.py, light enough for the web pages; imported from here too.
from handbook.pdf.names import own_pdf_name, pdf_name, site_own_pdf_path, site_pdf_path  # noqa: F401
from handbook.pdf.edition import Imprint, build_date, edition
from handbook.pages.model import Corpus, load_corpus
from handbook.pages.walk import PUBLIC, RESTRICTED
from handbook.pdf.source import BookEntry, Part, book_order
from handbook.translation.inventory import load
from handbook.translation.status import OUTDATED

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
PRINT_FONTS = PACKAGE / "fonts"  # Noto Sans Mono (code), OFL; text fonts are the web's (WEB_FONTS)
WEB_FONTS = "overrides/assets/fonts"
WEB_FONTS_CSS = "overrides/assets/stylesheets/fonts.css"


@dataclass
class Book:
    code: str
    html: str
    base_url: str
    roots: list[Path]              # the only folders the renderer may read
    entries: list[BookEntry]
    chapters: dict[str, assemble.Chapter]
    states: list[assemble.PageState]
    problems: list[Diagnostic]
    only: str | None = None        # a chapter's or checklist's own PDF: its English source path
    layout: dict = field(default_factory=dict)  # what the template needs to lay chapters out (probe_document)


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def css_page_of(template: str) -> str:
    """'page {page} of {pages}' -> CSS content: "page " counter(page) " of " counter(pages)."""
    import string

    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        if literal:
            parts.append(css_string(literal))
        if name:
            parts.append(f"counter({name})")
    return " ".join(parts)


def _status(i18n: I18n, code: str, ed: Imprint) -> str:
    """The edition status as the cover and colophon show it: the UI string pdf_status_<id>."""
    key = f"pdf_status_{ed.status}"
    if key not in i18n.strings[code]:
        raise HandbookError(f"{UI_DIR}/pdf.{code}.yml", f"no UI string {key} for the edition status "
                            f"'{ed.status}' of {EDITION_FILE}.",
                            fix=f"Add '{key}: <the status as the cover shows it>' to translations/ui/pdf.<code>.yml "
                                "of every language.")
    return i18n.t(code, key)


def ltr(text: str, rtl: bool) -> str:
    """Keep a date or code in reading order inside right-to-left text. WeasyPrint ignores
    ``unicode-bidi`` and shows 2027-03-31 as 31-03-2027 there; left-to-right marks fix it."""
    return f"\u200e{text}\u200e" if rtl and text else text


def _edition_line(i18n: I18n, code: str, ed: Imprint) -> str:
    rtl = i18n.language(code).rtl
    number = i18n.t(code, "pdf_edition", number=ed.number) if ed.number else i18n.t(code, "pdf_no_edition")
    return f"{number} · {i18n.t(code, 'pdf_dated', date=ltr(ed.date, rtl))}"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """The print templates, loaded once per process: a book renders its template once per chapter
    for the chapters' trial layouts (probe_document). Jinja reloads a template whose file changed."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                              autoescape=jinja2.select_autoescape(["html"]),
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def translation_notes(corpus: Corpus, code: str) -> tuple[frozenset[str], frozenset[str]]:
    """English paths of this language's translations that are outdated, and of those not yet reviewed."""
    if code == corpus.i18n.default:
        return frozenset(), frozenset()
    status = load(corpus.project.root, corpus).language(code)
    return (frozenset(p.source for p in status.of_state(OUTDATED)),
            frozenset(p.source for p in status.unreviewed))


def review_line(corpus: Corpus, code: str, base: str) -> str | None:
    """'Last reviewed on 28 November 2026 · next review due ...' for the English page ``base``,
    in language ``code``; None for a page without valid review dates (reported by `handbook review`)."""
    i18n = corpus.i18n
    page = corpus.page(i18n.default, base)
    if page is None or isinstance(page.front, HandbookError):
        return None
    schedule = review_schedule(page.meta)
    if schedule is None:
        return None
    return i18n.t(code, "review_line", last_reviewed=format_date(schedule[0], code),
                  next_review=format_date(schedule[1], code))


def assemble_book(project: Project, code: str, epoch: str, only: str | None = None,
                  spacing: dict[str, str] | None = None, corpus: Corpus | None = None,
                  audience: str = PUBLIC, inputs: str | None = None) -> Book:
    """Convert every page of language ``code`` and fill the print template (no rendering yet).

    With ``only`` (an English source path, such as 'checklists/x.md'), the document is that page
    alone: a chapter's or checklist's own PDF (:func:`own_pdf_name`), with the handbook's title,
    edition and date at its head, and links to the rest of the book kept as text.
    ``spacing`` gives some chapters (by key) the class 'hb-tight' or 'hb-loose', so that their last
    page is not one that holds only a few lines (see handbook.pdf.pipeline). ``corpus`` is the page
    model, read here unless given (the pipeline reads it once for a language's book and pages).
    ``inputs`` is the digest of the language's inputs the colophon prints, computed here unless given.
    """
    project = Project(project.root.resolve())  # file URLs need absolute paths
    corpus = corpus or load_corpus(project)
    i18n = corpus.i18n
    language = i18n.language(code)
    config = corpus.config
    order = book_order(project, config, i18n, code, corpus.restricted_nav if audience == RESTRICTED else None)
    in_book = frozenset(item.base for item in order if isinstance(item, BookEntry))
    if only is not None:
        order = [item for item in order if isinstance(item, BookEntry) and item.base == only]
        if not order:
            raise HandbookError(project.config_file, f"'{only}' is not a page of the book.")
    entries = [item for item in order if isinstance(item, BookEntry)]
    keys = {entry.base: entry.key for entry in entries}
    converter = assemble.Converter(project, config, i18n, code, audience)
    chapters: dict[str, assemble.Chapter] = {}
    states: list[assemble.PageState] = []
    outdated, unreviewed = translation_notes(corpus, code)
    for entry in entries:
        page = corpus.page(i18n.default if entry.fallback else code, entry.base)
        assert page is not None  # book_order lists the files that exist
        chapter, state = converter.convert(entry, corpus.readable_text(page), keys, in_book - set(keys))
        keys_shown = [key for key, applies in (
            ("pdf_outdated_notice", entry.base in outdated and not entry.fallback),
            ("translation_unreviewed_notice", entry.base in unreviewed and not entry.fallback),
            ("pdf_untranslated_notice", entry.fallback)) if applies]
        for key in reversed(keys_shown):  # each goes right under the title: insert the last first
            notice = (f'<p class="fallback-notice" lang="{code}" dir="{language.dir}">'
                      f'{escape(i18n.t(code, key))}</p>')
            chapter.html = chapter.html.replace("</h1>", "</h1>\n" + notice, 1)
        reviewed = review_line(corpus, code, entry.base)
        if reviewed:  # the dates the web page shows at its foot, under the printed title
            chapter.html = chapter.html.replace("</h1>", f'</h1>\n<p class="hb-reviewed">{escape(reviewed)}</p>', 1)
        if is_checklist(entry.base):  # room to write the unit's own contacts, on the printed sheet
            chapter.html += (f'\n<section class="hb-notes" lang="{code}" dir="{language.dir}">'
                             f'<h2>{escape(i18n.t(code, "checklist_notes_title"))}</h2></section>')
        chapters[entry.key] = chapter
        states.append(state)
    problems = [p for state in states for p in state.problems] + assemble.check_links(states, chapters)

    t = i18n.strings[code]
    items = []
    for number, item in enumerate(order, start=1):
        if isinstance(item, Part):
            title = section_title(i18n, code, item.title)  # the web menu's title, from the UI strings
            items.append({"part": True, "key": f"part-{number}", "title": title})
        else:
            chapter = chapters[item.key]
            items.append({"part": False, "key": item.key, "title": chapter.title, "depth": item.depth,
                          "fallback": item.fallback, "html": chapter.html,
                          "checklist": is_checklist(item.base), "spacing": (spacing or {}).get(item.key, "")})
    status_key = ("pdf_chapter_source" if code == i18n.default else None)
    chapter_rows = [
        {"title": chapters[e.key].title, "fallback": e.fallback,
         "status": t[status_key or ("pdf_chapter_english" if e.fallback else
                                    "pdf_chapter_outdated" if e.base in outdated else "pdf_chapter_translated")]}
        for e in entries
    ]
    if inputs is None:
        from handbook.site.cache import inputs_digest  # hashing every input: once per language in the pipeline

        inputs = inputs_digest(project, i18n, code)
    ed = edition(project, epoch, inputs)
    created = build_date(epoch).strftime("%Y-%m-%dT%H:%M:%SZ")
    rtl = language.rtl
    env = _environment()
    leaflet = "checklist" if only and is_checklist(only) else "chapter" if only else ""
    css = env.get_template("book.css").render(
        font_dir=PRINT_FONTS.as_uri(),
        page_of=css_page_of(t["pdf_page_of"]),
        # Running headers on the outer side: chapter title on recto pages, book title on verso pages.
        left_header="chapter" if rtl else "book",
        right_header="book" if rtl else "chapter",
        short_title=escape_css(t["site_name"]),
        leaflet=leaflet,
        footer_line=escape_css(f"{t['site_name']} · {_edition_line(i18n, code, ed)}"),
        # The restricted edition's notice, at the head of every page (and on the cover, below).
        restricted_notice=escape_css(t["restricted_banner"]) if audience == RESTRICTED else "",
    )
    title = t["site_name"] if not only else f"{chapters[entries[0].key].title} · {t['site_name']}"
    layout = {"lang": code, "dir": language.dir, "default_lang": i18n.default, "css": css, "items": items,
              "font_stylesheets": [(project.root / WEB_FONTS_CSS).as_uri()]}
    html = env.get_template("leaflet.html" if only else "book.html").render(
        **layout, t=t, probe=False,
        title=title, site_name=t["site_name"], author=t["pdf_author"], description=t["site_description"],
        keywords=t["pdf_keywords"], created=created, leaflet=leaflet,
        status=_status(i18n, code, ed), edition_line=_edition_line(i18n, code, ed),
        inputs=ltr(ed.inputs, rtl), built=ltr(ed.built, rtl), chapters=chapter_rows,
        restricted_notice=t["restricted_banner"] if audience == RESTRICTED else "",
    )
    roots = [project.docs, project.root / WEB_FONTS, project.root / WEB_FONTS_CSS, PRINT_FONTS]
    if audience == RESTRICTED:  # the restricted pages' images
        roots.append(project.root / RESTRICTED_DIR / DOCS_DIR)
    return Book(code, html, project.docs.as_uri() + "/", roots, entries, chapters, states, problems, only,
                layout if not only else {})


def probe_document(book: Book, keys: Collection[str], spacing: Mapping[str, str] | None = None) -> str:
    """The chapters ``keys`` of the book alone, with the book's styles (``spacing`` giving some of
    them 'hb-tight' or 'hb-loose'), and no cover, colophon, contents, date or edition: a trial layout.

    A chapter breaks into pages here as it does in the book: each one starts on a recto page in
    both, recto and verso pages have the same text width, and nothing in a chapter's text depends
    on the pages before it (its notes are numbered from 1). Nor does anything here change with the
    build's date, so the document of an unchanged chapter is the same from one build to the next."""
    wanted = set(keys)
    items = [{**item, "spacing": (spacing or {}).get(item["key"], "")} for item in book.layout["items"]
             if not item["part"] and item["key"] in wanted]
    return _environment().get_template("book.html").render(
        **{**book.layout, "items": items}, probe=True, title="", author="", description="", keywords="",
        created="")


def escape_css(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
