"""TERM003: a translation drifts from the approved term of a concept its English page uses."""

from __future__ import annotations

import pytest

from tests.terms.helpers import findings

EN = "---\ntitle: Page\ndescription: A page.\n---\n\nWe describe child sexual abuse material.\n"
EN_PLAIN = "---\ntitle: Page\ndescription: A page.\n---\n\nA page about harbours.\n"
AR_HEAD = "---\ntitle: صفحة\ndescription: صفحة.\n---\n\n"

CASES = {
    "approved term": ("fr", EN, "---\ntitle: Page\ndescription: Une page.\n---\n\nLe matériel d'abus sexuels sur enfants.\n", []),
    "approved, plural and line break": ("fr", EN, "---\ntitle: P\ndescription: D.\n---\n\nLes matériels d'abus\nsexuels sur enfants.\n", []),
    "missing": ("fr", EN, "---\ntitle: Page\ndescription: Une page.\n---\n\nDes images d'abus.\n",
                [(6, 1, "TERM003", "child sexual abuse material")]),
    "shorter term used on its own too": ("fr", EN.replace("material.", "material, and child sexual abuse online."),
                                          "---\ntitle: P\ndescription: D.\n---\n\nLe matériel d'abus sexuels sur enfants.\n",
                                          []),  # «abus sexuels sur enfants» is inside the approved CSAM term
    "shorter term missing": ("fr", EN.replace("material.", "material, and child sexual abuse online."),
                             "---\ntitle: P\ndescription: D.\n---\n\nLe matériel d'exploitation.\n",
                             [(6, 1, "TERM003", "child sexual abuse material"), (6, 1, "TERM003", "child sexual abuse")]),
    "english page does not use it": ("fr", EN_PLAIN, "---\ntitle: P\ndescription: D.\n---\n\nUn port.\n", []),
    "variant": ("ar", EN, AR_HEAD + "نصف مواد الإساءة الجنسية للأطفال.\n",
                [(6, 5, "TERM003", "مواد الإساءة الجنسية للأطفال")]),
    "approved arabic": ("ar", EN, AR_HEAD + "نصف مواد الاعتداء الجنسي على الأطفال.\n", []),
    "spanish approved": ("es", EN, "---\ntitle: P\ndescription: D.\n---\n\nEl material de abuso sexual infantil.\n", []),
    "spanish missing": ("es", EN, "---\ntitle: P\ndescription: D.\n---\n\nLas imágenes.\n",
                        [(6, 1, "TERM003", "child sexual abuse material")]),
    "suppressed": ("fr", EN, "---\ntitle: P\ndescription: D.\n---\n<!-- terms: disable-file TERM003 -- the national code's term -->\n\nDes images.\n", []),
}


@pytest.mark.parametrize("name", CASES)
def test_drift(name):
    lang, english, translation, expected = CASES[name]
    assert findings(translation, lang, source=english) == expected


def test_arabic_sexual_abuse_decision():
    """The termbase records the choice of «الاعتداء الجنسي» over «الإساءة الجنسية»; the check applies it."""
    english = "---\ntitle: P\ndescription: D.\n---\n\nChild sexual abuse is a crime.\n"
    drifted = AR_HEAD + "الإساءة الجنسية جريمة.\n"
    assert findings(drifted, "ar", source=english) == [(6, 1, "TERM003", "الإساءة الجنسية")]
    assert findings(AR_HEAD + "الاعتداء الجنسي على الأطفال جريمة.\n", "ar", source=english) == []
