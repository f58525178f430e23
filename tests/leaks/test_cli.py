"""`handbook check --leaks SITE_DIR`: exit codes and the lines it prints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.leaks.fixture import CANARY_EN, CANARY_EN_SOURCE, handbook


def run(project_root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HANDBOOK_ROOT": str(project_root), "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "handbook", "check", *args], capture_output=True, text=True,
                          env=env, cwd=project_root, timeout=300)


@pytest.mark.parametrize(("page", "code", "out"), [
    ("<p>The harbour is calm.</p>", 0, ""),
    (f"<p>\n{CANARY_EN}</p>", 1, f"/index.html:2:1: LEAK001 restricted text from {CANARY_EN_SOURCE} in its text"),
], ids=["clean", "leak"])
def test_check_leaks_reports_and_exits(tmp_path, page, code, out):
    project = handbook(tmp_path / "hb")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(f"<html><body>{page}</body></html>", encoding="utf-8")
    proc = run(project.root, "--leaks", str(site))
    assert proc.returncode == code, proc.stderr
    assert (out in proc.stdout) if out else proc.stdout == ""
    assert "slatewren" not in proc.stdout + proc.stderr
    assert "handbook check --leaks:" in proc.stderr


@pytest.mark.parametrize(("restricted", "folder", "message"), [
    (False, True, "no restricted tree"),
    (True, False, "no such folder"),
], ids=["no-tree", "no-folder"])
def test_check_leaks_usage_errors(tmp_path, restricted, folder, message):
    project = handbook(tmp_path / "hb", restricted=restricted)
    site = tmp_path / "site"
    if folder:
        site.mkdir()
    proc = run(project.root, "--leaks", str(site))
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr
