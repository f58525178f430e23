"""Gives mkdocs-static-i18n its language list from translations/languages.yml, before it reads it.

A module of its own because a hooks module holds one ``on_config``, and this one must run before
the plugin's (-100) while handbook_hooks.on_config runs after it. mkdocs.yml names only the language
being built, so that the plugin's configuration is valid when MkDocs loads it.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook.errors import HandbookError
from handbook.languages import load_i18n
from handbook.paths import LOCALE_ENV
from handbook.site.i18n_plugin import plugin_languages


# Before mkdocs-static-i18n's on_config (-100), which reads the list, and before any other hook.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins["i18n"]
    try:
        i18n = load_i18n(Path(config.config_file_path).parent)
        languages = plugin_languages(i18n, config.nav, os.environ.get(LOCALE_ENV) or i18n.default)
    except HandbookError as exc:
        raise PluginError(str(exc)) from None
    # The plugin's own configuration class validates the list, and applies build_only_locale as a
    # list written in mkdocs.yml would get it.
    settings = {key: value for key, value in plugin.config.items() if key != "languages"}
    settings["languages"] = languages
    settings["build_only_locale"] = os.environ.get(LOCALE_ENV) or i18n.default
    fresh = type(plugin.config)()
    fresh.load_dict(settings)
    errors, warnings = fresh.validate()
    if errors:
        raise PluginError(f"{config.config_file_path}: the i18n plugin refuses the languages of "
                          f"translations/languages.yml: {'; '.join(f'{k}: {e}' for k, e in errors)}")
    plugin.config = fresh
    return config
