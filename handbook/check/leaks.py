"""LEAK003-LEAK005: what the public sources must not say about the restricted tree.

- LEAK003, always: a public page that links into restricted/: a relative path to the restricted
  tree, or the restricted/ address prefix of the restricted edition (in any language's folder,
  from a Markdown link or raw HTML, whose links resolve against the page's address);
- LEAK004, with a restricted tree: a restricted page's title in the public navigation (mkdocs.yml
  and the section titles of translations/ui/nav.*.yml), the change log (changes/), what's new,
  the translation status page or the glossary (its page and the termbase it is made from);
- LEAK005, with a restricted tree: a public page that holds restricted text unquoted (see
  :mod:`handbook.leaks.fingerprint`), or a file of docs/ with a restricted image's bytes.

The built site's own scan (LEAK001, LEAK002, LEAK006) is :mod:`handbook.leaks.scan`.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Iterator

from handbook.check.links import is_internal, split_url
from handbook.diagnostics import Diagnostic
from handbook.leaks import fingerprint, tree, words
from handbook.pages.model import Corpus, Page
from handbook.paths import CHANGES_DIR, CONFIG_FILE, DOCS_DIR, RESTRICTED_DIR, TERMBASE_FILE, UI_DIR

MIN_TITLE_WORDS = 2  # a one-word title ("Contacts") is a word of every page: not searched for


def check(corpus: Corpus, loaded: tuple[fingerprint.Fingerprints, list[fingerprint.PublicCopy]] | None = None
          ) -> Iterator[Diagnostic]:
    """The findings; ``loaded``: the tree's fingerprints when the caller has them (check --leaks)."""
    yield from _links(corpus)
    project = corpus.project
    if not tree.present(project):
        return
    yield from _titles(corpus)
    _, copies = loaded or fingerprint.load(project, corpus)
    for copy in copies:
        yield Diagnostic(copy.path, copy.line, 1, "LEAK005",
                         f"public page holds restricted text from {copy.origin.path}:{copy.origin.line}",
                         hint="remove it; if the restricted file quotes this page, put the quotation in "
                              "quotation marks or a block quote there")
    images = {asset.sha256: asset.path for asset in tree.assets(project)}
    for rel in sorted(corpus.files):
        if not rel.endswith(".md"):
            origin = images.get(hashlib.sha256((project.docs / rel).read_bytes()).hexdigest())
            if origin:
                yield Diagnostic(f"{DOCS_DIR}/{rel}", 1, 1, "LEAK005", f"public file is the restricted image {origin}",
                                 hint="remove it from docs/: a restricted image is never published")


# --- links ---------------------------------------------------------------------------------------


def restricted_target(base: str, path: str, codes: tuple[str, ...]) -> bool:
    """Whether ``path``, read from the folder ``base``, leads into restricted/: in the repository
    (restricted/docs/x.md) or at the restricted edition's address prefix (restricted/x/, or
    fr/restricted/x/), however many '..' it climbs."""
    parts = [p for p in posixpath.normpath(posixpath.join(base, path)).split("/") if p not in ("", ".")]
    while parts and parts[0] == "..":
        parts.pop(0)
    if parts and parts[0] in codes:
        parts.pop(0)
    return bool(parts) and parts[0] == RESTRICTED_DIR


def _links(corpus: Corpus) -> Iterator[Diagnostic]:
    codes = corpus.i18n.codes
    for page in [*corpus.pages, *corpus.snippets]:
        for link in page.inv.links:
            if not is_internal(link.url):
                continue
            path, _ = split_url(link.url)
            if not path:
                continue
            # From the site's root (an absolute address), else from the source file (Markdown links)
            # and from the page's address (raw HTML, and links written as addresses).
            bases = [""] if path.startswith("/") else [posixpath.dirname(page.rel), page.url]
            if any(restricted_target(base, path.lstrip("/"), codes) for base in bases):
                yield Diagnostic(page.path, link.line, link.col, "LEAK003",
                                 f"link '{link.url}' leads to a restricted page",
                                 hint="remove it: the public edition has no restricted page, and the link "
                                      "would say that one exists")


# --- titles --------------------------------------------------------------------------------------


def _titles(corpus: Corpus) -> Iterator[Diagnostic]:
    project = corpus.project
    wanted: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}  # first word -> titles
    for path, line, title in tree.titles(project):
        key = tuple(words.split(title)[0])
        if len(key) >= MIN_TITLE_WORDS:
            wanted.setdefault(key[0], []).append((key, path, line))
    if not wanted:
        return
    for shown, what, text in _public_lists(corpus):
        sequence, offsets = words.split(text)
        reported: set[str] = set()
        for i, word in enumerate(sequence):
            for key, path, line in wanted.get(word, ()):
                if tuple(sequence[i:i + len(key)]) == key and path not in reported:
                    reported.add(path)
                    offset = offsets[i]
                    yield Diagnostic(shown, text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset),
                                     "LEAK004", f"{what} names the restricted page {path}:{line} by its title",
                                     hint="remove the title: the public edition must not say the page exists")


def _public_lists(corpus: Corpus) -> Iterator[tuple[str, str, str]]:
    """(path shown, what it is, text) of every public place that lists pages by title."""
    root = corpus.project.root
    sources: list[tuple[str, str]] = [(CONFIG_FILE, "the public navigation")]
    sources += [(f"{UI_DIR}/{p.name}", "the public navigation") for p in sorted((root / UI_DIR).glob("nav.*.yml"))]
    sources += [(p.relative_to(root).as_posix(), "the change log")
                for p in sorted((root / CHANGES_DIR).rglob("*.yml")) if p.is_file()]
    sources.append((TERMBASE_FILE, "the glossary's termbase"))
    for rel, what in sources:
        path = root / rel
        if path.is_file():
            yield rel, what, path.read_text(encoding="utf-8", errors="replace")
    for page in corpus.pages:
        what = _generated(corpus, page)
        if what:
            yield page.path, what, page.text


def _generated(corpus: Corpus, page: Page) -> str:
    # Imported here: only a project with a restricted tree pays for the renderers' modules.
    from handbook.editorial.site import WHATS_NEW_MARKER
    from handbook.terms.glossary import GLOSSARY_MARKER
    from handbook.translation.site import is_status_page

    if WHATS_NEW_MARKER in page.text:
        return "what's new"
    if GLOSSARY_MARKER in page.text:
        return "the glossary"
    if is_status_page(corpus.i18n, page.rel):
        return "the status page"
    return ""

