"""Checks on a rendered book. WeasyPrint exits happily with missing glyphs, substituted fonts,
clipped content and PDF/UA errors; each of these becomes a diagnostic naming the source page.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from handbook.chapters import is_checklist
from handbook.diagnostics import Diagnostic
from handbook.pdf.book import TEMPLATES, Book
from handbook.pdf.weasy import Rendered

_NOTDEF = re.compile(r'unsupported by fonts: "(.*)" \(((?:U\+[0-9A-F]+,? ?)+)\)', re.S)


def _fonts_hint(book: Book) -> str:
    css = next((r.name for r in book.roots if r.suffix == ".css"), "fonts.css")
    return f"use characters that the handbook's fonts cover, or add a font for them to {css}"


def allowed_fonts(book: Book) -> frozenset[str]:
    """The fonts the book may use, as WeasyPrint names them in the PDF (after the subset tag
    'ABCDEF+'): the families of the stylesheets it was given, the web's and the print template's."""
    sheets = [r for r in book.roots if r.suffix == ".css"] + [TEMPLATES / "book.css"]
    return _families(tuple((sheet, sheet.stat().st_mtime_ns) for sheet in sheets if sheet.is_file()))


@lru_cache(maxsize=4)
def _families(sheets: tuple[tuple[Path, int], ...]) -> frozenset[str]:
    # Read once per worker, not once per rendered document (a language renders some twenty PDFs).
    from handbook.fonts import families

    return frozenset(name.replace(" ", "-") for sheet, _ in sheets for name in families(sheet))


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
                                  "the PDF would show boxes", hint=_fonts_hint(book)))
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


def _on_page(book: Book, pages: Pages, index: int, needle: str) -> tuple[str, int]:
    """The source page printed on PDF page ``index``, and the line of ``needle`` in it."""
    path = pages.source(index)
    state = next((s for s in book.states if s.entry.source_path == path), None)
    return path, state.line_of(needle) if state and needle else 1


def check_overflow(book: Book, rendered: Rendered) -> list[Diagnostic]:
    pages = Pages(book, rendered)
    out = []
    for index, text in rendered.overflows:
        path, line = _on_page(book, pages, index, (text.split() or [""])[0])
        out.append(Diagnostic(path, line, 1, "PDF007", f"text runs off PDF page {index + 1}: {text!r}",
                              hint="break the long word or URL, or split the table"))
    return out


def substituted(fonts: dict[str, str], allowed: frozenset[str]) -> dict[str, str]:
    """The fonts that are not the handbook's, ``allowed`` (name -> characters drawn with it)."""
    out = {}
    for name, chars in fonts.items():
        # Our own fonts in another weight or style (WeasyPrint names a slanted face '-Oblique').
        family = re.sub(r"-(Bold|Italic|Oblique|BoldItalic|BoldOblique|Regular)$", "", name)
        if family not in allowed:
            out[name] = "".join(c for c in chars if c.strip())
    return out


def check_fonts(book: Book, rendered: Rendered) -> list[Diagnostic]:
    """A font that is not one of ours means fontconfig substituted a system font: refuse it, and
    name the characters it drew and the page where each first appears."""
    out = []
    hint = _fonts_hint(book)
    for name, chars in sorted(substituted(rendered.fonts, allowed_fonts(book)).items()):
        by_page: dict[tuple[str, int], str] = {}
        for char in chars or "?":
            where = _where(book, char)
            by_page[where] = by_page.get(where, "") + char
        for (path, line), found in sorted(by_page.items()):
            codes = ", ".join(f"U+{ord(c):04X}" for c in found if c != "?")
            out.append(Diagnostic(path, line, 1, "PDF006", f"the system font {name} was substituted for "
                                  f"{found!r} ({codes or 'unknown characters'})", hint=hint))
    return out


def check_one_sheet(book: Book, rendered: Rendered) -> list[Diagnostic]:
    """A checklist's own PDF is one sheet that an officer prints and carries: never two pages."""
    if book.only is None or not is_checklist(book.only) or rendered.pages == 1:
        return []
    entry = book.entries[0]
    return [Diagnostic(entry.source_path, book.states[0].body_line, 1, "PDF009",
                       f"the checklist's own PDF has {rendered.pages} pages; a checklist must fit one page",
                       hint="tighten the text: shorter items, fewer words (the English original too, if it "
                            "does not fit either)")]


def check_cell_breaks(book: Book, rendered: Rendered) -> list[Diagnostic]:
    """A table cell never shows a word split across two lines: the column is too narrow for it."""
    pages = Pages(book, rendered)
    out = []
    for index, word in rendered.cell_breaks:
        path, line = _on_page(book, pages, index, word.split("/")[0])
        out.append(Diagnostic(path, line, 1, "PDF010", f"a table cell on PDF page {index + 1} splits a word "
                              f"across two lines: {word!r}",
                              hint="give the table fewer or shorter columns, or shorten the word's column header"))
    return out


# A chapter whose last page holds fewer lines than this ends on a page that is almost empty.
MIN_TAIL_LINES = 5
TAIL_CODE = "PDF011"


def short_tails(keys: Collection[str], anchor_pages: dict[str, int], lines: Sequence[int],
                pages: int) -> dict[str, int]:
    """Chapter key -> 0-based index of its last page, for each chapter of ``keys`` whose last page
    holds fewer than MIN_TAIL_LINES lines of text. A chapter ends where the next chapter or part
    begins; pages with no text (the blank page before a recto) do not count."""
    starts = sorted((page, key) for key, page in anchor_pages.items() if key in keys or key.startswith("part-"))
    out = {}
    for number, (start, key) in enumerate(starts):
        if key not in keys:
            continue
        end = starts[number + 1][0] if number + 1 < len(starts) else pages
        written = [page for page in range(start, end) if lines[page] > 0]
        if len(written) >= 2 and lines[written[-1]] < MIN_TAIL_LINES:
            out[key] = written[-1]
    return out


def check_tails(book: Book, rendered: Rendered) -> list[Diagnostic]:
    """No chapter ends with a page holding only a few lines of its tail (a reference or two)."""
    out = []
    for key, last in short_tails({e.key for e in book.entries}, rendered.anchor_pages, rendered.lines,
                                 rendered.pages).items():
        state = next(s for s in book.states if s.entry.key == key)
        out.append(Diagnostic(state.entry.source_path, state.body_line, 1, TAIL_CODE,
                              f"the chapter ends on PDF page {last + 1} with only "
                              f"{rendered.lines[last]} line(s) of text",
                              hint="the PDF tightens such chapters by itself; if this remains, shorten the "
                                   "chapter's last section or its references"))
    return out


CHECKS = (check_messages, check_overflow, check_fonts, check_one_sheet, check_cell_breaks, check_tails)


def check_rendered(book: Book, rendered: Rendered) -> list[Diagnostic]:
    return [d for check in CHECKS for d in check(book, rendered)]

