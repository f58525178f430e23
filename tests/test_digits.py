"""Digits from CLDR unless translations/languages.yml says the handbook chooses otherwise (digits:)."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal

from handbook.digits import to_digits
from handbook.errors import HandbookError
from handbook.languages import load_i18n
from handbook.pdf.link import details_text
from tests.conftest import REPO, make_handbook


@pytest.mark.parametrize("code", ["en", "fr", "es", "ar"])
def test_the_four_languages_keep_western_digits_and_their_decimal_sign(code):
    i18n = load_i18n(REPO)
    assert i18n.language(code).numbering_system == "latn"  # CLDR's default, which the handbook keeps
    size = format_decimal(2.1, format="#,##0.0", locale=code, numbering_system="latn")
    assert details_text(i18n, code, 2_100_000, 130) == i18n.plural(code, "pdf_download_details", 130,
                                                                   size=size, pages="130")


def _with_digits(tmp_path, value):
    project = make_handbook(tmp_path / "h", {})
    path = project.languages_file
    text = path.read_text(encoding="utf-8").replace("    dir: rtl\n", f"    dir: rtl\n    digits: {value}\n", 1)
    path.write_text(text, encoding="utf-8")
    return project


def test_a_choice_recorded_in_languages_yml_is_used(tmp_path):
    i18n = load_i18n(_with_digits(tmp_path, "arab").root)
    assert i18n.language("ar").numbering_system == "arab"
    text = details_text(i18n, "ar", 2_100_000, 130)
    assert "٢٫١" in text and "١٣٠" in text and not any(c.isascii() and c.isdigit() for c in text)


def test_an_unknown_numbering_system_is_refused_with_its_line(tmp_path):
    with pytest.raises(HandbookError, match=r"languages\.yml:\d+: digits 'roman' of 'ar' is not a numbering system.*arab"):
        load_i18n(_with_digits(tmp_path, "roman").root)


@pytest.mark.parametrize(("text", "system", "expected"), [("130", "latn", "130"), ("2,1", "arabext", "۲,۱"),
                                                          ("1970", "deva", "१९७०")])
def test_to_digits(text, system, expected):
    assert to_digits(text, system) == expected


@pytest.mark.parametrize(("code", "value", "expected"), [
    # CLDR's percent pattern, sign and spacing (a no-break space before % in French and Spanish).
    ("en", 87.5, "87.5%"),
    ("fr", 87.5, "87,5\u00a0%"),
    ("es", 100, "100\u00a0%"),
    ("ar", 12.34, "12.3%"),
    ("ar", 0, "0%"),
])
def test_percentages_follow_cldr(code, value, expected):
    assert load_i18n(REPO).percent(code, value) == expected


def test_percentages_take_the_languages_digits(tmp_path):
    text = load_i18n(_with_digits(tmp_path, "arab").root).percent("ar", 87.5)
    assert "٨٧٫٥" in text and not any(c.isascii() and c.isdigit() for c in text)


@pytest.mark.parametrize(("code", "kind", "expected"), [
    ("en", "and", "A, B, and C"),
    ("fr", "and", "A, B et C"),
    ("es", "or", "A, B o C"),
    ("ar", "and", "A وB وC"),
    ("ar", "or", "A أو B أو C"),
])
def test_lists_follow_cldrs_list_patterns(code, kind, expected):
    assert load_i18n(REPO).join(code, ["A", "B", "C"], kind) == expected
