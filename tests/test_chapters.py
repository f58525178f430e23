"""Chapter numbers: stored once in the English front matter, checked (FM006), shown before the title."""

from __future__ import annotations

import pytest

from handbook import chapters
from handbook.check import check_docs
from tests.conftest import REPO, page, translated_page


def _numbered(n: int | None, title: str = "A chapter") -> str:
    return page(title, f"# {title} {{ #c{n} }}\n\nText.", **({"chapter": n} if n is not None else {}))


@pytest.mark.parametrize(("pages", "where", "message"), [
    ({"chapters/a.md": _numbered(1), "chapters/b.md": _numbered(1)},
     "docs/chapters/b.md:7:1", "chapter number 1 is already used by docs/chapters/a.md"),
    ({"chapters/a.md": _numbered(None)}, "docs/chapters/a.md:1:1", "chapter has no number"),
    ({"chapters/a.md": _numbered(1),
      "chapters/a.fr.md": translated_page("Un chapitre", "# Un chapitre { #c1 }\n\nTexte.", chapter=2,
                                          source_blob="0" * 40, translated_on="2026-11-01")},
     "docs/chapters/a.fr.md:4:1", "translation sets 'chapter'"),
])
def test_fm006(handbook_factory, pages, where, message):
    project = handbook_factory({"index.md": page("Home", "# Home { #home }"), **pages})
    found = [d for d in check_docs(project, ["frontmatter"]) if d.code == "FM006"]
    assert [f"{d.path}:{d.line}:{d.col}" for d in found] == [where]
    assert message in found[0].message


def test_numbered_pages_and_the_real_handbook():
    assert chapters.numbered_title("Intro\n\n# Title { #t }\n\n# Other\n", 4) == (
        'Intro\n\n# <span class="hb-chapter-number">4</span> Title { #t }\n\n# Other\n')
    numbers = {base: chapters.number_of(REPO / "docs", base) for base in
               (p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs/chapters").glob("*.md"))
               if "." not in base[:-3]}
    assert sorted(numbers.values()) == list(range(1, len(numbers) + 1))  # every chapter, each number once
    assert chapters.number_of(REPO / "docs", "checklists/first-contact-with-a-child.md") is None
