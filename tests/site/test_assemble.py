"""`handbook assemble`: parts that do not make one handbook are refused with a clear error, and
nothing is written. (That assembled parts equal a one-machine build is proved in test_cache.py,
which shares its builds.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handbook.site.assemble import COLOPHON, PART_RECORD, AssembleError, assemble, identity, write_part_record
from handbook.site.output import write_manifest
from tests.conftest import make_handbook
from tests.site.test_build import NAV, PAGES

EPOCH = "1790000000"
PREFIX = {"en": "", "fr": "fr/", "es": "es/", "ar": "ar/"}


def _part(project, parts: Path, name: str, codes, **record_edits) -> Path:
    folder = parts / name
    folder.mkdir(parents=True)
    for code in codes:
        page = folder / PREFIX[code] / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<p>{code}</p>", encoding="utf-8")
    write_part_record(folder, codes, {**identity(project, EPOCH, "public"), **record_edits})
    write_manifest(folder)
    return folder


def _all_parts(project, parts: Path) -> list[Path]:
    return [_part(project, parts, code, [code]) for code in ("en", "fr", "es", "ar")]


@pytest.fixture
def project(tmp_path):
    return make_handbook(tmp_path / "handbook", PAGES, nav=NAV)


def test_good_parts_join_with_the_site_wide_colophon(project, tmp_path):
    site = assemble(project, _all_parts(project, tmp_path / "parts"), tmp_path / "site", epoch=EPOCH,
                    log=lambda _: None)
    for code, prefix in PREFIX.items():
        assert (site / prefix / "index.html").read_text(encoding="utf-8") == f"<p>{code}</p>"
    assert json.loads((site / COLOPHON).read_text(encoding="utf-8"))["languages"] == ["en", "fr", "es", "ar"]
    assert not (site / PART_RECORD).exists()


def _missing(project, parts):
    return [p for p in _all_parts(project, parts) if p.name != "es"]


def _duplicate(project, parts):
    return [*_all_parts(project, parts), _part(project, parts, "fr-again", ["fr"])]


def _other_edition(project, parts):
    return [*[p for p in _all_parts(project, parts) if p.name != "ar"],
            _part(project, parts, "ar-old", ["ar"], edition="0 draft 2020-01-01")]


def _other_date(project, parts):
    return [*[p for p in _all_parts(project, parts) if p.name != "ar"],
            _part(project, parts, "ar-old", ["ar"], epoch="1")]


def _other_audience(project, parts):
    return [*[p for p in _all_parts(project, parts) if p.name != "fr"],
            _part(project, parts, "fr-r", ["fr"], audience="restricted")]


def _not_a_part(project, parts):
    plain = parts / "plain"
    plain.mkdir(parents=True)
    (plain / "index.html").write_text("x", encoding="utf-8")
    return [*_all_parts(project, parts), plain]


def _not_a_folder(project, parts):
    return [*_all_parts(project, parts), parts / "nowhere"]


def _foreign_files(project, parts):
    found = _all_parts(project, parts)
    es = parts / "es"
    (es / "fr").mkdir()
    (es / "fr" / "stray.html").write_text("x", encoding="utf-8")
    write_manifest(es)
    return found


def _altered(project, parts):
    found = _all_parts(project, parts)
    (parts / "fr" / "fr" / "planted.html").write_text("x", encoding="utf-8")
    return found


def _unknown_language(project, parts):
    found = _all_parts(project, parts)
    record = json.loads((parts / "fr" / PART_RECORD).read_text(encoding="utf-8"))
    (parts / "fr" / PART_RECORD).write_text(json.dumps({**record, "languages": ["fr", "pt"]}), encoding="utf-8")
    return found


# (case, the folder named by the error, words of the message)
CASES = [
    (_missing, None, "no part holds language(s) es"),
    (_duplicate, "fr-again", "holds language 'fr', which"),
    (_other_edition, "ar-old", "was built for edition"),
    (_other_date, "ar-old", "was built for epoch"),
    (_other_audience, "fr-r", "was built for audience"),
    (_not_a_part, "plain", "is not a part of the handbook"),
    (_not_a_folder, "nowhere", "is not a folder"),
    (_foreign_files, "es", "holds files of another language (fr/stray.html)"),
    (_altered, "fr", "holds files its build did not write (fr/planted.html)"),
    (_unknown_language, "fr", "holds language 'pt'"),
]


@pytest.mark.parametrize(("make", "folder", "words"), CASES, ids=[c[0].__name__.strip("_") for c in CASES])
def test_bad_parts_are_refused_and_nothing_is_written(project, tmp_path, make, folder, words):
    parts = make(project, tmp_path / "parts")
    with pytest.raises(AssembleError) as info:
        assemble(project, parts, tmp_path / "site", epoch=EPOCH, log=lambda _: None)
    if folder:
        assert info.value.path == str(tmp_path / "parts" / folder)
    assert words in info.value.message and info.value.fix
    assert not (tmp_path / "site").exists()


def test_cli_reports_the_error_without_a_traceback(project, tmp_path, capsys, monkeypatch):
    from handbook.cli import main

    parts = _missing(project, tmp_path / "parts")
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    code = main(["assemble", *map(str, parts), "--out", str(tmp_path / "site")])
    err = capsys.readouterr().err
    assert code == 1 and "no part holds language(s) es" in err and "Traceback" not in err
