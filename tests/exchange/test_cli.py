"""`handbook translate export|import` on a fixture handbook in its own git repository."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from handbook import frontmatter
from tests.translation.conftest import Repo, git, git_identity, repo  # noqa: F401  (fixtures)

FR_ALPHA = {
    "The officer listens to the child first.": "L'agent écoute d'abord l'enfant.",
    "Remember": "À retenir",
    "Keep the child informed.": "Tenez l'enfant informé.",
    "Second part": "Deuxième partie",
    "Record what was said.": "Consignez ce qui a été dit.",
}


def _translate_alpha(repo: Repo) -> None:
    """A French translation of alpha made with `translate start`, then translated."""
    assert repo.run("translate", "start", "fr", "chapters/alpha.md")[0] == 0
    for english, french in FR_ALPHA.items():
        repo.edit("chapters/alpha.fr.md", english, french)
    repo.commit("French alpha")


def _export(repo: Repo, fmt: str = "xliff") -> tuple[Path, str]:
    code, out, err = repo.run("translate", "export", "fr", "chapters/alpha.md", "--format", fmt, "--out", "x")
    assert code == 0, err
    return repo.root / "x" / "fr" / f"chapters/alpha.{'xlf' if fmt == 'xliff' else 'po'}", out


@pytest.mark.parametrize("fmt", ["xliff", "po"])
def test_export_import_leaves_the_page_unchanged_and_twice_changes_nothing(repo: Repo, fmt: str) -> None:
    _translate_alpha(repo)
    before = (repo.docs / "chapters/alpha.fr.md").read_bytes()
    path, out = _export(repo, fmt)
    assert "units: 8 reused, 0 changed, 0 new" in out
    for _ in range(2):
        code, out, err = repo.run("translate", "import", str(path))
        assert (code, err) == (0, "")
        assert "already holds this translation; nothing changed" in out
    assert (repo.docs / "chapters/alpha.fr.md").read_bytes() == before


def test_import_writes_a_new_translation_with_the_english_structure_and_provenance(repo: Repo) -> None:
    path, out = _export(repo)
    assert "0 reused, 0 changed, 8 new" in out
    text = path.read_text(encoding="utf-8")
    for english, french in FR_ALPHA.items():  # what a CAT tool does: a target per source, confirmed
        text = text.replace(f"<source>{english}</source>", f"<source>{english}</source><target>{french}</target>")
    text = text.replace('state="initial"', 'state="final"')
    text = re.sub(r"<source>(Alpha|A fixture page\.)</source>", r"<source>\1</source><target>\1 (fr)</target>", text)
    path.write_text(text, encoding="utf-8")
    code, out, err = repo.run("translate", "import", str(path))
    assert (code, err) == (0, ""), err
    assert "every unit is final: the English version is recorded" in out
    written = (repo.docs / "chapters/alpha.fr.md").read_text(encoding="utf-8")
    meta = frontmatter.split(written).meta
    blob = git(repo.root, "hash-object", "docs/chapters/alpha.md").strip()
    assert meta["source_blob"] == blob and meta["title"] == "Alpha (fr)" and "translated_on" in meta
    assert "# Deuxième partie { #second-part }" in written and "/// note | À retenir" in written
    _, out, _ = repo.run("check", "--format", "json")
    assert "alpha.md" in out and "alpha.fr.md" not in out  # the fixture's own findings, none on the import


def test_leverage_one_english_edit_marks_exactly_that_unit(repo: Repo) -> None:
    _translate_alpha(repo)
    repo.edit("chapters/alpha.md", "Record what was said.", "Record what was said, word for word.")
    repo.commit("English edit")
    path, out = _export(repo)
    assert "8 units: 7 reused, 1 changed, 0 new" in out
    text = path.read_text(encoding="utf-8")
    review = re.findall(r'<unit id="(u\d+)"[^>]*>(?:(?!</unit>).)*subState="handbook:review"', text, re.S)
    assert len(review) == 1
    unit = re.search(rf'<unit id="{review[0]}".*?</unit>', text, re.S).group(0)
    assert "word for word" in unit and "<target>Consignez ce qui a été dit.</target>" in unit
    assert text.count("<target>") == 8  # every unit carries its translation
    po_path, out = _export(repo, "po")
    entries = [e for e in polib.pofile(str(po_path)) if "fuzzy" in e.flags]
    assert [e.msgstr for e in entries] == ["Consignez ce qui a été dit."]


BAD = [
    # (what, how the exported file is changed, what the message names)
    ("placeholder with no data", lambda t: t.replace("<target>L'agent", '<target><ph id="9" dataRef="x"/>L\'agent'),
     "refers to data 'x'"),
    ("markup injected in a target", lambda t: t.replace("<target>L'agent écoute",
                                                       "<target>&lt;script&gt;x&lt;/script&gt; L'agent écoute"),
     "markup the English does not have"),
    ("a file for another page", lambda t: t.replace('<mda:meta type="page">chapters/alpha.md',
                                                     '<mda:meta type="page">chapters/beta.md'), "was made from"),
    ("untranslated unit marked final", lambda t: re.sub(r"<target>Deuxième partie</target>", "", t),
     "is marked final but has no translation"),
    ("a path outside docs", lambda t: t.replace('<mda:meta type="page">chapters/alpha.md',
                                                 '<mda:meta type="page">../../etc/passwd.md'), "not an English page"),
    ("a translation as the page", lambda t: t.replace('<mda:meta type="page">chapters/alpha.md',
                                                      '<mda:meta type="page">chapters/alpha.fr.md'), "not an English page"),
    ("another language", lambda t: t.replace('trgLang="fr"', 'trgLang="de"'), "not a translated language"),
    ("not XML", lambda t: t[:200], "not a well-formed XML file"),
    ("an entity bomb", lambda t: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', "XML"),
]


@pytest.mark.parametrize("what, change, named", BAD, ids=[b[0] for b in BAD])
def test_bad_imports_are_refused_and_nothing_is_written(repo: Repo, what: str, change, named: str) -> None:
    _translate_alpha(repo)
    path, _ = _export(repo)
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    before = {p: p.read_bytes() for p in repo.docs.rglob("*")  if p.is_file()}
    code, out, err = repo.run("translate", "import", str(path))
    assert code == 1 and out == ""
    assert named in err and "Nothing was written." in err
    assert "Traceback" not in err
    assert {p: p.read_bytes() for p in repo.docs.rglob("*") if p.is_file()} == before


PLACEHOLDERS = [
    # (what, the French target built from the source's link <pc> and footnote <ph>, what the message says)
    ("moved out of its link", "Voir {pc}la note</pc>{ph} maintenant.", "moved into or out of a link"),
    ("missing", "Voir {pc}la note</pc> maintenant.", "is missing"),
    ("twice", "Voir {pc}la note{ph}</pc>{ph} maintenant.", "appears 2 times"),
    ("link lost", "Voir la note{ph} maintenant.", "is missing"),
]


@pytest.mark.parametrize("what, target, named", PLACEHOLDERS, ids=[p[0] for p in PLACEHOLDERS])
def test_broken_placeholders_are_refused(repo: Repo, what: str, target: str, named: str) -> None:
    repo.write("chapters/gamma.md", "---\ntitle: Gamma\ndescription: G.\n---\n\n# Gamma { #gamma }\n\n"
               "See [the note[^1]](alpha.md#alpha) now.\n\n[^1]: A note.\n")
    repo.commit("gamma")
    assert repo.run("translate", "export", "fr", "chapters/gamma.md", "--out", "x")[0] == 0
    path = repo.root / "x/fr/chapters/gamma.xlf"
    text = path.read_text(encoding="utf-8")
    source = re.search(r"<source>See (.*?) now\.</source>", text).group(1)
    pc = re.match(r'(<pc [^>]*>)the note(<ph [^>]*/>)</pc>', source)
    built = target.format(pc=pc.group(1), ph=pc.group(2))
    path.write_text(text.replace(f"<source>See {source} now.</source>",
                                 f"<source>See {source} now.</source><target>{built}</target>"), encoding="utf-8")
    code, out, err = repo.run("translate", "import", str(path))
    assert code == 1 and named in err and "unit u4 (line 8)" in err, err
    assert not (repo.docs / "chapters/gamma.fr.md").exists()


def test_stale_export_is_refused(repo: Repo) -> None:
    _translate_alpha(repo)
    path, _ = _export(repo)
    repo.edit("chapters/alpha.md", "Record what was said.", "Record everything.")
    code, out, err = repo.run("translate", "import", str(path))
    assert code == 1 and "which has changed since" in err and "handbook translate export fr chapters/alpha.md" in err


def test_a_translation_edited_since_the_export_is_backed_up(repo: Repo) -> None:
    _translate_alpha(repo)
    path, _ = _export(repo)
    path.write_text(path.read_text(encoding="utf-8").replace("Tenez l'enfant informé.", "Informez l'enfant."),
                    encoding="utf-8")
    repo.edit("chapters/alpha.fr.md", "Consignez ce qui a été dit.", "Consignez tout ce qui a été dit.")
    code, out, err = repo.run("translate", "import", str(path))
    assert code == 0, err
    backups = list((repo.docs / "chapters").glob("alpha.fr.md.bak-*"))
    assert len(backups) == 1 and "Consignez tout ce qui a été dit." in backups[0].read_text(encoding="utf-8")
    assert backups[0].name in out
    assert "Informez l'enfant." in (repo.docs / "chapters/alpha.fr.md").read_text(encoding="utf-8")


def test_translate_toolkit_reads_the_po_files(repo: Repo) -> None:
    """pocount and pofilter (translate-toolkit, what Pootle and Weblate use) read the files."""
    _translate_alpha(repo)
    path, _ = _export(repo, "po")
    bindir = Path(sys.executable).parent
    if not (bindir / "pocount").exists():
        pytest.skip("translate-toolkit is not installed in this environment")
    count = subprocess.run([str(bindir / "pocount"), str(path)], capture_output=True, text=True)
    assert count.returncode == 0 and count.stderr == "" and "Total:" in count.stdout
    assert re.search(r"Translated:\s+8\b", count.stdout), count.stdout
    out = repo.root / "filtered.po"
    filtered = subprocess.run([str(bindir / "pofilter"), "--progress=none", str(path), str(out)],
                              capture_output=True, text=True)
    assert filtered.returncode == 0 and "Error" not in filtered.stderr, filtered.stderr


def test_tmx_holds_the_final_units_and_translate_toolkit_reads_it(repo: Repo) -> None:
    from translate.storage import tmx

    _translate_alpha(repo)
    repo.edit("chapters/alpha.md", "Record what was said.", "Record what was said, word for word.")
    repo.commit("English edit")
    code, out, err = repo.run("translate", "export", "fr", "chapters/alpha.md", "--format", "tmx", "--out", "x")
    assert code == 0, err
    store = tmx.tmxfile.parsefile(str(repo.root / "x" / "fr.tmx"))
    pairs = {u.source: u.target for u in store.units}
    assert pairs["Keep the child informed."] == "Tenez l'enfant informé."
    assert len(store.units) == 7 and "Record what was said, word for word." not in pairs  # the edited unit: left out


def test_rebase_applies_the_unchanged_units_to_the_current_english(repo: Repo) -> None:
    _translate_alpha(repo)
    path, _ = _export(repo)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("<target>Tenez l'enfant informé.</target>", "<target>Informez l'enfant.</target>")
                    .replace("<target>Consignez ce qui a été dit.</target>", "<target>Notez ce qui a été dit.</target>"),
                    encoding="utf-8")
    repo.edit("chapters/alpha.md", "Record what was said.", "Record everything that was said.")
    repo.commit("English edit")
    assert repo.run("translate", "import", str(path))[0] == 1  # stale without --rebase
    code, out, err = repo.run("translate", "import", "--rebase", str(path))
    assert code == 0, err
    written = (repo.docs / "chapters/alpha.fr.md").read_text(encoding="utf-8")
    assert "Informez l'enfant." in written  # an unchanged English segment: its new translation applied
    assert "Consignez ce qui a été dit." in written  # an edited one: left as it was, to translate
    assert "some units are not final yet" in out


def test_units_carry_the_approved_terms_of_the_termbase(repo: Repo) -> None:
    repo.write("chapters/delta.md", "---\ntitle: Delta\ndescription: D.\n---\n\n# Delta { #delta }\n\n"
               "Seize child sexual abuse material with care.\n\nNothing to look up here.\n")
    repo.commit("delta")
    assert repo.run("translate", "export", "fr", "chapters/delta.md", "--out", "x")[0] == 0
    text = (repo.root / "x/fr/chapters/delta.xlf").read_text(encoding="utf-8")
    unit = re.search(r'<unit id="u4".*?</unit>', text, re.S).group(0)
    assert "<gls:term source=\"translations/termbase.yml\">child sexual abuse material</gls:term>" in unit
    assert "<gls:translation>matériel d'abus sexuels sur enfants</gls:translation>" in unit
    assert "glossEntry" not in re.search(r'<unit id="u5".*?</unit>', text, re.S).group(0)
    assert repo.run("translate", "export", "fr", "chapters/delta.md", "--out", "x", "--format", "po")[0] == 0
    entry = next(e for e in polib.pofile(str(repo.root / "x/fr/chapters/delta.po")) if e.msgctxt == "u4")
    assert "Terms: child sexual abuse material → matériel d'abus sexuels sur enfants" in entry.comment


@pytest.mark.parametrize("msgstr, named", [
    ("Voir {1}la note{2}{/1} maintenant.", None),
    ("Voir {1}la note{/1}{2} maintenant.", "moved into or out of a link"),
    ("Voir {1}la note{9}{/1} maintenant.", "token {9} is not one of the unit's placeholders"),
    ("Voir {1}la note{/1} maintenant.", "is missing"),
    ("Voir {1}la <b>note</b>{2}{/1} maintenant.", "markup the English does not have"),
])
def test_po_targets_are_checked_like_xliff(repo: Repo, msgstr: str, named: str | None) -> None:
    repo.write("chapters/gamma.md", "---\ntitle: Gamma\ndescription: G.\n---\n\n# Gamma { #gamma }\n\n"
               "See [the note[^1]](alpha.md#alpha) now.\n\n[^1]: A note.\n")
    repo.commit("gamma")
    assert repo.run("translate", "export", "fr", "chapters/gamma.md", "--out", "x", "--format", "po")[0] == 0
    path = repo.root / "x/fr/chapters/gamma.po"
    po_file = polib.pofile(str(path))
    entry = next(e for e in po_file if e.msgctxt == "u4")
    assert entry.msgid == "See {1}the note{2}{/1} now."
    entry.msgstr = msgstr
    po_file.save(str(path))
    code, out, err = repo.run("translate", "import", str(path))
    if named is None:
        assert code == 0, err
        written = (repo.docs / "chapters/gamma.fr.md").read_text(encoding="utf-8")
        assert "Voir [la note[^1]](alpha.md#alpha) maintenant." in written
        assert "a new translation: 1 of its units translated" in out  # the others stay in English
    else:
        assert code == 1 and named in err and "unit u4" in err, err
        assert not (repo.docs / "chapters/gamma.fr.md").exists()


def test_a_translation_that_does_not_line_up_is_rebuilt_on_the_english_and_backed_up(repo: Repo) -> None:
    _translate_alpha(repo)
    old_blob = frontmatter.split((repo.docs / "chapters/alpha.fr.md").read_text(encoding="utf-8")).meta["source_blob"]
    repo.edit("chapters/alpha.fr.md", "Consignez ce qui a été dit.", "Consignez ce qui a été dit.\n\nUn ajout.")
    repo.commit("French page with a paragraph of its own")
    path, out = _export(repo)
    assert "no translation was reused" in out
    code, out, err = repo.run("translate", "import", str(path))
    assert code == 0, err
    backups = list((repo.docs / "chapters").glob("alpha.fr.md.bak-*"))
    assert len(backups) == 1 and "Un ajout." in backups[0].read_text(encoding="utf-8")
    written = (repo.docs / "chapters/alpha.fr.md").read_text(encoding="utf-8")
    assert "Record what was said." in written  # English left to translate, with the English structure
    assert frontmatter.split(written).meta["source_blob"] == old_blob  # not marked up to date


HOSTILE = [
    ("nested placeholders", lambda t: t.replace("<target>L'agent", "<target>" + '<mrk id="m">' * 5000 + "L'agent"
                                                + "</mrk>" * 5000, 1), "nest more than"),
    ("not UTF-8 PO", None, "readable PO file"),
]


@pytest.mark.parametrize("what, change, named", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_files_fail_with_a_message(repo: Repo, what: str, change, named: str) -> None:
    _translate_alpha(repo)
    path, _ = _export(repo, "xliff" if change else "po")
    if change:
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        path.write_bytes(path.read_bytes().replace("écoute".encode(), "écoute".encode("latin-1")))
    code, out, err = repo.run("translate", "import", str(path))
    assert code == 1 and named in err and "Traceback" not in err, err


def test_deeply_nested_emphasis_is_left_as_text() -> None:
    from handbook.pages.segments import inline, render

    text = "*a " * 3000 + "x" + " b*" * 3000
    assert render(inline(text)) == text


def test_a_file_with_no_translation_does_not_create_a_page(repo: Repo) -> None:
    path, _ = _export(repo)
    code, out, err = repo.run("translate", "import", str(path))
    assert code == 1 and "no unit has a translation" in err
    assert not (repo.docs / "chapters/alpha.fr.md").exists()
