"""CODEOWNERS routes chapters to committee working groups and languages to national teams."""

from __future__ import annotations

import pytest

from handbook.editorial.codeowners import CODEOWNERS_FILE, Rule, owner_rule, parse
from handbook.languages import load_i18n
from tests.conftest import REPO

RULES = parse(REPO / CODEOWNERS_FILE)
I18N = load_i18n(REPO)


@pytest.mark.parametrize(("pattern", "path", "expected"), [
    ("*", "docs/index.md", True),
    ("*.fr.md", "docs/chapters/x.fr.md", True),
    ("*.fr.md", "docs/chapters/x.md", False),
    ("/handbook/", "handbook/editorial/review.py", True),
    ("/handbook/", "docs/handbook/x.md", False),
    ("/docs/chapters/x.md", "docs/chapters/x.md", True),
    ("/docs/chapters/x.md", "docs/chapters/x.fr.md", False),
])
def test_pattern_matching(pattern, path, expected):
    assert Rule(pattern, ("@team",), 1).matches(path) is expected


def english_pages(folder: str) -> list[str]:
    return sorted(p.relative_to(REPO).as_posix() for p in (REPO / "docs" / folder).glob("*.md")
                  if p.suffixes == [".md"])


@pytest.mark.parametrize("path", english_pages("chapters") + english_pages("checklists"))
def test_every_chapter_and_checklist_has_a_working_group(path):
    rule = owner_rule(RULES, path)
    assert rule is not None and rule.pattern == f"/{path}", f"{path}: add a line to {CODEOWNERS_FILE}"
    assert all(owner.endswith("-wg") for owner in rule.owners)


@pytest.mark.parametrize("code", I18N.translated_codes)
def test_every_language_goes_to_its_national_team(code):
    for path in (f"docs/chapters/terminology.{code}.md", f"docs/index.{code}.md",
                 f"translations/ui/editorial.{code}.yml"):
        rule = owner_rule(RULES, path)
        assert rule is not None and rule.owners == (f"@OWNER/translators-{code}",), path
    assert owner_rule(RULES, "docs/chapters/terminology.md").owners == ("@OWNER/terminology-wg",)
