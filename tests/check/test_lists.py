"""HYG012 in isolation: which ordered lists are out of sequence, one finding per fact."""

from __future__ import annotations

import pytest

from handbook.check.lists import numbering_skips

CASES = [
    # (name, Markdown, [(line, number written, number expected)])
    ("in-sequence", "1. a\n2. b\n3. c\n", []),
    ("starts-at-four", "4. a\n5. b\n", [(1, 4, 1)]),
    ("comment-splits-list", "1. a\n2. b\n<!-- note -->\n3. c\n4. d\n", [(4, 3, 1)]),
    ("indented-comment-keeps-list", "1. a\n2. b\n   <!-- note -->\n3. c\n", []),
    ("wrapped-year", "1. A report, Geneva,\n   2002. Available online.\n2. Next.\n", [(2, 2002, 2)]),
    ("wrapped-year-unindented", "1. A report, Geneva,\n2002. Available online.\n2. Next.\n", [(2, 2002, 2)]),
    ("misnumbered-item", "1. a\n2. b\n4. c\n5. d\n", [(3, 4, 3)]),
    ("repeated-one", "1. a\n1. b\n", [(2, 1, 2)]),
    ("loose-list", "1. a\n\n2. b\n\n3. c\n", []),
    ("paragraph-ends-list", "1. a\n2. b\n\nText.\n\n1. new list\n", []),
    ("heading-ends-list", "1. a\n\n## Next { #next }\n\n1. other list\n", []),
    ("heading-splits-list", "1. a\n\n## Next { #next }\n\n5. other list\n", [(5, 5, 1)]),
    ("bullets-end-list", "1. a\n- b\n1. c\n", []),
    ("nested-lists-count-apart", "1. a\n    1. x\n    2. y\n2. b\n    1. z\n", []),
    ("nested-skip", "1. a\n    1. x\n    3. y\n", [(3, 3, 2)]),
    ("continuation-paragraph", "1. a\n\n    more of a\n\n2. b\n", []),
    ("code-is-not-a-list", "1. a\n\n```text\n2002. not an item\n```\n\n2. b\n", []),
    ("tilde-fence", "~~~\n1. a\n5. b\n~~~\n", []),
    ("block-ends-list", "/// note | Key points\n\n1. a\n\n///\n\n3. b\n", [(7, 3, 1)]),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=n) for n, t, e in CASES])
def test_numbering(text, expected):
    found = [(s.line, s.number, s.expected) for s in numbering_skips(text.split("\n"))]
    assert found == expected


REFERENCE_CASES = [
    # (name, Markdown body, lines reported)
    ("linked-item", "## References { #references }\n\n- UN, [Report](https://example.org/r), 2020.\n", []),
    ("bare-item", "## References { #references }\n\n- UN, Report, 2020.\n", [3]),
    ("wrapped-bare-item", "## References { #references }\n\n1. UN, Report,\n   2020.\n2. [X](https://e.org/x)\n", [3]),
    ("link-on-next-line", "## References { #references }\n\n- UN, Report,\n  [online](https://e.org/r).\n", []),
    ("other-section", "## Further reading { #further-reading }\n\n- A book, 2020.\n", []),
    ("section-ends", "## References { #references }\n\n- [A](https://e.org)\n\n## Notes { #notes }\n\n- bare, 2020.\n", []),
    ("footnote-citing", "Text.[^a]\n\n[^a]: UN report (2020), article 3.\n", [3]),
    ("footnote-linked", "Text.[^a]\n\n[^a]: UN, [report](https://e.org/r) (2020).\n", []),
    ("footnote-explains", "Text.[^a]\n\n[^a]: See the chapter on interviews.\n", []),
]


@pytest.mark.parametrize(("text", "lines"), [pytest.param(t, e, id=n) for n, t, e in REFERENCE_CASES])
def test_references_need_links(text, lines):
    from handbook.pages.model import Page
    from handbook.check.references import _page

    page = Page("x.md", "docs/x.md", "en", "x.md", text)
    assert [d.line for d in _page(page)] == lines
