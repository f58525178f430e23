"""Footnotes numbered in the order a reader meets them.

Python-Markdown can number footnotes by first reference (``USE_DEFINITION_ORDER: false``), but the
content of a ``/// note`` block is processed after the text around it, so the Key points box at
the top of a chapter showed ⁵ ² while the first paragraph below it showed ¹. This postprocessor
runs last, on the HTML the footnotes extension wrote: it numbers the references by their position
in the page, and orders the notes at the end of the page to match. It only reads the markup the
footnotes extension itself generates (``a.footnote-ref`` and the ``li`` items of ``div.footnote``).
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

_REF = re.compile(r'(<a class="footnote-ref" href="#fn:([^"]+)"[^>]*>)(\d+)(</a>)')
_DIV = re.compile(r'<div class="footnote">\s*<hr\s*/?>\s*<ol>\s*(.*)</ol>\s*</div>', re.S)
_ITEM = re.compile(r'<li id="fn:([^"]+)">')
_BACKREF_TITLE = re.compile(r'(class="footnote-backref"[^>]*title="[^"\d]*)(\d+)')


def renumber(html: str) -> str:
    order: dict[str, int] = {}
    for m in _REF.finditer(html):
        order.setdefault(m.group(2), len(order) + 1)
    if not order:
        return html
    html = _REF.sub(lambda m: f"{m.group(1)}{order.get(m.group(2), m.group(3))}{m.group(4)}", html)
    div = _DIV.search(html)
    if not div:
        return html
    body = div.group(1)
    starts = [m.start() for m in _ITEM.finditer(body)]
    items = [body[a:b] for a, b in zip(starts, [*starts[1:], len(body)])]
    if not items:
        return html
    number = lambda item: order.get(_ITEM.match(item).group(1), len(order) + 1)  # noqa: E731
    items.sort(key=number)
    items = [_BACKREF_TITLE.sub(lambda m, n=number(item): f"{m.group(1)}{n}", item) for item in items]
    return html[:div.start(1)] + "".join(items) + html[div.end(1):]


class _Renumber(Postprocessor):
    def run(self, text: str) -> str:
        return renumber(text) if 'class="footnote-ref"' in text else text


class FootnoteOrderExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.postprocessors.register(_Renumber(md), "handbook-footnote-order", 1)  # after every other


def makeExtension(**kwargs: object) -> FootnoteOrderExtension:
    return FootnoteOrderExtension(**kwargs)
