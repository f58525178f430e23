"""``handbook edition``: show, publish and start editions, and prepare an edition's release files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.diagnostics import EXIT_CLEAN, EXIT_USAGE, FORMATTERS, count, exit_code, render
from handbook.editorial.dates import cli_date
from handbook.paths import Project

HELP = "Show the current edition, publish it, start the next one, or prepare its release files."

# Imports of the package's modules are inside the functions below: cli.py imports every command
# to build its parser, and with them all at the top every `handbook` run took ~90 ms longer
# (measured on `handbook --help`, median 0.20 s -> 0.29 s).


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = sub.add_parser("show", help="print the current edition (number, date, status)")
    show.add_argument("--field", choices=("number", "date", "status", "tag"),
                      help="print only this value (for scripts)")
    new = sub.add_parser("new", help="start the next edition as a draft, with its changes/<number>/ folder")
    new.add_argument("--date", type=cli_date, required=True, metavar="YYYY-MM-DD",
                     help="planned publication date of the new edition")
    publish = sub.add_parser("publish", help="mark the current edition published")
    publish.add_argument("--date", type=cli_date, required=True, metavar="YYYY-MM-DD", help="publication date")
    check = sub.add_parser("check", help="check the editions file and every change-log entry")
    check.add_argument("--format", choices=sorted(FORMATTERS), default="text", help="output format")
    assets = sub.add_parser("assets", help="copy the built PDFs under their release names, with SHA-256 sums")
    assets.add_argument("--site", type=Path, help="the built site (default: site/)")
    assets.add_argument("--out", type=Path, required=True, help="folder for the release files")
    assets.add_argument("--tag", help="fail unless this git tag is the current edition's tag (release workflow)")


def run(args: argparse.Namespace, project: Project) -> int:
    from handbook.editorial import edition as editions_module

    if args.action == "new":
        created = editions_module.start_next(project, args.date)
        print(f"Started edition {created.number} (draft, planned for {created.date}). Record changes for "
              f"readers in changes/{created.number}/ (see docs/contributing/editorial-guide.md).")
        return EXIT_CLEAN
    if args.action == "publish":
        published = editions_module.publish(project, args.date)
        print(f"Edition {published.number} is published on {published.date}. Commit, then tag it: "
              f"git tag {published.tag}")
        return EXIT_CLEAN
    editions = editions_module.load(project)
    current = editions.current
    if args.action == "show":
        if args.field:
            print(getattr(current, args.field))
        else:
            print(f"Edition {current.number}, {current.status}, {current.date} (tag {current.tag})")
        return EXIT_CLEAN
    if args.action == "check":
        from handbook.editorial.changes import check_changes
        from handbook.languages import load_i18n

        diags = check_changes(project, load_i18n(project.root), editions)
        sys.stdout.write(render(diags, args.format))
        print(f"Edition {current.number} ({current.status}): {count(diags)} in the change log.", file=sys.stderr)
        return exit_code(diags)
    # assets
    from handbook.editorial.release import write_assets
    from handbook.languages import load_i18n

    if args.tag is not None and (args.tag != current.tag or not current.published):
        print(f"error: {editions.path}: tag {args.tag!r} does not release the current edition "
              f"({current.tag}, {current.status}). Publish it with `handbook edition publish`, commit, "
              f"and tag that commit {current.tag}.", file=sys.stderr)
        return EXIT_USAGE
    i18n = load_i18n(project.root)
    files = write_assets(args.site or project.site, args.out, i18n, editions, current,
                         expected=_published_languages(project, i18n.codes))
    for path in files:
        print(path)
    return EXIT_CLEAN


def _published_languages(project: Project, codes: tuple[str, ...]) -> list[str]:
    """Languages whose PDF the translation publication gate lets out."""
    from handbook.translation.gate import decide

    return [code for code in codes if decide(project, code).publish]
