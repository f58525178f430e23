"""Citable paragraph numbers (handbook.pages.paragraphs, handbook paragraphs number): every block of
a chapter gets a number once, an edit renumbers nothing, and translations carry the same numbers."""

from __future__ import annotations

import markdown
import pytest

from handbook import cli
from handbook.mdext.paragraph_numbers import number_blocks  # noqa: F401 (the extension under test)
from handbook.pages import paragraphs as P
from tests.conftest import page, translated_page
from tests.translation.conftest import git

BODY = """# Title { #title }

First paragraph
on two lines.

- item one
- item two with [a link](x.md)
    - nested item

| a | b |
|---|---|
| 1 | 2 |

/// note | Key points
Inside a note.
///

```text
code is never numbered
```

<!-- a comment -->
Last paragraph,<!-- a comment inside it --> with a footnote.[^1]

[^1]: A footnote is not numbered.
"""

BLOCKS = [("paragraph", 3), ("item", 6), ("item", 7), ("item", 8), ("table", 10), ("paragraph", 15),
          ("paragraph", 23)]


def test_the_blocks_of_a_page_are_its_paragraphs_items_and_tables():
    assert [(b.kind, b.line) for b in P.blocks(BODY)] == BLOCKS


def test_numbers_go_at_the_end_of_each_block_and_a_tables_after_it():
    text, last = P.number_english(BODY, 0)
    assert last == len(BLOCKS)
    assert P.numbers(text) == list(range(1, len(BLOCKS) + 1))
    assert "on two lines. {¶1}" in text and "    - nested item {¶4}" in text
    assert "| 1 | 2 |\n\n{¶5}\n" in text
    assert P.strip_marks(text) == BODY  # only numbers were added


def test_a_new_paragraph_gets_the_next_number_and_renumbers_nothing():
    text, last = P.number_english(BODY, 0)
    edited = text.replace("Inside a note. {¶6}", "A new first line of the note.\n\nInside a note. {¶6}")
    again, new_last = P.number_english(edited, last)
    assert new_last == last + 1
    assert P.numbers(again) == [1, 2, 3, 4, 5, 8, 6, 7]  # the new block takes 8; 6 and 7 stay


@pytest.mark.parametrize(("translation", "expected"), [
    ("# Titre { #title }\n\nPremier.\n\n- un\n- deux\n    - imbriqué\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
     "/// note | Points clés\nDans une note.\n///\n\nDernier.\n", [1, 2, 3, 4, 5, 6, 7]),
    ("# Titre { #title }\n\nPremier.\n\n- un\n\nDernier.\n", None),  # another structure: not copied
])
def test_translations_take_the_english_numbers_by_structure(translation, expected):
    english, _ = P.number_english(BODY, 0)
    copied = P.copy_numbers(english, translation)
    assert (None if copied is None else P.numbers(copied)) == expected


def test_the_markdown_extension_makes_the_anchor_and_the_number():
    english, _ = P.number_english(BODY, 0)
    html = markdown.markdown(english.replace("{¶", "{¶4."), extensions=[
        "tables", "footnotes", "pymdownx.blocks.admonition", "handbook.mdext.paragraph_numbers"])
    assert '<p id="p4-1"><a class="hb-pnum" href="#p4-1">4.1</a> First paragraph' in html
    assert '<li id="p4-4"><a class="hb-pnum" href="#p4-4">4.4</a> nested item</li>' in html
    assert '<table id="p4-5">' in html and "{¶" not in html


@pytest.fixture
def numbered_repo(handbook_factory):
    project = handbook_factory({
        "chapters/alpha.md": page("Alpha", "# Alpha { #alpha }\n\nOne.\n\n- Two\n- Three", chapter=1),
        "chapters/alpha.fr.md": translated_page("Alpha", "# Alpha { #alpha }\n\nUn.\n\n- Deux\n- Trois"),
    })
    git(project.root, "init", "-q", "-b", "main")
    git(project.root, "add", "-A")
    git(project.root, "commit", "-q", "-m", "first")
    return project


def test_the_command_numbers_english_and_translations_and_refuses_uncommitted_files(numbered_repo, monkeypatch,
                                                                                    capsys):
    monkeypatch.chdir(numbered_repo.root)
    english, french = numbered_repo.docs / "chapters/alpha.md", numbered_repo.docs / "chapters/alpha.fr.md"
    french.write_text(french.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # an uncommitted edit
    before = english.read_text(encoding="utf-8")
    assert cli.main(["paragraphs", "number"]) == 2
    assert "docs/chapters/alpha.fr.md: has changes that are not committed" in capsys.readouterr().err
    assert english.read_text(encoding="utf-8") == before  # nothing written
    git(numbered_repo.root, "commit", "-qam", "edit")
    assert cli.main(["paragraphs", "number"]) == 0
    assert P.numbers(english.read_text(encoding="utf-8")) == [1, 2, 3]
    assert "last_paragraph: 3" in english.read_text(encoding="utf-8")
    assert P.numbers(french.read_text(encoding="utf-8")) == [1, 2, 3]
    git(numbered_repo.root, "commit", "-qam", "numbers")
    assert cli.main(["paragraphs", "number"]) == 0
    assert "Every paragraph of the chapters has its number." in capsys.readouterr().out


def test_a_translator_is_offered_the_words_never_the_numbers():
    """In CAT exchange (handbook.pages.segments) a number is a protected code of its block, and a
    table's number, on its own line, is never a unit."""
    from handbook.pages.segments import segments

    english, _ = P.number_english(BODY, 0)
    found = segments(english)
    first = next(s for s in found if s.kind == "paragraph")
    assert [c.data for c in first.codes if c.kind == "para"] == ["{¶1}"]
    assert "¶" not in "".join(s.plain for s in found)


def test_a_number_before_a_comment_that_ends_its_block_is_still_taken():
    html = markdown.markdown("- Source one. {¶4.9}\n  <!-- check: disable-next-line LINK009 -- why -->\n- Two. {¶4.10}\n",
                             extensions=["handbook.mdext.paragraph_numbers"])
    assert 'id="p4-9"' in html and 'id="p4-10"' in html and "{¶" not in html and "<!-- check:" in html


def test_exchange_units_are_named_by_their_paragraph_number_so_an_insertion_keeps_their_ids():
    """CAT and Weblate files name a unit after its citable number: a paragraph inserted above keeps
    the ids (and so the history) of every unit below it."""
    from handbook.exchange.build import units_of

    english, last = P.number_english(BODY, 0)
    before = {u.id: u.source for u in units_of(english)}
    edited, _ = P.number_english(english.replace("First paragraph", "A new paragraph.\n\nFirst paragraph"), last)
    after = {u.id: u.source for u in units_of(edited)}
    assert "p1" in before and "p5" in before and "p5-2" in before  # a table's cells share its number
    assert {uid: src for uid, src in after.items() if uid.startswith("p") and uid != "p8"} == \
        {uid: src for uid, src in before.items() if uid.startswith("p")}
    assert "p8" in after  # the new paragraph's unit
