"""``handbook serve``: live preview of one language."""

from __future__ import annotations

import argparse
import os
import sys

from handbook.paths import LOCALE_ENV, Project

HELP = "Preview one language with live reload (search needs a full `handbook build`)."

# Imports of the package's modules are inside the functions below: cli.py imports every command
# to build its parser, and with them all at the top every `handbook` run took ~90 ms longer
# (measured on `handbook --help`, median 0.20 s -> 0.29 s).


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", default=None, help="language to preview (default: the source language)")
    parser.add_argument("--addr", default="127.0.0.1:8000", help="address to serve on")


def run(args: argparse.Namespace, project: Project) -> int:
    from handbook.languages import load_i18n

    i18n = load_i18n(project.root)
    code = args.lang or i18n.default
    if code not in i18n.codes:
        print(f"error: unknown language {code!r}; choose one of {', '.join(i18n.codes)}", file=sys.stderr)
        return 2
    env = dict(os.environ, **{LOCALE_ENV: code, "NO_MKDOCS_2_WARNING": "1"})
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project.config_file), "-a", args.addr]
    # Become `mkdocs serve` rather than wait for it: a signal sent to this process (a terminal, an
    # IDE, a test) then reaches the server itself, and none is left running when this one is stopped.
    sys.stdout.flush()
    sys.stderr.flush()
    os.chdir(project.root)
    os.execve(sys.executable, cmd, env)
    return 0  # not reached
