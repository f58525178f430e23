"""The prose of a Markdown page, as a reader sees it, with the way back to each position.

The page is first masked, position for position: everything that is not prose is replaced by
``BARRIER``, a character no term can span: code (fenced, indented, inline), URLs, HTML comments
and block tags, attribute lists, snippet lines, front matter other than ``title`` and
``description``. Markup that shows nothing and does not separate two words (link destinations,
inline tags such as ``<b>`` or ``<span>``) is marked ``DROP`` instead. Text that a reader sees
beside the prose (link and image titles, ``alt`` and ``title`` attributes) is collected as
*asides*, appended after the page.

:func:`scannable` then rewrites the masked text into what the browser shows
(:mod:`handbook.terms.visible`: entities decoded, invisible characters and dropped markup
removed, accents composed, look-alike letters of mixed-script words read as Latin), lowercases
it, and in Arabic removes vowel marks. Every pass that changes lengths records its edits, which
:class:`Scannable` follows back to the page's line and column.

Inline markup between words (``**child** pornography``) is left in place: the term patterns
accept it in the gap between two words (see :data:`handbook.terms.inflect.GAP`), while table
borders and backticks are not in the gap, so a term never spans two cells. :func:`prose` also
blanks that markup, for reading the result.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from handbook.terms import visible
from handbook.terms.inflect import HAMZA_ALEF
from handbook.terms.visible import DROP

BARRIER = "\x01"

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_KEEP = re.compile(r"^(title|description)[ \t]*:[ \t]*(['\"]?)(.*?)\2[ \t]*$", re.M)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_INDENTED = re.compile(r"(?:^(?:\t| {4,}).*\n?)+", re.M)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]")
# Code spans: runs of two or more backticks, then single backticks (the common case, matched
# without the per-character backreference test, which made one combined pattern 15 times slower).
_CODE_SPAN_MULTI = re.compile(r"(?P<ticks>``+)(?!`).+?(?<!`)(?P=ticks)(?!`)", re.S)
_CODE_SPAN = re.compile(r"`(?<!``)[^`]+`(?!`)")
_AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]*:|mailto:)[^>\s]*>")
_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
# Text a reader sees in a tag: the alt text of an image and the title (tooltip) of any element.
_TAG_TEXT = re.compile(r"""[\s/](?:alt|title)[ \t\n]*=[ \t\n]*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
# Phrasing elements that show nothing of their own and do not separate words: "por<b></b>nography"
# reads "pornography". Any other tag (a paragraph, a cell, an image, code) is a barrier.
_INLINE_TAGS = frozenset("a abbr b bdi bdo big br cite data del dfn em font i ins kbd mark nobr s samp small "
                         "span strike strong sub sup time tt u var wbr".split())
# A link destination, and its title (a tooltip, which readers see): group 1, 2 or 3.
_LINK_DEST = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"([^\"]*)\"|'([^']*)'|\(([^)]*)\)))?\s*\)")
_LINK_REF = re.compile(r"\]\[[^\]\n]*\]")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+(?:[ \t]+(?:\"([^\"\n]*)\"|'([^'\n]*)'|\(([^)\n]*)\)))?.*$",
                      re.M)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]:?")
_URL = re.compile(r"(?:https?|ftp|file)://[^\s<>\"'`)\]]+|www\.[^\s<>\"'`)\]]+")
_URL_TAIL = re.compile(r"[^\s<>\"'`)\]]+")
_ATTR_LIST = re.compile(r"\{:?[ \t]*[#.:][^{}\n]*\}|\{[^{}\n]*=[^{}\n]*\}")
_ADMONITION = re.compile(r"/{3,}[ \t]*[\w-]*[ \t]*\|?")
_SNIPPET = re.compile(r"^[ \t]*-{1,}8<-{1,}.*$", re.M)
# For prose(): markup between words becomes a space; table borders become barriers.
_MARKUP_SPACE = re.compile(r"[*_\[\]#>\\~=]")
_MARKUP_BARRIER = re.compile(r"[|`]")
# Hamza forms of alef, unified in scanned Arabic text (one constant-replacement regex).
_HAMZA_ALEF = re.compile("[" + "".join(map(chr, HAMZA_ALEF)) + "]")
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_ARABIC_MARKS_RUN = re.compile("[\u064b-\u0652\u0670\u0640]+")


