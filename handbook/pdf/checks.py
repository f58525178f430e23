"""Checks on a rendered book. WeasyPrint exits happily with missing glyphs, substituted fonts,
clipped content and PDF/UA errors; each of these becomes a diagnostic naming the source page.
"""

from __future__ import annotations

import bisect
import io
import re

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
        path, line = str(TEMPLATES / "book.html"), 1
        for state in book.states:
            if any(image.as_uri() in message or str(image) in message for image in state.images) \
                    or f"#{state.entry.key}" in message:
                path, line = state.entry.source_path, state.body_line
                break
        out.append(Diagnostic(path, line, 1, "PDF008", f"WeasyPrint {level}: {message.strip() or '(no text)'}",
                              hint="fix the page so the PDF renders without errors"))
    return out


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


def used_fonts(pdf: bytes) -> dict[int, set[str]]:
    """Font names used on each page of ``pdf`` (subset tags removed)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    found: dict[int, set[str]] = {}
    for index, page in enumerate(reader.pages):
        names: set[str] = set()
        _collect_fonts(page.get("/Resources"), names, set())
        found[index] = names
    return found


def _collect_fonts(resources, names: set[str], seen: set[int]) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    if id(resources) in seen:
        return
    seen.add(id(resources))
    for font in (resources.get("/Font") or {}).values():
        base = str(font.get_object().get("/BaseFont", ""))
        names.add(base.lstrip("/").split("+", 1)[-1])
    for xobject in (resources.get("/XObject") or {}).values():
        _collect_fonts(xobject.get_object().get("/Resources"), names, seen)


def check_fonts(book: Book, rendered: Rendered) -> list[Diagnostic]:
    """A font that is not one of ours means fontconfig substituted a system font: refuse it."""
    pages = Pages(book, rendered)
    out = []
    reported: set[tuple[str, str]] = set()
    for index, names in used_fonts(rendered.pdf).items():
        for name in sorted(names):
            # Our own fonts in another weight or style (WeasyPrint names a slanted face '-Oblique').
            family = re.sub(r"-(Bold|Italic|Oblique|BoldItalic|BoldOblique|Regular)$", "", name)
            if family in ALLOWED_FONTS:
                continue
            path = pages.source(index)
            if (path, name) in reported:
                continue
            reported.add((path, name))
            out.append(Diagnostic(path, 1, 1, "PDF006", f"PDF page {index + 1} uses the system font {name}, "
                                  "substituted for characters the handbook's fonts lack", hint=_FONTS_HINT))
    return out


CHECKS = (check_messages, check_overflow, check_fonts)


def check_rendered(book: Book, rendered: Rendered) -> list[Diagnostic]:
    return [d for check in CHECKS for d in check(book, rendered)]

