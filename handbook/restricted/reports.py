"""Reports about the restricted tree (``handbook status``, ``review`` and ``lint terms`` with
``--audience restricted``): the pages they cover, and where they may be written.

A report about restricted text is restricted: it goes to stdout or to a file the user names, never
into a site folder (site/, or any folder a build wrote, known by its build manifest), where a
deployment would publish it with the pages.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from handbook.errors import HandbookError
from handbook.pages.model import Corpus, load_corpus
from handbook.pages.restricted import require_tree
from handbook.pages.walk import AUDIENCES, PUBLIC, RESTRICTED
from handbook.paths import RESTRICTED_PASSAGES_DIR, Project, is_within
from handbook.site.output import MANIFEST


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--audience", choices=AUDIENCES, default=PUBLIC,
                        help="'restricted' covers the restricted tree too (its pages and passages)")
    parser.add_argument("--output", type=Path, metavar="FILE",
                        help="write the report to FILE (default: stdout); never inside a site folder")


def report_corpus(project: Project, audience: str) -> Corpus:
    """The pages a report covers: docs/, and for the restricted audience the restricted pages and
    passages (each passage as 'restricted/passages/<id>.md', so it cannot be taken for a page of
    docs/). A HandbookError when the tree is missing."""
    if audience != RESTRICTED:
        return load_corpus(project)
    require_tree(project)
    corpus = load_corpus(project, audience=RESTRICTED)
    prefix = RESTRICTED_PASSAGES_DIR + "/"
    corpus.pages += [dataclasses.replace(p, rel=prefix + p.rel, source=prefix + p.source) for p in corpus.passages]
    corpus.index()
    return corpus


def check_output(project: Project, output: Path | None) -> None:
    """Refuse a report path inside site/ or inside any folder a build wrote."""
    if output is None:
        return
    target = output.expanduser().resolve()
    sites = [project.site, *(folder for folder in target.parents if (folder / MANIFEST).is_file())]
    for site in sites:
        if is_within(target, site):
            raise HandbookError(output, f"this is inside the site folder {site}; a report there would be "
                                "published with the pages.",
                                fix="Write the report outside every site folder, e.g. --output reports/status.txt, "
                                    "or leave out --output to print it.")


def emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
