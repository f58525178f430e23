"""`handbook check` as a user runs it: output formats, exit codes, and which checks run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handbook.cli import main
from tests.check.fixture import make_clean


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = make_clean(tmp_path / "handbook")
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    return project


def _break(project) -> int:
    """A link to a missing page at the end of the Spanish guide; returns its line."""
    path = project.docs / "guide.es.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n[Anexo](anexo.md)\n", encoding="utf-8")
    return text.count("\n") + 2


def test_clean_handbook_exits_0_and_says_so(project, capsys) -> None:
    assert main(["check", "--no-site"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "no problems in 8 page(s), 4 language(s)" in err


def test_text_output_names_file_line_column_and_code(project, capsys) -> None:
    line = _break(project)
    assert main(["check", "--no-site"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"docs/guide.es.md:{line}:1: LINK001 link to missing page 'anexo.md' (did you mean 'index.md'?)" in out


def test_json_output(project, capsys) -> None:
    line = _break(project)
    assert main(["check", "--no-site", "--format", "json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert {"path": "docs/guide.es.md", "line": line, "col": 1, "code": "LINK001"}.items() <= \
        next(r for r in records if r["code"] == "LINK001").items()


def test_github_output(project, capsys) -> None:
    line = _break(project)
    assert main(["check", "--no-site", "--format", "github"]) == 1
    assert f"::error file=docs/guide.es.md,line={line},col=1,title=LINK001::link to missing page 'anexo.md'" \
        in capsys.readouterr().out


def test_only_runs_the_named_families(project, capsys) -> None:
    _break(project)
    assert main(["check", "--no-site", "--only", "safety", "--only", "hygiene"]) == 0


def test_a_site_that_is_not_built_is_a_usage_error(project, tmp_path, capsys) -> None:
    assert main(["check", "--site", str(tmp_path / "nowhere")]) == 2
    assert "not a built site" in capsys.readouterr().err


def test_unknown_family_is_a_usage_error(project, capsys) -> None:
    assert main(["check", "--only", "spelling"]) == 2
