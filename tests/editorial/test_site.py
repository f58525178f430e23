"""What readers see of the editorial workflow, on a real fixture site built in every language:
the review line, the edition in the footer, the "What changed" page and the editions archive."""

from __future__ import annotations

import html as htmllib
import re
import textwrap
from pathlib import Path

import pytest

from handbook.editorial import edition
from handbook.site.build import BuildFailed, build_site
from tests.conftest import make_handbook, page, translated_page

MARK_CHANGES = "<!-- handbook:changes -->"
MARK_EDITIONS = "<!-- handbook:editions -->"

EDITIONS = textwrap.dedent("""\
    # fixture editions
    editions:
      - number: 1
        date: 2026-06-15
        status: published
      - number: 2
        date: 2027-06-30
        status: draft
    downloads: https://example.org/releases/edition-{number}/
    pdf_file: handbook-{number}-{lang}.pdf
    review:
      due_within_days: 30
      overdue:
        pull_request: warning
        release: error
    """)

PAGES = {
    "index.md": page("Home", "# Home { #home }\n\nWelcome.", last_reviewed="2026-11-01",
                     review_interval_months=12),
    "index.fr.md": translated_page("Accueil", "# Accueil { #home }\n\nBienvenue."),
    "index.ar.md": translated_page("الرئيسية", "# الرئيسية { #home }\n\nمرحبا."),
    "guide.md": page("Interview guide", "# Interview guide { #guide }\n\nText.", last_reviewed="2025-01-31",
                     review_interval_months=1),
    "guide.fr.md": translated_page("Guide d'audition", "# Guide d'audition { #guide }\n\nTexte."),
    "whats-new.md": page("What changed", f"# What changed in this edition {{ #whats-new }}\n\n{MARK_CHANGES}"),
    "whats-new.fr.md": translated_page("Nouveautés", f"# Nouveautés de cette édition {{ #whats-new }}\n\n{MARK_CHANGES}"),
    "whats-new.ar.md": translated_page("المستجدات", f"# المستجدات في هذه الطبعة {{ #whats-new }}\n\n{MARK_CHANGES}"),
    "editions.md": page("Editions", f"# Editions {{ #editions }}\n\n{MARK_EDITIONS}"),
    "editions.es.md": translated_page("Ediciones", f"# Ediciones {{ #editions }}\n\n{MARK_EDITIONS}"),
}
NAV = "  - index.md\n  - guide.md\n  - whats-new.md\n  - editions.md\n"

CHANGES = {
    "1/first-hour.yml": """\
        type: new
        pages: [guide.md]
        text:
          en: A new interview guide helps officers plan a first interview around the child's needs.
          fr: Un nouveau guide aide les enquêteurs à préparer une première audition centrée sur l'enfant.
          es: Una nueva guía ayuda a preparar una primera entrevista centrada en las necesidades del niño.
          ar: دليل جديد يساعد الموظفين على التخطيط لمقابلة أولى تتمحور حول احتياجات الطفل.
        """,
    "2/terminology.yml": """\
        type: corrected
        text:
          en: The glossary now uses "child sexual abuse material" throughout.
          fr: Le glossaire emploie désormais partout « matériel d'abus sexuels sur enfants ».
        """,
    "2/removed.yml": """\
        type: updated
        pages: [guide.md, index.md]
        text:
          en: The interview guide now links to the victim-care chapter.
          fr: Le guide d'audition renvoie désormais au chapitre sur l'accompagnement des victimes.
          es: La guía de entrevista remite ahora al capítulo sobre la atención a las víctimas.
          ar: يحيل دليل المقابلة الآن إلى الفصل الخاص برعاية الضحايا.
        """,
}


def write_fixture(root: Path) -> edition.Project:
    project = make_handbook(root, PAGES, nav=NAV)
    (root / edition.EDITION_FILE).write_text(EDITIONS, encoding="utf-8")
    for rel, text in CHANGES.items():
        path = root / "changes" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("editorial")
    project = write_fixture(base / "handbook")
    site = base / "site"
    build_site(project, out=site, jobs=2, search=False, log=lambda _: None)
    return project, site


def read(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


def text_of(html: str, css_class: str) -> str:
    match = re.search(rf'<p class="{css_class}"[^>]*>(.*?)</p>', html, re.S)
    assert match, f"no <p class={css_class}> in the page"
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split())


@pytest.mark.parametrize(("rel", "expected"), [
    ("", "Last reviewed on November 1, 2026 · next review due November 1, 2027"),
    # A translation shows its English original's review dates, written the French way.
    ("fr/", "Dernière relecture le 1 novembre 2026 · prochaine relecture prévue le 1 novembre 2027"),
    # An untranslated page (English fallback) still gets the line in the reader's language.
    ("es/", "Última revisión el 1 de noviembre de 2026 · próxima revisión prevista el 1 de noviembre de 2027"),
    ("ar/", "آخر مراجعة في 1 نوفمبر 2026 · موعد المراجعة التالية 1 نوفمبر 2027"),
    # The 31st plus one month is the last day of February.
    ("guide/", "Last reviewed on January 31, 2025 · next review due February 28, 2025"),
])
def test_review_line_in_each_language(built, rel, expected):
    assert text_of(read(built[1], rel), "hb-review") == expected


