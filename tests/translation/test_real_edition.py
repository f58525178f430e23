"""The real edition in four languages: every reader page translated, whole, with its review state.

These read the repository's own docs/, so they fail when a page is added in English and not yet
translated, or when a translation was summarised or padded (outside the length range the
translators' guide gives: 0.8-1.6 times the English words, 0.7-1.4 for Arabic).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook import frontmatter
from handbook.languages import load_i18n
from handbook.paths import is_reader_page
from handbook.translation import provenance
from handbook.translation.inventory import load, translation_path
from handbook.translation.status import UP_TO_DATE, count_words

ROOT = Path(__file__).resolve().parents[2]
RATIOS = {"ar": (0.7, 1.4)}
DEFAULT_RATIO = (0.8, 1.6)
I18N = load_i18n(ROOT)
REPORT = load(ROOT)


@pytest.mark.parametrize("code", I18N.translated_codes)
def test_every_reader_page_is_translated_and_up_to_date(code):
    status = REPORT.language(code)
    behind = [p.source for p in status.reader_pages if p.state != UP_TO_DATE]
    assert behind == [], f"{code}: reader pages not up to date: {behind}"
    assert len(status.reader_pages) >= 24  # 13 chapters, 6 checklists, home, glossary, news, editions, status


@pytest.mark.parametrize("code", I18N.translated_codes)
def test_translations_are_whole_not_summarised_or_padded(code):
    low, high = RATIOS.get(code, DEFAULT_RATIO)
    outside = []
    for source in REPORT.sources:
        if not is_reader_page(source.path) or source.words < 80:
            continue  # pages that are mostly generated tables (status, what's new) have few words of their own
        target = ROOT / "docs" / translation_path(source.path, code)
        words = count_words(frontmatter.read(target).body)
        if not low <= words / source.words <= high:
            outside.append(f"{source.path}: {words / source.words:.2f}")
    assert outside == [], f"{code}: outside {low}-{high} times the English words: {outside}"


@pytest.mark.parametrize("code", I18N.translated_codes)
def test_every_translation_records_whether_a_national_team_reviewed_it(code):
    for source in REPORT.sources:
        target = ROOT / "docs" / translation_path(source.path, code)
        if target.exists():
            meta = frontmatter.read(target).meta
            assert "reviewed_by" in meta, target  # empty until `handbook translate review`
            if provenance.is_reviewed(meta):
                assert meta.get("reviewed_on"), f"{target}: a review needs its date"
