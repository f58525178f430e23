"""The i18n plugin's language list, made from translations/languages.yml: one list, not two.

mkdocs-static-i18n wants its ``languages:`` in mkdocs.yml. The handbook keeps them in
translations/languages.yml, with the navigation's section titles among the UI strings
(translations/ui/nav.<code>.yml), and a hook hands the plugin this list before the plugin reads it.
Plain data here; hooks/i18n_languages.py turns it into the plugin's own validated configuration.
"""

from __future__ import annotations

import re
from typing import Any

from handbook.errors import HandbookError
from handbook.languages import I18n
from handbook.paths import UI_DIR
from handbook.site.pages import section_titles


def nav_key(title: str) -> str:
    """The UI string of a navigation section: 'Chapters' -> 'nav_chapters'."""
    return "nav_" + re.sub(r"[^a-z0-9]+", "_", title.casefold()).strip("_")


def section_title(i18n: I18n, code: str, title: str) -> str:
    """A navigation section's title in ``code`` (the web's menu and the PDF's part titles)."""
    key = nav_key(title)
    if key not in i18n.strings[i18n.default]:
        raise HandbookError(f"{UI_DIR}/nav.{i18n.default}.yml", f"no string {key!r} for the navigation section "
                            f"{title!r} of mkdocs.yml.", fix=f"Add '{key}: {title}' to it, and its translation to "
                            "every other language's nav file; readers would otherwise see the English title.")
    return i18n.t(code, key)


def plugin_languages(i18n: I18n, nav: Any, build_locale: str | None) -> list[dict[str, Any]]:
    """The plugin's ``languages:`` setting, as mkdocs.yml would spell it.

    ``build_locale``: the one language this MkDocs run builds (the plugin's ``build_only_locale``),
    or None for all of them.
    """
    if build_locale is not None and build_locale not in i18n.codes:
        raise HandbookError("mkdocs.yml", f"the build asks for language {build_locale!r}, which "
                            "translations/languages.yml does not list.", fix=f"Use one of {', '.join(i18n.codes)}.")
    titles = section_titles(nav)
    out = []
    for lang in i18n.languages:
        entry: dict[str, Any] = {"locale": lang.code, "name": lang.name, "build": True}
        if lang.code == i18n.default:
            entry["default"] = True
        else:
            entry["nav_translations"] = {title: section_title(i18n, lang.code, title) for title in titles}
        out.append(entry)
    return out
