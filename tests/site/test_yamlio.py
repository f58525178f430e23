"""YAML errors name the file and the line."""

from __future__ import annotations

import pytest

from handbook.errors import HandbookError
from handbook.frontmatter import split


@pytest.mark.parametrize(("text", "expected"), [
    ("---\ntitle: A\nlast_reviewed: 2026-13-01\n---\nBody", "page.md:3: 'last_reviewed: 2026-13-01' must be a date written YYYY-MM-DD"),
    ("---\ntitle: A: B\n---\nBody", "page.md:2: invalid YAML: mapping values are not allowed"),
    ("---\n- a\n- b\n---\nBody", "page.md:2: front matter must be a mapping"),
    ("---\ntitle: A\nBody", "page.md:1: front matter starts with '---' but never ends"),
])
def test_front_matter_errors(text, expected):
    with pytest.raises(HandbookError) as info:
        split(text, "page.md")
    assert expected in str(info.value)


def test_front_matter_lines_are_file_lines():
    front = split("---\ntitle: A\ndescription: B\n---\n\n# A\n", "page.md")
    assert front.line_of("description") == 3
    assert front.body_line == 5
