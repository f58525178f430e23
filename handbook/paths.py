"""Where things live in a handbook checkout: the one place that names its folders and files.

Code takes paths from here (or from a Project), never spells out 'docs' or 'translations' itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

CONFIG_FILE = "mkdocs.yml"
DOCS_DIR = "docs"
TRANSLATIONS_DIR = "translations"
UI_DIR = "translations/ui"
LANGUAGES_FILE = "translations/languages.yml"
SNIPPETS_DIR = "docs/snippets"
TERMBASE_FILE = "translations/termbase.yml"
PO_DIR = "translations/po"  # PO files for a Weblate component, one folder per language (handbook/exchange)
EDITION_FILE = "translations/edition.yml"  # editions and the review policy
CHANGES_DIR = "changes"  # the change log: one folder per edition, one YAML file per entry
# Pages for the handbook's contributors (authoring, editorial and translators' guides, rule
# references), docs-relative. Every other page is a reader page: what officers read, what the
# reader's PDF holds, and what each language must translate.
CONTRIBUTOR_DIR = "contributing/"
CHAPTERS_DIR = "chapters/"  # numbered chapters (front matter `chapter:`), each with a PDF of its own
CHECKLISTS_DIR = "checklists/"  # one-page checklists, each with a PDF of its own
SITE_DIR = "site"
THEME_DIR = "overrides"  # mkdocs.yml's theme.custom_dir: templates, styles, fonts, Material overrides
# The restricted edition's separate tree (a git submodule from a private repository, when present).
RESTRICTED_DIR = "restricted"
RESTRICTED_PASSAGES_DIR = "restricted/passages"  # <id>.md and <id>.<lang>.md: what fills a restricted slot
RESTRICTED_NAV_FILE = "restricted/nav.yml"  # the order of the restricted pages in the menu
# URL prefix of the restricted pages in each language of the restricted edition ('restricted/x/').
RESTRICTED_URL = "restricted/"
# Environment variable naming the audience a MkDocs run builds: 'public' (unset) or 'restricted'.
AUDIENCE_ENV = "HANDBOOK_BUILD_AUDIENCE"
# Environment variable naming the one language a MkDocs run builds (read by mkdocs.yml and by
# hooks/i18n_languages.py, which sets the i18n plugin's build_only_locale from it).
LOCALE_ENV = "HANDBOOK_BUILD_LOCALE"
# Comma-separated outputs built next to the web pages in this run (e.g. "pdf"), so pages link
# only to files that will exist. Unset for a plain `mkdocs build` or `serve`: no PDF link.
OUTPUTS_ENV = "HANDBOOK_OUTPUTS"
# JSON {language: web state} of the publication gate, decided once by `handbook build` from every
# language's pages and handed to each language's MkDocs run, which then reads only its own pages and
# the English ones (handbook.translation.gate). Unset for a plain `mkdocs build` or `serve`: the run
# reads every language and decides itself.
WEB_STATES_ENV = "HANDBOOK_WEB_STATES"


def is_within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies below it, once both are resolved (links followed)."""
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def is_reader_page(source: str) -> bool:
    """True for a page officers read ('chapters/x.md'), False for contributor material."""
    return not source.startswith(CONTRIBUTOR_DIR)


@dataclass(frozen=True)
class Project:
    """A handbook checkout: every path is derived from its root."""

    root: Path

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def docs(self) -> Path:
        return self.root / DOCS_DIR

    @property
    def translations(self) -> Path:
        return self.root / TRANSLATIONS_DIR

    @property
    def languages_file(self) -> Path:
        return self.root / LANGUAGES_FILE

    @property
    def site(self) -> Path:
        return self.root / SITE_DIR


def find_project(start: Path | None = None) -> Project:
    """Return the checkout containing ``start`` (default: $HANDBOOK_ROOT or the working directory)."""
    here = Path(start or os.environ.get("HANDBOOK_ROOT") or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / CONFIG_FILE).is_file() and (candidate / LANGUAGES_FILE).is_file():
            return Project(candidate)
    raise FileNotFoundError(
        f"{here}: not inside a handbook checkout (no {CONFIG_FILE} next to {LANGUAGES_FILE}). "
        "Run the command from the repository, or set HANDBOOK_ROOT."
    )
