"""Why the leak scan's shingles are 8 words long (handbook/leaks/fingerprint.py).

    .venv/bin/python benchmarks/bench_shingles.py

For each shingle length, over the handbook's own reader pages (each language apart), the share of
a page's shingles that another page also holds, and the part of those that another page holds
only as a short run (a phrase of fewer than 12 words: set phrasing, not a copied passage). The
second figure is what a restricted page on the same subject would match by chance.
"""

from __future__ import annotations

import collections
from pathlib import Path

from handbook.leaks.fingerprint import read_prose
from handbook.pages.model import load_corpus
from handbook.paths import CONTRIBUTOR_DIR, Project

SHORT_RUN = 12


def main() -> None:
    corpus = load_corpus(Project(Path(__file__).resolve().parents[1]))
    prose = [(p.lang, p.source, read_prose(p.text, p.lang, structure=True))
             for p in corpus.pages if not p.source.startswith(CONTRIBUTOR_DIR)]
    print(f"{len(prose)} reader pages")
    for n in (4, 5, 6, 7, 8, 9, 10, 12):
        owners: dict[tuple[str, ...], set[str]] = collections.defaultdict(set)
        for lang, source, pr in prose:
            for s, e in pr.blocks:
                for k in range(s, e - n + 1):
                    owners[(lang, *pr.words[k:k + n])].add(source)
        total = shared = short = 0
        for lang, _, pr in prose:
            for s, e in pr.blocks:
                flags = [len(owners[(lang, *pr.words[k:k + n])]) > 1 for k in range(s, e - n + 1)]
                total += len(flags)
                k = 0
                while k < len(flags):
                    if not flags[k]:
                        k += 1
                        continue
                    j = k
                    while j < len(flags) and flags[j]:
                        j += 1
                    shared += j - k
                    short += (j - k) if (j - k) + n - 1 < SHORT_RUN else 0
                    k = j
        print(f"{n:>2} words: {total} shingles, {100 * shared / total:.1f} % shared, "
              f"{100 * short / total:.1f} % shared only as a phrase under {SHORT_RUN} words")


if __name__ == "__main__":
    main()
