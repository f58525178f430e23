"""The terminology linter's suppression comments, read and applied by the one engine
(:mod:`handbook.suppress`), with the ``terms:`` prefix:

    <!-- terms: disable-next-line TERM001 -- quoting the offence name of national law -->
    <!-- terms: disable TERM002 -- this section defines the word -->  ...  <!-- terms: enable TERM002 -->
    <!-- terms: disable-file TERM003 -- the French edition uses the legal term throughout -->

Rules may be named by code or by name (``avoid-term``). A comment naming an unknown rule
(TERM010), giving no reason (TERM011), suppressing nothing or enabling what no comment disabled
(TERM012) is reported.
"""

from __future__ import annotations

from handbook import suppress as engine
from handbook.diagnostics import Diagnostic
from handbook.suppress import KINDS, Directive
from handbook.terms.rules import RULES, resolve


def _diag(path: str, d: Directive, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(path, d.line, d.col, code, message, RULES[code].severity, hint)


def parse(path: str, text: str, comments: list[tuple[int, int]], position) -> tuple[list[Directive], list[Diagnostic]]:
    """The directives in a page's HTML comments, and the problems in them (TERM010, TERM011)."""
    directives, problems = [], []
    for start, end in comments:
        pragma = engine.read("terms", text[start:end])
        if pragma is None:
            continue
        line, col = position(start)
        end_line, _ = position(end - 1)
        where = Directive(pragma.kind, (), line, end_line, col)
        if pragma.kind not in KINDS:
            problems.append(_diag(path, where, "TERM010", f"unknown directive {pragma.kind!r} in a terms comment",
                                  f"use one of: {', '.join(KINDS)}"))
            continue
        if not pragma.tokens:
            problems.append(_diag(path, where, "TERM010", f"'{pragma.kind}' names no rule",
                                  "name the rules, e.g. TERM001 or avoid-term"))
            continue
        codes = []
        for token in pragma.tokens:
            code = resolve(token)
            if code is None or not RULES[code].suppressible:
                known = ", ".join(c for c, r in RULES.items() if r.suppressible)
                problems.append(_diag(path, where, "TERM010", f"unknown or unsuppressible rule {token!r}",
                                      f"suppressible rules: {known}"))
            else:
                codes.append(code)
        if pragma.kind != "enable" and not pragma.reason:
            problems.append(_diag(path, where, "TERM011", f"'{pragma.kind}' gives no reason",
                                  "add one after ' -- ', e.g. '-- quoting the title of a law'"))
        if codes:
            directives.append(Directive(pragma.kind, tuple(codes), line, end_line, col))
    return directives, problems


def apply(path: str, diags: list[Diagnostic], directives: list[Directive]) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """Drop suppressed diagnostics; return (kept, problems) where problems are unused suppressions."""
    outcome = engine.apply(diags, directives)
    problems = [_diag(path, d, "TERM012", f"'enable {code}' has no matching 'disable {code}'", "remove it")
                for d, code in outcome.stray]
    problems += [_diag(path, s.directive, "TERM012", f"'{s.directive.kind} {s.code}' suppresses nothing",
                       "remove the comment, or move it next to the line it is meant for") for s in outcome.unused]
    return outcome.kept, problems
