"""Benchmark of the terminology linter on a deterministic synthetic corpus.

    .venv/bin/python benchmarks/bench_terms.py            # print the figures
    .venv/bin/python benchmarks/bench_terms.py --write    # also update benchmarks/results-terms.md

The corpus has 400 pages per language in every language of translations/languages.yml (about
21 MB of Markdown): prose built from a fixed vocabulary, with headings, lists, tables, links,
code blocks, admonitions, legal titles, mentions, suppression comments and the termbase's own
avoid, preferred and variant forms. Page *n* has the same structure and uses the same concepts in
every language, as a translation does. It is generated from a fixed seed in a temporary folder.
Figures are for one core (one process), best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
from collections import Counter
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handbook.languages import load_i18n  # noqa: E402
from handbook.terms import extract, termbase as termbase_mod  # noqa: E402
from handbook.paths import Project  # noqa: E402
from handbook.terms.lint import lint_paths  # noqa: E402
from handbook.terms.matcher import matcher  # noqa: E402

PAGES_PER_LANGUAGE = 400
BLOCKS_PER_PAGE = 30  # about 13 kB a page: 4 x 400 pages, about 21 MB of UTF-8
SEED = 20261128
RESULTS = ROOT / "benchmarks" / "results-terms.md"

FILLER = {
    "en": "officers record the account of the child in a calm room and share it with the partner agency "
          "before the prosecutor reviews the file and the court sets a date for the hearing",
    "fr": "les enquêteurs consignent le récit de l'enfant dans une pièce calme et le partagent avec le "
          "service partenaire avant que le procureur examine le dossier et que le tribunal fixe l'audience",
    "es": "los agentes registran el relato de la niña en una sala tranquila y lo comparten con la agencia "
          "asociada antes de que la fiscalía revise el expediente y el tribunal fije la audiencia",
    "ar": "يسجل الضباط رواية الطفل في غرفة هادئة ويتبادلونها مع الجهة الشريكة قبل أن تراجع النيابة "
          "الملف وتحدد المحكمة موعد الجلسة",
}


class Vocabulary:
    """What one language's pages are made of. Picks are made by index with the same random
    numbers in every language, so a translated page uses the concepts of its English page."""

    def __init__(self, tb, lang: str):
        self.words = FILLER[lang].split()
        self.uses = [c.entry(lang).prefer[0] for c in tb.concepts]
        self.variants = [c.entry(lang).variants[0] if c.entry(lang).variants else c.entry(lang).prefer[0]
                         for c in tb.concepts]
        self.avoid = [f for c in tb.concepts for f in c.entry(lang).avoid] or ["x"]
        self.errors = [f for c in tb.concepts if c.severity == "avoid" for f in c.entry(lang).avoid] or ["x"]
        self.titles = [t for c in tb.concepts for t in c.entry(lang).exceptions] or ["x"]
        self.marker = tb.mention_markers[lang][0]

    @staticmethod
    def pick(rng: random.Random, items: list[str]) -> str:
        return items[rng.randrange(1 << 30) % len(items)]

    def term(self, rng: random.Random) -> str:
        return self.pick(rng, self.variants if rng.random() < 0.02 else self.uses)


def _sentence(rng: random.Random, v: Vocabulary, terms: bool = True) -> str:
    n = rng.randint(8, 22)
    chosen = [v.pick(rng, v.words) for _ in range(n)]
    if terms and rng.random() < 0.25:
        chosen.insert(rng.randint(0, n), v.term(rng))
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, v: Vocabulary) -> str:
    text = " ".join(_sentence(rng, v) for _ in range(rng.randint(3, 7)))
    # Wrap at about 100 columns, as the handbook's sources are, so terms break across lines.
    lines, line = [], ""
    for word in text.split(" "):
        if len(line) + len(word) > 100:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


def make_page_text(v: Vocabulary, page_no: int) -> str:
    rng = random.Random(SEED * 1000 + page_no)  # the same page structure in every language
    out = [f"---\ntitle: Page {page_no}\ndescription: Synthetic page {page_no} for the benchmark.\n---\n",
           f"# Page {page_no} {{ #page-{page_no} }}\n"]
    for section in range(1, BLOCKS_PER_PAGE + 1):
        kind = rng.random()
        if kind < 0.45:
            out.append(_paragraph(rng, v))
        elif kind < 0.55:
            out.append(f"## Section {section} {{ #section-{section} }}")
        elif kind < 0.65:
            out.append("\n".join(f"- {_sentence(rng, v)}" for _ in range(rng.randint(2, 5))))
        elif kind < 0.72:
            rows = [f"| {_sentence(rng, v)} | {_sentence(rng, v, False)} |" for _ in range(3)]
            out.append("| A | B |\n|---|---|\n" + "\n".join(rows))
        elif kind < 0.78:
            out.append(f"See [{_sentence(rng, v)}](https://example.org/{rng.randint(1, 9999)}/"
                       f"{v.pick(rng, v.avoid).replace(' ', '-')}) and `code {rng.randint(1, 99)}`.")
        elif kind < 0.83:
            out.append("```text\n" + "\n".join(v.pick(rng, v.avoid) for _ in range(3)) + "\n```")
        elif kind < 0.88:
            out.append(f"/// note | {_sentence(rng, v, False)}\n\n{_paragraph(rng, v)}\n\n///")
        elif kind < 0.92:
            out.append(f"{_sentence(rng, v, False)} *{v.pick(rng, v.titles)}* {_sentence(rng, v, False)}")
        elif kind < 0.96:
            out.append(f"<!-- terms: disable-next-line TERM001 -- quoting the record -->\n"
                       f"{_sentence(rng, v, False)} {v.pick(rng, v.errors)} {_sentence(rng, v, False)}")
        else:
            out.append(f"{_sentence(rng, v, False)} {v.marker} «{v.pick(rng, v.avoid)}».")
    return "\n\n".join(out) + "\n"


def make_corpus(root: Path) -> dict[str, list[Path]]:
    """A handbook at ``root``: the repository's translations/ and the synthetic pages in docs/."""
    i18n = load_i18n(ROOT)
    tb = termbase_mod.load(ROOT, i18n.codes)
    shutil.copytree(ROOT / "translations", root / "translations")
    folder = root / "docs"
    folder.mkdir()
    files: dict[str, list[Path]] = {}
    for code in i18n.codes:
        vocabulary = Vocabulary(tb, code)
        for n in range(PAGES_PER_LANGUAGE):
            name = f"page-{n:04d}.md" if code == i18n.default else f"page-{n:04d}.{code}.md"
            path = folder / name
            path.write_text(make_page_text(vocabulary, n), encoding="utf-8")
            files.setdefault(code, []).append(path)
    return files


