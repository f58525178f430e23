"""SAFE0xx: markup that could run code or load content in a reader's browser.

Python-Markdown does not sanitise, and outside teams contribute pages, so each page (snippets
included) is checked twice:

- as HTML: the page rendered with the extensions of mkdocs.yml (:mod:`handbook.check.rendered`),
  its tags read the way a browser reads them. This is the check that cannot be talked past: what
  a browser would run is in this HTML, whatever Markdown or HTML trick produced it.
- as Markdown, for what the source shows best: addresses in reference definitions (used or not),
  attribute lists and raw tags with their exact line and column, and snippet includes, which
  leave no trace in the HTML.

A finding of the HTML check is kept only where the Markdown check found nothing of that rule on
that line. URLs are decoded the way a browser would read them (HTML entities, percent-encoding,
backslash escapes, whitespace and control characters dropped, any case) before their scheme is
compared.

Every other file of docs/ is copied to the site as it is, so only images may be there (SAFE006),
and SVG images, which run their scripts when opened on their own, are read for scripts, event
handlers and javascript: addresses.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import unquote

from handbook.check.corpus import Corpus, Page
from handbook.check.htmltags import tags
from handbook.check.rendered import Locator, Renderer
from handbook.diagnostics import Diagnostic
from handbook.paths import DOCS_DIR, SNIPPETS_DIR

FORBIDDEN_ELEMENTS = frozenset({"script", "iframe", "frame", "frameset", "form", "object", "embed", "applet",
                                "style", "base", "meta", "link", "portal"})
FORBIDDEN_SCHEMES = ("javascript", "vbscript", "data")
_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\ufeff]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _decoded(url: str) -> str:
    """``url`` as a browser would read it after every decoding, in lower case."""
    value = url
    for _ in range(4):  # nested encodings: entities inside percent-encoding and the reverse
        decoded = _ESCAPE.sub(r"\1", html.unescape(unquote(value)))
        if decoded == value:
            break
        value = decoded
    return _IGNORED.sub("", value).lower()


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see in ``url`` after every decoding, in lower case."""
    m = _SCHEME.match(_decoded(url))
    return m.group(1) if m else None


def remote(url: str) -> bool:
    """True for an address that is not a file of the site: any scheme (http:, https:, ftp:, file:...)
    or a network-path reference (//host/..., which browsers also accept written with backslashes)."""
    unescaped = _IGNORED.sub("", html.unescape(unquote(url))).lower()  # HTML keeps backslashes as written
    return any(_SCHEME.match(value) or value.replace("\\", "/").startswith("//") for value in (_decoded(url), unescaped))


