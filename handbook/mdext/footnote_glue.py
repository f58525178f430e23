"""A footnote marker never starts a line on its own.

The browser and the PDF may break a line between a word and the footnote reference after it, and
the marker then stands alone at the start of the next line (seen in the Arabic Key points boxes).
This tree processor wraps the last word before each reference and the reference together in
``<span class="hb-nobreak">`` (``white-space: nowrap`` in the web and print stylesheets). It runs
after the inline processor, which is where the footnotes extension creates its ``sup`` elements.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_LAST_WORD = re.compile(r"(\S+)$")


def _is_reference(element: etree.Element) -> bool:
    anchor = element.find("a") if element.tag == "sup" else None
    return anchor is not None and "footnote-ref" in (anchor.get("class") or "").split()


def glue(root: etree.Element) -> None:
    for parent in list(root.iter()):
        index = 0
        while index < len(parent):
            child = parent[index]
            if _is_reference(child):
                before = parent.text if index == 0 else parent[index - 1].tail
                match = _LAST_WORD.search(before or "")
                if match:
                    span = etree.Element("span", {"class": "hb-nobreak"})
                    span.text = match.group(1)
                    rest = before[: match.start()]
                    if index == 0:
                        parent.text = rest
                    else:
                        parent[index - 1].tail = rest
                    parent.remove(child)
                    span.tail, child.tail = child.tail, None
                    span.append(child)
                    parent.insert(index, span)
            index += 1


class _Glue(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        glue(root)


class FootnoteGlueExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After the inline processor (20), the blocks (19.99) and the footnotes (15): every reference exists.
        md.treeprocessors.register(_Glue(md), "handbook_footnote_glue", 14)


def makeExtension(**kwargs: object) -> FootnoteGlueExtension:  # noqa: N802 (Markdown's API)
    return FootnoteGlueExtension(**kwargs)
