"""The restricted tree (restricted/ by default, a submodule from a private repository): its whole
pages, its passages and its menu order, added to the page model for the restricted audience only.

- Whole pages, restricted/docs/<path>.md (and <path>.<lang>.md), are pages of the restricted
  edition under the URL prefix 'restricted/': their ``rel`` is 'restricted/<path>.md', the path
  MkDocs and the menu give them, and their ``path`` the file's own ('restricted/docs/<path>.md').
- Passages, restricted/passages/<id>.md (and <id>.<lang>.md), fill the ``/// restricted-slot | <id>``
  points of public pages (handbook.mdext.restricted_slot). A translation of a passage is restricted
  like its original: every one of them carries the RESTRICTED audience.
- restricted/nav.yml lists the restricted pages (English source names) in menu order.

The files come from the one walker (handbook.pages.walk), read with the same encoding and size
rules as docs/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from handbook.errors import HandbookError
from handbook.pages.walk import RESTRICTED, content_roots, files as walk_files
from handbook.paths import RESTRICTED_DIR, RESTRICTED_NAV_FILE, RESTRICTED_PASSAGES_DIR, RESTRICTED_URL, Project

if TYPE_CHECKING:
    from handbook.diagnostics import Diagnostic
    from handbook.languages import I18n
    from handbook.pages.model import Corpus, Page


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


def add_restricted(corpus: Corpus) -> None:
    """Add the restricted pages, passages and menu to ``corpus`` (nothing when the tree is absent)."""
    from handbook.pages.model import read_page  # model imports this module late: no cycle at import

    project = corpus.project
    if not tree_present(project):
        return
    docs = project.root / RESTRICTED_DIR / "docs"
    for rel in walk_files(docs, project.root):
        corpus.files.add(RESTRICTED_URL + rel)  # where its images are published
        if rel.endswith(".md"):
            corpus.pages.append(read_page(project, corpus.i18n, RESTRICTED_URL + rel, f"{RESTRICTED_DIR}/docs/{rel}",
                                          corpus.diagnostics, audience=RESTRICTED))
    corpus.passages += load_passages(project, corpus.i18n, corpus.diagnostics)
    corpus.restricted_nav = read_nav(project, {p.source for p in corpus.pages if p.audience == RESTRICTED})
    corpus.index()


def load_passages(project: Project, i18n: I18n, diags: list[Diagnostic] | None = None) -> list[Page]:
    """Every passage of restricted/passages/, in every language: 'after-hours.fr.md' is the French
    passage of slot 'after-hours' (its ``source`` is 'after-hours.md'). Encoding problems go to ``diags``."""
    from handbook.pages.model import read_page

    folder = project.root / RESTRICTED_PASSAGES_DIR
    if not folder.is_dir():
        return []
    found = [] if diags is None else diags
    return [read_page(project, i18n, rel, f"{RESTRICTED_PASSAGES_DIR}/{rel}", found, audience=RESTRICTED)
            for rel in walk_files(folder, project.root) if rel.endswith(".md")]


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
