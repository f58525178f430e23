"""``handbook paragraphs number [PAGE...]``: give new paragraphs of the chapters their citable
numbers, and copy them into the translations."""

from __future__ import annotations

import argparse

from handbook.paths import Project

HELP = ("Give every new paragraph, list item and table of the chapters its citable number (4.12), and "
        "copy the numbers into the translations. Adds numbers only; files must be committed first.")

# Imports of the package's modules are inside the functions below: cli.py imports every command
# to build its parser (see handbook/commands/status.py for the measurement).


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    number = sub.add_parser("number", help="number the new blocks of the English chapters and copy the numbers "
                            "into their translations")
    number.add_argument("pages", nargs="*", metavar="PAGE", help="English chapters (default: every chapter)")
    number.add_argument("--dry-run", action="store_true", help="say what would change, write nothing")


def run(args: argparse.Namespace, project: Project) -> int:
    from handbook.editorial.numbering import apply, plan
    from handbook.pages import load_corpus
    from handbook.translation.inventory import resolve_page

    corpus = load_corpus(project)
    sources = [resolve_page(project.root, corpus.i18n, page) for page in args.pages] or None
    changes = plan(corpus, sources)
    if not args.dry_run:
        apply(project.root, changes)
    for change in changes:
        print(f"{change.path}: {change.note}")
    if not changes:
        print("Every paragraph of the chapters has its number.")
    return 0
