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
that line. Rendering is most of the check's time, so it is skipped for a page whose HTML cannot
hold a finding (:func:`plain`: no raw HTML, no address scheme, no attribute list beyond ids and
classes...), and otherwise runs in worker processes for a large handbook
(:mod:`handbook.check.parallel`); the findings are the same. URLs are decoded the way a browser would read them (HTML entities, percent-encoding,
backslash escapes, whitespace and control characters dropped, any case) before their scheme is
compared.

Every other file of docs/ is copied to the site as it is, so only images may be there (SAFE006),
and SVG images, which run their scripts when opened on their own, are read for scripts, event
handlers and javascript: addresses.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from handbook.pages.links import link_problems
from handbook.check import datafiles, parallel, svg
from handbook.pages.model import Corpus, Page
from handbook.htmltags import tags
from handbook.pages.markdown import front_matter_end
from handbook.check.rendered import Locator, MarkupRenderer
from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError
from handbook.paths import DOCS_DIR, SNIPPETS_DIR, Project

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


@dataclass(frozen=True)
class HtmlProblem:
    """A markup-safety finding in rendered HTML, with what to search for in the source to place it."""

    code: str
    message: str
    hint: str
    where: tuple[str, ...]  # ("element", name) | ("attribute", name) | ("value", value, attribute) | ("text", needle)


# Attributes that make a browser contact an address by themselves when the element is used.
REQUEST_ATTRS = frozenset({"ping"})
# Control characters a page never needs (tab, line feed and carriage return are allowed).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def html_problems(html: str) -> Iterator[HtmlProblem]:
    """The markup-safety rules on rendered HTML: what the check reports and what the build refuses."""
    control = CONTROL_CHARS.search(html)
    if control:
        yield HtmlProblem("HYG013", f"control character U+{ord(control.group()):04X} in the page",
                          "delete it: it is invisible to reviewers and may break the page", ("text", control.group()))
    for tag in tags(html):
        if tag.closing:
            continue
        if tag.name in FORBIDDEN_ELEMENTS:
            yield HtmlProblem("SAFE001", f"<{tag.name}> is not allowed in handbook pages (found in the rendered page)",
                              _ELEMENT_HINT, ("element", tag.name))
        for name, value, _ in tag.attrs:
            if name.startswith("on"):
                yield HtmlProblem("SAFE002", f"event handler attribute '{name}' on <{tag.name}> (found in the rendered page)",
                                  "remove it; pages carry no scripts", ("attribute", name))
            elif name == "style":
                yield HtmlProblem("SAFE005", f"inline style attribute on <{tag.name}> (found in the rendered page)",
                                  "the Content-Security-Policy blocks it; use a class from handbook.css", ("attribute", name))
            elif name in REQUEST_ATTRS:
                yield HtmlProblem("SAFE008", f"'{name}' attribute on <{tag.name}>: the browser would contact another "
                                  "address when the reader follows the link", "remove the attribute", ("attribute", name))
            elif name not in _TEXT_ATTRS and not name.startswith("aria-"):
                urls = [c.split()[0] for c in value.split(",") if c.strip()] if name.endswith("srcset") else [value]
                for url in urls:
                    scheme = url_scheme(url)
                    if scheme in FORBIDDEN_SCHEMES:
                        yield HtmlProblem("SAFE003", f"{scheme}: URL in the {name} attribute of <{tag.name}> "
                                          "(found in the rendered page)",
                                          "link to a page or an https:// address; images go in docs/ as files",
                                          ("value", url, name))
                    elif (tag.name, name) in IMAGE_SOURCES and remote(url):
                        yield HtmlProblem("SAFE007", f"image from another site: '{url}' (found in the rendered page)",
                                          _REMOTE_HINT, ("value", url, name))


def locate(loc: Locator, problem: HtmlProblem) -> int:
    kind, *args = problem.where
    if kind == "text":
        return loc.first(*args) or loc.fallback
    return getattr(loc, kind)(*args)


