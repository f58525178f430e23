"""`handbook terms import FILE`: a TBX termbase merged into translations/termbase.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.terms import tbx, termbase
from tests.translation.conftest import Repo, git_identity, repo  # noqa: F401  (fixtures)

NEW_CONCEPT = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="safe-house">
      <langSec xml:lang="en"><termSec><term>safe house</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
      <langSec xml:lang="fr"><termSec><term>lieu d'accueil sécurisé</term></termSec></langSec>
      <langSec xml:lang="es"><termSec><term>casa de acogida</term></termSec>
        <termSec><term>casa refugio</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec></langSec>
      <langSec xml:lang="ar"><termSec><term>دار إيواء آمنة</term></termSec></langSec>
    </conceptEntry>
    <conceptEntry id="half-done">
      <langSec xml:lang="en"><termSec><term>half done</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def _termbase(root: Path) -> termbase.Termbase:
    from handbook.languages import load_i18n

    return termbase.load(root, load_i18n(root).codes)


def test_export_then_import_changes_nothing(repo: Repo) -> None:
    """Loss-free for what TBX holds: the export read back matches every concept and term."""
    code, out, err = repo.run("lint", "terms", "--export", "tbx", "out.tbx")
    assert code == 0, err
    before = (repo.root / termbase.TERMBASE_FILE).read_bytes()
    code, out, err = repo.run("terms", "import", "out.tbx")
    assert (code, err) == (0, "") and "is up to date with out.tbx" in out
    assert (repo.root / termbase.TERMBASE_FILE).read_bytes() == before


def test_new_concept_is_appended_unverified_and_the_incomplete_one_reported(repo: Repo) -> None:
    (repo.root / "new.tbx").write_text(NEW_CONCEPT, encoding="utf-8")
    before = (repo.root / termbase.TERMBASE_FILE).read_text(encoding="utf-8")
    code, out, err = repo.run("terms", "import", "new.tbx")
    assert code == 1  # a difference was reported
    assert "half-done: not added: no preferred term in fr, es, ar" in out
    assert "added 1 concept(s) (safe-house), unverified" in err
    after = (repo.root / termbase.TERMBASE_FILE).read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))  # comments and layout kept: the concept is appended
    concept = _termbase(repo.root).concept("safe-house")
    assert concept.entry("es").prefer == ("casa de acogida",) and concept.entry("es").variants == ("casa refugio",)
    assert {concept.entry(c).confidence for c in ("en", "fr", "es", "ar")} == {"U"}
    code, out, err = repo.run("terms", "import", "new.tbx")  # twice: nothing more is added
    assert "safe-house" not in out + err.replace("added 0", "")
    assert (repo.root / termbase.TERMBASE_FILE).read_text(encoding="utf-8") == after


def test_conflicts_are_reported_and_no_decision_is_overwritten(repo: Repo) -> None:
    repo.run("lint", "terms", "--export", "tbx", "out.tbx")
    text = (repo.root / "out.tbx").read_text(encoding="utf-8")
    changed = text.replace("admittedTerm-admn-sts", "preferredTerm-admn-sts", 1)
    assert changed != text
    (repo.root / "changed.tbx").write_text(changed, encoding="utf-8")
    before = (repo.root / termbase.TERMBASE_FILE).read_bytes()
    code, out, err = repo.run("terms", "import", "changed.tbx")
    assert code == 1 and "as prefer; the termbase does not (kept as it is" in out
    assert (repo.root / termbase.TERMBASE_FILE).read_bytes() == before


@pytest.mark.parametrize("raw, message", [
    (b"<martif", "not a well-formed TBX file"),
    (b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><martif>&a;</martif>', "not a well-formed TBX file"),
    (b"<xliff/>", "not a TBX file"),
])
def test_bad_tbx_is_refused(raw: bytes, message: str) -> None:
    from handbook.errors import HandbookError

    with pytest.raises(HandbookError) as info:
        tbx.parse(raw, "bad.tbx")
    assert message in str(info.value) and "bad.tbx" in str(info.value)
