"""Image sizes are read from headers with Pillow's decompression-bomb guard left on."""

from __future__ import annotations

import warnings

import pytest
from PIL import Image

from handbook.limits import MAX_IMAGE_PIXELS
from handbook.pdf.book import assemble_book
from tests.conftest import make_handbook, page
from tests.pdf.fixtures import EPOCH

GUARD = Image.MAX_IMAGE_PIXELS  # Pillow's own limit: a warning above it, an error above twice it

# (case id, image size, expected code and words of its message, or None for no problem). The
# codes and the cap are those of `check` (HYG006, HYG016): one fact, one code.
CASES = [
    ("small", (100, 80), None),
    ("at-our-limit", (5000, MAX_IMAGE_PIXELS // 5000), None),
    ("above-our-limit", (6000, 5000), ("HYG006", "is 30000000 pixels (cap 4 megapixels)")),
    ("above-pillows-warning-limit", (10000, GUARD // 10000 + 100),
     ("HYG006", f"is {10000 * (GUARD // 10000 + 100)} pixels (cap 4 megapixels)")),
    ("decompression-bomb", (20000, GUARD // 10000 + 100), ("HYG016", "decompresses to too many pixels to open safely")),
]


@pytest.mark.parametrize(("size", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_image_sizes_are_checked_with_pillows_guard_on(tmp_path, size, words):
    project = make_handbook(tmp_path / "handbook", {
        "index.md": page("Home", "# Home { #home }\n\n![A bilevel test image](img/test.png)"),
    })
    (project.docs / "img").mkdir()
    Image.new("1", size).save(project.docs / "img" / "test.png")  # one bit per pixel: small in memory and on disk
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        problems = assemble_book(project, "en", EPOCH).problems
    assert not [w for w in caught if issubclass(w.category, Image.DecompressionBombWarning)]
    assert Image.MAX_IMAGE_PIXELS == GUARD  # the process-wide guard is untouched
    found = [(d.path, d.line, d.code, d.message) for d in problems]
    if words is None:
        assert found == []
    else:
        code, text = words
        assert len(found) == 1 and found[0][:3] == ("docs/index.md", 11, code), found
        assert f"image 'img/test.png' {text}" in found[0][3]
