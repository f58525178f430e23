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
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from handbook.errors import HandbookError
from handbook.languages import load_i18n
from handbook.pages.walk import RESTRICTED
from handbook.paths import LOCALE_ENV, Project
from handbook.restricted.site import build_audience, dest_uri, nav_section, served_files


def _project(config: MkDocsConfig) -> Project:
    return Project(Path(config.config_file_path).parent)


def _lang(config: MkDocsConfig, i18n) -> str:
    return os.environ.get(LOCALE_ENV) or i18n.default


# Before hooks/i18n_languages.py (100), which translates the menu's section titles.
@event_priority(110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if build_audience() != RESTRICTED:
        return config
    project = _project(config)
    try:
        i18n = load_i18n(project.root)
        section = nav_section(project, i18n, _lang(config, i18n))
    except HandbookError as exc:
        raise PluginError(str(exc)) from None
    if config.nav is not None:  # without a menu in mkdocs.yml, MkDocs lists every page itself
        config.nav = [*config.nav, section]
    return config


# After mkdocs-static-i18n (-100), which would drop files from outside docs/.
@event_priority(-105)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if build_audience() != RESTRICTED:
        return files
    project = _project(config)
    try:
        i18n = load_i18n(project.root)
        served = served_files(project, i18n, _lang(config, i18n))
    except HandbookError as exc:
        raise PluginError(str(exc)) from None
    for src_uri, path in served.items():
        file = File.generated(config, src_uri, abs_src_path=str(path))
        file.dest_uri = dest_uri(src_uri, i18n, config.use_directory_urls)
        files.append(file)
    return files
