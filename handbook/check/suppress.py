"""``handbook check``'s suppression comments, read and applied by the one engine
(:mod:`handbook.suppress`), with the ``check:`` prefix:

    <!-- check: disable-next-line LINK001 -- the target page lands in the next release -->
    <!-- check: disable HYG010 -- generated table of contents -->  ...  <!-- check: enable HYG010 -->
    <!-- check: disable-file PAR006 -- the Arabic edition adds a map the original lacks -->

A reason after ' --' is required (except on ``enable``). A comment naming an unknown rule or
none (CHK001), giving no reason (CHK002), silencing nothing or enabling what no comment disabled
(CHK003), or with an unknown directive (CHK004) is reported itself. CHK rules cannot be
suppressed, and neither can SAFE rules: markup that runs code in a reader's browser has no
acceptable exception, and a page author must not be able to switch the check off (a comment
naming one is CHK001, and the finding stays). The terminology linter's ``terms:`` comments are
its own business and are ignored here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from handbook import suppress as engine
from handbook.pages.model import Corpus, Page
from handbook.pages.markdown import SUPPRESSION_KINDS
from handbook.check.rules import DOCS_PAGE, RULES
from handbook.diagnostics import Diagnostic

_SYNTAX = "<!-- check: disable-next-line CODE -- reason -->"


def _directives(page: Page, out: list[Diagnostic]) -> list[engine.Directive]:
    """The valid suppressions of a page; the problems in its comments go to ``out``."""
    directives = []
    for line, _ in page.inv.bad_suppressions:
        out.append(Diagnostic(page.path, line, 1, "CHK004", "malformed suppression comment",
                              hint=f"write {_SYNTAX}; directives: {', '.join(SUPPRESSION_KINDS)}"))
    for sup in sorted(page.inv.suppressions, key=lambda s: s.line):
        codes = []
        for code in sup.codes:
            if code in RULES and RULES[code].suppressible:
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
        if codes:
            directives.append(engine.Directive(sup.kind, tuple(codes), sup.line, sup.end_line))
    return directives


def apply(corpus: Corpus, diags: Iterable[Diagnostic], families: set[str] | None = None) -> list[Diagnostic]:
    """Drop suppressed findings; add the findings about the suppression comments themselves."""
    out: list[Diagnostic] = []
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in diags:
        by_path[d.path].append(d)
    for page in corpus.pages + corpus.snippets:
        directives = _directives(page, out)
        if not directives:
            continue
        outcome = engine.apply(by_path.pop(page.path, []), directives)
        out += outcome.kept
        out += [Diagnostic(page.path, d.line, 1, "CHK003", f"'enable {code}' has no matching 'disable {code}'",
                           hint="remove it") for d, code in outcome.stray]
        # A rule whose family did not run (--only) cannot be known to silence nothing.
        out += [Diagnostic(page.path, s.directive.line, 1, "CHK003", f"suppression of {s.code} silences nothing",
                           hint="remove the comment") for s in outcome.unused
                if families is None or RULES[s.code].family in families]
    for rest in by_path.values():
        out += rest
    return out
