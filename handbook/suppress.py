"""The one suppression engine: the comment syntax and what a comment silences, for every linter.

    <!-- PREFIX: disable-next-line CODE -- reason -->
    <!-- PREFIX: disable CODE -- reason -->  ...  <!-- PREFIX: enable CODE -->
    <!-- PREFIX: disable-file CODE -- reason -->

Each linter has its prefix (``check``, ``terms``), decides which codes a comment may name, and
reports the problems this module finds under its own codes (CHK003 or TERM012). An ``enable``
with no open ``disable`` of the same code is a problem (a stray comment): it usually means the
``disable`` names another code or was deleted, so the author believes a range is silenced that
is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from handbook.diagnostics import Diagnostic

KINDS = ("disable-next-line", "disable", "enable", "disable-file")
_BODY = re.compile(r"^\s*(\S+)\s*(.*?)\s*(?:--\s*(.*?))?\s*$", re.S)
_PATTERNS: dict[str, re.Pattern[str]] = {}


@dataclass(frozen=True)
class Pragma:
    """A suppression comment as written: ``kind`` may be unknown (the linter reports it)."""

    kind: str
    tokens: tuple[str, ...]  # the rules named, as written (codes or names)
    reason: str              # '' when none


def read(prefix: str, comment: str) -> Pragma | None:
    """The pragma of one HTML comment (``<!-- ... -->``), or None when it is not a ``prefix:``
    comment (ordinary comments, and other linters' comments, are left alone)."""
    pattern = _PATTERNS.setdefault(prefix, re.compile(rf"<!--\s*{re.escape(prefix)}\s*:(.*?)-->", re.S))
    match = pattern.fullmatch(comment)
    if match is None:
        return None
    body = _BODY.match(match.group(1))
    if body is None:  # an empty comment body
        return Pragma("", (), "")
    tokens = tuple(t for t in re.split(r"[\s,]+", body.group(2)) if t)
    return Pragma(body.group(1), tokens, (body.group(3) or "").strip())


@dataclass(frozen=True)
class Directive:
    """A valid suppression comment of a page, its rules resolved to codes."""

    kind: str
    codes: tuple[str, ...]
    line: int      # first line of the comment
    end_line: int  # last line (disable-next-line silences end_line + 1)
    col: int = 1


@dataclass(frozen=True)
class Scope:
    directive: Directive  # the comment that opened it
    code: str
    first: int
    last: float           # inf: to the end of the page


@dataclass(frozen=True)
class Outcome:
    kept: list[Diagnostic]
    unused: list[Scope]                   # silenced nothing
    stray: list[tuple[Directive, str]]    # 'enable CODE' with no open 'disable CODE'


def scopes(directives: Iterable[Directive]) -> tuple[list[Scope], list[tuple[Directive, str]]]:
    """The line ranges the directives of one page silence, and the stray ``enable`` comments."""
    found: list[Scope] = []
    stray: list[tuple[Directive, str]] = []
    opened: dict[str, Directive] = {}
    for d in sorted(directives, key=lambda d: (d.line, d.col)):
        for code in d.codes:
            if d.kind == "disable-next-line":
                found.append(Scope(d, code, d.end_line + 1, d.end_line + 1))
            elif d.kind == "disable-file":
                found.append(Scope(d, code, 1, float("inf")))
            elif d.kind == "disable":
                opened.setdefault(code, d)  # a second 'disable' of an open range changes nothing
            elif code in opened:
                start = opened.pop(code)
                found.append(Scope(start, code, start.line, d.line))
            else:
                stray.append((d, code))
    found += [Scope(d, code, d.line, float("inf")) for code, d in opened.items()]
    return found, stray


def apply(diags: Iterable[Diagnostic], directives: Iterable[Directive]) -> Outcome:
    """Drop the findings of one page that a directive silences."""
    ranges, stray = scopes(directives)
    used: set[tuple[Directive, str]] = set()  # a comment naming a code twice is used once it silences one
    kept = []
    for diag in diags:
        hit = next((s for s in ranges if s.code == diag.code and s.first <= diag.line <= s.last), None)
        if hit is None:
            kept.append(diag)
        else:
            used.add((hit.directive, hit.code))
    return Outcome(kept, [s for s in ranges if (s.directive, s.code) not in used], stray)
