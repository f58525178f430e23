"""A cache of rendered PDF documents: the book and each chapter's or checklist's own PDF, one entry each.

The language cache (handbook.site.cache) keeps a language's outputs whole; a one-page French edit
misses it and builds French again, twenty PDFs included, where only two changed: the book and the
edited page's own PDF. This cache sits below it. Each document is still assembled (Markdown to print
HTML, about a tenth of its time), but WeasyPrint runs only for a document whose entry is missing.

The key is a SHA-256 of what WeasyPrint is given and reads: the print HTML of the document's first
layout (the page text, notices, date, edition line and styles are all in it), its base URL, the
files of the folders the URL fetcher may serve besides the pages' Markdown (images, fonts, font
styles), the handbook package (templates, the print fonts, the checks) and the installed
distributions' versions. The later layouts (tighter or looser, for a chapter ending on a page of a
few lines) follow from the first, so the entry holds the final document.

The book also keeps, for each chapter, the spacing it settled on (normal, tighter or looser), under
a key of the chapter's trial layout alone (handbook.pdf.book.probe_document): after a one-page edit,
only the edited chapter is tried again, on its own, and the book is rendered once, not three times.

Only documents that passed every check are stored. An entry is used only when its record names its
key and the PDF's size and SHA-256 match; anything else is a miss and the document is rendered
again. Entries are written to a temporary folder and renamed into place.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from handbook.pages.walk import files
from handbook.site.cache import RECORD, cache_root, package_digest
from handbook.paths import Project

FOLDER = "pdf"  # below the language cache's folder: .cache/handbook/pdf/<key>/
DOCUMENT = "document.pdf"
FORMAT = 1  # bumped when an entry's layout or the key's recipe changes: old entries then miss
_PAGE_SOURCES = (".md",)  # their text reaches WeasyPrint through the HTML, which the key holds


def pdf_cache_root(project: Project) -> Path:
    return cache_root(project) / FOLDER


@dataclass(frozen=True)
class Document:
    """A rendered document, as the pipeline needs it from the cache."""

    pdf: bytes
    pages: int


def environment_digest(roots: Sequence[Path]) -> str:
    """A digest of everything a render reads besides its HTML: the files below ``roots`` (the URL
    fetcher's folders) other than page sources, the package and the distributions. Computed once
    per language worker."""
    digest = hashlib.sha256()
    digest.update(f"format {FORMAT}\0{package_digest()}\0".encode())
    for root in sorted({Path(r).resolve() for r in roots}):
        if root.is_file():
            named = [(root.as_posix(), root)]
        elif root.is_dir():
            named = [(f"{root.as_posix()}/{rel}", root / rel) for rel in files(root, root)
                     if not rel.endswith(_PAGE_SOURCES)]
        else:
            continue
        for name, path in sorted(named):
            data = path.read_bytes()
            digest.update(name.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()


def document_key(environment: str, html: str, base_url: str) -> str:
    digest = hashlib.sha256()
    for part in (environment, base_url, html):
        data = part.encode("utf-8")
        digest.update(str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()


def spacing_key(environment: str, probe_html: str, base_url: str) -> str:
    """The key of a chapter's spacing: its trial layout's HTML (book.probe_document), apart from documents' keys."""
    return document_key(environment, "spacing\0" + probe_html, base_url)


def load(cache: Path, key: str) -> Document | None:
    """The document stored under ``key``, when its entry can be trusted entirely; else None."""
    entry = cache / key
    try:
        record = json.loads((entry / RECORD).read_text(encoding="utf-8"))
        data = (entry / DOCUMENT).read_bytes()
        if (record.get("format") != FORMAT or record.get("key") != key or record.get("size") != len(data)
                or record.get("sha256") != hashlib.sha256(data).hexdigest()
                or not isinstance(record.get("pages"), int) or record["pages"] < 1):
            return None
    except (OSError, ValueError, TypeError, AttributeError):
        return None
    try:
        os.utime(entry / RECORD)  # used now: pruning keeps the entries used last
    except OSError:
        pass
    return Document(data, record["pages"])


def save(cache: Path, key: str, document: Document) -> None:
    """Store ``document`` under ``key``, atomically; a failure to write leaves the build unharmed."""
    record = {"format": FORMAT, "key": key, "pages": document.pages, "size": len(document.pdf),
              "sha256": hashlib.sha256(document.pdf).hexdigest()}
    _write_entry(cache, key, {DOCUMENT: document.pdf, RECORD: json.dumps(record, sort_keys=True).encode("utf-8")})


def _write_entry(cache: Path, key: str, contents: dict[str, bytes]) -> None:
    tmp = cache / f".tmp-{key[:16]}-{os.getpid()}"
    try:
        tmp.mkdir(parents=True, exist_ok=True)
        for name, data in contents.items():
            (tmp / name).write_bytes(data)
        if (cache / key).exists():
            shutil.rmtree(cache / key)  # an entry that failed its checks: replace it
        tmp.rename(cache / key)
    except OSError:  # a full disk or a concurrent writer: the cache is an optimisation, the PDF is written
        shutil.rmtree(tmp, ignore_errors=True)


def load_spacing(cache: Path, key: str, allowed: Collection[str]) -> str | None:
    """The spacing a chapter settled on, stored under ``key``, when it is one of ``allowed``; else None."""
    try:
        record = json.loads((cache / key / RECORD).read_text(encoding="utf-8"))
        if record.get("format") != FORMAT or record.get("key") != key or record.get("spacing") not in allowed:
            return None
        os.utime(cache / key / RECORD)
    except (OSError, ValueError, TypeError, AttributeError):
        return None
    return record["spacing"]


def save_spacing(cache: Path, key: str, spacing: str) -> None:
    """Store a chapter's spacing under ``key``, atomically, as :func:`save` does."""
    record = {"format": FORMAT, "key": key, "spacing": spacing}
    _write_entry(cache, key, {RECORD: json.dumps(record, sort_keys=True).encode("utf-8")})
