"""status, review and lint terms cover the restricted tree with --audience restricted, and never
write their report into a site folder."""

from __future__ import annotations

import json

import pytest

from handbook.cli import main
from handbook.site.output import MANIFEST
from tests.restricted.conftest import restricted_handbook

# A restricted page with a term the termbase refuses, so the terminology report has a finding in it.
BAD_TERM = "---\ntitle: Seized files\n---\n\nThe unit catalogues child pornography found on seized devices.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    project = restricted_handbook(tmp_path / "h")
    (project.root / "restricted" / "docs" / "seized-files.md").write_text(BAD_TERM, encoding="utf-8")
    (project.root / "restricted" / "nav.yml").write_text("- liaison-desk.md\n- seized-files.md\n", encoding="utf-8")
    monkeypatch.chdir(project.root)
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    return project


# (command, what the restricted report holds and the public one does not)
COMMANDS = [
    (["status", "--format", "json"], "restricted/passages/after-hours-referrals.fr.md"),
    (["review", "--today", "2031-01-01"], "restricted/docs/liaison-desk.md"),
    (["lint", "terms"], "restricted/docs/seized-files.md"),
]


@pytest.mark.parametrize(("command", "restricted_only"), COMMANDS, ids=[c[0][0] for c in COMMANDS])
def test_reports_cover_the_restricted_tree_only_when_asked(project, tmp_path, capsys, command, restricted_only):
    out = tmp_path / "reports" / "restricted.txt"
    main([*command, "--audience", "restricted", "--output", str(out)])
    assert restricted_only in out.read_text(encoding="utf-8")
    capsys.readouterr()
    main(command)
    assert restricted_only not in capsys.readouterr().out


def test_a_translated_passage_is_tracked_like_a_translated_page(project, tmp_path):
    out = tmp_path / "status.json"
    main(["status", "--format", "json", "--audience", "restricted", "--output", str(out)])
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert "restricted/passages/after-hours-referrals.md" in text and "restricted/liaison-desk.md" in text
    assert data["languages"]["fr"]


@pytest.mark.parametrize("command", [c[0] for c in COMMANDS], ids=[c[0][0] for c in COMMANDS])
@pytest.mark.parametrize("where", ["site", "built"])
def test_a_report_is_never_written_into_a_site_folder(project, tmp_path, capsys, command, where):
    if where == "site":
        target = project.root / "site" / "status.txt"
    else:  # any folder a build wrote, such as --out site-restricted
        built = tmp_path / "site-restricted"
        built.mkdir()
        (built / MANIFEST).write_text("[]", encoding="utf-8")
        target = built / "fr" / "status.txt"
    assert main([*command, "--audience", "restricted", "--output", str(target)]) == 2
    err = capsys.readouterr().err
    assert "inside the site folder" in err and "Write the report outside every site folder" in err
    assert not target.exists()


def test_without_the_tree_the_restricted_reports_say_so(tmp_path, monkeypatch, capsys):
    project = restricted_handbook(tmp_path / "h", tree=False)
    monkeypatch.chdir(project.root)
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    assert main(["status", "--audience", "restricted"]) == 2
    assert "the restricted tree is missing" in capsys.readouterr().err
