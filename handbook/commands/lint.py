"""``handbook lint``: checks that report diagnostics (``path:line:col: CODE message (hint)``).

Each checker is a sub-command registered in ``LINTERS``; ``terms`` is the terminology linter.
Exit codes (handbook.diagnostics.exit_code): 0 clean or only warnings, 1 an error, 2 usage or
configuration error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from handbook.diagnostics import EXIT_CLEAN, EXIT_USAGE, FORMATTERS, count, exit_code, render
from handbook.paths import Project

HELP = "Check pages: `handbook lint terms [PATH...]` applies the terminology rules."

# Imports of the package's modules are inside the functions below: cli.py imports every command
# to build its parser, and with them all at the top every `handbook` run took ~90 ms longer
# (measured on `handbook --help`, median 0.20 s -> 0.29 s).


def _configure_terms(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="Markdown files or folders (default: every page under docs/, every language)")
    parser.add_argument("--export", nargs=2, action="append", metavar=("FORMAT", "DEST"), default=[],
                        help="instead of linting, write the termbase as FORMAT (vale: a style folder; "
                             "tbx: a TBX file) to DEST; repeatable")
    from handbook.restricted.reports import add_options

    add_options(parser)


def _run_terms(args: argparse.Namespace, project: Project) -> int:
    from handbook.languages import load_i18n
    from handbook.terms import exports, lint, termbase

    if args.export:
        i18n = load_i18n(project.root)
        tb = termbase.load(project.root, i18n.codes)
        for fmt, dest in args.export:
            if fmt not in exports.EXPORTERS:
                print(f"error: unknown export format {fmt!r}; use one of: {', '.join(exports.EXPORTERS)}",
                      file=sys.stderr)
                return EXIT_USAGE
            for path, changed in exports.EXPORTERS[fmt](tb, Path(dest)):
                print(f"{'wrote' if changed else 'up to date'}: {path}")
        return EXIT_CLEAN
    from handbook.errors import HandbookError
    from handbook.restricted import reports

    try:
        reports.check_output(project, args.output)
        diags = lint.lint_paths(project, args.paths, reports.report_corpus(project, args.audience))
    except HandbookError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    reports.emit(render(diags, args.format), args.output)
    if diags:
        print(f"{len(diags)} finding(s): {count(diags)}", file=sys.stderr)
    return exit_code(diags)


LINTERS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[..., int]]] = {
    "terms": ("Apply the terminology rules of translations/termbase.yml to pages.", _configure_terms, _run_terms),
}


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="linter", required=True, metavar="CHECK")
    for name, (help_text, configure_linter, run_linter) in LINTERS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--format", choices=sorted(FORMATTERS), default="text",
                             help="output: text (default), json, or github (workflow annotations)")
        configure_linter(command)
        command.set_defaults(_lint=run_linter)


def run(args: argparse.Namespace, project: Project) -> int:
    return int(args._lint(args, project))
