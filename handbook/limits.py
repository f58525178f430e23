"""What a page may be: its size and how deeply its lists and quotes nest.

Python-Markdown recurses once per nesting level: a few hundred levels raise RecursionError, a few
thousand run for minutes. No handbook page comes near these limits (the longest chapter is about
40 kB and nests three levels), so a page beyond them is a mistake or an attack, refused with its
line before any Markdown parser sees it. YAML's own limits (no aliases, no repeated keys) are in
:mod:`handbook.yamlio`.
"""

from __future__ import annotations

import re

from handbook.errors import HandbookError

MAX_PAGE_BYTES = 1_000_000
# One cap for an image, on the web (HYG005, HYG006) and in the PDF: a larger file makes pages and
# the PDF heavy for officers on slow connections, and WeasyPrint drops huge images with an empty error.
MAX_IMAGE_BYTES = 1_000_000
MAX_IMAGE_PIXELS = 4_000_000
MAX_NESTING = 16
_MARKERS = re.compile(r"(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s))[ \t]*")


def nesting(line: str) -> int:
    """How many list and quote levels a line opens: its indentation in steps of four, plus the
    markers ('>', '-', '1.') that start it."""
    stripped = line.expandtabs(4)
    indent = len(stripped) - len(stripped.lstrip(" "))
    depth, at = indent // 4, indent
    while True:
        m = _MARKERS.match(stripped, at)
        if not m or m.end() == at:
            return depth
        depth += 1
        at = m.end()


def check_page(path: str, text: str) -> None:
    """Raise HandbookError (file, line, fix) for a page over the size or nesting limit."""
    size = len(text.encode("utf-8"))
    if size > MAX_PAGE_BYTES:
        raise HandbookError(path, f"the page is {size // 1000} kB; a page may be at most {MAX_PAGE_BYTES // 1000} kB.",
                            line=1, fix="Split it into several pages.")
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > 8 and nesting(line) > MAX_NESTING:
            raise HandbookError(path, f"lists or quotes nest {nesting(line)} levels deep here; at most "
                                f"{MAX_NESTING} are allowed.", line=number,
                                fix="Flatten the structure: deeper nesting is unreadable and stalls the Markdown parser.")