def best(repeat: int, fn) -> float:
    """CPU seconds of the fastest run (this process and its children): one core's work, which
    stays meaningful on a shared machine where wall-clock time does not."""
    times = []
    for _ in range(repeat):
        start = _cpu()
        fn()
        times.append(_cpu() - start)
    return min(times)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help=f"update {RESULTS.relative_to(ROOT)}")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    i18n = load_i18n(ROOT)
    tb = termbase_mod.load(ROOT, i18n.codes)
    tmp = Path(tempfile.mkdtemp(prefix="bench-terms-"))
    try:
        files = make_corpus(tmp)
        texts = {code: [(p, p.read_text(encoding="utf-8")) for p in paths] for code, paths in files.items()}
        total = sum(p.stat().st_size for paths in files.values() for p in paths)
        mb = total / 1e6
        avoid = sorted({f for c in tb.concepts for code in i18n.codes for f in c.entry(code).avoid})
        rows: list[tuple[str, float, str]] = []

        if shutil.which("grep"):
            phrases = tmp / "phrases.txt"
            phrases.write_text("\n".join(avoid) + "\n", encoding="utf-8")
            names = [str(p) for paths in files.values() for p in paths]

            def grep() -> None:
                subprocess.run(["grep", "-F", "-i", "-c", "-f", str(phrases), *names],
                               stdout=subprocess.DEVNULL, check=False)
            rows.append(("`grep -F -i` with the avoid phrases (exact text only)", best(args.repeat, grep), "C, no Markdown, no inflection"))

        naive_res = [re.compile(re.escape(f), re.IGNORECASE) for f in avoid]
        sample = [t for code in texts for _, t in texts[code][:40]]
        sample_mb = sum(len(t.encode()) for t in sample) / 1e6

        def naive() -> None:
            for text in sample:
                for rx in naive_res:
                    for _ in rx.finditer(text):
                        pass
        naive_s = best(1, naive) * (mb / sample_mb)
        rows.append(("naive Python: one regex per phrase (measured on 10%, scaled)", naive_s, "no Markdown, no inflection"))

        def extract_only() -> None:
            for code, items in texts.items():
                for _, text in items:
                    extract.scannable(text, code)
        rows.append(("linter: Markdown to prose only", best(args.repeat, extract_only), ""))

        scans = {code: [extract.scannable(t, code).text for _, t in items] for code, items in texts.items()}

        def match_only() -> None:
            for code, items in scans.items():
                m = matcher(tb, code)
                for text in items:
                    m.avoid_hits(text)
        rows.append(("linter: matching only (avoid forms, exceptions, mentions)", best(args.repeat, match_only), ""))

        last: list = []

        def full() -> None:
            last[:] = lint_paths(Project(tmp))
        full_s = best(args.repeat, full)
        rows.append(("**linter, everything on** (prose, matching, exceptions, mentions, suppressions, drift)", full_s, ""))
        counts = Counter(d.code for d in last)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    lines = [
        "# Terminology linter: benchmark results",
        "",
        "Generated by `.venv/bin/python benchmarks/bench_terms.py --write` (do not edit by hand).",
        "",
        f"- Corpus: {PAGES_PER_LANGUAGE} pages x {len(files)} languages, {mb:.1f} MB of Markdown (seed {SEED}).",
        f"- Machine: {platform.machine()}, Python {platform.python_version()}, one process; CPU time "
        f"(user + system) of the best of {args.repeat} runs.",
        f"- Target: at least 10 MB/s on one core with everything switched on.",
        "",
        "| What | Time (s) | MB/s | Note |",
        "|---|---:|---:|---|",
    ]
    for name, seconds, note in rows:
        lines.append(f"| {name} | {seconds:.2f} | {mb / seconds:.1f} | {note} |")
    found = ", ".join(f"{code} x{n}" for code, n in sorted(counts.items())) or "none"
    lines += ["", f"Findings of the full run on the corpus: {found}. Most avoid forms the corpus plants sit in",
              "code, URLs, legal titles, mentions or suppressed lines, and must not be reported; the rest are.",
              "", "For comparison, the issue quotes 0.16 s for `grep -F` and 1.5 MB/s for the naive loop on its machine.", ""]
    report = "\n".join(lines)
    print(report)
    if args.write:
        RESULTS.write_text(report, encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    ok = mb / full_s >= 10
    print(f"{'PASS' if ok else 'BELOW TARGET'}: {mb / full_s:.1f} MB/s with everything on", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
