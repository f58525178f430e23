"""The translation workflow on the web site: page state for templates, the status page, the nav marker.

Called from the registries of :mod:`handbook.adapter.providers` (provider), :mod:`handbook.adapter.renderers`
(renderer) and the thin ``on_nav`` hook. Everything shown is a UI string from translations/ui.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import jinja2

from handbook import frontmatter
from handbook.errors import HandbookError
from handbook.languages import I18n
from handbook.markdown_table import cell
from handbook.paths import DOCS_DIR
from handbook.pdf.names import page_url
from handbook.site import pages
from handbook.translation.gate import decide_all
from handbook.translation.inventory import load_cached, split_language
from handbook.translation.provenance import is_reviewed
from handbook.translation.report import TEMPLATES
from handbook.translation.status import ORPHANED, OUTDATED, UP_TO_DATE, Report

if TYPE_CHECKING:
    from handbook.pageinfo import PageInfo
    from handbook.pages.model import Corpus
    from handbook.paths import Project

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
#
# The page holds one section per translated language. A language's section depends on that
# language's files and the English ones only, so the build of a language writes its own section and
# leaves each other language's as a *slot*: a marked block saying the status is shown on the web.
# Where the languages meet (``handbook assemble``, or the end of a one-machine build), every slot of
# every language's status page is filled with the tables (:func:`fill_status_pages`). A French page
# translated then changes the French outputs and the assembled status pages, not the Spanish build.
# The PDF keeps its language's own section and the sentence for the others.

# One language's section on the web: its tables (or the sentence) between these marks.
_SLOT = re.compile(r'<div class="hb-status" data-hb-status="(?P<status>[^"]+)" data-hb-text="(?P<text>[^"]+)" '
                   r'data-pagefind-ignore>\n(?P<body>.*?)\n</div>', re.S)


def is_status_page(i18n: I18n, src_uri: str | None) -> bool:
    return src_uri is not None and split_language(i18n, src_uri)[1] == STATUS_PAGE


def _environment(i18n: I18n, lang: str, link: Callable[[str], str]) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False, trim_blocks=True,
                             lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["pct"] = lambda value: i18n.percent(lang, value)
    # A title is text: '<' and '&' stay characters, never markup.
    env.filters["cell"] = lambda text: cell(html.escape(str(text), quote=False))
    env.filters["link"] = link
    page_dir = i18n.language(lang).dir

    def title_attrs(row: Any) -> str:
        """Mark a title written in another language than the page (an English or French title on an Arabic page)."""
        title_lang = row.lang if row.state in ("up_to_date", "outdated") else i18n.default
        if title_lang == lang:
            return ""
        title_dir = i18n.language(title_lang).dir
        return f'{{ lang="{title_lang}"' + (f' dir="{title_dir}"' if title_dir != page_dir else "") + " }"

    env.filters["title_attrs"] = title_attrs
    return env


def language_markdown(report: Report, i18n: I18n, lang: str, status_lang: str, gate: Any = None,
                      link: Callable[[str], str] = str) -> str:
    """The section of ``status_lang`` (its summary and table), written in the reader's language ``lang``;
    ``link`` turns a page's docs path into the link written (the path itself for the PDF's converter)."""
    return _environment(i18n, lang, link).get_template("status-language.md.j2").render(
        s=report.language(status_lang), gate=gate, t=lambda key, **kw: i18n.t(lang, key, **kw), orphaned=ORPHANED)


def language_html(report: Report, i18n: I18n, lang: str, status_lang: str, gate: Any = None) -> str:
    """The section of ``status_lang`` as HTML for the status page of the web site (links relative to it)."""
    import markdown as markdown_lib

    here = page_url(STATUS_PAGE)
    text = language_markdown(report, i18n, lang, status_lang, gate,
                             link=lambda source: pages.relative_href(here, page_url(source)))
    return markdown_lib.markdown(text, extensions=["tables", "attr_list"])


def _slot(status_lang: str, text_lang: str, body: str) -> str:
    if "</div>" in body:
        raise ValueError("a status section cannot hold </div>: the slot would end early")
    return (f'<div class="hb-status" data-hb-status="{status_lang}" data-hb-text="{text_lang}" data-pagefind-ignore>'
            f"\n{body}\n</div>")


def _elsewhere(i18n: I18n, lang: str) -> str:
    return f"<p>{html.escape(i18n.t(lang, 'translation_status_web'), quote=False)}</p>"


def _gate(root: Path, report: Report, code: str) -> Any:
    return next((g for g in decide_all(root, report) if g.lang == code), None)


def render_status_page(markdown: str, info: PageInfo) -> str | None:
    """Replace the status page's placeholder by a heading per translated language, with the built
    language's own section under its heading and, under the others', the slot the assembly fills
    (on the web) or the sentence that says where it is (in the PDF). Other pages: None."""
    if not is_status_page(info.i18n, info.src_uri) or PLACEHOLDER not in markdown:
        return None
    i18n = info.i18n
    report = load_cached(info.root, info.corpus)
    # Written in the page's own language: a page served in English is marked lang="en" as a whole.
    lang = split_language(i18n, info.src_uri)[0]
    own = info.lang
    # A web run that read every language (`handbook serve`, a plain `mkdocs build`) fills every slot
    # itself: nothing will assemble its output. A language's run in `handbook build` reads its own.
    every = info.medium != "print" and (info.corpus is None or info.corpus.languages is None)
    sections = []
    for status in report.languages:
        code = status.lang
        sections.append(f"## {i18n.language(code).name} {{ #status-{code} }}")
        gate = _gate(info.root, report, code) if code == own or every else None
        if info.medium == "print":
            sections.append(language_markdown(report, i18n, lang, code, gate) if code == own
                            else i18n.t(lang, "translation_status_web"))
        else:
            body = language_html(report, i18n, lang, code, gate) if code == own or every else _elsewhere(i18n, lang)
            sections.append(_slot(code, lang, body))
    return markdown.replace(PLACEHOLDER, "\n\n".join(sections))


def fill_status_pages(site: Path, project: Project, i18n: I18n, audience: str,
                      corpus: Corpus | None = None) -> list[str]:
    """Fill every slot of every language's status page in ``site`` with the tables of the language it
    names (the state of the checkout's pages for ``audience``: ``corpus`` when the build has read
    them); return the pages changed (site paths).

    Idempotent: a filled slot is filled again, so a site that already holds filled pages (a build of
    a few languages into site/) ends the same as a new one."""
    rel = page_url(STATUS_PAGE) + "index.html"
    found = [(i18n.prefix(code) + rel, site / (i18n.prefix(code) + rel)) for code in i18n.codes]
    found = [(name, path) for name, path in found if path.is_file()]
    texts = {name: path.read_text(encoding="utf-8") for name, path in found}
    if not any(_SLOT.search(text) for text in texts.values()):
        return []
    from handbook.pages.model import load_corpus

    report = load_cached(project.root, corpus or load_corpus(project, i18n, audience))
    gates = {g.lang: g for g in decide_all(project.root, report)}
    sections: dict[tuple[str, str], str] = {}

    def fill(name: str, match: re.Match[str]) -> str:
        status_lang, text_lang = match["status"], match["text"]
        if status_lang not in gates or text_lang not in i18n.codes:
            raise HandbookError(str(site / name), f"holds the status of {status_lang!r} in {text_lang!r}, which "
                                "translations/languages.yml does not list.",
                                fix="Build every language of this checkout again, then assemble.")
        key = (status_lang, text_lang)
        if key not in sections:
            sections[key] = _slot(status_lang, text_lang,
                                  language_html(report, i18n, text_lang, status_lang, gates[status_lang]))
        return sections[key]

    changed = []
    for name, path in found:
        new = _SLOT.sub(lambda match: fill(name, match), texts[name])
        if new != texts[name]:
            path.unlink()  # never write through a hard link into the build cache
            path.write_text(new, encoding="utf-8")
            changed.append(name)
    return changed


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
