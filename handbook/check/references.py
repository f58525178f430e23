"""LINK009: a reference without a link to its source.

Every chapter ends with its references, and readers (and the scheduled `handbook check --external`
run) must be able to follow each one to the public page that says it. An item of the references
list (under the heading whose id is ``references``), and a footnote that names a source, without
an http(s) link is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from handbook.pages.model import Corpus, Page
from handbook.diagnostics import Diagnostic

REFERENCES_ID = "references"
_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}\.)[ \t]+\S")
_FOOTNOTE = re.compile(r"^\[\^[^\]]+\]:[ \t]*(.*)$")
_WEB = re.compile(r"\]\(\s*<?https?://|<https?://|https?://\S", re.I)


def _items(lines: list[str], start: int, end: int, pattern: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    """(line number, text) of each item between ``start`` and ``end``, continuation lines joined."""
    current: list[str] = []
    first = 0
    for index in range(start, end):
        line = lines[index]
        if pattern.match(line):
            if current:
                yield first, " ".join(current)
            current, first = [line], index + 1
        elif current and line.strip() and (line.startswith((" ", "\t")) or not pattern.match(line)):
            if line.startswith("#") or line.startswith("///"):
                yield first, " ".join(current)
                current = []
            else:
                current.append(line)
        elif current and not line.strip():
            yield first, " ".join(current)
            current = []
    if current:
        yield first, " ".join(current)


def _page(page: Page) -> Iterator[Diagnostic]:
    headings = page.inv.headings
    lines = page.text.split("\n")
    for n, heading in enumerate(headings):
        if heading.id != REFERENCES_ID:
            continue
        end = next((h.line - 1 for h in headings[n + 1:] if h.level <= heading.level), len(lines))
        for line, text in _items(lines, heading.line, end, _ITEM):
            if not _WEB.search(text):
                yield Diagnostic(page.path, line, 1, "LINK009", "reference without a link to its source",
                                 hint="add the https:// address of the public page or document it cites")
    for line, text in _items(lines, 0, len(lines), _FOOTNOTE):
        body = _FOOTNOTE.match(text).group(1)
        # A note that only points elsewhere in the handbook or explains is not a reference.
        if body and not _WEB.search(body) and re.search(r"\b(19|20)\d\d\b|[Aa]rticles?\b|[Aa]rt\.", body):
            yield Diagnostic(page.path, line, 1, "LINK009", "footnote cites a source without a link to it",
                             hint="add the https:// address of the public page or document it cites")


def check(corpus: Corpus) -> Iterator[Diagnostic]:
    for page in corpus.pages:
        yield from _page(page)
