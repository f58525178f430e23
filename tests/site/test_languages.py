"""translations/: languages and UI strings, and the errors a translator sees when they are wrong."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from handbook.errors import HandbookError
from handbook.languages import PLURAL_CATEGORIES, load_i18n
from tests.conftest import REPO


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "translations", tmp_path / "translations")
    return tmp_path


def test_repository_languages_and_strings_are_complete():
    i18n = load_i18n(REPO)
    assert i18n.codes == ("en", "fr", "es", "ar")
    assert i18n.default == "en"
    assert i18n.language("ar").rtl
    assert i18n.language("fr").quotes.wrap("texte") == "«\u00a0texte\u00a0»"
    assert i18n.language("en").quotes.wrap("it", nested=True) == "‘it’"
    plural_forms = {f"{key}_{c}" for key in i18n.strings["en"] for c in PLURAL_CATEGORIES}
    for code in i18n.codes:  # the same strings, and plural forms only where the language's grammar has them
        assert set(i18n.strings[code]) - plural_forms == set(i18n.strings["en"]) - plural_forms
        assert set(i18n.strings[code]) >= set(i18n.strings["en"])
    # Arabic strings really are Arabic (an English string copied by mistake has no Arabic letter).
    latin_only = [k for k, v in i18n.strings["ar"].items()
                  if re.search(r"[A-Za-z]{4}", re.sub(r"\{[^}]*\}", "", v)) and not re.search(r"[\u0600-\u06FF]", v)]
    assert latin_only == []


def _ui(tree: Path, name: str) -> Path:
    return tree / "translations" / "ui" / name


QUOTES = '    quotes: ["“", "”", "‘", "’"]\n'


def _languages(tree: Path, entries: str) -> None:
    (tree / "translations/languages.yml").write_text(f"default: en\nlanguages:\n{entries}", encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: _ui(t, "core.fr.yml").write_text(
            _ui(t, "core.fr.yml").read_text(encoding="utf-8").replace("search_button:", "search_bouton:"), encoding="utf-8"),
         "core.fr.yml: missing UI string(s): search_button"),
        (lambda t: _ui(t, "core.es.yml").unlink(), "core.es.yml: missing UI string file"),
        (lambda t: _ui(t, "core.ar.yml").write_text("site_name: Manuel: guide\n", encoding="utf-8"),
         "core.ar.yml:1: invalid YAML"),
        (lambda t: _languages(t, f"  - code: en\n    name: English\n    dir: ltr\n{QUOTES}"
                                 f"  - code: FR\n    name: x\n    dir: ltr\n{QUOTES}"),
         "languages.yml:7: language code 'FR' is not an ISO 639 code"),
        (lambda t: _languages(t, f"  - code: en\n    name: English\n    dir: down\n{QUOTES}"),
         "languages.yml:3: dir 'down' must be 'ltr' or 'rtl'"),
        # quotation marks (HYG017 names them to writers)
        (lambda t: _languages(t, "  - code: en\n    name: English\n    dir: ltr\n"),
         "languages.yml:3: language entry 'en' lacks quotes"),
        (lambda t: _languages(t, f"  - code: en\n    name: English\n    dir: ltr\n{QUOTES}    quotes_space: x\n"),
         "languages.yml:3: language entry 'en' has the unknown key(s) quotes_space"),
        (lambda t: _languages(t, '  - code: en\n    name: English\n    dir: ltr\n    quotes: ["“", "”"]\n'),
         "languages.yml:6: quotes of 'en' must be a list of four quotation marks"),
        (lambda t: _languages(t, '  - code: en\n    name: English\n    dir: ltr\n    quotes: "“”‘’"\n'),
         "languages.yml:6: quotes of 'en' must be a list of four quotation marks"),
        (lambda t: _languages(t, '  - code: fr\n    name: x\n    dir: ltr\n    quotes: ["« ", " »", "“", "”"]\n'),
         "languages.yml:6: quotes of 'fr' must be a list of four quotation marks"),
        (lambda t: _languages(t, '  - code: en\n    name: English\n    dir: ltr\n    quotes: [\'"\', \'"\', "‘", "’"]\n'),
         "languages.yml:6: quotes of 'en' must be a list of four quotation marks"),
        (lambda t: _languages(t, f'  - code: fr\n    name: x\n    dir: ltr\n{QUOTES}    quote_space: " "\n'),
         "languages.yml:7: quote_space of 'fr' is ' '; it must be a space that does not break a line"),
    ],
)
def test_bad_translations_name_the_file_and_line(tree, edit, expected):
    edit(tree)
    with pytest.raises(HandbookError) as info:
        load_i18n(tree)
    assert expected in str(info.value)


def test_placeholders_must_be_kept(tree):
    for code, text in (("en", "Page {page}"), ("fr", "Page {pagee}"), ("es", "Página {page}"), ("ar", "صفحة {page}")):
        _ui(tree, f"zz.{code}.yml").write_text(f"zz_page: {text}\n", encoding="utf-8")
    with pytest.raises(HandbookError, match=r"zz.fr.yml:1: string 'zz_page' must keep the placeholders \['page'\]"):
        load_i18n(tree)


@pytest.mark.parametrize(("code", "count", "expected"), [
    ("en", 1, "(PDF, 0.1 MB, 1 page)"),
    ("en", 138, "(PDF, 0.1 MB, 138 pages)"),
    ("fr", 1, "(PDF, 0.1 Mo, 1 page)"),
    ("es", 2, "(PDF, 0.1 MB, 2 páginas)"),
    ("ar", 1, "(PDF، 0.1 ميغابايت، صفحة واحدة)"),   # CLDR 'one'
    ("ar", 2, "(PDF، 0.1 ميغابايت، صفحتان)"),       # 'two'
    ("ar", 5, "(PDF، 0.1 ميغابايت، 5 صفحات)"),      # 'few'
    ("ar", 12, "(PDF، 0.1 ميغابايت، 12 صفحة)"),     # 'many': the plain string
    ("ar", 138, "(PDF، 0.1 ميغابايت، 138 صفحة)"),   # 'other'
])
def test_plural_forms_follow_cldr(code, count, expected):
    i18n = load_i18n(REPO)
    assert i18n.plural(code, "pdf_download_details", count, size="0.1", pages=str(count)) == expected


def test_a_plural_form_with_a_placeholder_of_its_own_is_refused(tmp_path):
    root = tmp_path / "h"
    shutil.copytree(REPO / "translations", root / "translations")
    path = root / "translations/ui/pdf.ar.yml"
    path.write_text(path.read_text(encoding="utf-8") + 'pdf_download_details_many: "{count} صفحة"\n', encoding="utf-8")
    with pytest.raises(HandbookError) as caught:
        load_i18n(root)
    assert "pdf_download_details_many" in str(caught.value) and "['pages', 'size']" in str(caught.value)
