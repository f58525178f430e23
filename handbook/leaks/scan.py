"""The scan of a built site: every file, every view of it, against the restricted fingerprints.

Findings (LEAK001 text, LEAK002 image, LEAK006 a file that cannot be read) name the output file
with its line and column (a PDF page is its line) and the restricted file and line the text comes
from. They never quote the text: the public build's log is public. One finding per output file
and restricted line: a copied paragraph is one finding, not one per shingle.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import Future, ThreadPoolExecutor
from collections.abc import Iterable
from pathlib import Path

from handbook.diagnostics import Diagnostic
from handbook.leaks import words
from handbook.leaks.fingerprint import Fingerprints, Origin, PublicCopy
from handbook.leaks.outputs import MAX_DEPTH, Found, Inner, Unreadable, View, views

_HINT = "remove it from the public source that produced this file: restricted text never reaches a public output"


def site_files(site: Path) -> list[str]:
    """Every file of the built site, hidden ones too, as sorted site-relative POSIX paths."""
    out = []
    for dirpath, _, names in os.walk(site):
        base = Path(dirpath).relative_to(site).as_posix()
        out += [name if base == "." else f"{base}/{name}" for name in names]
    return sorted(out)


def scan_site(site: Path, prints: Fingerprints, *, shown: str = "",
              copies: Iterable[PublicCopy] = ()) -> list[Diagnostic]:
    """Findings for every file of ``site``; paths are shown as ``shown``/relative path."""
    by_origin: dict[str, list[PublicCopy]] = {}
    for copy in copies:
        by_origin.setdefault(copy.origin.path, []).append(copy)
    scan = _Scan(prints, by_origin)
    files = site_files(site)
    # PDFs are read by poppler's programs (about half the scan's CPU time on the full handbook):
    # started first, a few at a time, so they run on the other cores while this process reads the rest.
    pdfs = [rel for rel in files if rel.lower().endswith(".pdf")]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for rel in pdfs:
            scan.ready[rel] = pool.submit(lambda r: list(views(r, (site / r).read_bytes())), rel)
        found = []
        for rel in files:
            found += scan.file(rel, (site / rel).read_bytes(), rel, 0)
    return sorted({_shown(d, shown) for d in found})


def _shown(d: Diagnostic, shown: str) -> Diagnostic:
    return d if not shown else Diagnostic(f"{shown.rstrip('/')}/{d.path}", d.line, d.col, d.code, d.message,
                                          d.severity, d.hint)


class _Scan:
    """One scan: identical files (each language's copy of an asset, the pages and PDFs in the
    offline ZIPs) are read once; their findings are named for each place they occur."""

    def __init__(self, prints: Fingerprints, by_origin: dict[str, list[PublicCopy]]):
        self.prints, self.by_origin = prints, by_origin
        # content digest -> (where first read, its own findings unnamed, its inner files' findings)
        self.done: dict[str, tuple[str, list[Diagnostic], list[Diagnostic]]] = {}
        self.ready: dict[str, Future[list[Found]]] = {}  # views read ahead (PDFs), by the site's path

    def file(self, where: str, data: bytes, name: str, depth: int) -> list[Diagnostic]:
        digest = hashlib.sha256(data).hexdigest()
        if digest not in self.done:
            self.done[digest] = (where, *self._read(where, data, name, depth, digest))
        first, own, inner = self.done[digest]
        return [_named(d, where) for d in own] + [d if where == first else _moved(d, where) for d in inner]

    def _read(self, where: str, data: bytes, name: str, depth: int, digest: str
              ) -> tuple[list[Diagnostic], list[Diagnostic]]:
        own: list[Diagnostic] = []
        inner: list[Diagnostic] = []
        image = self.prints.images.get(digest)
        if image:
            own.append(_image(image, "the same bytes"))
        if depth > MAX_DEPTH:
            own.append(_unreadable(f"files nested more than {MAX_DEPTH} deep (gzip or ZIP)"))
            return own, inner
        reported: set[Origin] = set()
        ahead = self.ready.pop(where, None)
        for item in ahead.result() if ahead is not None else views(where, data, name):
            if isinstance(item, Unreadable):
                own.append(_unreadable(item.problem))
            elif isinstance(item, Inner):
                found = self.file(item.where, item.data, item.name, depth + 1)
                if item.where != where:  # a ZIP member: named by its own path
                    inner += found
                else:  # the decompressed content of this very file: its findings are this file's
                    first, sub_own, sub_inner = self.done[hashlib.sha256(item.data).hexdigest()]
                    own += [_noted(d, item.note) for d in sub_own]
                    inner += [d if where == first else _moved(d, where) for d in sub_inner]
            else:
                own += _text(item, item.note or "its text", self.prints, self.by_origin, reported)
        return own, inner


def _named(d: Diagnostic, where: str) -> Diagnostic:
    """A finding about some content, for the file at ``where`` ('x.zip!fr/index.html' names the member)."""
    outer, _, member = where.partition("!")
    message = f"{d.message} (ZIP member {member})" if member else d.message
    return Diagnostic(outer, d.line, d.col, d.code, message, d.severity, d.hint)


def _noted(d: Diagnostic, note: str) -> Diagnostic:
    """A finding about decompressed content, for the compressed file."""
    return Diagnostic(d.path, d.line, d.col, d.code, f"{d.message} ({note})" if note else d.message, d.severity, d.hint)


def _moved(d: Diagnostic, where: str) -> Diagnostic:
    """A finding of an inner file, for the same outer file's bytes at another place."""
    return Diagnostic(where.partition("!")[0], d.line, d.col, d.code, d.message, d.severity, d.hint)


def _unreadable(problem: str) -> Diagnostic:
    return Diagnostic("", 1, 1, "LEAK006", f"{problem}; it cannot be scanned",
                      hint="a leak could hide in it: fix or remove the file")


def _image(origin: Origin, how: str, line: int = 1, col: int = 1) -> Diagnostic:
    return Diagnostic("", line, col, "LEAK002", f"restricted image {origin.path} ({how})",
                      hint="a restricted image must not be published: remove it from the public source")


def _text(view: View, label: str, prints: Fingerprints, by_origin: dict[str, list[PublicCopy]],
          reported: set[Origin]) -> list[Diagnostic]:
    found = []
    for prefix, origin in prints.inline_images.items():
        if prefix in view.text and origin not in reported:
            reported.add(origin)
            line, col = view.position(view.text.index(prefix))
            found.append(_image(origin, f"embedded as base64 in {label}", line, col))
    for address, origin in prints.addresses.items():
        at = view.text.find(address)
        if at != -1 and origin not in reported:
            reported.add(origin)
            line, col = view.position(at)
            found.append(Diagnostic("", line, col, "LEAK007", f"address of the restricted page {origin.path} in {label}",
                                    hint="remove the link or the address: the public edition must not say the page exists"))
    if not prints.shingles:
        return found
    starts: list[int] = []
    for index, _, origin in prints.find(words.sequence(view.text)):
        if origin in reported:
            continue
        reported.add(origin)
        starts = starts or words.offsets(view.text)
        line, col = view.position(starts[index])
        sources = by_origin.get(origin.path, [])
        hint = (f"{sources[0].path}:{sources[0].line} holds it (LEAK005); " if sources else "") + _HINT
        found.append(Diagnostic("", line, col, "LEAK001", f"restricted text from {origin.path}:{origin.line} in {label}",
                                hint=hint))
    return found
