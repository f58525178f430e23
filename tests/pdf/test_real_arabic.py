"""The real Arabic PDF, as a reader copies text out of it: whole words, in every chapter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handbook.paths import Project
from handbook.pdf.pipeline import build_pdf
from tests.conftest import REPO
from tests.pdf.fixtures import pdftotext

pytestmark = pytest.mark.slow

_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669\u0670-\u06d3\u064b-\u065f]+")


def _words(text: str) -> list[str]:
    return _ARABIC_WORD.findall(text)


def test_text_copied_from_the_arabic_pdf_keeps_its_words_whole(tmp_path: Path) -> None:
    result = build_pdf(str(REPO), "ar", str(tmp_path / "handbook-ar.pdf"), "1764547200")
    assert result.ok, [p.text() for p in result.problems] or result.error
    source = " ".join(p.read_text(encoding="utf-8") for p in [*REPO.glob("docs/**/*.ar.md"),
                                                            *REPO.glob("translations/ui/*.ar.yml"),
                                                            REPO / "translations" / "termbase.yml"])
    vocabulary = set(_words(source))
    extracted = _words(pdftotext(tmp_path / "handbook-ar.pdf"))
    assert len(extracted) > 20_000  # the whole book, in Arabic
    # A word broken in two shows as two pieces that are not words, and that make one when joined.
    broken = [(a, b) for a, b in zip(extracted, extracted[1:])
              if a not in vocabulary and b not in vocabulary and a + b in vocabulary]
    whole = 1 - len(broken) / len(extracted)
    assert whole >= 0.99, (f"{whole:.2%} whole", broken[:10])
    assert len(broken) < 10, broken[:10]
