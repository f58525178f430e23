"""Every tag a browser could see in a piece of HTML, with its attributes, read the way a browser reads them.

Python's html.parser is not a safe judge of what a browser runs: before 3.13 it reads ``<!-->``,
``--!>`` and ``<![CDATA[`` differently from browsers, so ``<!--><script>`` looks like a comment
to it and runs in a browser. This scanner follows the HTML tokenizer's rules for one tag (tag
name up to whitespace, ``/`` or ``>``; attribute names; quoted and unquoted values) and reads a tag
at EVERY ``<`` followed by a letter, independently of the others. It does not decide what is a
comment, raw text or an attribute value. So it reports a superset of the tags a browser creates:
a tag written inside a comment or an attribute value is reported too, a tag a browser creates is
never missed. That is the right way round for a safety check.

A neutral module: the markup-safety check (handbook.check) and the Content-Security-Policy step
of the build (handbook.site.csp) both read tags with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_WS = "\\t\\n\\f\\r "
_NAME = rf"[^{_WS}/>][^{_WS}/>=]*"  # an attribute name may start with '='
_VALUE = rf"""(?:"[^"]*"?|'[^']*'?|[^{_WS}>]*)"""  # an unclosed quote runs to the end of the input
_ATTR = rf"[{_WS}/]*{_NAME}(?:[{_WS}]*=[{_WS}]*{_VALUE})?"
# A lookahead, so a tag is read at every '<', even one that lies inside another tag's attribute.
_TAG = re.compile(rf"(?=<(/?)([A-Za-z][^{_WS}/>]*)((?:{_ATTR})*))")
_ATTR_PART = re.compile(rf"[{_WS}/]*({_NAME})(?:[{_WS}]*=[{_WS}]*({_VALUE}))?")


@dataclass(frozen=True)
class Tag:
    offset: int  # of the '<'
    name: str  # ASCII lower case, as browsers compare it
    attrs: tuple[tuple[str, str, int], ...]  # (name in lower case, value without quotes, offset of the name)
    closing: bool


def _lower(text: str) -> str:
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _unquote(value: str | None) -> str:
    if not value:
        return ""
    if value[0] in "\"'":
        return value[1:-1] if len(value) > 1 and value[-1] == value[0] else value[1:]
    return value


def heads(html: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The raw tag matches of :func:`tags`, attributes not yet read: group 1 is '/' for a closing
    tag, group 2 the name as written, group 3 the attribute text (read it with :func:`attributes`).
    For callers that look at few tags' attributes (the CSP check of every built page)."""
    stop = len(html) if end is None else end
    text = html if end is None else html[:stop]
    return _TAG.finditer(text, start)


def heads_named(html: str, names: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """The matches of :func:`heads` (opening and closing) whose tag name is one of ``names`` (lower
    case), in order, found without reading every tag of the page: a quick search finds each '<name'
    or '</name' followed by what ends a name, and the tag is read there as :func:`heads` reads it."""
    for m in _named(names).finditer(html):
        head = _TAG.match(html, m.start())
        if head is not None and name_of(head) in names:  # re.I also matches some non-ASCII letters
            yield head


@lru_cache(maxsize=16)
def _named(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"</?(?:{'|'.join(re.escape(n) for n in names)})(?=[{_WS}/>]|$)", re.I)


def name_of(head: re.Match[str]) -> str:
    return _lower(head.group(2))


def attributes(head: re.Match[str]) -> tuple[tuple[str, str, int], ...]:
    """The attributes of a tag match from :func:`heads`, as :attr:`Tag.attrs`."""
    base = head.start(3)
    return tuple((_lower(a.group(1)), _unquote(a.group(2)), base + a.start(1))
                 for a in _ATTR_PART.finditer(head.group(3)))


# An attribute name is preceded by whitespace, '/' or the closing quote of the previous value
# (never by a letter: names and unquoted values run up to whitespace or '>'), so a tag can have an
# on* attribute only where its attribute text holds one of these.
_HANDLER_HINT = re.compile(r"[\t\n\f\r /\"']on", re.I)


def may_have_handler(text: str) -> bool:
    """False when no tag of ``text`` (or of a tag's attribute text) can have an on* attribute."""
    return _HANDLER_HINT.search(text) is not None


def tags(html: str, start: int = 0, end: int | None = None) -> Iterator[Tag]:
    """Tags of ``html[start:end]`` (offsets are into ``html``)."""
    for m in heads(html, start, end):
        yield Tag(m.start(), _lower(m.group(2)), attributes(m), bool(m.group(1)))