def _blank(text: str, fill: str = BARRIER) -> str:
    if "\n" not in text:
        return fill * len(text)
    return "\n".join(fill * len(part) for part in text.split("\n"))


Asides = list[tuple[int, str]]  # (page offset, text) of titles and alt texts
Fill = str | Callable[[re.Match[str], Asides], str]


def _sub(pattern: re.Pattern[str], text: str, fill: Fill = BARRIER, asides: Asides | None = None) -> str:
    if callable(fill):
        return pattern.sub(lambda m: fill(m, asides if asides is not None else []), text)
    return pattern.sub(lambda m: _blank(m.group(), fill), text)


def _titled(fill: str) -> Callable[[re.Match[str], Asides], str]:
    """Blank a match with ``fill``; its title (group 1, 2 or 3) is a tooltip: an aside."""
    def blank(m: re.Match[str], asides: Asides) -> str:
        for g in (1, 2, 3):
            if m.group(g):
                asides.append((m.start(g), m.group(g)))
        return _blank(m.group(), fill)
    return blank


def _tag(m: re.Match[str], asides: Asides) -> str:
    """An HTML tag: dropped if inline, else a barrier; its alt and title texts are asides."""
    for t in _TAG_TEXT.finditer(m.group()):
        for g in (1, 2, 3):
            if t.group(g):
                asides.append((m.start() + t.start(g), t.group(g)))
    return _blank(m.group(), DROP if m.group(1).lower() in _INLINE_TAGS else BARRIER)


def _append_asides(masked: str, asides: Asides) -> tuple[str, visible.Edits]:
    """The masked page, then each aside after a barrier; each aside character maps back to its
    own page offset (the barrier before an aside, to the aside's first character)."""
    parts, spans, size = [masked], [], len(masked)
    for offset, aside in asides:
        parts.append(BARRIER + aside)
        spans.append((size, size + 1, offset, offset + 1))
        spans += [(size + 1 + k, size + 2 + k, offset + k, offset + k + 1) for k in range(len(aside))]
        size += 1 + len(aside)
    return "".join(parts), visible.Edits(tuple(s[0] for s in spans), tuple(spans))


def _front_matter(text: str) -> str:
    match = _FRONT.match(text)
    if not match:
        return text
    block = match.group(0)
    kept = [BARRIER if ch != "\n" else "\n" for ch in block]
    body_start = match.start(1) if match.group(1) is not None else len(block)
    for field in _FRONT_KEEP.finditer(match.group(1) or ""):
        start = body_start + field.start(3)
        kept[start:start + len(field.group(3))] = field.group(3)
    return "".join(kept) + text[match.end():]


def _fence_lines(text: str) -> list[tuple[int, int, str, str]]:
    """Lines that open or close a fence: (line start, line end, marker, info string)."""
    found = []
    for needle in ("```", "~~~"):
        i = text.find(needle)
        while i != -1:
            begin = text.rfind("\n", 0, i) + 1
            end = text.find("\n", i)
            end = len(text) if end == -1 else end
            if not text[begin:i].strip(" \t>"):
                run = len(text[i:end]) - len(text[i:end].lstrip(needle[0]))
                found.append((begin, end, needle[0] * run, text[i + run:end]))
            i = text.find(needle, end) if end < len(text) else -1
    return sorted(found)


