"""Scoped suppression comments, the same syntax as the terminology linter's:

    <!-- check: disable-next-line LINK001 -- the target page lands in the next release -->

The comment silences the named rules on the line that follows it, and nothing else. A reason
after ' -- ' is required. A comment naming an unknown rule of this checker, one without a
reason, and one that silences nothing are reported themselves (CHK001-CHK003). Codes with a
prefix this checker does not own belong to another tool (the terminology linter) and are left
to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from handbook.check.corpus import Corpus
from handbook.check.rules import PREFIXES, RULES
from handbook.diagnostics import Diagnostic

_CODE = re.compile(r"^[A-Z]+[0-9]{3}$")


def apply(corpus: Corpus, diags: Iterable[Diagnostic], families: set[str] | None = None) -> list[Diagnostic]:
    """Drop suppressed findings; add the findings about the suppression comments themselves."""
    diags = list(diags)
    allowed: dict[tuple[str, int], set[str]] = {}
    comments = []
    out: list[Diagnostic] = []
    for page in corpus.pages + corpus.snippets:
        for line, raw in page.inv.bad_suppressions:
            out.append(Diagnostic(page.path, line, 1, "CHK004", "malformed suppression comment",
                                  hint="write <!-- check: disable-next-line CODE -- reason -->"))
        for sup in page.inv.suppressions:
            ours = []
            for code in sup.codes:
                if not _CODE.match(code):
                    out.append(Diagnostic(page.path, sup.line, 1, "CHK001", f"'{code}' is not a rule code",
                                          hint="codes look like LINK001; see docs/contributing/check-rules.md"))
                elif code.rstrip("0123456789") in PREFIXES:
                    if code in RULES:
                        ours.append(code)
                    else:
                        out.append(Diagnostic(page.path, sup.line, 1, "CHK001", f"unknown rule '{code}'",
                                              hint="see docs/contributing/check-rules.md"))
            if not sup.reason:
                out.append(Diagnostic(page.path, sup.line, 1, "CHK002", "suppression comment gives no reason",
                                      hint="add ' -- why this is fine here' before '-->'"))
            if ours:
                allowed.setdefault((page.path, sup.line + 1), set()).update(ours)
                comments.append((page.path, sup.line, ours))
    used: set[tuple[str, int, str]] = set()
    for d in diags:
        codes = allowed.get((d.path, d.line), set())
        if d.code in codes:
            used.add((d.path, d.line, d.code))
        else:
            out.append(d)
    for path, line, codes in comments:
        for code in codes:
            if (path, line + 1, code) in used:
                continue
            if families is not None and RULES[code].family not in families:
                continue  # its check did not run this time
            out.append(Diagnostic(path, line, 1, "CHK003", f"suppression of {code} silences nothing",
                                  hint="remove the comment"))
    return out