# Element and attribute pairs that load an image into the page.
IMAGE_SOURCES = frozenset({("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
                           ("image", "href"), ("image", "xlink:href"), ("video", "poster"), ("input", "src")})
_REMOTE_HINT = ("save the image in docs/ (for example docs/img/) and link to the file: the PDF refuses remote "
                "images and the site's Content-Security-Policy blocks them")


def _urls(page: Page) -> Iterator[tuple[int, int, str, str]]:
    for link in page.inv.links:
        yield link.line, link.col, link.url, link.origin
    for tag in page.inv.tags:  # any attribute can carry a URL the element acts on (e.g. <a xlink:href>)
        for name, value, line in tag.attrs:
            if name not in ("href", "src", "srcset") and (":" in value or "&" in value or "%" in value):
                yield line, tag.col, value, f"html attribute {name}"


def _check_page(page: Page) -> Iterator[Diagnostic]:
    for tag in page.inv.tags:
        if tag.closing:
            continue
        if tag.name in FORBIDDEN_ELEMENTS:
            yield Diagnostic(page.path, tag.line, tag.col, "SAFE001", f"<{tag.name}> is not allowed in handbook pages",
                             hint="describe the content, or link to it; the site runs no page-supplied code")
        for name, _, line in tag.attrs:
            if name.startswith("on"):
                yield Diagnostic(page.path, line, tag.col, "SAFE002", f"event handler attribute '{name}' on <{tag.name}>",
                                 hint="remove it; pages carry no scripts")
            elif name == "style":
                yield Diagnostic(page.path, line, tag.col, "SAFE005", f"inline style attribute on <{tag.name}>",
                                 hint="the Content-Security-Policy blocks it; use a class from handbook.css")
    for attrs in page.inv.attr_lists:
        for key, _ in attrs.attrs:
            if key.startswith("on"):
                yield Diagnostic(page.path, attrs.line, attrs.col, "SAFE002", f"event handler attribute '{key}' in an attribute list",
                                 hint="remove it; pages carry no scripts")
            elif key == "style":
                yield Diagnostic(page.path, attrs.line, attrs.col, "SAFE005", "inline style attribute in an attribute list",
                                 hint="the Content-Security-Policy blocks it; use a class from handbook.css")
    seen: set[tuple[int, int, str]] = set()
    for line, col, url, origin in _urls(page):
        scheme = url_scheme(url)
        if scheme in FORBIDDEN_SCHEMES and (line, col, url) not in seen:
            seen.add((line, col, url))
            yield Diagnostic(page.path, line, col, "SAFE003", f"{scheme}: URL in a {origin} link",
                             hint="link to a page or an https:// address; images go in docs/ as files")
    for link in page.inv.images:
        if remote(link.url) and url_scheme(link.url) not in FORBIDDEN_SCHEMES:
            yield Diagnostic(page.path, link.line, link.col, "SAFE007", f"image from another site: '{link.url}'",
                             hint=_REMOTE_HINT)
    for inc in page.inv.includes:
        target = inc.target.strip()
        name = re.sub(r"(:[\w-]*)+$", "", target)
        if "://" in target or name.startswith(("/", "~")) or ".." in name.replace("\\", "/").split("/"):
            yield Diagnostic(page.path, inc.line, inc.col, "SAFE004", f"snippet include '{target}' is outside {SNIPPETS_DIR}/",
                             hint=f"put the shared text in {SNIPPETS_DIR}/ and include it by its name there")


# Attributes that hold text for people, not addresses: "Data: ..." in a title is not a data: URL.
_TEXT_ATTRS = frozenset({"title", "alt", "placeholder", "label", "summary", "abbr"})
_ELEMENT_HINT = "describe the content, or link to it; the site runs no page-supplied code"


def _check_html(page: Page, html: str) -> Iterator[Diagnostic]:
    """The markup-safety rules on the page's rendered HTML (see the module docstring)."""
    loc = Locator(page)
    for tag in tags(html):
        if tag.closing:
            continue
        if tag.name in FORBIDDEN_ELEMENTS:
            yield Diagnostic(page.path, loc.element(tag.name), 1, "SAFE001",
                             f"<{tag.name}> is not allowed in handbook pages (found in the rendered page)",
                             hint=_ELEMENT_HINT)
        for name, value, _ in tag.attrs:
            if name.startswith("on"):
                yield Diagnostic(page.path, loc.attribute(name), 1, "SAFE002",
                                 f"event handler attribute '{name}' on <{tag.name}> (found in the rendered page)",
                                 hint="remove it; pages carry no scripts")
            elif name == "style":
                yield Diagnostic(page.path, loc.attribute(name), 1, "SAFE005",
                                 f"inline style attribute on <{tag.name}> (found in the rendered page)",
                                 hint="the Content-Security-Policy blocks it; use a class from handbook.css")
            elif name not in _TEXT_ATTRS and not name.startswith("aria-"):
                urls = [c.split()[0] for c in value.split(",") if c.strip()] if name.endswith("srcset") else [value]
                for url in urls:
                    scheme = url_scheme(url)
                    if scheme in FORBIDDEN_SCHEMES:
                        yield Diagnostic(page.path, loc.value(url, name), 1, "SAFE003",
                                         f"{scheme}: URL in the {name} attribute of <{tag.name}> "
                                         "(found in the rendered page)",
                                         hint="link to a page or an https:// address; images go in docs/ as files")
                    elif (tag.name, name) in IMAGE_SOURCES and remote(url):
                        yield Diagnostic(page.path, loc.value(url, name), 1, "SAFE007",
                                         f"image from another site: '{url}' (found in the rendered page)",
                                         hint=_REMOTE_HINT)


# What docs/ may hold besides Markdown pages. Fonts, scripts and styles live in overrides/.
ALLOWED_FILE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
# In an SVG, <style> is ordinary drawing markup; these run code or load other documents.
SVG_FORBIDDEN = (FORBIDDEN_ELEMENTS - {"style"}) | {"foreignobject", "handler", "listener"}
SVG_SCHEMES = ("javascript", "vbscript")  # data: stays: SVG editors embed raster images as data: URLs


def _check_files(corpus: Corpus) -> Iterator[Diagnostic]:
    for rel in sorted(corpus.files - corpus.excluded):  # excluded files are not published
        lower = rel.lower()
        if lower.endswith(".md"):
            continue
        path = f"{DOCS_DIR}/{rel}"
        if not lower.endswith(ALLOWED_FILE_TYPES):
            yield Diagnostic(path, 1, 1, "SAFE006", "file type not allowed in docs/: MkDocs publishes it as it is",
                             hint=f"docs/ holds Markdown pages and images ({', '.join(ALLOWED_FILE_TYPES)}); "
                                  "the site's scripts, styles and fonts live in overrides/")
        elif lower.endswith(".svg"):
            yield from _check_svg(path, (corpus.project.docs / rel).read_bytes().decode("utf-8", errors="replace"))


def _check_svg(path: str, text: str) -> Iterator[Diagnostic]:
    def line(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    for tag in tags(text):
        if tag.closing:
            continue
        if tag.name in SVG_FORBIDDEN:
            yield Diagnostic(path, line(tag.offset), 1, "SAFE001", f"<{tag.name}> is not allowed in an SVG image",
                             hint="an SVG opened on its own runs it; export the drawing without scripts")
        for name, value, offset in tag.attrs:
            if name.startswith("on"):
                yield Diagnostic(path, line(offset), 1, "SAFE002", f"event handler attribute '{name}' on <{tag.name}>",
                                 hint="remove it; export the drawing without scripts")
            elif name not in _TEXT_ATTRS and url_scheme(value) in SVG_SCHEMES:
                yield Diagnostic(path, line(offset), 1, "SAFE003",
                                 f"{url_scheme(value)}: URL in the {name} attribute of <{tag.name}>",
                                 hint="remove the link, or point it to an https:// address")


def _front_matter_values(meta: object, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(meta, str):
        yield path, meta
    elif isinstance(meta, dict):
        for key, value in meta.items():
            yield from _front_matter_values(value, (*path, key))
    elif isinstance(meta, list):
        for index, value in enumerate(meta):
            yield from _front_matter_values(value, (*path, index))


def _check_front_matter(page: Page) -> Iterator[Diagnostic]:
    """Front matter values (the title above all) reach the theme's header, navigation, <title> and
    <meta> unescaped: markup in them, or a double quote that ends the attribute they are written
    into, runs on every page that shows them."""
    from handbook.errors import HandbookError
    from handbook.frontmatter import split

    if not page.text.startswith("---"):
        return
    try:
        front = split(page.text, page.path)
    except HandbookError:  # FM001 reports it
        return
    for key, value in _front_matter_values(front.meta):
        if "<" not in value and '"' not in value:
            continue
        line = front.line_of(*key[:1]) if key else 1
        name = ".".join(str(k) for k in key)
        for found in (*tags(value), *tags('<a title="' + value + '">')):
            if found.closing:
                continue
            if found.name in FORBIDDEN_ELEMENTS:
                yield Diagnostic(page.path, line, 1, "SAFE001", f"<{found.name}> in the front matter value '{name}'",
                                 hint="front matter is plain text; the theme writes it into every page that shows it")
            for attr, _, _ in found.attrs:
                if attr.startswith("on"):
                    yield Diagnostic(page.path, line, 1, "SAFE002",
                                     f"event handler attribute '{attr}' in the front matter value '{name}'",
                                     hint="front matter is plain text; write quotes as “ ” in titles")


def check(corpus: Corpus) -> Iterator[Diagnostic]:
    yield from _check_files(corpus)
    renderer = Renderer(corpus.project)
    for page in corpus.pages + corpus.snippets:
        found = list(_check_page(page)) + list(_check_front_matter(page))
        yield from found
        shown = {(d.code, d.line) for d in found}
        for d in _check_html(page, renderer.html(page)):
            if (d.code, d.line) not in shown:
                shown.add((d.code, d.line))
                yield d
