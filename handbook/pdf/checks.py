"""Checks on a rendered book. WeasyPrint exits happily with missing glyphs, substituted fonts,
clipped content and PDF/UA errors; each of these becomes a diagnostic naming the source page.
"""

from __future__ import annotations

import bisect
import re
from urllib.parse import unquote

from handbook.diagnostics import Diagnostic
from handbook.pdf.book import TEMPLATES, Book
from handbook.pdf.weasy import Rendered

# The fonts the book may use, as WeasyPrint names them in the PDF (after the subset tag 'ABCDEF+').
ALLOWED_FONTS = ("Noto-Sans", "Noto-Sans-Mono", "Amiri")
_NOTDEF = re.compile(r'unsupported by fonts: "(.*)" \(((?:U\+[0-9A-F]+,? ?)+)\)', re.S)
_FONTS_HINT = "use characters that Noto Sans, Amiri (Arabic) or Noto Sans Mono cover, or add a font for them"


class Pages:
    """Maps a page index of the PDF to the source page printed there."""

    def __init__(self, book: Book, rendered: Rendered):
        starts = sorted((rendered.anchor_pages[e.key], e.source_path) for e in book.entries
                        if e.key in rendered.anchor_pages)
        self.indexes = [index for index, _ in starts]
        self.paths = [path for _, path in starts]

    def source(self, index: int) -> str:
        position = bisect.bisect_right(self.indexes, index) - 1
        return self.paths[position] if position >= 0 else str(TEMPLATES / "book.html")


def _where(book: Book, needle: str) -> tuple[str, int]:
    """The first source page (and line) containing ``needle``."""
    for state in book.states:
        if needle and needle in state.text:
            return state.entry.source_path, state.line_of(needle)
    return str(TEMPLATES / "book.html"), 1


def check_messages(book: Book, rendered: Rendered) -> list[Diagnostic]:
    out = []
    for level, message in rendered.messages:
        notdef = _NOTDEF.search(message)
        if notdef:
            text, codes = notdef.groups()
            path, line = _where(book, text.strip()[:1] or text)
            out.append(Diagnostic(path, line, 1, "PDF005", f"no font has the character(s) {text!r} ({codes.strip()}); "
                                  "the PDF would show boxes", hint=_FONTS_HINT))
            continue
        path, line = _locate(book, message)
        out.append(Diagnostic(path, line, 1, "PDF008", f"WeasyPrint {level}: {message.strip() or '(no text)'}",
                              hint="fix the page so the PDF renders without errors"))
    return out


# The URL or file a message names: 'file:///...', 'http(s)://...' (refused by the URL fetcher), or the
# path after 'refused to fetch' (handbook.pdf.weasy).
_URL = re.compile(r"(?:file|https?)://[^\s\"'`)]+|(?<=refused to fetch )/[^\s\"'`)]+")


def _locate(book: Book, message: str) -> tuple[str, int]:
    """The source page a WeasyPrint message is about: by a chapter id, or by a URL or file it names."""
    for state in book.states:
        if f"#{state.entry.key}" in message or f"{state.entry.key}--" in message:
            return state.entry.source_path, state.body_line
    for url in _URL.findall(message):
        url = url.rstrip("/.,;:")
        if not url.startswith("file:"):  # a URL as written in the page
            path, line = _where(book, url)
            if line > 1 or path != str(TEMPLATES / "book.html"):
                return path, line
        name = unquote(url.rsplit("/", 1)[-1])
        if name:
            path, line = _where(book, name)
            if line > 1 or path != str(TEMPLATES / "book.html"):
                return path, line
    return str(TEMPLATES / "book.html"), 1


def check_overflow(book: Book, rendered: Rendered) -> list[Diagnostic]:
    pages = Pages(book, rendered)
    out = []
    for index, text in rendered.overflows:
        path = pages.source(index)
        state = next((s for s in book.states if s.entry.source_path == path), None)
        line = state.line_of(text.split()[0]) if state and text.split() else 1
        out.append(Diagnostic(path, line, 1, "PDF007", f"text runs off PDF page {index + 1}: {text!r}",
                              hint="break the long word or URL, or split the table"))
    return out


def substituted(fonts: dict[str, str]) -> dict[str, str]:
    """The fonts that are not the handbook's (name -> characters drawn with it)."""
    out = {}
    for name, chars in fonts.items():
        # Our own fonts in another weight or style (WeasyPrint names a slanted face '-Oblique').
        family = re.sub(r"-(Bold|Italic|Oblique|BoldItalic|BoldOblique|Regular)$", "", name)
        if family not in ALLOWED_FONTS:
            out[name] = "".join(c for c in chars if c.strip())
    return out


def check_fonts(book: Book, rendered: Rendered) -> list[Diagnostic]:
    """A font that is not one of ours means fontconfig substituted a system font: refuse it, and
    name the characters it drew and the page where each first appears."""
    out = []
    for name, chars in sorted(substituted(rendered.fonts).items()):
        by_page: dict[tuple[str, int], str] = {}
        for char in chars or "?":
            where = _where(book, char)
            by_page[where] = by_page.get(where, "") + char
        for (path, line), found in sorted(by_page.items()):
            codes = ", ".join(f"U+{ord(c):04X}" for c in found if c != "?")
            out.append(Diagnostic(path, line, 1, "PDF006", f"the system font {name} was substituted for "
                                  f"{found!r} ({codes or 'unknown characters'})", hint=_FONTS_HINT))
    return out


CHECKS = (check_messages, check_overflow, check_fonts)


def check_rendered(book: Book, rendered: Rendered) -> list[Diagnostic]:
    return [d for check in CHECKS for d in check(book, rendered)]