def front_matter_problems(src_uri: str, source_text: str, path: str | None = None) -> list[Diagnostic]:
    """The markup-safety findings of one page's front matter, for the build (see :func:`rendered_problems`)."""
    if "<" not in source_text and "&" not in source_text:
        return []
    return list(_check_front_matter(Page(src_uri, path or f"{DOCS_DIR}/{src_uri}", "", src_uri, source_text)))


def rendered_problems(src_uri: str, source_text: str, html: str, path: str | None = None) -> list[Diagnostic]:
    """The markup-safety findings of one page as the build renders it (docs-relative ``src_uri``,
    the file's text for line numbers, and its project-relative ``path`` when it is not under docs/:
    a restricted page): the build refuses what the check refuses."""
    if not html or (not any(c in html for c in "<&") and not CONTROL_CHARS.search(html)):
        return []
    page = Page(src_uri, path or f"{DOCS_DIR}/{src_uri}", "", src_uri, source_text)
    return list(_check_html(page, html))


def _check_html(page: Page, html: str) -> Iterator[Diagnostic]:
    """The markup-safety rules on the page's rendered HTML (see the module docstring)."""
    loc = Locator(page)
    for problem in html_problems(html):
        yield Diagnostic(page.path, locate(loc, problem), 1, problem.code, problem.message, hint=problem.hint)


# What docs/ may hold besides Markdown pages. Fonts, scripts and styles live in overrides/.
ALLOWED_FILE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")


def _check_files(corpus: Corpus) -> Iterator[Diagnostic]:
    yield from file_problems(corpus.project, sorted(corpus.files - corpus.excluded))


def file_problems(project: Project, files: list[str]) -> Iterator[Diagnostic]:
    """What docs/ and translations/ may hold on disk: links (SAFE011), file types (SAFE006) and
    SVG images (SAFE009). The build runs it too, before MkDocs reads anything."""
    links = link_problems(project)
    for link in links:
        yield Diagnostic(link.path, 1, 1, "SAFE011", link.message,
                         hint="copy the file into the repository instead of linking to it")
    linked = {link.path for link in links}
    for rel in files:  # excluded files are not published
        lower = rel.lower()
        path = f"{DOCS_DIR}/{rel}"
        if lower.endswith(".md") or path in linked:
            continue
        if not lower.endswith(ALLOWED_FILE_TYPES):
            yield Diagnostic(path, 1, 1, "SAFE006", "file type not allowed in docs/: MkDocs publishes it as it is",
                             hint=f"docs/ holds Markdown pages and images ({', '.join(ALLOWED_FILE_TYPES)}); "
                                  "the site's scripts, styles and fonts live in overrides/")
        elif lower.endswith(".svg"):
            for problem in svg.problems((project.docs / rel).read_bytes()):
                yield Diagnostic(path, problem.line, 1, "SAFE009", problem.message,
                                 hint="export the drawing as plain SVG (UTF-8, no scripts, links or animations), "
                                      "or as PNG")


def _check_front_matter(page: Page) -> Iterator[Diagnostic]:
    """Front matter values (the title above all) reach the theme's header, navigation, <title> and
    <meta> unescaped: markup in them, or a double quote that ends the attribute they are written
    into, runs on every page that shows them."""
    if not page.text.startswith("---"):
        return
    front = page.front
    if isinstance(front, HandbookError):  # FM001 reports it
        return
    for key, value in datafiles.strings(front.meta):
        if "<" not in value and '"' not in value and "&" not in value:
            continue
        line = front.line_of(*key[:1]) if key else 1
        name = ".".join(str(k) for k in key)
        if not any(True for found in (*tags(value), *tags('<a title="' + value + '">')) if not found.closing
                   and (found.name in FORBIDDEN_ELEMENTS or any(a.startswith("on") for a, _, _ in found.attrs))):
            # Other markup (<plaintext>, <!--, entities) breaks every page that shows the value.
            yield from (d for d in datafiles.value_problems(page.path, line, key, value) if d.code == "SAFE010")
            continue
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


