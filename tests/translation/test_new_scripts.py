"""Fonts follow the script: Russian (Cyrillic), Georgian and Polish (Latin Extended), added with `language add`, build end to
end, web and PDF, in fonts the handbook ships; a script with no font is refused, naming characters."""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from handbook.pages.model import load_corpus
from handbook.check.fonts import check as font_check
from handbook.pdf import post_build
from handbook.site.build import BuildFailed, build_site
from handbook.translation.addlang import add_language
from tests.conftest import make_handbook, page, translated_page

RU = "Гавань спокойна, и маяк светит каждому читателю."
KA = "ნავსადგური მშვიდია და შუქურა ყველა მკითხველს ანათებს."
PL = "Przystań jest spokojna, a latarnia w Łodzi świeci każdemu czytelnikowi."
PAGES = {
    "index.md": page("Home", "# Home { #home }\n\nThe harbour is calm, and the lighthouse guides every reader."),
    "index.ru.md": translated_page("Главная", f"# Главная {{ #home }}\n\n{RU}"),
    "index.ka.md": translated_page("მთავარი", f"# მთავარი {{ #home }}\n\n{KA}"),
    "index.pl.md": translated_page("Strona główna", f"# Strona główna {{ #home }}\n\n{PL}"),
}


def _project(base):
    project = make_handbook(base / "handbook", PAGES, nav="  - index.md\n")
    add_language(project, "ru", "Русский")
    add_language(project, "ka", "ქართული")
    add_language(project, "pl", "Polski")
    policy = project.translations / "publication.yml"  # publish both PDFs, whatever the placeholder says
    policy.write_text(policy.read_text(encoding="utf-8").replace("pdf_min_up_to_date: 50", "pdf_min_up_to_date: 0"),
                      encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("scripts")
    project = _project(base)
    site = base / "site"
    build_site(project, codes=["en", "ru", "ka", "pl"], out=site, search=False, post_steps=[post_build], log=lambda _: None)
    return project, site


@pytest.mark.parametrize(("code", "text", "name"), [("ru", RU, "Русский"), ("ka", KA, "ქართული"), ("pl", PL, "Polski")])
def test_the_web_page_carries_the_text_and_the_switcher_names_the_language(built, code, text, name):
    _, site = built
    html = (site / code / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<html[^>]*\blang="{code}"', html) and text in html
    assert re.search(rf'hreflang="{code}"[^>]*>\s*{name}', (site / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("code", "text", "family"), [
    ("ru", RU, "Noto-Sans-Cyrillic"), ("ka", KA, "Noto-Sans-Georgian"),
    # Latin Extended letters (ł, ń, ś, ż) from their own subset: filed under "Noto Sans" with the basic
    # Latin one, 'Łódź' came out as 'Âódù'.
    ("pl", PL, "Noto-Sans-Latin-Ext"),
])
def test_the_pdf_shows_the_text_in_the_shipped_fonts(built, code, text, family):
    _, site = built
    pdf = site / code / f"handbook-{code}.pdf"
    # The text layer is the sentence itself: with the script's subset filed under "Noto Sans",
    # WeasyPrint drew Cyrillic glyph numbers with Latin glyphs ('Гаваbь f dcкcйbа').
    extracted = " ".join(" ".join((p.extract_text() or "") for p in PdfReader(pdf).pages).split())
    assert text in extracted
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]}
    # The script's own shipped font, and no system font (the build's PDF checks refuse them too).
    assert family in names and all(n.startswith(("Noto-Sans", "Amiri")) for n in names), names


def test_a_script_without_a_font_is_refused_naming_its_characters(tmp_path):
    project = _project(tmp_path)
    page_path = project.docs / "index.ru.md"
    page_path.write_text(page_path.read_text(encoding="utf-8") + "\nԲարեւ\n", encoding="utf-8")  # Armenian
    found = [d for d in font_check(load_corpus(project))]
    assert [(d.path, d.code) for d in found] == [("docs/index.ru.md", "FONT001")]
    assert "Բ (U+0532 ARMENIAN CAPITAL LETTER BEN)" in found[0].message
    with pytest.raises(BuildFailed, match=r"docs/index\.ru\.md:\d+:1: FONT001 no shipped font has Բ"):
        build_site(project, codes=["en"], out=tmp_path / "site", search=False, log=lambda _: None)


@pytest.mark.parametrize("sheet", ["overrides/assets/stylesheets/fonts.css", "handbook/pdf/templates/book.css"])
def test_no_font_family_is_split_into_subsets_of_one_face(sheet):
    """Two files for one family, style and weight are one PDF font to WeasyPrint: the second's glyphs
    were drawn with the first's numbers. Each subset is a family of its own (handbook.fonts)."""
    from handbook.fonts import families, split_families
    from tests.conftest import REPO

    assert len(families(REPO / sheet)) >= 2  # the sheet was read
    assert split_families(REPO / sheet) == []


def test_a_split_family_is_found(tmp_path):
    from handbook.fonts import split_families

    face = '@font-face {{ font-family: "Noto Sans"; font-weight: 400; src: url("{}.woff2"); }}\n'
    sheet = tmp_path / "fonts.css"
    sheet.write_text(face.format("latin") + face.format("latin-ext"), encoding="utf-8")
    assert split_families(sheet) == ["Noto Sans"]
