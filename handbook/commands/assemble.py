"""``handbook assemble``: join languages built on separate machines into one site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.paths import Project

HELP = "Join parts built with `handbook build --lang CODE --out parts/CODE` into one site."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("parts", nargs="+", type=Path, metavar="PART",
                        help="a folder written by `handbook build --lang CODE --out PART`")
    parser.add_argument("--out", type=Path, help="output folder (default: site/)")
    parser.add_argument("--audience", choices=("public", "restricted"), default="public",
                        help="the edition the parts were built for (every part must say the same)")


def run(args: argparse.Namespace, project: Project) -> int:
    from handbook.errors import HandbookError
    from handbook.site.assemble import assemble
    from handbook.site.build import source_date_epoch

    try:
        site = assemble(project, args.parts, args.out or project.site, epoch=source_date_epoch(project.root),
                        audience=args.audience)
    except HandbookError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Assembled {len(args.parts)} part(s) into {site}")
    return 0
