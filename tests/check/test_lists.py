"""HYG012 in isolation: which ordered lists are out of sequence, one finding per fact."""

from __future__ import annotations

import pytest

from handbook.check.lists import numbering_skips

CASES = [
    # (name, Markdown, [(line, number written, number expected)])
    ("in-sequence", "1. a\n2. b\n3. c\n", []),
    ("starts-anywhere", "4. a\n5. b\n", []),
    ("wrapped-year", "1. A report, Geneva,\n   2002. Available online.\n2. Next.\n", [(2, 2002, 2)]),
    ("wrapped-year-unindented", "1. A report, Geneva,\n2002. Available online.\n2. Next.\n", [(2, 2002, 2)]),
    ("misnumbered-item", "1. a\n2. b\n4. c\n5. d\n", [(3, 4, 3)]),
    ("repeated-one", "1. a\n1. b\n", [(2, 1, 2)]),
    ("loose-list", "1. a\n\n2. b\n\n3. c\n", []),
    ("paragraph-ends-list", "1. a\n2. b\n\nText.\n\n1. new list\n", []),
    ("heading-ends-list", "1. a\n\n## Next { #next }\n\n5. other list\n", []),
    ("bullets-end-list", "1. a\n- b\n1. c\n", []),
    ("nested-lists-count-apart", "1. a\n    1. x\n    2. y\n2. b\n    1. z\n", []),
    ("nested-skip", "1. a\n    1. x\n    3. y\n", [(3, 3, 2)]),
    ("continuation-paragraph", "1. a\n\n    more of a\n\n2. b\n", []),
    ("code-is-not-a-list", "1. a\n\n```text\n2002. not an item\n```\n\n2. b\n", []),
    ("tilde-fence", "~~~\n1. a\n5. b\n~~~\n", []),
    ("block-ends-list", "/// note | Key points\n\n1. a\n\n///\n\n3. b\n", []),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=n) for n, t, e in CASES])
def test_numbering(text, expected):
    found = [(s.line, s.number, s.expected) for s in numbering_skips(text.split("\n"))]
    assert found == expected
