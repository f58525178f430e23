"""``handbook review``: pages due or overdue for review, by owner, and translations left behind."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from handbook.diagnostics import EXIT_USAGE, FORMATTERS, count, exit_code, render
from handbook.editorial.dates import cli_date
from handbook.paths import Project

HELP = ("List pages due or overdue for review, by owner, and translations whose English page was "
        "reviewed or changed after them. Exit 1 when a finding is an error (missing or invalid review "
        "metadata; an overdue review with --context release).")

# Imports of the package's modules are inside the functions below: cli.py imports every command
# to build its parser, and with them all at the top every `handbook` run took ~90 ms longer
# (measured on `handbook --help`, median 0.20 s -> 0.29 s).


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--context", choices=("pull_request", "release"), default="pull_request",
                        help="where the review runs: decides whether an overdue review is a warning or an "
                             "error (set in translations/edition.yml; default: pull_request)")
    parser.add_argument("--today", type=cli_date, default=None, metavar="YYYY-MM-DD",
                        help="the date to check against (default: today, UTC)")
    parser.add_argument("--owner", help="only this owner's pages (or a translation team)")
    parser.add_argument("--format", choices=sorted(FORMATTERS), default="text",
                        help="text (grouped by owner), json, or github (workflow annotations)")
    from handbook.restricted.reports import add_options

    add_options(parser)


def run(args: argparse.Namespace, project: Project) -> int:
    from handbook.editorial.review import format_grouped, owner_known, review
    from handbook.errors import HandbookError
    from handbook.restricted import reports

    today = args.today or dt.datetime.now(dt.timezone.utc).date()
    try:
        reports.check_output(project, args.output)
        corpus = reports.report_corpus(project, args.audience)
    except HandbookError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    findings = review(project, today, context=args.context, corpus=corpus)
    if args.owner:
        findings = [f for f in findings if f.group.casefold() == args.owner.casefold()]
        if not findings and not owner_known(corpus, args.owner):
            print(f"error: no page has the owner {args.owner!r}", file=sys.stderr)
            return EXIT_USAGE
    diags = [f.diagnostic for f in findings]
    reports.emit(format_grouped(findings) if args.format == "text" else render(diags, args.format), args.output)
    if not diags:
        print(f"Review dates up to date on {today}.", file=sys.stderr)
    else:
        print(f"{count(diags)} on {today} ({args.context}).", file=sys.stderr)
    return exit_code(diags)
