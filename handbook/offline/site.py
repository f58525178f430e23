"""The offline features on pages: what templates see (``hb.offline``), and the sizes written into
pages once the build knows them (the save panel's download sizes, the ZIP link on the home page).

The template writes empty, marked spans; the post-build step fills them, as the PDF link's details
are filled (handbook.pdf.link), because sizes exist only once every file is built.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handbook.languages import I18n
from handbook.offline.files import zip_name
from handbook.offline.webapp import THEME_COLOUR
from handbook.site import pages
from handbook.site.layout import pages_in

if TYPE_CHECKING:
    from handbook.pageinfo import PageInfo

SIZE_MARK = '<span class="hb-offline__size" data-hb-offline-size></span>'
PDF_SIZE_MARK = '<span class="hb-offline__size" data-hb-offline-pdf-size></span>'
ZIP_MARK = '<p class="hb-offline-zip" data-hb-offline-zip hidden>'
ZIP_SHOWN = '<p class="hb-offline-zip" data-hb-offline-zip>'
ZIP_DETAILS_MARK = '<span class="hb-pdf-details" data-hb-offline-zip-details></span>'


def offline_context(info: "PageInfo") -> dict[str, Any]:
    """``hb.offline``: None when this build makes no offline copy (`mkdocs serve`), else the links
    from this page to every language's folder (the switcher marks the languages saved offline)
    and, on a language's home page, the link to its ZIP."""
    # Not on the 404 page: it is served at any depth with links made for the site root, so it
    # cannot tell where its language's worker lives.
    if "offline" not in info.outputs or info.src_uri is None:
        return {"offline": None}
    i18n = info.i18n
    here = pages.site_path(i18n, info.lang, info.url)
    roots = {code: pages.relative_href(here, i18n.prefix(code)) for code in i18n.codes}
    return {"offline": {
        "roots": json.dumps(roots, sort_keys=True),
        "zip_href": zip_name(info.lang) if info.url == "" else "",
        "theme_colour": THEME_COLOUR,
    }}


def _size(i18n: I18n, code: str, size_bytes: int) -> str:
    from markupsafe import escape

    return str(escape(i18n.t(code, "offline_size", size=i18n.megabytes(code, size_bytes))))


def fill(folder: Path, others: tuple[str, ...], marks: dict[str, str]) -> list[Path]:
    """Replace each mark by its text in the language's pages; the pages changed."""
    changed = []
    for page in pages_in(folder, others):
        html = page.read_text(encoding="utf-8")
        new = html
        for mark, text in marks.items():
            new = new.replace(mark, text)
        if new != html:
            page.write_text(new, encoding="utf-8")
            changed.append(page)
    return changed


def size_marks(i18n: I18n, code: str, site_bytes: int, pdf_bytes: int) -> dict[str, str]:
    return {SIZE_MARK: SIZE_MARK.replace("></span>", ">" + _size(i18n, code, site_bytes) + "</span>"),
            PDF_SIZE_MARK: PDF_SIZE_MARK.replace("></span>", ">" + _size(i18n, code, pdf_bytes) + "</span>")}


def zip_marks(i18n: I18n, code: str, zip_bytes: int) -> dict[str, str]:
    from markupsafe import escape

    details = escape(i18n.t(code, "offline_zip_details", size=i18n.megabytes(code, zip_bytes)))
    return {ZIP_MARK: ZIP_SHOWN, ZIP_DETAILS_MARK: ZIP_DETAILS_MARK.replace("></span>", f">{details}</span>")}
