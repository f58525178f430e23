"""The ``handbook`` command-line tool.

Each subcommand is a module in ``handbook.commands`` exposing ``HELP``, ``configure(parser)`` and
``run(args, project) -> int``. Add a command by adding its module name to ``COMMANDS``.
Exit codes: 0 success or clean, 1 findings or build failure, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
from collections.abc import Sequence

from handbook.diagnostics import EXIT_INTERRUPTED, EXIT_USAGE
from handbook.errors import HandbookError
from handbook.paths import find_project

COMMANDS: dict[str, str] = {
    "build": "handbook.commands.build",
    "assemble": "handbook.commands.assemble",
    "serve": "handbook.commands.serve",
    "lint": "handbook.commands.lint",
    "check": "handbook.commands.check",
    "status": "handbook.commands.status",
    "translate": "handbook.commands.translate",
    "terms": "handbook.commands.terms",
    "review": "handbook.commands.review",
    "edition": "handbook.commands.edition",
    "pdf": "handbook.commands.pdf",
    "preview-shots": "handbook.commands.preview_shots",
    "paragraphs": "handbook.commands.paragraphs",
    "language": "handbook.commands.language",
}


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="handbook", description="Build, check and translate the handbook.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(command)
        command.set_defaults(_run=module.run)
    return parser


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    signal.signal(signal.SIGTERM, _interrupt)  # SIGTERM stops a command like Ctrl-C: `finally` cleans up
    try:
        return int(args._run(args, find_project()))
    except (HandbookError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM: every `finally` has cleaned up by now
        print(f"handbook: interrupted ({exc or 'Ctrl-C'}); outputs were left as they were.", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