class _Failed:
    """A page that cannot be rendered, sent back from a worker (HandbookError itself does not pickle)."""

    def __init__(self, exc: HandbookError):
        self.path, self.message, self.line, self.fix = exc.path, exc.message, exc.line, exc.fix

    def error(self) -> HandbookError:
        return HandbookError(self.path, self.message, line=self.line, fix=self.fix)


_renderers: dict[tuple[str, bytes], MarkupRenderer] = {}


def _renderer(project: Project) -> MarkupRenderer:
    """One renderer per process and configuration: building it reads mkdocs.yml and loads every extension."""
    key = (str(project.root), project.config_file.read_bytes())
    if key not in _renderers:
        _renderers.clear()
        _renderers[key] = MarkupRenderer(project)
    return _renderers[key]


def _warm(project: Project) -> None:
    try:
        _renderer(project)
    except HandbookError:  # reported by the check itself, in page order
        pass


parallel.WARMERS.append(_warm)


def _render_pages(root: str, pages: list[tuple]) -> list[list[Diagnostic] | _Failed]:
    """The HTML findings of each page (run in a worker process): the pages stop at the first
    that cannot be rendered, as a run in one process would."""
    out: list[list[Diagnostic] | _Failed] = []
    try:
        renderer = _renderer(Project(Path(root)))
        for fields in pages:
            page = Page(*fields)
            out.append(list(_check_html(page, renderer.html(page))))
    except HandbookError as exc:
        out.append(_Failed(exc))
    return out


# Pages that cannot hold markup a browser would run are not rendered. This holds only for these
# extensions with these options (each produces a fixed set of harmless elements and attributes
# unless its page text brings raw HTML, attribute lists, block options, fences or an address);
# any other extension, or any other option, and every page is rendered.
_PLAIN_EXTENSIONS = {
    "toc": None,  # any options: never rendered here (see handbook.check.rendered)
    "attr_list": (), "md_in_html": (), "tables": (), "abbr": (), "def_list": (),
    "footnotes": ("USE_DEFINITION_ORDER",),  # the order of the numbers, not what the HTML may hold
    "handbook.mdext.footnote_order": (),  # renumbers footnotes; adds no markup
    "handbook.mdext.footnote_glue": (),  # wraps a word and its footnote reference in a span; nothing else
    "handbook.mdext.paragraph_numbers": (),  # an id "p4-12" and a link to it; takes only digits from the page
    "handbook.mdext.restricted_slot": (),  # removes its own block's lines before Markdown runs; adds nothing
    "pymdownx.superfences": (),
    "pymdownx.blocks.admonition": ("types",), "pymdownx.blocks.details": ("types",),
    "pymdownx.snippets": ("base_path", "check_paths", "restrict_base_path"),
}
# What the body of a page needs for its HTML to hold a finding, any one of:
# '<'        raw HTML (any element, any attribute), autolinks, and every snippet include ('--8<--');
# ':' '%' '&' '\\'  a scheme in an address (javascript:, data:, https: for a remote image, written
#            as is, percent-encoded, as an entity or escaped), block options and table alignment
#            (a style attribute), footnote and abbreviation definitions, Markdown's own placeholders;
# '/' '/'    a network-path address (//host/image.png), also with invisible characters between;
# a fence    a code fence header can carry attributes;
# options    indented lines under a block header ('/// note') are the block's options;
# '{'        an attribute list, unless it holds only #ids and .classes (checked below).
_RISKY_CHARS = ("<", ":", "%", "&", "\\", "\x02", "\x03")
_NETWORK_PATH = re.compile(r"/[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\ufeff]*/")
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)", re.M)
_BLOCK_WITH_OPTIONS = re.compile(r"///(?=.*\n[ \t]+\S)")  # at a line start: checked in _block_options


