"""LINK0xx: every internal link, image and anchor resolves in the page's own language.

Markdown links resolve like MkDocs with mkdocs-static-i18n: relative to the source file, to the
translation of the target when it exists, else to the English original (the fallback page).
Links in raw HTML are not rewritten by MkDocs, so they resolve against the page's URL in the site.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote

from handbook.check import references
from handbook.pages.model import Corpus, Page, split_language
from handbook.pages.markdown import Link
from handbook.diagnostics import Diagnostic
from handbook.paths import SNIPPETS_DIR

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def split_url(url: str) -> tuple[str, str]:
    path, _, fragment = url.partition("#")
    return unquote(path.split("?", 1)[0]), unquote(fragment)


def is_internal(url: str) -> bool:
    return bool(url) and not _SCHEME.match(url) and not url.startswith("//")


def _closest(wanted: str, candidates: list[str]) -> str | None:
    if not candidates:
        return None
    by_name = [c for c in candidates if posixpath.basename(c) == posixpath.basename(wanted)]
    if by_name:
        return by_name[0]
    found = difflib.get_close_matches(wanted, candidates, n=1, cutoff=0.5)
    if found:
        return found[0]
    names = {posixpath.basename(c): c for c in candidates}
    found = difflib.get_close_matches(posixpath.basename(wanted), list(names), n=1, cutoff=0.5)
    return names[found[0]] if found else None


def _relative(target: str, page: Page) -> str:
    return posixpath.relpath(target, posixpath.dirname(page.source) or ".")


def _anchor(corpus: Corpus, page: Page, link: Link, target: Page, fragment: str, shown: str) -> Iterator[Diagnostic]:
    ids = target.inv.id_set
    if fragment and fragment not in ids:
        near = difflib.get_close_matches(fragment, sorted(ids), n=1, cutoff=0.5)
        hint = f"did you mean '#{near[0]}'?" if near else f"{target.path} has no element with this id"
        yield Diagnostic(page.path, link.line, link.col, "LINK002",
                         f"anchor '#{fragment}' not found on {target.path} (link '{shown}')", hint=hint)


def _markdown_link(corpus: Corpus, page: Page, link: Link) -> Iterator[Diagnostic]:
    path, fragment = split_url(link.url)
    if not path:
        yield from _anchor(corpus, page, link, page, fragment, link.url)
        return
    if path.startswith("/"):
        yield Diagnostic(page.path, link.line, link.col, "LINK004", f"absolute link '{link.url}'",
                         hint="write a path relative to this file, so the site works under any folder")
        return
    base = posixpath.dirname(page.rel)
    rel = posixpath.normpath(posixpath.join(base, path))
    if rel.startswith("../") or rel == "..":
        yield Diagnostic(page.path, link.line, link.col, "LINK001", f"link '{link.url}' leaves the docs folder",
                         hint="link to a page inside docs/")
        return
    if rel in corpus.excluded:
        yield Diagnostic(page.path, link.line, link.col, "LINK005", f"link to '{rel}', which is not published",
                         hint="snippets are included with --8<--, not linked")
        return
    if rel.endswith(".md"):
        _, source = split_language(rel, corpus.i18n.codes, corpus.i18n.default)
        target = corpus.served(page.lang, source)
        if target is None:
            near = _closest(source, corpus.sources)
            hint = f"did you mean '{_relative(near, page)}'?" if near else "check the path"
            yield Diagnostic(page.path, link.line, link.col, "LINK001", f"link to missing page '{link.url}'", hint=hint)
            return
        yield from _anchor(corpus, page, link, target, fragment, link.url)
        return
    if rel in corpus.files or corpus.localized(rel, page.lang) in corpus.files:
        return
    what = "image" if link.image else "file"
    near = _closest(rel, sorted(corpus.files - corpus.excluded))
    hint = f"did you mean '{_relative(near, page)}'?" if near else "check the path"
    if rel.rstrip("/") + ".md" in corpus.files or rel.rstrip("/") + "/index.md" in corpus.files:
        hint = "link to the Markdown file ('.md'), not to the site URL"
    yield Diagnostic(page.path, link.line, link.col, "LINK001", f"link to missing {what} '{link.url}'", hint=hint)


def _site_targets(corpus: Corpus) -> dict[str, str]:
    """Site URL -> source page, and every published file by its own path."""
    targets = {p.url: p.source for p in corpus.pages if p.lang == corpus.i18n.default}
    return targets


def _html_link(corpus: Corpus, page: Page, link: Link, urls: dict[str, str]) -> Iterator[Diagnostic]:
    path, fragment = split_url(link.url)
    if not path:
        yield from _anchor(corpus, page, link, page, fragment, link.url)
        return
    if path.startswith("/"):
        yield Diagnostic(page.path, link.line, link.col, "LINK004", f"absolute link '{link.url}' in HTML",
                         hint="write a path relative to the page's address, so the site works under any folder")
        return
    md = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
    if path.endswith(".md"):
        yield Diagnostic(page.path, link.line, link.col, "LINK006", f"raw HTML links to the Markdown file '{link.url}'",
                         hint="MkDocs rewrites only Markdown links: use [text](file.md), or the page's site address")
        return
    resolved = posixpath.normpath(posixpath.join(page.url, path))
    key = "" if resolved == "." else resolved.rstrip("/") + "/"
    if key in urls:
        target = corpus.served(page.lang, urls[key])
        if target is not None:
            yield from _anchor(corpus, page, link, target, fragment, link.url)
        return
    if resolved in corpus.files or corpus.localized(resolved, page.lang) in corpus.files:
        return
    if md in corpus.files:
        hint = f"raw HTML is not rewritten: from this page's address '{page.url}' write '{posixpath.relpath(md, page.url or '.')}'"
    else:
        near = _closest(resolved, sorted(set(urls) | (corpus.files - corpus.excluded)))
        hint = f"did you mean '{posixpath.relpath(near, page.url or '.')}'?" if near else "check the path"
    yield Diagnostic(page.path, link.line, link.col, "LINK001",
                     f"raw HTML link '{link.url}' leads nowhere from the page's address '{page.url or './'}'", hint=hint)


def _include(corpus: Corpus, page: Page) -> Iterator[Diagnostic]:
    snippets = corpus.project.root / SNIPPETS_DIR
    for inc in page.inv.includes:
        name = re.sub(r"(:[\w-]*)+$", "", inc.target.strip())
        if "://" in name:
            continue  # remote includes are refused by the safety check
        target = (snippets / name).resolve()
        if target.is_relative_to(snippets.resolve()) and not target.is_file():
            yield Diagnostic(page.path, inc.line, inc.col, "LINK007", f"snippet '{name}' does not exist",
                             hint=f"snippets live in {SNIPPETS_DIR}/")


def _snippet_cycles(corpus: Corpus) -> Iterator[Diagnostic]:
    """A snippet that includes itself, directly or through others: pymdownx drops it without a word."""
    prefix = SNIPPETS_DIR.split("/", 1)[1] + "/"
    includes = {page.rel[len(prefix):]: page for page in corpus.snippets if page.rel.startswith(prefix)}

    def reaches(start: str, name: str, seen: set[str]) -> bool:
        for inc in includes[name].inv.includes if name in includes else ():
            target = re.sub(r"(:[\w-]*)+$", "", inc.target.strip())
            if target == start or (target not in seen and reaches(start, target, seen | {target})):
                return True
        return False

    for name, page in sorted(includes.items()):
        for inc in page.inv.includes:
            target = re.sub(r"(:[\w-]*)+$", "", inc.target.strip())
            if target == name or (target in includes and reaches(name, target, {target})):
                yield Diagnostic(page.path, inc.line, inc.col, "LINK008",
                                 f"snippet '{name}' includes itself (through '{target}'); it would be left out "
                                 "without a word", hint="remove the include that leads back to this snippet")


def check(corpus: Corpus) -> Iterator[Diagnostic]:
    yield from _snippet_cycles(corpus)
    yield from references.check(corpus)
    urls = _site_targets(corpus)
    for page in corpus.pages:
        for link in page.inv.links:
            if link.origin == "attr" or not is_internal(link.url):
                continue
            if link.origin == "html":
                yield from _html_link(corpus, page, link, urls)
            else:
                yield from _markdown_link(corpus, page, link)
        for label, line, col in page.inv.undefined_refs:
            yield Diagnostic(page.path, line, col, "LINK003", f"reference link '[{label}]' has no definition",
                             hint=f"add a line '[{label}]: target.md' or use an inline link")
        yield from _include(corpus, page)
