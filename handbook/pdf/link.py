"""The "Download PDF" link of every web page: ``hb.pdf_href``, relative to the page, and the PDF's
size and page count written next to it once the PDF exists (:func:`fill_details`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handbook.chapters import has_own_pdf, is_checklist
from handbook.languages import split_language_path
from handbook.pdf.names import own_pdf_name, page_url, site_pdf_path
from handbook.site import pages

if TYPE_CHECKING:
    from handbook.pageinfo import PageInfo


def pdf_link(info: "PageInfo") -> dict[str, Any]:
    """Relative link from the page to its language's PDF (works under a sub-path and on file://).

    No link when this build makes no PDF (`handbook build --no-pdf`, `mkdocs serve`).
    """
    if "pdf" not in info.outputs:
        return {}
    here = pages.site_path(info.i18n, info.lang, info.url)
    link: dict[str, Any] = {"pdf_href": pages.relative_href(here, site_pdf_path(info.i18n, info.lang, info.audience))}
    if info.src_uri is not None:
        base = split_language_path(info.src_uri, info.i18n.codes, info.i18n.default)[1]
        if has_own_pdf(base):  # the chapter's or checklist's own PDF, next to the page
            link["own_pdf_href"] = own_pdf_name(info.lang, base, info.audience)
            link["own_pdf_text"] = info.i18n.t(info.lang, "pdf_download_checklist" if is_checklist(base)
                                               else "pdf_download_chapter")
    return link


DETAILS_MARK = '<span class="hb-pdf-details" data-hb-pdf-details></span>'
OWN_DETAILS_MARK = '<span class="hb-pdf-details" data-hb-own-pdf-details></span>'


def details_text(i18n: Any, code: str, size_bytes: int, pages_count: int) -> str:
    """'(PDF, 2,1 Mo, 130 pages)' in the reader's language: CLDR's decimal sign, and the digits
    languages.yml gives the language (CLDR's default unless it says otherwise)."""
    return i18n.plural(code, "pdf_download_details", pages_count, size=i18n.megabytes(code, size_bytes),
                       pages=i18n.number(code, pages_count))


def _details_span(i18n: Any, code: str, pdf: Path, pages_count: int) -> str:
    from markupsafe import escape

    return f'<span class="hb-pdf-details">{escape(details_text(i18n, code, pdf.stat().st_size, pages_count))}</span>'


def fill_own_details(site: Path, i18n: Any, code: str, base: str, pdf: Path, pages_count: int) -> None:
    """Write the size and page count of a page's own PDF into that page (English source ``base``)."""
    page = site / pages.site_path(i18n, code, page_url(base)) / "index.html"
    if page.is_file():
        html = page.read_text(encoding="utf-8")
        if OWN_DETAILS_MARK in html:
            page.write_text(html.replace(OWN_DETAILS_MARK, _details_span(i18n, code, pdf, pages_count)),
                            encoding="utf-8")


def fill_details(site: Path, i18n: Any, code: str, pdf: Path, pages_count: int) -> None:
    """Write the PDF's size and page count into every page of language ``code`` that links to it."""
    text = _details_span(i18n, code, pdf, pages_count)
    top = site / i18n.prefix(code)
    others = {site / i18n.prefix(c) for c in i18n.codes if c != code and i18n.prefix(c)}
    for dirpath, dirnames, filenames in os.walk(top):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if here / d not in others]  # the default language's folder holds the others
        for name in filenames:
            if name.endswith(".html"):
                page = here / name
                html = page.read_text(encoding="utf-8")
                if DETAILS_MARK in html:
                    page.write_text(html.replace(DETAILS_MARK, text), encoding="utf-8")
