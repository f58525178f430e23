"""The i18n plugin's languages, generated from translations/languages.yml and the nav UI strings."""

from __future__ import annotations

import pytest

from handbook.errors import HandbookError
from handbook.languages import load_i18n
from handbook.site.i18n_plugin import nav_key, plugin_languages, section_title
from tests.conftest import REPO

NAV = ["index.md", {"Chapters": ["a.md"]}, {"Checklists": ["b.md"]}, {"Contributing": ["c.md"]}]

# What mkdocs.yml listed by hand before the list was generated: the generated one must equal it.
HAND_WRITTEN = [
    {"locale": "en", "name": "English", "default": True, "build": True},
    {"locale": "fr", "name": "Français", "build": True,
     "nav_translations": {"Chapters": "Chapitres", "Checklists": "Listes de contrôle", "Contributing": "Contribuer"}},
    {"locale": "es", "name": "Español", "build": True,
     "nav_translations": {"Chapters": "Capítulos", "Checklists": "Listas de verificación", "Contributing": "Contribuir"}},
    {"locale": "ar", "name": "العربية", "build": True,
     "nav_translations": {"Chapters": "الفصول", "Checklists": "قوائم التحقق", "Contributing": "المساهمة"}},
]


def test_the_generated_list_is_the_one_mkdocs_yml_used_to_spell_out():
    assert plugin_languages(load_i18n(REPO), NAV, "fr") == HAND_WRITTEN


@pytest.mark.parametrize(("title", "key"), [("Chapters", "nav_chapters"), ("Case studies", "nav_case_studies"),
                                            ("Q&A / FAQ", "nav_q_a_faq")])
def test_nav_keys(title, key):
    assert nav_key(title) == key


def test_a_section_without_its_string_is_refused_with_the_fix():
    with pytest.raises(HandbookError, match=r"nav\.en\.yml: no string 'nav_annexes' .* 'Annexes'.*Add 'nav_annexes: Annexes'"):
        section_title(load_i18n(REPO), "fr", "Annexes")


def test_a_build_of_an_unknown_language_is_refused():
    with pytest.raises(HandbookError, match="language 'pt'"):
        plugin_languages(load_i18n(REPO), NAV, "pt")