def test_review_line_is_machine_readable_and_arabic_page_is_rtl(built):
    html = read(built[1], "ar/")
    assert re.search(r'<html[^>]*dir="rtl"', html)
    assert '<time datetime="2026-11-01">1 نوفمبر 2026</time>' in html
    assert '<time datetime="2027-11-01">1 نوفمبر 2027</time>' in html


@pytest.mark.parametrize(("rel", "expected"), [
    ("", "Edition 2 (draft, planned for June 30, 2027)"),
    ("fr/guide/", "Édition 2 (projet, publication prévue le 30 juin 2027)"),
    ("es/whats-new/", "Edición 2 (borrador, publicación prevista el 30 de junio de 2027)"),
    ("ar/editions/", "الطبعة 2 (مسودة، من المقرر صدورها في 30 يونيو 2027)"),
])
def test_edition_in_every_footer(built, rel, expected):
    assert text_of(read(built[1], rel), "hb-edition") == expected


def test_published_edition_footer(tmp_path):
    project = make_handbook(tmp_path / "hb", {"index.md": PAGES["index.md"]})
    (project.root / edition.EDITION_FILE).write_text(EDITIONS.replace("2027-06-30\n    status: draft",
                                                                      "2027-06-30\n    status: published"))
    build_site(project, out=tmp_path / "site", codes=["en", "fr"], jobs=2, search=False, log=lambda _: None)
    assert text_of(read(tmp_path / "site", ""), "hb-edition") == "Edition 2, published June 30, 2027"
    assert text_of(read(tmp_path / "site", "fr/"), "hb-edition") == "Édition 2, publiée le 30 juin 2027"


def plain(html: str) -> str:
    main = re.search(r'<article[^>]*>(.*?)</article>', html, re.S).group(1)
    main = re.sub(r'<a class="headerlink".*?</a>', "", main)
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_whats_new_is_built_from_the_entries(built):
    english = plain(read(built[1], "whats-new/"))
    # Newest edition first, entries grouped by type, each with its text and links to its pages.
    assert english.index("Edition 2") < english.index("Edition 1")
    assert "Updated guidance The interview guide now links to the victim-care chapter. See: Interview guide and Home" \
        in english
    assert 'Corrections The glossary now uses "child sexual abuse material" throughout.' in english
    assert "New guidance A new interview guide helps officers plan a first interview" in english
    html = read(built[1], "whats-new/")
    assert 'id="edition-2"' in html and 'id="edition-1-new"' in html
    assert 'href="../guide/"' in html


def test_whats_new_in_french_links_to_french_pages(built):
    french = plain(read(built[1], "fr/whats-new/"))
    assert "Recommandations mises à jour Le guide d'audition renvoie désormais" in french
    assert "Voir : Guide d'audition et Accueil" in french
    assert "Corrections Le glossaire emploie désormais partout" in french
    assert "Last reviewed" not in read(built[1], "fr/whats-new/")


def test_whats_new_marks_english_text_where_a_translation_is_missing(built):
    html = read(built[1], "ar/whats-new/")
    assert re.search(r'<span dir="ltr" lang="en">The glossary now uses .*?</span> \(لم تُترجم بعد\)', html) or \
        re.search(r'<span lang="en" dir="ltr">The glossary now uses .*?</span> \(لم تُترجم بعد\)', html)
    assert "دليل جديد يساعد الموظفين" in plain(html)
    # A page not translated into Arabic keeps its English title, marked as English.
    assert "انظر: Interview guide (بالإنجليزية)" in plain(html)
    assert re.search(r'<span (?:lang="en" dir="ltr"|dir="ltr" lang="en")>Interview guide</span> \(بالإنجليزية\)', html)


def test_editions_archive_lists_pdfs_of_published_editions(built):
    html = read(built[1], "editions/")
    for code in ("en", "fr", "es", "ar"):
        assert f'href="https://example.org/releases/edition-1/handbook-1-{code}.pdf"' in html
    assert 'href="https://example.org/releases/edition-1/SHA256SUMS.txt"' in html
    assert re.search(r'<a [^>]*hreflang="ar"[^>]*>العربية</a>', html) and "{ hreflang" not in html
    assert "edition-2/handbook-2" not in html  # a draft has no PDFs yet
    text = plain(html)
    assert "2 June 30, 2027 (planned) In preparation Available when the edition is published" in text
    assert "1 June 15, 2026 Published" in text
    spanish = plain(read(built[1], "es/editions/"))
    assert "1 15 de junio de 2026 Publicada" in spanish


def test_a_bad_change_entry_fails_the_build_naming_the_file(tmp_path):
    project = write_fixture(tmp_path / "hb")
    bad = project.root / "changes" / "2" / "bad.yml"
    bad.write_text("type: updated\npages: [missing.md]\ntext:\n  en: Something.\n", encoding="utf-8")
    with pytest.raises(BuildFailed, match=r"changes/2/bad\.yml:2: page 'missing\.md' does not exist"):
        build_site(project, out=tmp_path / "site", codes=["en"], jobs=1, search=False, log=lambda _: None)
