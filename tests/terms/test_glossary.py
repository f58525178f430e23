"""The glossary pages: generated from the termbase in the reader's language, at build time."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from handbook.languages import load_i18n
from handbook.site.build import build_site
from handbook.terms.glossary import GLOSSARY_MARKER, glossary_markdown
from tests.conftest import make_handbook, page, translated_page
from tests.terms.helpers import REPO, termbase

BODY = "# {title} {{ #glossary }}\n\n" + GLOSSARY_MARKER + "\n"
PAGES = {
    "index.md": page("Home", "# Home { #home }\n\nWelcome."),
    "glossary.md": page("Glossary", BODY.format(title="Glossary")),
    "glossary.fr.md": translated_page("Glossaire", BODY.format(title="Glossaire")),
    "glossary.es.md": translated_page("Glosario", BODY.format(title="Glosario")),
    "glossary.ar.md": translated_page("المسرد", BODY.format(title="المسرد")),
}


def text_of(html: str) -> str:
    main = html[html.index("<article"):html.index("</article>")]
    return unescape(re.sub(r"<[^>]+>", " ", main))


def test_markdown_lists_every_concept_in_the_language():
    tb, i18n = termbase(), load_i18n(REPO)
    fr = glossary_markdown(tb, i18n, "fr")
    header = fr.splitlines()[0]
    assert header == "| Terme à employer | Au lieu de | Pourquoi | Sources |"
    for concept in tb.concepts:
        assert concept.entry("fr").prefer[0] in fr
    assert "**matériel d'abus sexuels sur enfants**" in fr
    assert "À éviter : pédopornographie, pédopornographique, " in fr
    assert "Preferred term" not in fr


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("glossary")
    project = make_handbook(base / "hb", PAGES, nav="  - index.md\n  - glossary.md\n")
    out = base / "site"
    build_site(project, out=out, jobs=2, log=lambda _: None, post_steps=[])
    return out


@pytest.mark.slow
def test_each_language_reads_its_own_glossary(site: Path):
    tb = termbase()
    pages = {"en": "glossary/index.html", "fr": "fr/glossary/index.html", "es": "es/glossary/index.html",
             "ar": "ar/glossary/index.html"}
    raw = {code: (site / rel).read_text(encoding="utf-8") for code, rel in pages.items()}
    texts = {code: text_of(html) for code, html in raw.items()}
    for code, text in texts.items():
        # On the raw HTML: text_of drops every <...>, the marker (an HTML comment) included.
        assert "handbook:glossary" not in raw[code], code
        for concept in tb.concepts:
            assert concept.entry(code).prefer[0] in text, (code, concept.id)
    assert "Terme à employer" in texts["fr"] and "Preferred term" not in texts["fr"]
    assert "Término recomendado" in texts["es"] and "Instead of" not in texts["es"]
    assert "المصطلح المفضل" in texts["ar"] and "Why" not in texts["ar"]
    assert "مواد الاعتداء الجنسي على الأطفال" in texts["ar"]
    assert "Terminology Guidelines for the Protection of Children" in texts["en"]  # the sources list


@pytest.mark.slow
def test_docs_files_are_not_rewritten(site: Path):
    assert GLOSSARY_MARKER in (site.parent / "hb" / "docs" / "glossary.fr.md").read_text(encoding="utf-8")


def test_a_broken_termbase_is_a_handbook_error_for_the_hooks_to_report(tmp_path: Path):
    # The package raises its own error (file, fix); only hooks/ turns it into a MkDocs PluginError.
    from handbook.errors import HandbookError
    from handbook.pageinfo import PageInfo
    from handbook.terms.glossary import render_glossary

    info = PageInfo(root=tmp_path, i18n=load_i18n(REPO), lang="fr", url="glossary/", src_uri="glossary.fr.md")
    with pytest.raises(HandbookError) as caught:
        render_glossary(BODY.format(title="Glossaire"), info)
    assert type(caught.value) is HandbookError
    assert caught.value.path == str(tmp_path / "translations" / "termbase.yml")
    assert "termbase not found" in caught.value.message


@pytest.mark.parametrize("package", ["terms", "translation", "editorial"])
def test_the_package_does_not_import_mkdocs(package: str):
    import ast

    for path in sorted((REPO / "handbook" / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n == "mkdocs" or n.startswith("mkdocs.") for n in names), (path, node.lineno)


@pytest.mark.parametrize(("code", "sources", "avoid"), [
    # Source numbers are a list ('and'); terms to avoid are alternatives ('or'): CLDR's patterns.
    ("en", "1,\u00a02,\u00a0and\u00a03", "Avoid: child pornography, child porn, "),
    ("fr", "1,\u00a02,\u00a03\u00a0et\u00a04", "À éviter : pédopornographie, "),
    # Arabic: 'و' and 'أو' are words of the sentence, so the list reads in order on the right-to-left
    # page, where '1, 2' showed reversed.
    ("ar", "1\u00a0و2\u00a0و3\u00a0و4", "يُتجنب: المواد الإباحية للأطفال أو "),
])
def test_lists_follow_the_languages_cldr_list_patterns(code: str, sources: str, avoid: str):
    tb, i18n = termbase(), load_i18n(REPO)
    rows = [r for r in glossary_markdown(tb, i18n, code).split("\n") if r.startswith("| **")]
    cells = [[c.strip() for c in r.strip("|").split(" | ")] for r in rows]
    assert sources in [c[3] for c in cells]
    assert any(c[1].startswith(avoid) for c in cells), [c[1][:60] for c in cells]
    # Joined with no-break spaces, so that a list of numbers is never split in a narrow column.
    assert not any(" " in c[3] for c in cells)
