"""Benchmark of the translation status (``handbook status`` and the build's per-page lookups).

    .venv/bin/python benchmarks/bench_translation.py            # print the figures
    .venv/bin/python benchmarks/bench_translation.py --write    # also update benchmarks/results-translation.md

The corpus is the deterministic synthetic handbook of benchmarks/synthetic.py (``--pages`` pages
per language, four languages) in a fresh git repository. Half of each language's translations record
the current English version, so every state is exercised. Figures: best of ``--repeat`` runs, one
process; the number of git processes per status computation is counted, not timed.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import generate  # noqa: E402
from handbook.translation import gitio, inventory, provenance  # noqa: E402
from handbook.translation.report import FORMATS  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results-translation.md"


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300, help="pages per language (default 300)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "handbook"
        generate(root, args.pages)
        docs = root / "docs"
        english = [p for p in inventory.page_files(docs) if p.count(".") == 1]
        blobs = gitio.blob_ids(root, [f"docs/{p}" for p in english])
        for index, rel in enumerate(english):
            for code in ("fr", "es", "ar"):
                path = docs / f"{rel[:-3]}.{code}.md"
                if path.exists():
                    blob = blobs[f"docs/{rel}"] if index % 2 == 0 else "0" * 40
                    text = path.read_text(encoding="utf-8")
                    path.write_text(provenance.set_keys(text, {"source_blob": blob, "translated_on": "2026-11-28"}),
                                    encoding="utf-8")
        env = {"GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.org",
               "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.org", "PATH": "/usr/bin:/bin"}
        subprocess.run(["git", "init", "-q"], cwd=root, check=True, env=env)
        subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
        subprocess.run(["git", "commit", "-qm", "bench"], cwd=root, check=True, env=env)
        files = len(inventory.page_files(docs))

        calls = 0
        real = subprocess.run

        def counting(*a, **kw):
            nonlocal calls
            calls += 1
            return real(*a, **kw)

        gitio.subprocess.run = counting
        report = inventory.load(root)
        gitio.subprocess.run = real
        load_s = best(lambda: inventory.load(root), args.repeat)
        inventory.load_cached(root)
        cached_s = best(lambda: inventory.load_cached(root), args.repeat)
        per_page_s = best(lambda: [inventory.current_blob(root, rel) for rel in english], args.repeat) / len(english)
        text_s = best(lambda: FORMATS["text"](report, __import__("handbook.languages").languages.load_i18n(root), []),
                      args.repeat)
        fr = report.language("fr")

    lines = [
        "# Benchmark: translation status",
        "",
        f"Command: `.venv/bin/python benchmarks/bench_translation.py --pages {args.pages}`  ",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, best of {args.repeat} runs, one process.",
        "",
        "| Measure | Value |",
        "|---|---:|",
        f"| Markdown files (4 languages) | {files} |",
        f"| English pages / words | {len(report.sources)} / {sum(s.words for s in report.sources)} |",
        f"| French pages up to date | {fr.pages_up_to_date} of {fr.pages_total} ({fr.pages_percent:g}%) |",
        f"| git processes per status computation | {calls} |",
        f"| Status computation (read pages, count words, one git call) | {load_s * 1000:.0f} ms |",
        f"| Status page lookup during a build (cached, docs/ unchanged) | {cached_s * 1000:.1f} ms |",
        f"| Outdated check per page during a build (English blob, cached) | {per_page_s * 1e6:.0f} µs |",
        f"| Text report | {text_s * 1000:.1f} ms |",
        "",
    ]
    print("\n".join(lines))
    if args.write:
        RESULTS.write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