def _line_start(body: str, offset: int) -> int:
    return body.rfind("\n", 0, offset) + 1


def _block_options(body: str) -> bool:
    """A block header line ('/// note | Title') followed by an indented line: the block's options."""
    return any(not body[_line_start(body, m.start()):m.start()].strip(" \t") for m in _BLOCK_WITH_OPTIONS.finditer(body))


def _network_path(body: str) -> bool:
    """'//' (or '/', invisible characters, '/'), except the first two slashes of a block marker
    ('/// note | Title', '///') that opens a paragraph: no link can reach across the blank line
    before it."""
    for m in _NETWORK_PATH.finditer(body):
        start = m.start()
        line = _line_start(body, start)
        marker = m.end() - start == 2 and body.startswith("///", start) and not body[line:start].strip(" \t")
        if marker and (line == 0 or not body[_line_start(body, line - 1):line - 1].strip(" \t")):
            continue
        return True
    return False
_SAFE_ATTR_LIST = re.compile(r"\{[ \t]*(?:[#.][A-Za-z0-9_-]+[ \t]*)+\}")


def plain_config(corpus: Corpus) -> bool:
    """Whether pages of this configuration may skip rendering (see :func:`plain`)."""
    if not all(re.fullmatch(r"[A-Za-z0-9_-]+", name) for name in corpus.config.block_names):
        return False  # a block type becomes a class attribute
    for name, options in corpus.config.extension_shapes:
        if name not in _PLAIN_EXTENSIONS:
            return False
        allowed = _PLAIN_EXTENSIONS[name]
        if allowed is not None and not set(options) <= set(allowed):
            return False
    return True


def plain(page: Page) -> bool:
    """True when rendering ``page`` cannot give an HTML finding: its body holds none of the
    characters such markup needs (see ``_RISKY_CHARS`` and the patterns after it), and its attribute lists only ids and classes.
    Only for a configuration that passes :func:`plain_config`."""
    lines = page.text.split("\n")
    body = "\n".join(lines[front_matter_end(lines):])
    if any(char in body for char in _RISKY_CHARS):
        return False
    if ("```" in body or "~~~" in body) and _FENCE.search(body):
        return False
    if "/" in body and (_block_options(body) or _network_path(body)):
        return False
    return body.count("{") == len(_SAFE_ATTR_LIST.findall(body))


def start(corpus: Corpus) -> Callable[[], list[Diagnostic]]:
    """Start rendering every page that is not :func:`plain` (in worker processes for a large
    handbook); the returned function runs the rest of the check and returns all its findings."""
    pages = corpus.pages + corpus.snippets
    skip = plain_config(corpus)
    todo = [page for page in pages if not (skip and plain(page))]
    rendering = parallel.start(_render_pages, [page.fields() for page in todo], str(corpus.project.root),
                               project=corpus.project)

    def rendered() -> list[list[Diagnostic] | _Failed]:
        # Back in page order; a plain page has no HTML findings.
        by_page = iter(rendering())
        done = {id(page) for page in todo}
        return [next(by_page, []) if id(page) in done else [] for page in pages]

    def finish() -> list[Diagnostic]:
        out = list(_check_files(corpus)) + list(datafiles.check(corpus.project))
        own = [list(_check_page(page)) + list(_check_front_matter(page)) for page in pages]
        html = rendered()  # a page that cannot be rendered ends its chunk: the first such is where zip stops
        for page, found, from_html in zip(pages, own, html):
            if isinstance(from_html, _Failed):
                raise from_html.error()
            out += found
            shown = {(d.code, d.line) for d in found}
            for d in from_html:
                if (d.code, d.line) not in shown:
                    shown.add((d.code, d.line))
                    out.append(d)
        return out

    return finish


def check(corpus: Corpus) -> list[Diagnostic]:
    return start(corpus)()
