"""HYG0xx: mistakes MkDocs accepts without a word.

Unknown block types and the '!!!' syntax render as plain text, duplicate ids break anchors,
images without alt text shut out screen-reader users, heavy images cost readers on poor
connections, and straight quotes (") reach readers as typewriter marks in every language.
(Encoding rules, HYG007-HYG009, are applied when the corpus is read.)
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterator

from handbook.check.images import read_image
from handbook.pages.model import Corpus, Page
from handbook.check.links import is_internal, split_url
from handbook.check import characters, quotes
from handbook.check.lists import numbering_skips
from handbook.diagnostics import Diagnostic
from handbook.limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS


def _blocks(corpus: Corpus, page: Page) -> Iterator[Diagnostic]:
    allowed = sorted(corpus.config.block_names)
    for block in page.inv.blocks:
        if block.name not in corpus.config.block_names:
            near = difflib.get_close_matches(block.name, allowed, n=1)
            hint = f"did you mean '{near[0]}'? " if near else ""
            yield Diagnostic(page.path, block.line, 1, "HYG001", f"unknown block type '{block.name}'",
                             hint=hint + f"allowed: {', '.join(allowed)} (mkdocs.yml)")
        if not block.closed:
            yield Diagnostic(page.path, block.line, 1, "HYG011", f"block '/// {block.name}' is never closed",
                             hint="end it with a line holding only '///'")
    for block in page.inv.legacy_admonitions:
        yield Diagnostic(page.path, block.line, 1, "HYG002", f"admonition '{block.name}' uses the '!!!' syntax",
                         hint=f"write '/// {block.name} | Title', a blank line, the text, a blank line, '///'")
    for fence in page.inv.fences:
        if not fence.closed:
            yield Diagnostic(page.path, fence.line, 1, "HYG011", "code fence is never closed",
                             hint="close it with the same fence characters")


def _ids(page: Page) -> Iterator[Diagnostic]:
    first: dict[str, int] = {}
    for name, line in page.inv.ids:
        if name in first and first[name] != line:
            yield Diagnostic(page.path, line, 1, "HYG003", f"id '#{name}' is used twice on this page",
                             hint=f"first used at line {first[name]}; ids must be unique")
        first.setdefault(name, line)
    for heading in page.inv.headings:
        if heading.id is None:
            yield Diagnostic(page.path, heading.line, 1, "HYG010", f"heading '{heading.text}' has no explicit id",
                             hint="end it with { #some-id }, the same id in every language")


def _images(corpus: Corpus, page: Page, sizes: dict[str, tuple[tuple[int, int] | None, str | None]]) -> Iterator[Diagnostic]:
    for image in page.inv.images:
        if image.alt is None or not image.alt.strip():
            yield Diagnostic(page.path, image.line, image.col, "HYG004", f"image '{image.url}' has no alt text",
                             hint="describe what the image shows, in the page's language")
        if not is_internal(image.url):
            continue
        path = split_url(image.url)[0]
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
        rel = corpus.localized(rel, page.lang)
        if rel not in corpus.files:
            continue  # LINK001 reports it
        file = corpus.project.docs / rel
        size = file.stat().st_size
        if size > MAX_IMAGE_BYTES:
            yield Diagnostic(page.path, image.line, image.col, "HYG005",
                             f"image '{rel}' is {size // 1000} kB (cap {MAX_IMAGE_BYTES // 1000} kB)",
                             hint="compress it or reduce its dimensions")
        if rel not in sizes:
            sizes[rel] = read_image(file)
        dims, problem = sizes[rel]
        if problem:
            yield Diagnostic(page.path, image.line, image.col, "HYG016", f"image '{rel}' {problem}",
                             hint="export the image again as PNG or JPEG, at most a few megapixels")
        if dims and dims[0] * dims[1] > MAX_IMAGE_PIXELS:
            yield Diagnostic(page.path, image.line, image.col, "HYG006",
                             f"image '{rel}' is {dims[0]}x{dims[1]} pixels (cap {MAX_IMAGE_PIXELS / 1e6:g} megapixels)",
                             hint="scale it down; the page shows it at most a few hundred pixels wide")


def _numbering(page: Page) -> Iterator[Diagnostic]:
    front = page.front
    first = front.body_line - 1 if not isinstance(front, Exception) else 0
    for skip in numbering_skips(page.text.split("\n"), first):
        if skip.previous == 0:
            yield Diagnostic(page.path, skip.line, 1, "HYG012",
                             f"ordered list starts at {skip.number}; Markdown numbers every list from 1",
                             hint="if a comment, heading or other block split a list in two, move it out of the "
                                  "list (or indent it under the item before); otherwise number the list from 1")
            continue
        yield Diagnostic(page.path, skip.line, 1, "HYG012",
                         f"ordered-list item numbered {skip.number} follows item {skip.expected - 1} "
                         f"(line {skip.previous}); Markdown will show it as {skip.expected}",
                         hint="if a wrapped line starts with a number and a dot (a year), re-wrap it so the "
                              "number stays on the line before; otherwise renumber the list")


def _characters(page: Page) -> Iterator[Diagnostic]:
    if page.text.isascii() and not characters.CONTROL.search(page.text):
        return
    lines = page.text.split("\n")
    for found in characters.find(characters.CONTROL, lines):
        yield Diagnostic(page.path, found.line, found.col, "HYG013", f"control character {found.name}",
                         hint="delete it: readers and reviewers cannot see it, and it ships into the HTML")
    for found in characters.find(characters.INVISIBLE, lines):
        yield Diagnostic(page.path, found.line, found.col, "HYG014", f"invisible character {found.name}",
                         hint="delete it: it hides or reorders text for reviewers (right-to-left text needs only "
                              "U+200E, U+200F, U+061C, the isolates U+2066-U+2069 and the joiners U+200C, U+200D)")


def _quotes(corpus: Corpus, page: Page) -> Iterator[Diagnostic]:
    if '"' not in page.text:
        return
    marks = corpus.i18n.language(page.lang).quotes
    language = _english_name(page.lang)
    space = f"with a no-break space (U+{ord(marks.space):04X}) inside each mark, " if marks.space else ""
    hint = (f"{space}{marks.wrap('…', nested=True)} for a quotation inside a quotation; "
            "a quote that is code goes in backticks")
    for line, col in quotes.straight_quotes(page.text):
        yield Diagnostic(page.path, line, col, "HYG017",
                         f"straight quotation mark; write {marks.wrap('…')} in {language}", hint=hint)


def _english_name(code: str) -> str:
    from babel import Locale

    return Locale.parse(code).english_name or code


def check(corpus: Corpus) -> Iterator[Diagnostic]:
    sizes: dict[str, tuple[tuple[int, int] | None, str | None]] = {}
    for page in corpus.pages:
        yield from _blocks(corpus, page)
        yield from _ids(page)
        yield from _images(corpus, page, sizes)
        yield from _numbering(page)
        yield from _characters(page)
        yield from _quotes(corpus, page)
    yield from corpus.diagnostics
