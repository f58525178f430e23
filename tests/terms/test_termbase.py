"""The termbase: the real one is valid and complete; a malformed one fails with file, line and fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.errors import HandbookError
from handbook.terms import termbase as termbase_mod
from handbook.yamlio import parse_yaml
from tests.terms.helpers import REPO, termbase

CODES = ("en", "fr", "es", "ar")

# The concepts of the reference table (terminology-and-content-facts.md §2) the termbase must cover.
REQUIRED = ["child-sexual-abuse-material", "sexual-exploitation-in-prostitution", "sexual-exploitation-travel-tourism",
            "live-streaming-of-child-sexual-abuse", "sexual-extortion-of-children", "solicitation-of-children",
            "self-generated-sexual-material", "child-sex-offender", "harmful-sexual-behaviour", "victim-survivor",
            "consent-language", "exploiter", "computer-generated-csam", "trafficking-in-children"]


def test_real_termbase_covers_the_reference_concepts_in_every_language():
    tb = termbase()
    for concept_id in REQUIRED:
        concept = tb.concept(concept_id)
        for code in CODES:
            entry = concept.entry(code)
            assert entry.prefer and entry.reason, (concept_id, code)
            assert entry.confidence in ("S", "P", "U")


def test_records_the_arabic_sexual_abuse_decision():
    tb = termbase()
    decision = next(d for d in tb.decisions if d.id == "ar-sexual-abuse")
    assert "الاعتداء الجنسي" in decision.choice and "الإساءة الجنسية" in decision.choice
    entry = tb.concept("child-sexual-abuse").entry("ar")
    assert "الاعتداء الجنسي" in entry.prefer and "الإساءة الجنسية" in entry.variants


def test_never_prefers_the_terms_to_avoid():
    tb = termbase()
    for concept in tb.concepts:
        for code in CODES:
            assert not any("pornograph" in term.lower() for term in concept.entry(code).prefer)


GOOD = """\
version: 1
mention_markers: {en: [the term], fr: [le terme], es: [el término], ar: [مصطلح]}
sources:
  S1: {title: A source, url: "https://example.org"}
concepts:
  - id: one
    severity: avoid
    sources: [S1]
    en: {prefer: [good], avoid: [bad], reason: Why., confidence: S}
    fr: {prefer: [bon], avoid: [mauvais], reason: Pourquoi., confidence: U}
    es: {prefer: [bueno], avoid: [malo], reason: Por qué., confidence: U}
    ar: {prefer: [جيد], avoid: [سيئ], reason: لماذا., confidence: U}
"""

BAD = {
    "unknown severity": (GOOD.replace("severity: avoid", "severity: never"), 7, "severity 'never'"),
    "missing language": (GOOD.replace("    ar: {prefer: [جيد], avoid: [سيئ], reason: لماذا., confidence: U}\n", ""),
                         6, "has no 'ar' entry"),
    "no preferred term": (GOOD.replace("fr: {prefer: [bon], ", "fr: {"), 10, "needs at least one preferred term"),
    "preferred and avoided": (GOOD.replace("avoid: [bad]", "avoid: [Good]"), 9, "both preferred and avoided"),
    "unknown source": (GOOD.replace("sources: [S1]", "sources: [S9]"), 8, "unknown source 'S9'"),
    "bad confidence": (GOOD.replace("reason: Why., confidence: S", "reason: Why., confidence: sure"), 9, "confidence"),
    "unknown key": (GOOD.replace("reason: Why.,", "reason: Why., sevrity: x,"), 9, "unknown key 'sevrity'"),
    "duplicate id": (GOOD + GOOD[GOOD.index("  - id: one"):], 13, "used twice"),
    "avoid with severity none": (GOOD.replace("severity: avoid", "severity: none"), 9, "severity none"),
    "list expected": (GOOD.replace("avoid: [bad]", "avoid: bad"), 9, "must be a list"),
    "markers missing a language": (GOOD.replace(", ar: [مصطلح]", ""), 2, "mention_markers lacks language 'ar'"),
    "invalid yaml": (GOOD.replace("    severity: avoid", "   severity: [avoid"), 7, "invalid YAML"),
}


@pytest.mark.parametrize("name", BAD)
def test_malformed_termbase_names_file_and_line(name, tmp_path: Path):
    text, line, problem = BAD[name]
    path = tmp_path / "termbase.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HandbookError) as info:
        termbase_mod.parse(*parse_yaml(text, path), path, CODES)
    assert info.value.path == str(path)
    assert info.value.line == line, str(info.value)
    assert problem in str(info.value)


def test_good_fixture_parses(tmp_path: Path):
    tb = termbase_mod.parse(*parse_yaml(GOOD, tmp_path / "t.yml"), tmp_path / "t.yml", CODES)
    assert tb.concept("one").entry("fr").avoid == ("mauvais",)


def test_missing_termbase_is_an_error(tmp_path: Path):
    with pytest.raises(HandbookError, match="termbase not found"):
        termbase_mod.load(tmp_path, CODES)


def test_real_termbase_file_is_the_one_loaded():
    assert termbase().path == (REPO / termbase_mod.TERMBASE_FILE).resolve()


@pytest.mark.parametrize(("markers", "error"), [("[]", None), ("[o termo]", "has no 'pt' entry")])
def test_a_language_column_not_started_yet_has_no_terms(tmp_path, markers, error):
    # `language add` writes empty markers and no concept entry: the language has no terms yet. With
    # markers (the team has started), every concept needs the language again.
    text = GOOD.replace("ar: [مصطلح]}", f"ar: [مصطلح], pt: {markers}}}")
    codes = (*CODES, "pt")
    path = tmp_path / "termbase.yml"
    if error:
        with pytest.raises(HandbookError, match=error):
            termbase_mod.parse(*parse_yaml(text, path), path, codes)
    else:
        tb = termbase_mod.parse(*parse_yaml(text, path), path, codes)
        assert tb.concept("one").entry("pt").prefer == () and termbase_mod.not_started(tb) == ("pt",)
