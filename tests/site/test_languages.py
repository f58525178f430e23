"""translations/: languages and UI strings, and the errors a translator sees when they are wrong."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from handbook.errors import HandbookError
from handbook.languages import load_i18n
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
    for code in i18n.codes:
        assert set(i18n.strings[code]) == set(i18n.strings["en"])
    # Arabic strings really are Arabic (an English string copied by mistake has no Arabic letter).
    latin_only = [k for k, v in i18n.strings["ar"].items()
                  if re.search(r"[A-Za-z]{4}", re.sub(r"\{[^}]*\}", "", v)) and not re.search(r"[\u0600-\u06FF]", v)]
    assert latin_only == []


def _ui(tree: Path, name: str) -> Path:
    return tree / "translations" / "ui" / name


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: _ui(t, "core.fr.yml").write_text(
            _ui(t, "core.fr.yml").read_text(encoding="utf-8").replace("search_button:", "search_bouton:"), encoding="utf-8"),
         "core.fr.yml: missing UI string(s): search_button"),
        (lambda t: _ui(t, "core.es.yml").unlink(), "core.es.yml: missing UI string file"),
        (lambda t: _ui(t, "core.ar.yml").write_text("site_name: Manuel: guide\n", encoding="utf-8"),
         "core.ar.yml:1: invalid YAML"),
        (lambda t: (t / "translations/languages.yml").write_text(
            "default: en\nlanguages:\n  - code: en\n    name: English\n    dir: ltr\n  - code: FR\n    name: x\n    dir: ltr\n",
            encoding="utf-8"),
         "languages.yml:6: language code 'FR' is not an ISO 639 code"),
        (lambda t: (t / "translations/languages.yml").write_text(
            "default: en\nlanguages:\n  - code: en\n    name: English\n    dir: down\n", encoding="utf-8"),
         "languages.yml:3: dir 'down' must be 'ltr' or 'rtl'"),
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
