"""Scoped suppression comments, in the terminology linter's syntax with the ``check:`` prefix:

    <!-- check: disable-next-line LINK001 -- the target page lands in the next release -->
    <!-- check: disable HYG010 -- generated table of contents -->  ...  <!-- check: enable HYG010 -->
    <!-- check: disable-file PAR006 -- the Arabic edition adds a map the original lacks -->

A reason after ' --' is required (except on ``enable``). A comment naming an unknown rule or
none (CHK001), giving no reason (CHK002), silencing nothing (CHK003) or with an unknown
directive (CHK004) is reported itself. CHK rules cannot be suppressed, and neither can SAFE
rules: markup that runs code in a reader's browser has no acceptable exception, and a page
author must not be able to switch the check off (a comment naming one is CHK001, and the finding
stays). The terminology linter's
``terms:`` comments are its own business and are ignored here.
"""

from __future__ import annotations

from collections.abc import Iterable

from handbook.check.corpus import Corpus, Page
from handbook.check.markdown import SUPPRESSION_KINDS
from handbook.check.rules import DOCS_PAGE, RULES
from handbook.diagnostics import Diagnostic

_SYNTAX = "<!-- check: disable-next-line CODE -- reason -->"
UNSUPPRESSIBLE = ("CHK", "SAFE")  # rule prefixes no comment can silence


def _scopes(page: Page, out: list[Diagnostic]) -> list[tuple[int, str, int, float]]:
    """(comment line, code, first line, last line) for every suppression of the page."""
    scopes: list[tuple[int, str, int, float]] = []
    opened: dict[str, int] = {}
    for line, _ in page.inv.bad_suppressions:
        out.append(Diagnostic(page.path, line, 1, "CHK004", "malformed suppression comment",
                              hint=f"write {_SYNTAX}; directives: {', '.join(SUPPRESSION_KINDS)}"))
    for sup in sorted(page.inv.suppressions, key=lambda s: s.line):
        codes = []
        for code in sup.codes:
            if code in RULES and not code.startswith(UNSUPPRESSIBLE):
                codes.append(code)
            elif code.startswith("SAFE") and code in RULES:
                out.append(Diagnostic(page.path, sup.line, 1, "CHK001", f"markup-safety rule '{code}' cannot be suppressed",
                                      hint="remove the markup it reports, and this comment"))
            else:
                out.append(Diagnostic(page.path, sup.line, 1, "CHK001", f"unknown or unsuppressible rule '{code}'",
                                      hint=f"see {DOCS_PAGE}"))
        if not sup.codes:
            out.append(Diagnostic(page.path, sup.line, 1, "CHK001", f"'{sup.kind}' names no rule",
                                  hint=f"write {_SYNTAX}"))
        if sup.kind != "enable" and not sup.reason:
            out.append(Diagnostic(page.path, sup.line, 1, "CHK002", f"'{sup.kind}' gives no reason",
                                  hint="add ' -- why this is fine here' before '-->'"))
        for code in codes:
            if sup.kind == "disable-next-line":
                scopes.append((sup.line, code, sup.end_line + 1, sup.end_line + 1))
            elif sup.kind == "disable-file":
                scopes.append((sup.line, code, 1, float("inf")))
            elif sup.kind == "disable":
                opened.setdefault(code, sup.line)
            elif code in opened:
                start = opened.pop(code)
                scopes.append((start, code, start, sup.line))
    scopes += [(start, code, start, float("inf")) for code, start in opened.items()]
    return scopes


def apply(corpus: Corpus, diags: Iterable[Diagnostic], families: set[str] | None = None) -> list[Diagnostic]:
    """Drop suppressed findings; add the findings about the suppression comments themselves."""
    out: list[Diagnostic] = []
    scopes = {}
    for page in corpus.pages + corpus.snippets:
        found = _scopes(page, out)
        if found:
            scopes[page.path] = found
    used: set[tuple[str, int, str]] = set()
    for d in diags:
        hit = next((s for s in scopes.get(d.path, ()) if s[1] == d.code and s[2] <= d.line <= s[3]), None)
        if hit is None:
            out.append(d)
        else:
            used.add((d.path, hit[0], hit[1]))
    for path, page_scopes in scopes.items():
        for line, code, _, _ in page_scopes:
            if (path, line, code) in used or (families is not None and RULES[code].family not in families):
                continue
            out.append(Diagnostic(path, line, 1, "CHK003", f"suppression of {code} silences nothing",
                                  hint="remove the comment"))
    return out
