"""Benchmark: the full four-language web build against an English-only build of the same corpus.

    .venv/bin/python -m benchmarks.bench_site [SIZES...]   (default: 100 400)

Prints a Markdown table and writes it to benchmarks/results-site.md. Both builds go through the
same pipeline (`handbook build`: MkDocs per language in parallel processes, then Pagefind); the
English-only build is `--lang en`. Target: at most 2.2x, growing linearly with the page count.
"""

from __future__ import annotations

import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import generate
from handbook.site.build import build_site

RESULTS = Path(__file__).with_name("results-site.md")


def timed(project, codes, out) -> float:
    started = time.perf_counter()
    build_site(project, codes=codes, out=out, log=lambda _: None)
    return time.perf_counter() - started


def main(sizes: list[int]) -> str:
    load = os.getloadavg()[0]
    rows = []
    for size in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"bench-site-{size}-"))
        try:
            project = generate(work / "handbook", size)
            timed(project, ["en"], work / "warm")  # warm caches (imports, theme files)
            english = timed(project, ["en"], work / "en")
            full = timed(project, None, work / "all")
            html = sum(p.stat().st_size for p in (work / "all").rglob("*.html")) / max(1, len(list((work / "all").rglob("*.html"))))
            rows.append((size, english, full, full / english, html / 1024))
            print(f"{size} pages/lang: English only {english:.1f}s, 4 languages {full:.1f}s ({full / english:.2f}x)", flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    lines = [
        "# Web build benchmark",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}, "
        f"load average {load:.1f} before the run (other work skews wall times). "
        "Corpus: benchmarks/synthetic.py (about 1,200 words a page). Command: `python -m benchmarks.bench_site`.",
        "",
        "| pages per language | English only (s) | 4 languages (s) | ratio | average page (KB) |",
        "|---:|---:|---:|---:|---:|",
    ]
    lines += [f"| {s} | {e:.1f} | {f:.1f} | {r:.2f}x | {k:.0f} |" for s, e, f, r, k in rows]
    if len(rows) >= 2:
        (s1, _, f1, _, _), (s2, _, f2, _, _) = rows[0], rows[-1]
        lines += ["", f"Growth of the 4-language build from {s1} to {s2} pages: {f2 / f1:.2f}x the time for "
                  f"{s2 / s1:.0f}x the pages (linear would be {s2 / s1:.1f}x)."]
    text = "\n".join(lines) + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    print(main([int(a) for a in sys.argv[1:]] or [100, 400]))
