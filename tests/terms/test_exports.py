"""The generated Vale style and TBX file: committed copies are current and agree with the linter."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from handbook.terms import exports, tbx, vale
from tests.terms.helpers import REPO, termbase

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_committed_vale_style_is_up_to_date(tmp_path: Path):
    # The whole directory, not only the files the generator writes: a stale rule file (a language
    # or severity that no longer exists) would still be applied by Vale.
    vale.write(termbase(), tmp_path)
    committed, generated = _tree(REPO / exports.COMMITTED["vale"]), _tree(tmp_path)
    fix = "run ./hb lint terms --export vale styles and delete the files it does not write"
    assert sorted(committed) == sorted(generated), f"styles/ does not hold exactly the generated files: {fix}"
    assert "vale.ini.example" in generated and f"{vale.STYLE}/Avoid-en.yml" in generated
    for rel, text in generated.items():
        assert committed[rel] == text, f"styles/{rel} is out of date: {fix}"


def test_committed_tbx_is_up_to_date():
    path = REPO / exports.COMMITTED["tbx"]
    assert path.read_text(encoding="utf-8") == tbx.render(termbase()), (
        "translations/termbase.tbx is out of date: run ./hb lint terms --export tbx translations/termbase.tbx")


def test_vale_patterns_match_every_avoid_form_and_not_the_preferred_terms():
    tb = termbase()
    for name, text in vale.rules(tb).items():
        code = name.rsplit("-", 1)[1].removesuffix(".yml")
        swap = yaml.safe_load(text)["swap"]
        patterns = [re.compile(p, re.IGNORECASE) for p in swap]
        for concept in tb.concepts:
            entry = concept.entry(code)
            if concept.severity != ("avoid" if name.startswith("Avoid") else "care"):
                continue
            for form in entry.avoid:
                assert any(p.search(f" {form} ") for p in patterns), (name, form)
            for form in entry.prefer:
                assert not any(p.fullmatch(form) for p in patterns), (name, form)


def test_tbx_lists_every_term_with_its_status():
    tb = termbase()
    root = ET.fromstring(tbx.render(tb))
    entries = {e.get("id"): e for e in root.iter("termEntry")}
    assert list(entries) == [c.id for c in tb.concepts]
    csam = entries["child-sexual-abuse-material"]
    statuses = {(ls.get(XML_LANG), tig.findtext("term")): tig.findtext("termNote")
                for ls in csam.iter("langSet") for tig in ls.iter("tig")}
    assert statuses[("en", "child pornography")] == "deprecatedTerm-admn-sts"
    assert statuses[("en", "child sexual abuse material")] == "preferredTerm-admn-sts"
    assert statuses[("ar", "مواد الإساءة الجنسية للأطفال")] == "admittedTerm-admn-sts"
    assert {ls.get(XML_LANG) for ls in csam.iter("langSet")} == {"en", "fr", "es", "ar"}
    grooming = entries["solicitation-of-children"]
    assert any(t.findtext("termNote") == "supersededTerm-admn-sts" for t in grooming.iter("tig"))


@pytest.mark.parametrize(("default", "plain", "suffixed"), [
    ("en", ["en"], ["fr", "es", "ar"]),
    ("fr", ["fr"], ["en", "es", "ar"]),
])
def test_vale_ini_applies_plain_md_files_to_the_default_language(default, plain, suffixed):
    ini = vale.vale_ini(termbase(), default)
    sections = dict(re.findall(r"^\[(.+)\]\n.+Avoid-(\w+) = YES$", ini, re.MULTILINE))
    assert [code for glob, code in sections.items() if glob == "*.md"] == plain
    assert sorted(code for glob, code in sections.items() if glob != "*.md") == sorted(suffixed)
    assert all(sections.get(f"*.{code}.md") == code for code in suffixed)


def test_vale_export_reads_the_default_language_of_the_project(tmp_path: Path, monkeypatch):
    import handbook.languages as languages

    real = languages.load_i18n(REPO)
    monkeypatch.setattr(languages, "load_i18n", lambda root: dataclasses.replace(real, default="fr"))
    vale.write(termbase(), tmp_path)
    assert "[*.md]\nHandbook.Avoid-fr = YES" in (tmp_path / "vale.ini.example").read_text(encoding="utf-8")
