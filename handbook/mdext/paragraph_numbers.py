"""Paragraph numbers on the page: ``{¶4.12}`` at the end of a block becomes the block's anchor
``#p4-12`` and the number ``4.12`` at its start, on the web and in the PDF alike.

The source notation is handbook.pages.paragraphs'; the renderer handbook.chapters
.render_paragraph_numbers qualifies each ``{¶12}`` with its chapter before Markdown runs. A table's
number is a paragraph of its own right after the table: it goes onto the table.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# At the end of the block's text, or before a comment that ends it (Python-Markdown keeps raw HTML
# as placeholders, \x02wzxhzdk:N\x03, in the text until it writes the page).
_MARK = re.compile(r"[ \t]*\{¶(\d+(?:\.\d+)?)\}(?=(?:\s*\x02wzxhzdk:\d+\x03)*\s*$)")
_ALONE = re.compile(r"^[ \t]*\{¶(\d+(?:\.\d+)?)\}[ \t]*$")
_OWN_TEXT_STOP = {"ul", "ol", "p", "div", "table", "blockquote", "pre"}


def anchor(number: str) -> str:
    """'4.12' -> 'p4-12' (ids keep to letters, digits and hyphens)."""
    return "p" + number.replace(".", "-")


def _label(element: etree.Element, number: str) -> None:
    element.set("id", anchor(number))
    link = etree.Element("a", {"class": "hb-pnum", "href": f"#{anchor(number)}"})
    link.text = number
    link.tail = " " + (element.text or "")
    element.text = None
    element.insert(0, link)


def _take_mark(element: etree.Element) -> str | None:
    """Remove the number from the end of the element's own text (before any nested block)."""
    nodes: list[tuple[etree.Element | None, str]] = [(None, "text")]
    for child in element:
        if child.tag in _OWN_TEXT_STOP:
            break
        nodes.append((child, "tail"))
    for owner, attr in reversed(nodes):
        holder = element if owner is None else owner
        value = getattr(holder, attr)
        if value and value.strip():
            match = _MARK.search(value)
            if not match:
                return None
            setattr(holder, attr, value[: match.start()] + value[match.end():])
            return match.group(1)
    return None


def number_blocks(root: etree.Element) -> None:
    for parent in list(root.iter()):
        index = 0
        while index < len(parent):
            child = parent[index]
            if child.tag == "p" and len(child) == 0 and _ALONE.match(child.text or "") and index > 0 \
                    and parent[index - 1].tag == "table":
                number = _ALONE.match(child.text).group(1)
                table = parent[index - 1]
                table.set("id", anchor(number))
                label = etree.Element("p", {"class": "hb-pnum-table"})
                link = etree.SubElement(label, "a", {"class": "hb-pnum", "href": f"#{anchor(number)}"})
                link.text = number
                parent.remove(child)
                parent.insert(index - 1, label)
                index += 1
                continue
            if child.tag in ("p", "li"):
                number = _take_mark(child)
                if number is not None:
                    _label(child, number)
            index += 1


class _Numbers(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        number_blocks(root)


class ParagraphNumbersExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After the inline processor (20): the number is the last text of its block.
        md.treeprocessors.register(_Numbers(md), "handbook_paragraph_numbers", 15)


def makeExtension(**kwargs: object) -> ParagraphNumbersExtension:  # noqa: N802 (Markdown's API)
    return ParagraphNumbersExtension(**kwargs)
