"""Each language's build date: the time of the last commit that changed one of its inputs.

A language's outputs carry a date (the PDF's creation date and colophon, the offline ZIP's entries,
the pages' dates). With the date of the last commit of the whole repository, every commit changed
every language's outputs, so the cache (handbook.site.cache) rebuilt all twenty PDFs for a French
typo. With the date of the last commit that touched what the language is built from, a French
commit changes French's date only, and a language's outputs depend on its own inputs alone.

What touches a language is what its cache key reads (:func:`handbook.site.cache.input_files`): its
own files and the English ones under docs/ and translations/ (a deleted English page too), the
shared folders and files, the package's code, and for the restricted audience the restricted tree
(a submodule: its pointer in this repository). SOURCE_DATE_EPOCH, when set, is every language's date.

A chapter's or checklist's own PDF has a date of its own (:func:`document_epochs`): the last commit
that changed that page, in the language or in English, or anything else of the language's inputs
that is not another page of the book. A French commit to one chapter then changes that chapter's PDF
and the book, not the nineteen other PDFs, which the PDF cache (handbook.pdf.cache) can keep.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Collection, Sequence
from functools import lru_cache
from pathlib import Path

from handbook.languages import I18n, load_i18n, split_language_path
from handbook.pages.walk import PUBLIC, RESTRICTED
from handbook.paths import DOCS_DIR, RESTRICTED_DIR, TRANSLATIONS_DIR, Project
from handbook.site.cache import SHARED_DIRS, SHARED_FILES

# Folders and files whose every change can change any language's output (with the cache key's own
# shared folders and files: handbook.site.cache).
PACKAGE_DIR = "handbook"


def affects(rel: str, i18n: I18n, code: str, audience: str = PUBLIC) -> bool:
    """Whether a change to the repository-relative file ``rel`` can change language ``code``'s output."""
    top, _, rest = rel.partition("/")
    if rel in SHARED_FILES or top in (*SHARED_DIRS, PACKAGE_DIR):
        return True
    if top == RESTRICTED_DIR:
        return audience == RESTRICTED
    if top == TRANSLATIONS_DIR and rest.startswith("po/"):  # translations/po/<code>/...: that language's
        return rest.split("/")[1] == code
    if top in (DOCS_DIR, TRANSLATIONS_DIR):
        return split_language_path(rest, i18n.codes, i18n.default)[0] in (code, i18n.default)
    return False


def source_date_epoch(root: Path) -> str:
    """SOURCE_DATE_EPOCH: the environment's, else the last commit's time, so a commit builds the same.

    Outside a git checkout (or when git fails) the dates fall back to 1970-01-01, with a warning.
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        proc = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
        out, problem = proc.stdout.strip(), proc.stderr.strip()
    except OSError as exc:
        out, problem = "", str(exc)
    if not out:
        print(f"warning: {root}: no commit date from git ({problem or 'no commits'}); build dates will read "
              "1970-01-01. Commit first, or set SOURCE_DATE_EPOCH.", file=sys.stderr)
    return out or "0"


def language_epochs(project: Project, codes: Sequence[str], audience: str = PUBLIC) -> dict[str, str]:
    """Each of ``codes``' build date (seconds since 1970, as text)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return {code: os.environ["SOURCE_DATE_EPOCH"] for code in codes}
    found = _from_history(project.root, _head(project.root), audience)
    return {code: found.get(code, found.get("", "0")) for code in codes}


def document_epochs(project: Project, code: str, pages: Collection[str], audience: str = PUBLIC) -> dict[str, str]:
    """The date of each of ``pages`` (English sources of the book's pages, 'chapters/x.md') in
    language ``code``: the last commit that changed the page itself (its ``code`` translation or its
    English source) or an input of the language that is not one of ``pages`` (UI strings, termbase,
    templates, styles, images, the package, a page outside the book, a deleted page).

    What a page's own PDF shows of other pages (a link kept as text) does not move its date; its
    bytes are still those of a clean build, which computes the same date from the same history.
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return {base: os.environ["SOURCE_DATE_EPOCH"] for base in pages}
    head = _head(project.root)
    changed = _file_dates(project.root, head)
    if not changed:  # no history: the language's date, which says why
        date = language_epochs(project, [code], audience)[code]
        return {base: date for base in pages}
    i18n = load_i18n(project.root)
    wanted = set(pages)
    shared, own = 0, dict.fromkeys(wanted, 0)
    for rel, date in changed.items():
        if not affects(rel, i18n, code, audience):
            continue
        top, _, rest = rel.partition("/")
        base = split_language_path(rest, i18n.codes, i18n.default)[1] if top == DOCS_DIR else ""
        if base in wanted:
            own[base] = max(own[base], date)
        else:
            shared = max(shared, date)
    last = int(source_date_epoch(project.root))
    return {base: str(max(shared, own[base]) or last) for base in pages}


@lru_cache(maxsize=8)
def _file_dates(root: Path, head: str) -> dict[str, int]:
    """Repository-relative file -> the time of the last commit that changed it (deleted files
    included), read in one pass over the history."""
    if not head:
        return {}
    try:
        proc = subprocess.run(["git", "log", "--format=%x01%ct", "--name-only", "--no-renames", head],
                              cwd=root, capture_output=True, text=True, check=False)
    except OSError:
        return {}
    dates: dict[str, int] = {}
    date = 0
    for line in proc.stdout.splitlines():
        if line.startswith("\x01"):
            date = int(line[1:] or 0)
        elif line:
            dates[line] = max(dates.get(line, 0), date)  # the newest, whatever order merges list them in
    return dates


def _head(root: Path) -> str:
    try:
        proc = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=False)
    except OSError:  # no git: every language gets the site's date (source_date_epoch says why)
        return ""
    return proc.stdout.strip()


@lru_cache(maxsize=8)
def _from_history(root: Path, head: str, audience: str) -> dict[str, str]:
    """code -> date of the last commit touching its inputs, read in one pass over the history,
    newest first; '' -> the last commit's date, for a language no commit has touched yet."""
    out: dict[str, str] = {"": source_date_epoch(root)}
    if not head:
        return out
    i18n = load_i18n(root)
    proc = subprocess.Popen(["git", "log", "--format=%x01%ct", "--name-only", "--no-renames", "HEAD"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    waiting, date = set(i18n.codes), ""
    try:
        for line in proc.stdout or ():
            line = line.rstrip("\n")
            if line.startswith("\x01"):
                date = line[1:]
            elif line:
                for code in [c for c in waiting if affects(line, i18n, c, audience)]:
                    out[code] = date
                    waiting.discard(code)
                if not waiting:
                    break
    finally:
        proc.kill()
        proc.wait()
    return out
