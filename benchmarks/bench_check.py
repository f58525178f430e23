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
import resource
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


def median_time(action) -> tuple[float, float, object]:
    """Median wall-clock seconds and median CPU seconds (this process and its children) of ``action``.

    CPU time is reported too because the 2 cores are shared with other jobs: wall-clock times move
    with the load, CPU times much less.
    """
    times, cpu, result = [], [], None
    for _ in range(RUNS):
        before = _cpu()
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
        cpu.append(_cpu() - before)
    return statistics.median(times), statistics.median(cpu), result


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


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
            markdown, markdown_cpu, found = median_time(lambda: check_docs(project))
            lychee_cmd = [lychee(), "--offline", "--include-fragments", "--root-dir", str(site), "--index-files",
                          "index.html", "--no-progress", "--format", "json", str(site)]
            alone, alone_cpu, _ = median_time(lambda: subprocess.run(lychee_cmd, capture_output=True, check=False))
            whole, whole_cpu, proc = median_time(lambda: subprocess.run([handbook, "check", "--site", str(site)], cwd=project.root,
                                                             capture_output=True, text=True, env=env, check=False))
            findings = len(proc.stdout.splitlines())
            rows.append((size, pages, markdown, markdown_cpu, alone, alone_cpu, whole, whole_cpu, len(found), findings))
            print(f"{size} pages/lang ({pages} HTML pages): Markdown checks {markdown:.2f}s, lychee {alone:.2f}s, "
                  f"handbook check {whole:.2f}s ({whole / alone:.2f}x lychee; CPU {whole_cpu / alone_cpu:.2f}x), "
                  f"findings {findings}", flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    lines = [
        "# Integrity check benchmark",
        "",
        f"Machine: {os.cpu_count()} cores (shared with other jobs), Python {platform.python_version()}, "
        f"{platform.machine()}. Corpus: benchmarks/synthetic.py, four languages. Command: "
        "`python -m benchmarks.bench_check`. Times are the median of 3 runs.",
        "",
        "Each cell: wall-clock seconds (CPU seconds).",
        "",
        "| pages per language | built HTML pages | Markdown checks, 4 languages | lychee alone "
        "| whole `handbook check` | whole / lychee, wall (CPU) | findings (Markdown / whole) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, pages, markdown, md_cpu, alone, alone_cpu, whole, whole_cpu, md_found, findings in rows:
        lines.append(f"| {size} | {pages} | {markdown:.2f} ({md_cpu:.2f}) | {alone:.2f} ({alone_cpu:.2f}) "
                     f"| {whole:.2f} ({whole_cpu:.2f}) | {whole / alone:.2f}x ({whole_cpu / alone_cpu:.2f}x) "
                     f"| {md_found} / {findings} |")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        scale = last[0] / first[0]
        lines += ["", f"Growth from {first[0]} to {last[0]} pages per language ({scale:g}x the pages): "
                      f"Markdown checks {last[2] / first[2]:.1f}x wall ({last[3] / first[3]:.1f}x CPU), "
                      f"lychee {last[4] / first[4]:.1f}x ({last[5] / first[5]:.1f}x CPU), "
                      f"whole check {last[6] / first[6]:.1f}x ({last[7] / first[7]:.1f}x CPU)."]
    lines += ["", "The findings are real and expected on this corpus: its translations lack the provenance keys "
                  "`source_blob` and `translated_on` (FM003, two per translated page), and the site is built without "
                  "the PDF step, so lychee reports each page's link to its language's PDF (SITE001)."]
    text = "\n".join(lines) + "\n"
    print(text)
    return text


if __name__ == "__main__":
    sizes = [int(arg) for arg in sys.argv[1:]] or [100, 400]
    RESULTS.write_text(main(sizes), encoding="utf-8")
