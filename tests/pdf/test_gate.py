"""The publication gate decides which PDFs a build publishes, and outdated chapters are marked."""

from __future__ import annotations

import contextlib
import io
import subprocess

import pytest
from pypdf import PdfReader

from handbook.pdf import post_build
from handbook.site.build import build_site
from tests.conftest import make_handbook, page, translated_page


def _blob(text: str) -> str:
    return subprocess.run(["git", "hash-object", "--stdin"], input=text.encode(), capture_output=True,
                          check=True).stdout.decode().strip()


CHAPTER = page("Guide", "# Guide { #guide }\n\nThe harbour is calm today.")
OLD_CHAPTER = page("Guide", "# Guide { #guide }\n\nThe harbour was calm.")


@pytest.fixture(scope="module")
def gated(tmp_path_factory):
    base = tmp_path_factory.mktemp("gate")
    pages = {
        "index.md": page("Home", "# Home { #home }\n\nWelcome."),
        "chapters/guide.md": CHAPTER,
        # French translates an older English text: outdated. Arabic has no translation at all.
        "chapters/guide.fr.md": translated_page("Guide", "# Guide { #guide }\n\nLe port était calme.",
                                                source_blob=_blob(OLD_CHAPTER), translated_on="2026-01-01"),
    }
    project = make_handbook(base / "h", pages, nav="  - index.md\n  - Chapters:\n      - chapters/guide.md\n")
    (project.translations / "publication.yml").write_text(
        "scope:\n  - chapters/\ndefault:\n  pdf_min_up_to_date: 0\nlanguages:\n  ar:\n    pdf_min_up_to_date: 50\n",
        encoding="utf-8")
    site = base / "site"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        build_site(project, codes=["en", "fr", "ar"], out=site, search=False, post_steps=[post_build], log=print)
    return site, out.getvalue()


def test_the_build_reports_what_the_gate_decided(gated):
    _, log = gated
    assert "[ar] PDF NOT published: 0 of 1 page(s) in scope up to date (0%), policy requires 50%" in log
    assert "[fr] PDF published: 0 of 1 page(s) in scope up to date (0%), policy requires 0%" in log


def test_a_language_below_its_threshold_gets_no_pdf_and_no_link(gated):
    site, _ = gated
    assert (site / "handbook-en.pdf").is_file()
    assert (site / "fr" / "handbook-fr.pdf").is_file()
    assert not (site / "ar" / "handbook-ar.pdf").exists()
    assert "handbook-ar.pdf" not in (site / "ar" / "index.html").read_text(encoding="utf-8")
    assert "handbook-fr.pdf" in (site / "fr" / "index.html").read_text(encoding="utf-8")


def test_outdated_chapters_are_marked_in_the_pdf(gated):
    text = "\n".join(p.extract_text() for p in PdfReader(gated[0] / "fr" / "handbook-fr.pdf").pages)
    assert "L’original anglais de ce chapitre a changé depuis sa traduction" in text
    assert "Traduit ; l’original anglais a changé depuis" in text
