"""handbook preview-shots: pictures of the built site at phone and desktop width, for a reviewer."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PIL import Image

from handbook.cli import main
from handbook.site.build import build_site
from tests.conftest import make_handbook, page, translated_page

pytestmark = pytest.mark.browser


def test_preview_shots_writes_each_page_kind_at_phone_and_desktop_width(tmp_path):
    pages = {"index.md": page("Home", "# Home { #home }\n\nText."),
             "index.ar.md": translated_page("الرئيسية", "# الرئيسية { #home }\n\nنص.")}
    project = make_handbook(tmp_path / "h", pages, nav="  - index.md\n")
    build_site(project, codes=["en", "ar"], out=tmp_path / "site", search=False, log=lambda _: None)
    # As a user runs it: its own process (and its own Playwright, apart from the tests' browser).
    proc = subprocess.run([sys.executable, "-m", "handbook", "preview-shots", "--site", str(tmp_path / "site"),
                           "--out", str(tmp_path / "shots"), "--lang", "ar"],
                          env=dict(os.environ, HANDBOOK_ROOT=str(project.root)), capture_output=True, text=True,
                          timeout=180)
    assert proc.returncode == 0, proc.stderr
    phone = Image.open(tmp_path / "shots" / "web-ar-home-phone.png")
    desktop = Image.open(tmp_path / "shots" / "web-ar-home-desktop.png")
    assert phone.width == 390 and desktop.width == 1280
    assert len(list((tmp_path / "shots").glob("web-ar-*.png"))) == 8


def test_preview_shots_without_a_built_site_says_what_to_do(tmp_path, monkeypatch, capsys):
    project = make_handbook(tmp_path / "h", {"index.md": page("Home", "# Home { #home }")})
    monkeypatch.setenv("HANDBOOK_ROOT", str(project.root))
    assert main(["preview-shots", "--site", str(tmp_path / "nothing")]) == 2
    assert "run `handbook build` first" in capsys.readouterr().err
