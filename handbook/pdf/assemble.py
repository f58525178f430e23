"""Markdown pages -> one book HTML: each page converted with mkdocs.yml's extensions, then
rewritten for print by a tree processor (ids made unique per chapter, cross-page links turned into
in-document links, images resolved and checked, footnotes placed at the bottom of the page).
"""

from __future__ import annotations

import posixpath
import re
import warnings
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from handbook import frontmatter, limits, paths
from handbook.adapter.renderers import render_page
from handbook.diagnostics import Diagnostic
from handbook.errors import HandbookError
from handbook.languages import I18n
from handbook.limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS
from handbook.pageinfo import PageInfo
from handbook.paths import Project
from handbook.pages.config import ContentConfig
from handbook.pdf.names import page_url  # noqa: F401 (imported from here too)
from handbook.pdf.source import BookEntry

# Tables wider than this get equal fixed columns and a smaller font, so they fit the page.
WIDE_TABLE_COLUMNS = 6
_EXTERNAL = ("http", "https", "mailto", "tel")
_SUFFIX = re.compile(r"\.([a-z]{2,3})\.md$")
_KEPT_HREF = re.compile(r"^(#|https?:|mailto:|tel:)")


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "href" and value and not _KEPT_HREF.match(value):
                self.found.append(value)


def _raw_hrefs(html: str) -> list[str]:
    """Hrefs of real tags (not of HTML shown as code) that the PDF cannot follow."""
    parser = _Hrefs()
    parser.feed(html)
    parser.close()
    return parser.found


@dataclass
class Chapter:
    entry: BookEntry
    title: str
    html: str
    ids: set[str] = field(default_factory=set)


@dataclass
class Link:
    entry: BookEntry
    target_key: str
    target_id: str | None  # None: the chapter's start
    href: str              # as written, for the message


@dataclass
class PageState:
    """What the tree processor needs about the page it is converting, and what it found."""

    entry: BookEntry
    text: str
    body_line: int
    keys: dict[str, str]  # English source -> chapter key, for every page in this document
    docs: Path
    elsewhere: frozenset[str] = frozenset()  # pages of the book left out of this document (a chapter's own PDF)
    problems: list[Diagnostic] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    images: list[Path] = field(default_factory=list)

    def line_of(self, needle: str) -> int:
        for number, line in enumerate(self.text.split("\n"), start=1):
            if needle and needle in line:
                return number
        return self.body_line

    def problem(self, code: str, message: str, needle: str = "", hint: str = "") -> None:
        self.problems.append(Diagnostic(self.entry.source_path, self.line_of(needle), 1, code, message, hint=hint))


def _text(element: etree.Element) -> str:
    return "".join(element.itertext()).strip()


