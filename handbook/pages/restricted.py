"""The restricted tree (restricted/ by default, a submodule from a private repository): its whole
pages, its passages and its menu order, added to the page model for the restricted audience only.

- Whole pages, restricted/docs/<path>.md (and <path>.<lang>.md), are pages of the restricted
  edition under the URL prefix 'restricted/': their ``rel`` is 'restricted/<path>.md', the path
  MkDocs and the menu give them, and their ``path`` the file's own ('restricted/docs/<path>.md').
- Passages, restricted/passages/<id>.md (and <id>.<lang>.md), fill the ``/// restricted-slot | <id>``
  points of public pages (handbook.mdext.restricted_slot). A translation of a passage is restricted
  like its original: every one of them carries the RESTRICTED audience.
- restricted/nav.yml lists the restricted pages (English source names) in menu order.

The files come from the one walker (handbook.pages.walk); handbook.pages.model reads them with the
same encoding and size rules as docs/ (load_corpus with the RESTRICTED audience, load_passages).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handbook.errors import HandbookError
from handbook.pages.walk import RESTRICTED, content_roots, files as walk_files
from handbook.paths import RESTRICTED_DIR, RESTRICTED_NAV_FILE, RESTRICTED_URL, Project

if TYPE_CHECKING:
    from handbook.languages import I18n


def tree_present(project: Project) -> bool:
    return any(root.audience == RESTRICTED for root in content_roots(project, RESTRICTED))


def require_tree(project: Project) -> None:
    """Refuse the restricted edition when its tree is missing, with how to get it."""
    if not tree_present(project):
        raise HandbookError(project.root / RESTRICTED_DIR, "the restricted tree is missing (no "
                            f"{RESTRICTED_DIR}/docs/ folder), so there is no restricted edition to build.",
                            fix=f"Check out the private repository at {RESTRICTED_DIR}/ (git submodule update "
                                "--init), or build the public edition without --audience restricted.")


def tree_files(project: Project) -> list[str]:
    """The files of restricted/docs/, relative to it, as the walker lists them ([] without the tree)."""
    return walk_files(project.root / RESTRICTED_DIR / "docs", project.root) if tree_present(project) else []


def nav_sources(project: Project, i18n: I18n) -> list[str]:
    """The restricted pages' English sources ('restricted/x.md'), in menu order, without reading them."""
    from handbook.languages import split_language_path

    sources = {RESTRICTED_URL + split_language_path(rel, i18n.codes, i18n.default)[1]
               for rel in tree_files(project) if rel.endswith(".md")}
    return read_nav(project, sources)


def read_nav(project: Project, sources: set[str]) -> list[str]:
    """The restricted pages' sources ('restricted/x.md') in the order restricted/nav.yml lists them;
    a HandbookError (file, line, fix) for an entry that is not a restricted page or is listed twice.
    Without nav.yml, the pages in name order."""
    from handbook.yamlio import load_yaml  # late: PyYAML only when the tree is read

    path = project.root / RESTRICTED_NAV_FILE
    if not path.is_file():
        return sorted(sources)
    data, lines = load_yaml(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise HandbookError(path, "must be a list of page paths.", line=1,
                            fix="Write one '- path.md' line per restricted page, relative to restricted/docs/.")
    out: list[str] = []
    for index, item in enumerate(data):
        line = lines.get((index,), 1)
        source = RESTRICTED_URL + str(item).strip("/") if isinstance(item, str) else ""
        if source not in sources:
            known = ", ".join(sorted(s.removeprefix(RESTRICTED_URL) for s in sources)) or "none"
            raise HandbookError(path, f"entry {item!r} is not a page of restricted/docs/.", line=line,
                                fix=f"List the English page's path relative to restricted/docs/ (pages: {known}).")
        if source in out:
            raise HandbookError(path, f"page {item!r} is listed twice.", line=line, fix="Remove one of the entries.")
        out.append(source)
    return out
