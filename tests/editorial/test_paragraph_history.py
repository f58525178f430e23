"""Paragraph numbers across editions: the comparison by number, and the edition that removed one,
read from the edition's git tag."""

from __future__ import annotations

import subprocess

import pytest

from handbook.editorial import edition
from handbook.editorial.paragraph_history import ParagraphDiff, compare, read_at, removed_in
from handbook.frontmatter import read
from tests.editorial.citation_fixture import BODY_1, BODY_NOW, write_history


@pytest.mark.parametrize(("old", "new", "expected"), [
    # Re-wrapping a paragraph is not a change; a word is.
    ("One two. {¶1}\n", "One\ntwo. {¶1}\n", ParagraphDiff((), (), ())),
    ("One two. {¶1}\n", "One three. {¶1}\n", ParagraphDiff((), (1,), ())),
    ("A. {¶1}\n\nB. {¶2}\n", "A. {¶1}\n\nC. {¶3}\n", ParagraphDiff((3,), (), (2,))),
    # A list item and a table are compared like paragraphs; a table's number is on its own line.
    ("- x {¶1}\n", "- y {¶1}\n", ParagraphDiff((), (1,), ())),
    ("| a |\n|---|\n| b |\n\n{¶1}\n", "| a |\n|---|\n| c |\n\n{¶1}\n", ParagraphDiff((), (1,), ())),
    # A block without a number yet is not listed (`handbook paragraphs number` gives it one).
    ("A. {¶1}\n", "A. {¶1}\n\nNew.\n", ParagraphDiff((), (), ())),
    (BODY_1, BODY_NOW, ParagraphDiff((7, 8), (2,), (3,))),
])
def test_compare_lists_numbers_added_changed_and_removed(old, new, expected):
    assert compare(old, new) == expected


def test_a_number_is_removed_in_the_edition_after_the_last_one_that_had_it(tmp_path):
    project = write_history(tmp_path / "hb")
    now = read(project.docs / "chapters/intake.md").body
    # 4.3 was in edition 1 and is gone now (edition 2); 4.6 came and went between the two tags.
    assert removed_in(project.root, edition.load(project), "chapters/intake.md", now) == {3: 2}


def test_without_the_tag_nothing_is_claimed(tmp_path):
    project = write_history(tmp_path / "hb")
    (tmp_path / "hb" / ".git").rename(tmp_path / "hb" / "git-away")
    assert read_at(project.root, "edition-1", ["chapters/intake.md"]) == {}
    assert removed_in(project.root, edition.load(project), "chapters/intake.md", BODY_NOW) == {}


def test_read_at_leaves_out_pages_the_tag_does_not_hold(tmp_path):
    project = write_history(tmp_path / "hb")
    got = read_at(project.root, "edition-1", ["chapters/intake.md", "chapters/none.md", "index.md"])
    assert sorted(got) == ["chapters/intake.md", "index.md"] and "{¶3}" in got["chapters/intake.md"]


WHATS_NEW = {
    "en": "### Paragraphs changed since edition 1 { #edition-2-paragraphs }\n\n"
          "- [4 Intake](chapters/intake.md): Added: [4.7](chapters/intake.md#p4-7) and "
          "[4.8](chapters/intake.md#p4-8) · Changed: [4.2](chapters/intake.md#p4-2) · Removed: 4.3\n",
    "fr": "### Paragraphes modifiés depuis l’édition 1 { #edition-2-paragraphs }\n\n"
          "- [4 <span lang=\"en\" dir=\"ltr\">Intake</span> (anglais)](chapters/intake.md): Ajoutés : "
          "[4.7](chapters/intake.md#p4-7) et [4.8](chapters/intake.md#p4-8) · Modifiés : "
          "[4.2](chapters/intake.md#p4-2) · Supprimés : 4.3\n",
    "ar": "### الفقرات التي تغيّرت منذ الطبعة 1 { #edition-2-paragraphs }\n\n"
          "- [4 الاستقبال](chapters/intake.md): أُضيفت: [4.7](chapters/intake.md#p4-7) و"
          "[4.8](chapters/intake.md#p4-8) · عُدِّلت: [4.2](chapters/intake.md#p4-2) · حُذفت: 4.3\n",
}


@pytest.mark.parametrize("code", sorted(WHATS_NEW))
def test_whats_new_lists_paragraphs_by_number_in_the_readers_language(tmp_path, code):
    from handbook.editorial.site import paragraphs_markdown
    from handbook.languages import load_i18n

    project = write_history(tmp_path / "hb")
    got = paragraphs_markdown(project, load_i18n(project.root), code, edition.load(project))
    assert got == WHATS_NEW[code]


@pytest.mark.parametrize("case", ["first edition", "tag not in the repository"])
def test_whats_new_lists_nothing_it_cannot_compare(tmp_path, case):
    from handbook.editorial.site import paragraphs_markdown
    from handbook.languages import load_i18n

    project = write_history(tmp_path / "hb")
    if case == "first edition":
        path = project.root / "translations" / "edition.yml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("  - number: 2\n    date: 2027-06-30\n    status: draft\n", "")
                        .replace("status: published", "status: draft"), encoding="utf-8")
    else:
        subprocess.run(["git", "tag", "-d", "edition-1"], cwd=project.root, check=True, capture_output=True)
    assert paragraphs_markdown(project, load_i18n(project.root), "en", edition.load(project)) == ""
