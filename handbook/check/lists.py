"""HYG012: an ordered-list item whose number does not follow the one before it.

Markdown renumbers an ordered list from its first item and ignores the numbers written after it.
So a reference wrapped before a year ("... Geneva,\\n2002. Available from ...") silently becomes a
new item: the year disappears from the text and every later item is renumbered. Written numbers
that do not follow each other are the visible trace of that, and of items lost or added by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_ITEM = re.compile(r"^( *)(\d{1,9})\.(?:[ \t]+|$)")
_BULLET = re.compile(r"^( *)[-*+](?:[ \t]+|$)")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


@dataclass(frozen=True)
class Skip:
    line: int       # 1-based line of the item
    number: int     # the number written
    expected: int   # the number Markdown shows: one more than the previous item, or 1 for a new list
    previous: int   # 1-based line of the previous item (0 when the item starts a list)


def numbering_skips(lines: list[str], first: int = 0) -> Iterator[Skip]:
    """Items of ``lines[first:]`` whose number is not one more than the previous item of their list."""
    open_lists: dict[int, tuple[set[int], int]] = {}  # nesting level -> (numbers that may follow, line)
    fence: str | None = None
    blank_before = False
    for index in range(first, len(lines)):
        line = lines[index].expandtabs(4)
        marker = _FENCE.match(line)
        if fence is not None:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
            continue
        if marker:
            fence = marker.group(1)
            continue
        if not line.strip():
            blank_before = True
            continue
        # Python-Markdown nests a list four spaces in: up to three spaces is the same level.
        indent = (len(line) - len(line.lstrip(" "))) // 4
        item = _ITEM.match(line)
        if item:
            number = int(item.group(2))
            for deeper in [k for k in open_lists if k > indent]:
                del open_lists[deeper]
            accepted = {number + 1}
            if indent not in open_lists and number != 1:
                # Python-Markdown ignores the number a list starts with: '4.' after a comment or a
                # heading is shown as '1.' (a reference list split in two renumbers its second half).
                yield Skip(index + 1, number, 1, 0)
                accepted.add(2)
            elif indent in open_lists and number not in open_lists[indent][0]:
                accepts, at = open_lists[indent]
                expected = min(accepts)
                yield Skip(index + 1, number, expected, at)
                # The next item may resume the sequence, whether the stray number was a wrapped line
                # (next is `expected`) or a real item misnumbered (next is `expected + 1`): one finding.
                accepted |= {expected, expected + 1}
            open_lists[indent] = (accepted, index + 1)
        elif blank_before or _BULLET.match(line) or (line.startswith("<") and indent == 0):
            # (A line of raw HTML at the margin, such as a comment, starts an HTML block: it ends the list.)
            # A paragraph after a blank line, or another list, ends every list not indented deeper
            # than it; a line right after an item (no blank) continues that item.
            for ended in [k for k in open_lists if k >= indent]:
                del open_lists[ended]
        blank_before = False
