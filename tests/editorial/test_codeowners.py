"""CODEOWNERS routes chapters to working groups, translations to national teams, and the toolchain
to the maintainers whatever a file is called, read with GitHub's matching rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.check.codeowners import CODEOWNERS_FILE, OwnerRule, owner_rule, parse
from handbook.errors import HandbookError
from handbook.languages import load_i18n
from tests.conftest import REPO

RULES = parse(REPO / CODEOWNERS_FILE)
I18N = load_i18n(REPO)
MAINTAINERS = ("@OWNER/handbook-maintainers",)


# GitHub's rules ("About code owners"; hmarr/codeowners where git and GitHub differ).
@pytest.mark.parametrize(("pattern", "path", "expected"), [
    # '*' alone owns everything
    ("*", "docs/index.md", True),
    ("*", "hb", True),
    # no '/': at any depth
    ("*.fr.md", "docs/chapters/x.fr.md", True),
    ("*.fr.md", "x.fr.md", True),
    ("*.fr.md", "docs/chapters/x.md", False),
    ("*.fr.yml", ".github/workflows/x.fr.yml", True),
    ("logs/", "logs/a.txt", True),
    ("logs/", "build/logs/a.txt", True),
    ("logs/", "logs", False),  # a trailing '/' never matches a file
    # a leading '/' anchors to the root
    ("/handbook/", "handbook/editorial/review.py", True),
    ("/handbook/", "docs/handbook/x.md", False),
    ("/handbook/", "handbook", False),
    ("/hb", "hb", True),
    ("/hb", "hbx", False),
    ("/hb", "scripts/hb", False),
    ("/docs", "docs/chapters/x.md", True),  # a folder named without '/' owns its contents
    ("/docs/chapters/x.md", "docs/chapters/x.md", True),
    ("/docs/chapters/x.md", "docs/chapters/x.fr.md", False),
    # a '/' in the middle anchors too
    ("docs/chapters", "docs/chapters/x.md", True),
    ("docs/chapters", "a/docs/chapters/x.md", False),
    # '*' and '?' do not cross '/'; a final '/*' owns direct children only
    ("/translations/ui/*.fr.yml", "translations/ui/core.fr.yml", True),
    ("/translations/ui/*.fr.yml", "translations/ui/old/core.fr.yml", False),
    ("/docs/*.md", "docs/chapters/x.md", False),
    ("docs/*", "docs/index.md", True),
    ("docs/*", "docs/chapters/x.md", False),
    ("/docs/chapters/x.??.md", "docs/chapters/x.fr.md", True),
    ("/docs/chapters/x.??.md", "docs/chapters/x.md", False),
    # '**' crosses '/', and matches no folder at all too
    ("/docs/**/*.fr.md", "docs/index.fr.md", True),
    ("/docs/**/*.fr.md", "docs/chapters/deep/x.fr.md", True),
    ("/docs/**/*.fr.md", "tests/docs/x.fr.md", False),
    ("**/logs", "logs/a.txt", True),
    ("**/logs", "a/b/logs/c.txt", True),
    ("/docs/**", "docs/a/b.md", True),
    ("/docs/**", "docs", False),
])
def test_pattern_matching(pattern, path, expected):
    assert OwnerRule(pattern, ("@team",), 1).matches(path) is expected


def test_the_last_matching_line_decides(tmp_path: Path):
    (tmp_path / "CODEOWNERS").write_text(
        "# comment\n*  @all\n*.fr.md @fr\n/docs/  @docs  # inline comment\n/docs/x.fr.md\n", encoding="utf-8")
    rules = parse(tmp_path / "CODEOWNERS")
    decided = {path: owner_rule(rules, path) for path in ("a.md", "a.fr.md", "docs/a.fr.md", "docs/x.fr.md")}
    assert {path: (rule.line, rule.owners) for path, rule in decided.items()} == {
        "a.md": (2, ("@all",)), "a.fr.md": (3, ("@fr",)), "docs/a.fr.md": (4, ("@docs",)),
        "docs/x.fr.md": (5, ()),  # a line without owners leaves the file unowned
    }


@pytest.mark.parametrize(("line", "problem"), [
    ("!docs/x.md @a", "'!' negation"),
    ("/docs/[ab].md @a", "'[...]' character ranges"),
    ("\\#notes.md @a", "'\\' escapes"),
    ("/docs/x\\*.md @a", "'\\' escapes"),
    ("/docs/***/x.md @a", "three asterisks in a row"),
])
def test_syntax_github_skips_is_refused_with_its_line(tmp_path: Path, line: str, problem: str):
    path = tmp_path / "CODEOWNERS"
    path.write_text(f"* @all\n{line}\n", encoding="utf-8")
    with pytest.raises(HandbookError) as caught:
        parse(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:2: pattern '") and f"' uses {problem}, which" in message, message


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
    for path in (f"docs/chapters/x.{code}.md", f"docs/chapters/terminology.{code}.md", f"docs/index.{code}.md",
                 f"docs/checklists/deeper/x.{code}.md", f"translations/ui/core.{code}.yml",
                 f"translations/ui/editorial.{code}.yml"):
        rule = owner_rule(RULES, path)
        assert rule is not None and rule.owners == (f"@OWNER/translators-{code}",), \
            f"{path}: {rule and rule.owners}; add the lines of '{code}' to section 4 of {CODEOWNERS_FILE}"
    assert owner_rule(RULES, "docs/chapters/terminology.md").owners == ("@OWNER/terminology-wg",)


TOOLCHAIN = (".github/workflows/x.{}.yml", ".github/x.{}.md", ".github/CODEOWNERS", "hooks/x.{}.py",
             "handbook/x.{}.py", "handbook/translation/templates/x.{}.md", "overrides/partials/x.{}.html",
             "overrides/x.{}.md", "scripts/x.{}.sh", "tests/x.{}.py", "tests/fixtures/docs/x.{}.md",
             "tests/fixtures/translations/ui/core.{}.yml", "benchmarks/x.{}.py", ".ci/x.{}.yml", ".ci/run", "hb",
             "pyproject.toml", "constraints.txt", "mkdocs.yml", ".pre-commit-config.yaml")


@pytest.mark.parametrize("code", I18N.codes)
@pytest.mark.parametrize("template", TOOLCHAIN)
def test_toolchain_is_the_maintainers_whatever_the_file_name(code, template):
    path = template.format(code)
    rule = owner_rule(RULES, path)
    assert rule is not None and rule.owners == MAINTAINERS, \
        f"{path} is decided by line {rule and rule.line} ({rule and rule.owners}), not the maintainers"


@pytest.mark.parametrize("code", I18N.translated_codes)
def test_review_templates_keep_the_maintainers_with_the_committee(code):
    for path in (".github/PULL_REQUEST_TEMPLATE.md", f".github/ISSUE_TEMPLATE/x.{code}.yml"):
        assert owner_rule(RULES, path).owners == ("@OWNER/editorial-committee", *MAINTAINERS), path


# --- the check family: handbook check --only owners -----------------------------------------------

def _owners_file(without: str = "", extra: str = "") -> str:
    lines = ["*  @ORG/editorial-committee", "/docs/chapters/alpha.md  @ORG/alpha-wg"]
    for code in ("fr", "es", "ar"):
        lines += [f"/docs/**/*.{code}.md  @ORG/translators-{code}", f"/translations/ui/*.{code}.yml  @ORG/translators-{code}",
                  f"/translations/po/{code}/  @ORG/translators-{code}"]
    return "\n".join(line for line in lines if line != without) + "\n" + extra


OWNER_CASES = [  # (case, CODEOWNERS text, expected findings as 'path:line CODE')
    ("complete", _owners_file(), []),
    ("chapter-without-its-line", _owners_file(without="/docs/chapters/alpha.md  @ORG/alpha-wg"),
     ["docs/chapters/alpha.md:1 OWN001"]),
    ("language-without-team", _owners_file(without="/translations/ui/*.es.yml  @ORG/translators-es"),
     [".github/CODEOWNERS:1 OWN002"]),
    ("po-files-without-team", _owners_file(without="/translations/po/ar/  @ORG/translators-ar"),
     [".github/CODEOWNERS:1 OWN002"]),
    ("line-github-skips", _owners_file(extra="!/docs/secret.md  @ORG/x\n"), [".github/CODEOWNERS:12 OWN003"]),
]


@pytest.mark.parametrize(("case", "text", "expected"), OWNER_CASES, ids=[c[0] for c in OWNER_CASES])
def test_handbook_check_refuses_a_change_nobody_would_approve(handbook_factory, case, text, expected):
    from handbook.check import check_docs
    from tests.conftest import page

    project = handbook_factory({"index.md": page("Home", "Welcome."),
                                "chapters/alpha.md": page("Alpha", "Text.", chapter=1)})
    (project.root / CODEOWNERS_FILE).parent.mkdir(exist_ok=True)
    (project.root / CODEOWNERS_FILE).write_text(text, encoding="utf-8")
    assert [f"{d.path}:{d.line} {d.code}" for d in check_docs(project, ["owners"])] == expected
