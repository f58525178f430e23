"""``handbook build``: the whole handbook, every language, into site/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.paths import Project

HELP = "Build the web edition of every language (and each language's PDF) into site/."

# Imports of the package's modules are inside the functions below: cli.py imports every command
# to build its parser, and with them all at the top every `handbook` run took ~90 ms longer
# (measured on `handbook --help`, median 0.20 s -> 0.29 s).

# Steps run, in order, on the assembled site before it replaces site/: name -> module with a
# `post_build(site, project)` function.
POST_STEPS: dict[str, str] = {
    "pdf": "handbook.pdf",  # the PDF edition of every language, written next to its pages
    "csp": "handbook.site.csp",  # it hashes the inline code of the final HTML
    # After the policy, because each language's offline ZIP holds the pages as served. It changes no
    # inline code (text in marked spans, href values in the ZIP) and re-checks every page it touches.
    "offline": "handbook.offline",
    # Last: the leak scan reads every file as served (ZIPs included). It does nothing, and reads
    # nothing, without a restricted tree; with one, a finding refuses the site.
    "leaks": "handbook.leaks.step",
}

# The restricted edition (--audience restricted) has no offline ZIP: a copy on a device is out of the
# committee's access control. It holds the restricted text by design, so it is not scanned for it.
# It gets a robots.txt that disallows everything.
RESTRICTED_SKIPS = ("offline", "leaks")
RESTRICTED_STEPS = (("handbook.restricted.site", "write_robots"),)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", action="append", metavar="CODE",
                        help="build only this language (repeatable); default: every language")
    parser.add_argument("--out", type=Path, help="output folder (default: site/)")
    parser.add_argument("--jobs", type=int, help="parallel language builds (default: one per core)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF editions")
    parser.add_argument("--audience", choices=("public", "restricted"), default="public",
                        help="'restricted' builds the restricted edition (public and restricted pages, "
                             "with the restricted/ tree) into --out, which it requires (default: public)")
    parser.add_argument("--no-cache", action="store_true",
                        help="build every language afresh, ignoring and not filling .cache/handbook/")


def run(args: argparse.Namespace, project: Project) -> int:
    import importlib

    from handbook.site.build import BuildFailed, build_site

    from handbook.errors import HandbookError
    from handbook.restricted.site import check_request

    audience = getattr(args, "audience", "public")
    try:
        check_request(project, audience, args.out)
    except HandbookError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    skipped = RESTRICTED_SKIPS if audience == "restricted" else ()
    names = [name for name in POST_STEPS if not (args.no_pdf and name == "pdf") and name not in skipped]
    steps = [getattr(importlib.import_module(POST_STEPS[name]), "post_build") for name in names]
    if audience == "restricted":
        steps += [getattr(importlib.import_module(module), name) for module, name in RESTRICTED_STEPS]
    try:
        report = build_site(project, codes=args.lang, out=args.out, jobs=args.jobs, post_steps=steps,
                            audience=audience, cache=not args.no_cache,
                            # --lang with --out: a part of the site, for `handbook assemble`
                            part=bool(args.lang and args.out))
    except BuildFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    cached = f" ({len(report.cached)} from the cache)" if report.cached else ""
    print(f"Built {len(report.languages) + len(report.cached)} language(s){cached} into {report.site} "
          f"in {report.seconds:.1f}s")
    return 0
