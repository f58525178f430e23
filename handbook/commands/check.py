"""``handbook check``: the integrity gate, every language in one run.

Without options: the Markdown-level checks of docs/ (links, parity, frontmatter, safety, hygiene)
and, when a built site exists in site/, the built-site checks (lychee offline, CSP). Exit codes
are the shared policy of handbook.diagnostics.exit_code: 1 when a finding is an error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.check import CHECKS, check_docs
from handbook.check import site as site_check
from handbook.pages.model import load_corpus
from handbook.diagnostics import EXIT_USAGE, FORMATTERS, exit_code, render
from handbook.paths import Project

HELP = "Check links, anchors, translations, front matter, markup safety and hygiene in every language."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=sorted(FORMATTERS), default="text", help="output format (default: text)")
    parser.add_argument("--only", action="append", choices=list(CHECKS), metavar="FAMILY",
                        help=f"run only this family of Markdown checks (repeatable): {', '.join(CHECKS)}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--site", type=Path, metavar="DIR",
                       help="also check this built site (default: site/ when it has been built)")
    where.add_argument("--no-site", action="store_true", help="skip the built-site checks (lychee, CSP)")
    where.add_argument("--leaks", type=Path, metavar="SITE_DIR",
                       help="only prove that the built site in SITE_DIR holds nothing of the restricted tree "
                            "(restricted/): every file scanned for restricted text and images, and the public "
                            "sources checked for links to restricted pages and restricted titles (LEAK codes)")
    parser.add_argument("--external", action="store_true",
                        help="also check external http(s) links, with a cache and timeouts (scheduled runs only, "
                             "never the pull-request gate: it needs the network)")


def run(args: argparse.Namespace, project: Project) -> int:
    if args.leaks is not None:
        return _leaks(args, project)
    site_dir = None if args.no_site else (args.site or project.site)
    if args.site and not (args.site / "index.html").is_file():
        print(f"error: {args.site}: not a built site (no index.html). Run `handbook build` first.", file=sys.stderr)
        return EXIT_USAGE
    runs = []
    if site_dir is not None and (site_dir / "index.html").is_file():
        print(f"checking the built site in {site_dir} (lychee offline, CSP)", file=sys.stderr)
        runs.append(site_check.start(site_dir, project))
    corpus = load_corpus(project)
    if args.external:
        pages = [project.docs / p.rel for p in corpus.pages + corpus.snippets]
        runs.append(site_check.start_external(pages, project))
    found = check_docs(project, args.only, corpus=corpus)
    for r in runs:
        found += r.result()
    sys.stdout.write(render(found, args.format))
    languages = len({p.lang for p in corpus.pages})
    summary = f"{len(found)} problem(s)" if found else "no problems"
    print(f"handbook check: {summary} in {len(corpus.pages)} page(s), {languages} language(s)", file=sys.stderr)
    return exit_code(found)


def _leaks(args: argparse.Namespace, project: Project) -> int:
    """``--leaks SITE_DIR``: the leak scan of a built site, and the source-level LEAK checks."""
    import time

    from handbook.check.leaks import check as source_checks
    from handbook.leaks import tree
    from handbook.leaks.fingerprint import load
    from handbook.leaks.scan import scan_site, site_files

    if not args.leaks.is_dir():
        print(f"error: {args.leaks}: no such folder. Give the folder a build wrote (handbook build --out DIR).",
              file=sys.stderr)
        return EXIT_USAGE
    if not tree.present(project):
        print(f"error: {project.root / 'restricted'}: no restricted tree (restricted/docs or restricted/passages), "
              "so there is nothing to fingerprint. Check out the private tree (git submodule update --init) first.",
              file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    corpus = load_corpus(project)
    prints, copies = load(project, corpus)
    # The LEAK rules cannot be suppressed: the family runs without the suppression pass.
    found = list(source_checks(corpus, loaded=(prints, copies)))
    found += scan_site(args.leaks, prints, shown=str(args.leaks), copies=copies)
    sys.stdout.write(render(found, args.format))
    summary = f"{len(found)} problem(s)" if found else "no restricted text or image found"
    print(f"handbook check --leaks: {summary} in {len(site_files(args.leaks))} file(s) of {args.leaks} "
          f"({len(prints.shingles)} restricted shingle(s), {len(prints.images)} image(s); "
          f"{time.perf_counter() - started:.1f}s)", file=sys.stderr)
    return exit_code(found)
