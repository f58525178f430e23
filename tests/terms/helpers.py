"""Shared helpers of the terminology tests: the real termbase, and findings as comparable tuples."""

from __future__ import annotations

import re
from pathlib import Path

from handbook.languages import load_i18n
from handbook.terms import termbase as termbase_mod
from handbook.terms.lint import lint_text, make_page

REPO = Path(__file__).resolve().parents[2]
_FOUND = re.compile(r'"([^"]*)"')


def termbase():
    return termbase_mod.load(REPO, load_i18n(REPO).codes)


def findings(markdown: str, lang: str = "en", source: str | None = None) -> list[tuple[int, int, str, str]]:
    """(line, col, code, quoted text) of every finding on a page; ``source`` is its English original."""
    tb = termbase()
    original = make_page("page.md", source, "en") if source is not None else None
    out = []
    for d in lint_text("page.md", markdown, lang, tb, original):
        quoted = _FOUND.search(d.message)
        out.append((d.line, d.col, d.code, quoted.group(1) if quoted else ""))
    return out
