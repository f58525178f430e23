"""The restricted edition's web site: which audience a build makes, its menu section, its files, the
banner and ``noindex`` of every page (``hb.restricted``), and robots.txt. Pure: hooks/restricted_hooks.py
hands these to MkDocs, handbook.site.build and handbook.commands.build call them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from handbook.errors import HandbookError
from handbook.languages import I18n, split_language_path, translation_path
from handbook.pageinfo import PageInfo
from handbook.pages.restricted import nav_sources, require_tree, tree_files
from handbook.pages.walk import AUDIENCES, PUBLIC, RESTRICTED
from handbook.paths import AUDIENCE_ENV, RESTRICTED_DIR, RESTRICTED_URL, Project, is_within

NAV_SECTION = "Restricted"  # its title in each language: nav_restricted in translations/ui/nav.<code>.yml
# Nothing of the restricted edition is for search engines (the pages also say noindex).
ROBOTS_TXT = "User-agent: *\nDisallow: /\n"


def build_audience() -> str:
    """The audience this MkDocs run builds: set by handbook.site.build for its workers; public if unset."""
    return os.environ.get(AUDIENCE_ENV) or PUBLIC


def restricted_context(info: PageInfo) -> dict[str, Any]:
    """``hb.restricted``: the banner of every page of the restricted edition (None in the public one)."""
    if info.audience != RESTRICTED:
        return {"restricted": None}
    return {"restricted": {"banner": info.i18n.t(info.lang, "restricted_banner")}}


def served_files(project: Project, i18n: I18n, lang: str) -> dict[str, Path]:
    """The restricted tree's files of language ``lang``'s site: site path ('restricted/x.md',
    'restricted/images/a.png') -> the file read (its translation, else the English original).
    A page keeps its language suffix in the name MkDocs gets, so the handbook's hooks find it in the
    page model; its address drops it (:func:`dest_uri`)."""
    chosen: dict[str, tuple[str, str]] = {}
    for rel in tree_files(project):
        code, source = split_language_path(rel, i18n.codes, i18n.default)
        if code == lang or (code == i18n.default and source not in chosen):
            chosen[source] = (code, rel)
    docs = project.root / RESTRICTED_DIR / "docs"
    out = {}
    for source, (_, rel) in sorted(chosen.items()):
        name = rel if rel.endswith(".md") else source  # an image keeps the name pages link to
        out[RESTRICTED_URL + name] = docs / rel
    return out


def nav_section(project: Project, i18n: I18n, lang: str) -> dict[str, list[str]]:
    """The menu's "Restricted" section for ``lang``: the pages of restricted/nav.yml, in its order,
    each by the file this language reads (its translation, else English)."""
    files = served_files(project, i18n, lang)
    entries = []
    for source in nav_sources(project, i18n):
        localized = translation_path(source, lang)
        entries.append(localized if lang != i18n.default and localized in files else source)
    return {NAV_SECTION: entries}


def dest_uri(site_path: str, i18n: I18n, use_directory_urls: bool = True) -> str:
    """Where a restricted file is written: 'restricted/x.fr.md' -> 'restricted/x/index.html'."""
    if not site_path.endswith(".md"):
        return site_path
    stem = split_language_path(site_path, i18n.codes, i18n.default)[1][:-3]
    if stem.endswith("/index"):
        return stem + ".html"
    return f"{stem}/index.html" if use_directory_urls else f"{stem}.html"


def write_robots(site: Path, project: Project) -> None:
    """Build step of the restricted edition: a robots.txt that disallows everything."""
    (site / "robots.txt").write_text(ROBOTS_TXT, encoding="utf-8")


def check_request(project: Project, audience: str, out: Path | None) -> None:
    """Refuse a restricted build that could land where the public site is, or that has no tree."""
    if audience not in AUDIENCES:
        raise HandbookError("--audience", f"unknown audience {audience!r}.", fix=f"Use one of {', '.join(AUDIENCES)}.")
    if audience != RESTRICTED:
        return
    if out is None:
        raise HandbookError("--audience restricted", "the restricted edition needs its own output folder.",
                            fix="Add --out with a folder of its own, e.g. --out site-restricted.")
    if is_within(out, project.site) or is_within(project.site, out):
        raise HandbookError(out, "this is the public site's folder; the restricted edition must never be "
                            "written where the public site is built or published.",
                            fix="Choose a folder of its own, e.g. --out site-restricted.")
    require_tree(project)
    _refuse_file_types(project)


def _refuse_file_types(project: Project) -> None:
    """The tree's files are published as they are, like docs/'s: only pages and images (SAFE006)."""
    from handbook.check.safety import ALLOWED_FILE_TYPES  # late: the checks load more than the build needs

    bad = [rel for rel in tree_files(project) if not rel.lower().endswith((".md", *ALLOWED_FILE_TYPES))]
    if bad:
        raise HandbookError(project.root / RESTRICTED_DIR / "docs" / bad[0], "file type not allowed in "
                            f"{RESTRICTED_DIR}/docs/: the build would publish it as it is"
                            + (f" (and {len(bad) - 1} more)" if len(bad) > 1 else "") + ".",
                            fix=f"{RESTRICTED_DIR}/docs/ holds Markdown pages and images "
                                f"({', '.join(ALLOWED_FILE_TYPES)}); remove the file.")
