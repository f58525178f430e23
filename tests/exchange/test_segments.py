"""handbook.pages.segments: what a translator is offered, and that every span gives back its bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handbook.pages.segments import inline, render, segments

FIXTURE = (Path(__file__).parent / "every_construct.md").read_text(encoding="utf-8")


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.source) for s in segments(text)]


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: T\ndescription: D d\n---\n", [("title", "T"), ("description", "D d")]),
    ('---\ntitle: "Quoted"\n---\n', [("title", "Quoted")]),
    ("---\ntitle: |\n  block\n---\n", []),
    ("# Heading { #id }\n", [("heading", "Heading")]),
    ("## Closed heading ##\n", [("heading", "Closed heading")]),
    ("Setext\n======\n", [("heading", "Setext")]),
    ("One line\nand two.\n\nNext.\n", [("paragraph", "One line\nand two."), ("paragraph", "Next.")]),
    ("- a item\n- [x] done item\n", [("item", "a item"), ("item", "done item")]),
    ("| A | B |\n|---|---|\n| c d | 12 |\n", [("cell", "A"), ("cell", "B"), ("cell", "c d")]),
    ("/// note | Title here\n\nBody.\n\n///\n", [("block-title", "Title here"), ("paragraph", "Body.")]),
    ("/// details | T\n    open: true\n\nB.\n\n///\n", [("block-title", "T"), ("paragraph", "B.")]),
    ('!!! tip "Old title"\n    Old body.\n', [("block-title", "Old title"), ("paragraph", "Old body.")]),
    ("[^1]: Note text.\n", [("footnote", "Note text.")]),
    ("*[UN]: United Nations\n", [("abbr", "United Nations")]),
    ("> Quoted.\n", [("quote", "Quoted.")]),
    ("Term\n:   Meaning.\n", [("paragraph", "Term"), ("definition", "Meaning.")]),
    # never offered: code, snippets, comments, references, attribute lines, markup-only text
    ("```\ncode line\n```\n", []),
    ("~~~md\n# not a heading\n~~~\n", []),
    ('--8<-- "snippets/x.md"\n', []),
    ("<!-- note to self -->\n", []),
    ("One line\n<!-- terms: disable-next-line TERM002 -->\nand two.\n",
     [("paragraph", "One line\n<!-- terms: disable-next-line TERM002 -->\nand two.")]),
    ("[ref]: https://example.org\n", []),
    ("{ .lead }\n", []),
    ("![](img.png)\n", []),
    ("| 1 | 2 |\n|---|---|\n| — | 3 |\n", []),
])
def test_segment_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize("text, codes", [
    ("plain words", []),
    ("a **b** c", [("strong", "open", "**"), ("strong", "close", "**")]),
    ("a *b* _c_", [("em", "open", "*"), ("em", "close", "*"), ("em", "open", "_"), ("em", "close", "_")]),
    ("run `x = 1` now", [("code", "ph", "`x = 1`")]),
    ("see [the page](p.md#id) now", [("link", "open", "["), ("link", "close", "](p.md#id)")]),
    ("![alt text](i.png){ width=3 }", [("image", "open", "!["), ("image", "close", "](i.png){ width=3 }")]),
    ("end.[^note]", [("footnote", "ph", "[^note]")]),
    ("an <abbr>X</abbr>", [("html", "ph", "<abbr>"), ("html", "ph", "</abbr>")]),
    ("at <https://e.org>", [("autolink", "ph", "<https://e.org>")]),
    ("snake_case_word and 2 * 3", []),
    (r"escaped \*star\*", []),
])
def test_inline_codes(text: str, codes: list[tuple[str, str, str]]) -> None:
    parts = inline(text)
    assert [(c.kind, c.role, c.data) for c in parts if not isinstance(c, str)] == codes
    assert render(parts) == text


def test_fixture_spans_give_back_their_bytes() -> None:
    segs = segments(FIXTURE)
    assert segs, "the fixture has segments"
    for seg in segs:
        assert FIXTURE[seg.start:seg.end] == seg.source
        line_start = FIXTURE.rfind("\n", 0, seg.start) + 1
        assert FIXTURE.count("\n", 0, seg.start) + 1 == seg.line
        assert seg.start - line_start + 1 == seg.col
    kinds = {s.kind for s in segs}
    assert kinds == {"title", "description", "heading", "paragraph", "item", "cell", "block-title", "quote",
                     "definition", "abbr", "footnote"}
    offered = " ".join(s.source for s in segs)
    for never in ("never offered", "snippets/include.md", "a comment", "example.org/ref", ".lead", "#every-construct"):
        assert never not in offered


def test_heading_path() -> None:
    segs = segments("# A { #a }\n\nx.\n\n## B { #b }\n\ny.\n\n# C\n\nz.\n")
    assert [(s.source, s.path) for s in segs] == [
        ("A", ()), ("x.", ("A",)), ("B", ("A",)), ("y.", ("A", "B")), ("C", ()), ("z.", ("C",))]


def test_real_translations_line_up_with_their_english() -> None:
    """What leverage needs: a translation's segments have the kinds of its English page's."""
    docs = Path(__file__).resolve().parents[2] / "docs"
    pairs = [(p, p.with_name(p.name.split(".")[0] + ".md")) for p in docs.rglob("*.*.md")]
    assert pairs
    aligned = [tr for tr, en in pairs if [s.kind for s in segments(tr.read_text(encoding="utf-8"))]
               == [s.kind for s in segments(en.read_text(encoding="utf-8"))]]
    assert len(aligned) >= len(pairs) - 3, sorted(set(p for p, _ in pairs) - set(aligned))


_WORD = st.text(alphabet="abcdeéàلعربي xyz", min_size=1, max_size=8).map(lambda w: w.strip() or "w")
_INLINE = st.lists(st.one_of(
    _WORD,
    _WORD.map(lambda w: f"**{w}**"),
    _WORD.map(lambda w: f"*{w}*"),
    _WORD.map(lambda w: f"`{w}`"),
    _WORD.map(lambda w: f"[{w}](page.md#{len(w)})"),
    st.integers(1, 9).map(lambda n: f"[^{n}]"),
), min_size=1, max_size=6).map(lambda items: "w " + " ".join(items))


@st.composite
def pages(draw: st.DrawFn) -> str:
    blocks = []
    for kind in draw(st.lists(st.sampled_from(["h", "p", "l", "t", "b", "f"]), min_size=1, max_size=8)):
        text = draw(_INLINE)
        if kind == "h":
            blocks.append(f"## {text} {{ #h{len(blocks)} }}")
        elif kind == "p":
            blocks.append(text)
        elif kind == "l":
            blocks.append("\n".join(f"- {draw(_INLINE)}" for _ in range(draw(st.integers(1, 3)))))
        elif kind == "t":
            blocks.append(f"| {text} | x |\n|---|---|\n| {draw(_INLINE)} | y |")
        elif kind == "b":
            blocks.append(f"/// note | {draw(_WORD)}\n\n{text}\n\n///")
        else:
            blocks.append(f"[^{len(blocks)}]: {text}")
    return f"---\ntitle: {draw(_WORD)}\n---\n\n" + "\n\n".join(blocks) + "\n"


@settings(max_examples=150, deadline=None)
@given(pages())
def test_property_spans_are_exact(text: str) -> None:
    for seg in segments(text):
        assert text[seg.start:seg.end] == render(seg.parts)
