"""Benchmark of the terminology linter on a deterministic synthetic corpus.

    .venv/bin/python benchmarks/bench_terms.py            # print the figures
    .venv/bin/python benchmarks/bench_terms.py --write    # also update benchmarks/results-terms.md

The corpus has 400 pages per language in every language of translations/languages.yml (about
21 MB of Markdown): prose built from a fixed vocabulary, with headings, lists, tables, links,
code blocks, admonitions, legal titles, mentions, suppression comments and the termbase's own
avoid, preferred and variant forms. It is generated from a fixed seed in a temporary folder.
Figures are for one core (one process), best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
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
from handbook.terms.lint import lint_text, make_page  # noqa: E402
from handbook.terms.matcher import matcher  # noqa: E402

PAGES_PER_LANGUAGE = 400
TARGET_PAGE_BYTES = 13_100  # bytes of UTF-8: 4 x 400 pages, about 21 MB
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


def _sentence(rng: random.Random, words: list[str], terms: list[str]) -> str:
    n = rng.randint(8, 22)
    chosen = [rng.choice(words) for _ in range(n)]
    if terms and rng.random() < 0.25:
        chosen.insert(rng.randint(0, n), rng.choice(terms))
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, words: list[str], terms: list[str]) -> str:
    text = " ".join(_sentence(rng, words, terms) for _ in range(rng.randint(3, 7)))
    # Wrap at about 100 columns, as the handbook's sources are, so terms break across lines.
    lines, line = [], ""
    for word in text.split(" "):
        if len(line) + len(word) > 100:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


def make_page_text(rng: random.Random, lang: str, tb, page_no: int) -> str:
    words = FILLER[lang].split()
    terms: list[str] = []
    titles: list[str] = []
    for concept in tb.concepts:
        entry = concept.entry(lang)
        terms += list(entry.prefer) + list(entry.variants)
        titles += list(entry.exceptions)
    avoid = [f for c in tb.concepts for f in c.entry(lang).avoid]
    out = [f"---\ntitle: Page {page_no}\ndescription: Synthetic page {page_no} for the benchmark.\n---\n",
           f"# Page {page_no} {{ #page-{page_no} }}\n"]
    section = 0
    while sum(len(p.encode()) for p in out) < TARGET_PAGE_BYTES:
        section += 1
        kind = rng.random()
        if kind < 0.45:
            out.append(_paragraph(rng, words, terms))
        elif kind < 0.55:
            out.append(f"## Section {section} {{ #section-{section} }}")
        elif kind < 0.65:
            out.append("\n".join(f"- {_sentence(rng, words, terms)}" for _ in range(rng.randint(2, 5))))
        elif kind < 0.72:
            rows = [f"| {_sentence(rng, words, terms)} | {_sentence(rng, words, [])} |" for _ in range(3)]
            out.append("| A | B |\n|---|---|\n" + "\n".join(rows))
        elif kind < 0.78:
            out.append(f"See [{_sentence(rng, words, terms)}](https://example.org/{rng.randint(1, 9999)}/"
                       f"{rng.choice(avoid).replace(' ', '-') if avoid else 'x'}) and `code {rng.randint(1, 99)}`.")
        elif kind < 0.83:
            out.append("```text\n" + "\n".join(rng.choice(avoid or ["x"]) for _ in range(3)) + "\n```")
        elif kind < 0.88:
            out.append(f"/// note | {_sentence(rng, words, [])}\n\n{_paragraph(rng, words, terms)}\n\n///")
        elif kind < 0.92 and titles:
            out.append(f"{_sentence(rng, words, [])} *{rng.choice(titles)}* {_sentence(rng, words, [])}")
        elif kind < 0.96 and avoid:
            out.append(f"<!-- terms: disable-next-line TERM001 TERM002 -- quoting the record -->\n"
                       f"{_sentence(rng, words, [])} {rng.choice(avoid)} {_sentence(rng, words, [])}")
        elif avoid:
            marker = tb.mention_markers[lang][0]
            out.append(f"{_sentence(rng, words, [])} {marker} «{rng.choice(avoid)}».")
    return "\n\n".join(out) + "\n"


def make_corpus(folder: Path) -> dict[str, list[Path]]:
    i18n = load_i18n(ROOT)
    tb = termbase_mod.load(ROOT, i18n.codes)
    rng = random.Random(SEED)
    files: dict[str, list[Path]] = {}
    for code in i18n.codes:
        for n in range(PAGES_PER_LANGUAGE):
            name = f"page-{n:04d}.md" if code == i18n.default else f"page-{n:04d}.{code}.md"
            path = folder / name
            path.write_text(make_page_text(rng, code, tb, n), encoding="utf-8")
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

        def full() -> None:
            originals = {p.name: make_page(p.name, t, i18n.default) for p, t in texts[i18n.default]}
            for code, items in texts.items():
                for path, text in items:
                    source = originals.get(path.name.replace(f".{code}.md", ".md")) if code != i18n.default else None
                    lint_text(path.name, text, code, tb, source)
        full_s = best(args.repeat, full)
        rows.append(("**linter, everything on** (prose, matching, exceptions, mentions, suppressions, drift)", full_s, ""))
        findings = sum(len(lint_text(p.name, t, c, tb)) for c, items in texts.items() for p, t in items[:20])
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
    lines += ["", f"Sanity check: {findings} finding(s) on the first 20 pages of each language "
              "(the corpus plants avoid forms on purpose).", ""]
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
