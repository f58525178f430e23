"""The translation-status page's slots: a language's build writes its own section, the assembly
fills the others' (handbook.translation.site.fill_status_pages).

Sites here are folders written by hand, the way a language's build leaves its status page; the
builds themselves are in tests/translation/test_site.py and tests/site/test_cache.py.
"""

from __future__ import annotations

import os
import re

import pytest

from handbook.errors import HandbookError
from handbook.languages import load_i18n
from handbook.translation.site import _slot, fill_status_pages
from tests.conftest import make_handbook, page, translated_page

PAGES = {
    "index.md": page("Home", "# Home { #home }\n\nWelcome."),
    "index.fr.md": translated_page("Accueil", "# Accueil { #home }\n\nBienvenue."),
    "guide.md": page("Guide <b>&</b> notes", "# Guide { #guide }\n\nText."),
}


def _status_page(i18n, text_lang: str, body: str = "<p>shown on the web</p>") -> str:
    slots = "\n".join(f'<h2 id="status-{c}">{c}</h2>\n' + _slot(c, text_lang, body) for c in i18n.translated_codes)
    return f"<html><body><article>\n{slots}\n</article></body></html>\n"


@pytest.fixture
def site(tmp_path):
    project = make_handbook(tmp_path / "handbook", PAGES)
    i18n = load_i18n(project.root)
    out = tmp_path / "site"
    for code in i18n.codes:
        folder = out / i18n.prefix(code) / "translation-status"
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(_status_page(i18n, code), encoding="utf-8")
    (out / "guide").mkdir()
    (out / "guide" / "index.html").write_text("<p>not a status page</p>", encoding="utf-8")
    return project, i18n, out


def _sections(path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    return dict(re.findall(r'data-hb-status="(\w+)"[^>]*>(.*?)</div>', text, re.S))


def test_every_slot_of_every_language_is_filled_in_the_pages_language(site):
    project, i18n, out = site
    changed = fill_status_pages(out, project, i18n, "public")
    assert sorted(changed) == sorted(f"{i18n.prefix(c)}translation-status/index.html" for c in i18n.codes)
    french = _sections(out / "fr" / "translation-status" / "index.html")
    assert set(french) == set(i18n.translated_codes)
    # index.fr.md has no record of the English it was made from: out of date; guide.md is not translated.
    assert "0 pages à jour sur 2 (0\u00a0%)" in french["fr"] and "<td>Pas à jour</td>" in french["fr"]
    assert '<a href="../">Accueil</a>' in french["fr"]  # the French title, in the French site
    assert '<a href="../guide/" lang="en">' in french["fr"]  # an English title on a French page says so
    english = _sections(out / "translation-status" / "index.html")
    assert "of 2 pages up to date" in english["es"] and '<a href="../">Home</a>' in english["es"]
    # A title is text, never markup: its '<' and '&' are shown as written.
    assert "Guide &lt;b&gt;&amp;&lt;/b&gt; notes</a>" in english["es"]
    assert (out / "guide" / "index.html").read_text(encoding="utf-8") == "<p>not a status page</p>"


def test_filling_again_changes_nothing_and_never_writes_through_a_hard_link(site):
    project, i18n, out = site
    fill_status_pages(out, project, i18n, "public")
    page_path = out / "es" / "translation-status" / "index.html"
    filled = page_path.read_bytes()
    assert fill_status_pages(out, project, i18n, "public") == []
    assert page_path.read_bytes() == filled
    # A cached language's pages are hard links into the cache: filling replaces the file, not its bytes.
    cached = out.parent / "cache-entry.html"
    page_path.unlink()
    cached.write_text(_status_page(i18n, "es"), encoding="utf-8")
    os.link(cached, page_path)
    assert fill_status_pages(out, project, i18n, "public") == ["es/translation-status/index.html"]
    assert page_path.read_bytes() == filled
    assert cached.read_text(encoding="utf-8") == _status_page(i18n, "es")


def test_a_slot_of_an_unknown_language_is_a_clear_error(site):
    project, i18n, out = site
    (out / "translation-status" / "index.html").write_text(
        "<article>\n" + _slot("xx", "en", "<p>old</p>") + "\n</article>", encoding="utf-8")
    with pytest.raises(HandbookError) as caught:
        fill_status_pages(out, project, i18n, "public")
    message = str(caught.value)
    assert str(out / "translation-status" / "index.html") in message
    assert "'xx'" in message and "Build every language" in message


def test_a_run_that_read_every_language_fills_every_section_itself(tmp_path):
    """`handbook serve` and a plain `mkdocs build` read every language and nothing assembles their
    output: their status page shows every language's table, where `handbook build`'s language runs
    leave the other languages' sections to the assembly (tests/site/test_cache.py)."""
    import subprocess
    import sys

    from handbook.paths import LOCALE_ENV

    status = page("Translation status", "# Translation status { #translation-status }\n\n<!-- hb:translation-status -->")
    # (A title with markup is refused by the build: SAFE010. The escaping above is for what gets past.)
    plain = {**PAGES, "guide.md": page("Guide", "# Guide { #guide }\n\nText."), "translation-status.md": status}
    project = make_handbook(tmp_path / "handbook", plain)
    env = {**os.environ, LOCALE_ENV: "fr", "NO_MKDOCS_2_WARNING": "1"}
    env.pop("HANDBOOK_WEB_STATES", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project.config_file),
                           "-d", str(tmp_path / "out")], cwd=project.root, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    sections = _sections(tmp_path / "out" / "translation-status" / "index.html")
    i18n = load_i18n(project.root)
    assert set(sections) == set(i18n.translated_codes)
    assert all("<table>" in body for body in sections.values()), sections
