"""The whole handbook, every page in every language, passes its own terminology check.

This is the check the README's test command and CI run on the real content.
"""

from __future__ import annotations

from handbook.paths import Project
from handbook.terms.lint import lint_paths
from tests.terms.helpers import REPO


def test_every_page_in_every_language_is_clean():
    findings = lint_paths(Project(REPO))
    assert not findings, "terminology findings:\n" + "\n".join(d.text() for d in findings)
