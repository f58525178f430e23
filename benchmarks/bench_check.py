"""Benchmark: `handbook check` on the synthetic four-language handbook, against lychee alone.

    .venv/bin/python -m benchmarks.bench_check [SIZES...]   (default: 100 400)

For each size (pages per language) it generates the corpus (benchmarks/synthetic.py), builds the
site once (all four languages, with the CSP step), then times, median of 3 runs:

- the Markdown-level checks of all four languages (`check_docs`, in process);
- lychee alone: `lychee --offline --include-fragments` over the built site;
- the whole `handbook check --site SITE` as a user runs it (a new process: Markdown checks, lychee
  and the CSP check, lychee running alongside the Markdown checks).

Targets at 100 pages per language: Markdown checks under 2 s; the whole check at most 1.5x lychee.
Growth from 100 to 400 pages must be linear. Prints a Markdown table and writes it to
benchmarks/results-check.md.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import generate
from handbook.check import check_docs
from handbook.check.site import lychee
from handbook.site import csp
from handbook.site.build import build_site

RESULTS = Path(__file__).with_name("results-check.md")
RUNS = 3


def median_time(action) -> tuple[float, object]:
    times, result = [], None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def build(project, site: Path) -> None:
    here = os.getcwd()
    os.chdir(project.root)  # pymdownx.snippets reads its base_path relative to the working directory
    try:
        build_site(project, out=site, post_steps=[csp.post_build], log=lambda _: None)
    finally:
        os.chdir(here)


def main(sizes: list[int]) -> str:
    rows = []
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    handbook = str(Path(sys.executable).with_name("handbook"))
    for size in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"bench-check-{size}-"))
        try:
            project = generate(work / "handbook", size)
            site = work / "site"
            build(project, site)
            pages = len(list(site.rglob("*.html")))
            markdown, found = median_time(lambda: check_docs(project))
            lychee_cmd = [lychee(), "--offline", "--include-fragments", "--root-dir", str(site), "--index-files",
                          "index.html", "--no-progress", "--format", "json", str(site)]
            alone, _ = median_time(lambda: subprocess.run(lychee_cmd, capture_output=True, check=False))
            whole, proc = median_time(lambda: subprocess.run([handbook, "check", "--site", str(site)], cwd=project.root,
                                                             capture_output=True, text=True, env=env, check=False))
            findings = len(proc.stdout.splitlines())
            rows.append((size, pages, markdown, alone, whole, whole / alone, len(found), findings))
            print(f"{size} pages/lang ({pages} HTML pages): Markdown checks {markdown:.2f}s, lychee {alone:.2f}s, "
                  f"handbook check {whole:.2f}s ({whole / alone:.2f}x lychee), findings {findings}", flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    lines = [
        "# Integrity check benchmark",
        "",
        f"Machine: {os.cpu_count()} cores (shared with other jobs), Python {platform.python_version()}, "
        f"{platform.machine()}. Corpus: benchmarks/synthetic.py, four languages. Command: "
        "`python -m benchmarks.bench_check`. Times are the median of 3 runs.",
        "",
        "| pages per language | built HTML pages | Markdown checks, 4 languages (s) | lychee alone (s) "
        "| whole `handbook check` (s) | whole / lychee | findings (Markdown / whole) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, pages, markdown, alone, whole, ratio, md_found, findings in rows:
        lines.append(f"| {size} | {pages} | {markdown:.2f} | {alone:.2f} | {whole:.2f} | {ratio:.2f}x "
                     f"| {md_found} / {findings} |")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        scale = last[0] / first[0]
        lines += ["", f"Growth from {first[0]} to {last[0]} pages per language ({scale:g}x the pages): "
                      f"Markdown checks {last[2] / first[2]:.1f}x, lychee {last[3] / first[3]:.1f}x, "
                      f"whole check {last[4] / first[4]:.1f}x."]
    text = "\n".join(lines) + "\n"
    print(text)
    return text


if __name__ == "__main__":
    sizes = [int(arg) for arg in sys.argv[1:]] or [100, 400]
    RESULTS.write_text(main(sizes), encoding="utf-8")
