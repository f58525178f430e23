"""The CI workflows' language lists come from translations/languages.yml, never copied by hand."""

from __future__ import annotations

import shutil

import pytest

from handbook.cli import main
from handbook.paths import Project
from handbook.translation import workflow_matrix
from tests.conftest import REPO

CASES = [  # (line, languages, expected line)
    ("        lang: [en, fr]  # hb:languages\n", ["en", "fr", "pt"], "        lang: [en, fr, pt]  # hb:languages\n"),
    ("        lang: [en, fr, es, ar]  # hb:languages (generated)\n", ["en", "fr", "es", "ar"],
     "        lang: [en, fr, es, ar]  # hb:languages (generated)\n"),
    ("      - lang: []  # hb:languages\n", ["en"], "      - lang: [en]  # hb:languages\n"),
    ("        lang: [en, fr]  # not marked\n", ["en", "fr", "pt"], "        lang: [en, fr]  # not marked\n"),
    ("        lang: [en, fr]\n", ["en", "pt"], "        lang: [en, fr]\n"),
]


@pytest.mark.parametrize(("line", "codes", "expected"), CASES)
def test_synced_rewrites_marked_lines_only(line, codes, expected):
    assert workflow_matrix.synced(line, codes) == expected


def test_the_repository_workflows_are_in_sync():
    project = Project(REPO)
    assert workflow_matrix.plan(project) == {}
    assert sum(workflow_matrix.marked(p.read_text(encoding="utf-8")) for p in workflow_matrix.workflow_files(project)) >= 1


def _project_with_workflow(tmp_path, line: str) -> Project:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "ci.yml").write_text("jobs:\n  parts:\n    strategy:\n      matrix:\n" + line, encoding="utf-8")
    shutil.copytree(REPO / "translations", tmp_path / "translations")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return Project(tmp_path)


@pytest.mark.parametrize(("line", "rc", "message"), [
    ("        lang: [en, fr]  # hb:languages\n", 1, ".github/workflows/ci.yml: its language list differs"),
    ("        lang: [en, fr, es, ar]  # hb:languages\n", 0, "up to date"),
])
def test_check_exits_1_and_names_the_stale_file(tmp_path, monkeypatch, capsys, line, rc, message):
    project = _project_with_workflow(tmp_path, line)
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    assert main(["language", "workflow", "--check"]) == rc
    assert message in capsys.readouterr().out
    assert (project.root / ".github/workflows/ci.yml").read_text(encoding="utf-8").endswith(line)


def test_workflow_rewrites_the_list(tmp_path, monkeypatch, capsys):
    project = _project_with_workflow(tmp_path, "        lang: [en]  # hb:languages\n")
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    assert main(["language", "workflow"]) == 0
    assert "lang: [en, fr, es, ar]  # hb:languages" in (project.root / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    assert main(["language", "workflow", "--check"]) == 0
