"""The source-level LEAK rules of `handbook check`: links to restricted pages (LEAK003), restricted
titles in public lists (LEAK004), restricted text or images in public files (LEAK005)."""

from __future__ import annotations

import shutil

import pytest

from handbook.check import check_docs
from handbook.check.leaks import restricted_target
from tests.conftest import page
from tests.leaks.fixture import CANARY_EN, CANARY_EN_SOURCE, IMAGE, TITLE, TITLE_SOURCE, TREATY, handbook

LINKS = [
    # (id, page path, Markdown, reported)
    ("relative-into-the-tree", "extra.md", "[Desk](../restricted/docs/liaison-desk.md)", True),
    ("address-prefix", "extra.md", "[Desk](restricted/liaison-desk/)", True),
    ("address-prefix-from-a-folder", "chapters/extra.md", "[Desk](../restricted/liaison-desk.md)", True),
    ("climbing-out-of-a-language", "chapters/extra.md", "[Desk](../../../restricted/liaison-desk/#duty-roster)", True),
    ("absolute-with-a-language", "extra.md", '<a href="/fr/restricted/liaison-desk/">Desk</a>', True),
    ("raw-html-from-the-page-address", "chapters/extra.md", '<a href="../../restricted/liaison-desk/">Desk</a>', True),
    ("reference-definition", "extra.md", "[Desk][d]\n\n[d]: restricted/liaison-desk/", 13),
    ("public-page", "extra.md", "[Guide](guide.md)", False),
    ("public-folder-named-alike", "extra.md", "[Rules](restricted-areas.md)", False),
    ("external-site", "extra.md", "[Elsewhere](https://example.org/restricted/x/)", False),
]


def _codes(project, code: str) -> list[tuple[str, int, str]]:
    return [(d.path, d.line, d.message) for d in check_docs(project, ["leaks"]) if d.code == code]


@pytest.mark.parametrize(("rel", "markdown", "reported"), [row[1:] for row in LINKS], ids=[row[0] for row in LINKS])
def test_a_public_link_to_a_restricted_page_is_an_error(tmp_path, rel, markdown, reported):
    project = handbook(tmp_path / "hb", {rel: page("Extra", f"# Extra {{ #extra }}\n\n{markdown}\n"),
                                         "restricted-areas.md": page("Areas", "# Areas { #areas }\n\nText.")})
    found = _codes(project, "LEAK003")
    line = 11 if reported is True else reported  # the page's body starts on line 11
    assert [(path, line) for path, line, _ in found] == ([(f"docs/{rel}", line)] if reported else [])


def test_a_link_into_restricted_is_an_error_without_the_tree_too(tmp_path):
    project = handbook(tmp_path / "hb", {"extra.md": page("Extra", "# Extra { #extra }\n\n[D](restricted/x/)\n")},
                       restricted=False)
    assert [d.code for d in check_docs(project, ["leaks"])] == ["LEAK003"]


@pytest.mark.parametrize(("base", "path", "expected"), [
    ("chapters", "../restricted/x.md", True), ("", "restricted", True), ("fr", "../restricted/x/", True),
    ("chapters/x/", "../../fr/restricted/y/", True), ("", "docs/restricted.md", False), ("", "guide.md", False),
])
def test_restricted_target(base, path, expected):
    assert restricted_target(base, path, ("en", "fr", "es", "ar")) is expected


def _title_in(rel: str, text: str):
    def write(project) -> None:
        path = project.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return write


def _nav_title(project) -> None:
    config = project.config_file.read_text(encoding="utf-8")
    project.config_file.write_text(config.replace("  - guide.md\n", f"  - {TITLE}: guide.md\n"), encoding="utf-8")


TITLES = [
    # (id, seed, file named, line)
    ("change-log", _title_in("changes/1/desk.yml", "type: added\npages: [guide.md]\ntext:\n  en: >-\n    A new page,\n"
                             f"    {TITLE.lower().replace(' ', chr(10) + '    ', 1)}, was added.\n"),
     "changes/1/desk.yml", 6),
    ("navigation", _nav_title, "mkdocs.yml", None),
    ("navigation-section-titles", _title_in("translations/ui/nav.en.yml", f"nav_chapters: {TITLE}\n"
                                                                         "nav_checklists: Checklists\n"
                                                                         "nav_contributing: Contributing\n"
                                                                         "nav_restricted: Restricted\n"),
     "translations/ui/nav.en.yml", 1),
    ("whats-new", _title_in("docs/whats-new.md", page("What's new", f"# New {{ #new }}\n\n<!-- handbook:changes -->\n\n"
                                                      f"See {TITLE}.\n")), "docs/whats-new.md", 13),
    ("glossary", _title_in("docs/glossary.md", page("Glossary", f"# Glossary {{ #glossary }}\n\n{TITLE}\n\n"
                                                    "<!-- handbook:glossary -->\n")), "docs/glossary.md", 11),
    ("status-page-french-title", _title_in("docs/translation-status.md", page(
        "Status", "# Status { #status }\n\nDispositif du bureau de liaison\n")), "docs/translation-status.md", 11),
]


@pytest.mark.parametrize(("seed", "path", "line"), [row[1:] for row in TITLES], ids=[row[0] for row in TITLES])
def test_a_restricted_title_in_a_public_list_is_an_error(tmp_path, seed, path, line):
    project = handbook(tmp_path / "hb")
    seed(project)
    found = _codes(project, "LEAK004")
    assert len(found) == 1, found
    assert found[0][0] == path and (line is None or found[0][1] == line)
    assert "restricted/docs/liaison-desk" in found[0][2] and TITLE not in found[0][2]


def test_a_restricted_title_elsewhere_in_a_public_list_is_not_searched_without_the_tree(tmp_path):
    project = handbook(tmp_path / "hb", restricted=False)
    _title_in("changes/1/desk.yml", f"text:\n  en: {TITLE}\n")(project)
    assert check_docs(project, ["leaks"]) == []


def test_a_canary_copied_into_a_public_page_is_an_error_that_names_both_files(tmp_path):
    project = handbook(tmp_path / "hb", {"extra.md": page("Extra", f"# Extra {{ #extra }}\n\nAs noted: {CANARY_EN}\n")})
    assert _codes(project, "LEAK005") == [
        ("docs/extra.md", 11, f"public page holds restricted text from {CANARY_EN_SOURCE}")]


def test_the_restricted_image_copied_into_docs_is_an_error(tmp_path):
    project = handbook(tmp_path / "hb")
    (project.docs / "images").mkdir()
    shutil.copy(IMAGE, project.docs / "images" / "chart.png")
    assert [(p, m) for p, _, m in _codes(project, "LEAK005")] == [
        ("docs/images/chart.png", "public file is the restricted image restricted/docs/images/liaison-chart.png")]


def test_quoted_treaty_text_in_both_trees_is_not_reported(tmp_path):
    project = handbook(tmp_path / "hb")
    assert TREATY in (project.docs / "index.md").read_text(encoding="utf-8")
    assert check_docs(project, ["leaks"]) == []


def test_a_title_source_is_named_with_its_line():
    assert TITLE_SOURCE == "restricted/docs/liaison-desk.md:2"  # the fixture's title line, used above
