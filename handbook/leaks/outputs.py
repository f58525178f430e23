"""Every file of a built site as text the leak scan can read: one or more :class:`View` per file.

What a file holds is read from its bytes, not trusted from its name alone:

- gzip (sitemap.xml.gz, every Pagefind file): decompressed, with Pagefind's "pagefind_dcd" prefix
  removed, then read again as the file it holds;
- ZIP (the offline copies): each member, read again;
- PDF: the text of each page, the outline, the document information and the XMP metadata;
- HTML, XML and SVG: the text with every tag blanked in place (so line and column stay those of
  the file; comments and script bodies stay, as a browser or a crawler may read them), then every
  attribute value (alt, title, content, data-*, href...), each mapped to its tag;
- any other UTF-8 file (JS, CSS, JSON, Pagefind's decompressed fragments and indexes, text): as is.
  JSON and JavaScript escapes are decoded word by word (:mod:`handbook.leaks.words`).

Binary files (images, fonts) give no view; the scan compares their hashes. A file that cannot be
read (a broken gzip or PDF, an encrypted PDF, more than :data:`MAX_BYTES` once decompressed) gives
a :class:`Unreadable`: a leak could hide in it, so the scan reports it.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import re
import zipfile
import zlib
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from handbook import htmltags
from handbook.leaks.words import DROP

MAX_BYTES = 256 * 1024 * 1024  # what one file may decompress to; a site's largest is a few MB
MAX_DEPTH = 3  # a ZIP in a gzip in a ZIP: deeper is refused (the scan counts)
PAGEFIND_PREFIX = b"pagefind_dcd"
_MARKUP = (".html", ".htm", ".xhtml", ".xml", ".svg")
# Phrasing elements that do not separate words when a browser shows them ("por<b>no</b>graphy").
_INLINE = frozenset("a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong "
                    "sub sup time u var wbr".split())
_NOT_NEWLINE = re.compile(r"[^\n]")
_TAG_END = re.compile(r"""(?:"[^"]*"|'[^']*'|[^>"'])*>?""")


@dataclass(frozen=True)
class View:
    """Text read from one output file, with the way back to a line and column of that file."""

    where: str  # the output file as findings name it: 'fr/index.html', 'fr/x.zip!fr/index.html'
    text: str
    note: str = ""  # how it was read, for the message: 'decompressed', 'PDF page 3', 'XMP metadata'
    page: int = 0  # a PDF page: the finding's line
    # Text appended after the file's own (attribute values): (offset in text, offset in the file).
    appended: tuple[tuple[int, int], ...] = ()

    def position(self, offset: int) -> tuple[int, int]:
        if self.page:
            return self.page, 1
        if self.appended and offset >= self.appended[0][0]:
            k = bisect_right([a for a, _ in self.appended], offset) - 1
            offset = self.appended[k][1]
        line = self.text.count("\n", 0, offset) + 1
        return line, offset - self.text.rfind("\n", 0, offset)


@dataclass(frozen=True)
class Unreadable:
    where: str
    problem: str


@dataclass(frozen=True)
class Inner:
    """A file inside another: a ZIP member ('x.zip!fr/index.html'), a decompressed file
    ('sitemap.xml.gz', note 'decompressed'). The scan reads it as a file of its own."""

    where: str
    data: bytes
    name: str  # what its content is called, for the choice of reader: 'sitemap.xml'
    note: str = ""


Found = View | Unreadable | Inner


def views(where: str, data: bytes, name: str = "") -> Iterator[Found]:
    """The views of one file (``name``: what to read it as, default ``where``)."""
    name = name or where
    if data[:2] == b"\x1f\x8b":
        inner = _gunzip(data)
        if isinstance(inner, str):
            yield Unreadable(where, inner)
            return
        if inner.startswith(PAGEFIND_PREFIX):
            inner = inner[len(PAGEFIND_PREFIX):]
        yield Inner(where, inner, name[:-3] if name.endswith(".gz") else name + ".inner", "decompressed")
    elif data[:4] == b"PK\x03\x04" or name.endswith(".zip"):
        yield from _zip(where, data)
    elif data[:5] == b"%PDF-":
        yield from _pdf(where, data)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return  # binary: an image, a font, a Pagefind index's WebAssembly; compared by hash
        if name.lower().endswith(_MARKUP) or text.lstrip()[:1] == "<":
            yield markup_view(where, text)
        else:
            yield View(where, text)


def _gunzip(data: bytes) -> bytes | str:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_BYTES)
    except zlib.error as exc:
        return f"gzip data that does not decompress ({exc})"
    if inflater.unconsumed_tail:
        return f"decompresses to more than {MAX_BYTES // 2**20} MiB"
    return out


def _zip(where: str, data: bytes) -> Iterator[Found]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
        if sum(m.file_size for m in members) > MAX_BYTES:
            yield Unreadable(where, f"ZIP file whose members hold more than {MAX_BYTES // 2**20} MiB")
            return
        for member in members:
            inner = archive.read(member)
            yield Inner(f"{where}!{member.filename}", inner, member.filename)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, zlib.error) as exc:
        yield Unreadable(where, f"ZIP file that cannot be read ({exc})")


