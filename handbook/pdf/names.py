"""Where the PDFs are and what they are called: what the web pages, the offline copy and the PDF
step share.

A module of its own, importing nothing of the PDF step: every web page links its PDF, and the web
build's workers and the offline step must not load the print pipeline (Markdown for print, the
print templates, WeasyPrint's wrapper) to learn a file name.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handbook.languages import I18n


def page_url(base: str) -> str:
    """The page's directory URL within its language, as MkDocs makes it: 'index.md' -> '',
    'glossary.md' -> 'glossary/', 'chapters/index.md' -> 'chapters/'."""
    stem = base[:-3] if base.endswith(".md") else base
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


# The audiences (handbook.pages.walk), spelled here so that this module imports nothing.
_RESTRICTED = "restricted"


def _edition_tag(code: str, audience: str) -> str:
    """'fr', or 'fr-restricted' in the restricted edition: every restricted PDF says so in its name."""
    return code if audience != _RESTRICTED else f"{code}-restricted"


def pdf_name(code: str, audience: str = "public") -> str:
    return f"handbook-{_edition_tag(code, audience)}.pdf"


def own_pdf_name(code: str, base: str, audience: str = "public") -> str:
    """The file name of a chapter's or checklist's own PDF: 'handbook-fr-first-contact-with-a-child.pdf'.
    It sits next to the page's index.html, so a page links to it by its name alone."""
    return f"handbook-{_edition_tag(code, audience)}-{PurePosixPath(base).stem}.pdf"


def site_own_pdf_path(i18n: I18n, code: str, base: str, audience: str = "public") -> str:
    """Where a page's own PDF sits in the assembled site: 'fr/checklists/x/handbook-fr-x.pdf'."""
    return i18n.prefix(code) + page_url(base) + own_pdf_name(code, base, audience)


def site_pdf_path(i18n: I18n, code: str, audience: str = "public") -> str:
    """Where a language's PDF sits in the assembled site: 'handbook-en.pdf', 'fr/handbook-fr.pdf'."""
    return i18n.prefix(code) + pdf_name(code, audience)
