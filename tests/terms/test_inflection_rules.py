"""Inflection rules are named in translations/languages.yml; the terms code names no language."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from handbook.errors import HandbookError
from handbook.languages import load_i18n
from handbook.terms import termbase as termbase_mod
from handbook.terms.lint import lint_text
from handbook.yamlio import parse_yaml
from tests.conftest import make_handbook, page

TERMS = Path(__file__).resolve().parents[2] / "handbook" / "terms"


def test_no_module_of_the_terminology_linter_names_a_language():
    for path in sorted(TERMS.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'lang\s*==\s*"', text), path.name
        assert not re.search(r'"(en|fr|es|ar)"\s*:', text), path.name


TERMBASE = """\
version: 1
mention_markers: {en: [the term]}
sources:
  S1: {title: A source, url: "https://example.org"}
concepts:
  - id: one
    severity: avoid
    sources: [S1]
    en: {prefer: [person who offends], avoid: [perpetrator], reason: Why., confidence: S}
"""


@pytest.mark.parametrize(("rule_set", "text", "found"), [
    ("english", "A perpetrator here.", True),
    ("english", "Two perpetrators here.", True),   # the English rules inflect
    ("", "A perpetrator here.", True),             # no rules: the term as written...
    ("", "A PERPETRATOR here.", True),             # ...case folded...
    ("", "Two perpetrators here.", False),         # ...but no plural
])
def test_a_language_without_rules_matches_terms_exactly(tmp_path, rule_set, text, found):
    path = tmp_path / "termbase.yml"
    tb = dataclasses.replace(termbase_mod.parse(*parse_yaml(TERMBASE, path), path, ("en",)),
                             inflection={"en": rule_set} if rule_set else {})
    codes = [d.code for d in lint_text("p.md", f"---\ntitle: T\n---\n\n{text}\n", "en", tb)]
    assert ("TERM001" in codes) is found


def test_an_unknown_rule_set_is_refused_naming_the_file(tmp_path):
    project = make_handbook(tmp_path / "h", {})
    path = project.languages_file
    path.write_text(path.read_text(encoding="utf-8").replace("inflection: french", "inflection: klingon"),
                    encoding="utf-8")
    with pytest.raises(HandbookError, match=r"languages\.yml: inflection 'klingon' of 'fr' is not a rule set.*french"):
        termbase_mod.load(project.root, load_i18n(project.root).codes)
