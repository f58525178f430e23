"""The offline copy of one language: a ZIP of its site, its PDFs and a README, opened from file://.

Two things a web site does that file:// does not:

- Directory links. Pages link to 'guide/' and '..', which a web server answers with index.html;
  from file:// the browser shows a folder listing. The ZIP's copy of each page links to
  'guide/index.html' instead (:func:`file_links`). Only href values change, never inline code, so
  every page's Content-Security-Policy hashes still hold.
- Fetching. Pagefind fetches its index, which browsers refuse from file://. The ZIP ships the same
  text as a script (``search-index.js``, read from Pagefind's own fragments, so it holds exactly
  what the web search indexes); ``handbook-search.js`` searches it when the page is a file.

The ZIP is deterministic: sorted entries, one date (SOURCE_DATE_EPOCH), fixed permissions.
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
import time
import zipfile
from pathlib import Path
from urllib.parse import unquote

from handbook.htmltags import attributes, heads_named, name_of
from handbook.languages import I18n
from handbook.offline.files import MANIFEST, SEARCH_SCRIPT, LanguageFiles

_FRAGMENT_MAGIC = b"pagefind_dcd"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_HREF_VALUE = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)
_ZIP_EPOCH = 315532800  # 1980-01-01, the earliest date a ZIP entry can carry
# Files that are compressed already (fonts, images, Pagefind's gzipped index) are stored as they are:
# deflating them again costs time and saves nothing. The rest is deflated at zlib's default level,
# which on a 400-page language took half the time of level 9 for a ZIP 0.5% larger.
_STORED = (".woff2", ".png", ".jpg", ".jpeg", ".webp", ".gz", ".pf_fragment", ".pf_index", ".pf_meta")
_LEVEL = 6


def file_href(href: str) -> str:
    """A link that works from file://: directory links get their index.html ('..' -> '../index.html')."""
    if not href or href.startswith(("#", "/", "?")) or _SCHEME.match(href):
        return href
    cut = min((i for i in (href.find("#"), href.find("?")) if i >= 0), default=len(href))
    path, rest = href[:cut], href[cut:]
    if path in (".", "..") or path.endswith(("/", "/.", "/..")):
        return path.rstrip("/") + "/index.html" + rest
    return href


def _target(page: str, href: str) -> str | None:
    """The bundle file a relative link of ``page`` leads to ('../guide/index.html' from
    'extra/index.html' -> 'guide/index.html'); None for a link within the page or out of the web."""
    if not href or href.startswith(("#", "/", "?")) or _SCHEME.match(href):
        return None
    path = unquote(re.split(r"[#?]", href, maxsplit=1)[0])
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def file_links(html: str, page: str = "index.html", present: frozenset[str] | None = None) -> str:
    """``html`` with the href of every <a> and <link> rewritten by :func:`file_href`.

    With ``present`` (the files of the bundle), a link of ``page`` to a file the bundle does not
    hold (the other languages of the switcher, the English original of a translation) is no
    longer a link: its href becomes ``data-hb-absent``, which the stylesheet hides in the switcher.
    """
    edits: list[tuple[int, int, str]] = []
    for head in heads_named(html, ("a", "link")):
        if head.group(1):
            continue
        for name, _, offset in attributes(head):
            if name != "href":
                continue
            m = _HREF_VALUE.match(html, offset)
            if m is None:
                continue
            group = next(g for g in (1, 2, 3) if m.group(g) is not None)
            new = file_href(m.group(group))
            target = _target(page, new) if present is not None and name_of(head) == "a" else None
            if target is not None and target not in present:
                edits.append((offset, offset + len("href"), "data-hb-absent"))
            if new != m.group(group):
                edits.append((m.start(group), m.end(group), new))
    for start, end, new in sorted(edits, reverse=True):
        html = html[:start] + new + html[end:]
    return html


def search_entries(folder: Path) -> list[dict]:
    """Title, file URL and text of every page Pagefind indexed in this language's bundle."""
    entries = []
    for fragment in sorted((folder / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        data = data[len(_FRAGMENT_MAGIC):] if data.startswith(_FRAGMENT_MAGIC) else data
        record = json.loads(data.decode("utf-8"))
        url = str(record.get("url", "")).lstrip("/")
        entries.append({"url": file_href(url or "."), "title": str(record.get("meta", {}).get("title", "")),
                        "text": str(record.get("content", ""))})
    return sorted(entries, key=lambda e: e["url"])


def search_script(folder: Path) -> str:
    """The search index as a script that sets ``window.HB_SEARCH_INDEX`` (a script loads from file://)."""
    data = json.dumps(search_entries(folder), ensure_ascii=False, separators=(",", ":"))
    return "/* The offline copy's search index (see handbook/offline/bundle.py). */\nwindow.HB_SEARCH_INDEX=" + data + ";\n"


def readme(i18n: I18n, code: str, pdfs: list[str]) -> str:
    """The localised README at the top of the ZIP."""
    lines = [i18n.t(code, "site_name"), "", i18n.t(code, "offline_readme_open"), "",
             i18n.t(code, "offline_readme_search"), ""]
    if pdfs:
        lines += [i18n.t(code, "offline_readme_pdf", file=pdfs[0]), ""]
    lines += [i18n.t(code, "offline_readme_updates"), ""]
    return "\n".join(lines)


def _entry(name: str, epoch: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=time.gmtime(max(epoch, _ZIP_EPOCH))[:6])
    info.compress_type = zipfile.ZIP_STORED if name.endswith(_STORED) else zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix: the same bytes whichever system builds it
    return info


def write_zip(target: Path, i18n: I18n, files: LanguageFiles, book_pdf: str, epoch: int,
              pages_html: dict[str, str]) -> None:
    """Write the ZIP of one language to ``target``.

    ``pages_html`` holds the text of the language's HTML pages as they go into the ZIP (the web
    copy's text before the ZIP link is shown); every other file is copied as built.
    """
    top = f"handbook-{files.code}/"
    pdf_names = sorted(rel for rel, _ in files.pdfs)
    if book_pdf in pdf_names:  # the whole book first: the README names it
        pdf_names.remove(book_pdf)
        pdf_names.insert(0, book_pdf)
    entries: dict[str, bytes] = {"README.txt": readme(i18n, files.code, pdf_names).encode("utf-8"),
                                 SEARCH_SCRIPT: search_script(files.folder).encode("utf-8")}
    # No manifest: an installable app needs a web server; from file:// it is dead weight.
    present = frozenset(rel for rel, _ in files.pages + files.pdfs if rel != MANIFEST) | frozenset(entries)
    for rel in sorted(present - set(entries)):
        if rel in pages_html:
            entries[rel] = file_links(pages_html[rel], rel, present).encode("utf-8")
        else:
            entries[rel] = (files.folder / rel).read_bytes()
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w") as archive:
        for rel in sorted(entries):
            archive.writestr(_entry(top + rel, epoch), entries[rel], compresslevel=_LEVEL)
    partial.replace(target)


