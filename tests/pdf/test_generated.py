"""Generated content (glossary, what's new, editions, translation status) is in the PDF, as on the web.

The PDF runs every page through the build-time renderers of handbook.adapter.renderers before converting
it, so the marker comments of these pages are replaced by their tables in the book too.
"""

from __future__ import annotations

import re

import pytest

from handbook.languages import load_i18n
from handbook.pdf.book import assemble_book
from handbook.pdf.pipeline import build_pdfs
from handbook.adapter.renderers import RENDERERS
from handbook.chapters import render_chapter_number, render_paragraph_numbers
from handbook.restricted.slots import render_restricted_slots
from handbook.terms import termbase as termbase_mod
from tests.conftest import make_handbook, page, translated_page
from tests.pdf.fixtures import EPOCH, pdftotext

pytestmark = pytest.mark.slow
CODES = ("en", "fr", "ar")

# (page stem, marker line of docs/<stem>.md, UI string that only the generated content shows)
GENERATED = [
    ("glossary", "<!-- handbook:glossary -->", "glossary_preferred"),
    ("whats-new", "<!-- handbook:changes -->", "whats_new_none"),
    ("editions", "<!-- handbook:editions -->", "editions_col_edition"),
    ("translation-status", "<!-- hb:translation-status -->", "translation_status_col_page"),
]


def _glossary(title: str, lead: str) -> str:
    return f"# {title} {{ #glossary }}\n\n{lead}\n\n<!-- handbook:glossary -->\n\nAfter the table.\n"


@pytest.fixture(scope="module")
def handbook(tmp_path_factory):
    pages = {"index.md": page("Home", "# Home { #home }\n\nWelcome.")}
    for stem, marker, _ in GENERATED:
        if stem != "glossary":
            pages[f"{stem}.md"] = page(stem, f"# {stem.title()} {{ #{stem} }}\n\n{marker}\n")
    pages["glossary.md"] = page("Glossary", _glossary("Glossary", "The handbook's terms."))
    pages["glossary.fr.md"] = translated_page("Glossaire", _glossary("Glossaire", "Les termes du manuel."))
    pages["glossary.ar.md"] = translated_page("مسرد المصطلحات", _glossary("مسرد المصطلحات", "مصطلحات الدليل."),
                                              description="صفحة.")
    return make_handbook(tmp_path_factory.mktemp("generated") / "handbook", pages)


def test_every_renderer_has_a_case():
    # Chapter and paragraph numbers are not generated content behind a marker (tests/pdf/test_own_pdfs.py,
    # tests/pages/test_paragraphs.py and the real handbook's PDF in tests/site/test_real_handbook.py), nor
    # is a restricted slot's passage (the restricted edition only: tests/restricted/).
    assert len(GENERATED) == len([r for r in RENDERERS if r not in (render_chapter_number, render_paragraph_numbers,
                                                                      render_restricted_slots)])


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize(("stem", "marker", "key"), GENERATED, ids=[g[0] for g in GENERATED])
def test_markers_are_replaced_by_generated_content(handbook, code, stem, marker, key):
    book = assemble_book(handbook, code, EPOCH)
    assert book.problems == []
    html = book.chapters["p-" + stem].html
    assert marker not in html
    i18n = load_i18n(handbook.root)
    # A page shown in English (no translation) is generated in English, like on the web; the
    # glossary is translated here.
    shown = code if stem == "glossary" else "en"
    assert i18n.strings[shown][key] in html or (stem == "translation-status" and code == i18n.default)


def test_a_book_prints_its_own_languages_status_and_says_where_the_others_are(handbook):
    """A book depends on its language's files and the English ones only: it prints the status of its
    own language, and for each other language says the web edition shows it (the web site's status
    pages are filled where the languages meet)."""
    i18n = load_i18n(handbook.root)
    elsewhere = i18n.strings["en"]["translation_status_web"]
    for code in CODES:
        html = assemble_book(handbook, code, EPOCH).chapters["p-translation-status"].html
        headings = re.findall(r'<h2 id="p-translation-status--(status-[a-z]+)"', html)
        assert headings == [f"status-{c}" for c in i18n.translated_codes], code
        tables = len(re.findall(r"<table", html))
        assert (tables, html.count(elsewhere)) == ((0, 3) if code == i18n.default else (1, 2)), code


def _folded(text: str) -> str:
    """Without white space: table cells wrap terms over several lines."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def pdfs(handbook, tmp_path_factory):
    out = tmp_path_factory.mktemp("generated-pdf")
    targets = {code: out / f"handbook-{code}.pdf" for code in CODES}
    build_pdfs(handbook, targets, epoch=EPOCH, jobs=2)
    return {code: _folded(pdftotext(path)) for code, path in targets.items()}


@pytest.mark.parametrize("code", CODES)
def test_the_pdf_glossary_lists_the_terms_of_its_language(handbook, pdfs, code):
    i18n = load_i18n(handbook.root)
    termbase = termbase_mod.load(handbook.root, i18n.codes)
    text = pdfs[code]
    assert _folded(i18n.strings[code]["glossary_preferred"]) in text
    # The first row's main term (later rows hyphenate inside narrow cells, which extracts badly).
    first = termbase.concepts[0].entry(code).prefer[0]
    assert _folded(first) in text, (code, first)
    if code != "en":
        assert _folded(termbase.concepts[0].entry("en").prefer[0]) not in text


@pytest.mark.parametrize(("base", "url"), [
    ("index.md", ""), ("glossary.md", "glossary/"), ("chapters/first.md", "chapters/first/"),
    ("chapters/index.md", "chapters/"),
])
def test_renderers_get_the_pages_web_url(base, url):
    from handbook.pdf.assemble import page_url

    assert page_url(base) == url
