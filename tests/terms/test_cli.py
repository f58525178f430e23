"""``handbook lint terms`` on fixture handbooks: output formats, exit codes, exports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from handbook.cli import main
from tests.conftest import make_handbook, page, translated_page

PAGES = {
    "index.md": page("Home", "# Home { #home }\n\nWe seized child pornography.\n\nThey used grooming."),
    "index.fr.md": translated_page("Accueil", "# Accueil { #home }\n\nLa pédopornographie."),
    "clean.md": page("Clean", "# Clean { #clean }\n\nChild sexual abuse material."),
}


@pytest.fixture
def handbook(tmp_path: Path, monkeypatch):
    project = make_handbook(tmp_path / "hb", PAGES)
    monkeypatch.chdir(project.root)
    monkeypatch.delenv("HANDBOOK_ROOT", raising=False)
    return project


def test_text_output_and_exit_code(handbook, capsys):
    assert main(["lint", "terms"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "docs/index.fr.md:8:4: TERM001 avoid \"pédopornographie\": Le mot « pornographie » suppose des adultes "
        "consentants ; chaque image est la trace de l'abus d'un enfant réel. (prefer: matériel d'abus sexuels "
        "sur enfants; matériel d'abus sexuels d'enfants)",
        "docs/index.md:11:11: TERM001 avoid \"child pornography\": Pornography implies consenting adults; each image "
        "records the abuse of a real child. (prefer: child sexual abuse material; CSAM; child sexual exploitation "
        "material; CSEM)",
        "docs/index.md:13:11: TERM002 use \"grooming\" with care: An everyday word for a precise offence; define it "
        "when you use it, or use the legal term. (prefer: solicitation of children for sexual purposes)",
    ]
    assert "3 finding(s): 2 error(s), 1 warning(s)" in err


def test_clean_paths_exit_zero(handbook, capsys):
    assert main(["lint", "terms", "docs/clean.md"]) == 0
    assert capsys.readouterr().out == ""


def test_warnings_alone_are_reported_and_exit_zero(handbook, capsys):
    """The one exit policy (handbook.diagnostics.exit_code): warnings are advice, errors fail."""
    (handbook.docs / "advice.md").write_text(page("Advice", "# Advice { #advice }\n\nThey used grooming."),
                                             encoding="utf-8")
    assert main(["lint", "terms", "docs/advice.md"]) == 0
    out, err = capsys.readouterr()
    assert [line.split(" ")[1] for line in out.splitlines()] == ["TERM002"]
    assert "1 finding(s): 0 error(s), 1 warning(s)" in err


def test_json(handbook, capsys):
    assert main(["lint", "terms", "docs/index.md", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(d["code"], d["severity"], d["line"], d["col"]) for d in data] == [
        ("TERM001", "error", 11, 11), ("TERM002", "warning", 13, 11)]
    assert data[0]["hint"].startswith("prefer: child sexual abuse material")


def test_github_annotations(handbook, capsys):
    assert main(["lint", "terms", "docs/index.md", "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("::error file=docs/index.md,line=11,col=11,title=TERM001::avoid ")
    assert lines[1].startswith("::warning file=docs/index.md,line=13,col=11,title=TERM002::use ")


def test_missing_path_is_a_usage_error(handbook, capsys):
    assert main(["lint", "terms", "docs/nope.md"]) == 2
    assert "docs/nope.md: no such file or folder." in capsys.readouterr().err


def test_unknown_format_is_a_usage_error(handbook, capsys):
    assert main(["lint", "terms", "--format", "xml"]) == 2


def test_malformed_termbase_is_a_config_error(handbook, capsys):
    path = handbook.root / "translations" / "termbase.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("severity: avoid", "severity: sometimes", 1),
                    encoding="utf-8")
    assert main(["lint", "terms"]) == 2
    err = capsys.readouterr().err
    assert "translations/termbase.yml:" in err and "severity 'sometimes'" in err


def test_exports(handbook, capsys):
    styles, tbx = handbook.root / "out" / "styles", handbook.root / "out" / "termbase.tbx"
    assert main(["lint", "terms", "--export", "vale", str(styles), "--export", "tbx", str(tbx)]) == 0
    assert "wrote:" in capsys.readouterr().out
    rule = yaml.safe_load((styles / "Handbook" / "Avoid-fr.yml").read_text(encoding="utf-8"))
    assert rule["extends"] == "substitution" and rule["level"] == "error"
    root = ET.parse(tbx).getroot()
    assert root.tag == "martif"
    # A second export changes nothing: files are written only when their content changes.
    assert main(["lint", "terms", "--export", "tbx", str(tbx)]) == 0
    assert capsys.readouterr().out.startswith("up to date:")


def test_unknown_export_format(handbook, capsys):
    assert main(["lint", "terms", "--export", "pdf", "x"]) == 2
    assert "unknown export format 'pdf'" in capsys.readouterr().err
