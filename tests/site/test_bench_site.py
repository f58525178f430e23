"""The site benchmark measures what it says: each process's own peak memory, sorted into the
command, its fork-server workers and the programs they start; and a stock pipeline that builds the
same pages with the packages alone."""

from __future__ import annotations

import os
import sys

import pytest

from benchmarks.measure import run
from benchmarks.stock import write_stock
from benchmarks.synthetic import generate

pytestmark = pytest.mark.slow

# A command that holds 40 MB, a fork-server worker that holds 90 MB, and a program started by the
# worker: the shape of `handbook build` (workers are the server's children, not the command's).
SCRIPT = """
import multiprocessing, subprocess, sys, time

def work(megabytes):
    block = bytearray(megabytes << 20)
    subprocess.run(["sleep", "0.3"])
    time.sleep(0.3)
    return len(block)

if __name__ == "__main__":
    held = bytearray(40 << 20)
    with multiprocessing.get_context("forkserver").Pool(1) as pool:
        print(pool.map(work, [90]))
"""


def test_each_process_peak_is_its_own_and_sorted_by_kind(tmp_path):
    script = tmp_path / "build.py"
    script.write_text(SCRIPT, encoding="utf-8")
    result = run([sys.executable, str(script)], tmp_path, dict(os.environ), memory=True)
    assert result.returncode == 0, result.stderr
    kinds = {kind for kind, _ in result.peaks.values()}
    assert {"main", "server", "worker", "sleep"} <= kinds
    assert 40 <= result.peak_mb("main")[0] < 90
    assert [round(mb) >= 90 for mb in result.peak_mb("worker")] == [True]  # one worker, its own peak
    assert max(result.peak_mb("server")) < 40  # the fork server does no build work


@pytest.mark.parametrize("languages, folders", [
    (("en", "fr", "es", "ar"), {"fr", "es", "ar", "search"}),
    (("en",), {"search"}),
])
def test_the_stock_pipeline_builds_the_same_pages_with_the_packages_alone(tmp_path, languages, folders):
    project = generate(tmp_path / "handbook", 2, languages=languages)
    config = write_stock(project, tmp_path / "stock", languages)
    text = config.read_text(encoding="utf-8")
    assert "hooks" not in text and "handbook" not in text.replace("Synthetic handbook", "")
    result = run([os.path.join(os.path.dirname(sys.executable), "mkdocs"), "build", "--quiet", "--site-dir",
                  str(tmp_path / "out")], config.parent, {**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    assert folders <= {p.name for p in out.iterdir() if p.is_dir()}
    assert (out / "chapters" / "page-0002" / "index.html").is_file()
    if "fr" in languages:  # the French page, with the French part title from nav_translations
        french = (out / "fr" / "chapters" / "page-0002" / "index.html").read_text(encoding="utf-8")
        assert "Section 0002" in french and "Partie 1" in french
