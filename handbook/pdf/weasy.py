"""The one place that calls WeasyPrint.

It always gets a ``base_url`` and a URL fetcher confined to the build's own files (no network, no
``data:``, nothing outside the allowed folders), and every message WeasyPrint logs is captured and
returned, so the caller can fail on it: WeasyPrint itself exits happily with missing images,
missing glyphs and PDF/UA errors.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelname, record.getMessage()))


@dataclass
class Rendered:
    pdf: bytes
    pages: int
    messages: list[tuple[str, str]]  # (level, message) logged by WeasyPrint
    anchor_pages: dict[str, int]     # element id -> 0-based page index
    overflows: list[tuple[int, str]] = field(default_factory=list)  # (page index, text) beyond the page's content box
    fonts: dict[str, str] = field(default_factory=dict)  # embedded font name -> the characters it drew
    check_seconds: float = 0.0  # time spent on our own checks inside this call (overflow, fonts)
    lines: list[int] = field(default_factory=list)  # lines of body text on each page (footnotes and margins apart)
    cell_breaks: list[tuple[int, str]] = field(default_factory=list)  # (page index, word) split across lines in a table cell


# WOFF2 fonts decompressed once per process (path, size, mtime -> TrueType bytes). WeasyPrint
# decompresses every @font-face of a document on every render: about 3 s for the handbook's fonts,
# which dominated the rendering of a chapter's or checklist's own PDF. Keyed by the file's size and
# modification time, so a changed font is read again.
_DECODED_FONTS: dict[tuple[str, int, int], bytes] = {}


def _decoded_woff2(path: Path) -> bytes:
    from io import BytesIO

    from fontTools.ttLib import woff2

    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _DECODED_FONTS:
        out = BytesIO()
        woff2.decompress(BytesIO(path.read_bytes()), out)
        _DECODED_FONTS[key] = out.getvalue()
    return _DECODED_FONTS[key]


def make_fetcher(roots: Sequence[Path]):
    """A WeasyPrint URL fetcher that serves only files below ``roots``."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    allowed = [root.resolve() for root in roots]

    class ConfinedFetcher(URLFetcher):
        def fetch(self, url, headers=None):  # WeasyPrint's signature
            parts = urlsplit(url)
            if parts.scheme != "file":
                raise ValueError(f"refused to fetch {url}: the PDF may only use the handbook's own files")
            path = Path(url2pathname(unquote(parts.path))).resolve()
            if not any(path.is_relative_to(root) for root in allowed):
                raise ValueError(f"refused to fetch {path}: outside the handbook's files")
            if path.suffix == ".woff2" and path.is_file():
                return URLFetcherResponse(path.as_uri(), _decoded_woff2(path), {"Content-Type": "font/ttf"})
            return super().fetch(path.as_uri(), headers)

    return ConfinedFetcher(allowed_protocols=("file",), allow_redirects=False, fail_on_errors=False)


@dataclass
class Layout:
    """Where a document's pages break, without its PDF: enough to tell how each chapter ends."""

    pages: int
    anchor_pages: dict[str, int]  # element id -> 0-based page index
    lines: list[int]              # lines of body text on each page (footnotes and margins apart)


def _laid_out(html: str, base_url: str, roots: Sequence[Path], stylesheets: Sequence[str]):
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = make_fetcher(roots)
    fonts = FontConfiguration()
    sheets = [CSS(url=url, url_fetcher=fetcher, font_config=fonts) for url in stylesheets]
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
        stylesheets=sheets, font_config=fonts, pdf_variant="pdf/ua-1", uncompressed_pdf=False)


def _anchor_pages(document) -> dict[str, int]:
    anchors: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            anchors.setdefault(name, index)
    return anchors


def layout(html: str, *, base_url: str, roots: Sequence[Path]) -> Layout:
    """Lay ``html`` out as :func:`render_pdf` does, and stop there (no painting, no PDF): for a
    trial layout whose messages do not matter, since the document published is rendered and
    checked in full afterwards."""
    document = _laid_out(html, base_url, roots, ())
    return Layout(len(document.pages), _anchor_pages(document), [_body_lines(page) for page in document.pages])


