"""The prose of a Markdown page, position for position.

:func:`scannable` returns a string exactly as long as the page (lowercased), in which everything
that is not prose is replaced by ``BARRIER``, a character no term can span: code (fenced,
indented, inline), URLs and link destinations, HTML comments and tags, attribute lists, snippet
lines, front matter other than ``title`` and ``description``. Newlines are kept, so a match at
offset *i* is at offset *i* in the file and line/column need no mapping (except where Arabic vowel
marks are removed, which :class:`Scannable` maps back).

Inline markup between words (``**child** pornography``) is left in place: the term patterns
accept it in the gap between two words (see :data:`handbook.terms.inflect.GAP`), while table
borders and backticks are not in the gap, so a term never spans two cells. :func:`prose` also
blanks that markup, for reading the result.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from handbook.terms.inflect import HAMZA_ALEF

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
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK_DEST = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
_LINK_REF = re.compile(r"\]\[[^\]\n]*\]")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]:?")
_URL = re.compile(r"(?:https?|ftp|file)://[^\s<>\"'`)\]]+|www\.[^\s<>\"'`)\]]+")
_URL_TAIL = re.compile(r"[^\s<>\"'`)\]]+")
_ATTR_LIST = re.compile(r"\{:?[ \t]*[#.:][^{}\n]*\}|\{[^{}\n]*=[^{}\n]*\}")
_ADMONITION = re.compile(r"/{3,}[ \t]*[\w-]*[ \t]*\|?")
_SNIPPET = re.compile(r"^[ \t]*-{1,}8<-{1,}.*$", re.M)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
# For prose(): markup between words becomes a space; table borders become barriers.
_MARKUP_SPACE = re.compile(r"[*_\[\]#>\\~=]")
_MARKUP_BARRIER = re.compile(r"[|`]")
# Hamza forms of alef, unified in scanned Arabic text (one constant-replacement regex).
_HAMZA_ALEF = re.compile("[" + "".join(map(chr, HAMZA_ALEF)) + "]")
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")


def _blank(text: str, fill: str = BARRIER) -> str:
    if "\n" not in text:
        return fill * len(text)
    return "\n".join(fill * len(part) for part in text.split("\n"))


def _sub(pattern: re.Pattern[str], text: str, fill: str = BARRIER) -> str:
    return pattern.sub(lambda m: _blank(m.group(), fill), text)


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
    return _markup(_prose(text)[0])


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
# in a code span stays code; the filler is a barrier, except for entities (&nbsp; separates words).
_INLINE = (
    ("`", _CODE_SPAN, BARRIER), ("<", _AUTOLINK, BARRIER), ("](", _LINK_DEST, BARRIER),
    ("][", _LINK_REF, BARRIER), ("[^", _FOOTNOTE_REF, BARRIER), ("<", _HTML_TAG, BARRIER),
    ("{", _ATTR_LIST, BARRIER), ("&", _ENTITY, " "), ("8<", _SNIPPET, BARRIER), ("]:", _REF_DEF, BARRIER),
)


def _prose(text: str) -> tuple[str, list[tuple[int, int]]]:
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
        text = _sub(_COMMENT, text)
    for needle, pattern, fill in _INLINE[1:]:
        if needle in text:
            text = _sub(pattern, text, fill)
    if "://" in text or "www." in text:
        text = _urls(text)
    if "///" in text:
        text = _admonitions(text)
    return text, comments


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
    removed: tuple[int, ...] = ()     # scan offsets at which removed marks sat (see page_offset)

    def page_offset(self, i: int) -> int:
        """The page offset of scan offset ``i`` (they differ only where Arabic marks were removed)."""
        return i + bisect_right(self.removed, i) if self.removed else i


def scannable(text: str, lang: str) -> Scannable:
    """The prose of a page, lowercased for matching; in Arabic, hamza forms of alef are unified,
    and vowel marks and tatweel removed (and mapped back by :meth:`Scannable.page_offset`)."""
    masked, comments = _prose(text)
    # Inline markup (emphasis, brackets) stays: the term patterns read it as part of the gap
    # between words, which spares a pass over every page. Only "_" is replaced.
    masked = _lower(masked)
    if "_" in masked:  # "_" is a word character to the regex engine: as markup, it separates words
        masked = masked.replace("_", " ")
    if lang == "ar":
        masked = _HAMZA_ALEF.sub("ا", masked)
    if lang == "ar" and _ARABIC_MARKS.search(masked):
        # The k-th removed mark at page offset p would have sat at scan offset p - k.
        removed = tuple(m.start() - k for k, m in enumerate(_ARABIC_MARKS.finditer(masked)))
        return Scannable(_ARABIC_MARKS.sub("", masked), comments, removed)
    return Scannable(masked, comments)


class LineIndex:
    """Offset -> (line, column), both 1-based. Counted on demand: most pages have no finding, and
    building a table of line starts would cost more than the few look-ups a page needs."""

    def __init__(self, text: str):
        self.text = text

    def position(self, offset: int) -> tuple[int, int]:
        return self.text.count("\n", 0, offset) + 1, offset - self.text.rfind("\n", 0, offset)
