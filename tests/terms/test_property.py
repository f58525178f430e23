"""Property tests: arbitrary Unicode Markdown never crashes the linter, and positions stay valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.terms import extract
from handbook.terms.lint import lint_text
from tests.terms.helpers import termbase

MARKDOWN_BITS = st.sampled_from([
    "child pornography", "child\n", "pornography", "«", "»", '"', "the term ", "`", "```", "~~~", "\n", "\n\n",
    "    ", "<!--", "-->", "<!-- terms: disable-next-line TERM001 -- r -->", "<!-- terms: enable TERM001 -->",
    "[", "](", ")", "![", "|", "---\n", "title: ", "# ", "- ", "> ", "/// note | ", "///", "{ #x }", "&nbsp;",
    "https://", "www.", "بغاء الأطفال", "وال", "\u064e", "l’", "pédopornographie", "İ", "\u0000", "\r\n",
])
TEXT = st.lists(st.one_of(st.text(max_size=12), MARKDOWN_BITS), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["en", "fr", "es", "ar"]), st.one_of(st.none(), TEXT))
def test_arbitrary_markdown_never_crashes(text, lang, source):
    tb = termbase()
    from handbook.terms.lint import make_page
    original = make_page("src.md", source, "en") if source is not None and lang != "en" else None
    lines = text.split("\n")
    for d in lint_text("page.md", text, lang, tb, original):
        assert 1 <= d.line <= len(lines)
        assert 1 <= d.col <= len(lines[d.line - 1]) + 1
        assert d.code.startswith("TERM")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_prose_keeps_length_and_line_breaks(text):
    masked = extract.prose(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
