"""What readers see: notices, English pages marked in the navigation, and the status page.

Builds real fixture sites (MkDocs, every language) from a git repository in tmp_path.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from handbook.languages import load_i18n
from handbook.paths import Project
from handbook.site.build import build_site
from tests.translation.conftest import Repo

TRANSLATED = {"fr": "L'agent écoute d'abord l'enfant.", "es": "El agente escucha primero al niño.",
              "ar": "يستمع الموظف إلى الطفل أولاً."}
STATUS_PAGE = "# Translation status { #translation-status }\n\n<!-- hb:translation-status -->\n"


def _text(page_html: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page_html)))


def _nav_titles(page_html: str) -> list[str]:
    return [re.sub(r"\s+", " ", html.unescape(t)).strip()
            for t in re.findall(r'<span class="md-ellipsis">(.*?)</span>', page_html, re.S)]


def _notices(page_html: str) -> list[str]:
    return re.findall(r'<div class="hb-notice[^"]*".*?</div>', page_html, re.S)


@pytest.fixture
def site(repo: Repo) -> tuple[Repo, Path]:
    """alpha translated into every language, then changed in English; beta never translated."""
    repo.write("translation-status.md", "---\ntitle: Translation status\ndescription: d\nowner: WG\n"
               "last_reviewed: 2026-11-01\nreview_interval_months: 12\n---\n\n" + STATUS_PAGE)
    for code, sentence in TRANSLATED.items():
        assert repo.run("translate", "start", code, "chapters/alpha.md")[0] == 0
        repo.edit(f"chapters/alpha.{code}.md", "The officer listens to the child first.", sentence)
    assert repo.run("translate", "start", "fr", "translation-status.md")[0] == 0
    repo.edit("translation-status.fr.md", "# Translation status {", "# État des traductions {")
    repo.commit("translations")
    repo.edit("chapters/alpha.md", "Record what was said.", "Record what was said, in the child's words.")
    repo.commit("English update")
    build_site(Project(repo.root), search=False, jobs=1, log=lambda _: None)
    return repo, repo.root / "site"


def test_outdated_page_says_so_in_each_language_with_a_link_to_the_english_original(site) -> None:
    repo, out = site
    i18n = load_i18n(repo.root)
    english_ui = [i18n.t("en", "translation_outdated_notice"), i18n.t("en", "translation_read_original")]
    for code in TRANSLATED:
        page_path = out / code / "chapters/alpha/index.html"
        page = page_path.read_text(encoding="utf-8")
        notices = _notices(page)
        # Outdated, and made by the project: no national team has reviewed it yet.
        assert [re.search(r'hb-notice--(\w+)', n).group(1) for n in notices] == ["outdated", "unreviewed"], code
        assert i18n.t(code, "translation_outdated_notice") in html.unescape(notices[0])
        assert i18n.t(code, "translation_unreviewed_notice") in html.unescape(notices[1])
        link = re.search(r'<a href="([^"]+)" hreflang="en">([^<]+)</a>', notices[0])
        assert link and html.unescape(link.group(2)) == i18n.t(code, "translation_read_original")
        target = (page_path.parent / link.group(1) / "index.html").resolve()
        assert target == (out / "chapters/alpha/index.html").resolve() and target.exists()
        assert not any(s in html.unescape(page) for s in english_ui), code
        assert TRANSLATED[code] in html.unescape(page)
    assert _notices((out / "chapters/alpha/index.html").read_text(encoding="utf-8")) == []


def test_missing_page_in_the_arabic_site_is_english_marked_and_flagged_in_the_nav(site) -> None:
    repo, out = site
    i18n = load_i18n(repo.root)
    page = (out / "ar/chapters/beta/index.html").read_text(encoding="utf-8")
    assert re.search(r'<html[^>]*\blang="ar"[^>]*\bdir="rtl"', page)
    content = re.search(r'<div class="hb-fallback-content" lang="en" dir="ltr"[^>]*>(.*?)</article>', page, re.S)
    assert content and "Beta has five words here." in content.group(1)
    notices = _notices(page)
    assert len(notices) == 1 and i18n.t("ar", "fallback_notice") in html.unescape(notices[0])
    marked = f"\u2068Beta\u2069 ({i18n.t('ar', 'fallback_nav_marker')})"
    assert marked in _nav_titles(page)
    # The translated page is not marked; the same nav in French uses the French marker.
    assert "Alpha" in _nav_titles(page)
    fr_nav = _nav_titles((out / "fr/chapters/alpha/index.html").read_text(encoding="utf-8"))
    assert "Beta (anglais)" in fr_nav and "Alpha" in fr_nav
    en_nav = _nav_titles((out / "chapters/beta/index.html").read_text(encoding="utf-8"))
    assert "Beta" in en_nav and not any("(" in t for t in en_nav)


def test_status_page_tables_in_the_readers_language(site) -> None:
    repo, out = site
    fr = (out / "fr/translation-status/index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="status-fr">Français', fr) and re.search(r'<h2 id="status-ar">العربية', fr)
    text = _text(fr)
    # French: status page up to date, alpha outdated, beta and index missing -> 1 of 4.
    assert "1 pages à jour sur 4 (25 %) ;" in text
    assert re.search(r"Page État Traduite le Alpha Pas à jour \d{4}-\d{2}-\d{2} Beta Pas encore traduite", text)
    assert "Édition PDF : publiée (0 % des chapitres à jour ; 0 % requis)" in text
    assert "Édition PDF : pas encore publiée (0 % des chapitres à jour ; 50 % requis)" in text  # Arabic table
    assert '<a href="../chapters/alpha/">Alpha</a>' in fr  # French title, French page: no lang attribute
    assert '<a href="../chapters/beta/" lang="en">Beta</a>' in fr  # English title marked as English
    # The Arabic site has no translated status page: the English page, tables in English, marked lang="en".
    ar = (out / "ar/translation-status/index.html").read_text(encoding="utf-8")
    block = re.search(r'<div class="hb-fallback-content" lang="en" dir="ltr"[^>]*>(.*?)</article>', ar, re.S).group(1)
    assert "0 of 4 pages up to date (0%)" in _text(block)


def test_done_removes_the_outdated_notice_and_a_review_the_unreviewed_one(site) -> None:
    repo, out = site
    page = out / "fr/chapters/alpha/index.html"
    assert repo.run("translate", "done", "fr", "chapters/alpha.md")[0] == 0
    build_site(Project(repo.root), codes=["fr"], search=False, jobs=1, log=lambda _: None)
    assert ["unreviewed"] == [re.search(r'hb-notice--(\w+)', n).group(1) for n in _notices(page.read_text("utf-8"))]
    code, out_text, _ = repo.run("translate", "review", "fr", "chapters/alpha.md", "--by", "Équipe nationale: France #1")
    assert code == 0 and "Équipe nationale: France #1" in out_text
    front = (repo.root / "docs/chapters/alpha.fr.md").read_text(encoding="utf-8")
    assert 'reviewed_by: "Équipe nationale: France #1"\n' in front and "reviewed_on: " in front
    build_site(Project(repo.root), codes=["fr"], search=False, jobs=1, log=lambda _: None)
    assert _notices(page.read_text(encoding="utf-8")) == []
    # The Arabic page is still made by the project only, and outdated: a review is refused.
    before = (repo.root / "docs/chapters/alpha.ar.md").read_bytes()
    code, _, err = repo.run("translate", "review", "ar", "chapters/alpha.md", "--by", "Arabic team")
    assert code == 1 and "does not match the current English page" in err
    assert (repo.root / "docs/chapters/alpha.ar.md").read_bytes() == before
