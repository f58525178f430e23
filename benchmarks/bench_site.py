"""Benchmark: the web build against the stock pipeline, growth with the number of languages, and a
one-page edit, each a whole process started cold the way a user starts it.

    .venv/bin/python -m benchmarks.bench_site [--pairs N] [--sizes 100 400] [--languages 1 5 10 20]
                                              [--only compare,languages,edit] [--out FILE]

Writes benchmarks/results-site.md (or --out). Three parts:

- compare: `mkdocs build` of the stock pipeline (benchmarks/stock.py: Material, its search plugin,
  mkdocs-static-i18n, every language in one run) against `handbook build --no-pdf --out DIR`
  through the console script that ./hb runs, on the same pages, in alternating pairs (stock,
  project, stock, project...) so that drift of a shared machine falls on both. Medians and their
  ratio; 4 languages and English only (an English-only corpus: `--lang en` for the project, no
  i18n plugin for stock), at each size.
- languages: a handbook of 20 languages (16 of them synthetic, added with `handbook language add`,
  reusing the French text), building 1, 5, 10 and 20 of them (`--lang`), web only at
  --language-pages and web plus PDF at --pdf-pages per language, with the peak memory of every
  process the build starts (benchmarks/measure.py).
- edit: a full build with PDFs, one French page changed, the same build again into the same
  folder: the second as a share of the first. Whatever the checkout does to rebuild less (a
  cache) is what is measured.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.measure import Run, run
from benchmarks.stock import write_stock
from benchmarks.synthetic import generate, synthetic_page
from handbook.paths import Project

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results-site.md"
BIN = Path(sys.executable).parent  # the venv's console scripts: bin/handbook (what ./hb runs), bin/mkdocs
BASE = ("en", "fr", "es", "ar")
# Latin-script languages added for the growth run; their pages reuse the French text. Each must be
# one Material has a partials/languages/<code>.html for: the build stops on one it has not (sw).
EXTRA = {"pt": "Português", "it": "Italiano", "de": "Deutsch", "nl": "Nederlands", "sv": "Svenska",
         "da": "Dansk", "pl": "Polski", "ro": "Română", "cs": "Čeština", "hu": "Magyar", "fi": "Suomi",
         "tr": "Türkçe", "sk": "Slovenčina", "sl": "Slovenščina", "ca": "Català", "hr": "Hrvatski"}
GIT = {"GIT_AUTHOR_NAME": "Benchmark", "GIT_AUTHOR_EMAIL": "bench@example.org",
       "GIT_COMMITTER_NAME": "Benchmark", "GIT_COMMITTER_EMAIL": "bench@example.org"}


def env() -> dict[str, str]:
    # PYTHONPATH: the checkout being measured is the one imported (the venv may be another's).
    return {**os.environ, **GIT, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}


def commit(root: Path, message: str) -> None:
    """The project is a checkout, as a user's is: the build takes its dates from the last commit."""
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "--allow-empty", "-m", message]):
        subprocess.run(["git", *args], cwd=root, env=env(), check=True, capture_output=True)


def handbook(project: Path, out: Path, *options: str, memory: bool = False) -> Run:
    result = run([str(BIN / "handbook"), "build", "--out", str(out), *options], project, env(), memory)
    if result.returncode != 0:
        raise SystemExit(f"handbook build failed in {project}:\n{result.stderr[-3000:]}")
    return result


def mkdocs(stock: Path, out: Path) -> Run:
    result = run([str(BIN / "mkdocs"), "build", "--quiet", "--site-dir", str(out)], stock, env())
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {stock}:\n{result.stderr[-3000:]}")
    return result


def load() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


# --- compare: stock against the project ------------------------------------------------------------