def render_pdf(html: str, *, base_url: str, roots: Sequence[Path], stylesheets: Sequence[str] = (),
               check_overflow: bool = True) -> Rendered:
    """Render ``html`` to a tagged PDF/UA-1 document; never touches the network."""
    capture = _Capture()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(capture)  # added for this call only; WeasyPrint's own logger setup is left alone
    try:
        document = _laid_out(html, base_url, roots, stylesheets)
        anchors = _anchor_pages(document)
        mark = time.perf_counter()
        overflows = _overflows(document) if check_overflow else []
        lines = [_body_lines(page) for page in document.pages]
        cell_breaks = _cell_breaks(document)
        checking = time.perf_counter() - mark
        pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    finally:
        logger.removeHandler(capture)
    mark = time.perf_counter()
    fonts = _fonts(document)
    checking += time.perf_counter() - mark
    return Rendered(pdf, len(document.pages), capture.records, anchors, overflows, fonts, checking, lines, cell_breaks)


def _fonts(document) -> dict[str, str]:
    """The fonts written into the PDF (``document.fonts`` is filled by write_pdf), with the text each
    one drew: the same information as the PDF's font dictionaries, without parsing the PDF again."""
    found: dict[str, set[str]] = {}
    for font in document.fonts.values():
        name = font.name.decode("latin-1").lstrip("/").split("+", 1)[-1]
        found.setdefault(name, set()).update("".join(font.to_unicode.values()))
    return {name: "".join(sorted(chars)) for name, chars in found.items()}


def _overflows(document) -> list[tuple[int, str]]:
    """Text boxes of the page body that reach beyond the page's content area (clipped when printed)."""
    from weasyprint.formatting_structure import boxes

    found: list[tuple[int, str]] = []
    for index, page in enumerate(document.pages):
        page_box = page._page_box
        left = page_box.content_box_x() - 1
        right = page_box.content_box_x() + page_box.width + 1
        for child in page_box.children:
            if isinstance(child, boxes.MarginBox):
                continue
            for box in child.descendants():
                if isinstance(box, boxes.TextBox) and box.text.strip():
                    if box.position_x < left or box.position_x + box.width > right:
                        found.append((index, box.text.strip()[:60]))
    return found


def _body_lines(page) -> int:
    """The lines of text in the page's body: not its margin boxes (running headers, page number)
    and not its footnote area."""
    from weasyprint.formatting_structure import boxes

    count = 0
    for child in page._page_box.children:
        if isinstance(child, (boxes.MarginBox, boxes.FootnoteAreaBox)):
            continue
        count += sum(1 for box in child.descendants() if isinstance(box, boxes.LineBox)
                     and any(isinstance(t, boxes.TextBox) and t.text.strip() for t in box.descendants()))
    return count


def _cell_breaks(document) -> list[tuple[int, str]]:
    """Words of a table cell that the layout split across two lines ("So/ur/ce/s", «المصاد/ر»).

    Line boxes drop the space they break at, so a break is inside a word when the end of one line
    and the start of the next are written together in the cell's text, and not with a space.
    """
    from weasyprint.formatting_structure import boxes

    found: list[tuple[int, str]] = []
    for index, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            if not isinstance(box, boxes.TableCellBox) or box.element is None:
                continue
            text = " ".join("".join(box.element.itertext()).split())
            lines = [line for line in box.descendants() if isinstance(line, boxes.LineBox)]
            texts = ["".join(t.text for t in line.descendants() if isinstance(t, boxes.TextBox)).split()
                     for line in lines]
            for before, after in zip(texts, texts[1:]):
                if before and after:
                    last, first = before[-1], after[0]
                    if last.endswith("-") and last + first in text:
                        continue  # a break after a hyphen the text has ("self-/review")
                    if last.endswith("-") and last[:-1] + first in text:  # hyphenated by the layout
                        found.append((index, f"{last}/{first}"))
                    elif last + first in text and f"{last} {first}" not in text:
                        found.append((index, f"{last}/{first}"))
    return found
