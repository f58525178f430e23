"""The PDF edition prints the edition defined in translations/edition.yml (the PDF step reads it
through handbook.editorial.edition.current)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from handbook.cli import main
from handbook.editorial import edition
from tests.conftest import make_handbook, page, translated_page

EDITIONS = """\
editions:
  - number: 1
    date: 2026-01-10
    status: published
  - number: 2
    date: 2027-09-30
    status: {status}
downloads: https://example.org/edition-{{number}}/
pdf_file: handbook-{{number}}-{{lang}}.pdf
review:
  due_within_days: 30
  overdue: {{pull_request: warning, release: error}}
"""


@pytest.mark.slow
@pytest.mark.parametrize(("status", "code", "expected"), [
    ("draft", "en", ["Edition 2", "2027-09-30", "Draft"]),
    ("published", "fr", ["Édition 2", "2027-09-30", "Édition publiée"]),
])
def test_pdf_shows_the_current_edition(tmp_path, monkeypatch, status, code, expected):
    project = make_handbook(tmp_path / "hb", {
        "index.md": page("Home", "# Home { #home }\n\nWelcome to the handbook."),
        "index.fr.md": translated_page("Accueil", "# Accueil { #home }\n\nBienvenue dans le manuel."),
    }, nav="  - index.md\n")
    (project.root / edition.EDITION_FILE).write_text(EDITIONS.format(status=status), encoding="utf-8")
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764300000")
    assert main(["pdf", "--lang", code, "--out", str(tmp_path / "pdf")]) == 0
    (pdf,) = (tmp_path / "pdf").glob("*.pdf")
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    for fragment in expected:
        assert fragment in text
