"""Suppression comments: scoped, with a reason, and themselves checked.

    <!-- terms: disable-next-line TERM001 -- quoting the offence name of national law -->
    <!-- terms: disable TERM002 -- this section defines the word -->  ...  <!-- terms: enable TERM002 -->
    <!-- terms: disable-file TERM003 -- the French edition uses the legal term throughout -->

Rules may be named by code or by name (``avoid-term``). A comment naming an unknown rule
(TERM010), giving no reason (TERM011) or suppressing nothing (TERM012) is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from handbook.diagnostics import Diagnostic
from handbook.terms.rules import RULES, resolve

_DIRECTIVE = re.compile(r"<!--\s*terms\s*:(.*?)-->", re.S)
_BODY = re.compile(r"^\s*(\S+)\s*(.*?)\s*(?:--\s*(.*?))?\s*$", re.S)
KINDS = ("disable-next-line", "disable", "enable", "disable-file")


@dataclass
class Directive:
    kind: str
    codes: list[str]
    line: int
    col: int
    end_line: int
    used: dict[str, int] = field(default_factory=dict)


def _diag(path: str, d: Directive, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, d.line, d.col, code, message, RULES[code].severity, hint)


def parse(path: str, text: str, comments: list[tuple[int, int]], position) -> tuple[list[Directive], list[Diagnostic]]:
    """The directives in a page's HTML comments, and the problems in them (TERM010, TERM011)."""
    directives, problems = [], []
    for start, end in comments:
        match = _DIRECTIVE.fullmatch(text, start, end)
        if not match:
            continue
        line, col = position(start)
        end_line, _ = position(end - 1)
        body = _BODY.match(match.group(1))
        kind, names, reason = (body.group(1), body.group(2), body.group(3)) if body else ("", "", None)
        d = Directive(kind, [], line, col, end_line)
        if kind not in KINDS:
            problems.append(_diag(path, d, "TERM010", f"unknown directive {kind!r} in a terms comment",
                                  f"use one of: {', '.join(KINDS)}"))
            continue
        tokens = [t for t in re.split(r"[\s,]+", names) if t]
        if not tokens:
            problems.append(_diag(path, d, "TERM010", f"'{kind}' names no rule",
                                  "name the rules, e.g. TERM001 or avoid-term"))
            continue
        for token in tokens:
            code = resolve(token)
            if code is None or not RULES[code].suppressible:
                known = ", ".join(c for c, r in RULES.items() if r.suppressible)
                problems.append(_diag(path, d, "TERM010", f"unknown or unsuppressible rule {token!r}",
                                      f"suppressible rules: {known}"))
            else:
                d.codes.append(code)
        if kind != "enable" and not (reason or "").strip():
            problems.append(_diag(path, d, "TERM011", f"'{kind}' gives no reason",
                                  "add one after ' -- ', e.g. '-- quoting the title of a law'"))
        if d.codes:
            directives.append(d)
    return directives, problems


def apply(path: str, diags: list[Diagnostic], directives: list[Directive]) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """Drop suppressed diagnostics; return (kept, problems) where problems are unused suppressions."""
    problems: list[Diagnostic] = []
    ranges: list[tuple[Directive, str, int, float]] = []  # directive, code, first line, last line
    open_: dict[str, Directive] = {}
    for d in sorted(directives, key=lambda d: (d.line, d.col)):
        for code in d.codes:
            if d.kind == "disable-next-line":
                ranges.append((d, code, d.end_line + 1, d.end_line + 1))
            elif d.kind == "disable-file":
                ranges.append((d, code, 0, float("inf")))
            elif d.kind == "disable":
                open_.setdefault(code, d)
            elif d.kind == "enable":
                start = open_.pop(code, None)
                if start is None:
                    problems.append(_diag(path, d, "TERM012", f"'enable {code}' has no matching 'disable {code}'",
                                          "remove it"))
                else:
                    ranges.append((start, code, start.line, d.line))
    for code, d in open_.items():
        ranges.append((d, code, d.line, float("inf")))
    kept = []
    for diag in diags:
        for d, code, first, last in ranges:
            if diag.code == code and first <= diag.line <= last:
                d.used[code] = d.used.get(code, 0) + 1
                break
        else:
            kept.append(diag)
    for d, code, _, _ in ranges:
        if not d.used.get(code):
            problems.append(_diag(path, d, "TERM012", f"'{d.kind} {code}' suppresses nothing",
                                  "remove the comment, or move it next to the line it is meant for"))
    return kept, problems