def _fences(text: str) -> str:
    """Blank fenced code blocks (``` and ~~~, also inside lists and quotes); an unclosed fence runs to the end."""
    if "```" not in text and "~~~" not in text:
        return text
    out, pos, opened = [], 0, None
    for begin, end, marker, info in _fence_lines(text):
        if opened is None:
            opened = (begin, marker)
            continue
        if marker[0] == opened[1][0] and len(marker) >= len(opened[1]) and not info.strip():
            out += [text[pos:opened[0]], _blank(text[opened[0]:end])]
            pos, opened = end, None
    if opened is not None:
        out += [text[pos:opened[0]], _blank(text[opened[0]:])]
        pos = len(text)
    out.append(text[pos:])
    return "".join(out)


def _owner_line(text: str, start: int) -> str:
    """The nearest line above ``start`` that is neither blank nor indented."""
    end = start
    while end > 0:
        begin = text.rfind("\n", 0, end - 1) + 1
        line = text[begin:end - 1] if text[end - 1] == "\n" else text[begin:end]
        if line.strip() and not line.startswith(("    ", "\t")):
            return line
        end = begin
    return ""


def _indented_code(text: str) -> str:
    """Blank indented code blocks: indented lines after a blank line that do not continue a list."""
    if "\n    " not in text and "\n\t" not in text:
        return text
    chars = None
    for match in _INDENTED.finditer(text):
        start = match.start()
        head = text[max(0, start - 2):start]
        if start and head != "\n\n" and text[max(0, start - 40):start].rstrip(" \t")[-2:] != "\n\n":
            continue  # a continuation line of a paragraph or list item
        if _LIST_ITEM.match(_owner_line(text, start)):
            continue  # list content, indented by four spaces in Python-Markdown
        if chars is None:
            chars = list(text)
        chars[match.start():match.end()] = _blank(match.group())
    return text if chars is None else "".join(chars)


def _admonitions(text: str) -> str:
    """Blank the ``/// type |`` of admonition lines (the title stays: readers see it). The regex
    starts with a literal, so it is searched fast; the line start is checked here."""
    def repl(m: re.Match[str]) -> str:
        start = text.rfind("\n", 0, m.start()) + 1
        if text[start:m.start()].strip(" \t"):
            return m.group()
        return " " * len(m.group())
    return _ADMONITION.sub(repl, text)


def prose(text: str) -> str:
    """``text`` with everything but prose blanked, same length, same line breaks."""
    return _markup(_prose(text)[0]).replace(DROP, " ")


_MARKUP_TABLE = str.maketrans({**{c: " " for c in "*_[]#>\\~="}, "|": BARRIER, "`": BARRIER})


def _markup(text: str) -> str:
    if text.isascii():  # str.translate has a fast path for ASCII text only
        return text.translate(_MARKUP_TABLE)
    text = _MARKUP_SPACE.sub(" ", text)
    return _MARKUP_BARRIER.sub(BARRIER, text)


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few letters lowercase to two characters (U+0130)
        low = "".join(ch.lower()[0] for ch in text)
    return low


# Inline constructs that are not prose, blanked in this order (each pass is a fast literal-prefixed
# scan; one combined alternation was four times slower). Code goes first, so that a comment shown
# in a code span stays code. Link destinations and references show nothing between the words
# around them: dropped. Entities are decoded later (visible).
_INLINE: tuple[tuple[str, re.Pattern[str], Fill], ...] = (
    ("`", _CODE_SPAN, BARRIER), ("<", _AUTOLINK, BARRIER), ("](", _LINK_DEST, _titled(DROP)),
    ("][", _LINK_REF, DROP), ("[^", _FOOTNOTE_REF, BARRIER), ("<", _HTML_TAG, _tag),
    ("{", _ATTR_LIST, BARRIER), ("8<", _SNIPPET, BARRIER), ("]:", _REF_DEF, _titled(BARRIER)),
)


