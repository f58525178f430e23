"""Editions: one file defines them; `handbook edition` publishes, starts, checks and releases them."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import textwrap

import pytest
import yaml

from handbook.cli import COMMANDS, main
from handbook.editorial import edition
from handbook.errors import HandbookError
from tests.conftest import REPO, make_handbook, page

D = dt.date


@pytest.fixture
def project(tmp_path, monkeypatch):
    proj = make_handbook(tmp_path / "hb", {"index.md": page("Home", "# Home { #home }"),
                                           "guide.md": page("Guide", "# Guide { #guide }")})
    monkeypatch.setenv("HANDBOOK_ROOT", str(proj.root))
    # The repository's file still has the placeholder (refused by publish); the fixture's own path.
    path = proj.root / edition.EDITION_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(edition.DOWNLOADS_PLACEHOLDER, "fixture-org/handbook"),
                    encoding="utf-8")
    return proj


def test_the_repository_defines_its_current_edition():
    current = edition.current(edition.Project(REPO))
    assert isinstance(current.number, int) and current.number >= 1
    assert current.status in ("draft", "published")
    assert current.tag == f"edition-{current.number}"


GOOD = textwrap.dedent("""\
    editions:
      - number: 1
        date: 2026-01-10
        status: published
    downloads: https://example.org/edition-{number}/
    pdf_file: handbook-{number}-{lang}.pdf
    review:
      due_within_days: 30
      overdue: {pull_request: warning, release: error}
    """)


@pytest.mark.parametrize(("edit", "line", "message"), [
    (("number: 1", "number: 2"), 2, "edition number 2 should be 1"),
    (("date: 2026-01-10", "date: soon"), 3, "edition date 'soon' is not a date"),
    (("status: published", "status: final"), 4, "edition status 'final' must be 'draft' or 'published'"),
    (("    status: published\n", "    status: published\n  - number: 2\n    date: 2025-01-01\n    status: draft\n"),
     6, "edition 2 is dated 2025-01-01, before edition 1 (2026-01-10)"),
    (("    status: published\n", "    status: draft\n  - number: 2\n    date: 2027-01-01\n    status: draft\n"),
     2, "edition 1 is a draft but is not the last edition"),
    (("edition-{number}/", "edition/"), 5, "'downloads' must be the URL of an edition's release files"),
    (("release: error", "release: fatal"), 9, "'overdue' must map pull_request and release"),
])
def test_invalid_editions_file_names_file_and_line(project, edit, line, message):
    path = project.root / edition.EDITION_FILE
    path.write_text(GOOD.replace(*edit), encoding="utf-8")
    with pytest.raises(HandbookError) as info:
        edition.load(project)
    assert info.value.path == str(path) and info.value.line == line
    assert info.value.message.startswith(message)


def test_publish_then_start_the_next_edition_keeping_the_file(project, capsys):
    path = project.root / edition.EDITION_FILE
    before = path.read_text(encoding="utf-8")
    assert edition.current(project).status == "draft"
    with pytest.raises(HandbookError, match="still a draft"):
        edition.start_next(project, D(2028, 1, 1))

    assert main(["edition", "publish", "--date", "2027-04-02"]) == 0
    assert "git tag edition-1" in capsys.readouterr().out
    published = edition.current(project)
    assert (published.number, published.date, published.status) == (1, D(2027, 4, 2), "published")

    assert main(["edition", "new", "--date", "2028-03-31"]) == 0
    after = path.read_text(encoding="utf-8")
    loaded = edition.load(project)
    assert [(e.number, e.date, e.status) for e in loaded.editions] == [
        (1, D(2027, 4, 2), "published"), (2, D(2028, 3, 31), "draft")]
    # Only the edited lines changed: comments and the rest of the file are kept byte for byte.
    assert [l for l in before.splitlines() if l.lstrip().startswith("#")] == \
        [l for l in after.splitlines() if l.lstrip().startswith("#")]
    assert after.split("downloads:")[1] == before.split("downloads:")[1]
    assert (project.root / "changes" / "2").is_dir()
    assert main(["edition", "show", "--field", "number"]) == 0
    assert capsys.readouterr().out.endswith("2\n")
    with pytest.raises(HandbookError, match=r"before the previous edition \(2027-04-02\)"):
        edition.publish(project, D(2026, 1, 1))


@pytest.mark.parametrize("url", [
    "https://github.com/OWNER/REPOSITORY/releases/download/edition-{number}/",
    "https://example.org/OWNER/REPOSITORY/edition-{number}/",
])
def test_publish_refuses_the_placeholder_downloads_url(project, capsys, url):
    path = project.root / edition.EDITION_FILE
    text = re.sub(r"(?m)^downloads: .*$", f"downloads: {url}", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index(f"downloads: {url}") + 1
    assert main(["edition", "publish", "--date", "2027-04-02"]) == 2
    err = capsys.readouterr().err
    assert f"translations/edition.yml:{line}: 'downloads' still holds the placeholder OWNER/REPOSITORY" in err
    assert "Replace OWNER/REPOSITORY by the repository's path" in err
    assert path.read_text(encoding="utf-8") == text  # nothing published
    assert edition.current(project).status == "draft"


def test_release_files_are_named_per_edition_with_checksums(project, tmp_path, capsys):
    site = tmp_path / "site"
    pdfs = {"pdf/handbook.pdf": b"%PDF-en", "fr/pdf/handbook.pdf": b"%PDF-fr",
            "es/pdf/handbook.pdf": b"%PDF-es", "ar/pdf/handbook.pdf": b"%PDF-ar"}
    for rel, data in pdfs.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    out = tmp_path / "release"
    # The tag must release the current edition, and only once it is published.
    assert main(["edition", "assets", "--site", str(site), "--out", str(out), "--tag", "edition-1"]) == 2
    assert "does not release the current edition" in capsys.readouterr().err
    edition.publish(project, D(2027, 4, 2))
    assert main(["edition", "assets", "--site", str(site), "--out", str(out), "--tag", "edition-1"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["SHA256SUMS.txt"] + sorted(f"handbook-edition-1-{c}.pdf" for c in ("ar", "en", "es", "fr"))
    sums = dict(reversed(line.split("  ")) for line in (out / "SHA256SUMS.txt").read_text().splitlines())
    assert sums["handbook-edition-1-fr.pdf"] == hashlib.sha256(b"%PDF-fr").hexdigest()
    assert (out / "handbook-edition-1-ar.pdf").read_bytes() == b"%PDF-ar"


def test_release_files_need_one_pdf_per_language(project, tmp_path):
    site = tmp_path / "site"
    (site / "fr").mkdir(parents=True)
    (site / "handbook-en.pdf").write_bytes(b"%PDF")
    (site / "fr" / "handbook.pdf").write_bytes(b"%PDF")
    edition.publish(project, D(2027, 4, 2))
    with pytest.raises(HandbookError, match="no PDF found for es, ar"):
        main_assets(project, site, tmp_path / "out")


def main_assets(project, site, out):
    from handbook.editorial.release import write_assets
    from handbook.languages import load_i18n

    editions = edition.load(project)
    return write_assets(site, out, load_i18n(project.root), editions, editions.current)


def test_change_log_check(project, capsys):
    changes = project.root / "changes"
    (changes / "1").mkdir(parents=True)
    (changes / "9").mkdir()
    (changes / "1" / "ok.yml").write_text("type: new\npages: [guide.md]\ntext:\n  en: A new guide.\n  fr: Un guide.\n")
    (changes / "1" / "bad.yml").write_text("type: new\ntext:\n  en: Fine.\n  de: Gut.\n")
    assert main(["edition", "check"]) == 1
    assert capsys.readouterr().out == (
        "changes/1/bad.yml:4:1: CHG001 unknown language 'de'; translations/languages.yml lists en, fr, es, ar\n"
        "changes/1/ok.yml:1:1: CHG002 no text in es, ar (readers see the English text, marked as not yet translated)\n"
        "changes/9:1:1: CHG001 no edition 9 in edition.yml (move the entries to the current edition's folder)\n"
    )


def test_pre_commit_hooks_are_local_and_run_the_projects_commands():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    assert {h["id"] for h in hooks} >= {"terminology", "links-and-front-matter", "review-dates"}
    for hook in hooks:
        command = hook["entry"].split()
        assert command[0] == "./hb" and command[1] in COMMANDS, hook["id"]
        assert hook["language"] == "system"