def markup_view(where: str, text: str) -> View:
    """HTML, XML or SVG with every tag blanked in place, then its attribute values."""
    pieces: list[str] = []
    values: list[tuple[int, str]] = []
    end = 0
    for head in htmltags.heads(text):
        if head.start() < end:
            continue  # a '<' inside the previous tag's attribute values: read with them
        pieces.append(text[end:head.start()])
        end = _TAG_END.match(text, head.end(3)).end()
        fill = DROP if htmltags.name_of(head) in _INLINE else " "
        tag = text[head.start():end]
        pieces.append(_NOT_NEWLINE.sub(fill, tag) if "\n" in tag else fill * len(tag))
        if head.group(3).strip():
            values += [(head.start(), value) for _, value, _ in htmltags.attributes(head) if value]
    pieces.append(text[end:])
    body = "".join(pieces)
    if not values:
        return View(where, body)
    parts, appended, size = [body], [], len(body)
    for offset, value in values:
        appended.append((size, offset))
        parts.append("\n" + value)
        size += 1 + len(value)
    # The file's text first, so an offset in it is the file's own; each value maps to its tag.
    return View(where, "".join(parts), appended=tuple(appended))


def _pdf(where: str, data: bytes) -> Iterator[View | Unreadable]:
    found = _poppler(where, data)
    yield from (found if found is not None else _pypdf(where, data))


def _pdf_views(where: str, pages: list[str], outline: str, info: list[str], xmp: str) -> Iterator[View]:
    for number, text in enumerate(pages, 1):
        yield View(where, text, f"PDF page {number}", page=number)
    for note, markup in (("PDF outline", outline), ("XMP metadata", xmp)):
        if markup.strip():
            view = markup_view(where, markup)
            yield View(where, view.text, note, appended=view.appended)
    if info:
        yield View(where, "\n".join(info), "PDF document information")


def _poppler(where: str, data: bytes) -> list[View | Unreadable] | None:
    """The views of a PDF read by poppler (pdftotext, pdftohtml for the outline, pdfinfo), or None
    without it. pypdf, the fallback, took 22 s for the text of the 124-page English book and 3.5 s
    for its outline or metadata (it parses an object stream again for each object it reads);
    poppler takes 0.5 s and 0.3 s, and keeps Arabic words in reading order."""
    tools = [shutil.which(name) for name in ("pdftotext", "pdftohtml", "pdfinfo")]
    if None in tools:
        return None
    text, html, info = tools
    with tempfile.TemporaryDirectory(prefix="handbook-leaks-") as tmp:
        pdf = Path(tmp) / "file.pdf"
        pdf.write_bytes(data)
        runs = [subprocess.run(cmd, capture_output=True) for cmd in (
            [text, "-enc", "UTF-8", "-q", str(pdf), "-"],
            # The outline comes whole with the first page's XML; the other pages are not converted.
            [html, "-xml", "-stdout", "-i", "-q", "-f", "1", "-l", "1", str(pdf), str(Path(tmp) / "x")],
            [info, "-enc", "UTF-8", str(pdf)],
            [info, "-enc", "UTF-8", "-meta", str(pdf)])]
    failed = next((r for r in runs if r.returncode != 0), None)
    if failed is not None:
        problem = failed.stderr.decode("utf-8", errors="replace").strip().splitlines()
        return [Unreadable(where, f"PDF that cannot be read ({problem[-1] if problem else 'poppler failed'})")]
    out = [r.stdout.decode("utf-8", errors="replace") for r in runs]
    start, end = out[1].find("<outline"), out[1].rfind("</outline>")
    outline = out[1][start:end + len("</outline>")] if start != -1 else ""
    fields = [line.split(":", 1)[1].strip() for line in out[2].splitlines()
              if line.split(":", 1)[0] in _INFO_FIELDS and ":" in line]
    xmp = out[3] if "<x:xmpmeta" in out[3] or "<rdf:" in out[3] else ""
    return list(_pdf_views(where, out[0].split("\f")[:-1] or [""], outline, fields, xmp))


_INFO_FIELDS = frozenset({"Title", "Subject", "Keywords", "Author", "Creator", "Producer"})


def _pypdf(where: str, data: bytes) -> Iterator[View | Unreadable]:
    from pypdf import PdfReader  # only a site with PDFs pays for the import
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            yield Unreadable(where, "encrypted PDF: its text cannot be read")
            return
        pages = [p.extract_text() or "" for p in reader.pages]
        outline = "\n".join(_outline_titles(reader.outline))
        info = [str(v) for v in (reader.metadata or {}).values() if isinstance(v, str)]
        root = reader.trailer["/Root"]
        xmp = (root["/Metadata"].get_object().get_data().decode("utf-8", errors="replace")
               if "/Metadata" in root else "")
        yield from _pdf_views(where, pages, outline, info, xmp)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, zlib.error) as exc:
        yield Unreadable(where, f"PDF that cannot be read ({type(exc).__name__}: {exc})")


def _outline_titles(outline: list) -> Iterator[str]:
    for item in outline:
        if isinstance(item, list):
            yield from _outline_titles(item)
        elif getattr(item, "title", None):
            yield str(item.title)
