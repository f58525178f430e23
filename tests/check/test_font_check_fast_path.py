"""FONT001 reads a page line by line only when its distinct characters hold one no font draws: the
findings (path, line, column, characters) must be those of reading every line."""

from __future__ import annotations

import pytest

from handbook.check.fonts import check
from handbook.fonts import coverage, uncovered
from handbook.pages.model import load_corpus
from tests.conftest import page


def _every_line(corpus) -> list[tuple[str, int, int, str]]:
    """The slow way, the reference: each line of each page, with its uncovered characters."""
    covered = coverage(corpus.project.root)
    found = []
    for p in corpus.pages:
        for number, line in enumerate(p.text.split("\n"), start=1):
            chars = uncovered(line, covered)
            if chars:
                found.append((p.path, number, line.index(chars[0]) + 1, chars[0]))
    return found


@pytest.mark.parametrize("body, problems", [
    ("Plain ASCII text.", 0),
    ("Texte accentué, « guillemets » et l’apostrophe.", 0),
    ("نص عربي مع أرقام ١٢٣.", 0),
    ("First line.\n\nSecond line with Բարեւ inside.", 1),  # Armenian: no shipped font
    ("Բ at the start.\n\nAnd ⰀⰁ (Glagolitic) further down.", 2),
])
def test_findings_are_those_of_reading_every_line(handbook_factory, body, problems):
    project = handbook_factory({"index.md": page("Home", "# Home { #home }\n\nWelcome."),
                                "guide.md": page("Guide", f"# Guide {{ #guide }}\n\n{body}")})
    corpus = load_corpus(project)
    expected = _every_line(corpus)
    got = [(d.path, d.line, d.col, d.message) for d in check(corpus) if d.path.startswith("docs/")]
    assert len(expected) == problems
    assert [(path, line, col) for path, line, col, _ in got] == [(p, n, c) for p, n, c, _ in expected]
    assert all(ch in message for (*_, message), (*_, ch) in zip(got, expected))