def _prose(text: str) -> tuple[str, list[tuple[int, int]], Asides]:
    text = _front_matter(text)
    text = _fences(text)
    text = _indented_code(text)
    if "``" in text:
        text = _sub(_CODE_SPAN_MULTI, text)
    if "`" in text:
        text = _sub(_CODE_SPAN, text)
    # Comments are found after code is blanked, so a comment shown in code is not a comment.
    comments: list[tuple[int, int]] = []
    if "<!--" in text:
        comments = [m.span() for m in _COMMENT.finditer(text)]
        text = _sub(_COMMENT, text, DROP)  # a comment shows nothing, even inside a word
    asides: Asides = []
    for needle, pattern, fill in _INLINE[1:]:
        if needle in text:
            text = _sub(pattern, text, fill, asides)
    if "://" in text or "www." in text:
        text = _urls(text)
    if "///" in text:
        text = _admonitions(text)
    return text, comments, asides


def _urls(text: str) -> str:
    """Blank bare URLs. Found from their literal "://" or "www." (a regex starting with a letter
    class would be tried at every letter of the page)."""
    spans = []
    for needle in ("://", "www."):
        i = text.find(needle)
        while i != -1:
            start = i
            if needle == "://":
                while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
                    start -= 1
            tail = _URL_TAIL.match(text, i)
            end = tail.end() if tail else i + len(needle)
            if start < i or needle == "www.":
                spans.append((start, end))
            i = text.find(needle, end)
    if not spans:
        return text
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            start = pos
        if start >= end:
            continue
        out += [text[pos:start], BARRIER * (end - start)]
        pos = end
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True)
class Scannable:
    """The text the matcher reads, and how to map its offsets back to the page."""

    text: str
    comments: list[tuple[int, int]]  # page spans of HTML comments outside code
    edits: tuple[visible.Edits, ...] = ()  # of each rewrite from the page to ``text``, in order

    def page_offset(self, i: int) -> int:
        """The page offset of scan offset ``i``: where the character it comes from starts."""
        for edits in reversed(self.edits):
            i = edits.back(i)[0]
        return i

    def page_span(self, start: int, end: int) -> tuple[int, int]:
        """The page span of the scanned text ``[start, end)``: from the start of what its first
        character comes from to the end of what its last comes from (an entity, say, whole)."""
        if end <= start:
            return self.page_offset(start), self.page_offset(start)
        last = end - 1
        for edits in reversed(self.edits):
            start, last = edits.back(start)[0], edits.back(last)[1] - 1
        return start, last + 1


def scannable(text: str, lang: str) -> Scannable:
    """The prose of a page as a reader sees it (see :mod:`handbook.terms.visible`), its asides
    after it, lowercased for matching; wherever Arabic letters occur, hamza forms of alef are
    unified, and vowel marks and tatweel removed (``lang`` no longer changes anything: what is
    rewritten follows the script). :meth:`Scannable.page_offset` maps every offset back to the page."""
    masked, comments, asides = _prose(text)
    edits: list[visible.Edits] = []
    if asides:
        masked, appended = _append_asides(masked, asides)
        edits.append(appended)
    masked, rendered = visible.render(masked)
    edits += rendered
    # Inline markup (emphasis, brackets) stays: the term patterns read it as part of the gap
    # between words, which spares a pass over every page. Only "_" is replaced.
    masked = _lower(masked)
    if "_" in masked:  # "_" is a word character to the regex engine: as markup, it separates words
        masked = masked.replace("_", " ")
    # Arabic letter variants and vowel marks, wherever Arabic letters are (the script, not the
    # page's language): the term patterns are written without them.
    masked = _HAMZA_ALEF.sub("ا", masked)
    if _ARABIC_MARKS.search(masked):
        masked, marks = visible.delete(_ARABIC_MARKS_RUN, masked)
        edits.append(marks)
    return Scannable(masked, comments, tuple(edits))


class LineIndex:
    """Offset -> (line, column), both 1-based. Counted on demand: most pages have no finding, and
    building a table of line starts would cost more than the few look-ups a page needs."""

    def __init__(self, text: str):
        self.text = text

    def position(self, offset: int) -> tuple[int, int]:
        return self.text.count("\n", 0, offset) + 1, offset - self.text.rfind("\n", 0, offset)