class _PrintTree(Treeprocessor):
    """Runs last; rewrites the page's tree for the book."""

    def __init__(self, md: markdown.Markdown, holder: _PrintExtension):
        super().__init__(md)
        self.holder = holder

    def run(self, root: etree.Element) -> None:
        state = self.holder.state
        assert state is not None
        prefix = state.entry.key + "--"
        footnotes = self._footnotes(root)
        for ref, note in footnotes:
            tail = ref.tail
            ref.clear()  # the <sup><a></a></sup> becomes the note itself, floated to the page foot
            ref.tag = "span"
            ref.set("class", "hb-footnote")
            ref.text = note.text
            for child in list(note):
                ref.append(child)
            ref.tail = tail
        for element in root.iter():
            if "id" in element.attrib:
                state.ids.add(element.attrib["id"])
                element.set("id", prefix + element.attrib["id"])
            if element.get("rel") and "attachment" in element.get("rel", ""):
                del element.attrib["rel"]  # an <a rel=attachment> would embed the file in the PDF
            if element.tag == "a" and "href" in element.attrib:
                self._link(element, state, prefix)
            elif element.tag == "img":
                self._image(element, state)
            elif element.tag == "table" and _columns(element) > WIDE_TABLE_COLUMNS:
                element.set("class", (element.get("class", "") + " hb-wide").strip())

    @staticmethod
    def _footnotes(root: etree.Element) -> list[tuple[etree.Element, etree.Element]]:
        """Move each footnote's text to its reference, printed at the foot of the page."""
        container = next((d for d in root.iter("div") if "footnote" in d.get("class", "").split()), None)
        if container is None:
            return []
        notes = {li.get("id"): li for li in container.iter("li") if li.get("id")}
        pairs = []
        for sup in list(root.iter("sup")):
            anchor = sup.find("a")
            if anchor is None or "footnote-ref" not in anchor.get("class", ""):
                continue
            note = notes.get(anchor.get("href", "").lstrip("#"))
            if note is None:
                continue
            body = etree.Element("span")
            for child in list(note):
                for back in list(child.iter("a")):
                    if "footnote-backref" in back.get("class", ""):
                        _remove(child, back)
                if child.tag == "p":
                    if len(body) or body.text:
                        body.append(etree.Element("br"))
                    body.append(_as_span(child))
                else:
                    body.append(child)
            pairs.append((sup, body))
        _remove(root, container)
        return pairs

    def _link(self, element: etree.Element, state: PageState, prefix: str) -> None:
        href = element.attrib["href"]
        parts = urlsplit(href)
        if parts.scheme in _EXTERNAL:
            if _text(element) not in (href, parts.path) and parts.scheme in ("http", "https"):
                element.set("class", (element.get("class", "") + " hb-ext").strip())
            return
        if parts.scheme or parts.netloc:
            state.problem("PDF004", f"link '{href}' cannot work in the PDF", href,
                          "use an http(s) link or a link to a handbook page")
            del element.attrib["href"]
            return
        if not parts.path:  # '#id' on the same page
            element.set("href", "#" + prefix + unquote(parts.fragment))
            state.links.append(Link(state.entry, state.entry.key, unquote(parts.fragment), href))
            return
        target = posixpath.normpath(posixpath.join(posixpath.dirname(state.entry.base), unquote(parts.path)))
        target = _SUFFIX.sub(".md", target)
        key = state.keys.get(target)
        if key is None:
            if target in state.elsewhere or (not paths.is_reader_page(target) and (state.docs / target).is_file()):
                # Contributor guides are on the web, not in the reader's book, and a chapter's own PDF
                # holds that chapter only: the text stays, unlinked.
                element.set("class", (element.get("class", "") + " hb-web-only").strip())
            elif target.endswith(".md"):
                state.problem("PDF004", f"link '{href}' leads to a page that is not in the PDF", href,
                              "add the page to the nav in mkdocs.yml, or link to a page that is")
            del element.attrib["href"]  # a file link would point into the build machine
            return
        fragment = unquote(parts.fragment) or None
        element.set("href", "#" + (f"{key}--{fragment}" if fragment else key))
        state.links.append(Link(state.entry, key, fragment, href))

    def _image(self, element: etree.Element, state: PageState) -> None:
        src = element.get("src", "")
        if not element.get("alt", "").strip():
            # The fact `check` reports (HYG004), under its code: the PDF/UA requirement is the same.
            state.problem("HYG004", f"image '{src}' has no alt text", src,
                          "describe what the image shows, in the page's language")
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path:
            state.problem("PDF001", f"image '{src}' is not a file of the handbook", src,
                          f"copy the image into {paths.DOCS_DIR}/ and link it with a relative path")
            element.set("src", "")
            return
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(state.entry.tree[1]), unquote(parts.path)))
        path = (state.docs / rel).resolve()
        if not path.is_file() or not path.is_relative_to(state.docs.resolve()):
            state.problem("PDF001", f"image '{src}' not found (looked for {paths.DOCS_DIR}/{rel})", src,
                          "fix the path or add the image")
            element.set("src", "")
            return
        size = path.stat().st_size
        # The caps and codes of `check` (HYG005, HYG006, HYG016): one fact, one code, one cap.
        if size > MAX_IMAGE_BYTES:
            state.problem("HYG005", f"image '{src}' is {size // 1000} kB (cap {MAX_IMAGE_BYTES // 1000} kB)", src,
                          "compress it or reduce its dimensions")
        else:
            pixels = _pixels(path)
            if pixels is None:
                state.problem("HYG016", f"image '{src}' decompresses to too many pixels to open safely", src,
                              "export the image again as PNG or JPEG, at most a few megapixels")
            elif pixels > MAX_IMAGE_PIXELS:
                state.problem("HYG006", f"image '{src}' is {pixels} pixels (cap {MAX_IMAGE_PIXELS / 1e6:g} megapixels)",
                              src, "scale it down; the page shows it at most a few hundred pixels wide")
        element.set("src", path.as_uri())
        state.images.append(path)


def _columns(table: etree.Element) -> int:
    return max((len([c for c in row if c.tag in ("td", "th")]) for row in table.iter("tr")), default=0)


