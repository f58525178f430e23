"""Edition facts of the cover: from translations/edition.yml, a numberless draft without it, and an
error naming the file when it is wrong (whatever the wrong value says)."""

from __future__ import annotations

import re

import pytest

from handbook.errors import HandbookError
from handbook.pdf.edition import Imprint, edition
from tests.conftest import make_handbook, page
from tests.pdf.fixtures import EPOCH

BUILT = "2025-11-28"  # the date of EPOCH

# (case id, edit of the editions block of translations/edition.yml (None: no file), expected Imprint
# fields or the words of the error, and its line)
CASES = [
    ("no-file", None, {"number": "", "date": BUILT, "status": "draft"}),
    ("draft", "  - number: 1\n    date: 2027-03-31\n    status: draft\n",
     {"number": "1", "date": "2027-03-31", "status": "draft"}),
    ("published", "  - number: 1\n    date: 2026-01-15\n    status: published\n"
                  "  - number: 2\n    date: 2027-02-01\n    status: draft\n",
     {"number": "2", "date": "2027-02-01", "status": "draft"}),
    # A wrong value whose message happens to contain "file not found" is an error all the same.
    ("status-says-file-not-found", "  - number: 1\n    date: 2027-03-31\n    status: file not found\n",
     ("edition status 'file not found'", 13)),
    ("bad-number", "  - number: 3\n    date: 2027-03-31\n    status: draft\n", ("should be 1", 11)),
]


def _project(root, editions):
    project = make_handbook(root, {"index.md": page("Home", "# Home { #home }\n\nHello.")})
    path = project.root / "translations" / "edition.yml"
    if editions is None:
        path.unlink()
    else:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^editions:\n(?:  .*\n)+", "editions:\n" + editions, text, count=1)
        path.write_text(text, encoding="utf-8")
    return project


@pytest.mark.parametrize(("editions", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_edition_of_the_cover(tmp_path, editions, expected):
    project = _project(tmp_path / "handbook", editions)
    if isinstance(expected, dict):
        found = edition(project, EPOCH)
        assert isinstance(found, Imprint)
        assert {key: getattr(found, key) for key in expected} == expected
        assert found.built == BUILT
    else:
        words, line = expected
        with pytest.raises(HandbookError) as info:
            edition(project, EPOCH)
        assert info.value.path.endswith("translations/edition.yml")
        assert words in info.value.message
        assert info.value.line == line


# (language, whether pdf_status_draft is in the UI strings, expected cover text or error file)
STATUS_CASES = [
    ("en", True, "Draft"),
    ("fr", True, "Version provisoire"),
    ("en", False, "translations/ui/pdf.en.yml"),
    ("fr", False, "translations/ui/pdf.fr.yml"),
]


@pytest.mark.parametrize(("code", "has_string", "expected"), STATUS_CASES)
def test_the_cover_shows_the_status_in_the_books_language(tmp_path, code, has_string, expected):
    from handbook.pdf.book import assemble_book
    from handbook.pdf.pipeline import build_pdf

    project = _project(tmp_path / "handbook", "  - number: 1\n    date: 2027-03-31\n    status: draft\n")
    if not has_string:  # every language lacks it (the UI loader refuses one language lacking it)
        for path in (project.root / "translations" / "ui").glob("pdf.*.yml"):
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"(?m)^pdf_status_draft:.*\n", "", text), encoding="utf-8")
    if has_string:
        html = assemble_book(project, code, EPOCH).html
        assert re.search(rf">\s*{expected}\s*<", html)
        assert not re.search(r">\s*draft\s*<", html)
    else:
        with pytest.raises(HandbookError) as info:
            assemble_book(project, code, EPOCH)
        assert info.value.path == expected
        assert "pdf_status_draft" in info.value.message and "translations/edition.yml" in info.value.message
        result = build_pdf(str(project.root), code, str(tmp_path / "out.pdf"), EPOCH)
        assert result.error.startswith(expected + ": no UI string pdf_status_draft")
        assert not (tmp_path / "out.pdf").exists()
