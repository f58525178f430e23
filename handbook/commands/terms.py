"""``handbook terms import FILE``: merge a TBX termbase from a CAT tool into translations/termbase.yml.

The export is ``handbook lint terms --export tbx DEST``; both are in handbook/terms/tbx.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.paths import Project

HELP = "Merge a TBX termbase (from a CAT tool) into translations/termbase.yml, reporting conflicts."


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = sub.add_parser("import", help="merge a TBX-Basic file into translations/termbase.yml",
                         description="Add the TBX's concepts that the termbase does not have (marked unverified, "
                         "confidence: U) and report every difference with the concepts it has; the termbase's "
                         "decisions are never overwritten.")
    imp.add_argument("file", metavar="FILE", type=Path, help="a TBX file (TBX-Basic, MARTIF or TBX v3)")
    imp.add_argument("--dry-run", action="store_true", help="report only; write nothing")


def run(args: argparse.Namespace, project: Project) -> int:
    from handbook.languages import load_i18n
    from handbook.terms import tbx, termbase
    from handbook.yamlio import parse_yaml

    codes = load_i18n(project.root).codes
    tb = termbase.load(project.root, codes)
    try:
        raw = args.file.read_bytes()
    except OSError as err:
        print(f"error: {args.file}: cannot read it ({err.strerror}).", file=sys.stderr)
        return 2
    path = project.root / termbase.TERMBASE_FILE
    result = tbx.merge(tb, path.read_text(encoding="utf-8"), tbx.parse(raw, str(args.file)))
    # The merged file must still be a valid termbase before it replaces the old one.
    data, lines = parse_yaml(result.text, path)
    termbase.parse(data, lines, path, codes)
    for conflict in result.conflicts:
        print(f"{args.file}: {conflict}")
    if result.added and not args.dry_run:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(result.text)
    verb = "would add" if args.dry_run else "added"
    names = ", ".join(c.id for c in result.added)
    print(f"{termbase.TERMBASE_FILE}: {verb} {len(result.added)} concept(s){f' ({names}), unverified' if names else ''}; "
          f"{len(result.conflicts)} difference(s) reported, none applied." if result.added or result.conflicts
          else f"{termbase.TERMBASE_FILE} is up to date with {args.file}.", file=sys.stderr if result.conflicts else sys.stdout)
    return 1 if result.conflicts else 0
