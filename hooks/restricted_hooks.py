"""MkDocs events of the restricted edition (handbook build --audience restricted): the "Restricted"
menu section and the restricted tree's files. In a public build (the audience unset) every event
returns at once, and nothing of the tree is read.

A module of its own because its on_config must run before hooks/i18n_languages.py's (the section's
title is translated with the others), and its on_files after mkdocs-static-i18n's (which sorts the
files of docs/ into languages and knows nothing of the tree, so the tree's files of this language
are added after it).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from handbook.errors import HandbookError
from handbook.languages import I18n, load_i18n
from handbook.pages.walk import RESTRICTED
from handbook.paths import LOCALE_ENV, Project
from handbook.restricted.site import build_audience, dest_uri, nav_section, served_files

T = TypeVar("T")


def _for_this_language(config: MkDocsConfig, make: Callable[[Project, I18n, str], T]) -> T:
    """``make(project, i18n, language)`` for the language this run builds; user errors as MkDocs errors."""
    project = Project(Path(config.config_file_path).parent)
    try:
        i18n = load_i18n(project.root)
        return make(project, i18n, os.environ.get(LOCALE_ENV) or i18n.default)
    except HandbookError as exc:
        raise PluginError(str(exc)) from None


# Before hooks/i18n_languages.py (100), which translates the menu's section titles.
@event_priority(110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if build_audience() != RESTRICTED:
        return config
    section = _for_this_language(config, nav_section)
    if config.nav is not None:  # without a menu in mkdocs.yml, MkDocs lists every page itself
        config.nav = [*config.nav, section]
    return config


# After mkdocs-static-i18n (-100), which would drop files from outside docs/.
@event_priority(-105)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if build_audience() != RESTRICTED:
        return files
    i18n, found = _for_this_language(config, lambda project, i18n, lang: (i18n, served_files(project, i18n, lang)))
    for src_uri, path in found.items():
        file = File.generated(config, src_uri, abs_src_path=str(path))
        file.dest_uri = dest_uri(src_uri, i18n, config.use_directory_urls)
        files.append(file)
    return files
