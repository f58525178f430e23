"""Citable paragraph numbers: every paragraph and list item of a chapter, and each table as a
whole, carries a number that is stored in its source and never changes.

The notation is ``{¶12}`` at the end of the block's last line of text; a table's number stands
alone, as its own paragraph, right after the table (attr_list can put an id on neither a table
nor, on the same line, a list item, so the handbook has a notation of its own, the same for every
block). Numbers are assigned once, in the English page, by ``handbook paragraphs number``:

- a new block gets the next number after the page's ``last_paragraph`` (front matter), so adding a
  paragraph renumbers nothing and a removed number is never given again;
- a translation carries the numbers of its English page, block for block (the same command copies
  them by structure), so "4.12" names the same passage in every language.

The web and the PDF show ``4.12`` (chapter 4, paragraph 12) in the margin, with the anchor
``#p4-12`` (handbook.mdext.paragraph_numbers). This module is pure: text in, blocks out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handbook import frontmatter

LAST_KEY = "last_paragraph"  # front matter of an English chapter: the highest number ever assigned
MARK = re.compile(r"[ \t]*\{¶(\d+)\}[ \t]*$")  # at the end of a line
ALONE = re.compile(r"^[ \t]*\{¶(\d+)\}[ \t]*$")  # a table's number, on a line of its own

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
_FOOTNOTE = re.compile(r"^[ \t]*\[\^[^\]]+\]:")
_ITEM = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+\S")
_SKIPPED = re.compile(r"^[ \t]*(#{1,6}[ \t]|#{1,6}$|///|!!!|\?\?\?|\[\^[^\]]+\]:|\*\[[^\]]+\]:|\[[^\]]+\]:[ \t]"
                      r"|-{2,}8<-{2,}|;--8<--|\{:?[ \t]*[#.]|<|[=-]{3,}[ \t]*$)")


@dataclass(frozen=True)
class Block:
    kind: str          # paragraph, item or table
    line: int          # 1-based first line
    end: int           # 1-based line that holds (or would hold) its number: the last line of its text
    number: int | None  # its stored number, None when it has none yet
    mark_line: int | None = None  # 1-based line of its number (a table's is a line of its own)


def blocks(text: str) -> list[Block]:
    """The numbered blocks of a page, in order, with the numbers they carry."""
    lines = text.split("\n")
    start = frontmatter.closing_fence(lines) + 1 if frontmatter.opens_front_matter(lines) else 0
    if start == 0 and frontmatter.opens_front_matter(lines):
        return []
    found: list[Block] = []
    i, fence, comment, footnote = start, None, False, False
    current: list[int] = []  # line indexes of the block being read
    kind = ""

    def close() -> None:
        nonlocal current, kind
        if current:
            found.append(_block(kind, current, lines))
        current, kind = [], ""

    while i < len(lines):
        line = lines[i]
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            i += 1
            continue
        if comment:
            comment = "-->" not in line
            i += 1
            continue
        opened = _FENCE.match(line)
        if opened:
            close()
            fence = opened.group(1)[0] * 3
            i += 1
            continue
        if line.lstrip().startswith("<!--"):  # a comment inside a paragraph stays in it (Python-Markdown)
            if kind == "table" or not current:
                close()
            comment = "-->" not in line
            i += 1
            continue
        if not line.strip():
            close()
            i += 1
            continue
        if footnote and line.startswith(("    ", "\t")):  # a footnote's own paragraphs: not numbered
            i += 1
            continue
        footnote = bool(_FOOTNOTE.match(line))
        if _SETEXT.match(line) and current and kind == "paragraph":  # the lines above were a heading
            current, kind = [], ""
            i += 1
            continue
        if ALONE.match(line) and not current and found and found[-1].kind == "table" and found[-1].number is None:
            number = int(ALONE.match(line).group(1))
            found[-1] = Block("table", found[-1].line, found[-1].end, number, i + 1)
            i += 1
            continue
        if _SKIPPED.match(line) and not (current and kind == "paragraph" and line.lstrip().startswith("<")):
            close()
            i += 1
            continue
        is_row = line.lstrip().startswith("|")
        if is_row:
            if kind != "table":
                close()
                kind = "table"
            current.append(i)
            i += 1
            continue
        if kind == "table":
            close()
        if _ITEM.match(line):
            close()
            kind = "item"
            current.append(i)
            i += 1
            continue
        if not current:
            kind = "paragraph"
        current.append(i)
        i += 1
    close()
    return found


def _block(kind: str, indexes: list[int], lines: list[str]) -> Block:
    last = indexes[-1]
    if kind == "table":
        return Block(kind, indexes[0] + 1, last + 1, None)
    mark = MARK.search(lines[last])
    return Block(kind, indexes[0] + 1, last + 1, int(mark.group(1)) if mark else None,
                 last + 1 if mark else None)


def numbers(text: str) -> list[int | None]:
    return [b.number for b in blocks(text)]


def strip_marks(text: str) -> str:
    """The text without its paragraph numbers (what a translator translates): a table's number goes
    with the blank line that sets it apart."""
    kept: list[str] = []
    for line in text.split("\n"):
        if ALONE.match(line):
            if kept and not kept[-1].strip():
                kept.pop()
            continue
        kept.append(MARK.sub("", line))
    return "\n".join(kept)


def with_numbers(text: str, assigned: dict[int, int]) -> str:
    """``text`` with the number ``assigned[i]`` added to its i-th block (0-based), which has none."""
    lines = text.split("\n")
    found = blocks(text)
    inserts: list[tuple[int, str]] = []
    for index, number in assigned.items():
        block = found[index]
        if block.number is not None:
            raise ValueError(f"block {index} already has number {block.number}")
        if block.kind == "table":
            inserts.append((block.end, f"\n{{¶{number}}}"))
        else:
            lines[block.end - 1] = lines[block.end - 1].rstrip() + f" {{¶{number}}}"
    for at, extra in sorted(inserts, reverse=True):
        lines.insert(at, extra)
    return "\n".join(lines)


def number_english(text: str, last: int) -> tuple[str, int]:
    """Give every block without a number the next one after ``last``; the new text and new last."""
    assigned = {}
    for index, block in enumerate(blocks(text)):
        if block.number is None:
            last += 1
            assigned[index] = last
    return (with_numbers(text, assigned) if assigned else text), last


def copy_numbers(english: str, translation: str) -> str | None:
    """The translation with the English page's numbers on its blocks, matched by structure (the
    same sequence of paragraphs, items and tables); None when the structures differ."""
    source, target = blocks(english), blocks(translation)
    if [b.kind for b in source] != [b.kind for b in target]:
        return None
    assigned = {}
    for index, (mine, theirs) in enumerate(zip(target, source)):
        if mine.number is None and theirs.number is not None:
            assigned[index] = theirs.number
        elif mine.number is not None and mine.number != theirs.number:
            return None
    return with_numbers(translation, assigned) if assigned else translation