def compare(work: Path, sizes: Sequence[int], pairs: int, log) -> list[str]:
    rows = []
    for languages in (BASE, ("en",)):
        for size in sizes:
            label = f"{'4 languages' if len(languages) > 1 else 'English only'} × {size} pages, web"
            root = work / f"{len(languages)}x{size}"
            project = generate(root / "handbook", size, languages=languages)
            commit(project.root, "synthetic")
            stock = root / "stock"
            write_stock(project, stock, languages)
            options = ["--no-pdf"] + (["--lang", "en"] if len(languages) == 1 else [])
            before = load()
            times: dict[str, list[float]] = {"stock": [], "project": []}
            for i in range(pairs):  # alternate, so drift of the shared machine falls on both
                times["stock"].append(mkdocs(stock, root / f"stock-out-{i}").seconds)
                # --no-cache: every run builds (the cache would answer the second run of a pair).
                times["project"].append(handbook(project.root, root / f"out-{i}", "--no-cache", *options).seconds)
                shutil.rmtree(root / f"stock-out-{i}"), shutil.rmtree(root / f"out-{i}")
            s, p = statistics.median(times["stock"]), statistics.median(times["project"])
            spread = lambda xs: "–".join(f"{x:.1f}" for x in (min(xs), max(xs)))
            rows.append((label, s, p, spread(times["stock"]), spread(times["project"]), before))
            log(f"{label}: stock {s:.1f} s, project {p:.1f} s ({p / s:.2f}x), load {before}")
            shutil.rmtree(root, ignore_errors=True)
    lines = ["| run | stock (s) | this project (s) | project / stock | stock runs (min–max) | project runs (min–max) "
             "| load average before (1/5/15 min) |", "|---|---:|---:|---:|---:|---:|---|"]
    lines += [f"| {label} | {s:.1f} | {p:.1f} | {p / s:.2f}× | {ss} | {ps} | {before} |"
              for label, s, p, ss, ps, before in rows]
    by = {label: (s, p) for label, s, p, *_ in rows}
    for size in sizes:
        four, one = by.get(f"4 languages × {size} pages, web"), by.get(f"English only × {size} pages, web")
        if four and one:
            lines.append(f"\nAt {size} pages, the project's 4-language build takes {four[1] / one[1]:.2f}× its "
                         f"English-only build (stock: {four[0] / one[0]:.2f}×).")
    return lines


# --- languages: growth with the number of languages ------------------------------------------------

def add_languages(project: Project, codes: Sequence[str], pages: int) -> None:
    """`handbook language add` for each code, then its pages (up-to-date translations)."""
    from handbook.cli import main

    os.environ["HANDBOOK_ROOT"] = str(project.root)
    try:
        for code in codes:
            with contextlib.redirect_stdout(io.StringIO()):  # what it added, 16 times over
                added = main(["language", "add", code, "--name", EXTRA[code], "--quotes", "“”‘’"])
            if added != 0:
                raise SystemExit(f"handbook language add {code} failed")
            for i in range(1, pages + 1):
                (project.docs / "chapters" / f"page-{i:04d}.{code}.md").write_text(
                    synthetic_page(i, pages, code), encoding="utf-8")
    finally:
        del os.environ["HANDBOOK_ROOT"]


def twenty_languages(root: Path, count: int, pages: int) -> tuple[Project, list[str]]:
    """The synthetic handbook with ``count`` languages (four real, the rest added), committed."""
    extra = list(EXTRA)[:count - len(BASE)]
    project = generate(root, pages)
    add_languages(project, extra, pages)
    commit(project.root, f"synthetic, {count} languages")
    return project, [*BASE, *extra]


