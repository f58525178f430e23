"""Which files of the assembled site belong to which language.

The default language's folder is the site root (prefix ''), the others are 'fr/', 'es/'... inside
it, so a language owns its folder minus the folders of the languages nested in it. The post-build
steps that work language by language (the Content-Security-Policy, the offline copy) read a
language's files through here, so that each language can be finished in its own process.
"""

from __future__ import annotations

import os
from pathlib import Path

from handbook.languages import I18n


def other_folders(i18n: I18n, code: str) -> tuple[str, ...]:
    """The folders inside language ``code``'s folder that belong to other languages ('fr/', 'es/'...)."""
    own = i18n.prefix(code)
    return tuple(i18n.prefix(c) for c in i18n.codes if c != code and i18n.prefix(c) and i18n.prefix(c).startswith(own))


def pages_in(folder: Path, others: tuple[str, ...]) -> list[Path]:
    """The HTML pages under ``folder``, leaving out the sub-folders ``others`` (relative, with '/'), sorted."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if (here / d).relative_to(folder).as_posix() + "/" not in others)
        found += [here / name for name in sorted(filenames) if name.endswith(".html")]
    return found


def language_pages(site: Path, i18n: I18n, code: str) -> list[Path]:
    """Language ``code``'s HTML pages in the assembled ``site``, sorted."""
    return pages_in(site / i18n.prefix(code), other_folders(i18n, code))
