"""The translation workflow on the web site: page state for templates, the status page, the nav marker.

Called from the registries of :mod:`handbook.adapter.providers` (provider), :mod:`handbook.adapter.renderers`
(renderer) and the thin ``on_nav`` hook. Everything shown is a UI string from translations/ui.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import jinja2

from handbook import frontmatter
from handbook.languages import I18n
from handbook.markdown_table import cell
from handbook.paths import DOCS_DIR
from handbook.site import pages
from handbook.translation.gate import decide_all
from handbook.translation.inventory import load_cached, split_language
from handbook.translation.provenance import is_reviewed
from handbook.translation.report import TEMPLATES
from handbook.translation.status import ORPHANED, OUTDATED, UP_TO_DATE, Report

if TYPE_CHECKING:
    from handbook.pageinfo import PageInfo

STATUS_PAGE = "translation-status.md"
# The line of the status page (in every language) that the generated tables replace.
PLACEHOLDER = "<!-- hb:translation-status -->"


# --- provider: hb.translation ----------------------------------------------------------------------

def translation_context(info: PageInfo) -> dict[str, Any]:
    """``hb.translation``: None on source pages, else the page's state and a link to the English page."""
    i18n = info.i18n
    if info.src_uri is None or info.lang == i18n.default:
        return {"translation": None}
    here = pages.site_path(i18n, info.lang, info.url)
    state: dict[str, Any] = {
        "source_href": pages.relative_href(here, pages.site_path(i18n, i18n.default, info.url)),
        "source_lang": i18n.default,
        "translated_on": None,
        "notice": "",
    }
    if info.fallback:
        # Shown as the search result's title, so a reader sees the page is in English before opening it.
        title = str(info.meta.get("title") or PurePosixPath(info.src_uri).stem)
        return {"translation": state | {"state": "missing", "search_title": fallback_nav_title(i18n, info.lang, title)}}
    _, source = split_language(i18n, info.src_uri)
    row = load_cached(info.root, info.corpus).page(info.lang, source)  # the one rule: handbook.translation.behind
    state["state"] = ORPHANED if row is None or not (info.root / DOCS_DIR / source).is_file() else row.state
    translated_on = info.meta.get("translated_on")
    state["translated_on"] = None if translated_on is None else str(translated_on)
    if state["state"] == "outdated":
        state["notice"] = i18n.t(info.lang, "translation_outdated_notice")
        state["link_text"] = i18n.t(info.lang, "translation_read_original")
    if state["state"] in (UP_TO_DATE, OUTDATED) and not is_reviewed(info.meta):
        state["unreviewed_notice"] = i18n.t(info.lang, "translation_unreviewed_notice")
    return {"translation": state}


# --- renderer: the translation-status page ---------------------------------------------------------

def is_status_page(i18n: I18n, src_uri: str | None) -> bool:
    return src_uri is not None and split_language(i18n, src_uri)[1] == STATUS_PAGE


def status_markdown(report: Report, i18n: I18n, lang: str, gates: Iterable[Any] = ()) -> str:
    """The status tables, one per translated language, in the reader's language ``lang``."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False, trim_blocks=True,
                             lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["pct"] = lambda value: i18n.percent(lang, value)
    env.filters["cell"] = cell
    page_dir = i18n.language(lang).dir

    def title_attrs(row: Any) -> str:
        """Mark a title written in another language than the page (an English or French title on an Arabic page)."""
        title_lang = row.lang if row.state in ("up_to_date", "outdated") else i18n.default
        if title_lang == lang:
            return ""
        title_dir = i18n.language(title_lang).dir
        return f'{{ lang="{title_lang}"' + (f' dir="{title_dir}"' if title_dir != page_dir else "") + " }"

    env.filters["title_attrs"] = title_attrs
    return env.get_template("status-page.md.j2").render(
        report=report, i18n=i18n, lang=lang, t=lambda key, **kw: i18n.t(lang, key, **kw),
        gates={g.lang: g for g in gates}, orphaned=ORPHANED)


def render_status_page(markdown: str, info: PageInfo) -> str | None:
    """Replace the status page's placeholder by the tables (other pages: None)."""
    if not is_status_page(info.i18n, info.src_uri) or PLACEHOLDER not in markdown:
        return None
    report = load_cached(info.root, info.corpus)
    # Written in the page's own language: a page served in English is marked lang="en" as a whole.
    lang = split_language(info.i18n, info.src_uri)[0]
    tables = status_markdown(report, info.i18n, lang, decide_all(info.root, report))
    return markdown.replace(PLACEHOLDER, tables)


# --- navigation: pages shown in English ------------------------------------------------------------

def fallback_nav_title(i18n: I18n, lang: str, title: str) -> str:
    """'Terminology' -> 'Terminology (anglais)' in the French navigation.

    In a right-to-left site the English title is isolated (U+2068..U+2069), so the bidi algorithm
    does not move its parentheses or punctuation.
    """
    shown = f"\u2068{title}\u2069" if i18n.language(lang).rtl else title
    return i18n.t(lang, "translation_nav_fallback", title=shown, marker=i18n.t(lang, "fallback_nav_marker"))


def _title_from_file(page: Any) -> str:
    path = Path(page.file.abs_src_path)
    title = frontmatter.read(path).meta.get("title") if path.exists() else None
    return str(title) if title else PurePosixPath(page.file.src_uri).stem


def mark_fallback_pages(nav_pages: Iterable[Any], i18n: I18n, lang: str,
                        title_of: Callable[[Any], str] | None = None) -> int:
    """Give every page served in English in a translated site a marked title; return how many.

    ``nav_pages`` are MkDocs pages (``.file.src_uri``, ``.title``); at navigation time their front
    matter is not read yet, so the title comes from the file unless the nav gave one.
    """
    if lang == i18n.default:
        return 0
    title_of = title_of or (lambda page: page.title or _title_from_file(page))
    marked = 0
    for page in nav_pages:
        if pages.is_fallback(i18n, lang, page.file.src_uri):
            page.title = fallback_nav_title(i18n, lang, title_of(page))
            marked += 1
    return marked