def _pixels(path: Path) -> int | None:
    """Width x height from the image's header; None for a decompression bomb (an image so large
    that Pillow refuses to open it). Pillow's guard stays on: only its warning, for images between
    its limit and twice its limit, is silenced, since our own, lower limit reports them."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                return image.width * image.height
        except Image.DecompressionBombError:
            return None
        except Exception:
            return 0  # not a raster image (SVG): WeasyPrint reports problems with it


def _remove(root: etree.Element, target: etree.Element) -> None:
    for parent in root.iter():
        if target in list(parent):
            parent.remove(target)
            return


def _as_span(p: etree.Element) -> etree.Element:
    p.tag = "span"
    return p


class _PrintExtension(Extension):
    def __init__(self) -> None:
        super().__init__()
        self.state: PageState | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Priority below every other tree processor (footnotes 50, attr_list 8, toc 5).
        md.treeprocessors.register(_PrintTree(md, self), "handbook_print", -10)


class Converter:
    """Converts pages with the extensions of mkdocs.yml; one instance per language build.

    Each page first goes through the build-time renderers of the web site
    (handbook.adapter.renderers: glossary, what's new, editions, translation status), so the PDF holds
    the same generated content as the web pages.
    """

    def __init__(self, project: Project, config: ContentConfig, i18n: I18n, code: str, audience: str = "public"):
        configs = {name: dict(value) for name, value in config.extension_configs.items()}
        configs.setdefault("toc", {})["permalink"] = False  # no ¶ marks in print
        snippets = configs.get("pymdownx.snippets")
        if snippets and "base_path" in snippets:
            bases = snippets["base_path"]
            bases = [bases] if isinstance(bases, str) else bases
            snippets["base_path"] = [str(project.root / b) for b in bases]  # relative to the checkout
        self.extension = _PrintExtension()
        self.md = markdown.Markdown(extensions=[*config.extensions, self.extension], extension_configs=configs)
        self.docs = project.docs
        self.root = project.root
        self.i18n = i18n
        self.code = code
        self.audience = audience  # the restricted edition fills restricted slots (handbook.restricted.slots)

    def _render(self, entry: BookEntry, body: str, meta: dict) -> str:
        """The page's Markdown as MkDocs gets it: generated content in place of its markers."""
        info = PageInfo(root=self.root, i18n=self.i18n, lang=self.code, url=page_url(entry.base),
                        src_uri=entry.src, meta=dict(meta), audience=self.audience, medium="print")
        return render_page(body, info)

    def convert(self, entry: BookEntry, text: str, keys: dict[str, str],
                elsewhere: frozenset[str] = frozenset()) -> tuple[Chapter, PageState]:
        front = frontmatter.split(text, entry.source_path)
        state = PageState(entry, text, front.body_line, keys, self.root / entry.tree[0], elsewhere=elsewhere)
        self.extension.state = state
        self.md.reset()
        html = self.md.convert(self._render(entry, front.body, front.meta))
        self.extension.state = None
        for href in _raw_hrefs(html):  # links in raw HTML blocks, which the tree processor never sees
            state.problem("PDF004", f"link '{href}' in raw HTML cannot work in the PDF", href,
                          "write it as a Markdown link, so the PDF can turn it into an internal link")
        title = str(front.meta.get("title") or entry.base)
        match = re.search(r"<h1\b[^>]*>(.*?)</h1>", html, re.S)
        if match:
            title = re.sub(r"<[^>]+>", "", match.group(1)).strip() or title
        else:  # a page with no level-1 heading gets its title as one, so it has a chapter heading
            from html import escape

            html = f"<h1>{escape(title)}</h1>\n{html}"
        return Chapter(entry, title, html, state.ids), state




def check_links(states: list[PageState], chapters: dict[str, Chapter]) -> list[Diagnostic]:
    """Every in-book link must land on an existing chapter and id (WeasyPrint would only warn)."""
    out = []
    for state in states:
        for link in state.links:
            chapter = chapters.get(link.target_key)
            if chapter is None or (link.target_id and link.target_id not in chapter.ids):
                where = chapter.entry.source_path if chapter else link.target_key
                out.append(Diagnostic(state.entry.source_path, state.line_of(link.href), 1, "PDF004",
                                      f"link '{link.href}' leads to no heading or id in {where}",
                                      hint="give the heading an explicit { #id } or fix the link"))
    return out