def languages(work: Path, counts: Sequence[int], pages: int, pdf_pages: int, log) -> list[str]:
    rows = []
    for what, size, options in (("web", pages, ["--no-pdf"]), ("web and PDF", pdf_pages, [])):
        if size == 0:  # --pdf-pages 0: web rows only
            continue
        project, codes = twenty_languages(work / f"handbook-{size}", max(counts), size)
        for count in counts:
            chosen = [a for code in codes[:count] for a in ("--lang", code)]
            before = load()
            result = handbook(project.root, work / "out", "--no-cache", *chosen, *options, memory=True)
            shutil.rmtree(work / "out")
            workers = result.peak_mb("worker")
            main_mb = max(result.peak_mb("main") or [0])
            rows.append((count, f"{what}, {size} pages", result.seconds, len(workers), max(workers or [0]),
                         statistics.median(workers or [0]), main_mb, before))
            log(f"{count} language(s), {what}, {size} pages: {result.seconds:.1f} s, {len(workers)} workers, "
                f"largest {max(workers or [0]):.0f} MB, main {main_mb:.0f} MB, load {before}")
    lines = ["| languages built | outputs | time (s) | s per language | worker processes | largest worker peak (MB) "
             "| median worker peak (MB) | main process peak (MB) | load average before |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---|"]
    lines += [f"| {n} | {what} | {t:.1f} | {t / n:.1f} | {w} | {big:.0f} | {med:.0f} | {m:.0f} | {before} |"
              for n, what, t, w, big, med, m, before in rows]
    for what in dict.fromkeys(r[1] for r in rows):
        mine = [(n, t) for n, w, t, *_ in rows if w == what]
        if len(mine) >= 2:
            (n1, t1), (n2, t2) = mine[0], mine[-1]
            lines.append(f"\n{what}: {n2} languages take {t2 / t1:.1f}× the time of {n1} ({n2 / n1:.0f}× the "
                         f"languages); from {mine[-2][0]} to {n2}: {t2 / mine[-2][1]:.2f}× for {n2 / mine[-2][0]:.1f}×.")
    return lines


# --- edit: one French page changed -----------------------------------------------------------------

def edit(work: Path, pages: int, log) -> list[str]:
    project = generate(work / "handbook", pages)
    commit(project.root, "synthetic")
    out = work / "site"
    before = load()
    full = handbook(project.root, out).seconds
    page = project.docs / "chapters" / f"page-{pages // 2:04d}.fr.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nUne phrase ajoutée pour la mesure.\n", encoding="utf-8")
    again = handbook(project.root, out).seconds
    log(f"edit: full {full:.1f} s, after one French edit {again:.1f} s ({again / full:.0%}), load {before}")
    return ["| build | time (s) | share of the full build |", "|---|---:|---:|",
            f"| full build, 4 languages × {pages} pages, web and PDF | {full:.1f} | 100% |",
            f"| the same build after one French page changed (uncommitted, as a writer builds; the other "
            f"languages from the cache) | {again:.1f} "
            f"| {again / full:.0%} |", "", f"Load average before: {before}."]


def main(argv: Sequence[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400])
    parser.add_argument("--languages", type=int, nargs="+", default=[1, 5, 10, 20])
    parser.add_argument("--language-pages", type=int, default=100)
    parser.add_argument("--pdf-pages", type=int, default=100, help="pages per language of the runs with PDFs (0: none)")
    parser.add_argument("--edit-pages", type=int, default=100)
    parser.add_argument("--only", default="compare,languages,edit")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    parts = args.only.split(",")
    log = lambda line: print(line, file=sys.stderr, flush=True)
    start_load = load()
    sections: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        work = Path(tmp)
        if "compare" in parts:
            sections += ["", "## Against the stock pipeline", "", *compare(work / "compare", args.sizes, args.pairs, log)]
        if "languages" in parts:
            sections += ["", f"## Growth with the number of languages (of a handbook with {max(args.languages)})", "",
                         *languages(work / "languages", args.languages, args.language_pages, args.pdf_pages, log)]
        if "edit" in parts:
            sections += ["", "## One French page changed", "", *edit(work / "edit", args.edit_pages, log)]
    head = [
        "# Web build benchmark",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}; "
        f"load average (1/5/15 min) at the start: {start_load}, at the end: {load()}. "
        f"Command: `python -m benchmarks.bench_site {' '.join(argv if argv is not None else sys.argv[1:])}`.",
    ]
    text = "\n".join(head + sections) + "\n"
    args.out.write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    print(main())
