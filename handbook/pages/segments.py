"""A page's translatable segments, at the source level: what a translator is offered.

Pure: Markdown source text in, an ordered list of :class:`Segment` out. Each segment knows its
kind, its exact span in the file (offsets, 1-based line and column), the headings it sits under,
and its text with inline markup turned into protected codes (:class:`Code`): links, images,
emphasis, code spans, footnote references, raw tags and attribute lists. Joining a segment's parts
(:func:`render`) gives back its span byte for byte, so a translated segment can be put back into
the page without touching anything around it.

The block grammar is the build's (mkdocs.yml): front matter ``title`` and ``description``, ATX
and setext headings, paragraphs, list items, table cells, ``/// name | Title`` blocks and legacy
``!!! name "Title"`` admonitions, footnote definitions, definition lists, block quotes and
abbreviation definitions. Code fences, snippet markers, HTML comments, reference definitions,
attribute-list lines and raw HTML lines are never offered. It agrees with
:mod:`handbook.pages.markdown`, the inventory the parity check compares: a translation that keeps
every code of every segment keeps its headings ids, blocks, tables, images and links.

Python-Markdown keeps no source positions, hence a scanner of its own here.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from handbook import frontmatter

# --- records -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Code:
    """Protected markup inside a segment. ``role`` is "ph" (standalone), "open" or "close"; an
    open and its close share an ``id``."""

    id: str
    role: str
    kind: str  # code, footnote, link, image, strong, em, html, attr, autolink, para (a paragraph number)
    data: str  # the Markdown it stands for


Part = str | Code


@dataclass(frozen=True)
class Segment:
    kind: str  # title, description, heading, paragraph, item, cell, block-title, footnote, quote, definition, abbr
    start: int  # offsets into the page text: text[start:end] == render(parts)
    end: int
    line: int
    col: int
    path: tuple[str, ...]  # the headings above it, outermost first
    parts: tuple[Part, ...]

    @property
    def source(self) -> str:
        return render(self.parts)

    @property
    def plain(self) -> str:
        """The words only (for term lookup, translation memories and leverage)."""
        return "".join(p for p in self.parts if isinstance(p, str))

    @property
    def codes(self) -> tuple[Code, ...]:
        return tuple(p for p in self.parts if isinstance(p, Code))


def render(parts: tuple[Part, ...] | list[Part]) -> str:
    return "".join(p if isinstance(p, str) else p.data for p in parts)


# --- inline codes --------------------------------------------------------------------------------

_BR = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*"  # bracket content (may wrap), one level of nesting
_DEST = r"(?:\((?:[^()\s\\]|\\.|\([^()\s]*\))*(?:[ \t]+(?:\"[^\"]*\"|'[^']*'))?\)|\[[^\]\n]*\])"
_ATTR = r"\{:?[ \t]*(?:[#.][^\s{}]+|[\w:-]+=(?:\"[^\"]*\"|'[^']*'|[^\s{}]+))(?:[ \t]+(?:[#.][^\s{}]+|[\w:-]+=(?:\"[^\"]*\"|'[^']*'|[^\s{}]+)))*[ \t]*\}"
_INLINE = re.compile(
    r"(?P<escape>\\[\\`*_{}\[\]()#+\-.!|<>~^=])"
    r"|(?P<code>(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<footnote>\[\^[^\]\s]+\])"
    r"|(?P<link>(?P<bang>!?)\[(?P<label>" + _BR + r")\](?P<dest>" + _DEST + r")(?P<lattr>" + _ATTR + r")?)"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<autolink><(?:https?://|mailto:)[^>\s]+>)"
    r"|(?P<html></?[A-Za-z][\w:-]*(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>)"
    r"|(?P<attr>" + _ATTR + r")"
    r"|(?P<para>\{¶\d+\})"  # a paragraph number (handbook.pages.paragraphs): kept as it is
    r"|(?P<strong>(?P<sd>\*\*|__)(?=\S)(?P<sbody>.+?)(?<=\S)(?P=sd))"
    r"|(?P<em>(?<![*\w\\])\*(?=[^\s*])(?P<ebody>(?:\*\*.+?\*\*|[^*])+?)(?<=[^\s*])\*(?!\*)"
    r"|(?<![\w\\])_(?=[^\s_])(?P<ubody>.+?)(?<=[^\s_])_(?!\w))",
    re.S)


def inline(text: str) -> tuple[Part, ...]:
    """``text`` as words and codes, ids numbered in order of appearance."""
    counter = [0]
    parts: list[Part] = []
    _scan(text, parts, counter)
    merged: list[Part] = []
    for part in parts:  # adjacent words are one string
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        elif part != "":
            merged.append(part)
    return tuple(merged)


def _next_id(counter: list[int]) -> str:
    counter[0] += 1
    return str(counter[0])


_MAX_DEPTH = 20  # links and emphasis nested deeper are left as text: a hostile page cannot exhaust the stack


def _scan(text: str, out: list[Part], counter: list[int], depth: int = 0) -> None:
    if depth > _MAX_DEPTH:
        out.append(text)
        return
    pos = 0
    for m in _INLINE.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        if m.group("escape"):
            out.append(m.group(0))  # an escaped character is text: the translator keeps or drops it
        elif m.group("code") or m.group("footnote") or m.group("comment") or m.group("autolink") \
                or m.group("html") or m.group("attr") or m.group("para"):
            kind = next(k for k in ("code", "footnote", "comment", "autolink", "html", "attr", "para") if m.group(k))
            out.append(Code(_next_id(counter), "ph", kind, m.group(0)))
        elif m.group("link"):
            kind = "image" if m.group("bang") else "link"
            ident = _next_id(counter)
            opener = m.group("bang") + "["
            closer = "]" + m.group("dest") + (m.group("lattr") or "")
            out.append(Code(ident, "open", kind, opener))
            _scan(m.group("label"), out, counter, depth + 1)
            out.append(Code(ident, "close", kind, closer))
        else:
            if m.group("strong"):
                kind, mark, body = "strong", m.group("sd"), m.group("sbody")
            else:
                body = m.group("ebody") if m.group("ebody") is not None else m.group("ubody")
                kind, mark = "em", m.group(0)[0]
            ident = _next_id(counter)
            out.append(Code(ident, "open", kind, mark))
            _scan(body, out, counter, depth + 1)
            out.append(Code(ident, "close", kind, mark))
    out.append(text[pos:])


# --- blocks --------------------------------------------------------------------------------------

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_ATX = re.compile(r"^([ ]{0,3}#{1,6}[ \t]+)(.*?)([ \t]+#+)?([ \t]*" + _ATTR + r")?[ \t]*$")
_SETEXT = re.compile(r"^[ ]{0,3}(=+|-+)[ \t]*$")
_BLOCK = re.compile(r"^([ \t]*///[ \t]*[^\s|/][^\s|]*[ \t]*\|[ \t]*)(.*?)[ \t]*$")
_BLOCK_ANY = re.compile(r"^[ \t]*///")
_LEGACY = re.compile(r"^([ \t]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*[ \t]+\")(.*)(\"[ \t]*)$")
_LEGACY_ANY = re.compile(r"^[ \t]*(?:!!!|\?\?\?)")
_ITEM = re.compile(r"^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)(\S.*)$")
_FOOTNOTE = re.compile(r"^([ ]{0,3}\[\^[^\]]+\]:[ \t]*)(\S.*)$")
_ABBR = re.compile(r"^([ ]{0,3}\*\[[^\]]+\]:[ \t]*)(\S.*)$")
_REFDEF = re.compile(r"^[ ]{0,3}\[[^\]^][^\]]*\]:")
_DEFINITION = re.compile(r"^([ ]{0,3}:[ \t]+)(\S.*)$")
_QUOTE = re.compile(r"^([ \t]*(?:>[ \t]?)+)(.*)$")
_RULE = re.compile(r"^[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_TAG_LINE = re.compile(r"^[ \t]*(?:</?[A-Za-z][^>]*>[ \t]*)+$")
_ATTR_LINE = re.compile(r"^[ \t]*(?:" + _ATTR + r"|\{¶\d+\})[ \t]*$")  # a table's number too
_SNIPPET = re.compile(r"^[ \t]*;?--8<--")
_TABLE_DELIM = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_OPTION = re.compile(r"^[ \t]+[\w-]+:")
_FM_KEY = re.compile(r"^(title|description)[ \t]*:[ \t]*")


def translatable(text: str) -> bool:
    """Worth offering: it has a letter (a cell holding '—' or '12' stays as it is)."""
    return any(unicodedata.category(ch).startswith("L") for ch in text)


class _Lines:
    def __init__(self, text: str):
        self.text = text
        self.raw = text.splitlines(keepends=True)
        self.starts = []
        offset = 0
        for line in self.raw:
            self.starts.append(offset)
            offset += len(line)
        self.content = [line.rstrip("\r\n") for line in self.raw]


class _Builder:
    def __init__(self, text: str):
        self.lines = _Lines(text)
        self.out: list[Segment] = []
        self.path: list[tuple[int, str]] = []  # (level, heading text)

    def add(self, kind: str, index: int, col0: int, end_index: int, end_col0: int) -> None:
        """A segment from line ``index`` column ``col0`` to line ``end_index`` column ``end_col0``
        (0-based, end exclusive)."""
        start = self.lines.starts[index] + col0
        end = self.lines.starts[end_index] + end_col0
        body = self.lines.text[start:end]
        # Trailing and leading blanks stay in the page, outside the segment.
        stripped = body.strip()
        if not stripped:
            return
        start += len(body) - len(body.lstrip())
        end -= len(body) - len(body.rstrip())
        body = self.lines.text[start:end]
        if not translatable(body):
            return
        parts = inline(body)
        if not translatable("".join(p for p in parts if isinstance(p, str))):
            return  # markup only (an image without alt, a lone code span)
        line = bisect.bisect_right(self.lines.starts, start)
        col = start - self.lines.starts[line - 1] + 1
        self.out.append(Segment(kind, start, end, line, col, tuple(t for _, t in self.path), parts))

    def close_sections(self, level: int) -> None:
        """Leave the sections a heading of ``level`` ends (before the heading is added: its path is
        its parents')."""
        while self.path and self.path[-1][0] >= level:
            self.path.pop()

    def heading(self, level: int, text: str) -> None:
        self.close_sections(level)
        self.path.append((level, " ".join(render([p for p in inline(text) if isinstance(p, str)]).split())))


def segments(text: str) -> list[Segment]:
    """The translatable segments of a page, in reading order."""
    b = _Builder(text)
    lines = b.lines.content
    body = _front_matter(b)
    _body(b, lines, body)
    return b.out


def _front_matter(b: _Builder) -> int:
    lines = b.lines.content
    if not frontmatter.opens_front_matter(lines):
        return 0
    end = frontmatter.closing_fence(lines)
    if end is None:
        return 0
    for index in range(1, end):
        m = _FM_KEY.match(lines[index])
        if not m:
            continue
        value_start = m.end()
        value = lines[index][value_start:].rstrip()
        if not value or value[0] in "|>&*!{[":
            continue  # block scalars, anchors, flow collections: not offered
        if value[0] in "\"'" and len(value) >= 2 and value[-1] == value[0]:
            b.add(m.group(1), index, value_start + 1, index, value_start + len(value) - 1)
        elif value[0] not in "\"'":
            comment = re.search(r"[ \t]+#", value)
            b.add(m.group(1), index, value_start, index, value_start + (comment.start() if comment else len(value)))
    return end + 1


def _body(b: _Builder, lines: list[str], start: int) -> None:
    index = start
    fence: str | None = None
    para: tuple[int, int] | None = None  # (first line, col) of the open paragraph
    last = -1  # last line of the open paragraph

    def flush() -> None:
        nonlocal para
        if para is not None:
            b.add("paragraph", para[0], para[1], last, len(lines[last]))
            para = None

    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if fence is not None:
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                fence = None
            index += 1
            continue
        m = _FENCE.match(line)
        if m and not (m.group(1)[0] == "`" and "`" in line[m.end():]):
            flush()
            fence = m.group(1)
            index += 1
            continue
        if not stripped:
            flush()
            index += 1
            continue
        if stripped.startswith("<!--") and not (para is not None and stripped.endswith("-->")):
            # A comment on its own line inside a paragraph (a linter pragma) is part of the paragraph,
            # as it is for Markdown; elsewhere it is a block of its own, never offered.
            flush()
            while index < len(lines) and "-->" not in lines[index]:
                index += 1
            index += 1
            continue
        if para is not None and _SETEXT.match(line):
            # 'Title' over '====' or '----': the paragraph was a heading
            level = 1 if stripped[0] == "=" else 2
            first, col = para
            para = None
            b.close_sections(level)
            b.add("heading", first, col, index - 1, len(lines[index - 1]))
            b.heading(level, " ".join(lines[i].strip() for i in range(first, index)))
            index += 1
            continue
        mark = len(b.out)
        handled = _block_line(b, lines, index)
        if handled is not None:
            added = b.out[mark:]  # the open paragraph comes first in reading order
            del b.out[mark:]
            flush()
            b.out.extend(added)
            index = handled
            continue
        if para is None:
            para = (index, len(line) - len(line.lstrip()))
        last = index
        index += 1
    flush()


def _block_line(b: _Builder, lines: list[str], index: int) -> int | None:
    """Handle a line that starts a construct of its own; the index of the next line to read, or
    None for a paragraph line."""
    line = lines[index]
    if _SNIPPET.match(line) or _REFDEF.match(line) or _ATTR_LINE.match(line) or _TAG_LINE.match(line) \
            or _RULE.match(line):
        return index + 1
    m = _ATX.match(line)
    if m and not line.lstrip().startswith("#!"):
        level = m.group(1).strip().count("#")
        b.close_sections(level)
        b.add("heading", index, len(m.group(1)), index, len(m.group(1)) + len(m.group(2)))
        b.heading(level, m.group(2))
        return index + 1
    if _BLOCK_ANY.match(line):
        m = _BLOCK.match(line)
        if m:
            b.add("block-title", index, len(m.group(1)), index, len(m.group(1)) + len(m.group(2)))
        index += 1
        while index < len(lines) and _OPTION.match(lines[index]):  # the block's YAML options
            index += 1
        return index
    if _LEGACY_ANY.match(line):
        m = _LEGACY.match(line)
        if m:
            b.add("block-title", index, len(m.group(1)), index, len(m.group(1)) + len(m.group(2)))
        return index + 1
    if index + 1 < len(lines) and "|" in line and _TABLE_DELIM.match(lines[index + 1]) and "-" in lines[index + 1]:
        return _table(b, lines, index)
    for pattern, kind in ((_FOOTNOTE, "footnote"), (_ABBR, "abbr"), (_DEFINITION, "definition"), (_ITEM, "item")):
        m = pattern.match(line)
        if m:
            return _continued(b, lines, index, len(m.group(1)), kind)
    m = _QUOTE.match(line)
    if m:
        b.add("quote", index, len(m.group(1)), index, len(line))
        return index + 1
    return None


def _continued(b: _Builder, lines: list[str], index: int, col: int, kind: str) -> int:
    """A list item, footnote or definition with its lazy continuation lines."""
    end = index + 1
    while end < len(lines) and lines[end].strip() and not _starts_block(lines, end):
        end += 1
    b.add(kind, index, col, end - 1, len(lines[end - 1]))
    return end


def _starts_block(lines: list[str], index: int) -> bool:
    line = lines[index]
    return bool(_ITEM.match(line) or _FOOTNOTE.match(line) or _ABBR.match(line) or _DEFINITION.match(line)
                or _ATX.match(line) or _BLOCK_ANY.match(line) or _LEGACY_ANY.match(line) or _FENCE.match(line)
                or _QUOTE.match(line) or _SNIPPET.match(line) or _TAG_LINE.match(line) or _ATTR_LINE.match(line)
                or _REFDEF.match(line) or line.lstrip().startswith(("|", "<!--")))


def _table(b: _Builder, lines: list[str], index: int) -> int:
    end = index
    while end < len(lines) and "|" in lines[end] and lines[end].strip():
        if end != index + 1:  # the delimiter row holds no text
            for start, stop in _cells(lines[end]):
                b.add("cell", end, start, end, stop)
        end += 1
    return end


def _cells(line: str) -> list[tuple[int, int]]:
    """Column spans of a table row's cells: pipes inside code spans or escaped do not split."""
    masked = re.sub(r"(`+).+?\1", lambda m: " " * len(m.group(0)), line)
    masked = masked.replace("\\|", "  ")
    bounds = [i for i, ch in enumerate(masked) if ch == "|"]
    stripped = masked.strip()
    edges = ([-1] if not stripped.startswith("|") else []) + bounds + ([len(line)] if not stripped.endswith("|") else [])
    return [(edges[i] + 1, edges[i + 1]) for i in range(len(edges) - 1)]
