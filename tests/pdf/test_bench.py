"""The PDF benchmark's baseline renders with the pipeline's confined URL fetcher: no outside request."""

from __future__ import annotations

import pytest

from benchmarks.bench_pdf import bare_concatenated
from tests.conftest import make_handbook, page

pytestmark = pytest.mark.slow


def test_the_baseline_makes_no_outside_request(tmp_path, recorder):
    base, requests = recorder
    body = f'# Home {{ #home }}\n\nText.\n\n<div><img src="{base}x.png" alt="A chart"></div>\n'
    project = make_handbook(tmp_path / "handbook", {"index.md": page("Home", body)})
    out = tmp_path / "bare.pdf"
    pages, seconds, peak = bare_concatenated(str(project.root), str(out))
    assert requests == []
    assert pages >= 1 and out.read_bytes().startswith(b"%PDF")
