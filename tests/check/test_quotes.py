"""HYG017: straight quotation marks in prose, reported with the marks of the page's language.

The rows are what a writer or translator would type; the fixture handbook is the integrity
checker's clean one (two pages in four languages), so every finding comes from the seeded line.
"""

from __future__ import annotations


import pytest

from handbook.check import check_docs
from handbook.check.quotes import straight_quotes
from handbook.paths import Project
from tests.check.fixture import rel
from tests.conftest import REPO

FRONT = "---\ntitle: Guide\ndescription: A page.\n---\n\n"


# --- what is prose -------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "expected"), [
    pytest.param('Say "listen".', [(6, 5), (6, 12)], id="prose"),
    pytest.param('Écrivez "écouter".', [(6, 9), (6, 17)], id="column-counts-characters"),
    pytest.param('| Question | "Tell me more." |\n|---|---|\n| Open | "Then what?" |',
                 [(6, 14), (6, 28), (8, 10), (8, 21)], id="table-cell"),
    pytest.param('An open invitation ("Tell me\neverything") helps.', [(6, 21), (7, 11)], id="across-a-line-break"),
    pytest.param('See ["Words matter"](https://example.org/).', [(6, 6), (6, 19)], id="link-text"),
    pytest.param('/// note | The "circle of trust"\n\nText.\n\n///', [(6, 16), (6, 32)], id="block-title"),
    pytest.param('> She said "no".', [(6, 12), (6, 15)], id="block-quote"),
])
def test_straight_quotes_in_prose_are_found_at_their_line_and_column(body: str, expected: list) -> None:
    assert list(straight_quotes(FRONT + body)) == expected


@pytest.mark.parametrize("body", [
    pytest.param('Run `./hb review --owner "Editorial committee"`.', id="code-span"),
    pytest.param('Run ``a "b" `c` ``.', id="double-backtick-code-span"),
    pytest.param('```sh\n./hb translate review fr x.md --by "NAME"\n```', id="fenced-code"),
    pytest.param('~~~\nsay "x"\n~~~', id="tilde-fence"),
    pytest.param('Text.\n\n    indented "code"\n\nText.', id="indented-code"),
    pytest.param('## Principles { #principles data-x="y" }', id="attribute-list"),
    pytest.param('![A chart](img/a.png){ title="A chart" }', id="attribute-list-after-image"),
    pytest.param('See [the site](https://example.org/ "The title").', id="link-title"),
    pytest.param('See [the site][site].\n\n[site]: https://example.org/ "The title"', id="reference-title"),
    pytest.param('<abbr title="child sexual abuse material">CSAM</abbr> is the term.', id="html-attribute"),
    pytest.param('<div class="note" markdown>\nText.\n</div>', id="html-block-attribute"),
    pytest.param('<!-- the "old" wording -->\nText.', id="html-comment"),
    pytest.param('<!-- check: disable-next-line LINK001 -- the "annex" lands later -->\nText.', id="suppression"),
    pytest.param('--8<-- "shared.md"', id="snippet"),
    pytest.param('/// html | div[title="x"]\n\nText.\n\n///', id="html-block-selector"),
    pytest.param('/// details | Title\n    attrs: {class: "wide"}\n\nText.\n\n///', id="block-options"),
    pytest.param("It's the child's own words: 'open' questions.", id="apostrophes"),
    pytest.param("Already “typographic” and «\u00a0typographiques\u00a0».", id="typographic"),
])
def test_syntax_and_apostrophes_are_not_reported(body: str) -> None:
    assert list(straight_quotes(FRONT + body)) == []


@pytest.mark.parametrize(("front", "expected"), [
    pytest.param('title: The "circle of trust"\n', [(2, 12), (2, 28)], id="title"),
    pytest.param("title: 'The \"circle of trust\"'\n", [(2, 13), (2, 29)], id="single-quoted-title"),
    pytest.param('description: Says "no".\n', [(2, 19), (2, 22)], id="description"),
    pytest.param('title: "Guide"\ndescription: "A page."\n', [], id="yaml-quoting"),
    pytest.param('title: Guide\nowner: The "Terminology" group\n', [], id="other-keys"),
])
def test_front_matter_title_and_description_are_prose(front: str, expected: list) -> None:
    assert list(straight_quotes(f"---\n{front}---\n\nText.\n")) == expected


# --- the finding, in each language ---------------------------------------------------------------



def _append(project: Project, lang: str, line: str) -> tuple[str, int]:
    path = project.docs / rel("guide.md", lang)
    old = path.read_text(encoding="utf-8")
    path.write_text(old + "\n" + line + "\n", encoding="utf-8")
    return f"docs/{rel('guide.md', lang)}", old.count("\n") + 2


@pytest.mark.parametrize(("lang", "line", "col", "message"), [
    ("en", 'Say "listen".', 5,
     "straight quotation mark; write “…” in English (‘…’ for a quotation inside a quotation; "
     "a quote that is code goes in backticks)"),
    ("fr", 'Dites "écouter".', 7,
     "straight quotation mark; write «\u00a0…\u00a0» in French (with a no-break space (U+00A0) inside each "
     "mark, “…” for a quotation inside a quotation; a quote that is code goes in backticks)"),
    ("es", 'Diga "escuchar".', 6,
     "straight quotation mark; write «…» in Spanish (“…” for a quotation inside a quotation; "
     "a quote that is code goes in backticks)"),
    ("ar", 'قل "أصغِ".', 4,
     "straight quotation mark; write «…» in Arabic (“…” for a quotation inside a quotation; "
     "a quote that is code goes in backticks)"),
])
def test_each_language_is_told_its_own_marks(fresh: Project, lang: str, line: str, col: int, message: str) -> None:
    path, number = _append(fresh, lang, line)
    found = [d for d in check_docs(fresh, ["hygiene"]) if d.code == "HYG017"]
    assert [d.text() for d in found] == [
        f"{path}:{number}:{col}: HYG017 {message}",
        f"{path}:{number}:{len(line) - 1}: HYG017 {message}",
    ]


def test_a_suppression_comment_with_a_reason_silences_it(fresh: Project) -> None:
    _append(fresh, "en", '<!-- check: disable-next-line HYG017 -- a quoted command line -->\nType "yes".')
    assert [d.text() for d in check_docs(fresh, ["hygiene"])] == []


def test_the_handbook_has_no_straight_quotes_in_its_prose() -> None:
    found = [d for d in check_docs(Project(REPO), ["hygiene"]) if d.code == "HYG017"]
    assert found == [], "\n" + "".join(d.text() + "\n" for d in found)
