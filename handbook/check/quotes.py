"""HYG017: straight quotation marks (") in prose.

Readers of the site and the PDF see the marks exactly as written: Markdown here does not turn "
into typographic quotes (no SmartyPants), so each language's marks, from translations/languages.yml,
are written in the page. Only what a reader sees as text is looked at: the page's prose, with the
title and description of its front matter. The terminology linter's masking decides what that is
(:func:`handbook.terms.extract.prose`): code (fenced, indented, inline), HTML tags and comments,
attribute lists, link destinations and titles, snippet lines and the ``/// type |`` of a block are
not prose, so their straight quotes (which the syntax needs) are left alone.

Straight apostrophes (') are not reported: in English and French they are far more often a word's
apostrophe than a quotation mark, and telling them apart needs more than a pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from handbook.terms.extract import prose

# What the prose masking leaves that is still syntax: the argument of an html block
# (`/// html | div[title="x"]` is a selector, not a title), and a block's option lines (indented
# `key: value` lines straight after its `///` line).
_HTML_BLOCK = re.compile(r"^[ \t]*/{3,}[ \t]*html\b.*$", re.M)
_BLOCK_HEAD = re.compile(r"^[ \t]*/{3,}[ \t]*[\w-]+.*$")
_BLOCK_OPTION = re.compile(r"^(?: {4}|\t)[ \t]*[\w-]+:(?:[ \t].*)?$")


def _block_syntax(text: str) -> list[tuple[int, int]]:
    """Line spans (0-based, end excluded) that are block syntax the masking leaves as prose."""
    spans = [(text.count("\n", 0, m.start()), text.count("\n", 0, m.start()) + 1)
             for m in _HTML_BLOCK.finditer(text)]
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _BLOCK_HEAD.match(line):
            end = index + 1
            while end < len(lines) and _BLOCK_OPTION.match(lines[end]):
                end += 1
            spans.append((index + 1, end))
    return spans


def straight_quotes(text: str) -> Iterator[tuple[int, int]]:
    """1-based (line, column) of every straight double quote a reader would see in ``text``."""
    if '"' not in text:
        return

    masked = prose(text)
    skip: set[int] = set()
    if "///" in text:
        for start, end in _block_syntax(text):
            skip.update(range(start, end))
    for index, line in enumerate(masked.split("\n")):
        if '"' not in line or index in skip:
            continue
        for m in re.finditer('"', line):
            yield index + 1, m.start() + 1
