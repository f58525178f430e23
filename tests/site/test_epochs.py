"""Each language's build date is the last commit that changed its inputs, so that a committed French
edit changes French's outputs only and the cache rebuilds French only (handbook.site.epochs)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from handbook.languages import load_i18n
from handbook.site.build import build_site
from handbook.site.epochs import affects, document_epochs, language_epochs
from tests.conftest import REPO, make_handbook, page, translated_page

PAGES = {
    "index.md": page("Home", "# Home { #home }\n\nThe harbour is calm."),
    "index.fr.md": translated_page("Accueil", "# Accueil { #home }\n\nLe port est calme."),
}


@pytest.mark.parametrize(("rel", "codes"), [
    ("docs/index.fr.md", {"fr"}),  # a translation: its language only
    ("docs/index.md", {"en", "fr", "es", "ar"}),  # English: every language falls back to it
    ("translations/ui/pdf.es.yml", {"es"}),
    ("translations/ui/pdf.en.yml", {"en", "fr", "es", "ar"}),
    ("translations/termbase.yml", {"en", "fr", "es", "ar"}),
    ("translations/po/ar/chapters.po", {"ar"}),
    ("handbook/site/build.py", {"en", "fr", "es", "ar"}),
    ("overrides/main.html", {"en", "fr", "es", "ar"}),
    ("mkdocs.yml", {"en", "fr", "es", "ar"}),
    ("tests/site/test_build.py", set()),  # nothing a reader gets
    ("README.md", set()),
    ("restricted", set()),  # the restricted tree's pointer: not the public edition's
])
def test_what_a_change_touches(rel, codes):
    i18n = load_i18n(REPO)
    assert {code for code in i18n.codes if affects(rel, i18n, code)} == codes


def test_the_restricted_tree_touches_the_restricted_edition_only():
    i18n = load_i18n(REPO)
    assert affects("restricted", i18n, "fr", "restricted") and not affects("restricted", i18n, "fr")


def _commit(root: Path, message: str, when: int) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{when} +0000", "GIT_COMMITTER_DATE": f"{when} +0000"}
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", message], cwd=root, check=True, capture_output=True, env=env)


def _committed(root: Path, pages: dict[str, str], nav: str):
    """A fixture handbook in a git checkout of its own, with one commit."""
    project = make_handbook(root, pages, nav=nav)
    subprocess.run(["git", "init", "-q"], cwd=project.root, check=True)
    _commit(project.root, "first", 1_780_000_000)
    return project


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return _committed(tmp_path / "h", PAGES, "  - index.md\n")


def test_a_french_commit_moves_frenchs_date_only(checkout):
    page_fr = checkout.docs / "index.fr.md"
    page_fr.write_text(page_fr.read_text(encoding="utf-8").replace("calme", "très calme"), encoding="utf-8")
    _commit(checkout.root, "French typo", 1_780_086_400)
    assert language_epochs(checkout, ["en", "fr", "es", "ar"]) == {
        "en": "1780000000", "fr": "1780086400", "es": "1780000000", "ar": "1780000000"}


def test_source_date_epoch_is_every_languages_date(checkout, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert set(language_epochs(checkout, ["en", "fr"]).values()) == {"1790000000"}


@pytest.mark.slow
def test_after_a_committed_french_edit_the_cache_rebuilds_french_only(checkout, tmp_path):
    lines: list[str] = []
    build_site(checkout, out=tmp_path / "one", jobs=2, cache=True, log=lines.append)
    page_fr = checkout.docs / "index.fr.md"
    page_fr.write_text(page_fr.read_text(encoding="utf-8").replace("calme", "très calme"), encoding="utf-8")
    _commit(checkout.root, "French typo", 1_780_086_400)
    lines.clear()
    build_site(checkout, out=tmp_path / "two", jobs=2, cache=True, log=lines.append)
    built = {line.split("]")[0][1:] for line in lines if " built in " in line}
    cached = {line.split("]")[0][1:] for line in lines if " from the cache " in line}
    assert (built, cached) == ({"fr"}, {"en", "es", "ar"})


# --- a page's own PDF: its own date ------------------------------------------------------------------

CHAPTERS = {
    **PAGES,
    "chapters/one.md": page("One", "# One { #one }\n\nThe first text.", chapter=1),
    "chapters/one.fr.md": translated_page("Un", "# Un { #one }\n\nLe premier texte."),
    "chapters/two.md": page("Two", "# Two { #two }\n\nThe second text.", chapter=2),
}
BASES = ["chapters/one.md", "chapters/two.md"]


@pytest.fixture
def chapters(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return _committed(tmp_path / "h", CHAPTERS, "  - index.md\n  - chapters/one.md\n  - chapters/two.md\n")


def _edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_a_commit_to_one_translated_page_moves_that_pages_date_only(chapters):
    _edit(chapters.docs / "chapters/one.fr.md", "premier", "tout premier")
    _commit(chapters.root, "French edit", 1_780_086_400)
    assert document_epochs(chapters, "fr", BASES) == {"chapters/one.md": "1780086400", "chapters/two.md": "1780000000"}
    assert set(document_epochs(chapters, "es", BASES).values()) == {"1780000000"}  # not Spanish's page


def test_an_english_page_moves_its_date_in_every_language(chapters):
    _edit(chapters.docs / "chapters/two.md", "second", "other")
    _commit(chapters.root, "English edit", 1_780_086_400)
    for code in ("en", "fr", "ar"):
        assert document_epochs(chapters, code, BASES) == {"chapters/one.md": "1780000000",
                                                          "chapters/two.md": "1780086400"}


def test_what_every_page_shows_moves_every_pages_date(chapters):
    ui = chapters.root / "translations/ui/pdf.fr.yml"
    ui.write_text(ui.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _commit(chapters.root, "French UI strings", 1_780_086_400)
    assert set(document_epochs(chapters, "fr", BASES).values()) == {"1780086400"}
    assert set(document_epochs(chapters, "en", BASES).values()) == {"1780000000"}


def test_a_pages_date_is_never_after_its_languages(chapters):
    _edit(chapters.docs / "chapters/one.fr.md", "premier", "tout premier")
    _commit(chapters.root, "French edit", 1_780_086_400)
    dates = document_epochs(chapters, "fr", BASES)
    assert max(dates.values(), key=int) == language_epochs(chapters, ["fr"])["fr"]


def test_source_date_epoch_dates_every_page(chapters, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    assert set(document_epochs(chapters, "fr", BASES).values()) == {"1790000000"}
