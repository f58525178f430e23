"""`handbook review`: due, overdue and invalid review dates, outdated translations, by owner.

"Today" is always passed in, never read from the clock.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from handbook.cli import main
from handbook.editorial.review import review
from tests.conftest import make_handbook, page, translated_page

TODAY = dt.date(2026, 12, 20)


def findings(tmp_path: Path, pages: dict[str, str], *, today: dt.date = TODAY, context: str = "pull_request"):
    project = make_handbook(tmp_path / "hb", pages)
    return [(f.group, f.diagnostic) for f in review(project, today, context=context, revisions={})]


def one(tmp_path: Path, **meta) -> list[tuple[str, str, int, str, str]]:
    today = meta.pop("today", TODAY)
    context = meta.pop("context", "pull_request")
    body = meta.pop("text", None)
    text = body if body is not None else page("Guide", "# Guide { #guide }", owner="Interviewing group", **meta)
    return [(d.code, d.severity, d.line, d.message, group)
            for group, d in findings(tmp_path, {"guide.md": text}, today=today, context=context)]


# Front matter lines written by tests.conftest.page(): title 2, description 3, owner 4,
# last_reviewed 5, review_interval_months 6.
@pytest.mark.parametrize(("meta", "expected"), [
    pytest.param(dict(last_reviewed="2026-06-01", review_interval_months=12), [], id="not-due"),
    pytest.param(dict(last_reviewed="2026-01-15", review_interval_months=12),
                 [("REV004", "warning", 5, "review due in 26 days, on 2027-01-15: last reviewed 2026-01-15 "
                   "(every 12 months)", "Interviewing group")], id="due"),
    pytest.param(dict(last_reviewed="2026-06-20", review_interval_months=6),
                 [("REV004", "warning", 5, "review due today, on 2026-12-20: last reviewed 2026-06-20 "
                   "(every 6 months)", "Interviewing group")], id="due-today"),
    pytest.param(dict(last_reviewed="2025-12-03", review_interval_months=12),
                 [("REV003", "warning", 5, "review overdue by 17 days: last reviewed 2025-12-03, next review was "
                   "due 2026-12-03 (every 12 months)", "Interviewing group")], id="overdue-on-pull-request"),
    pytest.param(dict(last_reviewed="2025-12-03", review_interval_months=12, context="release"),
                 [("REV003", "error", 5, "review overdue by 17 days: last reviewed 2025-12-03, next review was "
                   "due 2026-12-03 (every 12 months)", "Interviewing group")], id="overdue-at-release"),
    pytest.param(dict(last_reviewed="2026-11-19", review_interval_months=1),
                 [("REV003", "warning", 5, "review overdue by 1 day: last reviewed 2026-11-19, next review was "
                   "due 2026-12-19 (every 1 month)", "Interviewing group")], id="overdue-one-day"),
    pytest.param(dict(last_reviewed="2026-13-01", review_interval_months=12),
                 # PyYAML cannot read such a date, so the page's owner is unknown too.
                 [("REV002", "error", 5, "'last_reviewed: 2026-13-01' must be a date written YYYY-MM-DD",
                   "(no owner)")], id="invalid-date"),
    pytest.param(dict(last_reviewed="'01/06/2026'", review_interval_months=12),
                 [("REV002", "error", 5, "'last_reviewed: 01/06/2026' must be a date written YYYY-MM-DD",
                   "Interviewing group")], id="not-iso-date"),
    pytest.param(dict(last_reviewed="2027-01-10", review_interval_months=12),
                 [("REV002", "error", 5, "'last_reviewed: 2027-01-10' is in the future (today is 2026-12-20)",
                   "Interviewing group")], id="future-date"),
    pytest.param(dict(last_reviewed="2026-06-01", review_interval_months=0),
                 [("REV002", "error", 6, "'review_interval_months: 0' must be a whole number greater than 0",
                   "Interviewing group")], id="zero-interval"),
    pytest.param(dict(last_reviewed="2026-06-01", review_interval_months="yearly"),
                 [("REV002", "error", 6, "'review_interval_months: yearly' must be a whole number greater than 0",
                   "Interviewing group")], id="text-interval"),
])
def test_review_dates(tmp_path, meta, expected):
    assert one(tmp_path, **meta) == expected


def test_missing_metadata_is_an_error_naming_the_file(tmp_path):
    text = "---\ntitle: Guide\ndescription: A page.\nlast_reviewed: 2026-06-01\n---\n\n# Guide { #guide }\n"
    result = findings(tmp_path, {"guide.md": text})
    assert [(g, d.path, d.line, d.code, d.severity, d.message) for g, d in result] == [
        ("(no owner)", "docs/guide.md", 1, "FM003", "error", "front matter lacks required key 'owner'"),
        ("(no owner)", "docs/guide.md", 1, "FM003", "error", "front matter lacks required key 'review_interval_months'"),
    ]
    assert "add 'owner:'" in result[0][1].hint


def test_unparseable_front_matter_is_reported_not_raised(tmp_path):
    text = "---\ntitle: [unclosed\n---\n\n# Guide { #guide }\n"
    (group, diag), = findings(tmp_path, {"guide.md": text})
    assert (diag.path, diag.code, diag.severity) == ("docs/guide.md", "REV002", "error")
    assert diag.message.startswith("invalid YAML")


def test_translations_and_snippets_carry_no_review_keys(tmp_path):
    pages = {"guide.md": page("Guide", "# Guide { #guide }", last_reviewed="2026-06-01"),
             "guide.fr.md": translated_page("Guide", "# Guide { #guide }"),
             "snippets/note.md": "A snippet without front matter.\n"}
    assert findings(tmp_path, pages) == []


# --- the command ------------------------------------------------------------------------------------

def test_command_groups_by_owner_and_exits_by_severity(tmp_path, monkeypatch, capsys):
    pages = {
        "a.md": page("A", "# A { #a }", owner="Victim care group", last_reviewed="2025-01-01"),
        "b.md": page("B", "# B { #b }", owner="Interviewing group", last_reviewed="2026-01-10"),
        "c.md": page("C", "# C { #c }", owner="Victim care group", last_reviewed="2026-12-01"),
    }
    project = make_handbook(tmp_path / "hb", pages)
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    assert main(["review", "--today", "2026-12-20"]) == 0  # warnings only, on a pull request
    out = capsys.readouterr()
    assert out.out == (
        "== Interviewing group: 1 finding ==\n"
        "docs/b.md:5:1: REV004 review due in 21 days, on 2027-01-10: last reviewed 2026-01-10 (every 12 months) "
        "(Interviewing group: plan the review)\n"
        "== Victim care group: 1 finding ==\n"
        "docs/a.md:5:1: REV003 review overdue by 353 days: last reviewed 2025-01-01, next review was due "
        "2026-01-01 (every 12 months) (Victim care group: review the page, then set last_reviewed to the review date)\n"
    )
    assert "0 error(s), 2 warning(s)" in out.err
    assert main(["review", "--today", "2026-12-20", "--context", "release", "--format", "github"]) == 1
    assert "::error file=docs/a.md,line=5,col=1,title=REV003::review overdue" in capsys.readouterr().out
    assert main(["review", "--today", "2026-12-20", "--owner", "interviewing group"]) == 0
    assert "docs/a.md" not in capsys.readouterr().out
    assert main(["review", "--today", "2026-12-20", "--owner", "Nobody"]) == 2
    assert main(["review", "--today", "2026-13-20"]) == 2


def test_overdue_severity_is_configurable(tmp_path):
    project = make_handbook(tmp_path / "hb", {"a.md": page("A", "# A { #a }", last_reviewed="2025-01-01")})
    policy = project.root / "translations" / "edition.yml"
    policy.write_text(policy.read_text().replace("pull_request: warning", "pull_request: error"))
    (finding,) = review(project, TODAY, revisions={})
    assert (finding.diagnostic.code, finding.diagnostic.severity) == ("REV003", "error")


# --- translations left behind -------------------------------------------------------------------------

def git(root: Path, *args: str, when: str = "2026-01-01T12:00:00Z") -> str:
    env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when, GIT_AUTHOR_NAME="Editor",
               GIT_AUTHOR_EMAIL="editor@example.org", GIT_COMMITTER_NAME="Editor",
               GIT_COMMITTER_EMAIL="editor@example.org")
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    def make(pages: dict[str, str]):
        project = make_handbook(tmp_path / "hb", pages)
        git(project.root, "init", "-q")
        git(project.root, "add", ".")
        git(project.root, "commit", "-q", "-m", "first", when="2026-03-01T10:00:00Z")
        return project
    return make


def test_translation_older_than_an_english_change(repo):
    project = repo({"guide.md": page("Guide", "# Guide { #guide }\n\nOne.", last_reviewed="2026-03-01"),
                    "guide.fr.md": translated_page("Guide", "# Guide { #guide }\n\nUn."),
                    "guide.es.md": translated_page("Guía", "# Guía { #guide }\n\nUno.")})
    (project.docs / "guide.md").write_text(page("Guide", "# Guide { #guide }\n\nOne. Two.", last_reviewed="2026-03-01"))
    git(project.root, "commit", "-q", "-am", "change", when="2026-05-02T10:00:00Z")
    (project.docs / "guide.es.md").write_text(translated_page("Guía", "# Guía { #guide }\n\nUno. Dos."))
    git(project.root, "commit", "-q", "-am", "es", when="2026-05-03T10:00:00Z")
    first = git(project.root, "rev-list", "--max-parents=0", "HEAD").strip()
    result = [(f.group, f.diagnostic) for f in review(project, dt.date(2026, 6, 1))]
    assert [(g, d.path, d.code, d.severity, d.message) for g, d in result] == [
        ("Français translation team", "docs/guide.fr.md", "REV006", "warning",
         "the English page changed on 2026-05-02, after this translation was last updated (2026-03-01)"),
    ]
    assert result[0][1].hint == f"update the translation; see what changed: git diff {first} -- docs/guide.md"


def test_translation_older_than_an_english_review(repo):
    project = repo({"guide.md": page("Guide", "# Guide { #guide }", last_reviewed="2026-02-01"),
                    "guide.ar.md": translated_page("دليل", "# دليل { #guide }")})
    (project.docs / "guide.md").write_text(page("Guide", "# Guide { #guide }", last_reviewed="2026-04-10"))
    git(project.root, "commit", "-q", "-am", "reviewed", when="2026-04-10T10:00:00Z")
    (finding,) = review(project, dt.date(2026, 6, 1))
    assert (finding.group, finding.diagnostic.code, finding.diagnostic.message) == (
        "العربية translation team", "REV005",
        "the English page was reviewed on 2026-04-10, after this translation was last updated (2026-03-01)")


def test_recorded_source_version_wins_over_commit_dates(repo):
    english = page("Guide", "# Guide { #guide }\n\nOne.", last_reviewed="2026-02-01")
    project = repo({"guide.md": english, "guide.fr.md": translated_page("Guide", "# Guide { #guide }")})
    blob = git(project.root, "hash-object", "docs/guide.md").strip()
    # The translator recorded the English version they translated; a later commit that only
    # touches other files must not mark the translation outdated, and an English edit must.
    (project.docs / "guide.fr.md").write_text(translated_page("Guide", "# Guide { #guide }", source_blob=blob,
                                                                translated_on="2026-03-02"))
    git(project.root, "commit", "-q", "-am", "fr", when="2026-03-02T10:00:00Z")
    assert review(project, dt.date(2026, 6, 1)) == []
    (project.docs / "guide.md").write_text(english.replace("One.", "One, revised."))
    (finding,) = review(project, dt.date(2026, 6, 1))
    assert finding.diagnostic.code == "REV006"
    assert "after this translation was last updated (2026-03-02)" in finding.diagnostic.message


def test_every_page_of_the_handbook_has_valid_review_metadata():
    from tests.conftest import REPO

    from handbook.paths import Project

    # A date far ahead, so that only missing or invalid metadata (FM003, REV002) can show up here.
    errors = [f.diagnostic.text() for f in review(Project(REPO), dt.date(2100, 1, 1), revisions={})
              if f.diagnostic.code in ("FM003", "REV002")]
    assert errors == []
