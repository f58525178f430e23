"""``handbook pdf``: the PDF edition of one language, without building the web site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.diagnostics import EXIT_FINDINGS, EXIT_USAGE
from handbook.paths import Project

HELP = ("Build the PDF edition of one language (handbook-<code>.pdf), and the own PDF of each chapter "
        "and checklist (in <page>/handbook-<code>-<name>.pdf below the same folder).")

# Imports of the package's modules are inside the functions below: cli.py imports every command
# to build its parser, and with them all at the top every `handbook` run took ~90 ms longer
# (measured on `handbook --help`, median 0.20 s -> 0.29 s).


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", required=True, metavar="CODE", help="language code from translations/languages.yml")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="folder for handbook-<code>.pdf (default: where the web build puts it in site/)")


def run(args: argparse.Namespace, project: Project) -> int:
    from handbook.languages import load_i18n
    from handbook.pdf.book import pdf_name, site_pdf_path
    from handbook.pdf.pipeline import PdfFailed, build_pdfs, report
    from handbook.site.build import source_date_epoch

    i18n = load_i18n(project.root)
    if args.lang not in i18n.codes:
        print(f"error: unknown language {args.lang!r}; translations/languages.yml lists {', '.join(i18n.codes)}",
              file=sys.stderr)
        return EXIT_USAGE
    target = (args.out / pdf_name(args.lang)) if args.out else project.site / site_pdf_path(i18n, args.lang)
    try:
        results = build_pdfs(project, {args.lang: target.resolve()}, epoch=source_date_epoch(project.root),
                             own_dirs={args.lang: target.resolve().parent})
    except PdfFailed as exc:
        for result in exc.results:
            for problem in result.problems:
                print(problem.text(), file=sys.stderr)
            if result.error:
                print(f"error: {result.error}", file=sys.stderr)
        print(f"{args.lang}: the PDF was not written", file=sys.stderr)
        return EXIT_FINDINGS
    report(results)
    return 0
