"""The "Download PDF" link of every web page: ``hb.pdf_href``, relative to the page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from handbook.pdf.book import site_pdf_path
from handbook.site import pages

if TYPE_CHECKING:  # handbook.site.context imports this module
    from handbook.site.context import PageInfo


def pdf_link(info: "PageInfo") -> dict[str, Any]:
    """Relative link from the page to its language's PDF (works under a sub-path and on file://).

    No link when this build makes no PDF (`handbook build --no-pdf`, `mkdocs serve`).
    """
    if "pdf" not in info.outputs:
        return {}
    here = pages.site_path(info.i18n, info.lang, info.url)
    return {"pdf_href": pages.relative_href(here, site_pdf_path(info.i18n, info.lang))}
